//! Page metadata: title, byline, date, site name, language and direction, from JSON-LD,
//! `<meta>` (Dublin Core, Open Graph, Twitter, Parse.ly), `<time>`, the document title and the
//! page's own headings and byline elements. (The page's address is [`super::address`]'s.)
//!
//! The order of preference follows the one readers of Firefox's reader view know (JSON-LD,
//! then Dublin Core, then Open Graph, then the rest), so that titles agree with it.

use super::Attrs;
use std::collections::HashMap;

use scraper::{ElementRef, Html};
use serde_json::Value;

use crate::words::collapse_ws;

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// The page's own address, as [`super::address::find`] finds it (not read here).
    pub source_url: Option<String>,
    pub base_url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// The page's own summary of the story (its description).
    pub excerpt: Option<String>,
    /// The picture the page shares itself with (`og:image`, JSON-LD `image`), as written.
    pub image: Option<String>,
    /// The title is only the page's first `<h1>`: the page has no title of its own (a
    /// clipboard paste).
    pub title_is_heading: bool,
    /// The title is the document's `<title>`, its site part already taken off.
    pub title_from_document: bool,
    /// What the page declares itself to be.
    pub declared: Declared,
}

/// `DC.title`, `dc:title`, `parsely-title` → `dc:title`, `dc:title`, `parsely:title`.
fn meta_key(raw: &str) -> String {
    raw.trim().to_ascii_lowercase().replace(['.', '-'], ":").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the metadata of a parsed page.
pub fn read(doc: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut doc_title = None;
    let mut headings: Vec<String> = Vec::new();
    let mut h1s: Vec<String> = Vec::new();
    let mut time_attr = None;
    let mut values: HashMap<String, String> = HashMap::new();
    let mut ld = LinkedData::default();
    let mut byline_element = None;
    let mut byline_date = None;

    // `og:type` "article" is many sites' default for every page: a story only where the page
    // declares no items (a listing whose JSON-LD is a collection page), unlike a JSON-LD article.
    let mut og_story = false;
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let e = el.value();
        match e.name() {
            "html" => {
                meta.lang = e.attribute("lang").or(e.attribute("xml:lang")).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
                meta.dir = e.attribute("dir").map(|d| d.trim().to_ascii_lowercase());
            }
            "body" if meta.dir.is_none() => meta.dir = e.attribute("dir").map(|d| d.trim().to_ascii_lowercase()),
            "title" if doc_title.is_none() => doc_title = Some(squeeze_ws(&el.text().collect::<String>())),
            "base" if meta.base_url.is_none() => meta.base_url = e.attribute("href").map(str::to_string),
            "script" if e.attribute("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                if ld.document_title.is_none() {
                    ld.document_title = doc.root_element().descendants().filter_map(ElementRef::wrap).find(|t| t.value().name() == "title").map(|t| t.text().collect());
                }
                let raw: String = el.text().collect();
                // Some pages wrap their JSON-LD in a CDATA section.
                let json = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim();
                if let Ok(v) = serde_json::from_str::<Value>(json) {
                    ld.absorb(&v);
                    declare(&v, &mut meta.declared, 0);
                }
            }
            "meta" => {
                // Trimmed, not collapsed: a title's inner spacing is the author's.
                let Some(content) = e.attribute("content").map(|c| c.trim().to_string()).filter(|c| !c.is_empty()) else { continue };
                // A property may name several keys at once ("dc:title og:title").
                if e.attribute("property").or(e.attribute("name")).is_some_and(|p| p.trim().eq_ignore_ascii_case("og:type")) {
                    let t = content.to_ascii_lowercase();
                    og_story |= t == "article";
                    meta.declared.items |= t == "product" || t.starts_with("product.");
                }
                if let Some(props) = e.attribute("property") {
                    for p in props.split_whitespace() {
                        values.insert(meta_key(p), content.clone());
                    }
                }
                if let Some(name) = e.attribute("name").or(e.attribute("itemprop")) {
                    values.insert(meta_key(name), content.clone());
                }
            }
            "h1" | "h2" => {
                let text = collapse_ws(&el.text().collect::<String>());
                if !text.is_empty() {
                    if e.name() == "h1" {
                        h1s.push(text.clone());
                    }
                    headings.push(text);
                }
            }
            // Not a date or a byline from the page's comments: a comment's writer and time
            // are not the story's.
            "time" if time_attr.is_none() && !in_comments(&el) => {
                time_attr = e.attribute("datetime").map(str::to_string).or_else(|| Some(collapse_ws(&el.text().collect::<String>())));
            }
            _ => {
                if byline_element.is_none() && is_byline_element(&el) && !in_comments(&el) {
                    // The name itself when it is marked up, else the element's text as it stands.
                    let named = el.descendants().filter_map(ElementRef::wrap).find(|c| c.value().attribute("itemprop").is_some_and(|p| p.contains("name")));
                    let el = named.unwrap_or(el);
                    let (text, date) = byline_and_date(el);
                    if (1..100).contains(&el.text().collect::<String>().trim().chars().count()) && !text.is_empty() {
                        byline_element = Some(text);
                        byline_date = date;
                    }
                }
            }
        }
    }
    meta.declared.story |= og_story && !meta.declared.items;
    let get = |keys: &[&str]| keys.iter().find_map(|k| values.get(*k).cloned());
    // A JSON-LD "name" that is only the publisher's name is not the story's title.
    if ld.title.is_some() && ld.title == ld.site_name {
        ld.title = None;
    }
    meta.title = ld.title.clone().or_else(|| {
        get(&["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely:title"])
    });
    if meta.title.is_none() {
        meta.title = doc_title.as_deref().map(|t| document_title(t, &headings, &h1s)).filter(|t| !t.is_empty());
        meta.title_from_document = meta.title.is_some();
    }
    if meta.title.is_none() {
        meta.title = h1s.first().cloned();
        meta.title_is_heading = meta.title.is_some();
    }
    meta.byline = ld
        .byline
        .clone()
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely:author"]))
        .filter(|b| !b.starts_with("http"))
        .or(byline_element);
    meta.site_name = ld.site_name.clone().or_else(|| get(&["og:site_name"]));
    meta.published = ld
        .published
        .clone()
        .or_else(|| get(&["article:published_time", "parsely:pub:date", "dc:date", "date", "datepublished", "pubdate"]))
        .or(time_attr.filter(|t| !t.is_empty()))
        .or(byline_date);
    meta.excerpt = ld
        .description
        .clone()
        .or_else(|| get(&["dc:description", "dcterm:description", "og:description", "weibo:article:description", "description", "twitter:description"]))
        .map(|d| collapse_ws(&d))
        .filter(|d| !d.is_empty());
    meta.image = ld.image.clone().or_else(|| get(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]));
    meta
}

