//! Extraction quality against the corpora in `../shared/corpus` (a benchmark: it prints
//! figures and asserts nothing).
//!
//!     cargo bench --bench quality -- [text|html|all] [--out DIR] [--worst N]
//!
//! `text`: the AEB pages copied as plain text (`aeb/text/<id>.txt`), body scored against
//! `aeb/ground-truth.json`; titles of the readability pages' `page.txt`.
//! `html`: the AEB pages as HTML (`aeb/html/<id>.html`); title, byline, lang, dir and site
//! name of the readability pages' `source.html` against `expected-metadata.json`.
//! `curve [--out DIR]`: time and peak memory, 10 KB to 50 MB of text and of HTML, each size in
//! a process of its own; writes `DIR/scaling.csv` (default `docs/`) for `tools/chart.mjs`.
//! `scale`: time for 1, 10 and 100 MB of plain text (extraction alone), then for 10,000 and
//! 100,000 nested `<div>`s. (`curve` measures end to end, text and HTML, with memory.)
//! `--features FILE` writes every line's features (readability `page.txt`, AEB text, wcxb-dev
//! text) as JSON lines for `tools/train_line_model.py`.
//! `--explain FILE` prints how the text extractor values each line of FILE instead.
//! `--out DIR` writes the predictions as `DIR/<mode>.json` ({id: {"articleBody": …}}) for
//! checking with `../shared/tools/score.py`.
//!
//! AEB is scored on the `article_body` field (the body without figure captions, which is what
//! the corpus's ground truth holds); the `text` field, captions included, is printed beside it.

#[path = "wcxb/corpus.rs"]
mod wcxb;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use cleancopy::score::{page_counts, score};
use serde_json::{json, Value};

fn shared() -> PathBuf {
    std::env::var_os("CLEANCOPY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn clean(input: &str) -> cleancopy::CleanCopy {
    match cleancopy::clean(input, None) {
        Ok(c) => c,
        Err(_) => cleancopy::CleanCopy::new(&cleancopy::Article::default(), cleancopy::InputKind::Text),
    }
}

fn aeb(kind: &str, out: Option<&Path>, worst: usize) {
    let dir = shared().join("corpus/aeb");
    let truth: BTreeMap<String, Value> = serde_json::from_str(&read(&dir.join("ground-truth.json"))).expect("ground truth");
    let ext = if kind == "text" { "txt" } else { "html" };
    let started = Instant::now();
    let mut pairs = Vec::new();
    let mut preds = serde_json::Map::new();
    let mut with_captions = Vec::new();
    for (id, t) in &truth {
        let input = read(&dir.join(kind).join(format!("{id}.{ext}")));
        let copy = clean(&input);
        preds.insert(id.clone(), json!({ "articleBody": copy.article_body }));
        with_captions.push((t["articleBody"].as_str().unwrap_or("").to_string(), copy.text));
        pairs.push((id.clone(), t["articleBody"].as_str().unwrap_or("").to_string(), copy.article_body));
    }
    let elapsed = started.elapsed();
    let s = score(&pairs.iter().map(|(_, t, p)| (t.as_str(), p.as_str())).collect::<Vec<_>>());
    println!(
        "AEB {kind}: {} pages  precision {:.3}  recall {:.3}  F1 {:.3}  ({:.2} s)  [article_body]",
        pairs.len(),
        s.precision,
        s.recall,
        s.f1,
        elapsed.as_secs_f64()
    );
    let c = score(&with_captions);
    println!("  with figure captions (the `text` field): precision {:.3}  recall {:.3}  F1 {:.3}", c.precision, c.recall, c.f1);
    if worst > 0 {
        let mut per_page: Vec<(f64, f64, &str)> = pairs
            .iter()
            .map(|(id, t, p)| {
                let (tp, fp, fn_) = page_counts(t, p);
                let prec = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
                let rec = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
                (prec, rec, id.as_str())
            })
            .collect();
        per_page.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
        for (p, r, id) in per_page.iter().take(worst) {
            println!("  worst: P {p:.2} R {r:.2}  {id}");
        }
    }
    if let Some(out) = out {
        std::fs::create_dir_all(out).expect("output folder");
        let path = out.join(format!("aeb-{kind}.json"));
        std::fs::write(&path, serde_json::to_string(&Value::Object(preds)).unwrap()).expect("write predictions");
        println!("  predictions in {}", path.display());
    }
}

fn readability(kind: &str) {
    let dir = shared().join("corpus/readability");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir).expect("readability corpus").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    let file = if kind == "text" { "page.txt" } else { "source.html" };
    let fields: &[(&str, &str)] = if kind == "text" {
        &[("title", "title")]
    } else {
        &[("title", "title"), ("byline", "byline"), ("lang", "lang"), ("dir", "dir"), ("siteName", "site_name"), ("excerpt", "excerpt")]
    };
    let mut hits = vec![0usize; fields.len()];
    let mut counted = vec![0usize; fields.len()];
    // Titles the input itself holds as a line: the most a text extractor can find.
    let (mut attainable, mut attained) = (0usize, 0usize);
    for case in &cases {
        let Ok(expected) = std::fs::read_to_string(case.join("expected-metadata.json")) else { continue };
        let expected: Value = serde_json::from_str(&expected).expect("metadata");
        let input = read(&case.join(file));
        let copy = serde_json::to_value(clean(&input)).unwrap();
        let want_title = expected["title"].as_str().map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
        if !want_title.is_empty() && input.lines().any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == want_title) {
            attainable += 1;
            if copy["title"].as_str().map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")) == Some(want_title) {
                attained += 1;
            }
        }
        for (i, (want_key, got_key)) in fields.iter().enumerate() {
            let want = expected[want_key].as_str().map(str::trim).filter(|s| !s.is_empty());
            let got = copy[got_key].as_str().map(str::trim).filter(|s| !s.is_empty());
            // Title and site name are scored on every case; the rest where expected gives them.
            if want.is_none() && !matches!(*want_key, "title" | "siteName") {
                continue;
            }
            counted[i] += 1;
            if want == got {
                hits[i] += 1;
            }
        }
    }
    let figures: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, (k, _))| format!("{k} {:.1}% ({}/{})", 100.0 * hits[i] as f64 / counted[i].max(1) as f64, hits[i], counted[i]))
        .collect();
    println!("readability {file}: {} cases  {}", cases.len(), figures.join("  "));
    println!("  title where the input holds it as a line: {attained}/{attainable}");
}

