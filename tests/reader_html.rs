//! The reader HTML is safe by construction, and the allow-list sanitizer it is checked against
//! (ammonia, set to what the reader HTML may hold) leaves every rendered article unchanged, byte
//! for byte: on every page of the shared corpora, in every form a reader brings, and on an
//! article built to hold what the sanitizer removes. (`hostile.rs` holds the XSS payloads and
//! the fuzzers' finds to the same.)

mod common;
// The audit the fuzz targets use: nothing in the HTML can run, and the sanitizer leaves it.
#[path = "../fuzz/src/lib.rs"]
mod inert;

use std::io::Read;
use std::path::Path;

use cleancopy::article::Cell;
use cleancopy::{extract, render, Article, Block, Image, Inline, InputKind};

/// Renders `article` and checks the sanitizer leaves it unchanged.
fn check(article: &Article, what: &str) {
    inert::assert_sanitizer_leaves(&render::html(article), what);
}

/// Extracts `input` (as `kind`, or as detected) and checks its reader HTML.
fn check_input(input: &str, kind: Option<InputKind>, what: &str) {
    if let Ok((article, _)) = extract(input, kind) {
        check(&article, what);
    }
}

/// Every file of a folder of the shared data, read (gunzipped when named `.gz`), in name order.
fn files(rel: &str) -> Vec<(String, String)> {
    let dir = common::shared_dir().join(rel);
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())).flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.iter().map(|p| (p.display().to_string(), read(p))).collect()
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out).unwrap();
        out
    } else {
        bytes
    };
    cleancopy::decode(&bytes).unwrap_or_default()
}

/// Checks the reader HTML of every page in these folders of the shared data; the number checked.
fn check_folders(folders: &[&str]) -> usize {
    let mut pages = 0;
    for folder in folders {
        for (name, input) in files(folder) {
            check_input(&input, None, &name);
            pages += 1;
        }
    }
    pages
}

// One test a corpus form, so that they run side by side.

#[test]
fn the_sanitizer_leaves_the_reader_html_of_every_news_page_and_the_example_unchanged() {
    let mut pages = check_folders(&["corpus/aeb/html", "corpus/aeb/clipboard", "corpus/aeb/text"]);
    let readability = common::shared_dir().join("corpus/readability");
    let mut cases: Vec<_> = std::fs::read_dir(&readability).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    for case in cases {
        for file in ["source.html", "clipboard.html", "clipboard.txt"] {
            let path = case.join(file);
            if path.exists() {
                check_input(&read(&path), None, &path.display().to_string());
                pages += 1;
            }
        }
    }
    check_input(&common::read_shared("examples/news-page-copied-as-text.txt"), None, "the example page");
    assert!(pages > 900, "{pages} pages checked");
}

#[test]
fn the_sanitizer_leaves_the_reader_html_of_every_saved_wcxb_page_unchanged() {
    assert!(check_folders(&["corpus/wcxb-dev/html"]) > 1300);
}

#[test]
fn the_sanitizer_leaves_the_reader_html_of_every_pasted_wcxb_page_unchanged() {
    assert!(check_folders(&["corpus/wcxb-dev/clipboard"]) > 1300);
}

#[test]
fn the_sanitizer_leaves_the_reader_html_of_every_copied_wcxb_text_unchanged() {
    assert!(check_folders(&["corpus/wcxb-dev/text"]) > 1300);
}

fn text(s: &str) -> Inline {
    Inline::Text { text: s.into() }
}

fn link(href: &str, content: Vec<Inline>) -> Inline {
    Inline::Link { href: href.into(), content }
}