/// Whether an element stands inside the page's comments (or its reviews, which pages class
/// as comments): the writers and times there are the commenters'.
fn in_comments(el: &ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| super::root::has_class_word(&a, &["comment"]))
}

/// A byline element's text, its pieces (text in elements of their own) kept apart by a space,
/// and the date it also gives, when one of its pieces is a date: "Robert Puelz" and "Sep 25,
/// 2025", not "Robert PuelzSep 25, 2025".
fn byline_and_date(el: ElementRef) -> (String, Option<String>) {
    let pieces: Vec<&str> = el.text().map(str::trim).filter(|t| !t.is_empty()).collect();
    let is_date = |t: &str| crate::refine::is_date_line(t) && !crate::words::ends_sentence(t);
    let date = pieces.iter().find(|t| is_date(t)).map(|t| t.to_string());
    // The label of a date given with it ("Posted", "Published on") goes with the date.
    let labels_date = |t: &str| date.is_some() && super::furniture::DATE_LABELS.iter().any(|l| t.to_lowercase().trim_end_matches([':', ' ']).trim_end_matches(" on") == *l);
    let name: Vec<&str> = pieces.iter().copied().filter(|t| !is_date(t) && !labels_date(t) && !matches!(*t, "|" | "•" | "·" | "-" | "–" | "—" | "," | "on")).collect();
    let text = collapse_ws(&name.join(" ")).replace(" ,", ",").replace(" .", ".");
    if date.is_some() && (text.is_empty() || text.ends_with(':')) {
        // A date under a label ("Last Updated: …"): no writer named.
        return (String::new(), date);
    }
    (text, date)
}

/// An element that names the writer: `rel="author"`, `itemprop="author"`, or a class or id
/// with "byline" or "author" in it.
fn is_byline_element(el: &ElementRef) -> bool {
    let e = el.value();
    if matches!(e.name(), "script" | "style" | "meta" | "link" | "head" | "body" | "html") {
        return false;
    }
    let names = format!("{} {}", e.attribute("class").unwrap_or(""), e.attribute("id").unwrap_or("")).to_ascii_lowercase();
    e.attribute("rel") == Some("author")
        || e.attribute("itemprop").is_some_and(|p| p.contains("author"))
        || ["byline", "author", "dateline", "writtenby", "p-author"].iter().any(|w| names.contains(w))
}

