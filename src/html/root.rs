//! Which element of a page holds the story: paragraphs scored into their containers,
//! weighted by class words and link density, with siblings that belong to the story.

use super::Attrs;
use std::collections::HashMap;

use scraper::{ElementRef, Node};

use crate::words::{collapse_ws, visible_chars};
use ego_tree::iter::Edge;

/// Elements that never hold article text.
pub(super) fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "nav" | "aside" | "footer" | "form" | "button" | "input"
            | "select" | "textarea" | "iframe" | "svg" | "math" | "canvas" | "object" | "embed" | "menu" | "dialog"
            | "head" | "link" | "meta" | "label" | "video" | "audio" | "map"
    )
}

/// Class or id words (as a word's start) that mark furniture. "reviews", plural, holds
/// customers' reviews under a product, as "comment" holds readers' comments under a story; a
/// single "review" is often the story itself.
const NEGATIVE: &[&str] = &[
    "nav", "menu", "share", "social", "comment", "footer", "sidebar", "related", "promo", "advert", "cookie",
    "newsletter", "subscribe", "breadcrumb", "toolbar", "popup", "modal", "banner", "masthead",
    "teaser", "trending", "swiper", "carousel", "recirc", "recommend", "popular", "sponsor", "outbrain", "taboola", "signup", "login", "print-only", "consent", "gdpr", "reviews",
];
const POSITIVE: &[&str] = &["article", "content", "story", "entry", "post", "main", "body", "text", "blog"];

/// -1 for class or id words that mark furniture, +1 for words that mark content, else 0.
pub(super) fn class_weight(el: &ElementRef) -> i32 {
    let e = el.value();
    if matches!(e.name(), "body" | "html") {
        return 0;
    }
    let (class, id) = (e.attribute("class").unwrap_or(""), e.attribute("id").unwrap_or(""));
    if class.is_empty() && id.is_empty() {
        return 0;
    }
    // "skip" marks a skip link ("skip-link", "skip-to-content"), never a section ("skip-item").
    let link = e.name() == "a";
    let (mut neg, mut pos) = (false, false);
    for word in class_words(class, id) {
        neg = neg || starts_with_any(word, NEGATIVE) || (link && starts_with_any(word, &["skip"]));
        pos = pos || starts_with_any(word, POSITIVE);
        if neg && pos {
            break;
        }
    }
    match (neg, pos) {
        (true, false) => -1,
        (false, true) => 1,
        _ => 0,
    }
}

/// Whether a whole word of `el`'s class or id starts with one of `words` ("site-nav" has the
/// words "site" and "nav"), in any letter case, so that "nav" finds "navigation" but not
/// "canvas". (No allocation: this runs for every ancestor of every candidate paragraph.)
pub(super) fn has_class_word(el: &ElementRef, words: &[&str]) -> bool {
    let e = el.value();
    class_words(e.attribute("class").unwrap_or(""), e.attribute("id").unwrap_or("")).any(|w| starts_with_any(w, words))
}

/// The words of a class and an id: their runs of ASCII letters and digits.
fn class_words<'a>(class: &'a str, id: &'a str) -> impl Iterator<Item = &'a [u8]> {
    [class, id].into_iter().flat_map(|s| s.as_bytes().split(|c| !c.is_ascii_alphanumeric())).filter(|w| !w.is_empty())
}

