//! Properties over generated input: extracting and rendering any input never panics, the
//! reader HTML is as the allow-list sanitizer would leave it (the renderer writes it safe by
//! construction; the sanitizer is the oracle), and the sanitizer's output is a fixed point.

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
        Just("[outer [inner](https://example.org/i) link](https://example.org/o)".to_string()),
        Just("<a href=\"https://example.org/o\">outer <a href=\"https://example.org/i\">inner</a></a>".to_string()),
        Just("[own](#main) <a href=\"#x y\">x</a> <span id=\"fn1\"></span><a id=\"a&quot;b\" name=\"n\"></a>".to_string()),
        Just("![p](data:image/png;base64,iVBORw0KGgo=) ![s](data:image/svg+xml,x) <img src=\" data:image/gif;base64,R0lGOD\">".to_string()),
        Just("<a href=\"relative/x\">r</a> <a href=\"//host/x\">s</a> <a href=\"mailto:a@b.c\">m</a> [v](vbscript:x)".to_string()),
        Just("\0\r\n\r\u{a0}\u{feff}\u{fffe}".to_string()),
        Just("<pre><code class=\"language-rust\">\nfn main() {}\n</code></pre>".to_string()),
        "[A-Za-z ,.]{1,40}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

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
