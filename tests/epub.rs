//! The EPUB book: its container, package document, navigation and XHTML, and (when epubcheck
//! is installed) epubcheck's verdict on books of the example page and of corpus pages of
//! several kinds, languages and directions.

mod common;

use std::io::{Cursor, Read};

use cleancopy::article::{plain, Image};
use cleancopy::{Article, Block, Direction, Inline};

const MODIFIED: &str = "2026-01-02T03:04:05Z";

/// The book's files by name, in the container's order.
fn files(book: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(book)).expect("a ZIP container");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().to_string(), bytes)
        })
        .collect()
}

fn file(book: &[u8], name: &str) -> String {
    let (_, bytes) = files(book).into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name} in the book"));
    String::from_utf8(bytes).expect("UTF-8")
}

/// Parses `text` as XML, failing the test with the parser's message when it is not well formed.
fn parsed<'a>(text: &'a str, name: &str) -> roxmltree::Document<'a> {
    roxmltree::Document::parse_with_options(text, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() }).unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}\n{text}"))
}

fn sample() -> Article {
    Article {
        title: Some("Rivers & <Roads>".into()),
        byline: Some("By Ann Writer".into()),
        published: Some("25 September 2025".into()),
        site_name: Some("The Example Times".into()),
        source_url: Some("https://news.example/rivers".into()),
        lang: Some("en".into()),
        blocks: vec![
            Block::paragraph("Opening\u{a0}paragraph with a no-break space and a \u{1} control character."),
            Block::Heading { level: 2, content: plain("Upstream") },
            Block::Paragraph { content: vec![Inline::text("Line one"), Inline::Break, Inline::Link { href: "#missing".into(), content: plain("a link to nowhere") }] },
            Block::Figure { image: Image { src: "https://img.example/river.jpg".into(), alt: "A river".into() }, caption: Some(plain("The river at dawn")) },
            Block::Heading { level: 3, content: plain("Springs") },
            Block::Rule,
            Block::Heading { level: 2, content: plain("Downstream") },
            Block::Paragraph { content: vec![Inline::Anchor { id: "note".into() }, Inline::Anchor { id: "note".into() }, Inline::text("Twice anchored.")] },
        ],
        ..Article::default()
    }
}

