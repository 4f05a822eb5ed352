//! Plain-text extraction: a page copied as text (menus, page tools and all), an e-mail or a
//! PDF's text, turned into an [`Article`].
//!
//! Each logical line gets a role from general signals (length, sentence shape, repetition,
//! doubled button labels, navigation marks, list markers) and, on a page of some length, a
//! probability of belonging to the main content from the line model (`model.rs`). The page
//! model (`page.rs`) then says whether the body is the span of prose that reads as one story
//! (a news story with other stories' teasers under it) or every line the line model keeps (so
//! that a thread keeps all its posts and a product page its specifications). The title is the model's pick among the lines near the start of the body;
//! the byline, date and summary points are looked for above the body, the copyright line below
//! it. Short inputs are valued by rule: the best segment of prose and its cohesive neighbours.

mod address;
mod cohesion;
mod features;
mod lines;
mod model;
mod page;
mod page_weights;
mod title_forest;
pub(crate) mod signals;
mod weights;

pub use model::{BodyChoice, LineModel};

use rustc_hash::FxHashSet as HashSet;

use std::borrow::Cow;
use crate::article::{plain, Article, Block};
use crate::refine;
use crate::words::{count_words, ends_sentence, sentence_marks};
use lines::{Line, Lines, Marker};

/// What a line is, as far as the body is concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// Running text.
    Prose,
    /// A short line that may be a heading, a label or a caption.
    Short,
    /// Page furniture: menus, repeated links, doubled button labels, addresses, teaser cards.
    Chrome,
    /// A line that only gives a time or date: between comments and list items.
    Stamp,
    /// A copyright or credit line.
    Copyright,
}

struct Unit<'a> {
    line: &'a Line,
    /// The line's text.
    text: &'a str,
    role: Role,
    /// Its words (`words()`; four bytes, not eight, on each line of a long text).
    words: u32,
    /// For short lines: prose stands on both sides of it (a subheading, a caption).
    inner: bool,
    /// For prose: how much of its vocabulary the neighbouring prose shares (NaN: not valued;
    /// see `cohesion()`).
    cohesion: f64,
    /// The same text stands elsewhere on the page.
    repeated: bool,
    /// How many times the same text stands on the page.
    repeats: u32,
    /// The segment model's probability that the line belongs to the story (for the span).
    probability: f64,
    /// The line model's probability that the line belongs to the main content.
    kept: f64,
    /// The probability is the line model's (not a rule's, as for short inputs).
    by_model: bool,
    /// Its content words, as the page numbers them (`cohesion::Numbering`): sorted, each once.
    content: &'a [u32],
    /// What the rules make of its text (for its role and the line model's features).
    signals: Signals,
}

/// What a line's text alone says of it (see `refine` and `signals`).
#[derive(Clone, Copy)]
struct Signals {
    /// A button's label said twice (`refine::is_doubled_label`).
    doubled_label: bool,
    /// A teaser glued to its headline (`signals::is_glued_teaser`).
    glued_teaser: bool,
    /// Contact details (`signals::has_contact_details`).
    contact: bool,
    /// A phrase that comes back three times (`signals::repeats_itself`).
    loops: bool,
}

impl Unit<'_> {
    /// How much the line adds to a candidate body (negative for furniture).
    fn value(&self) -> f64 {
        match self.role {
            Role::Copyright => -30.0,
            // What the rules know to be furniture stays furniture, whatever the model says.
            Role::Chrome => -4.0,
            Role::Stamp => -3.0,
            _ => self.words().max(1) as f64 * self.weight() * (self.probability - 0.5) * 2.0,
        }
    }

    /// How many words the line has.
    fn words(&self) -> usize {
        self.words as usize
    }

    /// For prose, how much of its value it keeps: contact details and the like lower it.
    fn weight(&self) -> f64 {
        if self.signals.contact { 0.3 } else { 1.0 }
    }

    /// How much of its vocabulary the neighbouring prose shares, for prose that has enough
    /// words of its own to tell.
    fn cohesion(&self) -> Option<f64> {
        Some(self.cohesion).filter(|c| !c.is_nan())
    }
}

/// Extracts the article from plain text, with the shipped line model.
pub fn extract<'a>(input: impl Into<Cow<'a, str>>) -> Article {
    extract_with(input, &LineModel::default())
}

