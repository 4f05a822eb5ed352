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

const PARAS: [&str; 4] = [
    "The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign.",
    "Fishermen, teachers and nurses, who cross twice a day, had written letters, signed petitions and filled the town hall in October.",
    "The operator, which lost money last year, will get a grant of two million, paid over three years, in return for a fixed timetable.",
    "Some islanders, however, said the timetable was too thin, and that the last boat, at six, left too early for shift workers.",
];

#[test]
fn a_story_split_over_wrappers_of_the_same_kind_is_kept_whole() {
    // Each stretch of text sits in its own section > div > div.body, with figures between.
    let section = |p: &str, q: &str| format!("<section class=\"outer\"><div class=\"col\"><div class=\"story-body\"><p>{p}</p><p>{q}</p></div></div></section>");
    let html = format!(
        "<html><head><title>Ferry saved</title></head><body>{}<section class=\"outer\"><figure><img src=\"https://img.example/a.jpg\" alt=\"\"></figure></section>{}\
         <aside class=\"related\"><a href=\"/x\">Another story entirely</a></aside></body></html>",
        section(PARAS[0], PARAS[1]),
        section(PARAS[2], PARAS[3])
    );
    let c = copy(&html);
    for p in PARAS {
        assert!(c.text.contains(p), "missing {p:?} in {}", c.text);
    }
    assert!(c.text.find(PARAS[0]) < c.text.find(PARAS[3]), "{}", c.text);
}

#[test]
fn a_story_written_as_a_run_of_plain_divs_is_found_whole() {
    let divs: String = PARAS.iter().map(|p| format!("<div><span style=\"font-size: small\">{p}</span></div><div> </div>")).collect();
    let html = format!("<html><body><div class=\"post-body\"><div>{}</div><div class=\"inner\">{divs}</div></div></body></html>", PARAS[0]);
    let c = copy(&html);
    for p in PARAS {
        assert!(c.text.contains(p), "missing {p:?} in {}", c.text);
    }
}

#[test]
fn the_standfirst_the_description_repeats_goes_under_the_headline() {
    let standfirst = "Islanders win their long fight for a winter timetable";
    let html = format!(
        "<html><head><title>Ferry saved</title><meta name=\"description\" content=\"{standfirst}.\"></head><body><article>\
         <h1>Ferry saved</h1><p>{standfirst}</p><p>By Ann Example</p><p>{}</p><p>{}</p></article></body></html>",
        PARAS[0], PARAS[1]
    );
    let c = copy(&html);
    assert_eq!(c.standfirst.as_deref(), Some(standfirst));
    assert_eq!(c.excerpt.as_deref(), Some(&*format!("{standfirst}.")));
    assert_eq!(c.byline.as_deref(), Some("By Ann Example"));
    assert!(!c.text.contains(standfirst) && c.text.starts_with(PARAS[0]), "{}", c.text);
    assert!(c.html.contains(&format!("<p class=\"standfirst\">{standfirst}</p>")), "{}", c.html);
    // A description that only quotes the first paragraph leaves the paragraph in the story.
    let html = format!("<html><head><meta property=\"og:description\" content=\"{}\"></head><body><article><p>{}</p><p>{}</p></article></body></html>", &PARAS[0][..80], PARAS[0], PARAS[1]);
    let c = copy(&html);
    assert_eq!(c.standfirst, None);
    assert!(c.text.starts_with(PARAS[0]), "{}", c.text);
}

#[test]
fn a_caption_shown_short_and_long_with_toggles_is_kept_once() {
    let long = "The mayor, left, and the ferry's captain shake hands on the quay on Monday, after the council voted to keep the service.";
    let short = "The mayor, left, and the ferry's captain shake hands on the quay on Monday, after the council";
    let html = page(&format!(
        "{PARA}<figure><img src=\"https://img.example/1.jpg\" alt=\"\"></figure><p>{long}<a href=\"https://example.org/gallery\"> less</a></p><p>{short}<a href=\"https://example.org/gallery\">... more</a></p>\
         <figure><img src=\"https://img.example/2.jpg\" alt=\"\"></figure><p>{long}<a href=\"https://example.org/gallery\"> less</a></p>{PARA}"
    ));
    let c = copy(&html);
    assert_eq!(c.text.matches("shake hands").count(), 1, "{}", c.text);
    assert!(!c.text.contains("more") && !c.text.contains("less"), "{}", c.text);
}

