//! Input detection: is this pasted thing an HTML document, an HTML fragment, Markdown or plain text?

use crate::html::Attrs;
use serde::{Deserialize, Serialize};

/// What kind of input the reader gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// A whole HTML document (`<!doctype html>` or `<html>`).
    HtmlDocument,
    /// A piece of HTML, such as a browser selection copied as `text/html`.
    HtmlFragment,
    /// Markdown.
    Markdown,
    /// Plain text (a page copied as text, an e-mail, a PDF's text).
    Text,
}

impl InputKind {
    /// The family name used in the JSON output: `html`, `markdown` or `text`.
    pub fn family(self) -> &'static str {
        match self {
            InputKind::HtmlDocument | InputKind::HtmlFragment => "html",
            InputKind::Markdown => "markdown",
            InputKind::Text => "text",
        }
    }
}

/// Tag names common enough in real HTML that two or more of them mark a fragment.
const HTML_TAGS: &[&str] = &[
    "p", "div", "span", "a", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "img", "table",
    "tr", "td", "th", "article", "section", "header", "footer", "nav", "main", "figure", "figcaption",
    "blockquote", "pre", "code", "em", "strong", "b", "i", "meta", "body", "head", "script", "style",
    "title", "link", "font", "center", "hr", "sup", "sub", "time", "aside", "picture", "source",
];

/// Decides what kind of input `input` is.
///
/// ```
/// use cleancopy::{detect, InputKind};
/// assert_eq!(detect("<!DOCTYPE html><html><p>Hi</p></html>"), InputKind::HtmlDocument);
/// assert_eq!(detect("# Title\n\nSome *text*."), InputKind::Markdown);
/// assert_eq!(detect("Just some words.\n\nAnd more."), InputKind::Text);
/// ```
pub fn detect(input: &str) -> InputKind {
    let head: String = input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).chars().take(512).collect();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<?xml") && lower.contains("<html") {
        return InputKind::HtmlDocument;
    }
    let tags = count_html_tags(input);
    let markup_lines = markup_line_share(input);
    if lower.starts_with('<') && tags >= 1 && (markup_lines >= 0.3 || tags >= 3 && count_html_tags(&head) >= 1) {
        // A paste that opens with a well-known tag and holds more: markup, even when its
        // attributes run over many lines (a framework's `:class="{ … }"`), so that few lines
        // hold a tag.
        return InputKind::HtmlFragment;
    }
    let md = markdown_score(input);
    if md >= 2 {
        return InputKind::Markdown;
    }
    if tags >= 3 && markup_lines >= 0.3 {
        return InputKind::HtmlFragment;
    }
    InputKind::Text
}

/// The share of non-empty lines (in the first 64 KiB) that hold a well-known tag: near 1 for
/// markup, near 0 for a page's text that merely quotes a tag or two.
fn markup_line_share(input: &str) -> f64 {
    let sample = &input[..floor_char_boundary(input, 65_536)];
    let (mut lines, mut marked) = (0usize, 0usize);
    for line in sample.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        if count_html_tags(line) > 0 {
            marked += 1;
        }
    }
    if lines == 0 { 0.0 } else { marked as f64 / lines as f64 }
}

