//! Page metadata: title, byline, date, site name, address, language and direction, from
//! `<meta>`, Open Graph, `<link rel=canonical>`, `<time>` and the page's own headings.

use scraper::{ElementRef, Html};

use crate::words::collapse_ws;

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub source_url: Option<String>,
    pub base_url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
}

/// Reads the metadata of a parsed page.
pub fn read(doc: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut doc_title = None;
    let mut og_title = None;
    let mut h1s: Vec<String> = Vec::new();
    let mut time_attr = None;

    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let e = el.value();
        match e.name() {
            "html" => {
                meta.lang = e.attr("lang").or(e.attr("xml:lang")).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
                meta.dir = e.attr("dir").map(|d| d.trim().to_ascii_lowercase());
            }
            "body" if meta.dir.is_none() => meta.dir = e.attr("dir").map(|d| d.trim().to_ascii_lowercase()),
            "title" if doc_title.is_none() => doc_title = Some(collapse_ws(&el.text().collect::<String>())),
            "base" if meta.base_url.is_none() => meta.base_url = e.attr("href").map(str::to_string),
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && meta.source_url.is_none() {
                    meta.source_url = e.attr("href").map(str::to_string);
                }
            }
            "meta" => {
                let key = e.attr("property").or(e.attr("name")).or(e.attr("itemprop")).unwrap_or("").to_ascii_lowercase();
                let Some(content) = e.attr("content").map(collapse_ws).filter(|c| !c.is_empty()) else { continue };
                match key.as_str() {
                    "og:title" | "twitter:title" if og_title.is_none() => og_title = Some(content),
                    "og:site_name" | "application-name" if meta.site_name.is_none() => meta.site_name = Some(content),
                    "author" | "article:author" | "dc.creator" | "byl"
                        if meta.byline.is_none() && !content.starts_with("http") =>
                    {
                        meta.byline = Some(content)
                    }
                    "article:published_time" | "date" | "dc.date" | "datepublished" | "pubdate" | "dc.date.issued"
                        if meta.published.is_none() =>
                    {
                        meta.published = Some(content)
                    }
                    "og:url" if meta.source_url.is_none() => meta.source_url = Some(content),
                    _ => {}
                }
            }
            "h1" => {
                let text = collapse_ws(&el.text().collect::<String>());
                if !text.is_empty() {
                    h1s.push(text);
                }
            }
            "time" if time_attr.is_none() => {
                time_attr = e.attr("datetime").map(str::to_string).or_else(|| Some(collapse_ws(&el.text().collect::<String>())));
            }
            _ => {}
        }
    }
    if meta.published.is_none() {
        meta.published = time_attr.filter(|t| !t.is_empty());
    }
    meta.title = choose_title(doc_title.as_deref(), og_title.as_deref(), &h1s);
    meta
}

/// The headline: an `<h1>` that the document title or `og:title` confirms, else `og:title`,
/// else the document title without its " – Site name" part, else the first `<h1>`.
fn choose_title(doc_title: Option<&str>, og_title: Option<&str>, h1s: &[String]) -> Option<String> {
    let confirmed = h1s.iter().find(|h| {
        let h = h.to_lowercase();
        [doc_title, og_title].iter().flatten().any(|t| t.to_lowercase().contains(&h)) && h.chars().count() >= 8
    });
    if let Some(h1) = confirmed {
        return Some(h1.clone());
    }
    if let Some(og) = og_title {
        return Some(og.to_string());
    }
    if let Some(t) = doc_title.filter(|t| !t.is_empty()) {
        return Some(strip_site_suffix(t));
    }
    h1s.first().cloned()
}

/// "Story headline - Site" → "Story headline" (the longest part when the title has separators).
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » ", " · "] {
        if title.contains(sep) {
            let best = title.split(sep).map(str::trim).max_by_key(|p| p.chars().count()).unwrap_or(title);
            if crate::words::count_words(best) >= 3 {
                return best.to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_name_is_not_taken_for_the_title() {
        let doc = Html::parse_document("<title>Bridge approved after long debate - The Daily Example</title><h1>Bridge approved after long debate</h1>");
        assert_eq!(read(&doc).title.as_deref(), Some("Bridge approved after long debate"));
        let doc = Html::parse_document("<title>The Daily Example | Bridge approved after long debate</title>");
        assert_eq!(read(&doc).title.as_deref(), Some("Bridge approved after long debate"));
    }

    #[test]
    fn language_direction_and_address_come_from_the_page() {
        let doc = Html::parse_document("<html lang='he' dir='rtl'><head><link rel='canonical' href='https://example.org/a'><meta property='og:site_name' content='Example'></head></html>");
        let m = read(&doc);
        assert_eq!(m.lang.as_deref(), Some("he"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
        assert_eq!(m.source_url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.site_name.as_deref(), Some("Example"));
    }
}