/// Extracts the article from plain text with the line model `model`. An owned `input` is freed
/// once split into lines (the lines keep their own copy of the text).
pub fn extract_with<'a>(input: impl Into<Cow<'a, str>>, model: &LineModel) -> Article {
    let input = input.into();
    let lines = lines::split(&input);
    drop(input);
    let mut content = Vec::new();
    let (units, rows, span) = classify(&lines, &mut content, model);
    // The head of the page, above the body, holds the headline, byline, date and summary
    // points (see `trim_kept` for where it ends when every kept line is the body).
    let (mut keep, each_line, head) = body_lines(&units, span, model);
    let summary_range = find_summary(&units[..head]);
    let in_summary = |i: usize| summary_range.as_ref().is_some_and(|(r, _)| r.contains(&i));
    let end = keep.iter().rposition(|&k| k).map_or(0, |i| i + 1);

    let mut article = Article::default();
    let before = &units[..head];
    if let Some((_, points)) = &summary_range {
        article.summary = points.clone();
    }
    let body_vocab: HashSet<u32> = units[head..end.max(head)].iter().flat_map(|u| u.content.iter().copied()).collect();
    let mut best_title: Option<(f64, &str)> = None;
    for (i, unit) in before.iter().enumerate().rev() {
        if in_summary(i) || unit.role == Role::Chrome || unit.repeated {
            continue;
        }
        let text = unit.text;
        if article.byline.is_none() && refine::is_byline(text) {
            article.byline = Some(text.to_string());
        } else if article.published.is_none() && refine::is_date_line(text) {
            article.published = Some(text.to_string());
        } else if is_title_like(unit) && head - i <= TITLE_REACH {
            // The headline's words come back in the story; nearer lines break ties.
            let shared = overlap(unit.content.iter().copied(), &body_vocab);
            let score = shared + 0.3 * (1.0 - (head - i) as f64 / TITLE_REACH as f64) + 0.1 * f64::from(unit.words() >= 4);
            if best_title.is_none_or(|(b, _)| score > b) {
                best_title = Some((score, text));
            }
        }
    }
    drop(body_vocab);
    article.title = best_title.map(|(_, t)| t.to_string());
    if units.first().is_some_and(|u| u.by_model) {
        article.title = rows.as_ref().and_then(|rows| model_title(&units, rows, model));
    }
    // The features are not read again: gone before the body is made.
    drop(rows);
    if article.byline.is_none() {
        article.byline = writer_near_title(&units, article.title.as_deref()).map(str::to_string);
    }
    if each_line {
        let taken = [&article.title, &article.byline, &article.published];
        for (k, u) in keep.iter_mut().zip(&units).take(head) {
            if taken.iter().any(|t| t.as_deref() == Some(u.text)) {
                *k = false;
            }
        }
    }
    let start = keep.iter().position(|&k| k).unwrap_or(0);

    article.blocks = body_blocks(&units[start..end], &keep[start..end], each_line, &mut article);
    if article.title.is_none() {
        article.title = take_leading_title(&mut article.blocks);
    }
    article.source_url = address::named_in_text(units.iter().map(|u| u.text), article.title.as_deref()).map(String::from);
    article.copyright = units[end..]
        .iter()
        .chain(units[..start].iter())
        .find(|u| u.role == Role::Copyright)
        .and_then(|u| refine::copyright_line(u.text));

    let (lang, dir) = article.guess_lang();
    article.lang = lang;
    article.dir = dir;
    article
}

/// For each line, the first line whose text, lower-cased, is the same as its own. Found by
/// sorting the lines by a hash of that text and comparing the texts where hashes agree: no
/// table of every line's text is made.
fn same_text(lines: &Lines) -> Vec<u32> {
    use std::hash::BuildHasher;
    let hasher = std::hash::BuildHasherDefault::<rustc_hash::FxHasher>::default();
    same_text_by(lines, |text| hasher.hash_one(text))
}

/// [`same_text`], with the hash given.
fn same_text_by(lines: &Lines, hash: impl Fn(&str) -> u64) -> Vec<u32> {
    let lowered = |text: &str, buf: &mut String| {
        buf.clear();
        if text.is_ascii() {
            buf.push_str(text);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&text.to_lowercase());
        }
    };
    let mut buf = String::new();
    let mut keyed: Vec<(u64, u32)> = lines
        .iter()
        .enumerate()
        .map(|(i, (text, _))| {
            lowered(text, &mut buf);
            (hash(&buf), i as u32)
        })
        .collect();
    keyed.sort_unstable();
    let mut first: Vec<u32> = (0..keyed.len() as u32).collect();
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        // The run's distinct texts (almost always one), each with the first line that has it.
        let mut texts: Vec<(String, u32)> = Vec::new();
        for &(_, i) in run {
            lowered(lines.text(i as usize), &mut buf);
            match texts.iter().find(|(t, _)| *t == buf) {
                Some(&(_, j)) => first[i as usize] = j,
                None => texts.push((buf.clone(), i)),
            }
        }
    }
    first
}

