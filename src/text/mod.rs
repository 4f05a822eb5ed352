//! Plain-text extraction: a page copied as text (menus, page tools and all), an e-mail or a
//! PDF's text, turned into an [`Article`].
//!
//! Each logical line gets a value from general signals (length, sentence shape, repetition,
//! doubled button labels, navigation marks, list markers); the body is the run of lines with
//! the greatest total value. The title, byline, date and summary points are looked for above
//! it, the copyright line below it.

mod lines;

use std::collections::HashMap;

use crate::article::{plain, Article, Block};
use crate::refine;
use crate::words::{count_words, ends_sentence, sentence_marks};
use lines::{Line, Marker};

/// What a line is, as far as the body is concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// Running text.
    Prose,
    /// A short line that may be a heading, a label or a caption.
    Short,
    /// Page furniture: menus, repeated links, doubled button labels, addresses.
    Chrome,
    /// A copyright or credit line.
    Copyright,
}

struct Unit<'a> {
    line: &'a Line,
    role: Role,
    words: usize,
}

impl Unit<'_> {
    /// How much the line adds to a candidate body (negative for furniture).
    fn value(&self) -> f64 {
        let w = self.words as f64;
        match self.role {
            Role::Prose if self.line.marker.is_some() => w * 0.6,
            Role::Prose => w,
            Role::Short => -2.0,
            Role::Chrome => -8.0,
            Role::Copyright => -30.0,
        }
    }
}

/// Extracts the article from plain text.
pub fn extract(input: &str) -> Article {
    let lines = lines::split(input);
    let units = classify(&lines);
    let (start, end) = body_span(&units);

    let mut article = Article::default();
    let before = &units[..start];
    let summary_range = find_summary(before);
    if let Some((range, points)) = &summary_range {
        article.summary = points.clone();
        let _ = range;
    }
    let in_summary = |i: usize| summary_range.as_ref().is_some_and(|(r, _)| r.contains(&i));
    for (i, unit) in before.iter().enumerate().rev() {
        if in_summary(i) || unit.role == Role::Chrome {
            continue;
        }
        let text = unit.line.text.as_str();
        if article.byline.is_none() && refine::is_byline(text) {
            article.byline = Some(text.to_string());
        } else if article.published.is_none() && refine::is_date_line(text) {
            article.published = Some(text.to_string());
        } else if article.title.is_none() && is_title_like(unit) {
            article.title = Some(text.to_string());
        }
    }

    article.blocks = body_blocks(&units[start..end], &mut article);
    if article.title.is_none() {
        article.title = take_leading_title(&mut article.blocks);
    }
    article.copyright = units[end..]
        .iter()
        .chain(units[..start].iter())
        .find(|u| u.role == Role::Copyright)
        .and_then(|u| refine::copyright_line(&u.line.text));

    let body_text = article.body_units().join("\n");
    let (lang, dir) = crate::lang::guess(&body_text);
    article.lang = lang;
    article.dir = dir;
    article
}

/// Gives each line its role.
fn classify(lines: &[Line]) -> Vec<Unit<'_>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in lines {
        *seen.entry(line.text.to_lowercase()).or_default() += 1;
    }
    lines
        .iter()
        .map(|line| {
            let text = line.text.as_str();
            let words = count_words(text);
            let repeated = seen.get(&text.to_lowercase()).copied().unwrap_or(0) > 1 && words <= 12;
            let role = if refine::copyright_line(text).is_some() {
                Role::Copyright
            } else if repeated
                || refine::is_doubled_label(text)
                || (refine::has_nav_marker(text) && words <= 8)
                || is_address(text)
            {
                Role::Chrome
            } else if is_prose(text, words, line.marker) {
                Role::Prose
            } else if line.marker.is_some() {
                Role::Chrome
            } else {
                Role::Short
            };
            Unit { line, role, words }
        })
        .collect()
}

/// Running text: a full sentence, or a long run of words.
fn is_prose(text: &str, words: usize, marker: Option<Marker>) -> bool {
    let sentence = ends_sentence(text) || sentence_marks(text) >= 2;
    match marker {
        Some(_) => words >= 6 && (sentence || words >= 12),
        None => (words >= 8 && sentence) || words >= 20 || (words >= 5 && ends_sentence(text) && sentence_marks(text) >= 1),
    }
}

/// A web or mail address standing alone.
fn is_address(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ') && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") || t.contains('@'))
}