/// Trims, and turns runs of two or more white-space characters into one space; a single one
/// (a no-break or ideographic space) stays as it is.
fn squeeze_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.trim().chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        match run.chars().count() {
            0 => {}
            1 => out.push_str(&run),
            _ => out.push(' '),
        }
        run.clear();
        out.push(c);
    }
    out
}

/// The document title made into a headline: without a " | Site" part when the rest is long
/// enough to stand alone, after a colon when the part before it is a kicker.
fn document_title(orig: &str, headings: &[String], h1s: &[String]) -> String {
    const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "];
    let wc = |s: &str| s.split_whitespace().count();
    let hierarchical = [" \\ ", " / ", " > ", " » "].iter().any(|s| orig.contains(s));
    let last_sep = SEPARATORS.iter().filter_map(|s| orig.rfind(s).map(|i| (i, s.len()))).max();
    let first_sep = SEPARATORS.iter().filter_map(|s| orig.find(s).map(|i| (i, s.len()))).min();
    // A last part that is a host name ("… | Example.com") is the site's, however short the
    // rest: a title never names its story by an address.
    if let Some((li, _)) = last_sep.filter(|&(li, len)| is_host_name(orig[li + len..].trim())) {
        let head = squeeze_ws(&orig[..li]);
        if SEPARATORS.iter().any(|s| head.contains(s)) {
            return document_title(&head, headings, h1s);
        }
        if !head.is_empty() {
            return head;
        }
    }
    let mut cur = orig.to_string();
    if let (Some((li, _)), Some((fi, fl))) = (last_sep, first_sep) {
        cur = orig[..li].to_string();
        if wc(&cur) < 3 {
            cur = orig[fi + fl..].to_string();
        }
    } else if orig.contains(": ") {
        if !headings.iter().any(|h| h.trim() == orig.trim()) {
            let last = &orig[orig.rfind(':').unwrap() + 1..];
            cur = last.to_string();
            if wc(&cur) < 3 {
                cur = orig[orig.find(':').unwrap() + 1..].to_string();
            } else if wc(&orig[..orig.find(':').unwrap()]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if (orig.chars().count() > 150 || orig.chars().count() < 15) && h1s.len() == 1 {
        cur = h1s[0].clone();
    }
    let cur = squeeze_ws(&cur);
    let orig_words_without_separators = wc(&SEPARATORS.iter().fold(orig.to_string(), |s, sep| s.replace(sep.trim(), " ")));
    if wc(&cur) <= 4 && (!hierarchical || wc(&cur) != orig_words_without_separators.saturating_sub(1)) {
        return squeeze_ws(orig);
    }
    cur
}

/// A host name as a site writes its own in a title: labels of letters, digits and hyphens
/// joined by dots, the last of two to six letters ("Example.com", "news.example.co.uk").
fn is_host_name(part: &str) -> bool {
    let label = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    part.rsplit_once('.').is_some_and(|(rest, tld)| (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()) && rest.split('.').all(label))
}

/// How much of `b`'s words `a` also has (1.0: all of them), measured on the characters of
/// the words `a` lacks.
fn similarity(a: &str, b: &str) -> f64 {
    let split = |s: &str| s.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let (ta, tb) = (split(a), split(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let len = |v: &[&String]| v.iter().map(|t| t.chars().count()).sum::<usize>() + v.len().saturating_sub(1);
    let all: Vec<&String> = tb.iter().collect();
    1.0 - len(&unique) as f64 / len(&all) as f64
}

/// What a page's JSON-LD says about its article.
#[derive(Debug, Default)]
struct LinkedData {
    /// The page's `<title>`, to choose between a JSON-LD name and headline.
    document_title: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    description: Option<String>,
    image: Option<String>,
}

/// What a page declares itself to be (its `og:type` and its JSON-LD `@type`s, at any depth).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Declared {
    /// A story: `og:type` "article", or a JSON-LD article or blog post.
    pub story: bool,
    /// Items rather than one story: a product, an offer, a list of items, a collection page,
    /// search results, a forum thread or a question with its answers.
    pub items: bool,
}

const STORY_TYPES: &[&str] = &[
    "Article", "NewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "ScholarlyArticle",
];
const ITEM_TYPES: &[&str] = &[
    "Product", "ProductGroup", "Offer", "AggregateOffer", "ItemList", "CollectionPage", "SearchResultsPage",
    "DiscussionForumPosting", "QAPage", "Question",
];

/// Adds what JSON-LD value `v` declares (its `@type`s, at any depth) to `out`.
fn declare(v: &Value, out: &mut Declared, depth: usize) {
    if depth > 32 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| declare(i, out, depth + 1)),
        Value::Object(map) => {
            let mut types: Vec<&str> = Vec::new();
            match map.get("@type") {
                Some(Value::String(t)) => types.push(t),
                Some(Value::Array(ts)) => types.extend(ts.iter().filter_map(Value::as_str)),
                _ => {}
            }
            out.story |= types.iter().any(|t| STORY_TYPES.contains(t));
            out.items |= types.iter().any(|t| ITEM_TYPES.contains(t));
            map.values().for_each(|v| declare(v, out, depth + 1));
        }
        _ => {}
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
];

impl LinkedData {
    /// Takes the first article object found in `v` (an object, an array, or an `@graph`).
    fn absorb(&mut self, v: &Value) {
        if self.title.is_some() || self.byline.is_some() {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.absorb(i)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.absorb(graph);
                }
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if !is_article {
                    return;
                }
                let text = |k: &str| map.get(k).and_then(Value::as_str).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                self.title = match (text("name"), text("headline")) {
                    // Both, and different: the one that resembles the document title.
                    (Some(name), Some(headline)) if name != headline => {
                        let doc = self.document_title.as_deref().unwrap_or("");
                        if similarity(&headline, doc) > 0.75 && similarity(&name, doc) <= 0.75 {
                            Some(headline)
                        } else {
                            Some(name)
                        }
                    }
                    (name, headline) => name.or(headline),
                };
                self.byline = match map.get("author") {
                    Some(Value::Object(a)) => a.get("name").and_then(Value::as_str).map(collapse_ws),
                    Some(Value::Array(list)) => {
                        let names: Vec<String> = list.iter().filter_map(|a| a.get("name").and_then(Value::as_str)).map(collapse_ws).collect();
                        (!names.is_empty()).then(|| names.join(", "))
                    }
                    Some(Value::String(s)) => Some(collapse_ws(s)),
                    _ => None,
                }
                .filter(|s| !s.is_empty());
                self.site_name = map.get("publisher").and_then(|p| p.get("name")).and_then(Value::as_str).map(collapse_ws);
                self.published = text("datePublished");
                self.description = text("description");
                // "image": an address, an ImageObject, or a list of either.
                let mut image = map.get("image");
                if let Some(Value::Array(list)) = image {
                    image = list.first();
                }
                self.image = match image {
                    Some(Value::String(u)) => Some(u.trim().to_string()),
                    Some(Value::Object(o)) => o.get("url").or(o.get("contentUrl")).and_then(Value::as_str).map(|u| u.trim().to_string()),
                    _ => None,
                }
                .filter(|u| !u.is_empty());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_and_date_come_apart() {
        let doc = Html::parse_document(r#"<html><body><div class="byline"><span>Robert Puelz</span><span>Sep 25, 2025</span></div><p>Text.</p></body></html>"#);
        let meta = read(&doc);
        assert_eq!(meta.byline.as_deref(), Some("Robert Puelz"));
        assert_eq!(meta.published.as_deref(), Some("Sep 25, 2025"));
    }

    #[test]
    fn the_description_and_the_shared_image_are_read() {
        let doc = Html::parse_document(r#"<head><meta property="og:description" content=" A  short summary. "><meta property="og:image" content="https://example.org/a.jpg"></head>"#);
        let m = read(&doc);
        assert_eq!(m.excerpt.as_deref(), Some("A short summary."));
        assert_eq!(m.image.as_deref(), Some("https://example.org/a.jpg"));
        let doc = Html::parse_document(r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","description":"From JSON-LD","image":[{"@type":"ImageObject","url":"https://example.org/b.jpg"}]}</script><meta name="description" content="From meta">"#);
        let m = read(&doc);
        assert_eq!(m.excerpt.as_deref(), Some("From JSON-LD"));
        assert_eq!(m.image.as_deref(), Some("https://example.org/b.jpg"));
    }

    #[test]
    fn the_site_name_is_not_taken_for_the_title() {
        let doc = Html::parse_document("<title>Bridge approved after long debate - The Daily Example</title><h1>Bridge approved after long debate</h1>");
        assert_eq!(read(&doc).title.as_deref(), Some("Bridge approved after long debate"));
        let doc = Html::parse_document("<title>The Daily Example | Bridge approved after long debate today</title>");
        assert_eq!(read(&doc).title.as_deref(), Some("The Daily Example | Bridge approved after long debate today"));
        let doc = Html::parse_document("<title>Example | Bridge approved after long debate today</title>");
        assert_eq!(read(&doc).title.as_deref(), Some("Bridge approved after long debate today"));
        // A host name as the last part goes, however short the headline before it; a version
        // number is no host.
        for (title, headline) in [
            ("GAME CHANGER | Shop.Example.com", "GAME CHANGER"),
            ("Bridge approved - example.co.uk", "Bridge approved"),
            ("What is new | Release 2.0", "What is new | Release 2.0"),
        ] {
            let doc = Html::parse_document(&format!("<title>{title}</title>"));
            assert_eq!(read(&doc).title.as_deref(), Some(headline), "{title}");
        }
    }

    #[test]
    fn dublin_core_wins_over_open_graph_and_json_ld_over_both() {
        let doc = Html::parse_document(r#"<head><meta property="og:title" content="OG"><meta name="DC.title" content="DC title"></head>"#);
        assert_eq!(read(&doc).title.as_deref(), Some("DC title"));
        let doc = Html::parse_document(r#"<head><meta property="og:title" content="OG"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD","author":[{"@type":"Person","name":"Ada"},{"name":"Bo"}],"publisher":{"name":"The Paper"}}</script></head>"#);
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("From JSON-LD"));
        assert_eq!(m.byline.as_deref(), Some("Ada, Bo"));
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
    }

    #[test]
    fn a_json_ld_name_that_is_the_publisher_is_not_the_title() {
        let doc = Html::parse_document(r#"<head><title>Bridge approved after long debate | Daily Example</title><script type="application/ld+json"><![CDATA[{"@context":"http://schema.org","@type":"NewsArticle","name":"Daily Example","publisher":{"name":"Daily Example"}}]]></script></head>"#);
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("Bridge approved after long debate"));
        assert_eq!(m.site_name.as_deref(), Some("Daily Example"));
    }

    #[test]
    fn a_byline_element_names_the_writer() {
        let doc = Html::parse_document(r#"<body><p class="byline">By Ann Example</p><p>Text.</p></body>"#);
        assert_eq!(read(&doc).byline.as_deref(), Some("By Ann Example"));
    }

    #[test]
    fn language_and_direction_come_from_the_page() {
        let doc = Html::parse_document("<html lang='he' dir='rtl'><head><meta property='og:site_name' content='Example'></head></html>");
        let m = read(&doc);
        assert_eq!(m.lang.as_deref(), Some("he"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
        assert_eq!(m.site_name.as_deref(), Some("Example"));
    }

    #[test]
    fn a_page_says_whether_it_is_a_story_or_items() {
        let story = Html::parse_document(r#"<head><meta property="og:type" content="article"></head><body><p>Text.</p></body>"#);
        assert_eq!(read(&story).declared, Declared { story: true, items: false });
        let product = Html::parse_document(r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Product"],"offers":{"@type":"Offer"}}]}</script>"#);
        assert_eq!(read(&product).declared, Declared { story: false, items: true });
        let neither = Html::parse_document(r#"<script type="application/ld+json">not json</script><meta property="og:type" content="website">"#);
        assert_eq!(read(&neither).declared, Declared::default());
        // `og:type` "article" on a listing whose JSON-LD is a collection: items, not a story;
        // a JSON-LD article stays a story beside items (a review of a product).
        let listing = Html::parse_document(
            r#"<head><meta property="og:type" content="article"><script type="application/ld+json">{"@type":["CollectionPage"],"mainEntity":{"@type":"ItemList"}}</script></head>"#,
        );
        assert_eq!(read(&listing).declared, Declared { story: false, items: true });
        let review = Html::parse_document(r#"<script type="application/ld+json">[{"@type":"Article"},{"@type":"Product"}]</script><meta property="og:type" content="article">"#);
        assert_eq!(read(&review).declared, Declared { story: true, items: true });
    }
}