/// Counts opening or closing tags with a well-known HTML name (looks at the first 64 KiB only).
fn count_html_tags(input: &str) -> usize {
    let sample = &input[..floor_char_boundary(input, 65_536)];
    let bytes = sample.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while let Some(offset) = sample[i..].find('<') {
        let start = i + offset + 1;
        i = start;
        let rest = &bytes[start..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let name_len = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let after = rest.get(name_len).copied();
        if !matches!(after, Some(b'>' | b' ' | b'/' | b'\n' | b'\t' | b'\r')) {
            continue;
        }
        let name = std::str::from_utf8(&rest[..name_len]).unwrap_or("").to_ascii_lowercase();
        if HTML_TAGS.contains(&name.as_str()) {
            count += 1;
        }
    }
    count
}

/// Points for Markdown syntax: 2 for a strong sign (ATX heading, code fence, link or image
/// syntax), 1 for a weaker one (emphasis, setext underline, quote, numbered list). Only the
/// first quarter of the non-empty lines counts (and at least their first 40): Markdown shows
/// its syntax from the start, while a page copied as text may quote some deep inside (a code
/// sample's `# comment`, a prompt's `## Section`, an e-mail's `> ` quote) and is still text.
fn markdown_score(input: &str) -> usize {
    let lines = input.lines().take(2_000).filter(|l| !l.trim().is_empty()).count();
    let counted = (lines / 4).max(40);
    let (mut score, mut seen) = (0, 0);
    let mut prev_text = false;
    let mut all = input.lines().peekable();
    while let Some(line) = all.next() {
        let t = line.trim_start();
        if !t.is_empty() {
            seen += 1;
            if seen > counted {
                break;
            }
        }
        // Indented four spaces or more, a line is code, never a heading.
        let indent = line.len() - t.len();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        // A heading's next line is blank or starts as text does; a code comment's is code.
        let next_code = all.peek().is_some_and(|n| n.trim_start().starts_with(|c: char| c.is_lowercase() || matches!(c, '(' | '[' | '{' | '\'' | '"')));
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') && indent < 4 && !next_code {
            score += 2;
        } else if t.starts_with("```") || t.starts_with("~~~") && !t.chars().all(|c| c == '~') {
            // One point a fence: a block of code opens and closes.
            score += 1;
        } else if prev_text && !t.is_empty() && (t.chars().all(|c| c == '=') || t.len() >= 3 && t.chars().all(|c| c == '-')) {
            score += 1;
        } else if t.starts_with("> ") {
            score += 1;
        }
        if has_md_link(t) {
            score += 2;
        }
        if has_strong_emphasis(t) {
            score += 1;
        }
        prev_text = !t.is_empty();
        if score >= 4 {
            break;
        }
    }
    score
}

/// The web address a paste is, when it is that and nothing else: a bare address (`https://…`,
/// `http://…`, `www.…`, or a few of them, one a line), or HTML that holds only a link (a link
/// selected and copied on a page). Clean Copy does not fetch pages, so such a paste gets a
/// message saying how to bring the page instead of an "article".
///
/// ```
/// use cleancopy::detect::web_address;
/// assert_eq!(web_address(" https://example.org/story?id=1\n").as_deref(), Some("https://example.org/story?id=1"));
/// let link = "<meta charset='utf-8'><a href=\"https://example.org/a\">A story</a>";
/// assert_eq!(web_address(link).as_deref(), Some("https://example.org/a"));
/// assert_eq!(web_address("Read https://example.org/a for more."), None);
/// ```
pub fn web_address(input: &str) -> Option<String> {
    let input = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if input.is_empty() || input.len() > 8192 {
        return None;
    }
    if input.starts_with('<') && address(input).is_none() {
        return linked_address(input);
    }
    let mut lines = input.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = address(lines.next()?)?;
    lines.all(|l| address(l).is_some()).then_some(first)
}

/// `token` as a web address: `http://` or `https://` with a host, or `www.` and a dotted host
/// (given back with `https://` before it); one word, possibly in angle brackets, or a Markdown
/// link (`[text](address)`) alone.
fn address(token: &str) -> Option<String> {
    if let Some(target) = token.strip_prefix('[').and_then(|t| t.strip_suffix(')')).and_then(|t| t.rsplit_once("](")).map(|(_, target)| target) {
        return address(target.split_whitespace().next()?);
    }
    let token = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')).unwrap_or(token);
    if token.is_empty() || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let lower = token.get(..8).unwrap_or(token).to_ascii_lowercase();
    let full = if lower.starts_with("http://") || lower.starts_with("https://") {
        token.to_string()
    } else if lower.starts_with("www.") {
        format!("https://{token}")
    } else {
        return None;
    };
    let url = url::Url::parse(&full).ok()?;
    let host = url.host_str()?;
    (host.contains('.') || host == "localhost" || url.host().is_some_and(|h| !matches!(h, url::Host::Domain(_)))).then_some(full)
}