/// Whether `word` (not empty) starts with one of `words` (in lower case), in any letter case.
fn starts_with_any(word: &[u8], words: &[&str]) -> bool {
    let first = word[0].to_ascii_lowercase();
    words.iter().any(|w| w.as_bytes()[0] == first && word.len() >= w.len() && word[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether the page does not show `el`: the `hidden` attribute, or an inline style that hides
/// it. `aria-hidden="true"` hides an element from screen readers only, and the page shows it
/// (a product's specifications drawn for the eye beside their spoken version): only an icon or
/// a mark so hidden, of at most two words ("arrow_forward", "×"), is not read. An element with
/// the role of a dialog stands over the page, not in it (a consent form, a sign-in box), as a
/// `<dialog>` does, which extraction skips: it is read as hidden too.
pub(super) fn is_hidden(el: &ElementRef) -> bool {
    let e = el.value();
    e.attribute("hidden").is_some()
        || matches!(e.attribute("role"), Some("dialog" | "alertdialog"))
        || (e.attribute("aria-hidden") == Some("true") && {
            let mut words = crate::words::WordCounter::default();
            for t in el.text() {
                words.push(t, 3);
                if words.count >= 3 {
                    break;
                }
            }
            words.count < 3
        })
        || e.attribute("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether `el` is text for screen readers alone, which the page's styles hide from the eye
/// (`sr-only`, `visually-hidden`, `screen-reader-text` and their spellings): "This is an image
/// gallery with clickable slides", "(opens in a new tab)".
pub(super) fn is_screen_reader_only(el: &ElementRef) -> bool {
    // Each class name folded to lower case without its dashes and underscores, in place (this
    // runs for every element the converter reads), then compared whole.
    el.value().attribute("class").unwrap_or("").split_ascii_whitespace().any(|c| {
        let mut folded = [0u8; 48];
        let mut n = 0;
        for b in c.bytes().filter(|b| !matches!(b, b'-' | b'_')).take(folded.len()) {
            folded[n] = b.to_ascii_lowercase();
            n += 1;
        }
        // The whole name: "field--label-visually_hidden" hides a field's label, not the field.
        [&b"sronly"[..], b"visuallyhidden", b"screenreadertext", b"screenreaderonly"].contains(&&folded[..n])
    })
}

/// Picks the element that holds the article: paragraphs' text scored into their parents and
/// grandparents, weighted by class names and by how little of the text is link text.
///
/// `strict` leaves out paragraphs under furniture-like class names and forms; pages that wrap
/// everything in such an element (`class="has-sidebar"`, an ASP.NET `<form>`) need a second,
/// relaxed pass.
pub fn find_root<'a>(body: ElementRef<'a>, strict: bool) -> Vec<ElementRef<'a>> {
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    for node in body.descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let name = el.value().name();
        // A paragraph scores for its parent and grandparents; a container holding loose text
        // between <br>s (older and table-laid pages) scores for itself and its ancestors, one
        // point per <br><br>-separated paragraph.
        let (text, paragraphs, first) = match name {
            "p" | "pre" | "blockquote" => (el.text().collect::<String>(), 1.0, el.parent()),
            "div" | "td" | "section" | "article" | "main" | "center" | "font" => {
                let (text, breaks) = loose_text(&el);
                // A container of nothing but inline text is a paragraph in all but name: it
                // scores for its parent, as a <p> does, so that a story written as a run of
                // such <div>s is found as a whole rather than as its longest line.
                let inline_only = breaks == 0 && !el.children().filter_map(ElementRef::wrap).any(|c| is_block(c.value().name()));
                let first = if inline_only && name == "div" { el.parent() } else { Some(*el) };
                (text, 1.0 + breaks as f64, first)
            }
            _ => continue,
        };
        let len = visible_chars(&text);
        if len < 25 || excluded(&el, strict) {
            continue;
        }
        let score = paragraphs + text.matches([',', '،', '，', '、']).count() as f64 + (len as f64 / 100.0).min(3.0 * paragraphs);
        let mut ancestor = first;
        for share in [1.0, 0.5, 0.25] {
            let Some(a) = ancestor else { break };
            if a.value().is_element() {
                *scores.entry(a.id()).or_default() += score * share;
            }
            ancestor = a.parent();
        }
    }
    let weighted: HashMap<ego_tree::NodeId, f64> = scores
        .into_iter()
        .filter_map(|(id, score)| {
            let el = ElementRef::wrap(body.tree().get(id)?)?;
            let weight = 1.0 + 0.25 * class_weight(&el) as f64;
            Some((id, score * weight * (1.0 - link_density(&el))))
        })
        .collect();
    // Ties go to the later (inner) element, so that the choice never depends on hash order.
    let best = weighted.iter().max_by(|a, b| a.1.total_cmp(b.1).then(a.0.cmp(b.0))).and_then(|(&id, &score)| Some((ElementRef::wrap(body.tree().get(id)?)?, score)));
    let Some((top, top_score)) = best else { return vec![body] };
    let widened = widen_to_article(top);
    if widened != top {
        return vec![widened];
    }
    // A story split into sibling blocks (sections between figures): siblings that score well,
    // or that are plain paragraphs of prose, join it.
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else { return vec![top] };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().attribute("class").unwrap_or("");
    let mut chosen: Vec<ElementRef> = parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|sibling| {
            if *sibling == top {
                return true;
            }
            if excluded(sibling, strict) {
                return false;
            }
            let mut score = weighted.get(&sibling.id()).copied().unwrap_or(0.0);
            if !top_class.is_empty() && sibling.value().attribute("class") == Some(top_class) {
                score += top_score * 0.2;
            }
            if score >= threshold {
                return true;
            }
            if sibling.value().name() == "p" {
                let text = collapse_ws(&sibling.text().collect::<String>());
                let len = text.chars().count();
                let density = link_density(sibling);
                return (len > 80 && density < 0.25) || (len > 0 && len <= 80 && density == 0.0 && crate::words::ends_sentence(&text));
            }
            false
        })
        .collect();
    // A story whose sections each sit in a wrapper of their own (section > div > div.body,
    // one per stretch of text between figures): containers of the same tag and class as the
    // best one, scoring well and outside it, are the rest of the story.
    if !top_class.trim().is_empty() {
        let cousins: Vec<ElementRef> = weighted
            .iter()
            .filter(|(_, &score)| score >= threshold)
            .filter_map(|(&id, _)| ElementRef::wrap(body.tree().get(id)?))
            .filter(|el| el.value().name() == top.value().name() && el.value().attribute("class") == Some(top_class))
            .filter(|el| !chosen.iter().any(|c| c == el || c.ancestors().any(|a| a == **el) || el.ancestors().any(|a| a == **c)))
            .filter(|el| !excluded(el, strict))
            .collect();
        if !cousins.is_empty() {
            chosen.extend(cousins);
            let order: HashMap<ego_tree::NodeId, usize> = body.descendants().enumerate().map(|(i, n)| (n.id(), i)).collect();
            chosen.sort_by_key(|el| order.get(&el.id()).copied().unwrap_or(usize::MAX));
        }
    }
    chosen
}

/// The text standing loose in a container (its own text nodes and inline elements, not its
/// blocks), and how many `<br><br>` breaks divide it.
fn loose_text(el: &ElementRef) -> (String, usize) {
    let mut text = String::new();
    let mut breaks = 0;
    let mut last_was_br = false;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                if !t.trim().is_empty() {
                    last_was_br = false;
                }
                text.push_str(t);
            }
            Node::Element(e) if e.name() == "br" => {
                if last_was_br {
                    breaks += 1;
                }
                last_was_br = true;
            }
            Node::Element(e) if !is_block(e.name()) => {
                last_was_br = false;
                if let Some(c) = ElementRef::wrap(child) {
                    text.extend(c.text());
                }
            }
            _ => {}
        }
    }
    (text, breaks)
}

