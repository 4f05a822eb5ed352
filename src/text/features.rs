//! Numeric features of each line, for the line model (`model.rs`): what the line is like, what
//! its neighbours and its page are like (`Rows`), and then what the model's first reading
//! says of the lines around it (`context`). Every feature is a general signal (length,
//! punctuation, repetition, cohesion, position, capitals, digits, the page's shape), none names
//! a site or a phrase. `tools/train_line_model.py` computes `context` the same way.

use super::{cohesion, is_title_like, Role, Unit};
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
    u.map_or(0.0, |u| (1.0 + u.words() as f64).ln())
}

fn is_prose(u: Option<&Unit>) -> f64 {
    f64::from(u.is_some_and(|u| u.role == Role::Prose))
}

/// A price: a currency sign next to a digit.
fn has_price(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        crate::words::is_currency_sign(*c)
            && (chars.get(i + 1).is_some_and(char::is_ascii_digit) || i > 0 && chars[i - 1].is_ascii_digit() || i > 1 && chars[i - 1] == ' ' && chars[i - 2].is_ascii_digit())
    })
}

/// Code: brackets, operators and semicolons at a rate prose does not have.
fn looks_like_code(text: &str) -> bool {
    let chars = text.chars().count().max(1);
    let marks = text.chars().filter(|c| matches!(c, '{' | '}' | '(' | ')' | ';' | '=' | '<' | '>' | '[' | ']' | '_')).count();
    marks * 12 >= chars && marks >= 2
}

/// The features of a page's lines, each line's made when asked for (`row`): what a row needs
/// of the page is worked out once, a few numbers a line, so that a long text never holds
/// every line's sixty features at once.
pub struct Rows {
    prose_share: f64,
    median: f64,
    list_lines: usize,
    total_words: usize,
    /// The length of the run of lines that are not prose that each line stands in. (These four
    /// are kept as `u32`, half the memory of a long text's `usize`: an input of at most 64 MiB
    /// has fewer lines and words than that holds.)
    run_len: Vec<u32>,
    /// How far the nearest prose above and below each line is (`u32::MAX`: none).
    prev_prose: Vec<u32>,
    next_prose: Vec<u32>,
    /// The words on the lines above each line.
    words_before: Vec<u32>,
    /// What each line's own text says (`Own::of`).
    own: Vec<Own>,
    span: Option<Span>,
}

/// The features a line's own text gives, read once for the three readings of its row.
struct Own {
    capitalised: f64,
    digits: f64,
    sentence_marks: u8,
    flags: u16,
}

const ENDS_SENTENCE: u16 = 1;
const NAV_MARKER: u16 = 1 << 1;
const LABEL_COLON: u16 = 1 << 2;
const QUOTE_OR_DASH: u16 = 1 << 3;
const TITLE_LIKE: u16 = 1 << 4;
const ALL_CAPS: u16 = 1 << 5;
const ENDS_COLON: u16 = 1 << 6;
const PRICE: u16 = 1 << 7;
const STARTS_LOWER: u16 = 1 << 8;
const QUESTION: u16 = 1 << 9;
const CODE_LIKE: u16 = 1 << 10;

impl Own {
    fn of(u: &Unit) -> Own {
        let text = u.text;
        let words: Vec<&str> = text.split_whitespace().collect();
        let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() as f64
            / words.len().max(1) as f64;
        let chars = text.chars().count().max(1) as f64;
        let digits = text.chars().filter(char::is_ascii_digit).count() as f64 / chars;
        let label_colon = text.find(':').is_some_and(|c| c > 0 && c < 25 && crate::words::count_words(&text[..c]) <= 3);
        let first = text.chars().next().unwrap_or(' ');
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase()) && letters.iter().any(|c| c.is_uppercase());
        let flags = [
            (ends_sentence(text), ENDS_SENTENCE),
            (refine::has_nav_marker(text), NAV_MARKER),
            (label_colon, LABEL_COLON),
            (matches!(first, '"' | '“' | '„' | '«' | '—' | '–' | '-'), QUOTE_OR_DASH),
            (is_title_like(u), TITLE_LIKE),
            (all_caps, ALL_CAPS),
            (text.ends_with(':'), ENDS_COLON),
            (has_price(text), PRICE),
            (first.is_lowercase(), STARTS_LOWER),
            (text.ends_with('?'), QUESTION),
            (looks_like_code(text), CODE_LIKE),
        ]
        .iter()
        .fold(0, |flags, &(on, flag)| if on { flags | flag } else { flags });
        Own { capitalised, digits, sentence_marks: sentence_marks(text).min(5) as u8, flags }
    }
}