/// Gives each line its role and probability, and finds the span of prose that reads as one
/// story (`body_span`); the line features too, when the line model read them.
/// `content` takes the lines' content words, one line's after another.
fn classify<'a>(lines: &'a Lines, content: &'a mut Vec<u32>, model: &LineModel) -> (Vec<Unit<'a>>, Option<features::Rows>, (usize, usize)) {
    // The lines of the same text lower-cased, and how many lines have each.
    let line_numbers = same_text(lines);
    let mut seen = vec![0u32; line_numbers.len()];
    for &n in &line_numbers {
        seen[n as usize] += 1;
    }
    let mut numbering = cohesion::Numbering::default();
    // Where each line's content words end.
    let mut ranges: Vec<u32> = Vec::with_capacity(lines.iter().len());
    let mut units: Vec<Unit> = lines
        .iter()
        .zip(&line_numbers)
        .map(|((text, line), &number)| {
            let words = count_words(text);
            let repeats = seen[number as usize];
            let repeated = repeats > 1 && words <= 12;
            let said = Signals {
                doubled_label: refine::is_doubled_label(text),
                glued_teaser: signals::is_glued_teaser(text),
                contact: signals::has_contact_details(text),
                loops: signals::repeats_itself(text, &mut numbering),
            };
            let role = if refine::copyright_line(text).is_some() {
                Role::Copyright
            } else if signals::is_stamp(text) {
                Role::Stamp
            } else if repeated
                || said.doubled_label
                || (refine::has_nav_marker(text) && words <= 8)
                || is_address(text)
                || said.glued_teaser
                || said.loops
            {
                Role::Chrome
            } else if is_prose(text, words, line.marker) {
                Role::Prose
            } else if line.marker.is_some() {
                Role::Chrome
            } else {
                Role::Short
            };
            numbering.content_words_into(text, content);
            ranges.push(u32::try_from(content.len()).expect("fewer than 4 G words"));
            Unit { line, text, role, words: words as u32, inner: false, cohesion: f64::NAN, repeated, repeats: repeats as u32, probability: 0.5, kept: 0.0, by_model: false, content: &[], signals: said }
        })
        .collect();
    content.shrink_to_fit();
    let content: &'a Vec<u32> = content;
    let mut start = 0;
    for (unit, end) in units.iter_mut().zip(ranges) {
        unit.content = &content[start..end as usize];
        start = end as usize;
    }
    drop((line_numbers, seen));
    mark_inner_short_lines(&mut units);
    drop(numbering);
    let sets: Vec<&[u32]> = units.iter().map(|u| &u.content[..]).collect();
    let prose: Vec<bool> = units.iter().map(|u| u.role == Role::Prose).collect();
    let cohesion = cohesion::local_cohesion(&sets, &prose, 6);
    drop((sets, prose));
    for (unit, c) in units.iter_mut().zip(cohesion) {
        unit.cohesion = c.unwrap_or(f64::NAN);
    }
    let span;
    let mut rows = None;
    if units.len() >= MODEL_MIN_LINES {
        // Each line's features are made for each reading rather than kept between them (what
        // its own text says is read once): memory that does not grow sixty numbers a line.
        let mut features = features::Rows::new(&units);
        for i in 0..units.len() {
            units[i].probability = model.segment(&features.row(&units, i));
        }
        span = body_span(&units);
        features.set_span(&units, span.0, span.1);
        let first: Vec<f64> = (0..units.len()).map(|i| model.first(&features.row(&units, i))).collect();
        let words: Vec<u32> = units.iter().map(|u| u.words).collect();
        for (i, c) in features::context(&first, |i| words[i] as usize).enumerate() {
            units[i].kept = model.second(&features.row(&units, i), &c);
            units[i].by_model = true;
        }
        rows = Some(features);
    } else {
        // A note, an e-mail or a short excerpt has no page around it to learn from: its
        // prose is its body.
        for unit in units.iter_mut() {
            unit.probability = match unit.role {
                Role::Prose if unit.line.marker.is_some() => 0.8,
                Role::Prose => 1.0,
                Role::Short => 0.3,
                _ => 0.0,
            };
        }
        span = body_span(&units);
    }
    (units, rows, span)
}

