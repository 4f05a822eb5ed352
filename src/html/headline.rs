//! The story's headline, read from the page: its main heading near the body, checked against
//! what the metadata calls the page, never the site's or the publication's name.
//!
//! Metadata titles often carry the site ("… | Facet", "… - Charleston Coffee Roasters") and a
//! clipboard paste has no metadata at all, so the page's own `<h1>` decides where it can: the
//! `<h1>` that the metadata title contains (the title without its site part), else the one
//! `<h1>` the page has, else the metadata title with a short or site-named part after its
//! last separator left off. With no metadata, the heading that heads the story (before its
//! first paragraph of prose) or the one nearest before it. A wrapper marked hidden that holds
//! the story itself (pages that stream their content) hides none of its headings.

use super::Attrs;
use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::root::{is_block, is_hidden, is_skipped_tag};
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
/// escaped twice (or three times) by its page does: decoded until none is left, at most three
/// times. Other text is returned as it is.
pub fn decode_twice_escaped(text: &str) -> String {
    let mut text = text.to_string();
    for _ in 0..3 {
        match decode_once(&text) {
            Some(decoded) => text = decoded,
            None => break,
        }
    }
    text
}

/// The text with its character references decoded, or `None` when it holds none.
fn decode_once(text: &str) -> Option<String> {
    let escaped = text.match_indices('&').any(|(i, _)| {
        let rest = &text[i + 1..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').collect();
        !name.is_empty() && name.len() <= 10 && rest[name.len()..].starts_with(';')
    });
    if !escaped {
        return None;
    }
    let fragment = Html::parse_fragment(text);
    let decoded: String = fragment.root_element().text().collect();
    (!decoded.trim().is_empty() && decoded != text).then_some(decoded)
}

/// Whether every word of `part` is in `line` (letter case and white space folded).
fn holds_words(line: &str, part: &str) -> bool {
    let line = fold(line);
    let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let part = fold(part);
    let mut wanted = part.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    wanted.peek().is_some() && wanted.all(|w| words.contains(&w))
}

/// How many distinct words of three letters or more two lines have in common.
fn shared_words(a: &str, b: &str) -> usize {
    let words = |s: &str| -> std::collections::HashSet<String> { crate::words::words(&fold(s)).filter(|w| w.chars().count() >= 3).map(str::to_string).collect() };
    words(a).intersection(&words(b)).count()
}

/// The story's place among the body's elements in document order: the span of its first
/// element, where its text starts, and the elements around it.
#[derive(Clone, Default)]
struct StoryPlace {
    /// The span (in document order) of the story's first element.
    span: Option<(usize, usize)>,
    /// The first paragraph of prose inside that span: a heading after it heads a section.
    first_prose: usize,
    /// The elements that hold the story: a page that shows the story shows them, whatever
    /// their `hidden` attribute says (pages that stream their content in hidden wrappers).
    holders: HashSet<NodeId>,
}

/// A paragraph of this many words or more is prose: a heading after it is a section's.
const PROSE_WORDS: usize = 10;

impl StoryPlace {
    fn read(body: ElementRef, span: Option<(usize, usize)>) -> Self {
        let Some((start, end)) = span else { return Self::default() };
        let mut place = Self { span, first_prose: end, holders: HashSet::new() };
        for (order, el) in body.descendants().filter_map(ElementRef::wrap).enumerate().skip(start).take(end - start) {
            if order == start {
                place.holders = std::iter::successors(Some(el), |e| e.parent().and_then(ElementRef::wrap)).map(|e| e.id()).collect();
            }
            if el.value().name() == "p" && count_words(&el.text().collect::<String>()) >= PROSE_WORDS {
                place.first_prose = order;
                break;
            }
        }
        place
    }

    /// The heading heads the story: inside its first element, before any of its prose.
    fn heads(&self, h: &Candidate) -> bool {
        self.span.is_some_and(|(start, _)| h.order >= start && h.order < self.first_prose)
    }

    /// The heading comes before the story.
    fn precedes(&self, h: &Candidate) -> bool {
        self.span.is_some_and(|(start, _)| h.order < start)
    }
}

/// The headings of the page (`tag`: `h1` or `h2`) that could be its headline: visible (unless
/// `hidden_too`), outside menus, footers and forms, of a headline's length, not the site's own
/// name, and not only a link home.
fn candidates(body: ElementRef, site_name: Option<&str>, tag: &str, place: &StoryPlace, hidden_too: bool) -> Vec<Candidate> {
    let site = site_name.map(fold);
    let mut out = Vec::new();
    for (order, el) in body.descendants().filter_map(ElementRef::wrap).enumerate() {
        if el.value().name() != tag {
            continue;
        }
        let hidden = std::iter::successors(Some(el), |e| e.parent().and_then(ElementRef::wrap))
            .take_while(|e| e.value().name() != "body")
            .any(|e| (!hidden_too && is_hidden(&e) && !place.holders.contains(&e.id())) || (is_skipped_tag(e.value().name()) && e.value().name() != "form"));
        if hidden {
            continue;
        }
        let text = heading_text(&el);
        let chars = text.chars().count();
        if !(3..=300).contains(&chars) || site.as_deref() == Some(fold(&text).as_str()) || links_home(&el) {
            continue;
        }
        out.push(Candidate { text, order });
    }
    out
}

/// A heading's text as it reads: a line break or a block inside it (`Real Estate for
/// Beginners<br>Real Estate 101`, a word a line) parts the words around it.
fn heading_text(el: &ElementRef) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if e.name() == "br" || is_block(e.name()) => out.push(' '),
            _ => {}
        }
    }
    collapse_ws(&out)
}