/// The span of prose that reads as one story, for the span features (`Rows::set_span`).
struct Span {
    start: usize,
    end: usize,
    vocab: rustc_hash::FxHashSet<u32>,
    share: f64,
}

impl Rows {
    /// What the rows of `units` need of the page; the span features are zeros until
    /// [`Rows::set_span`].
    pub fn new(units: &[Unit]) -> Self {
        let n = units.len();
        let total_words: usize = units.iter().map(|u| u.words()).sum();
        let prose_lines = units.iter().filter(|u| u.role == Role::Prose).count();
        let list_lines = units.iter().filter(|u| u.line.marker.is_some()).count();
        let mut sorted: Vec<usize> = units.iter().map(|u| u.words()).collect();
        sorted.sort_unstable();
        let prose_share = prose_lines as f64 / n.max(1) as f64;
        let median = sorted.get(n / 2).copied().unwrap_or(0) as f64;
        // Runs of lines that are not prose, and the nearest prose on either side.
        let mut run_len = vec![0u32; n];
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
            run_len[start..i].iter_mut().for_each(|r| *r = (i - start) as u32);
        }
        let mut prev_prose = vec![u32::MAX; n];
        let mut last = None;
        for i in 0..n {
            if let Some(l) = last {
                prev_prose[i] = (i - l) as u32;
            }
            if units[i].role == Role::Prose {
                last = Some(i);
            }
        }
        let mut next_prose = vec![u32::MAX; n];
        let mut last = None;
        for i in (0..n).rev() {
            if let Some(l) = last {
                next_prose[i] = (l - i) as u32;
            }
            if units[i].role == Role::Prose {
                last = Some(i);
            }
        }
        let mut words_before = Vec::with_capacity(n);
        let mut sum = 0u32;
        for u in units {
            words_before.push(sum);
            sum += u.words;
        }
        let own = units.iter().map(Own::of).collect();
    Rows { prose_share, median, list_lines, total_words, run_len, prev_prose, next_prose, words_before, own, span: None }
    }

    /// Fills in the span features from now on: where each line stands against the span of
    /// prose that reads as one story (`start..end`, from the segment model), how much of its
    /// vocabulary it shares with that span, and how much of the page's prose the span holds.
    /// A line outside a span that holds most of the page's prose, sharing little of its
    /// vocabulary, is another story's blurb; a page whose prose is spread out keeps its lines
    /// wherever they stand.
    pub fn set_span(&mut self, units: &[Unit], start: usize, end: usize) {
        let vocab: rustc_hash::FxHashSet<u32> = units[start..end].iter().filter(|u| u.role == Role::Prose).flat_map(|u| u.content.iter().copied()).collect();
        let prose_words: usize = units.iter().filter(|u| u.role == Role::Prose).map(|u| u.words()).sum();
        let span_words: usize = units[start..end].iter().filter(|u| u.role == Role::Prose).map(|u| u.words()).sum();
        let share = span_words as f64 / prose_words.max(1) as f64;
        self.span = Some(Span { start, end, vocab, share });
    }

    /// The features of line `i` of `units` (the units these rows were made for).
    pub fn row(&self, units: &[Unit], i: usize) -> [f64; COUNT] {
        let n = units.len();
        let (prose_share, median, list_lines, total_words) = (self.prose_share, self.median, self.list_lines, self.total_words);
        let distance = |d: u32| if d == u32::MAX { 1.0 } else { ((1 + d as usize) as f64).ln().min(5.0) / 5.0 };
        let u = &units[i];
        let own = &self.own[i];
        let has = |flag: u16| f64::from(own.flags & flag != 0);
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(n);
        let window = (hi - lo - 1).max(1) as f64;
        let window_prose = (lo..hi).filter(|&j| j != i && units[j].role == Role::Prose).count() as f64 / window;
        let window_stamps = (lo..hi).filter(|&j| j != i && units[j].role == Role::Stamp).count() as f64;
        let (wlo, whi) = (i.saturating_sub(10), (i + 11).min(n));
        let wide = (wlo..whi).filter(|&j| j != i && units[j].role == Role::Prose).count() as f64 / (whi - wlo - 1).max(1) as f64;
        let word_position = self.words_before[i] as f64 / total_words.max(1) as f64;
        let mut row = [
            1.0,
            log_words(Some(u)),
            has(ENDS_SENTENCE),
            f64::from(own.sentence_marks) / 5.0,
            f64::from(u.line.marker.is_some()),
            f64::from(u.repeated),
            f64::from(u.signals.doubled_label),
            has(NAV_MARKER),
            f64::from(u.role == Role::Stamp),
            f64::from(u.signals.glued_teaser),
            f64::from(u.signals.contact),
            f64::from(u.signals.loops),
            u.cohesion().unwrap_or(0.0),
            f64::from(u.cohesion().is_none()),
            i as f64 / n.max(1) as f64,
            own.capitalised,
            own.digits,
            f64::from(u.role == Role::Copyright),
            has(LABEL_COLON),
            has(QUOTE_OR_DASH),
            is_prose(i.checked_sub(1).map(|j| &units[j])),
            is_prose(units.get(i + 1)),
            log_words(i.checked_sub(1).map(|j| &units[j])),
            log_words(units.get(i + 1)),
            window_prose,
            window_stamps.min(3.0) / 3.0,
            f64::from(u.words() < 5),
            f64::from(u.words() >= 30),
            f64::from(u.inner),
            f64::from(u.role == Role::Chrome),
            word_position,
            word_position * word_position,
            f64::from(u.line.blank_before),
            f64::from(u.line.blank_after),
            has(TITLE_LIKE),
            has(ALL_CAPS),
            has(ENDS_COLON),
            has(PRICE),
            prose_share,
            (n.max(1) as f64).ln() / 10.0,
            ((1 + self.run_len[i] as usize) as f64).ln() / 5.0,
            wide,
            ((u.repeats.max(1)) as f64).ln().min(3.0) / 3.0,
            ((1.0 + u.words() as f64) / (1.0 + median)).ln().clamp(-3.0, 3.0) / 3.0,
            has(STARTS_LOWER),
            has(QUESTION),
            distance(self.prev_prose[i]),
            distance(self.next_prose[i]),
            list_lines as f64 / n.max(1) as f64,
            has(CODE_LIKE),
            prose_share * f64::from(u.words() < 5),
            prose_share * log_words(Some(u)),
            list_lines as f64 / n.max(1) as f64 * f64::from(u.line.marker.is_some()),
            prose_share * window_prose,
            // The span features, filled in below once the span is known.
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ];
        if let Some(span) = &self.span {
            let inside = (span.start..span.end).contains(&i);
            let out = f64::from(!inside);
            let prose = f64::from(u.role == Role::Prose);
            let own = &u.content;
            let shared = if own.is_empty() { 0.0 } else { own.iter().filter(|w| span.vocab.contains(*w)).count() as f64 / own.len() as f64 };
            let distance = if inside { 0 } else if i < span.start { span.start - i } else { i + 1 - span.end };
            row[SPAN_FEATURES..].copy_from_slice(&[
                1.0 - out,
                out * shared,
                out * ((1 + distance) as f64).ln().min(5.0) / 5.0,
                span.share,
                out * span.share,
                out * span.share * prose,
            ]);
        }
        row
    }
}

