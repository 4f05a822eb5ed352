//! Share links round trip on every corpus page: the article a link opens is the article that
//! made it (less the page's description, which links leave out), and so is its reader HTML.

mod common;

use cleancopy::{extract, render, share, Article};

fn check(name: &str, input: &str) {
    let Ok((article, _)) = extract(input, None) else { return };
    let link = share::encode(&article);
    let back = share::decode(&link).unwrap_or_else(|e| panic!("{name}: {e}"));
    let expected = Article { excerpt: None, ..article };
    assert_eq!(back, expected, "{name}");
    assert_eq!(render::html(&back), render::html(&expected), "{name}");
}

#[test]
fn every_corpus_page_survives_its_share_link() {
    let dir = common::shared_dir().join("corpus");
    let mut pages: Vec<std::path::PathBuf> = std::fs::read_dir(dir.join("aeb/html")).expect("AEB pages").flatten().map(|e| e.path()).collect();
    pages.extend(std::fs::read_dir(dir.join("readability")).expect("readability cases").flatten().map(|e| e.path().join("source.html")).filter(|p| p.exists()));
    pages.sort();
    assert!(pages.len() > 300, "{} pages", pages.len());
    for page in &pages {
        let bytes = std::fs::read(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        check(&page.display().to_string(), &String::from_utf8_lossy(&bytes));
    }
}
