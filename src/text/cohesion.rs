//! Lexical cohesion: how much of a line's vocabulary its neighbours share. A story's
//! paragraphs keep returning to the same names and subjects; a list of teasers for other
//! stories, or boilerplate, does not. Works in any script: words of four letters or more,
//! and pairs of characters in scripts written without spaces.

use rustc_hash::FxHashMap as HashMap;

use crate::words::is_cjk;

/// Numbers for a page's content words: the same word, the same number. Lines hold their
/// content words as numbers, so that a word is lower-cased and hashed once per line and the
/// sets of many lines cost four bytes a word.
#[derive(Default)]
pub struct Numbering(HashMap<String, u32>);

impl Numbering {
    fn number(&mut self, word: &str) -> u32 {
        if let Some(&n) = self.0.get(word) {
            return n;
        }
        let n = self.0.len() as u32;
        self.0.insert(word.to_string(), n);
        n
    }

    /// The number of `word` lower-cased (`str::to_lowercase`).
    pub fn lowered(&mut self, word: &str) -> u32 {
        if word.is_ascii() {
            let mut lower = [0u8; 32];
            if let Some(buf) = lower.get_mut(..word.len()) {
                buf.copy_from_slice(word.as_bytes());
                buf.make_ascii_lowercase();
                // ASCII lower-cased is ASCII.
                return self.number(std::str::from_utf8(buf).unwrap_or_default());
            }
        }
        self.number(&word.to_lowercase())
    }

    /// The content words of a line (lower-cased words of four or more letters, and pairs of
    /// CJK characters), as numbers: sorted, each once.
    #[cfg(test)]
    pub fn content_words(&mut self, text: &str) -> Box<[u32]> {
        let mut out = Vec::new();
        self.content_words_into(text, &mut out);
        out.into_boxed_slice()
    }

    /// [`Self::content_words`], put at the end of `all` (a page's lines' words one after
    /// another, rather than an allocation a line).
    pub fn content_words_into(&mut self, text: &str, all: &mut Vec<u32>) {
        let start = all.len();
        let mut pair_text = String::new();
        for word in crate::words::words(text) {
            if word.is_ascii() {
                // No CJK; four letters or more, one of them a letter.
                if word.len() >= 4 && word.bytes().any(|b| b.is_ascii_alphabetic()) {
                    all.push(self.lowered(word));
                }
            } else if word.chars().any(is_cjk) {
                let chars: Vec<char> = word.chars().collect();
                for pair in chars.windows(2).filter(|p| is_cjk(p[0]) && is_cjk(p[1])) {
                    pair_text.clear();
                    pair_text.extend(pair);
                    all.push(self.number(&pair_text));
                }
            } else if word.chars().nth(3).is_some() && word.chars().any(char::is_alphabetic) {
                all.push(self.lowered(word));
            }
        }
        all[start..].sort_unstable();
        let mut kept = start;
        for i in start..all.len() {
            if i == start || all[i] != all[kept - 1] {
                all[kept] = all[i];
                kept += 1;
            }
        }
        all.truncate(kept);
    }
}

/// True when every member of `a` is one of `b` (both sorted, each once).
pub fn is_subset(a: &[u32], b: &[u32]) -> bool {
    let mut rest = b;
    a.iter().all(|w| match rest.binary_search(w) {
        Ok(at) => {
            rest = &rest[at + 1..];
            true
        }
        Err(_) => false,
    })
}

/// For each line marked in `candidates`, the share of its content words (`sets`, see
/// [`Numbering::content_words`]) found in the other candidates within `window` candidates on
/// either side (words common to most candidates excluded); `None` for other lines and for
/// lines with too few content words to tell.
pub fn local_cohesion(sets: &[&[u32]], candidates: &[bool], window: usize) -> Vec<Option<f64>> {
    let idx: Vec<usize> = (0..sets.len()).filter(|&i| candidates[i]).collect();
    let mut df: HashMap<u32, usize> = HashMap::default();
    for &i in &idx {
        for &w in sets[i] {
            *df.entry(w).or_default() += 1;
        }
    }
    let common = |w: u32| idx.len() >= 5 && df.get(&w).copied().unwrap_or(0) * 10 > idx.len() * 4;
    let mut out = vec![None; sets.len()];
    for (k, &i) in idx.iter().enumerate() {
        let own: Vec<u32> = sets[i].iter().copied().filter(|&w| !common(w)).collect();
        if own.len() < 3 {
            continue;
        }
        let lo = k.saturating_sub(window);
        let hi = (k + window + 1).min(idx.len());
        let shared = own.iter().filter(|w| (lo..hi).any(|j| j != k && sets[idx[j]].binary_search(w).is_ok())).count();
        out[i] = Some(shared as f64 / own.len() as f64);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_coheres_and_a_stray_teaser_does_not() {
        let texts = [
            "The harbour library started lending vegetable seeds this spring.",
            "Borrowers return seeds from their harvest to the library drawer.",
            "Volunteers test the returned seeds before the library lends them again.",
            "Dell announced discounts on laptops and monitors for the holidays.",
        ];
        let mut numbering = Numbering::default();
        let sets: Vec<Box<[u32]>> = texts.iter().map(|t| numbering.content_words(t)).collect();
        let sets: Vec<&[u32]> = sets.iter().map(|s| &s[..]).collect();
        let c = local_cohesion(&sets, &[true; 4], 4);
        assert!(c[1].unwrap() > 0.2, "{c:?}");
        assert!(c[3].unwrap() < 0.1, "{c:?}");
    }

    #[test]
    fn content_words_are_numbered_once_in_any_case_and_script() {
        let mut numbering = Numbering::default();
        let a = numbering.content_words("The Library lends seeds; the library, SEEDS and all.");
        let b = numbering.content_words("ΣΟΦΙΑΣ σοφιας 図書館の種");
        // library, lends, seeds: "the", "and", "all" are too short.
        assert_eq!(a.len(), 3, "{a:?}");
        // σοφιας (the final sigma lower-cased as a final sigma), and four pairs of CJK characters.
        assert_eq!(b.len(), 5, "{b:?}");
        assert_eq!(numbering.content_words("seeds LENDS Library"), a);
        assert!(is_subset(&numbering.content_words("seeds"), &a));
        assert!(!is_subset(&a, &numbering.content_words("seeds")));
    }
}
