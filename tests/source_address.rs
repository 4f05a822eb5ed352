//! The source line of a clean copy: the article's own address where the paste or the saved
//! page makes it certain, and none where it does not. Each page is written for the test.

use cleancopy::{clean, CleanCopy};

const STORY: &str = "<p>The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign by the people who depend on it every day.</p>\
    <p>Volunteers handed out leaflets at the quay all summer, and more than four thousand people signed the letter that went to the council in September.</p>";

const ADDRESS: &str = "https://news.example/2024/05/ferry-keeps-running-through-winter";

/// A paste as a browser's Ctrl+A, Ctrl+C gives it: no head, links named in full.
fn paste(before: &str, after: &str) -> String {
    format!(
        "<div class=\"site\"><a href=\"https://news.example/\">News Example</a> <a href=\"https://news.example/world\">World</a></div>\
         <article><h1>Ferry keeps running through winter</h1>{before}{STORY}{after}</article>\
         <footer><a href=\"https://news.example/about\">About us</a></footer>"
    )
}

fn share_buttons(facebook: &str, twitter: &str) -> String {
    format!(
        "<div class=\"share-tools\"><a href=\"https://www.facebook.com/sharer/sharer.php?u={}\">Share</a> \
         <a href=\"https://twitter.com/intent/tweet?url={}&amp;text=Ferry%20keeps%20running\">Post</a></div>",
        enc(facebook),
        enc(twitter)
    )
}

fn enc(address: &str) -> String {
    address.replace('%', "%25").replace(':', "%3A").replace('/', "%2F").replace('?', "%3F").replace('=', "%3D").replace('&', "%26").replace('"', "%22").replace('<', "%3C").replace('>', "%3E")
}

fn copy(html: &str) -> CleanCopy {
    clean(html, None).expect("extracts")
}

#[test]
fn a_paste_s_share_buttons_give_the_article_s_address_on_its_source_line() {
    let tracked = format!("{ADDRESS}?utm_source=facebook&utm_medium=share#top");
    let c = copy(&paste(&share_buttons(&tracked, ADDRESS), ""));
    assert_eq!(c.source_url.as_deref(), Some(ADDRESS), "tracking parameters and the fragment dropped");
    assert!(c.html.contains(&format!("<p class=\"source\"><a href=\"{ADDRESS}\"")), "{}", c.html);
}

#[test]
fn share_buttons_that_disagree_give_no_address() {
    let other = "https://news.example/2024/05/bus-fares-rise-again-in-spring";
    let c = copy(&paste(&share_buttons(ADDRESS, other), ""));
    assert_eq!(c.source_url, None);
    assert!(!c.html.contains("class=\"source\""), "{}", c.html);
}

#[test]
fn share_buttons_that_name_the_home_page_give_no_address() {
    for home in ["https://news.example/", "https://news.example/index.html", "https://news.example/en/"] {
        let c = copy(&paste(&share_buttons(home, home), ""));
        assert_eq!(c.source_url, None, "{home}");
    }
}

#[test]
fn the_share_buttons_of_each_story_in_a_list_give_no_address() {
    let other = "https://news.example/2024/05/bus-fares-rise-again-in-spring";
    let c = copy(&paste(&share_buttons(ADDRESS, ADDRESS), &share_buttons(other, other)));
    assert_eq!(c.source_url, None);
}

#[test]
fn a_headline_linking_to_its_own_page_gives_the_address() {
    // The headline links to the story, and so does the count of its comments.
    let page = format!(
        "<article><h1><a href=\"{ADDRESS}\">Ferry keeps running through winter</a></h1>\
         <p class=\"meta\"><a href=\"{ADDRESS}#comments\">3 comments</a></p>{STORY}\
         <section id=\"comments\"><p>Good news for the island.</p></section></article>"
    );
    assert_eq!(copy(&page).source_url.as_deref(), Some(ADDRESS));
}