/// The one address of HTML whose every word is inside links to it (and that shows no picture,
/// table or other content beside them).
fn linked_address(html: &str) -> Option<String> {
    if !html.to_ascii_lowercase().contains("<a") {
        return None;
    }
    let fragment = scraper::Html::parse_fragment(html);
    let mut href: Option<String> = None;
    let mut words = 0;
    for node in fragment.tree.root().descendants() {
        let inside = |names: &[&str]| node.ancestors().any(|a| a.value().as_element().is_some_and(|e| names.contains(&e.name())));
        match node.value() {
            scraper::Node::Element(e) if e.name() == "a" => {
                let Some(target) = e.attribute("href").map(str::trim) else { continue };
                match &href {
                    None => href = Some(address(target)?),
                    Some(h) if h == target => {}
                    Some(_) => return None,
                }
            }
            scraper::Node::Element(e) => {
                let content = ["img", "picture", "video", "audio", "iframe", "object", "embed", "svg", "canvas", "table", "input", "textarea", "select"];
                if content.contains(&e.name()) && !inside(&["a"]) {
                    return None;
                }
            }
            scraper::Node::Text(t) if !t.trim().is_empty() => {
                if inside(&["script", "style", "title", "template", "noscript"]) {
                    continue;
                }
                if !node.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "a" && e.attribute("href").is_some())) {
                    return None;
                }
                words += t.split_whitespace().count();
            }
            _ => {}
        }
    }
    // A link around a whole story is a story, however it was copied.
    href.filter(|_| words <= 80)
}

/// `[text](target)` somewhere in the line.
/// Strong emphasis: `**words**`, or `__words__` standing as words (not a name in code such as
/// `__init__`, nor a lone `**kwargs`).
fn has_strong_emphasis(line: &str) -> bool {
    ["**", "__"].iter().any(|mark| {
        let mut parts = line.split(mark);
        let Some(before) = parts.next() else { return false };
        let (Some(inner), Some(after)) = (parts.next(), parts.next()) else { return false };
        let bounded = |s: &str, last: bool| {
            let c = if last { s.chars().next_back() } else { s.chars().next() };
            c.is_none_or(|c| !c.is_alphanumeric() && c != '_' && (*mark == "**" || c.is_whitespace() || c.is_ascii_punctuation()))
        };
        !inner.is_empty()
            && !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace)
            && (*mark == "**" || bounded(before, true) && bounded(after, false) && !before.ends_with(['(', '.']) && !after.starts_with(['(', '.']))
    })
}

fn has_md_link(line: &str) -> bool {
    let mut rest = line;
    while let Some(close) = rest.find("](") {
        let before = &rest[..close];
        if before.contains('[') && rest[close + 2..].contains(')') {
            return true;
        }
        rest = &rest[close + 2..];
    }
    false
}

