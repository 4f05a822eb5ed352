//! The story's headline, read from the page: its main heading near the body, checked against
//! what the metadata calls the page, never the site's or the publication's name.
//!
//! Metadata titles often carry the site ("… | Facet", "… - Charleston Coffee Roasters") and a
//! clipboard paste has no metadata at all, so the page's own `<h1>` decides where it can: the
//! `<h1>` that the metadata title contains (the title without its site part), else the one
//! `<h1>` the page has, else, with no metadata, the `<h1>` nearest before the story.

use scraper::{ElementRef, Html};

use super::root::{is_hidden, is_skipped_tag};
use crate::words::{collapse_ws, count_words};

/// A heading of the page that could be the headline, in document order.
struct Candidate {
    text: String,
    /// The heading's place in document order.
    order: usize,
}

/// Letter case, white space and typographic quotes folded, for comparing headings and titles.
fn fold(s: &str) -> String {
    collapse_ws(s)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Text that still holds character references (`&#8211;`, `&amp;`) after parsing, as a title
/// escaped twice by its page does: decoded once more. Other text is returned as it is.
pub fn decode_twice_escaped(text: &str) -> String {
    let escaped = text.match_indices('&').any(|(i, _)| {
        let rest = &text[i + 1..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').collect();
        !name.is_empty() && name.len() <= 10 && rest[name.len()..].starts_with(';')
    });
    if !escaped {
        return text.to_string();
    }
    let fragment = Html::parse_fragment(text);
    let decoded: String = fragment.root_element().text().collect();
    if decoded.trim().is_empty() {
        text.to_string()
    } else {
        decoded
    }
}

/// How many distinct words of three letters or more two lines have in common.
fn shared_words(a: &str, b: &str) -> usize {
    let words = |s: &str| -> std::collections::HashSet<String> { crate::words::words(&fold(s)).filter(|w| w.chars().count() >= 3).map(str::to_string).collect() };
    words(a).intersection(&words(b)).count()
}

/// The `<h1>`s of the page that could be its headline: visible, outside menus, footers and
/// forms, of a headline's length, not the site's own name, and not only a link home.
fn candidates(body: ElementRef, site_name: Option<&str>, tag: &str) -> Vec<Candidate> {
    let site = site_name.map(fold);
    let mut out = Vec::new();
    for (order, el) in body.descendants().filter_map(ElementRef::wrap).enumerate() {
        if el.value().name() != tag {
            continue;
        }
        let hidden = std::iter::successors(Some(el), |e| e.parent().and_then(ElementRef::wrap))
            .take_while(|e| e.value().name() != "body")
            .any(|e| is_hidden(&e) || (is_skipped_tag(e.value().name()) && e.value().name() != "form"));
        if hidden {
            continue;
        }
        let text = collapse_ws(&el.text().collect::<String>());
        let chars = text.chars().count();
        if !(3..=300).contains(&chars) || site.as_deref() == Some(fold(&text).as_str()) || links_home(&el) {
            continue;
        }
        out.push(Candidate { text, order });
    }
    out
}

/// A heading that is wholly a link to the site's front page: the site's logo or name.
fn links_home(el: &ElementRef) -> bool {
    let text = collapse_ws(&el.text().collect::<String>());
    el.descendants().filter_map(ElementRef::wrap).any(|a| {
        a.value().name() == "a"
            && a.value().attr("href").is_some_and(|h| {
                let h = h.trim();
                h == "/" || h == "./" || h.strip_prefix("https://").or(h.strip_prefix("http://")).is_some_and(|rest| rest.trim_end_matches('/').find('/').is_none())
            })
            && collapse_ws(&a.text().collect::<String>()) == text
    })
}

/// The headline of the page whose body is `body`: see the module's description. `title` is
/// the metadata's title (already without a site part where the metadata allowed), `story` the
/// span in document order (of the body's elements) of the story's first element.
pub fn choose(body: ElementRef, title: Option<&str>, site_name: Option<&str>, story: Option<(usize, usize)>) -> Option<String> {
    let heads = candidates(body, site_name, "h1");
    let title = title.map(decode_twice_escaped).filter(|t| !t.trim().is_empty());
    let Some(title) = title else {
        // No metadata (a clipboard paste): the story's own first <h1>, else the last one before
        // the story, else the page's first.
        let inside = story.and_then(|(start, end)| heads.iter().find(|h| (start..end).contains(&h.order)));
        let before = story.and_then(|(start, _)| heads.iter().rev().find(|h| h.order < start));
        if let Some(h) = inside.or(before).or(heads.first()) {
            return Some(h.text.clone());
        }
        // A page without an <h1> may head its story with an <h2>: the last one before the
        // story (an <h2> inside it is a section's).
        let seconds = candidates(body, site_name, "h2");
        return story.and_then(|(start, _)| seconds.iter().rev().find(|h| h.order < start)).map(|h| h.text.clone());
    };
    let t = fold(&title);
    // The <h1> the metadata's title holds: the title without the site's part around it.
    // (A heading escaped twice, as its title may be, is compared and taken decoded.)
    let held = heads.iter().map(|h| decode_twice_escaped(&h.text)).find(|h| {
        let f = fold(h);
        f == t || (count_words(h) >= 2 && t.contains(&f))
    });
    if held.is_some() {
        return held;
    }
    // One main heading on the page, of more than one word, on the title's subject (two words
    // in common): the page's own headline, worded for the page rather than for search results.
    if heads.len() == 1 && count_words(&heads[0].text) >= 2 && shared_words(&heads[0].text, &title) >= 2 {
        return Some(heads[0].text.clone());
    }
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(html: &str) -> Option<String> {
        let doc = Html::parse_document(html);
        let body = doc.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body").unwrap();
        let meta = super::super::meta::read(&doc);
        choose(body, meta.title.as_deref(), meta.site_name.as_deref(), None)
    }

    #[test]
    fn the_heading_wins_over_a_title_with_the_site_in_it() {
        let page = r#"<html><head><title>Brief History of Coffee - Charleston Roasters</title></head>
            <body><h1>Brief History of Coffee</h1><p>Coffee came to the port in the 1700s.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Brief History of Coffee"));
    }

    #[test]
    fn the_site_name_as_a_heading_is_not_the_headline() {
        let page = r#"<html><head><title>Sneak Peek: What's Inside the Box</title><meta property="og:site_name" content="Personal Finance Economics"></head>
            <body><h1><a href="/">Personal Finance Economics</a></h1><h1>Sneak Peek: What’s Inside the Box</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Sneak Peek: What’s Inside the Box"));
    }

    #[test]
    fn a_lone_heading_on_another_subject_leaves_the_title() {
        let page = r#"<html><head><meta property="og:title" content="Babies Who Eat Peanuts Early May Avoid Allergy"></head>
            <body><h1>Allergies Health Center</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Babies Who Eat Peanuts Early May Avoid Allergy"));
    }

    #[test]
    fn a_paste_without_metadata_takes_the_heading_above_the_story() {
        let page = "<html><body><h1>Weekly Letter</h1><nav><h1>Menu</h1></nav><h1>The river rose overnight</h1><p>Story.</p></body></html>";
        let doc = Html::parse_document(page);
        let body = doc.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body").unwrap();
        let p = body.descendants().filter_map(ElementRef::wrap).position(|e| e.value().name() == "p").unwrap();
        assert_eq!(choose(body, None, None, Some((p, p + 1))).as_deref(), Some("The river rose overnight"));
    }

    #[test]
    fn a_title_escaped_twice_is_decoded() {
        assert_eq!(decode_twice_escaped("Tools &#8211; a list &amp; more"), "Tools \u{2013} a list & more");
        assert_eq!(decode_twice_escaped("Fish & chips; peas"), "Fish & chips; peas");
    }

    #[test]
    fn a_heading_escaped_twice_is_taken_decoded() {
        let page = r#"<html><head><title>Ten Tools for 2026 | Python, SQL &#x26; AI | Site</title></head>
            <body><h1>Ten Tools for 2026 | Python, SQL &amp;#x26; AI</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Ten Tools for 2026 | Python, SQL & AI"));
    }
}
