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

/// A news page: a menu, the story with an inline advertisement and a lost paragraph, and a
/// sidebar of teasers.
const PAGE_WITH_FURNITURE: &str = "<!doctype html><html><head><title>Storm closes the harbour</title></head><body>\
<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li></ul></nav>\
<article><h1>Storm closes the harbour</h1>\
<p>The harbour was closed on Tuesday morning as the storm reached the coast, and the ferries stayed in port until the wind had dropped.</p>\
<p>Fishermen said they had not seen waves like it in twenty years, and several boats were pulled onto the quay by hand before noon.</p>\
<p>The harbour master said the port would open again once the sea wall had been checked for damage, which could take two days.</p>\
</article>\
<aside><h2>Most read</h2><ul><li><a href='/a'>Council votes on the new bridge</a></li><li><a href='/b'>School wins the cup again</a></li></ul></aside>\
<footer><p>Contact us</p><p>Privacy policy</p></footer></body></html>";

#[test]
fn json_left_out_lists_the_menu_and_sidebar_in_page_order_each_after_its_kept_block() {
    let (code, out, err) = cleancopy(&["--format", "json", "-"], Some(PAGE_WITH_FURNITURE.as_bytes()));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let kept = v["text"].as_str().unwrap().split("\n\n").count() as i64;
    let left: Vec<(String, i64)> = v["left_out"].as_array().unwrap().iter().map(|l| (l["text"].as_str().unwrap().to_string(), l["after"].as_i64().unwrap())).collect();
    let texts: Vec<&str> = left.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Home", "World", "Sport", "Most read", "Council votes on the new bridge", "School wins the cup again", "Contact us", "Privacy policy"], "{out}");
    assert!(left[..3].iter().all(|(_, after)| *after == -1), "the menu stands before the first kept block: {left:?}");
    assert!(left[3..].iter().all(|(_, after)| *after == kept - 1), "the sidebar and footer stand after the last: {left:?}");
    assert!(!texts.iter().any(|t| t.contains("harbour")), "the headline and kept paragraphs are not left out: {left:?}");
}

#[test]
fn json_left_out_of_copied_text_is_the_lines_not_kept() {
    let text = "Skip to main content\nNews\nSport\n\nStorm closes the harbour\n\n\
The harbour was closed on Tuesday morning as the storm reached the coast, and the ferries stayed in port until the wind had dropped.\n\n\
Fishermen said they had not seen waves like it in twenty years, and several boats were pulled onto the quay by hand before noon.\n\n\
The harbour master said the port would open again once the sea wall had been checked for damage, which could take two days.\n\n\
Share this article\nMore from News\n";
    let (code, out, err) = cleancopy(&["--format", "json", "-"], Some(text.as_bytes()));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let body = v["text"].as_str().unwrap();
    let left = v["left_out"].as_array().unwrap();
    for l in left {
        let t = l["text"].as_str().unwrap();
        assert!(!body.contains(t), "{t:?} is both kept and left out");
        assert!(text.contains(t), "{t:?} is a line of the input");
    }
    let texts: Vec<&str> = left.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"Skip to main content") && texts.contains(&"Share this article"), "{out}");
    let pos = |t: &str| left.iter().find(|l| l["text"] == t).unwrap()["after"].as_i64().unwrap();
    assert_eq!(pos("Skip to main content"), -1);
    assert_eq!(pos("Share this article"), body.split("\n\n").count() as i64 - 1);
}