/// The first of the span features (`Rows::set_span`).
pub(crate) const SPAN_FEATURES: usize = 54;

/// The context features of every line, in order, from the model's first-reading probabilities
/// `p` and each line's word count.
pub fn context<'p>(p: &'p [f64], words: impl Fn(usize) -> usize + 'p) -> impl Iterator<Item = [f64; CONTEXT_COUNT]> + 'p {
    let n = p.len();
    let mean = move |lo: usize, hi: usize, skip: usize| {
        let (s, c) = (lo..hi).filter(|&j| j != skip).fold((0.0, 0usize), |(s, c), j| (s + p[j], c + 1));
        if c == 0 { 0.0 } else { s / c as f64 }
    };
    let page = if n == 0 { 0.0 } else { p.iter().sum::<f64>() / n as f64 };
    // Word mass the first reading keeps, above and below each line.
    let mass = move |i: usize| if p[i] >= 0.5 { words(i) as f64 } else { 0.0 };
    let total: f64 = (0..n).map(&mass).sum::<f64>().max(1.0);
    let mut above = 0.0;
    (0..n).map(move |i| {
        let below = total - above - mass(i);
        let (a, b) = (above / total, below.max(0.0) / total);
        above += mass(i);
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
}

/// The number of features of a title candidate.
pub const TITLE_COUNT: usize = 61;

/// The names of the title features, in order.
#[allow(dead_code)]
pub const TITLE_NAMES: [&str; TITLE_COUNT] = [
    "bias", "overlap_near", "overlap_page", "shared_near", "shared_page", "below_best_overlap",
    "below_best_shared", "from_first_kept", "from_anchor", "from_tenth", "far_from_anchor", "far_from_tenth",
    "p_self", "p_next", "p_prev", "log_words", "menu_around", "headlines_between", "stamp_near", "title_like",
    "capitalised", "log_repeats", "ends_sentence", "nav_marker", "all_caps", "position", "chrome", "short",
    "list_marker", "digits", "ends_colon", "stamp", "quote_or_dash", "headline_length", "page_position",
    "name_like", "meta_after", "title_like_before", "meta_before", "recurrence", "near_twice", "used_above",
    "meta_below", "last_before_meta", "meta_above", "subset_near", "superset_near", "same_near", "same_above",
    "log_run", "opens_run", "short_run", "title_like_near", "long_above", "blank_before", "blank_after",
    "rank_near", "rank_recurrence", "below_best_recurrence", "candidates_before", "candidates_after",
];

/// The number of per-line title values (`title_base`).
pub const TITLE_BASE: usize = 25;

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
    u.role == Role::Stamp || refine::is_byline(&u.text) || refine::is_date_line(&u.text)
}

/// How many lines after a candidate title count as its story, for `overlap_near`.
const NEAR: usize = 60;

/// How many lines on either side of a candidate count as its surroundings (a headline's
/// byline and date, its kicker, its repeats in a breadcrumb or a share line).
const AROUND: usize = 5;

/// For each line that could be a title (1 to 30 words), what tells a story's headline from the
/// other short lines above its body (zeros for other lines):
/// - the topic: the share of its content words that come back in the prose of the next lines
///   and anywhere else on the page, how many do (log-scaled), how often they come back on
///   average, the share that come back in two lines or more of the next ones, and the share
///   already used by prose above it (a teaser for another story, a section's name);
/// - the metadata: whether it reads as a person's name; whether a byline or a date follows it
///   (next line, or within four lines with no other headline-like line between) or comes
///   before it (previous line, or within four lines);
/// - its echoes: whether the content words of a line near it are a strict subset or superset
///   of its own or the same, and whether a line above it has the same (a breadcrumb's last
///   step or a share line that repeats the headline, a kicker that the headline spells out);
/// - its block: whether the line before it could be a headline too with no blank line between,
///   the length of its run of lines with no blank line between and whether it opens it, the
///   run of short lines it stands in, how many headline-like lines stand near it, how many
///   long lines stand above it, and whether blank lines stand around it.
///
/// Only the lines above `upto` are valued, and only they have a row (the candidates stand above
/// `TitleMarks::end`).
/// (Rule roles only: the training script reads these from the features dump.)
pub fn title_base(units: &[Unit], upto: usize) -> Vec<[f64; TITLE_BASE]> {
    let n = units.len();
    let upto = upto.min(n);
    let prose = |j: usize| units[j].role == Role::Prose;
    // The content words of every line (sorted, each once).
    let all = |j: usize| &units[j].content[..];
    let mut page: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
    // The first prose line each content word is used in.
    let mut first_use: rustc_hash::FxHashMap<u32, usize> = rustc_hash::FxHashMap::default();
    // The sets of content words of the lines above the current one.
    let mut sets_above: rustc_hash::FxHashSet<&[u32]> = rustc_hash::FxHashSet::default();
    for (j, u) in units.iter().enumerate() {
        if prose(j) {
            for &w in u.content.iter() {
                *page.entry(w).or_default() += 1;
                first_use.entry(w).or_insert(j);
            }
        }
    }
    // What a row reads of the lines around it lies within `NEAR` lines below it: only that
    // much of the page is looked at line by line.
    let reach = (upto + NEAR + 1).min(n);
    let meta: Vec<bool> = units[..reach].iter().map(is_meta).collect();
    let title_like: Vec<bool> = units[..reach].iter().map(is_title_like).collect();
    // The first line of each line's run (lines with no blank line between) and the run's end.
    let mut run_start = vec![0usize; upto];
    for j in 1..upto {
        run_start[j] = if units[j].line.blank_before { j } else { run_start[j - 1] };
    }
    let last_end = (upto..n).find(|&k| units[k].line.blank_before).unwrap_or(n);
    let mut run_end = vec![last_end; upto];
    for j in (0..upto.saturating_sub(1)).rev() {
        run_end[j] = if units[j + 1].line.blank_before { j + 1 } else { run_end[j + 1] };
    }
    let mut long_above = 0usize;
    let mut out = Vec::with_capacity(upto.min(n));
    for (i, u) in units.iter().enumerate().take(upto) {
        let above = long_above;
        long_above += usize::from(u.words() >= 12);
        let own = all(i);
        let same_above = sets_above.contains(own);
        if i < upto {
            sets_above.insert(own);
        }
        if i >= upto || !(1..=30).contains(&u.words()) || own.is_empty() {
            out.push([0.0; TITLE_BASE]);
            continue;
        }
        let next = (i + 1..(i + 1 + NEAR).min(n)).filter(|&j| prose(j));
        let counts: Vec<usize> = own.iter().map(|w| next.clone().filter(|&j| all(j).binary_search(w).is_ok()).count()).collect();
        let near = counts.iter().filter(|&&c| c > 0).count();
        let near2 = counts.iter().filter(|&&c| c >= 2).count();
        let own_prose = usize::from(prose(i));
        let elsewhere = |w: &u32| page.get(w).copied().unwrap_or(0).saturating_sub(own_prose);
        let anywhere = own.iter().filter(|w| elsewhere(w) > 0).count();
        // Summed in a fixed order, so that the value does not depend on the set's order.
        let mut recurs: Vec<usize> = own.iter().map(elsewhere).collect();
        recurs.sort_unstable();
        let recurrence = recurs.iter().map(|&c| (1.0 + c as f64).ln()).sum::<f64>();
        let used_above = own.iter().filter(|w| first_use.get(*w).is_some_and(|&j| j < i)).count();
        let len = own.len() as f64;
        let before = i.checked_sub(1).map(|j| &units[j]);
        let below = (i + 1..(i + 5).min(n)).find(|&j| meta[j]);
        let around = i.saturating_sub(AROUND)..(i + AROUND + 1).min(n);
        let echo = |f: &dyn Fn(&[u32]) -> bool| around.clone().any(|j| j != i && !all(j).is_empty() && f(all(j)));
        let short = |j: &usize| units[*j].words() <= 4;
        let short_run = (i + 1..n).take_while(short).count() + (0..i).rev().take_while(short).count();
        out.push([
            near as f64 / len,
            anywhere as f64 / len,
            (1.0 + near as f64).ln() / 3.0,
            (1.0 + anywhere as f64).ln() / 3.0,
            f64::from(name_like(&u.text)),
            f64::from(units.get(i + 1).is_some_and(is_meta)),
            f64::from(!u.line.blank_before && before.is_some_and(is_title_like)),
            f64::from(before.is_some_and(is_meta)),
            recurrence / len / 3.0,
            near2 as f64 / len,
            used_above as f64 / len,
            f64::from(below.is_some()),
            f64::from(below.is_some_and(|m| !title_like[i + 1..m].iter().any(|&t| t))),
            f64::from((i.saturating_sub(4)..i).any(|j| meta[j])),
            f64::from(echo(&|s| cohesion::is_subset(own, s) && s.len() > own.len())),
            f64::from(echo(&|s| cohesion::is_subset(s, own) && s.len() < own.len())),
            f64::from(echo(&|s| s == own)),
            f64::from(same_above),
            (1.0 + (run_end[i] - run_start[i]) as f64).ln() / 3.0,
            f64::from(run_start[i] == i),
            (1.0 + short_run as f64).ln() / 3.0,
            around.clone().filter(|&j| j != i && title_like[j]).count() as f64 / 10.0,
            (1.0 + above as f64).ln() / 3.0,
            f64::from(u.line.blank_before),
            f64::from(u.line.blank_after),
        ]);
    }
    out
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
    let anchor = (0..units.len()).find(|&i| kept[i] && units[i].words() >= TITLE_ANCHOR_WORDS).unwrap_or(start);
    let mut mass = Vec::with_capacity(units.len());
    let mut sum = 0usize;
    for (u, &k) in units.iter().zip(kept) {
        if k {
            sum += u.words();
        }
        mass.push(sum as f64);
    }
    let total = sum as f64;
    let reach = |share: f64| mass.partition_point(|&m| m < share * total);
    let tenth = reach(0.1);
    let end = (reach(0.5) + 6).min(units.len());
    Some(TitleMarks { start, anchor, tenth, end })
}

/// At most this many title candidates, the first ones (a headline stands near the top; their
/// ranks take time in the square of their number, and a pasted book has hundreds of thousands).
pub const TITLE_CANDIDATES: usize = 2_000;

/// The title candidates' lines: the first [`TITLE_CANDIDATES`] lines of 1 to 30 words above `end`.
fn candidate_lines<'u>(units: &'u [Unit], end: usize) -> impl Iterator<Item = usize> + 'u {
    (0..end).filter(|&i| (1..=30).contains(&units[i].words())).take(TITLE_CANDIDATES)
}