/// Short lines with prose on both sides (before any furniture) are part of the text they sit
/// in: subheadings, captions, one-line paragraphs.
fn mark_inner_short_lines(units: &mut [Unit]) {
    let mut prev_prose = false;
    let mut run_start = None;
    for i in 0..units.len() {
        match units[i].role {
            Role::Short => {
                run_start.get_or_insert(i);
            }
            role => {
                if let Some(start) = run_start.take() {
                    // One or two short lines: a subheading, a caption. More: a form, a list of links.
                    if prev_prose && role == Role::Prose && i - start <= 2 {
                        units[start..i].iter_mut().for_each(|u| u.inner = true);
                    }
                }
                prev_prose = role == Role::Prose;
            }
        }
    }
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

/// How many lines above the body the headline is looked for.
const TITLE_REACH: usize = 40;

/// Inputs with fewer lines than this are valued by rule rather than by the line model, which
/// learned from whole web pages.
const MODEL_MIN_LINES: usize = 20;

/// A furniture gap worth this much (or less) between two stretches of prose separates them.
const SEGMENT_GAP: f64 = -16.0;

/// A stretch of prose with only small gaps in it; `end` exclusive.
struct Segment {
    start: usize,
    end: usize,
    score: f64,
    vocab: HashSet<u32>,
    /// The value of the furniture between this segment and the one before it.
    gap_before: f64,
}

/// A segment scoring at least this share of the best one, and coming before it, is the story.
const FIRST_SEGMENT_SHARE: f64 = 0.7;

/// A neighbouring segment joins the story when this share of its words are the story's.
const JOIN_OVERLAP: f64 = 0.3;

/// Segments further apart than this are never joined, whatever they share.
const MAX_JOIN_GAP: f64 = -40.0;

/// The body: the best segment of prose, joined by the neighbouring segments that share its
/// vocabulary (a story split by an advert block), never by ones that only sit near it (teasers
/// for other stories, comments after a run of time stamps). `(start, end)`, end exclusive.
fn body_span(units: &[Unit]) -> (usize, usize) {
    let mut segments = segments(units);
    let Some(top) = segments.iter().map(|s| s.score).max_by(f64::total_cmp) else {
        return (0, 0);
    };
    // The story usually comes first: the earliest segment that scores near the top one.
    let best = segments.iter().position(|s| s.score >= FIRST_SEGMENT_SHARE * top).unwrap_or(0);
    let (mut lo, mut hi) = (best, best);
    let mut vocab = std::mem::take(&mut segments[best].vocab);
    loop {
        let next = [lo.checked_sub(1), (hi + 1 < segments.len()).then_some(hi + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| {
                let gap = if j < lo { segments[lo].gap_before } else { segments[j].gap_before };
                // A list standing before the story is its summary points or teasers, not its start.
                let list_before = j < lo && units[segments[j].start..segments[j].end].iter().all(|u| u.role != Role::Prose || u.line.marker.is_some());
                segments[j].score > 0.0 && !list_before && gap > MAX_JOIN_GAP && overlap(segments[j].vocab.iter().copied(), &vocab) >= JOIN_OVERLAP
            })
            .max_by(|&a, &b| segments[a].score.total_cmp(&segments[b].score));
        let Some(j) = next else { break };
        vocab.extend(std::mem::take(&mut segments[j].vocab));
        if j < lo {
            lo = j;
        } else {
            hi = j;
        }
    }
    (segments[lo].start, segments[hi].end)
}

/// The lines the line model keeps (never a copyright line).
fn kept_lines(units: &[Unit], model: &LineModel) -> Vec<bool> {
    units.iter().map(|u| u.kept >= model.threshold() && u.role != Role::Copyright).collect()
}

/// The headline by the line model's title model: among the lines of a few words above the
/// middle of what is kept, the regression's best few reordered by its forest.
fn model_title(units: &[Unit], rows: &features::Rows, model: &LineModel) -> Option<String> {
    let marks = features::title_marks(units, &kept_lines(units, model))?;
    let base = features::title_base(units, features::candidates_end(units, &marks));
    let p: Vec<f64> = units.iter().map(|u| u.kept).collect();
    let candidates = features::title_candidates(units, rows, &base, &p, &marks);
    model.title_choice(&candidates).map(|i| last_step(&units[i].text).to_string())
}

/// The last step of a trail of links copied as one line ("Car Talk / Car Reviews / Best EVs
/// of 2026": two separators or more, the same each time), when it has two words or more; else
/// the whole line.
fn last_step(line: &str) -> &str {
    for sep in [" / ", " > ", " › ", " » "] {
        if line.matches(sep).count() >= 2 {
            let last = line.rsplit(sep).next().unwrap_or(line).trim();
            if crate::words::count_words(last) >= 2 {
                return last;
            }
        }
    }
    line
}

/// Which lines are the body, and whether each of them is (rather than the lines of a span that
/// read as text). The best segment of prose with its cohesive neighbours (`body_span`) is the
/// body of a note and of a page that is one story; on a page whose main content is spread out
/// (a forum's posts, a product's specifications, a listing's items, the sections of a service
/// page), every line the line model keeps is, wherever it stands (never a copyright line). The
/// page model (`page.rs`) tells the two apart, unless most of what the line model keeps is prose
/// repeated word for word (a page pasted twice: one copy of it is the body). Also returns
/// where the head above the body ends.
fn body_lines(units: &[Unit], span: (usize, usize), model: &LineModel) -> (Vec<bool>, bool, usize) {
    let in_span: Vec<bool> = (0..units.len()).map(|i| (span.0..span.1).contains(&i)).collect();
    let span_head = if span.0 < span.1 { span.0 } else { 0 };
    if !units.first().is_some_and(|u| u.by_model) {
        return (in_span, false, span_head);
    }
    let (kept, head) = trimmed_kept(units, model);
    let kept_words: usize = units.iter().zip(&kept).filter(|(_, &k)| k).map(|(u, _)| u.words()).sum();
    let copied: usize = units.iter().zip(&kept).filter(|(u, &k)| k && u.role == Role::Prose && u.repeats > 1).map(|(u, _)| u.words()).sum();
    if kept_words == 0 || copied * 2 >= kept_words || !model.spread(&page::features(units, &kept, span)) {
        (in_span, false, span_head)
    } else {
        (kept, true, head)
    }
}

/// The lines the line model keeps, trimmed as `trim_kept` says, and where the head ends.
fn trimmed_kept(units: &[Unit], model: &LineModel) -> (Vec<bool>, usize) {
    let mut kept = kept_lines(units, model);
    let head = trim_kept(units, &mut kept);
    (kept, head)
}

/// Trims the lines the line model keeps to what would be the body if all of them were. The
/// head of the page ends at the first kept line of prose that is not a list item (summary
/// points come before the story): what it holds is the headline, byline, date, the site's
/// name and page tools, none of them body, except list items that are neither furniture nor
/// summary points (a product's features). The foot starts after the last kept line of prose:
/// what the rules know to be furniture there is left out (share labels, page tools). Returns
/// where the head ends.
fn trim_kept(units: &[Unit], keep: &mut [bool]) -> usize {
    let first_kept = keep.iter().position(|&k| k).unwrap_or(0);
    let kept_prose = |(u, k): (&Unit, &bool)| *k && u.role == Role::Prose && u.line.marker.is_none();
    let head = units.iter().zip(keep.iter()).position(kept_prose).unwrap_or(first_kept);
    let foot = units.iter().zip(keep.iter()).rposition(kept_prose).map_or(units.len(), |i| i + 1);
    let summary = find_summary(&units[..head]).map(|(r, _)| r);
    for (i, k) in keep.iter_mut().enumerate() {
        if i < head && (units[i].line.marker.is_none() || units[i].role == Role::Chrome) || i >= foot && units[i].role == Role::Chrome || summary.as_ref().is_some_and(|r| r.contains(&i)) {
            *k = false;
        }
    }
    head
}

/// The page features of a copied text (`page.rs`), as the line model `model` reads its lines;
/// `None` for a text too short for the line model. For training the page model.
pub fn page_features(input: &str, model: &LineModel) -> Option<Vec<f64>> {
    let lines = lines::split(input);
    let mut content = Vec::new();
    let (units, _, span) = classify(&lines, &mut content, model);
    units.first().is_some_and(|u| u.by_model).then(|| page::features(&units, &trimmed_kept(&units, model).0, span).to_vec())
}

/// Splits the units into segments of prose at furniture gaps, and scores each: its total
/// value, raised by how well its lines cohere, lowered the further down the page it starts.
fn segments(units: &[Unit]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut current: Option<(usize, usize, f64)> = None;
    let mut gap = 0.0;
    let n = units.len().max(1) as f64;
    let close = |start: usize, end: usize, value: f64, gap_before: f64, out: &mut Vec<Segment>| {
        let (mut coh_sum, mut coh_words) = (0.0, 0.0);
        let mut vocab = HashSet::default();
        for u in &units[start..end] {
            if let Some(c) = u.cohesion() {
                coh_sum += c * u.words() as f64;
                coh_words += u.words() as f64;
            }
            if u.role == Role::Prose {
                vocab.extend(u.content.iter().copied());
            }
        }
        let coh = if coh_words > 0.0 { coh_sum / coh_words } else { 0.3 };
        let score = value * (0.5 + coh) * (1.0 - 0.4 * start as f64 / n);
        out.push(Segment { start, end, score, vocab, gap_before });
    };
    let mut gap_before_current = f64::NEG_INFINITY;
    for (i, unit) in units.iter().enumerate() {
        let v = unit.value();
        if unit.role == Role::Prose && v > 0.0 {
            match current.as_mut() {
                Some((_, end, value)) if gap > SEGMENT_GAP => {
                    *value += gap + v;
                    *end = i + 1;
                }
                _ => {
                    if let Some((start, end, value)) = current.take() {
                        close(start, end, value, gap_before_current, &mut out);
                    }
                    gap_before_current = gap;
                    current = Some((i, i + 1, v));
                }
            }
            gap = 0.0;
        } else {
            gap += v;
        }
    }
    if let Some((start, end, value)) = current {
        close(start, end, value, gap_before_current, &mut out);
    }
    out
}

/// The share of `part`'s words (each once) that `whole` holds.
fn overlap(part: impl IntoIterator<Item = u32>, whole: &HashSet<u32>) -> f64 {
    let (mut all, mut held) = (0usize, 0usize);
    for w in part {
        all += 1;
        held += usize::from(whole.contains(&w));
    }
    if all == 0 {
        return 0.0;
    }
    held as f64 / all as f64
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
        let items: Vec<String> = before[start..end].iter().map(|u| u.text.to_string()).collect();
        if let Some(points) = refine::summary_points(&items) {
            return Some((start..end, points));
        }
        end = start;
    }
    None
}

/// A headline: a few words standing alone, not a sentence in a paragraph.
/// The lines next to the headline read for its writer's name, nearest first (below it, then
/// above it).
const WRITER_NEAR_TITLE: [isize; 6] = [1, -1, 2, 3, -2, 4];

/// A writer's name on a line of its own next to the headline ("Andrew King" under the title,
/// as a page's header copies), taken where the page confirms it is a writer's: a note about
/// them further on ("Andrew King is a writer …"). (A date beside the line is no proof: a
/// post's category label stands there as often.)
fn writer_near_title<'a>(units: &[Unit<'a>], title: Option<&str>) -> Option<&'a str> {
    let title = title?;
    let at = units.iter().position(|u| u.text == title)?;
    let line = |k: isize| usize::try_from(at as isize + k).ok().and_then(|k| units.get(k).map(|u| (k, u)));
    for (k, unit) in WRITER_NEAR_TITLE.iter().filter_map(|&k| line(k)) {
        let name = unit.text.trim();
        if !looks_like_a_name(name) {
            continue;
        }
        // An author's note: the name, then what they are or do.
        let noted = units.iter().enumerate().any(|(j, u)| {
            j != k && u.text.strip_prefix(name).is_some_and(|rest| AUTHOR_NOTE_OPENERS.iter().any(|o| rest.starts_with(o)))
        });
        if noted {
            return Some(unit.text);
        }
    }
    None
}

