//! Numeric features of each line, for the line model (`model.rs`): what the line is like, what
//! its neighbours and its page are like (`compute`), and then what the model's first reading
//! says of the lines around it (`context`). Every feature is a general signal (length,
//! punctuation, repetition, cohesion, position, capitals, digits, the page's shape), none names
//! a site or a phrase. `tools/train_line_model.py` computes `context` the same way.

use super::{cohesion, is_title_like, signals, Role, Unit};
use crate::refine;
use crate::words::{ends_sentence, sentence_marks};

/// The number of features per line.
pub const COUNT: usize = 60;

/// The segment model (`model.rs`) reads the first this many features: those the line model
/// had when it learned from the readability corpus alone.
pub const SEGMENT_COUNT: usize = 30;

/// The names of the features, in order: `tools/train_line_model.py` reads them from this file.
#[allow(dead_code)]
pub const NAMES: [&str; COUNT] = [
    "bias", "log_words", "ends_sentence", "sentence_marks", "list_marker", "repeated", "doubled_label",
    "nav_marker", "stamp", "glued_teaser", "contact", "repeats_itself", "cohesion", "no_cohesion", "position",
    "capitalised", "digits", "copyright", "label_colon", "quote_or_dash", "prev_prose", "next_prose",
    "prev_log_words", "next_log_words", "window_prose", "window_stamps", "short", "long", "inner_short", "chrome",
    "word_position", "word_position_sq", "blank_before", "blank_after", "title_like", "all_caps", "ends_colon",
    "price", "page_prose_share", "page_log_lines", "short_run", "wide_window_prose", "log_repeats",
    "relative_length", "starts_lower", "question", "prev_prose_distance", "next_prose_distance",
    "page_list_share", "code_like", "prose_page_short", "prose_page_log_words", "list_page_marker",
    "prose_page_window", "in_span", "out_overlap", "out_distance", "span_share", "out_story", "out_story_prose",
];

/// The number of context features (the model's first reading of the neighbourhood).
pub const CONTEXT_COUNT: usize = 12;

/// The names of the context features, in order.
#[allow(dead_code)]
pub const CONTEXT_NAMES: [&str; CONTEXT_COUNT] = [
    "p_self", "p_near2", "p_near5", "p_near15", "p_prev", "p_next", "p_max_before", "p_max_after", "p_page",
    "mass_above", "mass_below", "inside_span",
];

fn log_words(u: Option<&Unit>) -> f64 {
    u.map_or(0.0, |u| (1.0 + u.words as f64).ln())
}

fn is_prose(u: Option<&Unit>) -> f64 {
    f64::from(u.is_some_and(|u| u.role == Role::Prose))
}

/// A price: a currency sign next to a digit.
fn has_price(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽')
            && (chars.get(i + 1).is_some_and(char::is_ascii_digit) || i > 0 && chars[i - 1].is_ascii_digit() || i > 1 && chars[i - 1] == ' ' && chars[i - 2].is_ascii_digit())
    })
}

/// Code: brackets, operators and semicolons at a rate prose does not have.
fn looks_like_code(text: &str) -> bool {
    let chars = text.chars().count().max(1);
    let marks = text.chars().filter(|c| matches!(c, '{' | '}' | '(' | ')' | ';' | '=' | '<' | '>' | '[' | ']' | '_')).count();
    marks * 12 >= chars && marks >= 2
}