/// A heading that is wholly a link to the site's front page, or wrapped in one: the site's
/// logo or name.
fn links_home(el: &ElementRef) -> bool {
    let text = heading_text(el);
    let is_home_link = |a: &ElementRef| {
        a.value().name() == "a"
            && a.value().attribute("href").is_some_and(|h| {
                let h = h.trim();
                h == "/" || h == "./" || h.strip_prefix("https://").or(h.strip_prefix("http://")).is_some_and(|rest| rest.trim_end_matches('/').find('/').is_none())
            })
    };
    let inner = el.descendants().filter_map(ElementRef::wrap).any(|a| is_home_link(&a) && heading_text(&a) == text);
    inner || el.ancestors().filter_map(ElementRef::wrap).take(3).any(|a| is_home_link(&a))
}

/// The separators that set a site's name (or a section's) apart from a title.
const SEPARATORS: [&str; 8] = [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{2022} ", " \u{00B7} ", " :: ", " \u{00BB} "];

/// A part set apart this many words or fewer, after a title of at least as many words, is
/// the site's name (or its section's), not the story's.
const SITE_PART_WORDS: usize = 4;

/// A title's part before its first separator (the whole title when it has none).
fn first_part(title: &str) -> &str {
    let end = SEPARATORS.iter().filter_map(|sep| title.find(sep)).min().unwrap_or(title.len());
    title[..end].trim()
}

/// A heading without a site's or section's part after its last vertical bar ("… | Opinion"),
/// or after any separator where that part is the site's name: a dash in a heading more often
/// sets off the headline's own subtitle.
fn heading_without_site_part(heading: &str, site_name: Option<&str>) -> String {
    let piped = strip_site_part(heading, site_name, &[" | "]);
    if piped != heading {
        return piped;
    }
    match split_last(heading, &SEPARATORS) {
        Some((head, tail)) if is_site(tail, site_name) => head.to_string(),
        _ => heading.to_string(),
    }
}

/// `text` without its part after the last of `separators` where that part is the site's name,
/// or a short one after a longer text.
fn strip_site_part(text: &str, site_name: Option<&str>, separators: &[&str]) -> String {
    match split_last(text, separators) {
        Some((head, tail)) if is_site(tail, site_name) || (count_words(tail) <= SITE_PART_WORDS && count_words(head) >= count_words(tail).max(3)) => head.to_string(),
        _ => text.to_string(),
    }
}

/// The text before and after the last of `separators` in it, trimmed.
fn split_last<'a>(text: &'a str, separators: &[&str]) -> Option<(&'a str, &'a str)> {
    let (at, len) = separators.iter().filter_map(|sep| text.rfind(sep).map(|i| (i, sep.len()))).max()?;
    Some((text[..at].trim(), text[at + len..].trim()))
}

