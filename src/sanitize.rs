//! The allow-list sanitizer (ammonia) that the reader HTML is checked against: the renderer
//! writes reader HTML that is safe by construction (see `render`), and this sanitizer, set to
//! what the reader HTML may hold, must leave it unchanged. The property tests, the corpus tests
//! and the fuzz target hold every rendered article to that. Native only: the browser build
//! ships without it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use ammonia::{Builder, UrlRelative};

const TAGS: &[&str] = &[
    "article", "header", "footer", "section", "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "a", "em",
    "strong", "code", "pre", "br", "hr", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "time", "small", "sup", "sub",
];

fn builder() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
        tag_attributes.insert("a", ["href"].into());
        tag_attributes.insert("img", ["src", "alt"].into());
        tag_attributes.insert("time", ["datetime"].into());
        tag_attributes.insert("ol", ["start"].into());
        tag_attributes.insert("th", ["colspan", "rowspan", "scope"].into());
        tag_attributes.insert("td", ["colspan", "rowspan"].into());
        tag_attributes.insert("pre", ["data-lang"].into());
        tag_attributes.insert("span", ["id"].into());
        let mut classes: HashMap<&str, HashSet<&str>> = HashMap::new();
        classes.insert("p", ["site", "byline", "published", "source", "copyright", "dateline", "contents-title", "notes-title", "reading-time", "standfirst", "post-by"].into());
        classes.insert("figure", ["lead-image"].into());
        classes.insert("section", ["contents", "notes"].into());
        classes.insert("sup", ["note-ref"].into());
        classes.insert("li", ["sub"].into());
        classes.insert("span", ["dateline"].into());
        classes.insert("ul", ["summary"].into());
        classes.insert("header", ["article-header"].into());
        classes.insert("footer", ["article-footer"].into());
        let mut b = Builder::empty();
        b.tags(TAGS.iter().copied().collect())
            .generic_attributes(["lang", "dir"].into())
            .tag_attributes(tag_attributes)
            .allowed_classes(classes)
            .url_schemes(["http", "https", "mailto", "data"].into())
            .url_relative(UrlRelative::Custom(Box::new(in_page_only)))
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true)
            .attribute_filter(|element, attribute, value| {
                // Ids only as the renderer makes them, for the article's own anchors.
                if attribute == "id" {
                    return crate::render::is_own_anchor(value).then(|| value.into());
                }
                // data: addresses only as images, and only image types that cannot carry script.
                // (Only in the attributes that hold addresses: `lang="data:"` or an image's
                // `alt` text starting "data:" is text, and stays.)
                if matches!(attribute, "href" | "src") {
                    let v = value.trim_start().to_ascii_lowercase();
                    if v.starts_with("data:") {
                        let image = element == "img" && attribute == "src" && v.starts_with("data:image/") && !v.starts_with("data:image/svg");
                        return image.then(|| value.into());
                    }
                }
                Some(value.into())
            });
        b
    })
}

/// Relative addresses are dropped, except links to the article's own anchors (`#cc-…`).
fn in_page_only(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    url.strip_prefix('#')
        .filter(|id| crate::render::is_own_anchor(id))
        .map(|_| url.into())
}

/// Sanitizes HTML with the reader's allow-list: no script, no styles, no event handlers, no
/// frames, forms, SVG or MathML; links only to http, https and mailto, with
/// `rel="noopener noreferrer"`; images also from `data:image/…` (not SVG).
///
/// ```
/// let clean = cleancopy::sanitize("<p onclick=\"x()\">Hi<script>alert(1)</script></p>");
/// assert_eq!(clean, "<p>Hi</p>");
/// ```
pub fn sanitize(html: &str) -> String {
    // Markup that nests where HTML does not allow it (`<h2>` in `<h2>`, once a `<div>` between
    // them is dropped) comes out of one pass in a shape that parses differently: clean again
    // until the output is a fixed point, so that what the browser parses is what was checked.
    let builder = builder();
    let mut out = builder.clean(html).to_string();
    for _ in 0..4 {
        let again = builder.clean(&out).to_string();
        if again == out {
            break;
        }
        out = again;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_urls_and_handlers_are_removed() {
        let out = sanitize(r#"<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><svg><script>1</script></svg><iframe src="https://e.org"></iframe>"#);
        for bad in ["javascript:", "onerror", "<svg", "<script", "<iframe"] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
    }

    #[test]
    fn data_urls_survive_only_as_raster_images() {
        assert!(sanitize(r#"<img src="data:image/png;base64,AAAA">"#).contains("data:image/png"));
        assert!(!sanitize(r#"<img src="data:image/svg+xml;base64,AAAA">"#).contains("data:"));
        assert!(!sanitize(r#"<a href="data:text/html,<script>alert(1)</script>">x</a>"#).contains("data:"));
    }

    #[test]
    fn only_the_articles_own_anchors_keep_ids_and_in_page_links() {
        let out = sanitize(r##"<a href="#cc-fn1">1</a><span id="cc-fn1"></span><span id="main"></span><a href="#main">x</a><a href="other.html">y</a>"##);
        assert_eq!(out, r##"<a href="#cc-fn1" rel="noopener noreferrer">1</a><span id="cc-fn1"></span><span></span><a rel="noopener noreferrer">x</a><a rel="noopener noreferrer">y</a>"##);
    }

    #[test]
    fn links_get_noopener() {
        assert_eq!(sanitize(r#"<a href="https://example.org/">x</a>"#), r#"<a href="https://example.org/" rel="noopener noreferrer">x</a>"#);
    }

    #[test]
    fn sanitizing_twice_changes_nothing() {
        let once = sanitize(r#"<p class="byline" style="x">By <em>A</em> <a href="https://e.org">e</a></p><ul class="summary"><li>x</li></ul>"#);
        assert_eq!(sanitize(&once), once);
        assert!(once.contains(r#"class="byline""#));
    }
}