#[test]
fn the_mimetype_comes_first_stored_and_the_container_points_to_the_package() {
    let book = cleancopy::epub::book(&sample(), MODIFIED);
    // The OCF asks for the bytes themselves: a local header for `mimetype` at the start, method
    // 0 (stored), no extra field, the media type right after the name.
    assert_eq!(&book[..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([book[8], book[9]]), 0, "mimetype is stored");
    assert_eq!(u16::from_le_bytes([book[28], book[29]]), 0, "no extra field");
    assert_eq!(&book[30..38], b"mimetype");
    assert_eq!(&book[38..58], b"application/epub+zip");
    let names: Vec<String> = files(&book).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/article.xhtml", "EPUB/style.css"]);
    let container = file(&book, "META-INF/container.xml");
    let doc = parsed(&container, "container.xml");
    let rootfile = doc.descendants().find(|n| n.has_tag_name("rootfile")).unwrap();
    assert_eq!(rootfile.attribute("full-path"), Some("EPUB/package.opf"));
    for name in ["EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/article.xhtml"] {
        parsed(&file(&book, name), name);
    }
}

#[test]
fn the_package_carries_the_metadata() {
    let book = cleancopy::epub::book(&sample(), MODIFIED);
    let opf = file(&book, "EPUB/package.opf");
    let doc = parsed(&opf, "package.opf");
    let dc = |name: &str| doc.descendants().find(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some("http://purl.org/dc/elements/1.1/")).and_then(|n| n.text()).map(str::to_string);
    assert_eq!(dc("title").as_deref(), Some("Rivers & <Roads>"));
    assert_eq!(dc("creator").as_deref(), Some("Ann Writer"));
    assert_eq!(dc("date").as_deref(), Some("2025-09-25"));
    assert_eq!(dc("source").as_deref(), Some("https://news.example/rivers"));
    assert_eq!(dc("publisher").as_deref(), Some("The Example Times"));
    assert_eq!(dc("language").as_deref(), Some("en"));
    let id = dc("identifier").unwrap();
    assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
    let package = doc.root_element();
    assert_eq!(package.attribute("unique-identifier"), Some("uid"));
    assert_eq!(package.attribute("version"), Some("3.0"));
    let modified = doc.descendants().find(|n| n.attribute("property") == Some("dcterms:modified")).unwrap();
    assert_eq!(modified.text(), Some(MODIFIED));
    assert!(!opf.contains("page-progression-direction"), "left to right is the default");
    // The same article makes the same book; another article another identifier.
    assert_eq!(cleancopy::epub::book(&sample(), MODIFIED), book);
    let other = Article { title: Some("Another".into()), ..sample() };
    assert!(!file(&cleancopy::epub::book(&other, MODIFIED), "EPUB/package.opf").contains(&id));
    // Unknown language: `und`, and no language on the documents.
    let unknown = Article { lang: None, ..sample() };
    let book = cleancopy::epub::book(&unknown, MODIFIED);
    assert!(file(&book, "EPUB/package.opf").contains("<dc:language>und</dc:language>"));
    assert!(!file(&book, "EPUB/article.xhtml").contains("xml:lang"));
}

#[test]
fn the_navigation_is_made_from_the_headings() {
    let book = cleancopy::epub::book(&sample(), MODIFIED);
    let nav = file(&book, "EPUB/nav.xhtml");
    let doc = parsed(&nav, "nav.xhtml");
    let toc = doc.descendants().find(|n| n.has_tag_name("nav")).unwrap();
    assert_eq!(toc.attribute(("http://www.idpf.org/2007/ops", "type")), Some("toc"));
    let links: Vec<(String, String)> = toc.descendants().filter(|n| n.has_tag_name("a")).map(|a| (a.attribute("href").unwrap().to_string(), a.text().unwrap_or("").to_string())).collect();
    assert_eq!(
        links,
        [
            ("article.xhtml".to_string(), "Rivers & <Roads>".to_string()),
            ("article.xhtml#cc--contents-1".into(), "Upstream".into()),
            ("article.xhtml#cc--contents-2".into(), "Springs".into()),
            ("article.xhtml#cc--contents-3".into(), "Downstream".into()),
        ]
    );
    // "Springs" sits in a list of its own under "Upstream".
    let springs = toc.descendants().find(|n| n.text() == Some("Springs")).unwrap();
    let parent_item = springs.ancestors().filter(|n| n.has_tag_name("li")).nth(1).unwrap();
    assert_eq!(parent_item.first_element_child().unwrap().text(), Some("Upstream"));
    // Every target is an id of the article.
    let article = file(&book, "EPUB/article.xhtml");
    for (href, _) in &links[1..] {
        let id = href.split('#').nth(1).unwrap();
        assert!(article.contains(&format!("id=\"{id}\"")), "{id} in {article}");
    }
    // No headings: the title alone.
    let flat = Article { blocks: vec![Block::paragraph("Only text.")], ..sample() };
    let nav = file(&cleancopy::epub::book(&flat, MODIFIED), "EPUB/nav.xhtml");
    assert_eq!(nav.matches("<a ").count(), 1, "{nav}");
}

#[test]
fn the_xhtml_is_xml_and_refers_to_nothing_remote() {
    let book = cleancopy::epub::book(&sample(), MODIFIED);
    let xhtml = file(&book, "EPUB/article.xhtml");
    let doc = parsed(&xhtml, "article.xhtml");
    assert_eq!(doc.root_element().tag_name().namespace(), Some("http://www.w3.org/1999/xhtml"));
    assert!(xhtml.contains("Opening\u{a0}paragraph") && !xhtml.contains("&nbsp;") && !xhtml.contains('\u{1}'), "{xhtml}");
    assert!(xhtml.contains("<br/>") && xhtml.contains("<hr/>"), "{xhtml}");
    // The picture whose bytes are not at hand: its text alternative, linked to its address.
    assert!(doc.descendants().all(|n| !n.has_tag_name("img")), "{xhtml}");
    assert!(xhtml.contains(r#"<a class="image-link" href="https://img.example/river.jpg" rel="noopener noreferrer">[A river]</a>"#), "{xhtml}");
    assert!(xhtml.contains("<figcaption>The river at dawn</figcaption>"), "{xhtml}");
    // A link to no anchor gives its text; an anchor named twice is written once.
    assert!(xhtml.contains("a link to nowhere") && !xhtml.contains("#missing"), "{xhtml}");
    assert_eq!(xhtml.matches("id=\"cc-note\"").count(), 1, "{xhtml}");
    // No contents list in the text (the navigation document is the book's), no notes for paper.
    assert!(!xhtml.contains("class=\"contents\"") && !xhtml.contains("note-ref"), "{xhtml}");
}

#[test]
fn a_data_picture_is_packed_and_shown_from_the_book() {
    // A 1×1 PNG.
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let article = Article {
        blocks: vec![Block::paragraph("Text."), Block::Figure { image: Image { src: png.into(), alt: "A dot".into() }, caption: None }],
        lead_image: Some(Image { src: png.into(), alt: "A dot".into() }),
        ..sample()
    };
    let book = cleancopy::epub::book(&article, MODIFIED);
    let (_, bytes) = files(&book).into_iter().find(|(n, _)| n == "EPUB/images/1.png").expect("the picture is packed once");
    assert!(bytes.starts_with(b"\x89PNG"));
    let xhtml = file(&book, "EPUB/article.xhtml");
    assert_eq!(xhtml.matches(r#"<img src="images/1.png" alt="A dot"/>"#).count(), 2, "{xhtml}");
    assert!(!xhtml.contains("data:"), "{xhtml}");
    assert!(file(&book, "EPUB/package.opf").contains(r#"<item id="image1" href="images/1.png" media-type="image/png"/>"#));
}

#[test]
fn a_right_to_left_article_reads_right_to_left() {
    let article = Article { lang: Some("ar".into()), dir: Some(Direction::Rtl), title: Some("عنوان".into()), ..sample() };
    let book = cleancopy::epub::book(&article, MODIFIED);
    let opf = file(&book, "EPUB/package.opf");
    assert!(opf.contains("<spine page-progression-direction=\"rtl\">"), "{opf}");
    assert!(opf.contains("<dc:language>ar</dc:language>"), "{opf}");
    for name in ["EPUB/article.xhtml", "EPUB/nav.xhtml"] {
        let doc_text = file(&book, name);
        let doc = parsed(&doc_text, name);
        let html = doc.root_element();
        assert_eq!(html.attribute("dir"), Some("rtl"), "{name}");
        assert_eq!(html.attribute("lang"), Some("ar"), "{name}");
        assert_eq!(html.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some("ar"), "{name}");
    }
}

#[test]
fn a_data_address_decodes() {
    assert_eq!(cleancopy::epub::data_bytes("data:text/plain,a%20b").as_deref(), Some(&b"a b"[..]));
    assert_eq!(cleancopy::epub::data_bytes("data:image/gif;base64,R0lG ODlh").as_deref(), Some(&b"GIF89a"[..]));
    assert_eq!(cleancopy::epub::data_bytes("https://x.example/a.png"), None);
    assert_eq!(cleancopy::epub::modified_at(0), "1970-01-01T00:00:00Z");
    assert_eq!(cleancopy::epub::modified_at(1_767_323_045), "2026-01-02T03:04:05Z");
}

/// The pages epubcheck is run on: the example page and 20 corpus pages (saved pages and a
/// paste; news, a blog, an encyclopedia, a table, and wcxb's seven kinds of page: article,
/// collection, documentation, forum, listing, product, service; English, German, French,
/// Chinese (simplified and traditional), and four right-to-left pages).
fn corpus_pages() -> Vec<(String, Vec<u8>)> {
    let shared = common::shared_dir();
    let read = |rel: &str| {
        let bytes = std::fs::read(shared.join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
        if rel.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out).unwrap();
            out
        } else {
            bytes
        }
    };
    let mut pages = vec!["examples/news-page-copied-as-text.txt".to_string()];
    for name in ["rtl-1", "rtl-2", "rtl-3", "rtl-4", "qq", "pixnet", "heise", "lemonde-1", "wikipedia", "keep-tabular-data"] {
        pages.push(format!("corpus/readability/{name}/source.html"));
    }
    pages.push("corpus/readability/ars-1/clipboard.html".into());
    // The first wcxb page of each kind.
    let meta: serde_json::Value = serde_json::from_slice(&read("corpus/wcxb-dev/metadata.json")).unwrap();
    let mut kinds = std::collections::BTreeMap::new();
    for (id, file) in meta["files"].as_object().unwrap() {
        kinds.entry(file["page_type"].as_str().unwrap().to_string()).or_insert_with(|| id.clone());
    }
    for id in kinds.values() {
        pages.push(format!("corpus/wcxb-dev/html/{id}.html.gz"));
    }
    let mut aeb: Vec<_> = std::fs::read_dir(shared.join("corpus/aeb/html")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    aeb.sort();
    for name in aeb.iter().take(21 - pages.len()) {
        pages.push(format!("corpus/aeb/html/{name}"));
    }
    pages.into_iter().map(|rel| (rel.clone(), read(&rel))).collect()
}

/// epubcheck's jar, when Debian's epubcheck package is installed.
fn epubcheck() -> Option<std::path::PathBuf> {
    let jar = std::path::PathBuf::from("/usr/share/java/epubcheck.jar");
    let java = std::process::Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success());
    (jar.exists() && java).then_some(jar)
}

#[test]
fn epubcheck_finds_no_error_and_no_warning_in_books_of_corpus_pages() {
    let Some(jar) = epubcheck() else {
        eprintln!("SKIPPED: epubcheck is not installed (Debian's epubcheck package, with Java; ./build.sh test installs it)");
        return;
    };
    let pages = corpus_pages();
    assert_eq!(pages.len(), 21);
    let dir = std::env::temp_dir().join(format!("cleancopy-epubcheck-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut books = Vec::new();
    for (i, (rel, bytes)) in pages.iter().enumerate() {
        let input = cleancopy::decode(bytes).unwrap();
        let (article, _) = cleancopy::extract(input, None).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let path = dir.join(format!("{i:02}.epub"));
        std::fs::write(&path, cleancopy::epub::book(&article, MODIFIED)).unwrap();
        books.push((rel.clone(), path, article.lang.clone(), article.dir));
    }
    let langs: std::collections::BTreeSet<_> = books.iter().filter_map(|b| b.2.clone()).collect();
    assert!(books.iter().any(|b| b.3 == Some(Direction::Rtl)), "some book reads right to left");
    eprintln!("epubcheck on {} books; languages {langs:?}", books.len());
    // Two at a time: epubcheck spends most of its time starting Java.
    let failures: Vec<String> = std::thread::scope(|s| {
        let halves: Vec<_> = books
            .chunks(books.len().div_ceil(2))
            .map(|chunk| {
                let jar = &jar;
                s.spawn(move || {
                    let mut failed = Vec::new();
                    for (rel, path, _, _) in chunk {
                        let out = std::process::Command::new("java").arg("-jar").arg(jar).arg(path).output().expect("java runs");
                        let report = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
                        if !out.status.success() || !report.contains("No errors or warnings detected") {
                            failed.push(format!("{rel}:\n{report}"));
                        }
                    }
                    failed
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{} of {} books fail epubcheck:\n{}", failures.len(), books.len(), failures.join("\n"));
}

#[test]
fn the_command_line_writes_the_book_to_standard_output() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cleancopy"))
        .args(["--format", "epub", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let page = "<html lang=\"he\" dir=\"rtl\"><head><title>כותרת</title></head><body><article><h1>כותרת</h1><p>פסקה ראשונה של הסיפור, ארוכה מספיק כדי להיות פסקה של ממש במאמר הזה.</p><h2>חלק</h2><p>פסקה שנייה של הסיפור, ארוכה מספיק כדי להיות פסקה של ממש במאמר הזה.</p></article></body></html>";
    child.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let book = out.stdout;
    assert_eq!(&book[30..58], b"mimetypeapplication/epub+zip");
    let opf = file(&book, "EPUB/package.opf");
    assert!(opf.contains("<dc:language>he</dc:language>") && opf.contains("page-progression-direction=\"rtl\""), "{opf}");
    assert!(file(&book, "EPUB/nav.xhtml").contains(">חלק</a>"));
    let modified = opf.split("dcterms:modified\">").nth(1).unwrap();
    assert!(modified.starts_with("20") && modified[..20].ends_with('Z'), "{opf}");
}