/// The run of units with the greatest total value (the body); `(start, end)`, end exclusive.
fn body_span(units: &[Unit]) -> (usize, usize) {
    let mut best = (0.0, 0, 0);
    let (mut sum, mut from) = (0.0, 0);
    for (i, unit) in units.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += unit.value();
        if sum > best.0 {
            best = (sum, from, i + 1);
        }
    }
    (best.1, best.2)
}

/// The nearest list above the body whose items read like summary points; the indices it
/// covers and the points.
fn find_summary(before: &[Unit]) -> Option<(std::ops::Range<usize>, Vec<String>)> {
    let mut end = before.len();
    while end > 0 {
        if before[end - 1].line.marker.is_none() {
            end -= 1;
            continue;
        }
        let mut start = end;
        while start > 0 && before[start - 1].line.marker.is_some() {
            start -= 1;
        }
        let items: Vec<String> = before[start..end].iter().map(|u| u.line.text.clone()).collect();
        if let Some(points) = refine::summary_points(&items) {
            return Some((start..end, points));
        }
        end = start;
    }
    None
}

/// A headline: a few words standing alone, not a sentence in a paragraph.
fn is_title_like(unit: &Unit) -> bool {
    let text = unit.line.text.as_str();
    unit.line.marker.is_none()
        && (2..=30).contains(&unit.words)
        && !text.ends_with(['.', ':', ',', ';'])
        && !text.to_lowercase().starts_with("skip to")
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Turns the body's units into blocks: prose to paragraphs or list items, short headline-like
/// lines before prose to subheadings, the rest dropped. The first paragraph's dateline goes to
/// the article.
fn body_blocks(units: &[Unit], article: &mut Article) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Block>>)> = None;
    for (i, unit) in units.iter().enumerate() {
        let text = unit.line.text.as_str();
        let next_is_prose = units.get(i + 1).is_some_and(|u| u.role == Role::Prose);
        let block = match unit.role {
            Role::Prose => {
                let mut text = text.to_string();
                if let Some(stripped) = refine::strip_doubled_tail(&text) {
                    text = stripped;
                }
                if blocks.is_empty() && list.is_none() && article.dateline.is_none() {
                    if let Some(d) = refine::split_dateline(&text) {
                        article.dateline = Some(d.dateline);
                        article.source = d.source;
                        text = d.rest;
                    }
                }
                Block::paragraph(text)
            }
            Role::Short if next_is_prose && is_title_like(unit) && unit.words <= 15 && article.title.as_deref() != Some(text) => {
                Block::Heading { level: 2, content: plain(text) }
            }
            Role::Short if ends_sentence(text) && unit.words >= 3 => Block::paragraph(text),
            _ => continue,
        };
        match (unit.line.marker, &mut list) {
            (Some(m), Some((ordered, items))) if *ordered == (m == Marker::Number) => items.push(vec![block]),
            (Some(m), _) => {
                if let Some((ordered, items)) = list.take() {
                    blocks.push(Block::List { ordered, items });
                }
                list = Some((m == Marker::Number, vec![vec![block]]));
            }
            (None, _) => {
                if let Some((ordered, items)) = list.take() {
                    blocks.push(Block::List { ordered, items });
                }
                blocks.push(block);
            }
        }
    }
    if let Some((ordered, items)) = list.take() {
        blocks.push(Block::List { ordered, items });
    }
    blocks
}

/// For text with nothing above its body (a note, an e-mail), a leading heading is the title.
fn take_leading_title(blocks: &mut Vec<Block>) -> Option<String> {
    match blocks.first() {
        Some(Block::Heading { content, .. }) => {
            let title = crate::article::inline_text(content);
            blocks.remove(0);
            Some(title)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_with_a_headline_gets_it_as_title() {
        let a = extract("Meeting notes\n\nWe agreed to ship the new reader on Monday, after the last review of the print styles.\n\nEveryone will test it on their own machines before then.");
        assert_eq!(a.title.as_deref(), Some("Meeting notes"));
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn menus_and_repeated_tools_are_not_in_the_body() {
        let page = "Home\nNews\nSport\n\nCity council approves the new bridge\n\nBy Ann Example\n\nThe city council voted on Monday to approve the construction of a new bridge across the river, ending years of debate.\n\nWork is expected to start next spring and last two years, officials said at the meeting.\n\nShare\nTweet\n\nHome\nNews\nSport";
        let a = extract(page);
        assert_eq!(a.title.as_deref(), Some("City council approves the new bridge"));
        assert_eq!(a.byline.as_deref(), Some("By Ann Example"));
        let body = a.body_units();
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body.iter().all(|u| !u.contains("Share") && !u.contains("Sport")), "{body:?}");
    }
}
