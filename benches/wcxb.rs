//! Extraction on `../shared/corpus/wcxb-dev` in the three forms a reader brings (a benchmark:
//! it prints figures and asserts nothing).
//!
//!     cargo bench --bench wcxb -- [html|clipboard|text|all] [--field text|article_body] [--out DIR] [--worst N] [--oof FILE]
//!     cargo bench --bench wcxb -- --extent-rows FILE [--aeb-only]
//!     cargo bench --bench wcxb -- --choice-rows FILE --oof-text FOLDS.json
//!     cargo bench --bench wcxb -- --candidates ID [html|clipboard] [--oof FILE]
//!     cargo bench --bench wcxb -- address [--list] [--clipboard-dir DIR]
//!     cargo bench --bench wcxb -- clicks [html|clipboard|text|all] [--list]
//!
//! Prints, for all pages and per page type: shingle precision, recall and F1, bag-of-words F1,
//! the title rate and the `with`/`without` snippet accuracy (see `wcxb/corpus.rs`). The body
//! scored is the `text` field (headings, captions and all, as the corpus's `main_content` has
//! them) unless `--field article_body`. The peers run on the same pages from `benches/peers`
//! (`-- --wcxb`).
//!
//! The extent model (`src/html/extent_model.rs`) is trained on these pages; its figures here
//! are out-of-fold when `--oof FILE` names the fold models that `tools/train_extent_model.py`
//! writes: each page is then extracted with the model that did not see its domain.
//! Likewise `--oof-text FILE` for the text form and the line model (`src/text/model.rs`): FILE
//! is the fold weights that `tools/train_line_model.py --folds FILE` writes, with the page
//! model's fold weights when `tools/train_page_choice.py` has added them.
//! `--choice-rows FILE` writes, for every copied text of wcxb-dev (read by its fold's line
//! model) and of AEB (by the shipped one), its page features and how the body scores when it
//! is the story's span and when it is every kept line (true positives, false positives and
//! false negatives, as `score::page_counts` counts them), for `tools/train_page_choice.py`.
//! `--candidates ID` prints every candidate extent of one page (saved page unless `clipboard`
//! is given): what the extent model predicts for it (the fold's model with `--oof`), its
//! features' character count, the words it reads once extracted, its shingle F1 and its first
//! lines; then which one the extraction takes. For finding out why a page reads badly.
//! `address` measures the source address found (`source_url`) against the truth's `url`, in
//! each form, for wcxb-dev's articles and all its pages and for AEB (see `address_figures`);
//! `--list` prints each wrong address and each miss whose input names the truth's address;
//! `--clipboard-dir DIR` reads wcxb-dev's clipboard form from DIR (`<id>.html`) instead,
//! such as the captures `tools/page-clipboard-at.mjs` makes with each page shown at its own
//! address.
//! `clicks` counts, per page and form, the fewest clicks that mend the clean copy to F1 ≥ 0.90
//! when each click brings back one block of `left_out` where it stood or takes out one kept
//! block, chosen greedily against the truth (see `wcxb/clicks.rs`); it prints, for articles and
//! all pages, the share at F1 ≥ 0.90 after 0, 1, 2 and 3 clicks and the median F1 after 3.

#[path = "wcxb/clicks.rs"]
mod clicks;
#[path = "wcxb/corpus.rs"]
mod corpus;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use corpus::{Page, Prediction};