#[test]
fn the_page_picture_leads_a_story_without_pictures_and_logos_are_left_out() {
    let html = format!(
        "<html><head><base href=\"https://example.org/news/\"><meta property=\"og:image\" content=\"img/ferry.jpg\"></head><body><article>\
         <img src=\"/logo.png\" alt=\"Example Times logo\"><p>{}</p><p>{}</p></article></body></html>",
        PARAS[0], PARAS[1]
    );
    let c = copy(&html);
    assert_eq!(c.lead_image.as_deref(), Some("https://example.org/news/img/ferry.jpg"));
    assert!(c.html.contains("<figure class=\"lead-image\"><img src=\"https://example.org/news/img/ferry.jpg\" alt=\"\"></figure>"), "{}", c.html);
    assert!(!c.html.contains("logo"), "{}", c.html);
    // The body's own picture wins over the page's.
    let html = html.replace("<p>", "<figure><img src=\"https://img.example/own.jpg\" alt=\"\"></figure><p>");
    assert_eq!(copy(&html).lead_image, None);
}

#[test]
fn story_cards_and_a_list_of_meta_lines_leave_the_body() {
    let card = |n: u32| format!("<li><a href=\"https://example.org/{n}\"><img src=\"https://img.example/{n}.jpg\" alt=\"\"></a><h3><a href=\"https://example.org/{n}\">Another story {n}</a></h3><h4>A line about another story, number {n}</h4></li>");
    let html = format!(
        "<html><head><title>Ferry saved</title><meta name=\"author\" content=\"Ann Example\"></head><body><article><h1>Ferry saved</h1>\
         <ul class=\"meta\"><li>by <a href=\"https://example.org/ann\">Ann Example</a></li><li></li><li>Nov 19, 2019 at 6:46 pm ET • 2 min read</li></ul>\
         <p>{}</p><p>{}</p><h2>Our latest stories</h2><ul>{}{}{}</ul></article></body></html>",
        PARAS[0],
        PARAS[1],
        card(1),
        card(2),
        card(3)
    );
    let c = copy(&html);
    assert!(c.text.starts_with(PARAS[0]), "{}", c.text);
    assert!(!c.text.contains("Another story") && !c.text.contains("A line about") && !c.text.contains("Our latest"), "{}", c.text);
    assert!(!c.text.contains("min read") && !c.text.contains("by Ann"), "{}", c.text);
    assert_eq!(c.byline.as_deref(), Some("Ann Example"));
}

#[test]
fn a_caption_outside_its_figure_joins_the_picture() {
    // A gallery's caption in a div of its own, shown in two lengths with toggles.
    let html = page(&format!(
        "{PARA}<div class=\"img-wrap\"><img src=\"https://img.example/quay.jpg\" alt=\"\"></div>\
         <div class=\"caption\"><div class=\"caption-full\">Fishing boats wait at the quay for the tide to turn in the morning.<a class=\"more-caption\"> less</a></div>\
         <div class=\"caption-truncated\">Fishing boats wait at the quay for the tide<a class=\"more-caption\"> ... more</a></div></div>\
         <p>Boats waited at the quay in the early morning (AP Photo/Jane Doe)</p>{PARA}"
    ));
    let c = copy(&html);
    assert!(
        c.html.contains("<figure><img src=\"https://img.example/quay.jpg\" alt=\"\"><figcaption>Fishing boats wait at the quay for the tide to turn in the morning.</figcaption></figure>"),
        "{}",
        c.html
    );
    // The credit line is a caption too, not running text; the article body leaves captions out.
    assert!(!c.article_body.contains("Fishing boats") && !c.article_body.contains("AP Photo"), "{}", c.article_body);
    assert!(!c.html.contains(" less") && !c.html.contains("more</a>"), "{}", c.html);
}

#[test]
fn boxes_of_other_stories_and_closing_calls_are_left_out() {
    let html = page(&format!(
        "{PARA}<p>READ MORE: Lighthouse keepers return to the northern isles</p>{PARA}\
         <h3>You may also like</h3><article><h2>Harbour wall to be rebuilt</h2><p>The wall that shelters the boats will be rebuilt over two summers, at a cost the council has yet to agree, officials said.</p></article>"
    ));
    let html = html.replace("</article><footer>", "<p>Follow us on Twitter and sign up for our newsletter.</p></article><footer>");
    let c = copy(&html);
    assert!(c.article_body.ends_with("depend on it."), "{}", c.article_body);
    assert!(!c.text.contains("READ MORE") && !c.text.contains("Harbour wall") && !c.text.contains("newsletter"), "{}", c.text);
}

