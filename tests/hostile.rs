//! Hostile input: inputs the fuzzers found (kept under tests/fixtures/fuzz) and inputs built
//! to be slow, each handled without a panic, with nothing in the reader HTML that could run.

mod common;
// The audit the fuzz targets use (it needs only `scraper`, which the crate depends on).
#[path = "../fuzz/src/lib.rs"]
mod inert;

use cleancopy::{extract, render, share};
use inert::assert_inert;

/// The reader HTML of `a` carries nothing that could run, and the sanitizer it is checked
/// against leaves it unchanged.
fn assert_safe(a: &cleancopy::Article) {
    let html = render::html(a);
    assert_inert(&html);
    inert::assert_sanitizer_leaves(&html, "a hostile input");
}

#[test]
fn inputs_the_fuzzers_found_are_handled() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if let Some(a) = share::compact::read(&text) {
            assert_safe(&a);
        }
        if let Ok(a) = share::decode(&text) {
            assert_safe(&a);
        }
        if let Ok(input) = cleancopy::decode(&bytes) {
            for kind in [None, Some(cleancopy::InputKind::Markdown), Some(cleancopy::InputKind::Text)] {
                if let Ok((a, _)) = extract(&input, kind) {
                    assert_safe(&a);
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

#[test]
fn every_xss_payload_comes_out_inert_whichever_way_it_comes_in() {
    let path = common::shared_dir().join("security/xss-vectors.json");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("xss vectors")).unwrap();
    let vectors = json["vectors"].as_array().expect("vectors");
    assert!(vectors.len() >= 200);
    for v in vectors {
        let p = v["payload"].as_str().unwrap();
        assert_inert(&cleancopy::sanitize(p));
        let page = format!("<html><body><article><h1>T</h1><p>A paragraph of the story, with a comma, long enough.</p>{p}</article></body></html>");
        for (input, kind) in [
            (page.as_str(), None),
            (p, Some(cleancopy::InputKind::HtmlFragment)),
            (p, Some(cleancopy::InputKind::Markdown)),
            (p, Some(cleancopy::InputKind::Text)),
        ] {
            if let Ok((a, _)) = extract(input, kind) {
                assert_safe(&a);
                // The saved page: its own style sheet in the head, the article in the body.
                let saved = render::standalone(&a);
                assert_inert(&saved[saved.find("<body>").unwrap()..]);
                assert!(!saved.to_ascii_lowercase().contains("<script"));
                let back = share::decode(&share::encode(&a)).unwrap();
                assert_safe(&back);
            }
        }
    }
}