/// When the best element sits inside an `<article>`, the whole `<article>` is the story.
fn widen_to_article(el: ElementRef) -> ElementRef {
    let mut cur = Some(el);
    while let Some(e) = cur {
        if e.value().name() == "article" {
            return e;
        }
        // Never past a wrapper that the conversion would leave out as furniture (a layout
        // `<div class="with-sidebar-layout">` between the article and its text): the story
        // would be left out with it.
        if e.value().name() == "body" || e != el && class_weight(&e) < 0 && e.value().name() != "main" {
            break;
        }
        cur = e.parent().and_then(ElementRef::wrap);
    }
    el
}

/// True when `el` or an ancestor is furniture that extraction skips.
pub(super) fn excluded(el: &ElementRef, strict: bool) -> bool {
    let mut cur = Some(*el);
    while let Some(e) = cur {
        let name = e.value().name();
        if name == "body" {
            break;
        }
        let furniture = if strict { is_skipped_tag(name) || class_weight(&e) < 0 } else { is_skipped_tag(name) && name != "form" };
        if furniture || is_hidden(&e) {
            return true;
        }
        cur = e.parent().and_then(ElementRef::wrap);
    }
    false
}

/// The share of an element's text that sits inside links.
pub fn link_density(el: &ElementRef) -> f64 {
    // One walk: each text's characters count once in the total, and once in the linked for
    // each link around it (a link inside a link counts twice, as each link's text holds it).
    let (mut total, mut linked, mut links) = (0, 0, 0);
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => {
                    let chars = visible_chars(t);
                    total += chars;
                    linked += chars * links;
                }
                Node::Element(e) if e.name() == "a" => links += 1,
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().as_element().is_some_and(|e| e.name() == "a") {
                    links -= 1;
                }
            }
        }
    }
    if total == 0 {
        return 0.0;
    }
    (linked as f64 / total as f64).min(1.0)
}

