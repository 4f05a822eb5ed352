//! What every fuzz target checks of the reader HTML it gets: nothing in it can run, and the
//! allow-list sanitizer it is checked against leaves it unchanged. `tests/hostile.rs` and
//! `tests/reader_html.rs` include this file too, so that the tests and the fuzzers share one
//! audit.

use scraper::{Html, Node};

/// Panics when `html` holds an element or attribute that could run script or load active
/// content: script-like elements, event handlers, style attributes, or script URLs. Parsed,
/// so that escaped text ("&lt;img onerror=…&gt;") is not mistaken for markup.
pub fn assert_inert(html: &str) {
    let doc = Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Node::Element(e) = node.value() else { continue };
        let name = e.name();
        assert!(
            !matches!(name, "script" | "iframe" | "svg" | "math" | "style" | "object" | "embed" | "form" | "base" | "link" | "meta" | "frame"),
            "<{name}> in {html}"
        );
        for (attr, value) in e.attrs() {
            let attr = attr.to_ascii_lowercase();
            assert!(!attr.starts_with("on") && attr != "style" && attr != "srcdoc", "{attr}= in {html}");
            // Addresses only: `lang="javascript:x"` is text, not a link.
            if !matches!(attr.as_str(), "href" | "src" | "action" | "xlink:href" | "data" | "poster" | "background" | "srcset" | "cite" | "formaction") {
                continue;
            }
            let v: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
            assert!(
                !(v.starts_with("javascript:") || v.starts_with("vbscript:") || v.starts_with("data:text") || v.starts_with("data:image/svg")),
                "{attr}={value} in {html}"
            );
        }
    }
}

/// Panics when the allow-list sanitizer (`cleancopy::sanitize`, the reader HTML's oracle) would
/// change `html`, showing where; `what` names the input.
pub fn assert_sanitizer_leaves(html: &str, what: &str) {
    let clean = cleancopy::sanitize(html);
    if clean != html {
        let at = html.chars().zip(clean.chars()).take_while(|(a, b)| a == b).count();
        let around = |s: &str| s.chars().skip(at.saturating_sub(60)).take(120).collect::<String>();
        panic!("{what}: the sanitizer changed the reader HTML at character {at}:\n  rendered:  {:?}\n  sanitized: {:?}", around(html), around(&clean));
    }
}