/// The part names the site.
fn is_site(part: &str, site_name: Option<&str>) -> bool {
    site_name.is_some_and(|s| fold(s) == fold(part))
}

/// The headline of the page whose body is `body`: see the module's description. `title` is
/// the metadata's title (`from_document`: taken from the document's `<title>`, its site part
/// already removed), `story` the span in document order (of the body's elements) of the
/// story's first element.
pub fn choose(body: ElementRef, title: Option<&str>, from_document: bool, site_name: Option<&str>, story: Option<(usize, usize)>) -> Option<String> {
    let place = StoryPlace::read(body, story);
    let heads = candidates(body, site_name, "h1", &place, false);
    let title = title.map(decode_twice_escaped).filter(|t| !t.trim().is_empty());
    let Some(title) = title else {
        // A pasted heading may carry the site's or section's part after a bar, and be escaped
        // twice, as a title is.
        return story_heading(body, site_name, &place, &heads).map(|h| heading_without_site_part(&decode_twice_escaped(&h), site_name));
    };
    let t = fold(&title);
    // The <h1> the metadata's title holds: the title without the site's part around it, or
    // its first part before a separator, even of one word. (A heading escaped twice, as its
    // title may be, is compared and taken decoded.)
    let first = fold(first_part(&title));
    let held = heads.iter().map(|h| decode_twice_escaped(&h.text)).find(|h| {
        let f = fold(h);
        f == t || (count_words(h) >= 2 && t.contains(&f)) || f == first
    });
    if let Some(held) = held {
        // A heading that copies the metadata's title may copy its site part too.
        return Some(heading_without_site_part(&held, site_name));
    }
    // A metadata title without the site's part after its last separator ("… | Site", "… -
    // Company Name"); the document's <title> has lost it already.
    let title = if from_document { title } else { strip_site_part(&title, site_name, &SEPARATORS) };
    // A main heading that is the title after a date or a label ("Dec 18 2025 …", "Blog: …"):
    // the title.
    if heads.iter().any(|h| is_labelled(&h.text, &title)) {
        return Some(title);
    }
    // One main heading on the page, of more than one word, on the title's subject (two words
    // in common, or the whole title: a title that shortens it, "News" over "News of the day"):
    // the page's own headline, worded for the page rather than for search results.
    if heads.len() == 1 && count_words(&heads[0].text) >= 2 && (shared_words(&heads[0].text, &title) >= 2 || holds_words(&heads[0].text, &title)) {
        return Some(heads[0].text.clone());
    }
    Some(title)
}

/// The heading is the title after a date or a short label ending in a colon (three words or
/// fewer), run into it.
fn is_labelled(heading: &str, title: &str) -> bool {
    let (h, t) = (fold(heading), fold(title));
    if count_words(title) < 3 {
        return false;
    }
    let Some(label) = h.strip_suffix(t.as_str()).map(str::trim) else { return false };
    !label.is_empty() && ((label.ends_with(':') && count_words(label) <= 3) || crate::refine::is_date_line(label))
}

/// With no metadata (a clipboard paste): the `<h1>` that heads the story, else the last one
/// before it, else the story's first, else the page's first (even one styled hidden); a page
/// without an `<h1>` may head its story with an `<h2>`: the last one before it, else the one
/// that heads it.
fn story_heading(body: ElementRef, site_name: Option<&str>, place: &StoryPlace, heads: &[Candidate]) -> Option<String> {
    let inside = |h: &&Candidate| place.span.is_some_and(|(start, end)| (start..end).contains(&h.order));
    let chosen = heads.iter().find(|h| place.heads(h)).or_else(|| heads.iter().rev().find(|h| place.precedes(h))).or_else(|| heads.iter().find(inside)).or(heads.first());
    if let Some(h) = chosen {
        return Some(h.text.clone());
    }
    // A copied page keeps the styles its elements had, and a wrapper styled hidden may still
    // show what it holds: its first <h1>.
    if let Some(h) = candidates(body, site_name, "h1", place, true).into_iter().next() {
        return Some(h.text);
    }
    let seconds: Vec<Candidate> = candidates(body, site_name, "h2", place, false).into_iter().filter(|h| !is_numbered(&h.text)).collect();
    let second = seconds.iter().rev().find(|h| place.precedes(h)).or_else(|| seconds.iter().find(|h| place.heads(h)));
    if let Some(h) = second {
        return Some(h.text.clone());
    }
    // A page without an <h1> or <h2> may head its story with a lesser heading (a blog's <h3>,
    // a news site's <h4>): the last of the highest rank that stands before the story, unless it
    // only names the writer or gives the date. (One inside the story heads its first item or
    // section: a card of a grid, not the page.)
    ["h3", "h4", "h5", "h6"].into_iter().find_map(|tag| candidates(body, site_name, tag, place, false).into_iter().rev().find(|h| place.precedes(h) && !is_meta_line(&h.text) && !is_numbered(&h.text)).map(|h| h.text))
}