#[test]
fn a_headline_linking_to_another_site_s_story_gives_no_address() {
    // A page that presents someone else's story: its headline links there.
    let page = format!("<article><h1><a href=\"https://elsewhere.example/2024/ferry-keeps-running-through-winter\">Ferry keeps running through winter</a></h1>{STORY}</article>");
    assert_eq!(copy(&page).source_url, None);
}

#[test]
fn relative_links_of_a_paste_resolve_against_the_address_found() {
    let c = copy(&paste(&share_buttons(ADDRESS, ADDRESS), "<p>More in <a href=\"../ferry-timetable\">the winter timetable</a>, which the council published on Monday.</p>"));
    assert_eq!(c.source_url.as_deref(), Some(ADDRESS));
    assert!(c.html.contains("href=\"https://news.example/2024/ferry-timetable\""), "{}", c.html);
}

#[test]
fn one_share_button_alone_gives_the_address() {
    // An address without words, which the headline cannot confirm.
    let story = "https://news.example/story/48213";
    let button = format!("<div class=\"share\"><a href=\"mailto:?subject=Ferry&amp;body={}\">E-mail</a></div>", enc(story));
    assert_eq!(copy(&paste(&button, "")).source_url.as_deref(), Some(story));
}

#[test]
fn a_sign_in_link_that_returns_to_the_page_names_it() {
    let sign_in = |to: &str| format!("<a href=\"https://news.example/account/login?return_url={}\">Sign in</a> <a href=\"https://news.example/join?redirect={}\">Join</a>", enc(to), enc(to));
    assert_eq!(copy(&paste(&sign_in(ADDRESS), "")).source_url.as_deref(), Some(ADDRESS));
    // Returning to the home page names no story.
    assert_eq!(copy(&paste(&sign_in("https://news.example/"), "")).source_url, None);
}

/// A paste whose site is written out in full in its pictures' addresses (a copy's links may
/// have been read against another address, these never are).
fn with_pictures(body: &str) -> String {
    let pictures = "<img srcset=\"https://news.example/img/a.jpg 1x\" alt=\"\"><img srcset=\"https://news.example/img/b.jpg 1x\" alt=\"\"><img srcset=\"https://news.example/img/c.jpg 1x\" alt=\"\">";
    paste(&format!("{pictures}{body}"), "")
}

#[test]
fn a_link_whose_words_are_the_headline_s_on_the_page_s_own_site_gives_the_address() {
    let comments = format!("<p class=\"meta\"><a href=\"{ADDRESS}\">May 5, 2024</a></p>");
    assert_eq!(copy(&with_pictures(&comments)).source_url.as_deref(), Some(ADDRESS));
}

#[test]
fn links_whose_words_only_share_the_headline_s_or_are_two_give_no_address() {
    // A story on a part of the subject: its words are in the headline, the headline's are not in it.
    let part = "<p><a href=\"https://news.example/2024/05/ferry-timetable\">Timetable</a></p>";
    assert_eq!(copy(&with_pictures(part)).source_url, None);
    // Two addresses with the headline's words: neither is certain.
    let two = format!("<p><a href=\"{ADDRESS}\">Today</a> <a href=\"https://news.example/2023/11/ferry-keeps-running-through-winter\">Last year</a></p>");
    assert_eq!(copy(&with_pictures(&two)).source_url, None);
}

fn saved(head: &str) -> String {
    format!("<!DOCTYPE html>\n<!-- saved from url=(0062){ADDRESS} -->\n<html><head><title>Ferry keeps running through winter</title>{head}</head><body><article><h1>Ferry keeps running through winter</h1>{STORY}</article></body></html>")
}

#[test]
fn a_saved_page_s_canonical_link_is_its_address() {
    let c = copy(&saved(&format!("<link rel=\"canonical\" href=\"{ADDRESS}?ref=rss\">")));
    assert_eq!(c.source_url.as_deref(), Some(&*format!("{ADDRESS}?ref=rss")));
}