fn shared() -> PathBuf {
    std::env::var_os("CLEANCOPY_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn extract(input: &str, field: &str, models: cleancopy::Models) -> Prediction {
    match cleancopy::clean_with(input, None, models) {
        Ok(c) => Prediction { body: if field == "article_body" { c.article_body } else { c.text }, title: c.title },
        Err(_) => Prediction::default(),
    }
}

/// Runs `f` over `items` on two threads, keeping the order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(chunk).map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("worker")).collect()
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let forms: Vec<&str> = match args.iter().find(|a| corpus::FORMS.contains(&a.as_str()) || *a == "all").map(String::as_str) {
        Some("all") | None => corpus::FORMS.to_vec(),
        Some(f) => vec![f],
    };
    let field = value("--field").unwrap_or_else(|| "text".into());
    let out = value("--out").map(PathBuf::from);
    let worst: usize = value("--worst").and_then(|n| n.parse().ok()).unwrap_or(0);
    let shared = shared();
    let pages = corpus::pages(&shared);
    if args.iter().any(|a| a == "address") {
        address_figures(&shared, &pages, args.iter().any(|a| a == "--list"), value("--clipboard-dir").map(PathBuf::from));
        return;
    }
    if args.iter().any(|a| a == "clicks") {
        click_figures(&shared, &pages, &forms, args.iter().any(|a| a == "--list"));
        return;
    }
    if args.iter().any(|a| a == "meta") {
        meta_figures(&shared, &pages);
        return;
    }
    if let Some(path) = value("--extent-rows") {
        extent_rows(&shared, &pages, Path::new(&path), args.iter().any(|a| a == "--aeb-only"));
        return;
    }
    // Out-of-fold: the extent model of the fold that did not see the page's domain.
    let folds: Option<Vec<cleancopy::html::ExtentModel>> = value("--oof").map(|path| {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("fold models")).expect("fold models JSON");
        v["folds"].as_array().expect("folds").iter().map(|m| serde_json::from_value(m.clone()).expect("a fold model")).collect()
    });
    // One line model per fold, each trained without the domains of that fold.
    let text_folds: Option<Vec<cleancopy::text::LineModel>> = value("--oof-text").map(|path| {
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("--oof-text FILE")).expect("fold weights JSON");
        let floats = |v: &serde_json::Value| v.as_array().expect("weights").iter().map(|x| x.as_f64().expect("weight")).collect::<Vec<f64>>();
        let folds: Vec<_> = json["folds"]
            .as_array()
            .expect("folds")
            .iter()
            .map(|f| {
                let mut model = cleancopy::text::LineModel::new(floats(&f["first"]), floats(&f["second"]), floats(&f["title"]), f["threshold"].as_f64().expect("threshold")).expect("weights of the right length");
                if let Some(forest) = f.get("title_forest") {
                    model = model.with_title_forest(serde_json::from_value(forest.clone()).expect("a title forest"));
                }
                match f.get("page") {
                    Some(page) => model.with_page(floats(page)).expect("page weights of the right length"),
                    None => model,
                }
            })
            .collect();
        assert_eq!(folds.len() as u64, corpus::FOLDS, "one model per fold");
        folds
    });
    if let Some(id) = value("--candidates") {
        let form = if args.iter().any(|a| a == "clipboard") { "clipboard" } else { "html" };
        let page = pages.iter().find(|p| p.id == id).expect("a wcxb-dev page id");
        let input = corpus::input(&shared, form, &page.id).expect("the page in this form");
        let model = folds.as_ref().map_or_else(cleancopy::html::ExtentModel::shipped, |f| f[page.fold as usize].clone());
        candidates(&input, &page.main, &model);
        return;
    }
    if let Some(path) = value("--choice-rows") {
        choice_rows(&shared, &pages, text_folds.as_deref().expect("--choice-rows needs --oof-text"), Path::new(&path));
        return;
    }
    for form in forms {
        let started = Instant::now();
        let inputs: Vec<(&Page, String)> = pages.iter().filter_map(|p| corpus::input(&shared, form, &p.id).map(|i| (p, i))).collect();
        let text_oof = text_folds.as_ref().filter(|_| form == "text");
        let preds: Vec<Prediction> = par_map(&inputs, |(page, input)| {
            let extent = folds.as_ref().map(|f| &f[page.fold as usize]);
            let line = text_oof.map(|m| &m[page.fold as usize]);
            extract(input, &field, cleancopy::Models { extent, line })
        });
        let secs = started.elapsed().as_secs_f64();
        let scored: Vec<Page> = inputs.iter().map(|(p, _)| (*p).clone()).collect();
        let map: HashMap<String, Prediction> = inputs.iter().zip(&preds).map(|((p, _), pr)| (p.id.clone(), pr.clone())).collect();
        let oof = (folds.is_some() && form != "text") || text_oof.is_some();
        let name = if oof { format!("Clean Copy [{field}], out-of-fold") } else { format!("Clean Copy [{field}]") };
        corpus::report(&name, form, &scored, &map);
        println!("  ({:.1} s for {} pages, {} of {} captured)", secs, inputs.len(), inputs.len(), pages.len());
        if worst > 0 {
            let mut per: Vec<(f64, &Page)> = scored
                .iter()
                .map(|p| {
                    (page_f1(&p.main, &map[&p.id].body), p)
                })
                .collect();
            per.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (f, p) in per.iter().take(worst) {
                println!("  worst: F1 {f:.2}  {} {} {}", p.id, p.page_type, p.domain);
            }
        }
        if let Some(out) = &out {
            let path = out.join(format!("wcxb-{form}.json"));
            corpus::write_predictions(&path, &map);
            println!("  predictions in {}", path.display());
        }
    }
}