/// Where the title candidates' lines end: [`title_base`] needs to value no line below.
pub fn candidates_end(units: &[Unit], marks: &TitleMarks) -> usize {
    candidate_lines(units, marks.end).last().map_or(0, |i| i + 1)
}

/// The title candidates (the first [`TITLE_CANDIDATES`] lines of 1 to 30 words above
/// `marks.end`) and their features;
/// `rows` gives the line features, `base` their `title_base`, `p` the line model's
/// probabilities.
pub fn title_candidates(units: &[Unit], rows: &Rows, base: &[[f64; TITLE_BASE]], p: &[f64], marks: &TitleMarks) -> Vec<(usize, [f64; TITLE_COUNT])> {
    let n = units.len();
    let ids: Vec<usize> = candidate_lines(units, marks.end).collect();
    let best_near = ids.iter().map(|&i| base[i][0]).fold(f64::NEG_INFINITY, f64::max);
    let best_shared = ids.iter().map(|&i| base[i][2]).fold(f64::NEG_INFINITY, f64::max);
    let best_recurrence = ids.iter().map(|&i| base[i][8]).fold(f64::NEG_INFINITY, f64::max);
    // How many candidates stand above this one in a per-line value (log-scaled).
    let rank = |i: usize, v: usize| (1.0 + ids.iter().filter(|&&j| base[j][v] > base[i][v]).count() as f64).ln() / 3.0;
    // Title-like candidates above the tenth line, counted from the top, for `headlines_between`.
    let mut title_like_before = vec![0usize; ids.len() + 1];
    for (k, &i) in ids.iter().enumerate() {
        title_like_before[k + 1] = title_like_before[k] + usize::from(i < marks.tenth && is_title_like(&units[i]));
    }
    let signed_log = |d: isize| (d.signum() as f64) * (1.0 + d.unsigned_abs() as f64).ln();
    ids.iter()
        .enumerate()
        .map(|(k, &i)| {
            let f = &rows.row(units, i);
            let b = base[i];
            let words = units[i].words();
            let next = (i + 1..(i + 6).min(n)).map(|j| p[j]).sum::<f64>() / 5.0;
            let prev = (i.saturating_sub(5)..i).map(|j| p[j]).sum::<f64>() / 5.0;
            let stamp_near = (i.saturating_sub(3)..(i + 5).min(n)).any(|j| j != i && units[j].role == Role::Stamp);
            let menu = (i.saturating_sub(3)..(i + 4).min(n)).filter(|&j| j != i && units[j].words() <= 3).count() as f64 / 6.0;
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
                b[8],
                b[9],
                b[10],
                b[11],
                b[12],
                b[13],
                b[14],
                b[15],
                b[16],
                b[17],
                b[18],
                b[19],
                b[20],
                b[21],
                b[22],
                b[23],
                b[24],
                rank(i, 0),
                rank(i, 8),
                b[8] - best_recurrence,
                (1.0 + k as f64).ln() / 3.0,
                (1.0 + (ids.len() - 1 - k) as f64).ln() / 3.0,
            ];
            (i, row)
        })
        .collect()
}

