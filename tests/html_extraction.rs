//! Pasted HTML and saved pages: the complaints readers have about reader views, each with a
//! small page written for the test.

use cleancopy::{clean, CleanCopy};

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Quiet harbour keeps its ferry - Example Times</title>\
         <meta property=\"og:site_name\" content=\"Example Times\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>{body}</article>\
         <footer>About us</footer></body></html>"
    )
}

const PARA: &str = "<p>The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign by the people who depend on it.</p>";

fn copy(html: &str) -> CleanCopy {
    clean(html, None).expect("extracts")
}

#[test]
fn a_lazy_loaded_image_is_recovered() {
    let html = page(&format!(
        "{PARA}<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"https://img.example/ferry.jpg\" alt=\"The ferry\"></figure>\
         <img srcset=\"https://img.example/quay-400.jpg 400w, https://img.example/quay-1200.jpg 1200w\" alt=\"The quay\">\
         <noscript><img src=\"https://img.example/harbour.jpg\" alt=\"The harbour\"></noscript>{PARA}"
    ));
    let c = copy(&html);
    assert!(c.html.contains(r#"<img src="https://img.example/ferry.jpg" alt="The ferry">"#), "{}", c.html);
    assert!(c.html.contains(r#"<img src="https://img.example/quay-1200.jpg" alt="The quay">"#), "{}", c.html);
    assert!(c.html.contains(r#"<img src="https://img.example/harbour.jpg" alt="The harbour">"#), "{}", c.html);
    assert!(!c.html.contains("data:image/gif"), "{}", c.html);
}

#[test]
fn a_caption_stays_with_its_figure() {
    let html = page(&format!("{PARA}<figure><img src=\"https://img.example/ferry.jpg\" alt=\"\"><figcaption>The morning ferry leaves the quay.</figcaption></figure>{PARA}"));
    let c = copy(&html);
    assert!(
        c.html.contains(r#"<figure><img src="https://img.example/ferry.jpg" alt=""><figcaption>The morning ferry leaves the quay.</figcaption></figure>"#),
        "{}",
        c.html
    );
}

#[test]
fn code_keeps_its_white_space() {
    let html = page(&format!("{PARA}<pre><code class=\"language-rust\">fn main() {{\n    let x = 1;\n\n    println!(\"{{x}}\");\n}}</code></pre>{PARA}"));
    let c = copy(&html);
    assert!(c.html.contains("<pre data-lang=\"rust\"><code>fn main() {\n    let x = 1;\n\n    println!(\"{x}\");\n}</code></pre>"), "{}", c.html);
}

#[test]
fn a_table_is_kept_with_its_header_cells() {
    let html = page(&format!("{PARA}<table><caption>Sailings</caption><tr><th>Day</th><th>Time</th></tr><tr><td>Monday</td><td>07:30</td></tr></table>{PARA}"));
    let c = copy(&html);
    assert!(c.html.contains("<caption>Sailings</caption>"), "{}", c.html);
    assert!(c.html.contains("<tr><th>Day</th><th>Time</th></tr>"), "{}", c.html);
    assert!(c.html.contains("<tr><td>Monday</td><td>07:30</td></tr>"), "{}", c.html);
}

#[test]
fn the_title_is_the_headline_not_the_site_name() {
    let c = copy(&page(&format!("<h1>Quiet harbour keeps its ferry</h1>{PARA}")));
    assert_eq!(c.title.as_deref(), Some("Quiet harbour keeps its ferry"));
    assert_eq!(c.site_name.as_deref(), Some("Example Times"));
    assert_eq!(c.html.matches("Quiet harbour keeps its ferry").count(), 1, "the headline shows once:\n{}", c.html);
}

#[test]
fn right_to_left_text_stays_right_to_left() {
    let html = "<html lang=\"ar\" dir=\"rtl\"><head><title>خبر</title></head><body><article><p>قرر المجلس البلدي أمس بناء جسر جديد فوق النهر بعد سنوات من النقاش بين السكان والحكومة، وستبدأ الأعمال في الربيع.</p></article></body></html>";
    let c = copy(html);
    assert_eq!((c.lang.as_deref(), c.dir.as_deref()), (Some("ar"), Some("rtl")));
    assert!(c.html.starts_with("<article lang=\"ar\" dir=\"rtl\">"), "{}", c.html);
    // Marked only around the story: the story's own direction wins.
    let html = "<html dir=\"ltr\"><body><main dir=\"rtl\"><p>העירייה החליטה אתמול לבנות גשר חדש מעל הנהר, אחרי שנים של ויכוחים בין התושבים.</p></main></body></html>";
    assert_eq!(copy(html).dir.as_deref(), Some("rtl"));
}

#[test]
fn text_between_line_breaks_becomes_paragraphs() {
    let html = "<html><body><table><tr><td class=\"menu\"><a href=\"/a\">A</a></td><td>First paragraph of the story, with enough words in it to count as text.<br><br>Second paragraph of the story, which also has enough words to count.<br><br>Third paragraph closes the story, and it is long enough as well.</td></tr></table></body></html>";
    let c = copy(html);
    assert_eq!(c.text.split("\n\n").count(), 3, "{}", c.text);
}

#[test]
fn footnotes_stay_linked_both_ways() {
    let html = page(&format!(
        "<p>The ferry carried 40,000 passengers last year, more than ever before, and the council says it pays for itself.<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup></p>{PARA}\
         <ol class=\"footnotes\"><li id=\"fn1\">Figures from the council's annual report on island transport. <a href=\"#ref1\">↩</a></li></ol>"
    ));
    let c = copy(&html);
    assert!(c.html.contains(r##"<span id="cc-ref1"></span><a href="#cc-fn1" rel="noopener noreferrer">1</a>"##), "{}", c.html);
    assert!(c.html.contains(r##"<li><span id="cc-fn1"></span>Figures from the council's annual report"##), "{}", c.html);
    assert!(c.html.contains(r##"<a href="#cc-ref1" rel="noopener noreferrer">↩</a>"##), "{}", c.html);
    // Links to places the page does not have are not kept as links.
    let c = copy(&page(&format!("<p>See <a href=\"#nowhere\">the note</a> for more on the ferry and the people who use it every day.</p>{PARA}")));
    assert!(!c.html.contains("#nowhere") && !c.html.contains("href=\"#"), "{}", c.html);
}