/// Features for every unit.
pub fn compute(units: &[Unit]) -> Vec<[f64; COUNT]> {
    let n = units.len();
    let total_words: usize = units.iter().map(|u| u.words).sum();
    let prose_lines = units.iter().filter(|u| u.role == Role::Prose).count();
    let list_lines = units.iter().filter(|u| u.line.marker.is_some()).count();
    let mut sorted: Vec<usize> = units.iter().map(|u| u.words).collect();
    sorted.sort_unstable();
    let prose_share = prose_lines as f64 / n.max(1) as f64;
    let median = sorted.get(n / 2).copied().unwrap_or(0) as f64;
    // Runs of lines that are not prose, and the nearest prose on either side.
    let mut run_len = vec![0usize; n];
    let mut i = 0;
    while i < n {
        if units[i].role == Role::Prose {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && units[i].role != Role::Prose {
            i += 1;
        }
        run_len[start..i].iter_mut().for_each(|r| *r = i - start);
    }
    let mut prev_prose = vec![usize::MAX; n];
    let mut last = None;
    for i in 0..n {
        if let Some(l) = last {
            prev_prose[i] = i - l;
        }
        if units[i].role == Role::Prose {
            last = Some(i);
        }
    }
    let mut next_prose = vec![usize::MAX; n];
    let mut last = None;
    for i in (0..n).rev() {
        if let Some(l) = last {
            next_prose[i] = l - i;
        }
        if units[i].role == Role::Prose {
            last = Some(i);
        }
    }
    let distance = |d: usize| if d == usize::MAX { 1.0 } else { ((1 + d) as f64).ln().min(5.0) / 5.0 };
    let mut words_before = 0usize;
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
            let (wlo, whi) = (i.saturating_sub(10), (i + 11).min(n));
            let wide = (wlo..whi).filter(|&j| j != i && units[j].role == Role::Prose).count() as f64 / (whi - wlo - 1).max(1) as f64;
            let label_colon = text.find(':').is_some_and(|c| c > 0 && c < 25 && crate::words::count_words(&text[..c]) <= 3);
            let first = text.chars().next().unwrap_or(' ');
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
            let all_caps = letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase()) && letters.iter().any(|c| c.is_uppercase());
            let word_position = words_before as f64 / total_words.max(1) as f64;
            words_before += u.words;
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
                word_position,
                word_position * word_position,
                f64::from(u.line.blank_before),
                f64::from(u.line.blank_after),
                f64::from(is_title_like(u)),
                f64::from(all_caps),
                f64::from(text.ends_with(':')),
                f64::from(has_price(text)),
                prose_share,
                (n.max(1) as f64).ln() / 10.0,
                ((1 + run_len[i]) as f64).ln() / 5.0,
                wide,
                ((u.repeats.max(1)) as f64).ln().min(3.0) / 3.0,
                ((1.0 + u.words as f64) / (1.0 + median)).ln().clamp(-3.0, 3.0) / 3.0,
                f64::from(first.is_lowercase()),
                f64::from(text.ends_with('?')),
                distance(prev_prose[i]),
                distance(next_prose[i]),
                list_lines as f64 / n.max(1) as f64,
                f64::from(looks_like_code(text)),
                prose_share * f64::from(u.words < 5),
                prose_share * log_words(Some(u)),
                list_lines as f64 / n.max(1) as f64 * f64::from(u.line.marker.is_some()),
                prose_share * window_prose,
                // The span features, filled in by `add_span`.
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
            ]
        })
        .collect()
}

/// The first of the span features (`add_span`).
pub(crate) const SPAN_FEATURES: usize = 54;

