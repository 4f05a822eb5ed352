//! Signals shared by the text and HTML extractors: datelines, copyright lines, button labels
//! doubled by an icon's text, summary points.

use crate::words::{collapse_ws, count_words, ends_sentence};

/// A dateline split off the front of a story's first paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// "MOSCOW, Russia (Reuters)".
    pub dateline: String,
    /// "Reuters", when the dateline credits someone in brackets.
    pub source: Option<String>,
    /// The paragraph without its dateline.
    pub rest: String,
}

/// Splits a wire-story dateline ("WASHINGTON (AP) —", "MOSCOW, Russia (Reuters) --") off `para`.
///
/// The place must open in capitals; a bracketed credit may follow; then a dash.
pub fn split_dateline(para: &str) -> Option<Dateline> {
    let dash_at = ["--", " — ", " – ", "—", " - "].iter().filter_map(|d| para.find(d).map(|i| (i, d.len()))).min()?;
    let (head, rest) = (para[..dash_at.0].trim(), para[dash_at.0 + dash_at.1..].trim());
    if head.is_empty() || head.chars().count() > 80 || rest.is_empty() || count_words(rest) < 4 {
        return None;
    }
    let (place, source) = match head.strip_suffix(')').and_then(|h| h.rfind('(').map(|i| (h, i))) {
        Some((h, i)) => (h[..i].trim(), Some(h[i + 1..].trim().to_string())),
        None => (head, None),
    };
    let first_word = place.split([',', ' ']).next().unwrap_or("");
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    if ends_sentence(place) || count_words(place) > 8 {
        return None;
    }
    Some(Dateline { dateline: head.to_string(), source: source.filter(|s| !s.is_empty()), rest: rest.to_string() })
}

/// Words that open a copyright or credit line.
fn opens_copyright(s: &str) -> bool {
    let lower = s.trim_start().to_lowercase();
    lower.starts_with('©')
        || lower.starts_with("(c)")
        || lower.starts_with("copyright")
        || lower.starts_with("copr.")
        || lower.starts_with("℗")
}

/// When `line` is a copyright line, the part of it worth keeping: up to and including
/// "All rights reserved." when the line says so, else its first sentence.
pub fn copyright_line(line: &str) -> Option<String> {
    let line = collapse_ws(line);
    if !opens_copyright(&line) || count_words(&line) > 60 {
        return None;
    }
    let lower = line.to_lowercase();
    let cut = match lower.find("reserved") {
        Some(i) => line[i..].find('.').map(|j| i + j + 1).unwrap_or(line.len()),
        None => first_sentence_end(&line).unwrap_or(line.len()),
    };
    Some(line[..cut].trim().to_string())
}

/// The byte index just past the first sentence of `s` (a stop followed by a space or a capital).
fn first_sentence_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' && i > 4 {
            match bytes.get(i + 1) {
                None => return Some(i + 1),
                Some(b' ') if bytes.get(i + 2).is_some_and(|c| c.is_ascii_uppercase()) => return Some(i + 1),
                Some(c) if c.is_ascii_uppercase() => return Some(i + 1),
                _ => {}
            }
        }
    }
    None
}

/// When a paragraph ends with a button label written twice ("… he said. E-mail to a friend
/// E-mail to a friend", an icon's text beside the link's), the paragraph without it.
pub fn strip_doubled_tail(para: &str) -> Option<String> {
    let words: Vec<&str> = para.split_whitespace().collect();
    for k in 1..=6usize {
        if words.len() < 2 * k + 3 {
            break;
        }
        let n = words.len();
        let (a, b) = (&words[n - 2 * k..n - k], &words[n - k..]);
        if a != b {
            continue;
        }
        let before = words[..n - 2 * k].join(" ");
        if ends_sentence(&before) && !ends_sentence(&b.join(" ")) {
            return Some(before);
        }
    }
    None
}

/// True for a line that is one label written twice ("Decrease font Decrease font").
pub fn is_doubled_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = words.len();
    n >= 2 && n % 2 == 0 && n <= 16 && words[..n / 2] == words[n / 2..]
}

/// Characters that mark a link to somewhere else rather than text ("Next Article in World »").
pub fn has_nav_marker(line: &str) -> bool {
    line.contains(['»', '›', '→', '«', '‹', '←', '|', '▶', '►'])
}

