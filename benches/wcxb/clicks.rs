//! `clicks`: how many clicks a reader needs to mend a page's clean copy, given what the
//! extraction left out (`left_out`): each click brings back one left-out block where it stood
//! or takes out one kept block, chosen greedily against the truth.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The F1 a page is mended to.
pub const GOAL: f64 = 0.90;

/// The most clicks counted.
pub const CLICKS: usize = 3;

/// Of the blocks a click could toggle, how many of the best by the quick (per-block) count
/// are scored exactly, on the whole text.
const EXACT_TRIES: usize = 8;

fn shingle_counts(text: &str) -> HashMap<u64, usize> {
    let toks = cleancopy::score::tokens(text);
    let mut out = HashMap::new();
    let mut add = |w: &[&str]| {
        let mut h = DefaultHasher::new();
        w.hash(&mut h);
        *out.entry(h.finish()).or_default() += 1;
    };
    if toks.len() < 4 {
        if !toks.is_empty() {
            add(&toks);
        }
    } else {
        toks.windows(4).for_each(|w| add(w));
    }
    out
}

/// One page's shingle F1 (0 when nothing is right), as the other modes score it.
fn page_f1(truth: &str, predicted: &str) -> f64 {
    let (tp, fp, fn_) = cleancopy::score::page_counts(truth, predicted);
    if tp > 0.0 { 2.0 * tp / (2.0 * tp + fp + fn_) } else { 0.0 }
}

/// The page's F1 after 0, 1, 2 and 3 greedy clicks (each the click that raises F1 most; none
/// once no click raises it), from the clean copy's body `text` and its `left_out`. With
/// `runs`, a click may also bring back a whole run of left-out blocks that stood together
/// in one container of the page (between the same two kept blocks, of one `group`).
pub fn f1_by_clicks(truth: &str, text: &str, left_out: &[cleancopy::LeftOut], runs: bool) -> [f64; CLICKS + 1] {
    // The blocks in page order, each with whether it is in the copy.
    let kept: Vec<&str> = if text.is_empty() { Vec::new() } else { text.split("\n\n").collect() };
    let mut items: Vec<(&str, bool)> = Vec::with_capacity(kept.len() + left_out.len());
    // Each item's group: a left-out block's, none for a kept one.
    let mut groups: Vec<Option<usize>> = Vec::with_capacity(kept.len() + left_out.len());
    let mut rest = left_out.iter().peekable();
    while let Some(l) = rest.next_if(|l| l.after < 0) {
        items.push((&l.text, false));
        groups.push(Some(l.group));
    }
    for (i, k) in kept.iter().enumerate() {
        items.push((k, true));
        groups.push(None);
        while let Some(l) = rest.next_if(|l| l.after <= i as i64) {
            items.push((&l.text, false));
            groups.push(Some(l.group));
        }
    }
    for l in rest {
        items.push((&l.text, false));
        groups.push(Some(l.group));
    }

    // What a click toggles: each block, and with `runs` each run of two or more left-out
    // blocks of one group.
    let mut targets: Vec<Vec<usize>> = (0..items.len()).map(|i| vec![i]).collect();
    if runs {
        let mut i = 0;
        while i < items.len() {
            let start = i;
            while i < items.len() && groups[i].is_some() && groups[i] == groups[start] {
                i += 1;
            }
            if i - start >= 2 {
                targets.push((start..i).collect());
            }
            i = i.max(start + 1);
        }
    }
    let shingles: Vec<Vec<(u64, usize)>> = targets
        .iter()
        .map(|t| {
            let mut counts: HashMap<u64, usize> = HashMap::new();
            for &i in t {
                for (s, c) in shingle_counts(items[i].0) {
                    *counts.entry(s).or_default() += c;
                }
            }
            counts.into_iter().collect()
        })
        .collect();
    let truth_counts = shingle_counts(truth);
    let truth_total: usize = truth_counts.values().sum();
    let mut predicted: HashMap<u64, usize> = HashMap::new();
    for (i, (_, on)) in items.iter().enumerate() {
        if *on {
            for (s, c) in shingle_counts(items[i].0) {
                *predicted.entry(s).or_default() += c;
            }
        }
    }
    let body = |items: &[(&str, bool)]| items.iter().filter(|(_, on)| *on).map(|(t, _)| *t).collect::<Vec<_>>().join("\n\n");
    let mut f1 = [0.0; CLICKS + 1];
    f1[0] = page_f1(truth, &body(&items));
    for click in 1..=CLICKS {
        // The quick count: the change in true positives and in predicted shingles.
        let (tp, total): (usize, usize) = predicted.iter().fold((0, 0), |(tp, total), (s, &c)| (tp + c.min(truth_counts.get(s).copied().unwrap_or(0)), total + c));
        let mut quick: Vec<(f64, usize)> = targets
            .iter()
            .enumerate()
            // A run is brought back only whole, while all of it is out.
            .filter(|(_, t)| t.len() == 1 || t.iter().all(|&i| !items[i].1))
            .map(|(i, t)| {
                let on = &items[t[0]].1;
                let (mut dtp, mut dtotal) = (0i64, 0i64);
                for &(s, c) in &shingles[i] {
                    let p = predicted.get(&s).copied().unwrap_or(0);
                    let t = truth_counts.get(&s).copied().unwrap_or(0);
                    let after = if *on { p.saturating_sub(c) } else { p + c };
                    dtp += after.min(t) as i64 - p.min(t) as i64;
                    dtotal += if *on { -(c as i64) } else { c as i64 };
                }
                let (tp, total) = (tp as i64 + dtp, total as i64 + dtotal);
                let score = if tp > 0 { 2.0 * tp as f64 / (total + truth_total as i64) as f64 } else { 0.0 };
                (score, i)
            })
            .collect();
        quick.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut best = (f1[click - 1], None);
        for &(_, i) in quick.iter().take(EXACT_TRIES) {
            targets[i].iter().for_each(|&j| items[j].1 = !items[j].1);
            let score = page_f1(truth, &body(&items));
            targets[i].iter().for_each(|&j| items[j].1 = !items[j].1);
            if score > best.0 {
                best = (score, Some(i));
            }
        }
        f1[click] = best.0;
        if let Some(i) = best.1 {
            let on = !items[targets[i][0]].1;
            targets[i].iter().for_each(|&j| items[j].1 = on);
            for &(s, c) in &shingles[i] {
                let p = predicted.entry(s).or_default();
                *p = if on { *p + c } else { p.saturating_sub(c) };
            }
        }
    }
    f1
}

/// Prints one line of figures: the share of pages at F1 ≥ [`GOAL`] after 0 to 3 clicks, and
/// the median F1 after 3.
pub fn print(label: &str, rows: &[[f64; CLICKS + 1]]) {
    if rows.is_empty() {
        return;
    }
    let share = |k: usize| 100.0 * rows.iter().filter(|r| r[k] >= GOAL).count() as f64 / rows.len() as f64;
    let mut last: Vec<f64> = rows.iter().map(|r| r[CLICKS]).collect();
    last.sort_by(f64::total_cmp);
    let median = if last.len() % 2 == 1 { last[last.len() / 2] } else { (last[last.len() / 2 - 1] + last[last.len() / 2]) / 2.0 };
    println!(
        "  {label:<10} {:>5} pages   F1 ≥ {GOAL:.2}: {:5.1} % | {:5.1} % | {:5.1} % | {:5.1} %   median F1 after {CLICKS}: {median:.3}",
        rows.len(),
        share(0),
        share(1),
        share(2),
        share(3)
    );
}