/// Fills in the span features: where each line stands against the span of prose that reads as
/// one story (`start..end`, from the segment model), how much of its vocabulary it shares with
/// that span, and how much of the page's prose the span holds. A line outside a span that
/// holds most of the page's prose, sharing little of its vocabulary, is another story's
/// blurb; a page whose prose is spread out keeps its lines wherever they stand.
pub fn add_span(units: &[Unit], start: usize, end: usize, features: &mut [[f64; COUNT]]) {
    let inside = |i: usize| (start..end).contains(&i);
    let vocab: std::collections::HashSet<String> =
        units[start..end].iter().filter(|u| u.role == Role::Prose).flat_map(|u| cohesion::content_words(&u.line.text)).collect();
    let prose_words: usize = units.iter().filter(|u| u.role == Role::Prose).map(|u| u.words).sum();
    let span_words: usize = units[start..end].iter().filter(|u| u.role == Role::Prose).map(|u| u.words).sum();
    let share = span_words as f64 / prose_words.max(1) as f64;
    for (i, (u, f)) in units.iter().zip(features.iter_mut()).enumerate() {
        let out = f64::from(!inside(i));
        let prose = f64::from(u.role == Role::Prose);
        let own = cohesion::content_words(&u.line.text);
        let shared = if own.is_empty() { 0.0 } else { own.iter().filter(|w| vocab.contains(*w)).count() as f64 / own.len() as f64 };
        let distance = if inside(i) { 0 } else if i < start { start - i } else { i + 1 - end };
        f[SPAN_FEATURES..].copy_from_slice(&[
            1.0 - out,
            out * shared,
            out * ((1 + distance) as f64).ln().min(5.0) / 5.0,
            share,
            out * share,
            out * share * prose,
        ]);
    }
}

/// The context features of every line, from the model's first-reading probabilities `p` and
/// each line's word count.
pub fn context(p: &[f64], words: &[usize]) -> Vec<[f64; CONTEXT_COUNT]> {
    let n = p.len();
    let mean = |lo: usize, hi: usize, skip: usize| {
        let (s, c) = (lo..hi).filter(|&j| j != skip).fold((0.0, 0usize), |(s, c), j| (s + p[j], c + 1));
        if c == 0 { 0.0 } else { s / c as f64 }
    };
    let page = if n == 0 { 0.0 } else { p.iter().sum::<f64>() / n as f64 };
    // Word mass the first reading keeps, above and below each line.
    let mass: Vec<f64> = (0..n).map(|i| if p[i] >= 0.5 { words[i] as f64 } else { 0.0 }).collect();
    let total: f64 = mass.iter().sum::<f64>().max(1.0);
    let mut above = 0.0;
    (0..n)
        .map(|i| {
            let below = total - above - mass[i];
            let (a, b) = (above / total, below.max(0.0) / total);
            above += mass[i];
            let window = |k: usize| mean(i.saturating_sub(k), (i + k + 1).min(n), i);
            let max_before = (i.saturating_sub(10)..i).map(|j| p[j]).fold(0.0, f64::max);
            let max_after = (i + 1..(i + 11).min(n)).map(|j| p[j]).fold(0.0, f64::max);
            [
                p[i],
                window(2),
                window(5),
                window(15),
                if i > 0 { p[i - 1] } else { 0.0 },
                if i + 1 < n { p[i + 1] } else { 0.0 },
                max_before,
                max_after,
                page,
                a,
                b,
                4.0 * a * b,
            ]
        })
        .collect()
}

/// The number of features of a title candidate.
pub const TITLE_COUNT: usize = 39;

/// The names of the title features, in order.
#[allow(dead_code)]
pub const TITLE_NAMES: [&str; TITLE_COUNT] = [
    "bias", "overlap_near", "overlap_page", "shared_near", "shared_page", "below_best_overlap",
    "below_best_shared", "from_first_kept", "from_anchor", "from_tenth", "far_from_anchor", "far_from_tenth",
    "p_self", "p_next", "p_prev", "log_words", "menu_around", "headlines_between", "stamp_near", "title_like",
    "capitalised", "log_repeats", "ends_sentence", "nav_marker", "all_caps", "position", "chrome", "short",
    "list_marker", "digits", "ends_colon", "stamp", "quote_or_dash", "headline_length", "page_position",
    "name_like", "meta_after", "title_like_before", "meta_before",
];

/// The number of per-line title values (`title_base`).
pub const TITLE_BASE: usize = 8;