/// One page's shingle F1 (0 when nothing is right).
fn page_f1(truth: &str, predicted: &str) -> f64 {
    let (tp, fp, fn_) = cleancopy::score::page_counts(truth, predicted);
    if tp > 0.0 { 2.0 * tp / (2.0 * tp + fp + fn_) } else { 0.0 }
}

/// Prints every candidate extent of `input` as `--candidates` says.
fn candidates(input: &str, truth: &str, model: &cleancopy::html::ExtentModel) {
    let features = cleancopy::html::extent_features(input);
    let articles = cleancopy::html::extract_each_candidate(input);
    let at = |name: &str| cleancopy::html::extent::NAMES.iter().position(|n| *n == name).expect("a feature");
    for (i, (f, article)) in features.iter().zip(&articles).enumerate() {
        let text = cleancopy::render::body_text(article);
        let f1 = page_f1(truth, &text);
        println!(
            "candidate {i}: predicted {:.3}, {} steps up, link lists kept {}, furniture-classed kept {}; counted {:.0} chars, reads {} words; F1 {f1:.3}",
            model.predict(f),
            f[at("steps_up")],
            f[at("keeps_link_lists")] > 0.0,
            f[at("keeps_classed")] > 0.0,
            cleancopy::html::extent::counted_chars(f),
            cleancopy::words::count_words(&text),
        );
        for line in text.lines().filter(|l| !l.trim().is_empty()).take(3) {
            println!("    {}", line.chars().take(100).collect::<String>());
        }
    }
    let chosen = cleancopy::clean_with(input, None, cleancopy::Models { extent: Some(model), line: None }).map(|c| c.text).unwrap_or_default();
    let f1 = page_f1(truth, &chosen);
    let taken = articles.iter().position(|a| cleancopy::render::body_text(a) == chosen);
    println!("taken: {}; F1 {f1:.3}", taken.map_or("none of them as read alone".to_string(), |i| format!("candidate {i}")));
}

/// One JSON line per candidate extent of every page's main content, in the saved-page and
/// clipboard forms: its features and how its text scores (for `tools/train_extent_model.py`).
fn extent_rows(shared: &Path, pages: &[Page], out: &Path, aeb_only: bool) {
    let mut lines = Vec::new();
    let forms: &[&str] = if aeb_only { &[] } else { &["html", "clipboard"] };
    for &form in forms {
        let inputs: Vec<(&Page, String)> = pages.iter().filter_map(|p| corpus::input(shared, form, &p.id).map(|i| (p, i))).collect();
        let rows: Vec<Vec<String>> = par_map(&inputs, |(page, input)| {
            if !matches!(cleancopy::detect(input), cleancopy::InputKind::HtmlDocument | cleancopy::InputKind::HtmlFragment) {
                return Vec::new();
            }
            rows_of(input, &page.main, |article| cleancopy::render::body_text(article), serde_json::json!({
                "id": page.id, "form": form, "fold": page.fold, "domain": page.domain, "type": page.page_type,
            }))
        });
        lines.extend(rows.into_iter().flatten());
    }
    // The AEB news pages too (saved pages; folds by their address's domain), so that the model
    // learns from more news than wcxb-dev holds (the training script reports their choice
    // out-of-fold).
    let aeb = shared.join("corpus/aeb");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&std::fs::read(aeb.join("ground-truth.json")).expect("AEB truth")).expect("AEB JSON");
    let items: Vec<(&String, &serde_json::Value)> = truth.iter().collect();
    let rows: Vec<Vec<String>> = par_map(&items, |(id, t)| {
        let Ok(bytes) = std::fs::read(aeb.join(format!("html/{id}.html"))) else { return Vec::new() };
        let input = String::from_utf8_lossy(&bytes);
        let domain = corpus::domain_of(t["url"].as_str().unwrap_or(""));
        let body = t["articleBody"].as_str().unwrap_or("");
        // AEB's truth leaves out figure captions (the `article_body` field).
        rows_of(&input, body, |article| article.article_body_units().join("\n\n"), serde_json::json!({
            "id": id, "form": "aeb", "fold": corpus::fold_of(&domain), "domain": domain, "type": "article",
        }))
    });
    lines.extend(rows.into_iter().flatten());
    std::fs::write(out, lines.join("\n") + "\n").expect("write rows");
    println!("{} candidate rows in {}", lines.len(), out.display());
}

