//! Plain text to lines: list markers recognised, hard-wrapped lines (e-mail, PDF) joined back
//! into paragraphs, hyphenated line ends mended.

use crate::words::{collapse_ws, ends_sentence};

/// How a line is marked as a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A bullet such as `•`, `-` or `*`.
    Bullet,
    /// A number such as `1.` or `2)`.
    Number,
}

/// One logical line of the input: a paragraph, a heading, a list item or a label. Its text
/// stands in the [`Lines`] it is one of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Where its text (white space collapsed, marker removed) starts and ends in the lines' text.
    start: u32,
    end: u32,
    /// The list marker it had, if any.
    pub marker: Option<Marker>,
    /// A blank line (or the start of the input) comes before it.
    pub blank_before: bool,
    /// A blank line (or the end of the input) comes after it.
    pub blank_after: bool,
}

/// Removes a list marker from the front of `s`.
fn strip_marker(s: &str) -> (Option<Marker>, &str) {
    let t = s.trim_start();
    let mut chars = t.chars();
    if let Some(c) = chars.next() {
        if matches!(c, '•' | '·' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '□' | '-' | '*' | '–' | '+') {
            let rest = chars.as_str();
            if rest.starts_with([' ', '\t', '\u{a0}']) {
                return (Some(Marker::Bullet), rest.trim_start());
            }
        }
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2 {
            return (Some(Marker::Number), rest[2..].trim_start());
        }
    }
    (None, t)
}

/// A text's logical lines. Their texts stand one after another in one string: a long text's
/// lines are not each an allocation of their own.
pub struct Lines {
    text: String,
    lines: Vec<Line>,
}

impl Lines {
    /// The text of line `i`.
    pub fn text(&self, i: usize) -> &str {
        let line = &self.lines[i];
        &self.text[line.start as usize..line.end as usize]
    }

    /// Each line's text and the line.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Line)> {
        self.lines.iter().map(|line| (&self.text[line.start as usize..line.end as usize], line))
    }
}

/// Splits `input` into logical lines. (Their texts are placed by 32-bit offsets: at most 4 GiB
/// of text, far above what Clean Copy reads.)
pub fn split(input: &str) -> Lines {
    let mut out = Lines { text: String::new(), lines: Vec::new() };
    // The physical lines since the last blank line, joined and kept as each group ends.
    let mut group: Vec<(Option<Marker>, String)> = Vec::new();
    let keep = |group: &mut Vec<(Option<Marker>, String)>, out: &mut Lines| {
        let joined = join_wrapped(std::mem::take(group));
        let n = joined.len();
        for (i, (marker, text)) in joined.into_iter().enumerate() {
            let offset = |at: usize| u32::try_from(at).expect("at most 4 GiB of text");
            let start = offset(out.text.len());
            out.text.push_str(&text);
            out.lines.push(Line { start, end: offset(out.text.len()), marker, blank_before: i == 0, blank_after: i + 1 == n });
        }
    };
    for raw in physical_lines(input) {
        let (marker, rest) = strip_marker(raw);
        let text = collapse_ws(rest);
        if text.is_empty() {
            if marker.is_none() && !group.is_empty() {
                keep(&mut group, &mut out);
            }
            continue;
        }
        group.push((marker, text));
    }
    if !group.is_empty() {
        keep(&mut group, &mut out);
    }
    // Kept to the end of extraction: without the room their growth left.
    out.text.shrink_to_fit();
    out.lines.shrink_to_fit();
    out
}