/// A person's name standing alone: two to four capitalised words (initials allowed), no digits,
/// before any comma (credentials and roles may follow it).
fn name_like(text: &str) -> bool {
    let name = text.split(',').next().unwrap_or("");
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && text.chars().count() <= 60
        && words.iter().all(|w| {
            // Capitals only at the start of each part: "Mary-Jane", "O’Neill", "J."
            let chars: Vec<char> = w.chars().collect();
            chars.first().is_some_and(|c| c.is_uppercase())
                && chars.iter().enumerate().skip(1).all(|(i, &c)| {
                    c.is_lowercase() || matches!(c, '.' | '-' | '\'' | '’') || c.is_uppercase() && matches!(chars[i - 1], '-' | '\'' | '’')
                })
        })
}

/// A line that gives a byline, a date or a time stamp.
fn is_meta(u: &Unit) -> bool {
    u.role == Role::Stamp || refine::is_byline(&u.line.text) || refine::is_date_line(&u.line.text)
}

/// How many lines after a candidate title count as its story, for `overlap_near`.
const NEAR: usize = 60;

/// For each line that could be a title (1 to 30 words), the share of its content words that
/// come back in the prose of the next lines and in the prose anywhere else on the page, then
/// how many do (log-scaled); whether it reads as a person's name; whether the line after it
/// gives a byline or a date; whether the line before it, with no blank line between, could be a
/// headline too; whether the line before it gives a byline or a date. Zeros for other lines.
/// (Rule roles only: the training script reads these from the features dump.)
pub fn title_base(units: &[Unit]) -> Vec<[f64; TITLE_BASE]> {
    let sets: Vec<Option<std::collections::HashSet<String>>> =
        units.iter().map(|u| (u.role == Role::Prose).then(|| cohesion::content_words(&u.line.text))).collect();
    let mut page: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for set in sets.iter().flatten() {
        for w in set {
            *page.entry(w.as_str()).or_default() += 1;
        }
    }
    units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if !(1..=30).contains(&u.words) {
                return [0.0; TITLE_BASE];
            }
            let own = cohesion::content_words(&u.line.text);
            if own.is_empty() {
                return [0.0; TITLE_BASE];
            }
            let near = own.iter().filter(|w| sets[i + 1..(i + 1 + NEAR).min(units.len())].iter().flatten().any(|s| s.contains(*w))).count();
            let own_prose = usize::from(sets[i].is_some());
            let anywhere = own.iter().filter(|w| page.get(w.as_str()).copied().unwrap_or(0) > own_prose).count();
            let len = own.len() as f64;
            let before = i.checked_sub(1).map(|j| &units[j]);
            [
                near as f64 / len,
                anywhere as f64 / len,
                (1.0 + near as f64).ln() / 3.0,
                (1.0 + anywhere as f64).ln() / 3.0,
                f64::from(name_like(&u.line.text)),
                f64::from(units.get(i + 1).is_some_and(is_meta)),
                f64::from(!u.line.blank_before && before.is_some_and(is_title_like)),
                f64::from(before.is_some_and(is_meta)),
            ]
        })
        .collect()
}

/// The kept lines' landmarks that title candidates are placed against.
pub struct TitleMarks {
    /// The first kept line.
    pub start: usize,
    /// The first kept line of [`TITLE_ANCHOR_WORDS`] words or more (else `start`).
    pub anchor: usize,
    /// The line where the kept words reach a tenth of their number.
    pub tenth: usize,
    /// Candidates stand above the line where they reach half of it (and five lines below).
    pub end: usize,
}

/// See [`TitleMarks::anchor`].
pub const TITLE_ANCHOR_WORDS: usize = 12;

/// The landmarks of the kept lines (`kept[i]`: line `i` is kept), or `None` when none is.
pub fn title_marks(units: &[Unit], kept: &[bool]) -> Option<TitleMarks> {
    let start = kept.iter().position(|&k| k)?;
    let anchor = (0..units.len()).find(|&i| kept[i] && units[i].words >= TITLE_ANCHOR_WORDS).unwrap_or(start);
    let mut mass = Vec::with_capacity(units.len());
    let mut sum = 0usize;
    for (u, &k) in units.iter().zip(kept) {
        if k {
            sum += u.words;
        }
        mass.push(sum as f64);
    }
    let total = sum as f64;
    let reach = |share: f64| mass.partition_point(|&m| m < share * total);
    let tenth = reach(0.1);
    let end = (reach(0.5) + 6).min(units.len());
    Some(TitleMarks { start, anchor, tenth, end })
}