/// The largest index `<= at` that falls on a character boundary of `s`.
pub(crate) fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let mut i = at;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_whose_attributes_run_over_many_lines_is_html() {
        let paste = format!("<header x-data=\"navigation\" :class=\"{{\n{}}}\" class=\"grid\"><a href=\"/\">Home</a></header><h1>Title</h1><p>Text.</p>", "  'md:absolute top-0': !scrolled,\n".repeat(40));
        assert_eq!(detect(&paste), InputKind::HtmlFragment);
    }

    #[test]
    fn a_browser_selection_copied_as_html_is_a_fragment() {
        assert_eq!(detect("<meta charset='utf-8'><p style=\"x\">Hello <b>there</b></p>"), InputKind::HtmlFragment);
    }

    #[test]
    fn a_page_copied_as_text_is_text_even_with_bullets() {
        let page = "Skip to main content\n  • E-mail\n  • Save\n\nA headline\n\nA paragraph - with a dash.";
        assert_eq!(detect(page), InputKind::Text);
    }

    #[test]
    fn a_copied_page_that_opens_with_a_stray_tag_is_still_text() {
        let page = format!("<img height=\"1\" width=\"1\" src=\"x\">\n{}", "Politics\nWhite House\nA long paragraph of the story itself.\n".repeat(20));
        assert_eq!(detect(&page), InputKind::Text);
    }

    #[test]
    fn a_page_copied_as_text_that_quotes_code_or_markup_deep_inside_is_text() {
        let story = "A paragraph of the story, long enough to read as prose on its own line.\n\n".repeat(60);
        let page = format!("Home\nBlog\n\nSetting up a repository\n\n{story}Run these:\n\n# initialize git\ngit init\n# clone repo\ngit clone https://example.org/repo\n\n## The Concept\nExplain it first.\n");
        assert_eq!(detect(&page), InputKind::Text);
        let docs = "Sessions\n\nRun this first:\n\n# Create a new repository\ngit init my-project\n# Add a remote\ngit remote add origin https://example.org/repo\n\n    # it takes a second\n    for _ in range(5):\n        pass\n\nA paragraph on what the commands do, long enough to read as prose.";
        assert_eq!(detect(docs), InputKind::Text);
        assert_eq!(detect("The call failed:\n    result = self.fn(*self.args, **self.kwargs)\nif __name__ == '__main__':\n    main()"), InputKind::Text);
        assert_eq!(detect("Title\n~~~~~\n\nA paragraph under a title underlined the reStructuredText way."), InputKind::Text);
    }

    #[test]
    fn markdown_with_emphasis_and_headings_is_markdown() {
        assert_eq!(detect("# Notes\n\nThis is **important**."), InputKind::Markdown);
        assert_eq!(detect("Some __bold__ words and a [link](https://example.org)."), InputKind::Markdown);
    }

    #[test]
    fn markdown_with_links_and_fences_is_markdown() {
        assert_eq!(detect("See [the docs](https://example.org).\n\n```\ncode\n```"), InputKind::Markdown);
    }

    #[test]
    fn a_bare_web_address_is_a_web_address() {
        for paste in ["https://news.example/2024/05/story.html", "  http://example.org/a?b=c#d\n", "www.example.org/page", "<https://example.org/x>", "[A story](https://example.org/a)"] {
            assert!(web_address(paste).is_some(), "{paste:?}");
        }
        assert_eq!(web_address("https://example.org/a\nhttps://example.org/b").as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn text_holding_an_address_among_words_is_not_a_web_address() {
        for paste in ["See https://example.org/a", "https://example.org/a\nA line of words", "example.org", "https:///nohost", "mailto:a@example.org", "www"] {
            assert_eq!(web_address(paste), None, "{paste:?}");
        }
    }

    #[test]
    fn html_that_is_only_a_link_is_a_web_address() {
        let chromium = "<meta charset='utf-8'><a href=\"https://news.example/story\" style=\"color: blue\"><span>Bridge approved</span> after debate</a>";
        assert_eq!(web_address(chromium).as_deref(), Some("https://news.example/story"));
        let windows = "<html><body>\n<!--StartFragment--><a href=\"https://news.example/story\">Bridge</a><!--EndFragment-->\n</body></html>";
        assert_eq!(web_address(windows).as_deref(), Some("https://news.example/story"));
    }

    #[test]
    fn html_with_words_or_links_beside_the_link_is_not_a_web_address() {
        for html in [
            "<p>Read <a href=\"https://example.org/a\">the report</a> today.</p>",
            "<a href=\"https://example.org/a\">One</a> <a href=\"https://example.org/b\">Two</a>",
            "<img src=\"https://example.org/p.jpg\"><a href=\"https://example.org/a\">Photo</a>",
            "<a href=\"javascript:alert(1)\">Click</a>",
        ] {
            assert_eq!(web_address(html), None, "{html}");
        }
    }

    #[test]
    fn text_mentioning_a_less_than_sign_is_still_text() {
        assert_eq!(detect("If a < b and b > c then a < c."), InputKind::Text);
    }
}
