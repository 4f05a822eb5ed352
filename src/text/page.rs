//! The page-level choice for a copied text of some length: is it one story, whose body is the
//! span of prose that reads as one (`body_span`), or is its main content spread out (a forum's
//! posts, a product's specifications, a listing's items, a service page's sections), so that
//! every line the line model keeps is the body? A logistic regression over the features below
//! (`model.rs`) makes the choice; `tools/train_page_choice.py` learns it from how each choice
//! scores on whole pages. Every feature is a general signal of the page's shape: how much of
//! what is kept the span holds, where the rest stands, what it is like (prose, list items,
//! stamps, its length and vocabulary), and whether a heading of readers' comments parts it from
//! the story.

use rustc_hash::FxHashSet as HashSet;

use super::{overlap, Role, Unit};
use crate::words::count_words;

/// The number of page features.
pub const COUNT: usize = 21;

/// The names of the page features, in order: `tools/train_page_choice.py` reads them from here.
#[allow(dead_code)]
pub const NAMES: [&str; COUNT] = [
    "bias",
    "inside_share",
    "log_kept_words",
    "log_outside_words",
    "after_share",
    "log_stamps_after",
    "log_stamps_before",
    "comment_head",
    "outside_prose_share",
    "outside_marker_share",
    "outside_log_mean_words",
    "outside_overlap",
    "span_prose_share",
    "copied_share",
    "log_outside_runs",
    "outside_mean_kept",
    "span_vs_runs",
    "log_lines",
    "outside_short_share",
    "log_span_prose",
    "outside_by_stamp",
];

/// Words that head the readers' comments under a story, in the languages most pages are in.
const DISCUSSION_WORDS: [&str; 14] = [
    "comment", "comments", "reply", "replies", "responses", "discussion", "conversation", "kommentare", "kommentar",
    "commentaires", "comentarios", "commenti", "reacties", "comentários",
];

/// A short line that heads readers' comments: "12 Comments", "Leave a reply", "Join the discussion".
fn heads_comments(text: &str) -> bool {
    count_words(text) <= 6
        && text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| DISCUSSION_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d) || w.to_lowercase() == *d))
}

fn log1p(x: usize) -> f64 {
    (1.0 + x as f64).ln()
}

/// The features of a page whose lines are `units`, `kept` by the line model, with the span of
/// prose that reads as one story `start..end`.
pub fn features(units: &[Unit], kept: &[bool], (start, end): (usize, usize)) -> [f64; COUNT] {
    let words_where = |f: &dyn Fn(usize, &Unit) -> bool| -> usize { units.iter().enumerate().filter(|(i, u)| kept[*i] && f(*i, u)).map(|(_, u)| u.words()).sum() };
    let outside = |i: usize| !(start..end).contains(&i);
    let kept_words = words_where(&|_, _| true);
    let inside = words_where(&|i, _| !outside(i));
    let out_words = kept_words - inside;
    let after = words_where(&|i, _| i >= end);
    let out_prose = words_where(&|i, u| outside(i) && u.role == Role::Prose);
    let out_marker = words_where(&|i, u| outside(i) && u.line.marker.is_some());
    let out_short = words_where(&|i, u| outside(i) && u.role == Role::Short);
    // Kept lines outside the span next to a time stamp or furniture: teaser cards, comments.
    let stamp_or_chrome = |j: Option<&Unit>| j.is_some_and(|u| matches!(u.role, Role::Stamp | Role::Chrome));
    let by_stamp = (0..units.len()).filter(|&i| kept[i] && outside(i) && (stamp_or_chrome(units.get(i + 1)) || i > 0 && stamp_or_chrome(units.get(i - 1)))).count();
    let copied = words_where(&|_, u| u.role == Role::Prose && u.repeats > 1);
    let stamps_after = units[end.min(units.len())..].iter().filter(|u| u.role == Role::Stamp).count();
    let stamps_before = units[..end.min(units.len())].iter().filter(|u| u.role == Role::Stamp).count();
    // A heading of comments after the story, before the first kept line after it (or the end).
    let first_after = (end..units.len()).find(|&i| kept[i]).unwrap_or(units.len());
    let comment_head = units[end.min(first_after)..first_after.min(units.len())].iter().chain(units.get(first_after)).any(|u| heads_comments(&u.text));
    // Runs of kept lines outside the span.
    let mut runs: Vec<usize> = Vec::new();
    let mut in_run = false;
    for (i, u) in units.iter().enumerate() {
        if kept[i] && outside(i) {
            if in_run {
                *runs.last_mut().expect("a run") += u.words();
            } else {
                runs.push(u.words());
            }
            in_run = true;
        } else {
            in_run = false;
        }
    }
    let out_lines = units.iter().enumerate().filter(|(i, _)| kept[*i] && outside(*i)).count();
    let out_mean_kept = if out_words > 0 {
        units.iter().enumerate().filter(|(i, _)| kept[*i] && outside(*i)).map(|(_, u)| u.kept * u.words() as f64).sum::<f64>() / out_words as f64
    } else {
        0.0
    };
    let span_vocab: HashSet<u32> = units[start..end].iter().filter(|u| u.role == Role::Prose).flat_map(|u| u.content.iter().copied()).collect();
    let out_vocab: HashSet<u32> = units.iter().enumerate().filter(|(i, u)| kept[*i] && outside(*i) && u.role == Role::Prose).flat_map(|(_, u)| u.content.iter().copied()).collect();
    let prose_words: usize = units.iter().filter(|u| u.role == Role::Prose).map(|u| u.words()).sum();
    let span_prose: usize = units[start..end].iter().filter(|u| u.role == Role::Prose).map(|u| u.words()).sum();
    let share = |part: usize, whole: usize| if whole > 0 { part as f64 / whole as f64 } else { 0.0 };
    let mean_run = if runs.is_empty() { 0.0 } else { out_words as f64 / runs.len() as f64 };
    [
        1.0,
        share(inside, kept_words),
        log1p(kept_words),
        log1p(out_words),
        share(after, out_words),
        log1p(stamps_after),
        log1p(stamps_before),
        f64::from(comment_head),
        share(out_prose, out_words),
        share(out_marker, out_words),
        if out_lines > 0 { (1.0 + out_words as f64 / out_lines as f64).ln() } else { 0.0 },
        overlap(out_vocab.iter().copied(), &span_vocab),
        share(span_prose, prose_words),
        share(copied, kept_words),
        log1p(runs.len()),
        out_mean_kept,
        (1.0 + span_prose as f64).ln() - (1.0 + mean_run).ln(),
        log1p(units.len()),
        share(out_short, out_words),
        log1p(span_prose),
        share(by_stamp, out_lines),
    ]
}

#[cfg(test)]
mod tests {
    use super::heads_comments;

    #[test]
    fn comment_headings_are_short_lines_that_name_the_discussion() {
        assert!(heads_comments("12 Comments"));
        assert!(heads_comments("Leave a Reply"));
        assert!(heads_comments("Kommentare"));
        assert!(!heads_comments("Readers were quick to reply to the minister's comments on the budget last week."));
        assert!(!heads_comments("Share this story"));
    }
}