/// Elements that start a block of their own.
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "section" | "article" | "main" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul"
            | "ol" | "li" | "blockquote" | "pre" | "figure" | "table" | "hr" | "dl" | "dt" | "dd" | "address"
            | "center" | "details" | "summary" | "body" | "html" | "tbody" | "thead" | "tr" | "td" | "th"
            | "fieldset" | "hgroup" | "caption" | "figcaption"
    ) || is_skipped_tag(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn the_story_widens_to_its_article_but_not_past_a_wrapper_classed_as_furniture() {
        let page = |layout: &str| {
            Html::parse_document(&format!(
                r#"<html><body><article><header><h1>Working in teams</h1></header><div class="{layout}"><div class="entry-content"><p>Text.</p></div></div></article></body></html>"#
            ))
        };
        let entry = Selector::parse("div.entry-content").unwrap();
        let doc = page("with-sidebar-layout");
        let el = doc.select(&entry).next().unwrap();
        assert_eq!(widen_to_article(el), el, "a layout wrapper the conversion would leave out stays outside the story");
        let doc = page("columns");
        let el = doc.select(&entry).next().unwrap();
        assert_eq!(widen_to_article(el).value().name(), "article");
    }

    #[test]
    fn skip_marks_a_skip_link_not_a_section() {
        let doc = Html::parse_document(r##"<html><body><a class="skip-link" href="#main">Skip to content</a><div id="topic2" class="skip-item"><h2>What is mesh?</h2><p>Text.</p></div></body></html>"##);
        let first = |css: &str| doc.select(&Selector::parse(css).unwrap()).next().unwrap();
        assert_eq!(class_weight(&first("a.skip-link")), -1);
        assert_eq!(class_weight(&first("div.skip-item")), 0, "a section whose class starts with skip is no furniture");
    }

    #[test]
    fn customers_reviews_are_furniture_and_a_review_is_not() {
        let doc = Html::parse_document(r#"<html><body><article class="review"><p>We carried the pack for a week.</p></article><section class="product-reviews"><div class="review">Four stars.</div></section><div id="reviewsContainer"></div></body></html>"#);
        let first = |css: &str| doc.select(&Selector::parse(css).unwrap()).next().unwrap();
        assert_eq!(class_weight(&first("section.product-reviews")), -1, "customers' reviews under a product");
        assert_eq!(class_weight(&first("#reviewsContainer")), -1);
        assert_eq!(class_weight(&first("article.review")), 0, "a review is a story");
    }

    #[test]
    fn aria_hidden_hides_an_icon_but_not_what_the_page_shows() {
        let doc = Html::parse_document(r#"<html><body><div id="specs" aria-hidden="true"><p>Weight: 3.57 to 3.62 lbs</p><p>Capacity: 68 litres</p></div><span id="icon" aria-hidden="true">arrow_forward</span><p id="gone" hidden>Hidden.</p></body></html>"#);
        let first = |css: &str| doc.select(&Selector::parse(css).unwrap()).next().unwrap();
        assert!(!is_hidden(&first("#specs")), "text the page shows, hidden from screen readers only");
        assert!(is_hidden(&first("#icon")));
        assert!(is_hidden(&first("#gone")));
    }
}
