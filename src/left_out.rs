//! What the extraction left out: the page's blocks of text that are not in the kept body (menus,
//! sidebars, teasers, comments, a section lost), in page order, each placed after the kept block
//! it stood after, so that a reader can bring any of them back where it was.
//!
//! The page's blocks (an HTML page's paragraphs, items and cells, [`crate::html::page_blocks`];
//! a copied text's lines) are set against the kept body's blocks in order: a page block whose
//! words run on inside the kept blocks (or holds a whole kept block) is kept; the headline,
//! byline and the other fields shown above and below the body are not left out either; every
//! other block is.

use serde::{Deserialize, Serialize};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

use crate::article::Article;
use crate::detect::InputKind;
use crate::html::PageBlock;

/// One block of text the extraction left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Its text, white space collapsed.
    pub text: String,
    /// The index of the kept body block it stood after, in the order of the blocks of the
    /// body text (`CleanCopy::text`, blocks separated by a blank line); −1 before the first.
    pub after: i64,
    /// The container it stood in on the page: left-out blocks next to each other with the
    /// same group (a list's items, a section's paragraphs) are one part of the page, which a
    /// reader brings back whole; a run of furniture and a lost section differ in it.
    pub group: usize,
}

/// A page block of fewer words than this is kept only where it is a whole kept block, or
/// opens the next one, or runs on in the current one: a short block ("Share", "Comments")
/// found further on in the body is most often furniture that happens to share its words.
const SHORT_WORDS: usize = 6;

/// A block of at least [`SHORT_WORDS`] words is kept too when this share of its words are in
/// the current or the next kept block (a paragraph the extraction mended: an inline
/// advertisement taken out, a dateline moved).
const SHARED_WORDS: f64 = 0.8;

/// The blocks of `input` (of the kind it was read as) that `article` does not hold, in page
/// order. Markdown is read whole, so nothing of it is left out.
pub fn find(input: &str, kind: InputKind, article: &Article) -> Vec<LeftOut> {
    let blocks = match kind {
        InputKind::HtmlDocument | InputKind::HtmlFragment => crate::html::page_blocks(input),
        InputKind::Text => text_blocks(input),
        InputKind::Markdown => Vec::new(),
    };
    left_out(&blocks, article)
}

/// A copied text's lines, each a block; lines between two blank lines are one group.
fn text_blocks(input: &str) -> Vec<PageBlock> {
    let mut group = 0;
    let mut blocks = Vec::new();
    for line in input.lines() {
        let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            group += 1;
        } else {
            blocks.push(PageBlock { text, group });
        }
    }
    blocks
}

/// A text as its words, lower-cased, each with a space before and after (`" a b c "`), so
/// that finding one in another finds whole words.
fn key(text: &str) -> (String, usize) {
    let mut out = String::from(" ");
    let mut words = 0;
    for t in crate::score::tokens(text) {
        out.push_str(&t.to_lowercase());
        out.push(' ');
        words += 1;
    }
    (out, words)
}