/// True when a line reads like a summary point: several words, no navigation marks.
pub fn is_summary_point(line: &str) -> bool {
    count_words(line) >= 4 && !has_nav_marker(line) && !is_doubled_label(line)
}

/// Keeps the items of a list that read like summary points, when there are at least two of
/// them and they make up most of the list (a "Story Highlights" label or a "Next …" link may
/// sit beside them).
pub fn summary_points(items: &[String]) -> Option<Vec<String>> {
    let points: Vec<String> = items.iter().filter(|i| is_summary_point(i)).cloned().collect();
    (points.len() >= 2 && points.len() * 2 >= items.len()).then_some(points)
}

/// "By Jane Doe", "Von …", "Par …": a short line naming the writer.
pub fn is_byline(text: &str) -> bool {
    const OPENERS: &[&str] = &["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "от ", "автор", "written by"];
    let lower = text.to_lowercase();
    count_words(text) <= 10 && OPENERS.iter().any(|o| lower.starts_with(o)) && !ends_sentence(text)
}

/// A short line that gives a date: a month name with a number, or a numeric date.
pub fn is_date_line(text: &str) -> bool {
    // A date has a digit (lower-casing adds none); most lines are settled by that alone.
    if !text.bytes().any(|b| b.is_ascii_digit()) || count_words(text) > 12 {
        return false;
    }
    let lower = text.to_lowercase();
    let has_month = crate::words::words(&lower).any(crate::words::is_month_name);
    let numeric = lower.split(|c: char| !(c.is_ascii_digit() || c == '-' || c == '/' || c == '.')).any(|t| {
        let parts: Vec<&str> = t.split(['-', '/', '.']).filter(|p| !p.is_empty()).collect();
        parts.len() == 3 && parts.iter().all(|p| p.len() <= 4) && parts.iter().any(|p| p.len() == 4)
    });
    has_month || numeric
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_dateline_and_its_credit_are_split_off() {
        let d = split_dateline("MOSCOW, Russia (Reuters) -- Russia said on Tuesday it had downgraded its ties.").unwrap();
        assert_eq!(d.dateline, "MOSCOW, Russia (Reuters)");
        assert_eq!(d.source.as_deref(), Some("Reuters"));
        assert_eq!(d.rest, "Russia said on Tuesday it had downgraded its ties.");
        let d = split_dateline("WASHINGTON (AP) — The Senate voted on Friday to pass the bill.").unwrap();
        assert_eq!(d.dateline, "WASHINGTON (AP)");
    }

    #[test]
    fn an_ordinary_sentence_with_a_dash_has_no_dateline() {
        assert_eq!(split_dateline("The minister said -- without irony -- that all was well."), None);
        assert_eq!(split_dateline("Paris — the city of light, as they say, was dark."), None);
    }

    #[test]
    fn copyright_keeps_the_rights_sentence_and_drops_the_legal_tail() {
        let line = "Copyright 2007 Reuters. All rights reserved.This material may not be published, broadcast.";
        assert_eq!(copyright_line(line).as_deref(), Some("Copyright 2007 Reuters. All rights reserved."));
        assert_eq!(copyright_line("© 2024 The Daily Example"), Some("© 2024 The Daily Example".into()));
        assert_eq!(copyright_line("The copyright office said."), None);
    }

    #[test]
    fn a_doubled_button_label_glued_to_a_paragraph_is_removed() {
        let p = "\"We feel responsibility,\" he said. E-mail to a friend E-mail to a friend";
        assert_eq!(strip_doubled_tail(p).as_deref(), Some("\"We feel responsibility,\" he said."));
        assert_eq!(strip_doubled_tail("It was very very good, she said, all along."), None);
        assert!(is_doubled_label("Decrease font Decrease font"));
        assert!(!is_doubled_label("Decrease font"));
    }

    #[test]
    fn summary_points_drop_the_label_and_the_next_link() {
        let items: Vec<String> = ["Story Highlights", "Russia downgrades contacts with Hamas", "Putin endorses Abbas as leader", "Next Article in World »"]
            .iter().map(|s| s.to_string()).collect();
        assert_eq!(summary_points(&items).unwrap(), vec!["Russia downgrades contacts with Hamas", "Putin endorses Abbas as leader"]);
        let menu: Vec<String> = ["E-mail", "Save", "Print"].iter().map(|s| s.to_string()).collect();
        assert_eq!(summary_points(&menu), None);
    }
}
