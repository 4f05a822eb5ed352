//! HTML and Markdown inputs through the whole core, as the reader would see them.

mod common;

use cleancopy::clean;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn a_page_with_scripts_menus_and_an_onerror_image_comes_out_clean() {
    let copy = clean(&fixture("hostile-page.html"), None).unwrap();
    assert_eq!(copy.input_kind, "html");
    assert_eq!(copy.title.as_deref(), Some("Night trains return to the valley"));
    assert_eq!(copy.site_name.as_deref(), Some("The Example Courier"));
    assert_eq!(copy.source_url.as_deref(), Some("https://courier.example/travel/night-trains"));
    let html = copy.html.to_lowercase();
    for bad in ["<script", "onerror", "onmouseover", "onclick", "javascript:", "<iframe", "<style", "alert(", "injected"] {
        assert!(!html.contains(bad), "{bad:?} in the reader HTML:\n{}", copy.html);
    }
    for chrome in ["Skip to main content", "Home", "Sport", "cookies", "Accept", "Related", "Buses cut", "Privacy"] {
        assert!(!copy.text.contains(chrome), "{chrome:?} in the body:\n{}", copy.text);
    }
    assert!(copy.text.starts_with("For the first time in twenty years"), "{}", copy.text);
    assert!(copy.text.contains("more about the route"), "the text of a script link is kept:\n{}", copy.text);
    assert!(copy.html.contains(r#"<img src="https://courier.example/img/train.jpg" alt="The train at the platform">"#), "{}", copy.html);
}

#[test]
fn markdown_keeps_headings_lists_links_and_code() {
    let md = "# Release notes\n\nVersion 2 brings **faster** start-up. See [the changelog](https://example.org/changes).\n\n## New\n\n- Dark theme\n- Print styles\n\n1. Install\n2. Run\n\n```sh\ncargo run --release\n    --bin cleancopy\n```\n";
    let copy = clean(md, None).unwrap();
    assert_eq!(copy.input_kind, "markdown");
    assert_eq!(copy.title.as_deref(), Some("Release notes"));
    assert!(copy.html.contains("<h2>New</h2>"), "{}", copy.html);
    assert!(copy.html.contains("<ul>\n<li>Dark theme</li>\n<li>Print styles</li>\n</ul>"), "{}", copy.html);
    assert!(copy.html.contains("<ol>"), "{}", copy.html);
    assert!(copy.html.contains(r#"<a href="https://example.org/changes" rel="noopener noreferrer">the changelog</a>"#), "{}", copy.html);
    assert!(copy.html.contains("<code>cargo run --release\n    --bin cleancopy</code>"), "{}", copy.html);
    assert!(copy.markdown.contains("```sh\ncargo run --release\n    --bin cleancopy\n```"), "{}", copy.markdown);
}

#[test]
fn markdown_out_reads_back_as_the_same_article() {
    let md = "# Title here\n\nA paragraph with *emphasis* and `code`.\n\n## Part\n\n- a\n- b\n\n> quoted words\n";
    let once = clean(md, None).unwrap();
    let twice = clean(&once.markdown, None).unwrap();
    assert_eq!(twice.text, once.text);
    assert_eq!(twice.title, once.title);
}

/// An article as a page shows it when its UTF-8 was read as windows-1252 and saved again.
const GARBLED_TITLE: &str = "What does it mean to â€œdeclutter?â€";
const GARBLED_BODY: &str = "Itâ€™s a question many readers ask after a move: which things to keep, which to give away.";
const REPAIRED_TITLE: &str = "What does it mean to “declutter?”";
const REPAIRED_BODY: &str = "It’s a question many readers ask after a move: which things to keep, which to give away.";

#[test]
fn a_garbled_html_page_comes_out_repaired() {
    let page = format!("<!doctype html><html><head><title>{GARBLED_TITLE}</title></head><body><article><h1>{GARBLED_TITLE}</h1><p>{GARBLED_BODY}</p><p>{GARBLED_BODY}</p></article></body></html>");
    let copy = clean(&page, None).unwrap();
    assert_eq!(copy.title.as_deref(), Some(REPAIRED_TITLE));
    assert!(copy.text.contains(REPAIRED_BODY), "{}", copy.text);
}

#[test]
fn garbled_markdown_comes_out_repaired() {
    let copy = clean(&format!("# {GARBLED_TITLE}\n\n{GARBLED_BODY}\n\n- {GARBLED_BODY}\n"), None).unwrap();
    assert_eq!(copy.input_kind, "markdown");
    assert_eq!(copy.title.as_deref(), Some(REPAIRED_TITLE));
    assert!(copy.markdown.contains(&format!("- {REPAIRED_BODY}")), "{}", copy.markdown);
}

#[test]
fn garbled_plain_text_comes_out_repaired() {
    let copy = clean(&format!("{GARBLED_TITLE}\n\n{GARBLED_BODY}\n\n{GARBLED_BODY}\n"), None).unwrap();
    assert_eq!(copy.input_kind, "text");
    assert!(copy.text.contains(REPAIRED_BODY), "{}", copy.text);
}

#[test]
fn a_page_in_genuine_latin1_words_is_left_as_written() {
    let page = "<!doctype html><html><head><title>Naïve questions from São Paulo</title></head><body><article><h1>Naïve questions from São Paulo</h1>\
        <p>Our correspondent in São Paulo answers the naïve questions: why “Ã©cole” is what “école” looks like in the wrong encoding, and what Â alone means.</p></article></body></html>";
    let copy = clean(page, None).unwrap();
    assert_eq!(copy.title.as_deref(), Some("Naïve questions from São Paulo"));
    assert!(copy.text.contains("why “Ã©cole” is what “école” looks like in the wrong encoding, and what Â alone means"), "{}", copy.text);
}