/// One JSON line per copied text of wcxb-dev and AEB: its page features and the shingle counts
/// of its body as the span and as every kept line (for `tools/train_page_choice.py`).
fn choice_rows(shared: &Path, pages: &[Page], text_folds: &[cleancopy::text::LineModel], out: &Path) {
    use cleancopy::text::BodyChoice;
    fn row(input: &str, truth: &str, model: &cleancopy::text::LineModel, article_body: bool, page: serde_json::Value) -> String {
        // A text too short for the line model has one body either way: its row has no
        // features (the training script counts it in the figures, not in the fit).
        let features = cleancopy::text::page_features(input, model);
        let f1 = |choice: BodyChoice| {
            let models = cleancopy::Models { extent: None, line: Some(&model.clone().choosing(choice)) };
            let body = cleancopy::clean_with(input, None, models).map(|c| if article_body { c.article_body } else { c.text }).unwrap_or_default();
            let (tp, fp, fn_) = cleancopy::score::page_counts(truth, &body);
            serde_json::json!([tp, fp, fn_])
        };
        let mut row = page;
        row["f"] = serde_json::json!(features);
        row["span"] = f1(BodyChoice::Span);
        row["kept"] = f1(BodyChoice::Kept);
        row.to_string()
    }
    let inputs: Vec<(&Page, String)> = pages.iter().filter_map(|p| corpus::input(shared, "text", &p.id).map(|i| (p, i))).collect();
    let mut lines: Vec<String> = par_map(&inputs, |(page, input)| {
        row(input, &page.main, &text_folds[page.fold as usize], false, serde_json::json!({ "id": page.id, "corpus": "wcxb", "fold": page.fold, "domain": page.domain, "type": page.page_type }))
    });
    let aeb = shared.join("corpus/aeb");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&std::fs::read(aeb.join("ground-truth.json")).expect("AEB truth")).expect("AEB JSON");
    let items: Vec<(&String, &serde_json::Value)> = truth.iter().collect();
    let shipped = cleancopy::text::LineModel::default();
    lines.extend(
        par_map(&items, |(id, t)| {
            let bytes = std::fs::read(aeb.join(format!("text/{id}.txt"))).ok()?;
            let domain = corpus::domain_of(t["url"].as_str().unwrap_or(""));
            // AEB is scored on its `article_body` field, as `benches/quality.rs` scores it.
            Some(row(&String::from_utf8_lossy(&bytes), t["articleBody"].as_str().unwrap_or(""), &shipped, true, serde_json::json!({ "id": id, "corpus": "aeb", "fold": corpus::fold_of(&domain), "domain": domain, "type": "article" })))
        })
        .into_iter()
        .flatten(),
    );
    std::fs::write(out, lines.join("\n") + "\n").expect("write rows");
    println!("{} page rows in {}", lines.len(), out.display());
}