/// A heading numbered as an item of the story ("1. Connected equipment", "2) Budget"): it
/// heads a section of a listicle, not the page.
pub(super) fn is_numbered(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && (text[digits..].starts_with(". ") || text[digits..].starts_with(") "))
}

/// A heading that only names the writer or gives the date ("Written by A. Writer",
/// "November 21, 2023").
fn is_meta_line(text: &str) -> bool {
    crate::refine::is_byline(text) || crate::refine::is_date_line(text) || super::furniture::is_timestamp_line(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(html: &str) -> Option<String> {
        let doc = Html::parse_document(html);
        let body = doc.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body").unwrap();
        let meta = super::super::meta::read(&doc);
        let title = if meta.title_is_heading { None } else { meta.title.as_deref() };
        choose(body, title, meta.title_from_document, meta.site_name.as_deref(), story_of(body))
    }

    /// The span in document order of the element with `id="story"`, if the page has one.
    fn story_of(body: ElementRef) -> Option<(usize, usize)> {
        let start = body.descendants().filter_map(ElementRef::wrap).position(|e| e.value().attribute("id") == Some("story"))?;
        let story = body.descendants().filter_map(ElementRef::wrap).nth(start)?;
        Some((start, start + story.descendants().filter_map(ElementRef::wrap).count()))
    }

    /// A paragraph long enough to read as prose.
    const PROSE: &str = "<p>The water came up over the low road before dawn and the ferry stopped running until noon.</p>";

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
        assert_eq!(choose(body, None, false, None, Some((p, p + 1))).as_deref(), Some("The river rose overnight"));
    }

    #[test]
    fn a_line_break_in_a_heading_parts_its_words() {
        let page = "<html><body><h1>Investing for Beginners<br>Real Estate 101</h1><p>Story.</p></body></html>";
        assert_eq!(headline(page).as_deref(), Some("Investing for Beginners Real Estate 101"));
        let page = "<html><body><h1>WEEKEND<br>CODING<br><span>AGENT</span></h1><p>Story.</p></body></html>";
        assert_eq!(headline(page).as_deref(), Some("WEEKEND CODING AGENT"));
        let page = "<html><body><h1><div>Harbour</div><div>reopens</div></h1><p>Story.</p></body></html>";
        assert_eq!(headline(page).as_deref(), Some("Harbour reopens"));
    }

    #[test]
    fn a_title_escaped_twice_is_decoded() {
        assert_eq!(decode_twice_escaped("Tools &#8211; a list &amp; more"), "Tools \u{2013} a list & more");
        assert_eq!(decode_twice_escaped("Fish & chips; peas"), "Fish & chips; peas");
    }

    #[test]
    fn a_heading_escaped_twice_is_taken_decoded() {
        let page = r#"<html><head><title>Ten Tools for 2026: Python, SQL &#x26; AI | Site</title></head>
            <body><h1>Ten Tools for 2026: Python, SQL &amp;#x26; AI</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Ten Tools for 2026: Python, SQL & AI"));
    }

    #[test]
    fn the_site_name_is_left_off_a_shared_title_no_heading_holds() {
        let page = r#"<html><head><meta property="og:title" content="The Long Walk Home Through the Hills | Valley Courier"></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("The Long Walk Home Through the Hills"));
    }

    #[test]
    fn a_heading_that_copies_the_title_drops_the_section_after_its_bar() {
        let page = r#"<html><head><meta property="og:title" content="Ten Walks by the Sea | Travel | Valley Courier"></head>
            <body><h1>Ten Walks by the Sea | Travel</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Ten Walks by the Sea"));
    }

    #[test]
    fn a_headline_keeps_its_own_subtitle_after_a_dash() {
        let page = r#"<html><head><meta property="og:title" content="Baking Bread at Home – Notes From a First Year | Flour Diary"></head>
            <body><h1>Baking Bread at Home – Notes From a First Year</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Baking Bread at Home – Notes From a First Year"));
    }

    #[test]
    fn a_date_run_into_the_heading_is_not_part_of_the_headline() {
        let page = r#"<html><head><meta property="og:title" content="Preparing the spring release"></head>
            <body><h1>Mar 3 2026 Preparing the spring release</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Preparing the spring release"));
    }

    #[test]
    fn a_one_word_heading_that_the_title_begins_with_is_the_headline() {
        let page = r#"<html><head><meta property="og:title" content="Coffee - Campus Dining Services"></head>
            <body><h1>Coffee</h1><p>Text.</p></body></html>"#;
        assert_eq!(headline(page).as_deref(), Some("Coffee"));
    }

    #[test]
    fn a_title_escaped_three_times_is_decoded() {
        assert_eq!(decode_twice_escaped("Tea &amp;amp; cake"), "Tea & cake");
    }

    #[test]
    fn the_headline_shows_when_the_page_streams_its_story_into_a_hidden_wrapper() {
        let page = format!(
            r#"<html><head><meta property="og:title" content="Harbour lights on tonight"></head>
            <body><div hidden id="S:0"><main id="story"><h1>Lanterns over the harbour tonight</h1>{PROSE}</main></div></body></html>"#
        );
        assert_eq!(headline(&page).as_deref(), Some("Lanterns over the harbour tonight"));
    }

    #[test]
    fn a_blog_name_above_a_pasted_post_is_not_the_headline() {
        let page = format!(r#"<html><body><header><a href="https://example.org/"><h1>Quiet Corner</h1></a></header><article id="story"><h2>Mending a fence in winter</h2>{PROSE}</article></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("Mending a fence in winter"));
    }

    #[test]
    fn a_pasted_story_s_section_heading_is_not_the_headline() {
        let page = format!(r#"<html><body><h1>Building a wood kiln</h1><div id="story">{PROSE}<h1>What you need</h1>{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("Building a wood kiln"));
    }

    #[test]
    fn a_pasted_post_title_above_the_story_wins_over_its_first_section() {
        let page = format!(r#"<html><body><h2>The best board games of the year</h2><div id="story"><h2>Our picks</h2>{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("The best board games of the year"));
    }

    #[test]
    fn a_pasted_headline_drops_the_section_after_its_bar() {
        let page = format!(r#"<html><body><h1>How sleep mends the body | Opinion</h1><div id="story">{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("How sleep mends the body"));
        let page = format!(r#"<html><body><h1>Ten Tools for 2026 | Python, SQL &amp;#x26; AI</h1><div id="story">{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("Ten Tools for 2026"));
    }

    #[test]
    fn a_pasted_post_headed_by_a_lesser_heading_keeps_it_as_its_headline() {
        let page = format!(r#"<html><body><table><tr><td><h3><a href="/p/backup">Backup strategy</a></h3></td><td>January 22nd, 2019</td></tr></table><div id="story">{PROSE}<h3>Recent posts</h3></div></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("Backup strategy"));
        let page = format!(r#"<html><body><h4>Written by Ann Lee</h4><div id="story">{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page), None, "a writer's name is no headline");
        let page = format!(r#"<html><body><div id="story"><h3>Trail bag, large</h3>{PROSE}<h3>Trail bag, small</h3>{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page), None, "the heading of a grid's first card is not the page's");
    }

    #[test]
    fn a_pasted_heading_under_a_wrapper_styled_hidden_still_heads_the_story() {
        let page = format!(r#"<html><body><h2>Talk to us</h2><div style="visibility: hidden"><h1>Five cameras for the trail</h1></div><div id="story">{PROSE}</div></body></html>"#);
        assert_eq!(headline(&page).as_deref(), Some("Five cameras for the trail"));
    }
}