/// The title candidates (lines of 1 to 30 words above `marks.end`) and their features;
/// `features` are the line features, `base` their `title_base`, `p` the line model's
/// probabilities.
pub fn title_candidates(units: &[Unit], features: &[[f64; COUNT]], base: &[[f64; TITLE_BASE]], p: &[f64], marks: &TitleMarks) -> Vec<(usize, [f64; TITLE_COUNT])> {
    let n = units.len();
    let ids: Vec<usize> = (0..marks.end).filter(|&i| (1..=30).contains(&units[i].words)).collect();
    let best_near = ids.iter().map(|&i| base[i][0]).fold(f64::NEG_INFINITY, f64::max);
    let best_shared = ids.iter().map(|&i| base[i][2]).fold(f64::NEG_INFINITY, f64::max);
    // Title-like candidates above the tenth line, counted from the top, for `headlines_between`.
    let mut title_like_before = vec![0usize; ids.len() + 1];
    for (k, &i) in ids.iter().enumerate() {
        title_like_before[k + 1] = title_like_before[k] + usize::from(i < marks.tenth && features[i][34] > 0.0);
    }
    let signed_log = |d: isize| (d.signum() as f64) * (1.0 + d.unsigned_abs() as f64).ln();
    ids.iter()
        .enumerate()
        .map(|(k, &i)| {
            let f = &features[i];
            let b = base[i];
            let words = units[i].words;
            let next = (i + 1..(i + 6).min(n)).map(|j| p[j]).sum::<f64>() / 5.0;
            let prev = (i.saturating_sub(5)..i).map(|j| p[j]).sum::<f64>() / 5.0;
            let stamp_near = (i.saturating_sub(3)..(i + 5).min(n)).any(|j| j != i && features[j][8] > 0.0);
            let menu = (i.saturating_sub(3)..(i + 4).min(n)).filter(|&j| j != i && units[j].words <= 3).count() as f64 / 6.0;
            let between = title_like_before[ids.len()] - title_like_before[k + 1];
            let (from_start, from_anchor, from_tenth) = (
                signed_log(i as isize - marks.start as isize),
                signed_log(i as isize - marks.anchor as isize),
                signed_log(i as isize - marks.tenth as isize),
            );
            let row = [
                1.0,
                b[0],
                b[1],
                b[2],
                b[3],
                b[0] - best_near,
                b[2] - best_shared,
                from_start / 5.0,
                from_anchor / 5.0,
                from_tenth / 5.0,
                from_anchor.abs() / 5.0,
                from_tenth.abs() / 5.0,
                p[i],
                next,
                prev,
                (1.0 + words as f64).ln() / 3.0,
                menu,
                signed_log(between as isize) / 3.0,
                f64::from(stamp_near),
                f[34],
                f[15],
                f[42],
                f[2],
                f[7],
                f[35],
                f[14],
                f[29],
                f[26],
                f[4],
                f[16],
                f[36],
                f[8],
                f[19],
                f64::from((4..=20).contains(&words)),
                i as f64 / n as f64,
                b[4],
                b[5],
                b[6],
                b[7],
            ];
            (i, row)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::name_like;

    #[test]
    fn a_name_alone_reads_as_a_name_and_a_headline_does_not() {
        assert!(name_like("Elaine Chen"));
        assert!(name_like("Dylan Bailey, MS, RD, FAND"));
        assert!(name_like("Mary-Jane O’Neill"));
        assert!(!name_like("Thoughts on Zig"));
        assert!(!name_like("Top 10 Secure Computing Tips"));
        assert!(!name_like("Harbour reopens after the winter storms"));
    }
}