#[test]
fn time_stamps_hover_cards_and_the_dateline_read_as_the_reader_sees_them() {
    let html = page(&format!(
        "<p>Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM</p>\
         <p>HARBOURTON (AP) — The council met <a href=\"https://news.example/people/ann-lee\">Ann Lee</a><span class=\"card\"><a href=\"/a\">Ann Lee opens the new quay</a> <a href=\"/b\">Ann Lee on the budget for the ferry</a> <a href=\"/c\">Ann Lee wins the vote</a></span> on Monday to keep the ferry running all winter long.</p>{PARA}<p>Image 2 of 5</p>{PARA}"
    ));
    let c = copy(&html);
    assert!(!c.text.contains("Published") && !c.text.contains("Image 2 of 5"), "{}", c.text);
    assert!(c.article_body.starts_with("HARBOURTON (AP) — The council met Ann Lee on Monday"), "{}", c.article_body);
    assert!(c.markdown.contains("**HARBOURTON (AP)** — The council met [Ann Lee]"), "{}", c.markdown);
}

#[test]
fn a_lazy_picture_in_a_figure_comes_from_its_noscript_and_a_no_caption_block_keeps_its_heading() {
    let html = page(&format!(
        "{PARA}<figure><span><img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP\" alt=\"The quay\"><noscript><img src=\"https://img.example/quay.jpg\" alt=\"The quay\"></noscript></span></figure>\
         <div class=\"item no_caption\"><h2>Boats return to the harbour at dusk</h2><img src=\"https://img.example/dusk.jpg\" alt=\"\"></div>{PARA}"
    ));
    let c = copy(&html);
    assert!(c.html.contains("<img src=\"https://img.example/quay.jpg\" alt=\"The quay\">"), "{}", c.html);
    assert!(c.html.contains("Boats return to the harbour at dusk"), "{}", c.html);
}

#[test]
fn a_link_to_a_host_name_in_unicode_keeps_its_address() {
    let html = page(&format!("{PARA}<p>The timetable is on <a href=\"https://münchen.example/fähre?tag=1\">the city's site</a>, with the winter sailings.</p>{PARA}"));
    let c = copy(&html);
    assert!(c.html.contains("href=\"https://xn--mnchen-3ya.example/f%C3%A4hre?tag=1\""), "{}", c.html);
}

#[test]
fn a_consent_dialog_is_not_the_story() {
    // A consent form standing over the page, with more prose than the story itself (though
    // fewer words than the page shows around it, with its menus).
    let consent = "<p>These cookies are necessary for the website to function and cannot be switched off in our systems, and you can set your browser to block them.</p>";
    let menu = "<li><a href=\"/routes\">Routes and timetables for the islands</a></li>";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Ferry timetable</title></head><body><ul>{}</ul>\
         <div class=\"page\"><h1>Winter ferry timetable</h1>{PARA}<p>Sailings leave the north quay at half past seven and return at six in the evening on weekdays.</p></div>\
         <div class=\"overlay\"><div role=\"dialog\" aria-modal=\"true\" aria-label=\"Privacy Center\"><h2>Manage Consent Preferences</h2>{}</div></div>\
         </body></html>",
        menu.repeat(20),
        consent.repeat(4)
    );
    let c = copy(&html);
    assert!(c.text.contains("half past seven"), "{}", c.text);
    assert!(!c.text.contains("cookies"), "{}", c.text);
}

#[test]
fn a_hidden_consent_center_is_not_shown_as_a_hidden_story() {
    // A short page, and a consent center hidden until asked for that holds more words than
    // all of it: hidden, inside a box whose id calls it consent, it stays hidden (a story
    // hidden until scripts run is shown; this is no story).
    let consent = "<p>These cookies are necessary for the website to function and cannot be switched off in our systems, and you can set your browser to block them.</p>";
    let html = format!(
        "<!DOCTYPE html><html><head><title>Ferry timetable</title></head><body>\
         <div class=\"page\"><h1>Winter ferry timetable</h1><p>Sailings leave the north quay at half past seven and return at six in the evening on weekdays.</p></div>\
         <div id=\"site-consent-sdk\"><div class=\"pc-center\" style=\"display:none\"><h2>Manage Preferences</h2>{}</div></div>\
         </body></html>",
        consent.repeat(8)
    );
    let c = copy(&html);
    assert!(c.text.contains("half past seven"), "{}", c.text);
    assert!(!c.text.contains("cookies"), "{}", c.text);
}