#[test]
fn a_saved_page_whose_canonical_is_the_home_page_gives_the_address_it_was_saved_from() {
    let c = copy(&saved("<link rel=\"canonical\" href=\"https://news.example/\"><meta property=\"og:url\" content=\"https://news.example/index.php\">"));
    assert_eq!(c.source_url.as_deref(), Some(ADDRESS));
}

#[test]
fn a_canonical_on_another_site_is_not_taken() {
    // The saving browser had the page on news.example: the canonical names another site.
    let c = copy(&saved("<link rel=\"canonical\" href=\"https://first-publisher.example/ferry-story\">"));
    assert_eq!(c.source_url.as_deref(), Some(ADDRESS));
    // Without a saved-from note, the page's own `og:url` is preferred to a canonical link on
    // another site (a syndicated story's canonical names its first publisher).
    let page = format!(
        "<html><head><link rel=\"canonical\" href=\"https://first-publisher.example/ferry-story\"><meta property=\"og:url\" content=\"{ADDRESS}\"></head>\
         <body><article><h1>Ferry keeps running through winter</h1>{STORY}</article></body></html>"
    );
    assert_eq!(copy(&page).source_url.as_deref(), Some(ADDRESS));
}

#[test]
fn a_single_file_save_names_its_address_in_its_header() {
    let page = format!(
        "<!DOCTYPE html><html><!--\n Page saved with SingleFile \n url: {ADDRESS} \n saved date: Mon May 06 2024\n--><head><title>Ferry</title></head>\
         <body><article><h1>Ferry keeps running through winter</h1>{STORY}</article></body></html>"
    );
    assert_eq!(copy(&page).source_url.as_deref(), Some(ADDRESS));
}

#[test]
fn a_canonical_that_is_no_address_gives_way_to_the_og_url() {
    for canonical in ["Ferry keeps running", "http://ferry-keeps-running", "javascript:alert(1)"] {
        let page = format!(
            "<html><head><link rel=\"canonical\" href=\"{canonical}\"><meta property=\"og:url\" content=\"{ADDRESS}\"></head>\
             <body><article><h1>Ferry keeps running through winter</h1>{STORY}</article></body></html>"
        );
        assert_eq!(copy(&page).source_url.as_deref(), Some(ADDRESS), "{canonical}");
    }
}

fn text(lines: &str) -> String {
    format!("News Example\nWorld\nSport\n\nFerry keeps running through winter\n\n{lines}\n\n{}\n", STORY.replace("<p>", "").replace("</p>", "\n\n"))
}

#[test]
fn copied_text_gives_no_address() {
    for lines in ["By Ann Example", "Timetables are at https://news.example/2024/05/ferry-keeps-running-through-winter today.", "https://news.example/2024/05/bus-fares-rise-again-in-spring"] {
        let c = copy(&text(lines));
        assert_eq!(c.input_kind, "text");
        assert_eq!(c.source_url, None, "{lines}");
    }
}

#[test]
fn copied_text_that_shows_its_own_address_in_a_share_box_gives_it() {
    let c = copy(&text(&format!("Share\n{ADDRESS}\nCopy link")));
    assert_eq!(c.input_kind, "text");
    assert_eq!(c.title.as_deref(), Some("Ferry keeps running through winter"));
    assert_eq!(c.source_url.as_deref(), Some(ADDRESS));
}

#[test]
fn an_address_found_in_a_paste_never_makes_the_reader_html_unsafe() {
    // Share buttons naming a script address, or an address holding markup: nothing of it
    // reaches the page but an escaped http(s) link.
    for target in ["javascript:alert(1)", "https://news.example/2024/a\"><script>alert(1)</script>"] {
        let c = copy(&paste(&share_buttons(target, target), ""));
        let html = c.html.to_lowercase();
        assert!(!html.contains("<script") && !html.contains("javascript:"), "{target}: {}", c.html);
        if let Some(url) = &c.source_url {
            assert!(url.starts_with("https://") && !url.contains(['"', '<', '>']), "{url}");
        }
    }
}