/// The blocks of `blocks` (a page's, in order) that are not in `article`'s body nor among
/// the fields shown around it.
pub fn left_out(blocks: &[PageBlock], article: &Article) -> Vec<LeftOut> {
    let units = article.body_units();
    // Where each unit ends among the body text's blank-line-separated blocks (a unit of code
    // may hold blank lines).
    let mut last_block = Vec::with_capacity(units.len());
    let mut count = -1i64;
    for unit in &units {
        count += 1 + unit.matches("\n\n").count() as i64;
        last_block.push(count);
    }
    let keys: Vec<String> = units.iter().map(|u| key(u).0).collect();
    // The units' keys end to end, a line break between each (no key holds one), with where
    // each starts, and where each run of four words is: a long block is found by its first
    // four words.
    let mut joined = String::new();
    let mut starts = Vec::with_capacity(keys.len());
    for k in &keys {
        starts.push(joined.len());
        joined.push_str(k);
        joined.push('\n');
    }
    let grams = grams(&joined);
    let mut whole: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        whole.entry(k.as_str()).or_default().push(i);
    }
    let around: Vec<String> = [&article.title, &article.byline, &article.published, &article.dateline, &article.standfirst, &article.copyright, &article.site_name, &article.source]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(article.summary.iter().map(String::as_str))
        .map(|t| key(t).0)
        .filter(|k| k.len() > 1)
        .collect();

    // The unit the reading has reached, and how far into its key.
    let (mut at, mut pos) = (0usize, 0usize);
    // The last unit a block was found in.
    let mut last: Option<usize> = None;
    let mut out = Vec::new();
    for PageBlock { text: block, group } in blocks {
        let (k, words) = key(block);
        if words == 0 {
            continue;
        }
        if let Some((unit, end)) = locate(&k, words, &Body { keys: &keys, joined: &joined, starts: &starts, whole: &whole, grams: &grams }, at, pos) {
            // A block that holds whole units reads past them all.
            let (mut unit, mut end) = (unit, end);
            while unit + 1 < keys.len() && keys[unit + 1].len() > 1 && k.contains(keys[unit + 1].as_str()) {
                unit += 1;
                end = keys[unit].len();
            }
            (at, pos) = (unit, end);
            last = Some(unit);
            continue;
        }
        if words >= SHORT_WORDS && [at, at + 1].iter().any(|&u| u < keys.len() && shares_words(&k, &keys[u])) {
            if last.is_none_or(|l| l < at) {
                last = Some(at);
            }
            continue;
        }
        if around.iter().any(|a| a.contains(k.as_str()) || (k.contains(a.as_str()) && k.len() <= a.len() + 24)) {
            continue;
        }
        out.push(LeftOut { text: block.clone(), after: last.map_or(-1, |u| last_block[u]), group: *group });
    }
    out
}

/// The kept units, as [`locate`] looks blocks up in them.
struct Body<'a> {
    /// Each unit's key.
    keys: &'a [String],
    /// The keys end to end, a line break after each.
    joined: &'a str,
    /// Where each key starts in `joined`.
    starts: &'a [usize],
    /// The units of each key.
    whole: &'a HashMap<&'a str, Vec<usize>>,
    /// Where each run of four words starts in `joined`, in order.
    grams: &'a FxHashMap<&'a str, Vec<usize>>,
}

/// The most places of a block's first four words that are read to find the block: a page's
/// block is looked up in constant time, however long the body.
const GRAM_TRIES: usize = 64;

/// Every run of four words of `joined` (as `" a b c d "`) and where each starts, in order.
fn grams(joined: &str) -> FxHashMap<&str, Vec<usize>> {
    let mut out: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut start = 0;
    for line in joined.split('\n') {
        let spaces: Vec<usize> = line.match_indices(' ').map(|(i, _)| i).collect();
        for w in spaces.windows(5) {
            out.entry(&line[w[0]..=w[4]]).or_default().push(start + w[0]);
        }
        start += line.len() + 1;
    }
    out
}

/// Where the block of key `k` (of `words` words) is in the kept units, reading on from unit
/// `at`, `pos` bytes into its key: the unit and the end of the block in its key.
fn locate(k: &str, words: usize, body: &Body, at: usize, pos: usize) -> Option<(usize, usize)> {
    let Body { keys, joined, starts, whole, grams } = body;
    let current = keys.get(at)?;
    // Word boundaries are shared spaces: a block read on from `pos` starts at the space
    // before it.
    let from = pos.saturating_sub(1).min(current.len());
    if let Some(i) = current[from..].find(k) {
        return Some((at, from + i + k.len()));
    }
    if words < SHORT_WORDS {
        // A whole unit further on, or the start of the next one.
        if let Some(&u) = whole.get(k).and_then(|us| us.iter().find(|&&u| u > at)) {
            return Some((u, keys[u].len()));
        }
        let next = at + 1;
        if next < keys.len() && keys[next].starts_with(k) {
            return Some((next, k.len()));
        }
        // The block holds the whole next unit (the unit is a shorter mend of it).
        if next < keys.len() && keys[next].len() > 1 && k.contains(keys[next].as_str()) {
            return Some((next, keys[next].len()));
        }
        return None;
    }
    let offset = starts[at] + current.len() + 1;
    // The block's first four words, looked up; then the whole block read at each place.
    let gram_end = k.match_indices(' ').nth(4).map(|(i, _)| i)?;
    let places = grams.get(&k[..=gram_end]).map_or(&[][..], Vec::as_slice);
    let first = places.partition_point(|&p| p < offset);
    if let Some(&found) = places[first..].iter().take(GRAM_TRIES).find(|&&p| joined[p..].starts_with(k)) {
        let unit = starts.partition_point(|&s| s <= found) - 1;
        return Some((unit, found - starts[unit] + k.len()));
    }
    // The block holds the next unit whole (a dateline or a mark taken out of it).
    let next = at + 1;
    if next < keys.len() && keys[next].len() > 1 && k.contains(keys[next].as_str()) {
        return Some((next, keys[next].len()));
    }
    None
}