/// One JSON line per candidate extent of `input`: `page` (its id, form, fold and type) with the
/// candidate's index, features and the shingle F1 of its text (as `text_of` reads it) against `truth`.
fn rows_of(input: &str, truth: &str, text_of: impl Fn(&cleancopy::Article) -> String, page: serde_json::Value) -> Vec<String> {
    let features = cleancopy::html::extent_features(input);
    let articles = cleancopy::html::extract_each_candidate(input);
    assert_eq!(features.len(), articles.len(), "one article per candidate");
    (0..features.len())
        .zip(articles)
        .map(|(i, article)| {
            let (tp, fp, fn_) = cleancopy::score::page_counts(truth, &text_of(&article));
            let f1 = if tp > 0.0 { 2.0 * tp / (2.0 * tp + fp + fn_) } else { 0.0 };
            let mut row = page.clone();
            row["candidate"] = i.into();
            row["f"] = serde_json::json!(features[i].to_vec());
            row["f1"] = f1.into();
            // Precision and recall as the benchmark averages them (a page without any
            // prediction has no precision; one without truth has no recall).
            row["p"] = if tp + fp > 0.0 { serde_json::json!(tp / (tp + fp)) } else { serde_json::Value::Null };
            row["r"] = if tp + fn_ > 0.0 { serde_json::json!(tp / (tp + fn_)) } else { serde_json::Value::Null };
            row.to_string()
        })
        .collect()
}

/// One input's truth and what was found for it.
struct Addressed {
    id: String,
    domain: String,
    truth: String,
    found: Option<String>,
    /// The input holds the truth's address somewhere (its host and path, in any attribute or
    /// text, percent-encoded or not): what a finder could at best find.
    named: bool,
}

/// The source address found in `input` (`None` when the input is refused).
fn source_url(input: &str) -> Option<String> {
    cleancopy::extract(input, None).ok().and_then(|(a, _)| a.source_url)
}

/// Whether `input` names `truth` anywhere: its host and path (without `www.`, trailing slash
/// or query), as written or percent-encoded.
fn names(input: &str, truth: &str) -> bool {
    let Ok(u) = url::Url::parse(truth) else { return false };
    let host = u.host_str().unwrap_or("").trim_start_matches("www.");
    let path = u.path().trim_end_matches('/');
    if path.is_empty() {
        return false;
    }
    let plain = format!("{host}{path}");
    let encoded: String = url::form_urlencoded::byte_serialize(plain.as_bytes()).collect();
    input.contains(&plain) || input.contains(&encoded) || input.contains(&plain.replace('&', "&amp;"))
}

/// Prints the share of inputs with an address found and the share with a wrong one (found,
/// but not the truth's `url` once both are compared as [`cleancopy::html::address::comparable_address`]
/// compares them), and of inputs that name the truth's address at all.
fn print_addressed(label: &str, rows: &[&Addressed]) {
    let n = rows.len();
    let found = rows.iter().filter(|r| r.found.is_some()).count();
    let wrong = rows.iter().filter(|r| is_wrong(r)).count();
    let named = rows.iter().filter(|r| r.named).count();
    let pct = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "  {label:<26} {n:>5} pages  found {found:>4} ({:>5.1}%)  wrong {wrong:>3} ({:>4.1}% of pages, {:>4.1}% of found)  truth named in input {named:>4} ({:>5.1}%)",
        pct(found),
        pct(wrong),
        100.0 * wrong as f64 / found.max(1) as f64,
        pct(named)
    );
}

fn is_wrong(r: &Addressed) -> bool {
    r.found.as_deref().is_some_and(|f| cleancopy::html::address::comparable_address(f) != cleancopy::html::address::comparable_address(&r.truth))
}