#[test]
fn text_for_screen_readers_alone_is_left_out() {
    // "sr-only" and "visually-hidden" hide text from the eye (a gallery's spoken instructions);
    // a field whose *label* is visually hidden ("field--label-visually_hidden") is still read.
    let html = format!(
        "<!DOCTYPE html><html><head><title>Ferry timetable</title></head><body><main><h1>Winter ferry timetable</h1>\
         <div class=\"gallery\"><p class=\"sr-only\">This is an image gallery with clickable slides; use the arrow keys to move.</p></div>\
         <div class=\"field field--label-visually_hidden\"><div class=\"field__label visually-hidden\">Body</div>{PARA}\
         <p>Sailings leave the north quay at half past seven <span class=\"visually-hidden\">(opens the harbour map)</span>and return at six.</p></div>\
         </main></body></html>"
    );
    let c = copy(&html);
    assert!(c.text.contains("half past seven and return at six"), "{}", c.text);
    assert!(!c.text.contains("clickable slides") && !c.text.contains("harbour map") && !c.text.contains("Body\n"), "{}", c.text);
}

#[test]
fn a_commenters_name_and_time_are_not_the_storys() {
    // A page with no metadata, pasted: the first writer and <time> in it are a review's.
    let review = "<div class=\"comments_list\"><article class=\"review-card\"><div class=\"review-card__author\">Anonymous Verified buyer</div>\
                  <time datetime=\"2026-11-20\">8 days ago</time><p>Fits well and washes well, I would buy it again in another colour.</p></article></div>";
    let html = format!("<main><h1>Arrival T-Shirt</h1>{PARA}<p>A slim fit shirt of cotton and elastane, cut to move with you.</p>{review}</main>");
    let c = copy(&html);
    assert_ne!(c.byline.as_deref(), Some("Anonymous Verified buyer"), "{:?}", c.byline);
    assert_ne!(c.published.as_deref(), Some("2026-11-20"), "{:?}", c.published);
}

#[test]
fn a_paste_s_writer_and_date_around_its_headline_outside_the_story_are_its_byline_and_date() {
    let story = "<p>The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign by the people who depend on it every day.</p>\
        <p>Volunteers handed out leaflets at the quay all summer, and more than four thousand people signed the letter that went to the council in September.</p>\
        <p>The council will review the timetable again in spring, when the new boat arrives from the yard on the mainland and the summer crossings resume.</p>";
    let paste = format!(
        "<div class=\"hero\"><div><a href=\"https://news.example/people/ann-lee\">By Ann Lee</a></div><h1>Ferry keeps running through winter</h1>\
         <div><span>Last updated: Sep 1, 2025</span></div><div><span>August 25, 2025</span> · <span>4 min read</span></div></div><div class=\"content\">{story}</div>"
    );
    let c = copy(&paste);
    assert_eq!(c.byline.as_deref(), Some("By Ann Lee"));
    assert_eq!(c.published.as_deref(), Some("August 25, 2025"), "the date of publication before the date of the last change");
    assert_eq!(c.date_published.as_deref(), Some("2025-08-25"));
    // Without a date of publication, the date of the last change.
    let c = copy(&paste.replace("<div><span>August 25, 2025</span> · <span>4 min read</span></div>", ""));
    assert_eq!(c.date_published.as_deref(), Some("2025-09-01"));
}

#[test]
fn a_title_that_shortens_the_page_s_one_main_heading_gives_way_to_it() {
    let html = "<html lang=\"ru\"><head><title>Новости</title></head><body><header><a href=\"/\">Сайт</a></header><main><h1>Новости дня</h1>\
        <p>Паром между двумя островами будет ходить всю зиму, сообщил в понедельник совет после долгой кампании жителей, которые зависят от него каждый день.</p>\
        <p>Волонтёры раздавали листовки на причале всё лето, и более четырёх тысяч человек подписали письмо, отправленное в совет в сентябре.</p></main></body></html>";
    let c = copy(html);
    assert_eq!(c.title.as_deref(), Some("Новости дня"));
    assert!(c.html.contains("<h1>Новости дня</h1>"), "{}", c.html);
}
