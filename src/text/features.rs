//! Numeric features of each line, for the line model (`model.rs`): what the line is like and
//! what its neighbours are like. Every feature is a general signal (length, punctuation,
//! repetition, cohesion, position, capitals, digits), none names a site or a phrase.

use super::{signals, Role, Unit};
use crate::refine;
use crate::words::{ends_sentence, sentence_marks};

/// The number of features per line.
pub const COUNT: usize = 30;

/// The names of the features, in order: `tools/train_line_model.py` reads them from this file.
#[allow(dead_code)]
pub const NAMES: [&str; COUNT] = [
    "bias", "log_words", "ends_sentence", "sentence_marks", "list_marker", "repeated", "doubled_label",
    "nav_marker", "stamp", "glued_teaser", "contact", "repeats_itself", "cohesion", "no_cohesion", "position",
    "capitalised", "digits", "copyright", "label_colon", "quote_or_dash", "prev_prose", "next_prose",
    "prev_log_words", "next_log_words", "window_prose", "window_stamps", "short", "long", "inner_short", "chrome",
];

fn log_words(u: Option<&Unit>) -> f64 {
    u.map_or(0.0, |u| (1.0 + u.words as f64).ln())
}

fn is_prose(u: Option<&Unit>) -> f64 {
    f64::from(u.is_some_and(|u| u.role == Role::Prose))
}

/// Features for every unit.
pub fn compute(units: &[Unit]) -> Vec<[f64; COUNT]> {
    let n = units.len();
    (0..n)
        .map(|i| {
            let u = &units[i];
            let text = u.line.text.as_str();
            let words: Vec<&str> = text.split_whitespace().collect();
            let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() as f64
                / words.len().max(1) as f64;
            let chars = text.chars().count().max(1) as f64;
            let digits = text.chars().filter(char::is_ascii_digit).count() as f64 / chars;
            let lo = i.saturating_sub(3);
            let hi = (i + 4).min(n);
            let window = (hi - lo - 1).max(1) as f64;
            let window_prose = (lo..hi).filter(|&j| j != i && units[j].role == Role::Prose).count() as f64 / window;
            let window_stamps = (lo..hi).filter(|&j| j != i && units[j].role == Role::Stamp).count() as f64;
            let label_colon = text.find(':').is_some_and(|c| c > 0 && c < 25 && crate::words::count_words(&text[..c]) <= 3);
            let first = text.chars().next().unwrap_or(' ');
            [
                1.0,
                log_words(Some(u)),
                f64::from(ends_sentence(text)),
                sentence_marks(text).min(5) as f64 / 5.0,
                f64::from(u.line.marker.is_some()),
                f64::from(u.repeated),
                f64::from(refine::is_doubled_label(text)),
                f64::from(refine::has_nav_marker(text)),
                f64::from(u.role == Role::Stamp),
                f64::from(signals::is_glued_teaser(text)),
                f64::from(signals::has_contact_details(text)),
                f64::from(signals::repeats_itself(text)),
                u.cohesion.unwrap_or(0.0),
                f64::from(u.cohesion.is_none()),
                i as f64 / n.max(1) as f64,
                capitalised,
                digits,
                f64::from(u.role == Role::Copyright),
                f64::from(label_colon),
                f64::from(matches!(first, '"' | '“' | '„' | '«' | '—' | '–' | '-')),
                is_prose(i.checked_sub(1).map(|j| &units[j])),
                is_prose(units.get(i + 1)),
                log_words(i.checked_sub(1).map(|j| &units[j])),
                log_words(units.get(i + 1)),
                window_prose,
                window_stamps.min(3.0) / 3.0,
                f64::from(u.words < 5),
                f64::from(u.words >= 30),
                f64::from(u.inner),
                f64::from(u.role == Role::Chrome),
            ]
        })
        .collect()
}