/// What follows a writer's name in a note about them ("… is a reporter", "… has covered",
/// "…, a reporter"), in the languages the corpora hold most.
const AUTHOR_NOTE_OPENERS: &[&str] = &[" is ", " has ", " was ", " writes ", " covers ", ", ", " est ", " ist ", " es ", " è ", " é "];

/// A person's name as a line: two to four words, each capitalised (or in capitals), of letters
/// with at most a period, hyphen or apostrophe, and nothing else.
fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && text.chars().count() <= 40
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        })
}

fn is_title_like(unit: &Unit) -> bool {
    let text = unit.text;
    unit.line.marker.is_none()
        && (2..=30).contains(&unit.words())
        && !text.ends_with(['.', ':', ',', ';'])
        && !text.to_lowercase().starts_with("skip to")
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Turns the body's units into blocks: prose to paragraphs or list items, short headline-like
/// lines before prose to subheadings, the rest dropped. The first paragraph's dateline goes to
/// the article.
fn body_blocks(units: &[Unit], keep: &[bool], each_line: bool, article: &mut Article) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Block>>)> = None;
    for (i, unit) in units.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let text = unit.text;
        let next_is_prose = units.get(i + 1).is_some_and(|u| u.role == Role::Prose);
        let next_kept = keep.get(i + 1).copied().unwrap_or(false);
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
            // What the line model keeps stays: a heading when it stands over kept text.
            _ if each_line => {
                if next_kept && is_title_like(unit) && unit.words() <= 15 && unit.line.marker.is_none() && !ends_sentence(text) {
                    Block::Heading { level: 2, content: plain(text) }
                } else {
                    Block::paragraph(text)
                }
            }
            Role::Short if next_is_prose && is_title_like(unit) && unit.words() <= 15 && article.title.as_deref() != Some(text) => {
                Block::Heading { level: 2, content: plain(text) }
            }
            Role::Short if ends_sentence(text) && unit.words() >= 3 => Block::paragraph(text),
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
    fn lines_of_the_same_text_in_any_case_are_found_whatever_their_hashes() {
        let lines = lines::split("Home\nNews\nHOME\nΣΟΦΙΑΣ\nσοφιας\nnews\nσοφιασ\nAbout");
        let expected = [0, 1, 0, 3, 3, 1, 6, 7];
        assert_eq!(same_text(&lines), expected);
        // Every hash the same: the texts themselves tell the lines apart.
        assert_eq!(same_text_by(&lines, |_| 7), expected);
    }

    #[test]
    fn a_trail_of_links_on_the_title_line_gives_its_last_step() {
        assert_eq!(last_step("Car Talk / Car Reviews / Best EVs of 2026"), "Best EVs of 2026");
        assert_eq!(last_step("Home > Products > Multi-Monitor Mounts"), "Multi-Monitor Mounts");
        // One separator is a title's own; a last step of one word is no title.
        assert_eq!(last_step("Either / Or: a fragment of life"), "Either / Or: a fragment of life");
        assert_eq!(last_step("Versions: Current (18) / 17 / 16"), "Versions: Current (18) / 17 / 16");
    }

    const STORY: [&str; 8] = [
        "The harbour reopened to fishing boats on Tuesday after three weeks of repairs to the storm-damaged harbour wall.",
        "Engineers rebuilt forty metres of the harbour wall and cleared the channel of the rocks the storms had moved.",
        "Fishing crews said the harbour closure had cost them most of the winter season and many of their regular buyers.",
        "The harbour master thanked the engineers and said the repaired wall should stand for another fifty years.",
        "Repairs were paid for by the county, which had set aside money for storm damage after last year's floods.",
        "Several crews took their boats out within an hour of the reopening, hoping to make up for the lost weeks.",
        "The council said it would review how quickly repairs could start after future storms of the same strength.",
        "A public meeting on the harbour's future is planned for next month at the town hall, the council added.",
    ];

    #[test]
    fn a_story_with_other_stories_teasers_under_it_keeps_only_the_story() {
        let mut page = String::from("Home\nNews\nSport\nWeather\n\nHarbour reopens after the winter storms\n\n");
        for s in STORY {
            page.push_str(&format!("{s}\n\n"));
        }
        page.push_str("More in News\n");
        for (head, blurb) in [
            ("Bakery wins regional prize", "The rye bread from the bakery on the hill was judged the best in the region this year."),
            ("Road works delayed again", "Drivers face another month of closures on the coast road as the contractor waits for parts."),
            ("School choir heads to final", "Forty pupils will sing in the national final in the capital next weekend."),
            ("New ferry timetable announced", "Sailings to the islands will run every two hours from the start of the summer season."),
            ("Library extends opening hours", "The town library will open on Sunday afternoons from next month, after a trial."),
        ] {
            page.push_str(&format!("{head}\n{blurb}\n3H ago\n"));
        }
        page.push_str("About\nPrivacy\nTerms\n");
        let a = extract(&page);
        let body = a.body_units().join("\n");
        assert!(STORY.iter().all(|s| body.contains(s)), "{body}");
        assert!(!body.contains("rye bread") && !body.contains("ferry"), "{body}");
    }

    #[test]
    fn a_thread_keeps_every_post() {
        let mut page = String::from("Forums\nSearch\nLog in\nRegister\n\nBest way to fix a leaking tap?\n\n");
        let posts = [
            ("tapfixer", "My kitchen tap has been dripping for a week and I would like to fix it without calling a plumber. It is a mixer tap, about ten years old, and the drip comes from the spout even when the handle is fully closed."),
            ("oldhand", "Turn off the water under the sink first, then take the handle off and look at the washer inside. On a tap that old the washer has usually gone hard and cracked, and a new one costs next to nothing."),
            ("plumbing_pro", "If the washer looks fine, the cartridge is worn: take it with you to the shop so you buy the right one. Cartridges differ between makers, and the wrong one will either not fit or leak around the seals."),
            ("tapfixer", "Thanks, it was the cartridge. A new one cost very little and the tap has not dripped since. The old one had a crack in the ceramic disc that I could only see once I held it up to the light."),
            ("newbie22", "Good to know, mine does the same thing and I will try replacing the cartridge this weekend. Did you need any special tools, or was a normal spanner enough to get the old one out of the body?"),
            ("oldhand", "A normal spanner is enough, but wrap the jaws in a cloth so you do not scratch the chrome. Remember some plumber's grease on the new seals too, it makes the handle turn smoothly for years."),
        ];
        for (i, (who, text)) in posts.iter().enumerate() {
            page.push_str(&format!("{who}\nPosted {} March 2024\n{text}\nReply\nQuote\n\n", i + 3));
        }
        page.push_str("You must log in or register to reply here.\n\nSimilar threads\nBathroom tap drips after new washer\nShower mixer runs hot then cold\nOutside tap frozen pipe\n\nForums\nWhat's new\nMembers\nHelp\nTerms\nPrivacy\nContact us\n");
        let a = extract(&page);
        let body = a.body_units().join("\n");
        assert!(posts.iter().all(|(_, t)| body.contains(t)), "{body}");
        assert!(!body.contains("Log in") && !body.contains("Privacy"), "{body}");
    }

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

    #[test]
    fn a_copied_news_page_gets_its_headline_not_a_teaser_or_the_section() {
        let mut page = String::from("Skip to content\nSubscribe\nSign in\nHome\nLocal\nBusiness\nSport\nOpinion\n\nTrending\nBakery wins regional prize for its rye bread\nRoad works on the coast road delayed again\nSchool choir heads to the national final\n\nLocal\n\n");
        page.push_str("Harbour reopens to fishing boats after the winter storms\n\nBy Ann Example\n12 March 2024\n\n");
        for s in [
            "The harbour reopened to fishing boats on Tuesday after three weeks of repairs to the storm-damaged harbour wall.",
            "Engineers rebuilt forty metres of the harbour wall and cleared the channel of the rocks the storms had moved.",
            "Fishing crews said the closure had cost them most of the winter season, and that many boats had tied up in other harbours.",
            "The harbour master thanked the engineers and said the repaired wall should stand for another fifty years of storms.",
            "Boats were back at the quay by the afternoon, and the first catch of the reopened harbour was sold at the market.",
        ] {
            page.push_str(s);
            page.push_str("\n\n");
        }
        page.push_str("Share\nFacebook\nEmail\n\nMore from Local\nLibrary extends its opening hours on Sundays\nNew ferry timetable announced for the summer\n\nAbout us\nContact\nPrivacy\nTerms\n");
        let a = extract(&page);
        assert_eq!(a.title.as_deref(), Some("Harbour reopens to fishing boats after the winter storms"));
        assert!(a.body_units().iter().any(|u| u.contains("Engineers rebuilt")));
    }

    #[test]
    fn lines_are_placed_against_the_story_span() {
        let mut page = String::from("Home\nNews\nSport\nWeather\nContact\n\nHarbour reopens after the winter storms\n\n");
        for s in [
            "The harbour reopened to fishing boats on Tuesday after three weeks of repairs to the storm-damaged harbour wall.",
            "Engineers rebuilt forty metres of the harbour wall and cleared the channel of the rocks the storms had moved.",
            "Fishing crews said the harbour closure had cost them most of the winter season and many of their regular buyers.",
            "The harbour master thanked the engineers and said the repaired wall should stand for another fifty years.",
        ] {
            page.push_str(s);
            page.push_str("\n\n");
        }
        page.push_str("More stories\nA bakery on the hill wins a prize for its rye bread, judged the best in the region this year.\nAbout\nPrivacy\nTerms\nCareers\nHelp\nJobs\nShop\nEvents\nPodcasts\nArchive\nNewsletters\nAdvertise\n");
        let lines = lines::split(&page);
        let mut content = Vec::new();
        let (units, rows, _) = classify(&lines, &mut content, &LineModel::default());
        let rows = rows.expect("long enough for the line model");
        let at = |needle: &str| units.iter().position(|u| u.text.contains(needle)).unwrap();
        let (story, blurb) = (rows.row(&units, at("Engineers rebuilt")), rows.row(&units, at("bakery")));
        let span = features::SPAN_FEATURES;
        assert_eq!(story[span], 1.0, "the story's prose is inside the span");
        assert_eq!(blurb[span], 0.0, "another story's blurb is outside it");
        assert!(blurb[span + 4] > 0.5, "outside a span that holds most of the page's prose");
        assert!(blurb[span + 1] < 0.5, "sharing little of the story's words");
        let (story, blurb) = (at("Engineers rebuilt"), at("bakery"));
        assert!(units[story].kept > units[blurb].kept);
    }
}