/// Whether at least [`SHARED_WORDS`] of the words of key `k` are words of key `unit`.
fn shares_words(k: &str, unit: &str) -> bool {
    let in_unit: std::collections::HashSet<&str> = unit.split(' ').filter(|w| !w.is_empty()).collect();
    let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
    let shared = words.iter().filter(|w| in_unit.contains(*w)).count();
    shared as f64 >= SHARED_WORDS * words.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article { title: Some(title.into()), blocks: paragraphs.iter().map(|p| Block::paragraph(*p)).collect(), ..Article::default() }
    }

    fn blocks(texts: &[&str]) -> Vec<PageBlock> {
        texts.iter().map(|t| PageBlock { text: t.to_string(), group: 0 }).collect()
    }

    #[test]
    fn furniture_around_and_between_kept_blocks_is_left_out_where_it_stood() {
        let a = article("The headline", &["One two three four five six seven.", "Eight nine ten eleven twelve thirteen."]);
        let page = blocks(&["Home", "World", "The headline", "One two three four five six seven.", "Advertisement", "Eight nine ten eleven twelve thirteen.", "Related: another story"]);
        let got = left_out(&page, &a);
        let want = [("Home", -1), ("World", -1), ("Advertisement", 0), ("Related: another story", 1)];
        assert_eq!(got.iter().map(|l| (l.text.as_str(), l.after)).collect::<Vec<_>>(), want);
    }

    #[test]
    fn a_short_block_whose_words_are_further_on_in_the_body_is_still_left_out() {
        let a = article("T", &["The first paragraph of the story is here.", "Readers left comments on the story today."]);
        let page = blocks(&["Comments", "The first paragraph of the story is here.", "Readers left comments on the story today."]);
        let got = left_out(&page, &a);
        assert_eq!(got, [LeftOut { text: "Comments".into(), after: -1, group: 0 }]);
    }

    #[test]
    fn blocks_split_or_mended_by_the_extraction_are_not_left_out() {
        // The page's paragraph is cut in two inline pieces; another lost a dateline.
        let a = article("T", &["Alpha beta gamma delta epsilon zeta eta theta.", "The minister said on Monday that talks would go on."]);
        let page = blocks(&["Alpha beta gamma", "delta epsilon zeta eta theta.", "LONDON (Reuters) - The minister said on Monday that talks would go on."]);
        assert_eq!(left_out(&page, &a), []);
    }

    #[test]
    fn a_lost_section_in_the_middle_is_placed_between_its_neighbours() {
        let a = article("T", &["Kept opening paragraph with enough words.", "Kept closing paragraph with enough words."]);
        let page = blocks(&["Kept opening paragraph with enough words.", "A lost section heading", "Its paragraph the extraction dropped, long enough.", "Kept closing paragraph with enough words."]);
        let got: Vec<_> = left_out(&page, &a).into_iter().map(|l| l.after).collect();
        assert_eq!(got, [0, 0]);
    }

    #[test]
    fn a_copied_text_s_lines_are_grouped_by_its_blank_lines() {
        let groups: Vec<usize> = text_blocks("Home\nNews\n\nA paragraph.\n\n\nShare\nPrint\n").iter().map(|b| b.group).collect();
        assert_eq!(groups, [0, 0, 1, 3, 3]);
    }

    #[test]
    fn after_counts_the_body_text_s_blank_line_blocks() {
        let a = Article {
            blocks: vec![Block::Code { lang: None, text: "fn a() {}\n\nfn b() {}".into() }, Block::paragraph("After the code comes this paragraph.")],
            ..Article::default()
        };
        let page = blocks(&["fn a() {}", "fn b() {}", "Footer links here", "After the code comes this paragraph.", "The end"]);
        let got: Vec<_> = left_out(&page, &a).into_iter().map(|l| (l.text, l.after)).collect();
        assert_eq!(got, [("Footer links here".to_string(), 1), ("The end".to_string(), 2)]);
    }
}