/// An article whose every field holds what the sanitizer would remove or rewrite: script and
/// relative addresses, SVG and text `data:` addresses, links in links, ids of the page's own,
/// markup, quotes, NUL, carriage returns and no-break spaces.
fn hostile() -> Article {
    let nasty = "a\0b\r\nc\rd\u{a0}e \"q\" 'q' <b>&amp; </p><script>alert(1)</script>";
    let picture = |src: &str| Block::Figure { image: Image { src: src.into(), alt: nasty.into() }, caption: None };
    Article {
        title: Some(nasty.into()),
        byline: Some(nasty.into()),
        site_name: Some(nasty.into()),
        standfirst: Some(nasty.into()),
        published: Some("2024-05-01\r\n\" onmouseover=\"alert(1)".into()),
        source_url: Some("javascript:alert(1)".into()),
        source: Some(nasty.into()),
        lang: Some("en\" onload=\"alert(1)".into()),
        lead_image: Some(Image { src: "data:image/svg+xml,<svg onload=alert(1)>".into(), alt: nasty.into() }),
        summary: vec![nasty.into()],
        copyright: Some(nasty.into()),
        dateline: Some(nasty.into()),
        blocks: vec![
            Block::Paragraph {
                content: vec![
                    text(nasty),
                    link("javascript:alert(1)", vec![text("script")]),
                    link(" JaVaScRiPt:alert(1)", vec![text("script, spaced")]),
                    link("java\tscript:alert(1)", vec![text("script, tabbed")]),
                    link("data:text/html,<script>alert(1)</script>", vec![text("data")]),
                    link("relative/page.html", vec![text("relative")]),
                    link("//elsewhere.example/x", vec![text("scheme-relative")]),
                    link("#main", vec![text("the page's own anchor")]),
                    link("#x\" onclick=\"alert(1)", vec![text("a quote in an anchor")]),
                    link("https://example.org/a?b=1&c=\"2\"\u{a0}", vec![text("outer "), link("https://example.org/inner", vec![text("inner")]), text(" after")]),
                    link("mailto:someone@example.org", vec![Inline::Strong { content: vec![text(nasty)] }]),
                    Inline::Anchor { id: "fn1".into() },
                    Inline::Anchor { id: "x\" onclick=\"alert(1)".into() },
                    Inline::Code { text: nasty.into() },
                    Inline::Break,
                ],
            },
            Block::Heading { level: 1, content: vec![text(nasty)] },
            Block::Heading { level: 9, content: vec![link("#fn1", vec![text(nasty)])] },
            picture("data:image/png;base64,iVBORw0KGgo="),
            // Text that starts like an address, where no address goes (the fuzzer's find).
            Block::Figure { image: Image { src: "https://example.org/chart.png".into(), alt: "data: sales by month".into() }, caption: None },
            picture("data:image/svg+xml;base64,PHN2Zz4="),
            picture("javascript:alert(1)"),
            picture("https://example.org/a.png\" onerror=\"alert(1)"),
            Block::Figure { image: Image { src: "vbscript:x".into(), alt: String::new() }, caption: Some(vec![text(nasty)]) },
            Block::Code { lang: Some("rust\" onclick=\"alert(1)".into()), text: format!("\n{nasty}\n") },
            Block::List { ordered: true, items: vec![vec![Block::Paragraph { content: vec![text(nasty)] }], vec![Block::Quote { blocks: vec![Block::Rule] }, Block::Paragraph { content: vec![text(nasty)] }]] },
            Block::Table { caption: Some(vec![text(nasty)]), rows: vec![vec![Cell { header: true, content: vec![text(nasty)] }], vec![], vec![Cell { header: false, content: vec![link("https://example.org/", vec![text(nasty)])] }]] },
        ],
        ..Default::default()
    }
}

#[test]
fn an_article_built_to_hold_what_the_sanitizer_removes_renders_as_the_sanitizer_leaves_it() {
    let article = hostile();
    check(&article, "the hostile article");
    let html = render::html(&article);
    inert::assert_inert(&html);
    for gone in ["javascript:", "JaVaScRiPt", "java\tscript", "data:text", "data:image/svg", "vbscript", "relative/page", "//elsewhere", "\0", "\r", "href=\"#main\"", "id=\"cc-x", "<h9", "<h1>a\u{fffd}"] {
        assert!(!html.contains(gone), "{gone:?} in the reader HTML:\n{html}");
    }
    for kept in ["data:image/png", "alt=\"data: sales by month\"", "href=\"mailto:someone@example.org\" rel=\"noopener noreferrer\"", "id=\"cc-fn1\"", "href=\"#cc-fn1\"", "outer inner after", "&nbsp;", "\u{fffd}"] {
        assert!(html.contains(kept), "{kept:?} not in the reader HTML:\n{html}");
    }
    // A language that reads like an address is text to the sanitizer too.
    check(&Article { lang: Some("data:".into()), blocks: vec![Block::paragraph("x")], ..Default::default() }, "lang=\"data:\"");
    // The same article as a share link carries it, and opens as the same reader HTML.
    let opened = cleancopy::share::decode(&cleancopy::share::encode(&article)).unwrap();
    check(&opened, "the hostile article, shared");
}