/// One line per input line: its role, value, cohesion and text (for studying the extractor).
#[doc(hidden)]
pub fn explain(input: &str) -> Vec<String> {
    let lines = lines::split(input);
    let model = LineModel::default();
    let mut content = Vec::new();
    let (units, _, span) = classify(&lines, &mut content, &model);
    let (keep, _, _) = body_lines(&units, span, &model);
    let mut out = Vec::new();
    if units.first().is_some_and(|u| u.by_model) {
        let f = page::features(&units, &trimmed_kept(&units, &model).0, span);
        let named: Vec<String> = page::NAMES.iter().zip(&f).skip(1).map(|(n, v)| format!("{n} {v:.2}")).collect();
        out.push(format!("page model: logit {:.2} for every kept line over the span (lines {}..{}); {}", model.page_logit(&f), span.0, span.1, named.join(", ")));
    }
    out.extend(units.iter().enumerate().map(|(i, u)| {
        let mark = if keep[i] { '*' } else { ' ' };
        let coh = u.cohesion().map(|c| format!("{c:.2}")).unwrap_or_else(|| "  - ".into());
        format!("{mark} {:<9} {:>5.2} {:>5.2} {coh} {}", format!("{:?}", u.role), u.probability, u.kept, u.text)
    }));
    out
}

/// Each line's text, word count and features (for training the line model; the context
/// features are the training script's to compute, from its own first reading).
#[doc(hidden)]
pub fn feature_rows(input: &str) -> Vec<(String, usize, Vec<f64>)> {
    let lines = lines::split(input);
    let mut content = Vec::new();
    let (units, rows, _) = classify(&lines, &mut content, &LineModel::default());
    // Inputs too short for the line model have no rows: it reads no features of these.
    let Some(rows) = rows else { return Vec::new() };
    let base = features::title_base(&units, units.len());
    units
        .iter()
        .zip(base)
        .enumerate()
        .map(|(i, (u, t))| (u.text.to_string(), u.words(), rows.row(&units, i).into_iter().chain(t).collect()))
        .collect()
}
