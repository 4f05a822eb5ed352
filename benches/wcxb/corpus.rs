//! The `wcxb-dev` corpus (`../shared/corpus/wcxb-dev`) and how an extractor is scored on it:
//! shared by `benches/wcxb.rs` (Clean Copy, out-of-fold) and `benches/peers` (the peers, same
//! pages), so that both print the same table.
//!
//! Every page comes in three forms: the saved page (`html/`), the clipboard after Ctrl+A,
//! Ctrl+C (`clipboard/<id>.html`, the paste event's `text/html`) and the page's text
//! (`text/`). Figures: shingle precision, recall and F1 (the measure of `../shared/DESIGN.md`),
//! bag-of-words F1 (lowercased `\w+` tokens, per page, averaged: the corpus's own metric B),
//! the title rate (equal to the truth's `title` after folding white space and case; `title*`
//! also folds typographic punctuation, see [`fold_typography`]), and the share of `with` snippets found and of `without` snippets absent (after folding white space
//! and case), for all pages and per page type.
//!
//! Folds for anything learned or tuned on these pages are grouped by domain: a page's fold is
//! a hash of its domain (FNV-1a, 64-bit) modulo the fold count, so that no site is in both the
//! part a model learns from and the part it is scored on. The training scripts in `tools/` use
//! the same rule.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The three forms a reader brings.
pub const FORMS: [&str; 3] = ["html", "clipboard", "text"];

/// The number of domain-grouped folds.
pub const FOLDS: u64 = 5;

/// One page's ground truth.
#[derive(Clone)]
pub struct Page {
    pub id: String,
    pub page_type: String,
    pub domain: String,
    pub fold: u64,
    pub main: String,
    pub title: Option<String>,
    pub with: Vec<String>,
    pub without: Vec<String>,
    pub url: Option<String>,
    /// Who wrote it, as the truth names them.
    pub author: Option<String>,
    /// When it was published, as an ISO day.
    pub publish_date: Option<String>,
}

/// What an extractor returned for one page.
#[derive(Default, Clone)]
pub struct Prediction {
    pub body: String,
    pub title: Option<String>,
}

pub fn dir(shared: &Path) -> PathBuf {
    shared.join("corpus/wcxb-dev")
}

/// FNV-1a over the domain's bytes, modulo [`FOLDS`].
pub fn fold_of(domain: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in domain.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % FOLDS
}

/// The host of an address without a leading `www.`: the domain its fold is taken from.
pub fn domain_of(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

fn gunzip(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut out).ok()?;
    Some(out)
}