/// The source-address figures (see the module's notes).
fn address_figures(shared: &Path, pages: &[Page], list: bool, clipboard_dir: Option<PathBuf>) {
    let report = |name: &str, form: &str, rows: &[Addressed], types: &[(&str, Vec<bool>)]| {
        println!("{name}, {form}:");
        for (label, keep) in types {
            let set: Vec<&Addressed> = rows.iter().zip(keep).filter(|(_, k)| **k).map(|(r, _)| r).collect();
            print_addressed(label, &set);
        }
        if list {
            for r in rows.iter().filter(|r| is_wrong(r)) {
                println!("    wrong  {} {}\n           truth {}\n           found {}", r.id, r.domain, r.truth, r.found.as_deref().unwrap_or(""));
            }
            for r in rows.iter().filter(|r| r.found.is_none() && r.named) {
                println!("    missed {} {} {}", r.id, r.domain, r.truth);
            }
        }
    };
    for form in corpus::FORMS {
        let read = |p: &Page| match (&clipboard_dir, form) {
            (Some(dir), "clipboard") => std::fs::read(dir.join(format!("{}.html", p.id))).ok().map(|b| String::from_utf8_lossy(&b).into_owned()),
            _ => corpus::input(shared, form, &p.id),
        };
        let inputs: Vec<(&Page, String)> = pages.iter().filter_map(|p| Some((p, read(p)?))).filter(|(p, _)| p.url.is_some()).collect();
        let rows: Vec<Addressed> = par_map(&inputs, |(p, input)| {
            let truth = p.url.clone().unwrap_or_default();
            Addressed { id: p.id.clone(), domain: p.domain.clone(), named: names(input, &truth), found: source_url(input), truth }
        });
        let articles: Vec<bool> = inputs.iter().map(|(p, _)| p.page_type == "article").collect();
        let mut types = vec![("articles", articles.clone()), ("all pages", vec![true; rows.len()])];
        // Articles fold by fold (folds grouped by domain): how much the figures vary from one
        // set of sites to another.
        for fold in 0..corpus::FOLDS {
            let keep: Vec<bool> = inputs.iter().map(|(p, _)| p.page_type == "article" && p.fold == fold).collect();
            types.push((["articles, fold 0", "articles, fold 1", "articles, fold 2", "articles, fold 3", "articles, fold 4"][fold as usize], keep));
        }
        let form = if clipboard_dir.is_some() && form == "clipboard" { "clipboard (from --clipboard-dir)" } else { form };
        report("wcxb-dev", form, &rows, &types);
    }
    let aeb = shared.join("corpus/aeb");
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&std::fs::read(aeb.join("ground-truth.json")).expect("AEB truth")).expect("AEB JSON");
    let items: Vec<(&String, &serde_json::Value)> = truth.iter().collect();
    for (form, file) in [("html", "html/{id}.html"), ("clipboard", "clipboard/{id}.html"), ("text", "text/{id}.txt")] {
        let inputs: Vec<(&String, String, String)> = items
            .iter()
            .filter_map(|(id, t)| {
                let bytes = std::fs::read(aeb.join(file.replace("{id}", id))).ok()?;
                Some((*id, String::from_utf8_lossy(&bytes).into_owned(), t["url"].as_str()?.to_string()))
            })
            .collect();
        let rows: Vec<Addressed> = par_map(&inputs, |(id, input, truth)| Addressed {
            id: id.chars().take(12).collect(),
            domain: corpus::domain_of(truth),
            named: names(input, truth),
            found: source_url(input),
            truth: truth.clone(),
        });
        let all = vec![true; rows.len()];
        report("AEB", form, &rows, &[("articles", all)]);
    }
}

/// The words of a name, in lower case, without "by" and the like.
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).filter(|w| !matches!(w.as_str(), "by" | "and" | "von" | "par" | "por" | "di" | "written" | "author")).collect()
}

/// Whether a byline names the truth's author: every word of the truth's first name in it (a
/// byline may add a title or a second writer), or, for a byline of two words or more, every
/// word of the byline in the truth (the truth may list more writers).
fn byline_right(found: &str, truth: &str) -> bool {
    let found = name_words(found);
    let first = truth.split([',', ';', '&']).next().unwrap_or(truth);
    let first = name_words(first);
    let all = name_words(truth);
    (!first.is_empty() && first.iter().all(|w| found.contains(w))) || (found.len() >= 2 && found.iter().all(|w| all.contains(w)))
}

