//! Clean Copy against dom_smoothie and rs-trafilatura on `../shared/corpus/aeb/html`:
//! body-text F1 with the project's scorer (the measure in DESIGN.md) and pages per second,
//! each extractor run over every page in turn, in one process on one core.
//!
//!     cargo run --release --manifest-path benches/peers/Cargo.toml [-- --rounds N] [--pages] [--out DIR]
//!
//! `--out DIR` writes each extractor's predictions as `DIR/aeb-html-<name>.json`.
//! `--pages` also lists the pages where Clean Copy trails the better peer most.
//!
//! Speed is measured in rounds; each round runs the three extractors on the whole corpus,
//! in an order that rotates between rounds, so that a noisy neighbour hurts all of them alike.
//! The figure printed is the median over rounds of pages per second, with the ratio to
//! dom_smoothie taken within each round.
//!
//! `--wcxb [html] [clipboard] [text]` runs every extractor on `../shared/corpus/wcxb-dev`
//! instead and prints the table of `cargo bench --bench wcxb` for each (the copied-text form
//! has the text returned unchanged as its peer); with `--out DIR` it writes each extractor's
//! predictions as `DIR/wcxb-<form>-<name>.json`, in the shape `cargo bench --bench wcxb` writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use cleancopy::score::score;
use serde_json::Value;

#[path = "../../wcxb/corpus.rs"]
mod corpus;

type Extractor = fn(&str) -> String;

fn clean_copy(html: &str) -> String {
    // The body without figure captions, as the AEB truth has it (see benches/quality.rs).
    cleancopy::clean(html, None).map(|c| c.article_body).unwrap_or_default()
}