/// The page `id` in `form`, as text (`None` where the form was not captured).
pub fn input(shared: &Path, form: &str, id: &str) -> Option<String> {
    let file = match form {
        "html" => format!("html/{id}.html.gz"),
        "clipboard" => format!("clipboard/{id}.html.gz"),
        "text" => format!("text/{id}.txt.gz"),
        _ => return None,
    };
    gunzip(&dir(shared).join(file)).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Every page with its truth, in id order.
pub fn pages(shared: &Path) -> Vec<Page> {
    let root = dir(shared);
    let meta: Value = serde_json::from_slice(&std::fs::read(root.join("metadata.json")).expect("wcxb-dev metadata.json")).expect("metadata JSON");
    let files = meta["files"].as_object().expect("metadata files");
    let mut out = Vec::new();
    for (id, m) in files {
        let Some(raw) = gunzip(&root.join(format!("ground-truth/{id}.json.gz"))) else { continue };
        let truth: Value = serde_json::from_slice(&raw).expect("ground truth JSON");
        let gt = &truth["ground_truth"];
        let strings = |v: &Value| v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default();
        let domain = m["domain"].as_str().unwrap_or("").to_string();
        out.push(Page {
            id: id.clone(),
            page_type: m["page_type"].as_str().unwrap_or("unknown").to_string(),
            fold: fold_of(&domain),
            domain,
            main: gt["main_content"].as_str().unwrap_or("").to_string(),
            title: gt["title"].as_str().map(str::to_string),
            with: strings(&gt["with"]),
            without: strings(&gt["without"]),
            url: truth["url"].as_str().map(str::to_string),
            author: gt["author"].as_str().filter(|a| !a.trim().is_empty()).map(str::to_string),
            publish_date: gt["publish_date"].as_str().filter(|d| !d.trim().is_empty()).map(str::to_string),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// As [`fold`], with typographic punctuation folded to its typewriter form: curly quotes and
/// apostrophes to straight ones, dashes to a hyphen, an ellipsis to three dots, full-width `?`
/// and `!` to their ASCII forms. The truth's titles are mostly typed with straight apostrophes
/// where the page's headline sets curly ones; this column tells those apart from wrong titles.
pub fn fold_typography(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{FF1F}' => out.push('?'),
            '\u{FF01}' => out.push('!'),
            _ => out.push(c),
        }
    }
    out.replace("--", "-")
}

/// White space folded to single spaces, lowercased.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn bow_f1(truth: &str, pred: &str) -> f64 {
    let bag = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for t in cleancopy::score::tokens(&s.to_lowercase()) {
            *m.entry(t.to_string()).or_default() += 1;
        }
        m
    };
    let (t, p) = (bag(truth), bag(pred));
    if t.is_empty() {
        return if p.is_empty() { 1.0 } else { 0.0 };
    }
    if p.is_empty() {
        return 0.0;
    }
    let overlap: usize = p.iter().map(|(k, &n)| n.min(t.get(k).copied().unwrap_or(0))).sum();
    if overlap == 0 {
        return 0.0;
    }
    let (prec, rec) = (overlap as f64 / p.values().sum::<usize>() as f64, overlap as f64 / t.values().sum::<usize>() as f64);
    2.0 * prec * rec / (prec + rec)
}

/// The figures of one set of pages.
pub struct Figures {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub bow: f64,
    /// Titles right, of pages whose truth has a title.
    pub titles: (usize, usize),
    /// Titles right once typographic punctuation is folded too (see [`fold_typography`]).
    pub titles_typography: (usize, usize),
    /// `with` snippets found, of all.
    pub with: (usize, usize),
    /// `without` snippets absent, of all.
    pub without: (usize, usize),
}

pub fn figures(pages: &[&Page], preds: &HashMap<String, Prediction>) -> Figures {
    let empty = Prediction::default();
    let got = |p: &Page| preds.get(&p.id).unwrap_or(&empty);
    let pairs: Vec<(&str, &str)> = pages.iter().map(|p| (p.main.as_str(), got(p).body.as_str())).collect();
    let s = cleancopy::score::score(&pairs);
    let bow = pairs.iter().map(|(t, p)| bow_f1(t, p)).sum::<f64>() / pairs.len().max(1) as f64;
    let (mut titles, mut titles_typography, mut with, mut without) = ((0, 0), (0, 0), (0, 0), (0, 0));
    for p in pages {
        let pred = got(p);
        if let Some(t) = p.title.as_deref().filter(|t| !t.trim().is_empty()) {
            titles.1 += 1;
            titles_typography.1 += 1;
            if pred.title.as_deref().map(fold) == Some(fold(t)) {
                titles.0 += 1;
            }
            if pred.title.as_deref().map(fold_typography) == Some(fold_typography(t)) {
                titles_typography.0 += 1;
            }
        }
        let body = fold(&pred.body);
        for w in &p.with {
            with.1 += 1;
            with.0 += usize::from(body.contains(&fold(w)));
        }
        for w in &p.without {
            without.1 += 1;
            without.0 += usize::from(!body.contains(&fold(w)));
        }
    }
    Figures { pages: pages.len(), precision: s.precision, recall: s.recall, f1: s.f1, bow, titles, titles_typography, with, without }
}

fn pct((a, b): (usize, usize)) -> String {
    if b == 0 {
        "—".into()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

/// Writes predictions as `{id: {"articleBody", "title"}}` JSON to `path` (its folder made).
pub fn write_predictions(path: &Path, preds: &HashMap<String, Prediction>) {
    let json: serde_json::Map<String, Value> =
        preds.iter().map(|(id, p)| (id.clone(), serde_json::json!({ "articleBody": p.body, "title": p.title }))).collect();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("output folder");
    std::fs::write(path, Value::Object(json).to_string()).expect("write predictions");
}

/// Prints one extractor's table for one form: all pages, then each page type.
pub fn report(name: &str, form: &str, pages: &[Page], preds: &HashMap<String, Prediction>) -> BTreeMap<String, Figures> {
    let mut types: Vec<&str> = pages.iter().map(|p| p.page_type.as_str()).collect();
    types.sort_unstable();
    types.dedup();
    println!("{name}, {form} ({} pages):", pages.len());
    println!("  {:<14} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7}", "type", "pages", "P", "R", "F1", "BoW F1", "title", "with", "without", "title*");
    let mut out = BTreeMap::new();
    for t in std::iter::once("all").chain(types) {
        let set: Vec<&Page> = pages.iter().filter(|p| t == "all" || p.page_type == t).collect();
        let f = figures(&set, preds);
        println!(
            "  {:<14} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7} {:>7} {:>8} {:>7}",
            t,
            f.pages,
            f.precision,
            f.recall,
            f.f1,
            f.bow,
            pct(f.titles),
            pct(f.with),
            pct(f.without),
            pct(f.titles_typography)
        );
        out.insert(t.to_string(), f);
    }
    out
}