/// Time for plain text of 1, 10 and 100 MB (AEB text pages end to end, repeated): extraction
/// should grow linearly with the input.
fn scale() {
    let dir = shared().join("corpus/aeb/text");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir).expect("AEB text").flatten().map(|e| e.path()).collect();
    pages.sort();
    let corpus: String = pages.iter().map(|p| read(p)).collect::<Vec<_>>().join("\n\n");
    for mb in [1usize, 10, 100] {
        let size = mb * 1_000_000;
        let mut input = String::with_capacity(size + corpus.len());
        while input.len() < size {
            input.push_str(&corpus);
            input.push_str("\n\n");
        }
        input.truncate(cleancopy_floor(&input, size));
        let started = Instant::now();
        let article = cleancopy::text::extract(&input);
        let secs = started.elapsed().as_secs_f64();
        println!("text {mb:>3} MB: {secs:.2} s  ({:.3} s per MB, {} blocks)", secs / mb as f64, article.blocks.len());
    }
    for depth in [10_000usize, 100_000] {
        let html = format!("<html><body>{}<p>Deep inside, a paragraph of the story, with a comma.</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let started = Instant::now();
        let copy = clean(&html);
        println!("{depth} nested <div>s: {:.2} s, {} words", started.elapsed().as_secs_f64(), copy.word_count);
    }
}

/// Input of about `bytes` bytes of AEB paragraphs, as plain text or as one HTML article.
fn scaled_input(kind: &str, bytes: usize) -> String {
    let dir = shared().join("corpus/aeb/text");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir).expect("AEB text").flatten().map(|e| e.path()).collect();
    pages.sort();
    let corpus: String = pages.iter().map(|p| read(p)).collect::<Vec<_>>().join("\n\n");
    let paragraphs: Vec<&str> = corpus.split("\n\n").filter(|p| p.len() > 80).collect();
    let mut out = String::with_capacity(bytes + 4096);
    if kind == "html" {
        out.push_str("<!doctype html><html><head><title>Scale</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Scale</h1>");
    }
    let mut i = 0;
    while out.len() < bytes {
        let p = paragraphs[i % paragraphs.len()];
        // A number keeps repeated paragraphs distinct, as a real long page's are.
        if kind == "html" {
            out.push_str(&format!("<p>{} ({i})</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")));
        } else {
            out.push_str(&format!("{p} ({i})\n\n"));
        }
        i += 1;
    }
    if kind == "html" {
        out.push_str("</article><footer>About</footer></body></html>");
    }
    out
}