fn dom_smoothie(html: &str) -> String {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    match dom_smoothie::Readability::new(html, None, Some(cfg)) {
        Ok(mut r) => r.parse().map(|a| a.text_content.to_string()).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

fn trafilatura(html: &str) -> String {
    rs_trafilatura::extract(html).map(|r| r.content_text).unwrap_or_default()
}

const EXTRACTORS: [(&str, Extractor); 3] =
    [("Clean Copy", clean_copy), ("dom_smoothie", dom_smoothie), ("rs-trafilatura", trafilatura)];

fn shared() -> PathBuf {
    std::env::var_os("CLEANCOPY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn precision_recall(truth: &str, predicted: &str) -> (f64, f64) {
    let (tp, fp, fn_) = cleancopy::score::page_counts(truth, predicted);
    let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
    (ratio(tp, fp), ratio(tp, fn_))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Every extractor on the wcxb-dev pages, in the saved-page and clipboard forms, with the same
/// table as `cargo bench --bench wcxb`; for the copied text, the text returned unchanged.
fn wcxb(forms: &[&str], out: Option<&Path>) {
    let shared = shared();
    let pages = corpus::pages(&shared);
    for form in forms {
        let inputs: Vec<(&corpus::Page, String)> = pages.iter().filter_map(|p| corpus::input(&shared, form, &p.id).map(|i| (p, i))).collect();
        let scored: Vec<corpus::Page> = inputs.iter().map(|(p, _)| (*p).clone()).collect();
        let named: Vec<(&str, Box<dyn Fn(&str) -> corpus::Prediction>)> = if *form == "text" {
            vec![("the text unchanged", Box::new(|t: &str| corpus::Prediction { body: t.to_string(), title: t.lines().find(|l| !l.trim().is_empty()).map(str::to_string) }))]
        } else {
            vec![
                ("Clean Copy", Box::new(|h: &str| cleancopy::clean(h, None).map(|c| corpus::Prediction { body: c.text, title: c.title }).unwrap_or_default())),
                ("dom_smoothie", Box::new(|h: &str| {
                    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
                    dom_smoothie::Readability::new(h, None, Some(cfg))
                        .ok()
                        .and_then(|mut r| r.parse().ok())
                        .map(|a| corpus::Prediction { body: a.text_content.to_string(), title: Some(a.title.to_string()) })
                        .unwrap_or_default()
                })),
                ("rs-trafilatura", Box::new(|h: &str| {
                    rs_trafilatura::extract(h).map(|r| corpus::Prediction { body: r.content_text, title: r.metadata.title }).unwrap_or_default()
                })),
            ]
        };
        for (name, extract) in &named {
            let started = Instant::now();
            let preds: std::collections::HashMap<String, corpus::Prediction> = inputs.iter().map(|(p, i)| (p.id.clone(), extract(i))).collect();
            corpus::report(name, form, &scored, &preds);
            println!("  ({:.1} s)", started.elapsed().as_secs_f64());
            if let Some(out) = out {
                corpus::write_predictions(&out.join(format!("wcxb-{form}-{}.json", name.to_lowercase().replace(' ', "-"))), &preds);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out: Option<PathBuf> = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    if args.iter().any(|a| a == "--wcxb") {
        let forms: Vec<&str> = corpus::FORMS.iter().copied().filter(|f| args.iter().any(|a| a == f)).collect();
        wcxb(if forms.is_empty() { &corpus::FORMS } else { &forms }, out.as_deref());
        return;
    }
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let dir = shared().join("corpus/aeb");
    let truth: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground truth"))
            .expect("ground truth JSON");
    let ids: Vec<&String> = truth.keys().collect();
    let pages: Vec<(String, String)> = truth
        .iter()
        .map(|(id, t)| {
            let bytes = std::fs::read(dir.join("html").join(format!("{id}.html"))).expect("AEB page");
            (t["articleBody"].as_str().unwrap_or("").to_string(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    let show_pages = args.iter().any(|a| a == "--pages");
    let megabytes = pages.iter().map(|(_, h)| h.len()).sum::<usize>() as f64 / 1e6;
    println!("AEB html: {} pages, {megabytes:.1} MB", pages.len());

    println!("\nquality (shingle F1, DESIGN.md):");
    let mut per_page: Vec<Vec<(f64, f64)>> = Vec::new();
    for (name, extract) in EXTRACTORS {
        let pairs: Vec<(&str, String)> = pages.iter().map(|(t, h)| (t.as_str(), extract(h))).collect();
        let s = score(&pairs);
        println!("  {name:<15} precision {:.3}  recall {:.3}  F1 {:.3}", s.precision, s.recall, s.f1);
        per_page.push(pairs.iter().map(|(t, p)| precision_recall(t, p)).collect());
        if let Some(out) = &out {
            let preds: serde_json::Map<String, Value> =
                ids.iter().zip(&pairs).map(|(id, (_, p))| (id.to_string(), serde_json::json!({ "articleBody": p }))).collect();
            std::fs::create_dir_all(out).expect("output folder");
            let file = out.join(format!("aeb-html-{}.json", name.to_lowercase().replace(' ', "-")));
            std::fs::write(&file, Value::Object(preds).to_string()).expect("write predictions");
        }
    }
    if show_pages {
        println!("\nper page (precision/recall), worst for Clean Copy against the best peer first:");
        let f = |(p, r): (f64, f64)| if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let mut order: Vec<usize> = (0..pages.len()).collect();
        let gap = |i: usize| f(per_page[0][i]) - f(per_page[1][i]).max(f(per_page[2][i]));
        order.sort_by(|&a, &b| gap(a).total_cmp(&gap(b)));
        for i in order.into_iter().take(40) {
            let cells: Vec<String> = per_page.iter().map(|v| format!("{:.2}/{:.2}", v[i].0, v[i].1)).collect();
            println!("  {:<12} {}", ids[i], cells.join("   "));
        }
    }

    if rounds == 0 {
        return;
    }
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); EXTRACTORS.len()];
    for round in 0..rounds {
        let mut secs = vec![0.0; EXTRACTORS.len()];
        for k in 0..EXTRACTORS.len() {
            let i = (k + round) % EXTRACTORS.len();
            let started = Instant::now();
            for (_, html) in &pages {
                std::hint::black_box(EXTRACTORS[i].1(html));
            }
            secs[i] = started.elapsed().as_secs_f64();
        }
        for i in 0..EXTRACTORS.len() {
            rates[i].push(pages.len() as f64 / secs[i]);
        }
    }
    println!("\nspeed (median of {rounds} rounds, one core):");
    let base: Vec<f64> = rates[1].clone();
    for (i, (name, _)) in EXTRACTORS.iter().enumerate() {
        let ratio = median(rates[i].iter().zip(&base).map(|(r, b)| r / b).collect());
        println!("  {name:<15} {:7.1} pages/s  {:5.2} × dom_smoothie", median(rates[i].clone()), ratio);
    }
}
