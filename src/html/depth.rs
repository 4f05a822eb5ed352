//! A bound on how deeply elements nest before the HTML parser sees them. The parsing algorithm
//! looks through the stack of open elements for many tags, so a page of 100,000 nested
//! `<div>`s costs html5ever (and any conforming parser) time that grows with the square of
//! the depth. Browsers bound it too (Chromium stops nesting at 512 levels); real pages rarely
//! nest more than a few dozen levels. Here, start tags
//! past [`MAX_DEPTH`] levels are left out, with the end tags that match them, so the text
//! inside stays and the tree stays shallow; paragraphs, headings and the like are kept up to
//! twice that depth, so the story deep inside keeps its shape.

use std::borrow::Cow;

/// The deepest nesting of containers kept; elements that carry text are kept to twice this
/// depth, which stays within the depth the converter walks (256 levels).
pub const MAX_DEPTH: usize = 120;

const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"];
const TEXT_LEVEL: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "a", "em", "strong", "b", "i", "u", "code", "pre", "blockquote", "figure",
    "figcaption", "img", "sup", "sub", "table", "tr", "td", "th", "tbody", "thead",
];
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// `html` with start tags beyond [`MAX_DEPTH`] levels (and their end tags) left out; the input
/// itself when it never nests that deep.
pub fn bound(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    // For each element opened past the bound and still open: whether its tags were left out.
    let mut beyond: Vec<bool> = Vec::new();
    // Byte ranges to leave out.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let start = i + off;
        i = start + 1;
        if b[start..].starts_with(b"<!--") {
            i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_end = name_start + b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        // The name in lower case, without allocating: no name this scan looks for is longer.
        let mut lower = [0u8; 16];
        let name = match b.get(name_start..name_end).filter(|n| n.len() <= lower.len()) {
            Some(n) => {
                lower[..n.len()].copy_from_slice(n);
                lower[..n.len()].make_ascii_lowercase();
                std::str::from_utf8(&lower[..n.len()]).unwrap_or("")
            }
            None => "",
        };
        let Some(end) = tag_end(b, name_end) else { break };
        i = end + 1;
        if closing {
            if VOID.contains(&name) {
                continue;
            }
            match beyond.pop() {
                Some(true) => cuts.push((start, end + 1)),
                Some(false) => depth = depth.saturating_sub(1),
                None => depth = depth.saturating_sub(1),
            }
            continue;
        }
        if VOID.contains(&name) || b[..end].ends_with(b"/") && !matches!(name, "div" | "span" | "p") {
            continue;
        }
        if RAW.contains(&name) {
            // Skip the element's text: it holds no tags.
            i = find_end_tag(b, i, name.as_bytes()).unwrap_or(b.len());
            continue;
        }
        // Past the bound, containers go; the elements that carry the text (paragraphs,
        // headings, links, emphasis) stay, up to a second bound.
        if depth >= MAX_DEPTH && (depth >= 2 * MAX_DEPTH || !TEXT_LEVEL.contains(&name)) {
            beyond.push(true);
            cuts.push((start, end + 1));
        } else {
            if depth >= MAX_DEPTH || !beyond.is_empty() {
                beyond.push(false);
            }
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in cuts {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

/// Where `needle` starts, from `from` on.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_where(b, from, needle[0], |at| at.starts_with(needle))
}

/// Where the end tag `</name` (in any letter case) starts, from `from` on.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    find_where(b, from, b'<', |at| at.get(1) == Some(&b'/') && at.get(2..2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

/// The first place from `from` on where the byte `first` stands and `fits` takes what starts
/// there (the places found by memchr: the needles are short).
fn find_where(b: &[u8], from: usize, first: u8, fits: impl Fn(&[u8]) -> bool) -> Option<usize> {
    let mut at = from;
    loop {
        let hit = at + memchr::memchr(first, b.get(at..)?)?;
        if fits(&b[hit..]) {
            return Some(hit);
        }
        at = hit + 1;
    }
}

/// The `>` that ends a tag whose name ends at `from`, as the HTML tokenizer finds it: a quote
/// opens a value only after an attribute's `=` (a stray quote elsewhere is part of a name).
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut k = from;
    loop {
        while space(*b.get(k)?) || b[k] == b'/' {
            k += 1;
        }
        if b[k] == b'>' {
            return Some(k);
        }
        // An attribute's name (its first character may be `=`), then perhaps its value.
        k += 1;
        while !space(*b.get(k)?) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        while space(*b.get(k)?) {
            k += 1;
        }
        if b[k] != b'=' {
            continue;
        }
        k += 1;
        while space(*b.get(k)?) {
            k += 1;
        }
        match b[k] {
            q @ (b'"' | b'\'') => k += 1 + b.get(k + 1..)?.iter().position(|&c| c == q)? + 1,
            b'>' => return Some(k),
            _ => {
                while !space(*b.get(k)?) && b[k] != b'>' {
                    k += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_end_where_the_tokenizer_ends_them() {
        fn end(tag: &str) -> Option<&str> {
            tag_end(tag.as_bytes(), tag.find(|c: char| !c.is_ascii_alphanumeric() && c != '<').unwrap_or(tag.len())).map(|k| &tag[..=k])
        }
        assert_eq!(end("<a title=\"x > y\" href='b'>rest"), Some("<a title=\"x > y\" href='b'>"));
        assert_eq!(end("<a aria-label=\"View\"\">text</a>"), Some("<a aria-label=\"View\"\">"));
        assert_eq!(end("<a href=x>y</a>"), Some("<a href=x>"));
        assert_eq!(end("<img src=a.png/>"), Some("<img src=a.png/>"));
        assert_eq!(end("<br/>"), Some("<br/>"));
        assert_eq!(end("<p class = 'x'  >"), Some("<p class = 'x'  >"));
        assert_eq!(end("<a title=\"open"), None);
    }

    #[test]
    fn shallow_pages_pass_through_untouched() {
        let page = "<html><body><div class=\"a>b\"><p>One<br>two</p><script>if (a<b) {}</script><!-- <div> --></div></body></html>";
        assert!(matches!(bound(page), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_past_the_bound_is_flattened_and_the_text_kept() {
        let n = 2_000;
        let page = format!("<body>{}<p>Deep inside.</p>{}<p>After.</p></body>", "<div>".repeat(n), "</div>".repeat(n));
        let out = bound(&page);
        let kept = out.matches("<div>").count();
        assert!((MAX_DEPTH - 2..=MAX_DEPTH).contains(&kept), "{kept}");
        assert_eq!(out.matches("</div>").count(), kept);
        assert!(out.contains("<p>Deep inside.</p>") && out.ends_with("<p>After.</p></body>"));
    }

    #[test]
    fn a_stray_quote_does_not_end_the_bound() {
        // A tag with one quote too many (`title="x""`) once read as opening a value that never
        // closed: the scan stopped there, and the nesting after it went to the parser unbounded.
        let n = 2_000;
        let page = format!("<body><a href=\"/a\" title=\"x\"\">link</a>{}<p>Deep inside.</p>{}</body>", "<div>".repeat(n), "</div>".repeat(n));
        let kept = bound(&page).matches("<div>").count();
        assert!((MAX_DEPTH - 2..=MAX_DEPTH).contains(&kept), "{kept}");
    }
}
