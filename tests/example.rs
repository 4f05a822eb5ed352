//! The page the project started from: a news page copied whole as plain text must give every
//! expectation in `../shared/examples/news-page-copied-as-text.expected.json`.

mod common;

use common::{fold, read_shared};
use serde_json::Value;

struct Example {
    copy: cleancopy::CleanCopy,
    expected: Value,
}

fn example() -> Example {
    let input = read_shared("examples/news-page-copied-as-text.txt");
    let expected: Value = serde_json::from_str(&read_shared("examples/news-page-copied-as-text.expected.json")).unwrap();
    Example { copy: cleancopy::clean(&input, None).expect("the example extracts"), expected }
}

fn expected_str(e: &Example, key: &str) -> String {
    fold(e.expected[key].as_str().unwrap_or_else(|| panic!("{key} in expectations")))
}

fn paragraphs(e: &Example) -> Vec<String> {
    e.copy.text.split("\n\n").map(fold).collect()
}

#[test]
fn the_title_is_the_headline() {
    let e = example();
    assert_eq!(e.copy.title.as_deref().map(fold), Some(expected_str(&e, "title")));
}

#[test]
fn the_four_summary_points_are_kept_without_their_label() {
    let e = example();
    let expected: Vec<String> = e.expected["summary_points"].as_array().unwrap().iter().map(|v| fold(v.as_str().unwrap())).collect();
    assert_eq!(e.copy.summary.iter().map(|s| fold(s)).collect::<Vec<_>>(), expected);
}

#[test]
fn the_dateline_and_its_source_are_split_off() {
    let e = example();
    assert_eq!(e.copy.dateline.as_deref().map(fold), Some(expected_str(&e, "dateline")));
    assert_eq!(e.copy.source.as_deref().map(fold), Some(expected_str(&e, "source")));
}

#[test]
fn the_body_starts_and_ends_where_the_story_does() {
    let e = example();
    let body = fold(&e.copy.text);
    assert!(body.starts_with(&expected_str(&e, "body_starts_with")), "body starts: {}", &body[..body.len().min(200)]);
    assert!(body.ends_with(&expected_str(&e, "body_ends_with")), "body ends: {}", &body[body.len().saturating_sub(200)..]);
}

#[test]
fn the_body_has_every_paragraph_and_no_more() {
    let e = example();
    let paras = paragraphs(&e);
    assert_eq!(paras.len() as u64, e.expected["body_paragraph_count"].as_u64().unwrap(), "{paras:#?}");
    for needle in e.expected["body_contains"].as_array().unwrap() {
        let needle = fold(needle.as_str().unwrap());
        assert!(fold(&e.copy.text).contains(&needle), "missing {needle:?}");
    }
}

#[test]
fn the_copyright_line_is_kept_once_after_the_body() {
    let e = example();
    let kept = expected_str(&e, "kept_once_after_the_body");
    assert_eq!(e.copy.copyright.as_deref().map(fold), Some(kept.clone()));
    assert!(!e.copy.text.contains(&kept), "copyright inside the body");
    assert_eq!(e.copy.html.matches(&kept).count(), 1, "{}", e.copy.html);
    let footer_at = e.copy.html.find(&kept).unwrap();
    assert!(footer_at > e.copy.html.find(&expected_str(&e, "body_ends_with").replace('"', "&quot;")).unwrap_or(0));
}

#[test]
fn no_page_chrome_is_anywhere_in_the_article() {
    let e = example();
    let article = format!("{}\n{}\n{}\n{:?}\n{}", e.copy.title.clone().unwrap_or_default(), e.copy.text, e.copy.copyright.clone().unwrap_or_default(), e.copy.summary, e.copy.markdown);
    for chrome in e.expected["nowhere_in_the_article"].as_array().unwrap() {
        let chrome = chrome.as_str().unwrap();
        // Whole words only: "Print" must not match inside "Printing".
        let found = article.match_indices(chrome).any(|(i, _)| {
            let after = article[i + chrome.len()..].chars().next();
            !after.is_some_and(|c| c.is_alphanumeric())
        });
        assert!(!found, "{chrome:?} is in the article:\n{article}");
    }
}

#[test]
fn the_example_is_english_left_to_right_text() {
    let e = example();
    assert_eq!(e.copy.input_kind, "text");
    assert_eq!(e.copy.lang.as_deref(), Some("en"));
    assert_eq!(e.copy.dir.as_deref(), Some("ltr"));
}
