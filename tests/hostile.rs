//! Hostile input: inputs the fuzzers found (kept under tests/fixtures/fuzz) and inputs built
//! to be slow, each handled without a panic, with nothing in the reader HTML that could run.

use cleancopy::{extract, render, share};

/// Elements and attributes that could run script, found by a plain scan of reader HTML.
fn assert_inert(html: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in ["<script", "<iframe", "<svg", "<math", "<style", "<object", "<embed", "<form", " style=", " srcdoc="] {
        assert!(!lower.contains(bad), "{bad} in {html}");
    }
    for attr in ["href=\"", "src=\""] {
        for (i, _) in lower.match_indices(attr) {
            let value = lower[i + attr.len()..].trim_start();
            assert!(!value.starts_with("javascript:") && !value.starts_with("vbscript:") && !value.starts_with("data:text"), "{html}");
        }
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e);
        let tag = &rest[i..tag_end];
        assert!(!tag.split_whitespace().skip(1).any(|a| a.starts_with("on")), "handler in {tag}");
        rest = &rest[tag_end..];
    }
}

#[test]
fn inputs_the_fuzzers_found_are_handled() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if let Some(a) = share::compact::read(&text) {
            assert_inert(&render::html(&a));
        }
        if let Ok(a) = share::decode(&text) {
            assert_inert(&render::html(&a));
        }
        if let Ok(input) = cleancopy::decode(&bytes) {
            for kind in [None, Some(cleancopy::InputKind::Markdown), Some(cleancopy::InputKind::Text)] {
                if let Ok((a, _)) = extract(&input, kind) {
                    assert_inert(&render::html(&a));
                }
            }
        }
    }
}

#[test]
fn a_language_that_looks_like_a_script_address_stays_text() {
    let a = cleancopy::Article { lang: Some("\njavascript:alert(1)".into()), blocks: vec![cleancopy::Block::paragraph("x")], ..Default::default() };
    let html = render::html(&a);
    assert_inert(&html);
    assert_eq!(share::decode(&share::encode(&a)).unwrap(), a);
}

#[test]
fn deep_nesting_is_bounded_and_the_story_inside_is_found() {
    for depth in [10_000usize, 100_000] {
        let page = format!(
            "<html><body>{}<p>Deep inside, a paragraph of the story, with a comma, and enough words to count.</p>{}</body></html>",
            "<div><span>".repeat(depth),
            "</span></div>".repeat(depth)
        );
        let (a, _) = extract(&page, None).unwrap();
        assert!(render::text(&a).contains("Deep inside, a paragraph"), "depth {depth}");
    }
}