/// Byline and date figures for wcxb-dev's articles, in each form: of the articles whose truth
/// names an author, how many bylines are given and how many name them; of those whose truth
/// gives a day, how many machine dates (`date_published`) are given, how many are that day,
/// and how many are another (a month-only date counts as given, right if the month is).
fn meta_figures(shared: &Path, pages: &[Page]) {
    for form in corpus::FORMS {
        let inputs: Vec<(&Page, String)> = pages.iter().filter(|p| p.page_type == "article").filter_map(|p| Some((p, corpus::input(shared, form, &p.id)?))).collect();
        let rows: Vec<(Option<String>, Option<String>)> = par_map(&inputs, |(_, input)| match cleancopy::clean(input, None) {
            Ok(c) => (c.byline, c.date_published),
            Err(_) => (None, None),
        });
        println!("wcxb-dev articles, {form}:");
        for fold in std::iter::once(None).chain((0..corpus::FOLDS).map(Some)) {
            let keep = |p: &Page| fold.is_none_or(|f| p.fold == f);
            let authored: Vec<(&str, Option<&str>)> = inputs.iter().zip(&rows).filter(|((p, _), _)| keep(p)).filter_map(|((p, _), (b, _))| Some((p.author.as_deref()?, b.as_deref()))).collect();
            let given = authored.iter().filter(|(_, b)| b.is_some()).count();
            let right = authored.iter().filter(|(t, b)| b.is_some_and(|b| byline_right(b, t))).count();
            let dated: Vec<(&str, Option<&str>)> = inputs.iter().zip(&rows).filter(|((p, _), _)| keep(p)).filter_map(|((p, _), (_, d))| Some((p.publish_date.as_deref()?, d.as_deref()))).collect();
            let d_given = dated.iter().filter(|(_, d)| d.is_some()).count();
            let d_right = dated.iter().filter(|(t, d)| d.is_some_and(|d| t.starts_with(d))).count();
            let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
            let label = fold.map_or("all folds".to_string(), |f| format!("fold {f}"));
            println!(
                "  {label:<10} byline: {} with an author, given {:>5.1}%, right {:>5.1}%   date: {} with a day, given {:>5.1}%, right {:>5.1}%, wrong {:>4.1}%",
                authored.len(),
                pct(given, authored.len()),
                pct(right, authored.len()),
                dated.len(),
                pct(d_given, dated.len()),
                pct(d_right, dated.len()),
                pct(d_given - d_right, dated.len())
            );
        }
    }
}

/// The `clicks` figures, form by form (see `wcxb/clicks.rs`).
fn click_figures(shared: &Path, pages: &[Page], forms: &[&str], list: bool) {
    for form in forms {
        let started = Instant::now();
        let inputs: Vec<(&Page, String)> = pages.iter().filter_map(|p| corpus::input(shared, form, &p.id).map(|i| (p, i))).collect();
        let none = [0.0; clicks::CLICKS + 1];
        let rows: Vec<([f64; clicks::CLICKS + 1], usize, [f64; clicks::CLICKS + 1])> = par_map(&inputs, |(page, input)| match cleancopy::clean(input.as_str(), None) {
            Ok(c) => (clicks::f1_by_clicks(&page.main, &c.text, &c.left_out, false), c.left_out.len(), clicks::f1_by_clicks(&page.main, &c.text, &c.left_out, true)),
            Err(_) => (none, 0, none),
        });
        let secs = started.elapsed().as_secs_f64();
        println!("clicks to F1 ≥ {:.2}, {form} (after 0 | 1 | 2 | 3 clicks):", clicks::GOAL);
        let articles: Vec<_> = inputs.iter().zip(&rows).filter(|((p, _), _)| p.page_type == "article").map(|(_, r)| r.0).collect();
        let all: Vec<_> = rows.iter().map(|r| r.0).collect();
        clicks::print("articles", &articles);
        clicks::print("all", &all);
        println!("  a click may also bring back a run of left-out blocks of one group:");
        let articles: Vec<_> = inputs.iter().zip(&rows).filter(|((p, _), _)| p.page_type == "article").map(|(_, r)| r.2).collect();
        let all: Vec<_> = rows.iter().map(|r| r.2).collect();
        clicks::print("articles", &articles);
        clicks::print("all", &all);
        if list {
            for ((page, input), r) in inputs.iter().zip(&rows).filter(|((p, _), r)| p.page_type == "article" && r.0[clicks::CLICKS] < clicks::GOAL) {
                let text = cleancopy::clean(input.as_str(), None).map(|c| c.text).unwrap_or_default();
                let (tp, fp, fn_) = cleancopy::score::page_counts(&page.main, &text);
                println!("  short: {} F1 {:.2} -> {:.2}  tp {tp:.2} fp {fp:.2} fn {fn_:.2}  {} left out", page.id, r.0[0], r.0[clicks::CLICKS], r.1);
            }
        }
        let blocks: usize = rows.iter().map(|r| r.1).sum();
        println!("  ({:.1} s for {} pages; {:.1} left-out blocks a page)", secs, inputs.len(), blocks as f64 / inputs.len().max(1) as f64);
    }
}
