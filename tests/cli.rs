//! The command-line tool: its flags and JSON fields are an interface other programs read.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn cleancopy(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cleancopy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin.unwrap_or(b"")).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn json_output_has_every_field_with_null_for_missing_values() {
    let example = common::shared_dir().join("examples/news-page-copied-as-text.txt");
    let (code, out, err) = cleancopy(&["--format", "json", example.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["title", "byline", "published", "date_published", "site_name", "source_url", "lang", "dir", "summary", "dateline", "copyright", "text", "markdown", "html", "word_count", "input_kind"] {
        assert!(v.get(key).is_some(), "missing field {key}");
    }
    assert!(v["byline"].is_null() && v["source_url"].is_null());
    assert_eq!(v["input_kind"], "text");
    assert_eq!(v["summary"].as_array().unwrap().len(), 4);
    assert!(v["word_count"].as_u64().unwrap() > 300);
}

#[test]
fn the_date_as_the_page_writes_it_is_also_given_as_an_iso_day() {
    let page = "<html><head><title>Ferry keeps running</title></head><body><article><h1>Ferry keeps running</h1>\
        <p class=\"byline\">By Ann Lee</p><p class=\"date\"><time>Sep 25, 2025</time></p>\
        <p>The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign by the people who depend on it every day.</p>\
        <p>Volunteers handed out leaflets at the quay all summer, and more than four thousand people signed the letter that went to the council in September.</p></article></body></html>";
    let (code, out, err) = cleancopy(&["--format", "json"], Some(page.as_bytes()));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["published"], "Sep 25, 2025", "the page's wording kept");
    assert_eq!(v["date_published"], "2025-09-25");
    let (_, html, _) = cleancopy(&[], Some(page.as_bytes()));
    assert!(html.contains("<time datetime=\"2025-09-25\">Sep 25, 2025</time>"), "{html}");
}

#[test]
fn standard_input_and_each_format_work() {
    let md = b"# Hello\n\nSome *words* here.\n";
    let (code, out, _) = cleancopy(&["--format=markdown", "-"], Some(md));
    assert_eq!(code, 0);
    assert!(out.starts_with("# Hello\n\nSome *words* here."), "{out}");
    let (_, out, _) = cleancopy(&["--format", "text"], Some(md));
    assert_eq!(out, "Hello\n\nSome words here.\n");
    let (_, out, _) = cleancopy(&[], Some(md));
    assert!(out.starts_with("<article") && out.contains("<h1>Hello</h1>"), "{out}");
}

#[test]
fn unreadable_input_is_one_line_on_stderr_and_a_failure() {
    let dir = std::env::temp_dir();
    let bin = dir.join(format!("cleancopy-binary-{}.bin", std::process::id()));
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3]).unwrap();
    for args in [vec!["no/such/file.html"], vec![dir.to_str().unwrap()], vec![bin.to_str().unwrap()], vec!["--format", "pdf"]] {
        let (code, out, err) = cleancopy(&args, None);
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("cleancopy: "), "{err}");
    }
    std::fs::remove_file(bin).ok();
    let (code, _, err) = cleancopy(&[], Some(b"   \n"));
    assert_ne!(code, 0);
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_web_address_is_one_line_saying_pages_are_not_fetched_and_a_failure() {
    for (args, stdin) in [(vec![], Some(&b"https://news.example/2024/story.html\n"[..])), (vec!["https://news.example/2024/story.html"], None)] {
        let (code, out, err) = cleancopy(&args, stdin);
        assert_eq!(code, 1, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("cleancopy: https://news.example/2024/story.html is a web address"), "{err}");
        assert!(err.contains("does not fetch pages") && err.contains("save the page"), "{err}");
    }
}
