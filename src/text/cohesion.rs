//! Lexical cohesion: how much of a line's vocabulary its neighbours share. A story's
//! paragraphs keep returning to the same names and subjects; a list of teasers for other
//! stories, or boilerplate, does not. Works in any script: words of four letters or more,
//! and pairs of characters in scripts written without spaces.

use std::collections::{HashMap, HashSet};

use crate::words::is_cjk;

/// The content words of a line: lower-cased words of four or more letters, plus bigrams of
/// CJK characters.
pub fn content_words(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for word in crate::words::words(text) {
        let chars: Vec<char> = word.chars().collect();
        if chars.iter().any(|&c| is_cjk(c)) {
            for pair in chars.windows(2).filter(|p| is_cjk(p[0]) && is_cjk(p[1])) {
                out.insert(pair.iter().collect());
            }
        } else if chars.len() >= 4 && chars.iter().any(|c| c.is_alphabetic()) {
            out.insert(word.to_lowercase());
        }
    }
    out
}

/// For each line marked in `candidates`, the share of its content words found in the other
/// candidates within `window` candidates on either side (words common to most candidates
/// excluded); `None` for other lines and for lines with too few content words to tell.
pub fn local_cohesion(texts: &[&str], candidates: &[bool], window: usize) -> Vec<Option<f64>> {
    let idx: Vec<usize> = (0..texts.len()).filter(|&i| candidates[i]).collect();
    let sets: Vec<HashSet<String>> = idx.iter().map(|&i| content_words(texts[i])).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for set in &sets {
        for w in set {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let common = |w: &str| sets.len() >= 5 && df.get(w).copied().unwrap_or(0) * 10 > sets.len() * 4;
    let mut out = vec![None; texts.len()];
    for (k, &i) in idx.iter().enumerate() {
        let own: Vec<&String> = sets[k].iter().filter(|w| !common(w)).collect();
        if own.len() < 3 {
            continue;
        }
        let lo = k.saturating_sub(window);
        let hi = (k + window + 1).min(sets.len());
        let shared = own.iter().filter(|w| (lo..hi).any(|j| j != k && sets[j].contains(w.as_str()))).count();
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
        let c = local_cohesion(&texts, &[true; 4], 4);
        assert!(c[1].unwrap() > 0.2, "{c:?}");
        assert!(c[3].unwrap() < 0.1, "{c:?}");
    }
}
