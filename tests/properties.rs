//! Properties over generated input: extracting and rendering any input never panics, and the
//! sanitizer's output is a fixed point (sanitizing it again changes nothing).

use cleancopy::{extract, render, sanitize, InputKind};
use proptest::prelude::*;

/// Markup-shaped text: tags (some hostile), attributes, entities, Markdown marks and words.
fn markupish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"story\">".to_string()),
        Just("</div>".to_string()),
        Just("<a href=\"javascript:alert(1)\">".to_string()),
        Just("<a href=\"https://example.org/x?y=1&amp;z\">".to_string()),
        Just("</a>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("<svg><g onload=alert(1)></svg>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<pre><code>".to_string()),
        Just("<h2>".to_string()),
        Just("<blockquote>".to_string()),
        Just("<ul><li>".to_string()),
        Just("<!-- x -->".to_string()),
        Just("&amp;&lt;&#x3c;&nbsp;".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("* ".to_string()),
        Just("> ".to_string()),
        Just("```\n".to_string()),
        Just("[link](javascript:alert(1))".to_string()),
        "[A-Za-z ,.]{1,40}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn extracting_and_rendering_never_panics(input in markupish()) {
        for kind in [None, Some(InputKind::HtmlFragment), Some(InputKind::Markdown), Some(InputKind::Text)] {
            if let Ok((article, _)) = extract(&input, kind) {
                let html = render::html(&article);
                prop_assert_eq!(sanitize(&html), html.clone(), "reader HTML is already sanitized");
                let _ = render::markdown(&article);
                let _ = render::text(&article);
            }
        }
    }

    #[test]
    fn sanitizing_is_idempotent(input in markupish()) {
        let once = sanitize(&input);
        prop_assert_eq!(sanitize(&once), once);
    }
}