/// One measurement in a process of its own, so that its peak memory is its own:
/// prints `kind bytes seconds peak_mb`.
/// With `paste`, what a paste in the app makes (the article and its reader HTML; the page
/// renders the other outputs only to save or copy); else every output, as `--format json` does.
fn scale_one(kind: &str, bytes: usize, paste: bool) {
    let input = scaled_input(kind, bytes);
    let len = input.len();
    let before = peak_mb();
    let started = Instant::now();
    if paste {
        // Handed over, as the app hands the pasted text to the core.
        let html = cleancopy::extract(input, None).map(|(article, _)| cleancopy::render::html(&article)).unwrap_or_default();
        std::hint::black_box(html);
    } else {
        std::hint::black_box(cleancopy::clean(input, None).unwrap_or_else(|e| panic!("{e}")));
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{kind} {len} {secs:.4} {} {before}", peak_mb());
}

/// Time and peak memory against size, 10 KB to 50 MB, text and HTML, each in its own process;
/// writes `DIR/scaling.csv`, which `node tools/chart.mjs` draws as `docs/scaling.svg`.
fn curve(dir: &Path) {
    let exe = std::env::current_exe().expect("own path");
    let mut csv = String::from("kind,bytes,seconds,peak_mb,peak_mb_before\n");
    for kind in ["text", "html"] {
        for bytes in [10_000usize, 100_000, 1_000_000, 10_000_000, 50_000_000] {
            let out = std::process::Command::new(&exe).args(["--scale-one", kind, "--bytes", &bytes.to_string()]).output().expect("run");
            let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
            println!("{line}");
            csv.push_str(&line.replace(' ', ","));
            csv.push('\n');
        }
    }
    std::fs::create_dir_all(dir).expect("output folder");
    std::fs::write(dir.join("scaling.csv"), csv).expect("write scaling.csv");
}

/// The process's peak resident memory in MB (Linux), or 0 where unknown.
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok()))
        .map_or(0, |kb| kb / 1024)
}

fn cleancopy_floor(s: &str, at: usize) -> usize {
    (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let mode = args.iter().find(|a| matches!(a.as_str(), "text" | "html" | "all" | "scale")).map(String::as_str).unwrap_or("all");
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let out = value("--out").map(PathBuf::from);
    let worst = value("--worst").and_then(|n| n.parse().ok()).unwrap_or(0);
    if mode == "scale" {
        scale();
        return;
    }
    if let (Some(kind), Some(bytes)) = (value("--scale-one"), value("--bytes")) {
        scale_one(&kind, bytes.parse().expect("--bytes N"), args.iter().any(|a| a == "--paste"));
        return;
    }
    if args.iter().any(|a| a == "curve") {
        curve(out.as_deref().unwrap_or(Path::new("docs")));
        return;
    }
    if let Some(path) = value("--features") {
        // One JSON object per line of every readability page.txt, AEB and wcxb-dev text page.
        let mut out = String::new();
        let row = |out: &mut String, corpus: &str, id: &str, input: &str| {
            for (text, words, f) in cleancopy::text::feature_rows(input) {
                out.push_str(&json!({"corpus": corpus, "id": id, "text": text, "words": words, "f": f}).to_string());
                out.push('\n');
            }
        };
        for (corpus, dir, file) in [("readability", "corpus/readability", "page.txt"), ("aeb", "corpus/aeb/text", "")] {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(shared().join(dir)).expect("corpus").flatten().map(|e| e.path()).collect();
            entries.sort();
            for entry in entries {
                let (page, id) = if file.is_empty() {
                    (entry.clone(), entry.file_stem().unwrap().to_string_lossy().into_owned())
                } else {
                    (entry.join(file), entry.file_name().unwrap().to_string_lossy().into_owned())
                };
                let Ok(bytes) = std::fs::read(&page) else { continue };
                row(&mut out, corpus, &id, &String::from_utf8_lossy(&bytes));
            }
        }
        for page in wcxb::pages(&shared()) {
            if let Some(input) = wcxb::input(&shared(), "text", &page.id) {
                row(&mut out, "wcxb", &page.id, &input);
            }
        }
        std::fs::write(&path, out).expect("write features");
        return;
    }
    if let Some(path) = value("--explain") {
        for line in cleancopy::text::explain(&read(Path::new(&path))) {
            println!("{line}");
        }
        return;
    }
    for kind in ["text", "html"] {
        if mode == kind || mode == "all" {
            aeb(kind, out.as_deref(), worst);
            readability(kind);
        }
    }
}
