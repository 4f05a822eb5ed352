//! The extraction measure used across this field (and in `../shared/DESIGN.md`): body texts
//! as case-sensitive `\w+` tokens, 4-token shingles counted as multisets, per-page true and
//! false positives normalised to sum to one, precision and recall averaged over pages, F1 the
//! harmonic mean of the two averages. The quality benchmarks report it.

use std::collections::HashMap;

/// The tokens of `text`: runs of letters, digits and underscores (Python's `\w+`).
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect()
}

/// 4-token shingles as a multiset; a text of fewer than four tokens is one shorter shingle.
fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        out.insert(toks.to_vec(), 1);
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w.to_vec()).or_default() += 1;
    }
    out
}

/// One page's true positives, false positives and false negatives, normalised to sum to 1
/// (all zero when both texts are empty).
pub fn page_counts(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(&tokens(truth)), shingles(&tokens(predicted)));
    let mut tp = 0usize;
    let mut fp = 0usize;
    for (s, &np) in &p {
        let nt = t.get(s).copied().unwrap_or(0);
        tp += np.min(nt);
        fp += np.saturating_sub(nt);
    }
    let fn_: usize = t.iter().map(|(s, &nt)| nt.saturating_sub(p.get(s).copied().unwrap_or(0))).sum();
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
}

/// Precision, recall and F1 over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Mean precision over the pages with any prediction.
    pub precision: f64,
    /// Mean recall over the pages with any truth.
    pub recall: f64,
    /// The harmonic mean of the two means.
    pub f1: f64,
}

fn ratio(tp: f64, other: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && other == 0.0 {
        0.0
    } else {
        tp / (tp + other)
    }
}

/// Scores `(truth, predicted)` pairs.
///
/// ```
/// use cleancopy::score::score;
/// let s = score(&[("one two three four five", "one two three four five")]);
/// assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
/// ```
pub fn score<T: AsRef<str>, P: AsRef<str>>(pairs: &[(T, P)]) -> Score {
    let counts: Vec<(f64, f64, f64)> = pairs.iter().map(|(t, p)| page_counts(t.as_ref(), p.as_ref())).collect();
    let ps: Vec<f64> = counts.iter().filter(|c| c.0 + c.1 > 0.0).map(|&(tp, fp, fn_)| ratio(tp, fp, fp, fn_)).collect();
    let rs: Vec<f64> = counts.iter().filter(|c| c.0 + c.2 > 0.0).map(|&(tp, fp, fn_)| ratio(tp, fn_, fp, fn_)).collect();
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Score { precision, recall, f1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_are_word_runs_with_case_kept() {
        assert_eq!(tokens("Hello, wörld_1 — it's 2024!"), vec!["Hello", "wörld_1", "it", "s", "2024"]);
    }

    #[test]
    fn half_the_shingles_right_by_hand() {
        // truth: a b c d e → shingles abcd, bcde. predicted: a b c d x → abcd, bcdx.
        // tp 1, fp 1, fn 1 → each 1/3; precision = recall = 1/2.
        let (tp, fp, fn_) = page_counts("a b c d e", "a b c d x");
        assert!(close(tp, 1.0 / 3.0) && close(fp, 1.0 / 3.0) && close(fn_, 1.0 / 3.0));
        let s = score(&[("a b c d e", "a b c d x")]);
        assert!(close(s.precision, 0.5) && close(s.recall, 0.5) && close(s.f1, 0.5));
    }

    #[test]
    fn extra_text_costs_precision_not_recall() {
        // truth 1 shingle (abcd); predicted abcd + 3 more → tp 1, fp 3: precision 1/4, recall 1.
        let s = score(&[("a b c d", "a b c d e f g")]);
        assert!(close(s.precision, 0.25) && close(s.recall, 1.0));
        assert!(close(s.f1, 0.4));
    }

    #[test]
    fn short_texts_are_one_shorter_shingle_and_multisets_count() {
        assert_eq!(page_counts("a b", "a b"), (1.0, 0.0, 0.0));
        // "x x x x x" has shingle xxxx twice; predicting it once gives tp 1, fn 1.
        assert_eq!(page_counts("x x x x x", "x x x x"), (0.5, 0.0, 0.5));
    }

    #[test]
    fn empty_predictions_count_for_recall_only() {
        // Page 1 perfect, page 2 predicted nothing: precision averages page 1 only (1.0),
        // recall averages both (0.5).
        let s = score(&[("a b c d", "a b c d"), ("e f g h", "")]);
        assert!(close(s.precision, 1.0) && close(s.recall, 0.5));
        assert!(close(s.f1, 2.0 / 3.0));
    }
}