/// The physical lines of `input`, broken at CR LF, LF or a lone CR (without a copy of the
/// input made to normalise them).
fn physical_lines(input: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(input);
    std::iter::from_fn(move || {
        let s = rest?;
        match memchr::memchr2(b'\n', b'\r', s.as_bytes()) {
            Some(i) => {
                let next = if s[i..].starts_with("\r\n") { i + 2 } else { i + 1 };
                rest = Some(&s[next..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// Within one blank-separated group, joins physical lines that were wrapped at a fixed width.
fn join_wrapped(group: Vec<(Option<Marker>, String)>) -> Vec<(Option<Marker>, String)> {
    // A headline over its date or byline (a web page's head) is two lines, not one wrapped.
    let dated_pair = group.len() == 2 && (crate::refine::is_date_line(&group[1].1) || crate::refine::is_byline(&group[1].1));
    if group.len() < 2 || dated_pair || !looks_wrapped(&group) {
        return group;
    }
    let mut out: Vec<(Option<Marker>, String)> = Vec::new();
    for (marker, text) in group {
        match out.last_mut() {
            Some((_, prev)) if marker.is_none() => append_wrapped(prev, &text),
            _ => out.push((marker, text)),
        }
    }
    out
}

/// A group reads as hard-wrapped when its lines (all but the last of each paragraph) fill a
/// narrow column: most are long, none is wider than a typical mail or PDF column, and most
/// do not end a sentence.
fn looks_wrapped(group: &[(Option<Marker>, String)]) -> bool {
    let lens: Vec<usize> = group.iter().map(|(_, t)| t.chars().count()).collect();
    let max = *lens.iter().max().unwrap_or(&0);
    if !(30..=110).contains(&max) {
        return false;
    }
    let body = &group[..group.len() - 1];
    let full = body.iter().filter(|(_, t)| t.chars().count() * 10 >= max * 6).count();
    let open = body.iter().filter(|(_, t)| !ends_sentence(t)).count();
    full * 10 >= body.len() * 7 && open * 2 >= body.len()
}

/// Appends a wrapped continuation line, mending a word hyphenated across the break.
fn append_wrapped(prev: &mut String, next: &str) {
    let hyphenated = prev.ends_with('-')
        && prev.chars().rev().nth(1).is_some_and(|c| c.is_lowercase())
        && next.chars().next().is_some_and(|c| c.is_lowercase());
    if hyphenated {
        prev.pop();
    } else {
        prev.push(' ');
    }
    prev.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_every_kind_break_lines_once() {
        for text in ["a\r\nb", "a\rb\nc", "a\r\r\nb", "\n\r", "a\n", "", "\r\n\r\n", "one\n\ntwo\r\n\r\nthree\r"] {
            let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(physical_lines(text).collect::<Vec<_>>(), normalised.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
        let lines = split("Harbour reopens\r\n\r\nThe harbour reopened on Monday.\rBoats came back.");
        assert_eq!(lines.iter().map(|(text, l)| (text, l.blank_before, l.blank_after)).collect::<Vec<_>>(), [
            ("Harbour reopens", true, true),
            ("The harbour reopened on Monday.", true, false),
            ("Boats came back.", false, true),
        ]);
    }

    #[test]
    fn bullets_and_numbers_are_recognised() {
        let lines = split("  • E-mail\n- Save\n1. First step\nPlain");
        let markers: Vec<_> = lines.iter().map(|(_, l)| l.marker).collect();
        assert_eq!(markers, vec![Some(Marker::Bullet), Some(Marker::Bullet), Some(Marker::Number), None]);
        let texts: Vec<&str> = lines.iter().map(|(text, _)| text).collect();
        assert_eq!((texts[0], texts[2]), ("E-mail", "First step"));
    }

    #[test]
    fn a_hard_wrapped_email_comes_back_as_paragraphs() {
        let mail = "The committee met on Thursday to consider the propo-\nsal, which had been circulated to all members in\nadvance of the meeting.\n\nIt was approved.";
        let lines = split(mail);
        assert_eq!(lines.iter().len(), 2);
        assert_eq!(lines.iter().next().unwrap().0, "The committee met on Thursday to consider the proposal, which had been circulated to all members in advance of the meeting.");
    }

    #[test]
    fn a_headline_over_its_date_or_byline_stays_two_lines() {
        for second in ["JAN 24, 2025", "Posted by the editors on Tuesday, August 29, 2023", "By Ann Example"] {
            let lines = split(&format!("Future Outlook: Development Trends of Bluetooth Headphones\n{second}\n\nBody."));
            assert_eq!(lines.iter().len(), 3, "{second}");
        }
    }

    #[test]
    fn separate_short_lines_stay_separate() {
        let lines = split("Decrease font Decrease font\nEnlarge font Enlarge font");
        assert_eq!(lines.iter().len(), 2);
    }
}