/// How many of the title regression's best candidates the forest reorders.
pub const TITLE_RERANK: usize = 10;

/// The number of features the title forest reads: its own, then the title features.
pub const RERANK_COUNT: usize = 7 + TITLE_COUNT;

/// The names of the title forest's own features, in order (the title features follow).
#[allow(dead_code)]
pub const RERANK_NAMES: [&str; 7] = ["score", "below_best", "rank", "is_best", "from_best", "next_to_best", "above_best"];

/// The title regression's best [`TITLE_RERANK`] candidates, best first (the first line of equal
/// scores first), each with its index in `candidates` and the forest's features: its score and
/// how far below the best one, its rank, whether it is the best, how many lines from the best
/// one (log-scaled, signed) and whether next to it or above it, then its title features.
pub fn rerank_rows(candidates: &[(usize, [f64; TITLE_COUNT])], scores: &[f64]) -> Vec<(usize, [f32; RERANK_COUNT])> {
    let order = crate::forest::best(scores, TITLE_RERANK);
    let Some(&top) = order.first() else { return Vec::new() };
    order
        .iter()
        .enumerate()
        .map(|(r, &c)| {
            let d = candidates[c].0 as isize - candidates[top].0 as isize;
            let own = [
                scores[c],
                scores[c] - scores[top],
                r as f64 / TITLE_RERANK as f64,
                f64::from(r == 0),
                (d.signum() as f64) * (1.0 + d.unsigned_abs() as f64).ln() / 5.0,
                f64::from(d.unsigned_abs() == 1),
                f64::from(d < 0),
            ];
            let mut row = [0.0f32; RERANK_COUNT];
            for (slot, v) in row.iter_mut().zip(own.iter().chain(&candidates[c].1)) {
                *slot = *v as f32;
            }
            (c, row)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_knows_its_byline_its_echo_above_and_its_story() {
        let page = "News\nHarbour reopens after the storms\n\nHarbour reopens after the storms\nBy Ann Example\n\nThe harbour reopened to fishing boats after weeks of repairs to the wall the storms broke.\n\nEngineers rebuilt the harbour wall after the storms and cleared the channel of rocks.";
        let lines = super::super::lines::split(page);
        let mut content = Vec::new();
        let u = super::super::classify(&lines, &mut content, &super::super::LineModel::default()).0;
        let base = title_base(&u, u.len());
        let crumb = u.iter().position(|x| x.text == "Harbour reopens after the storms").unwrap();
        let head = crumb + 1 + u[crumb + 1..].iter().position(|x| x.text == "Harbour reopens after the storms").unwrap();
        let at = |name: &str| 8 + ["recurrence", "near_twice", "used_above", "meta_below", "last_before_meta", "meta_above", "subset_near", "superset_near", "same_near", "same_above"].iter().position(|n| *n == name).unwrap();
        assert_eq!(base[head][at("same_above")], 1.0, "the breadcrumb above says the same");
        assert_eq!(base[crumb][at("same_above")], 0.0);
        assert_eq!(base[head][at("same_near")], 1.0);
        assert_eq!(base[head][at("meta_below")], 1.0);
        assert_eq!(base[head][at("last_before_meta")], 1.0);
        assert!(base[head][at("near_twice")] > 0.3, "its words come back in the story: {:?}", base[head]);
        assert_eq!(base[head][at("used_above")], 0.0, "no prose above it");
    }

    #[test]
    fn a_pasted_book_gives_the_title_model_a_bounded_number_of_candidates() {
        let chapter = "Chapter heading here\n\nA paragraph of the chapter, long enough to be read as prose by the line model.\n\n";
        let text = chapter.repeat(3_000);
        let lines = super::super::lines::split(&text);
        let mut content = Vec::new();
        let (u, _, _) = super::super::classify(&lines, &mut content, &super::super::LineModel::default());
        let rows = Rows::new(&u);
        let kept = vec![true; u.len()];
        let marks = title_marks(&u, &kept).unwrap();
        let base = title_base(&u, marks.end);
        let p = vec![0.5; u.len()];
        let candidates = title_candidates(&u, &rows, &base, &p, &marks);
        assert_eq!(candidates.len(), TITLE_CANDIDATES);
        assert_eq!(candidates[0].0, 0, "the first ones");
        // Valuing the lines only down to the last candidate gives them the same features.
        let end = candidates_end(&u, &marks);
        assert!(end < marks.end);
        let bounded = title_base(&u, end);
        assert_eq!(bounded.len(), end);
        assert_eq!(title_candidates(&u, &rows, &bounded, &p, &marks), candidates);
    }

    #[test]
    fn the_forest_reads_the_best_ten_best_first_placed_against_the_best() {
        let candidates: Vec<(usize, [f64; TITLE_COUNT])> = (0..12).map(|i| (i * 2, [i as f64; TITLE_COUNT])).collect();
        // Scores rise to the eighth candidate (line 14), two tie below it.
        let scores: Vec<f64> = (0..12).map(|i| if i <= 7 { i as f64 } else { 1.0 }).collect();
        let rows = rerank_rows(&candidates, &scores);
        assert_eq!(rows.len(), TITLE_RERANK);
        let order: Vec<usize> = rows.iter().map(|(c, _)| *c).collect();
        assert_eq!(order, vec![7, 6, 5, 4, 3, 2, 1, 8, 9, 10], "equal scores: the first line first");
        let (best, next) = (&rows[0].1, &rows[1].1);
        assert_eq!((best[0], best[1], best[2], best[3]), (7.0, 0.0, 0.0, 1.0));
        assert_eq!((next[1], next[2], next[3], next[5], next[6]), (-1.0, 0.1, 0.0, 0.0, 1.0), "two lines above the best");
        assert_eq!(next[7], 6.0, "its title features follow");
        assert!(rows[7].1[4] > 0.0, "a candidate below the best");
    }

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
