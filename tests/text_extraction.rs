//! Plain text as readers paste it: pages copied whole, e-mails, other scripts, and bad input.

use cleancopy::{clean, CleanCopy, Error};

fn copy(input: &str) -> CleanCopy {
    clean(input, None).unwrap_or_else(|e| panic!("{e}"))
}

/// A news page copied with Ctrl+A, Ctrl+C: every kind of page furniture around one story.
const PAGE: &str = "Skip to main content
Home
World
Business
Technology
Sport
Sign in
Subscribe
We use cookies to give you the best experience on our site. By continuing you agree to our use of cookies.
Accept cookies

Rivers rise as spring thaw comes early to the valley

By Maria Example
14 March 2026

Share
Tweet
Email

Farmers along the lower valley moved cattle to higher ground on Tuesday as the river rose faster than at any time in the past decade, fed by an early thaw in the hills.

The water reached the top of the old flood wall near the mill shortly after noon, and the council closed two roads that run along the bank until further notice.

\"We have seen floods before, but never this early in the year,\" said Tomas Ruiz, whose family has farmed beside the river for four generations. \"The ground is still frozen, so the water has nowhere to go.\"

Engineers from the regional water board said the flood wall was sound, but warned that a second wave of meltwater could arrive by the weekend if the warm weather held.

What happens next

Forecasters expect colder nights from Thursday, which would slow the thaw and give the river time to fall back within its banks.

The council has opened the school hall as a shelter, and volunteers have filled more than two thousand sandbags since Monday morning.

Share this article Share this article

Sign up for our morning newsletter
Get the day's top stories in your inbox every morning.
Subscribe

Related stories
Council approves new flood wall for the upper valley
Ten years on: remembering the great flood
Why spring is coming earlier every year

Comments
riverwatcher
14 March 2026 at 10:32
Stay safe everyone, the bridge road is already under water near the farm shop.
hillfarmer
14 March 2026 at 11:05
Same thing happened to us in 2016, the council never learned from it.

About us
Contact
Privacy policy
Terms of use
© 2026 Valley Example News. All rights reserved.";

#[test]
fn the_story_of_a_copied_page_is_found_with_its_headline_byline_and_date() {
    let c = copy(PAGE);
    assert_eq!(c.title.as_deref(), Some("Rivers rise as spring thaw comes early to the valley"));
    assert_eq!(c.byline.as_deref(), Some("By Maria Example"));
    assert_eq!(c.published.as_deref(), Some("14 March 2026"));
    assert!(c.text.starts_with("Farmers along the lower valley"), "{}", c.text);
    assert!(c.text.ends_with("since Monday morning."), "{}", c.text);
    assert!(c.text.contains("What happens next"), "the subheading is kept:\n{}", c.text);
    assert_eq!(c.copyright.as_deref(), Some("© 2026 Valley Example News. All rights reserved."));
}

#[test]
fn no_furniture_of_a_copied_page_reaches_the_reader() {
    let c = copy(PAGE);
    let everything = format!("{}\n{}\n{:?}", c.text, c.title.clone().unwrap_or_default(), c.summary);
    for chrome in [
        "Skip to main content", "Sign in", "cookies", "Share", "Tweet", "newsletter", "Subscribe", "Related stories",
        "Council approves", "Comments", "riverwatcher", "Stay safe", "bridge road", "Privacy policy", "About us",
    ] {
        assert!(!everything.contains(chrome), "{chrome:?} reached the reader:\n{everything}");
    }
}

#[test]
fn a_button_label_glued_to_the_last_paragraph_is_cut_off() {
    let c = copy(PAGE);
    assert!(!c.text.contains("Share this article"), "{}", c.text);
}

#[test]
fn a_hard_wrapped_email_reads_as_paragraphs() {
    let mail = "Hello all,\n\nThe committee met on Thursday to consider the proposal for the new reading\nroom, which had been circulated to all members in advance of the meet-\ning. After a long discussion it was approved without changes.\n\nThe work will start in May and should be finished before the summer\nholidays, so that the room can open with the new school year.\n\nBest wishes,\nAnn";
    let c = copy(mail);
    let paras: Vec<&str> = c.text.split("\n\n").collect();
    assert!(paras.iter().any(|p| p.contains("the new reading room, which had been circulated to all members in advance of the meeting. After")), "{paras:#?}");
    assert!(paras.iter().any(|p| *p == "The work will start in May and should be finished before the summer holidays, so that the room can open with the new school year."), "{paras:#?}");
}

#[test]
fn hebrew_and_arabic_read_right_to_left() {
    let he = "החדשות של היום\n\nהעירייה החליטה אתמול לבנות גשר חדש מעל הנהר, אחרי שנים של ויכוחים בין התושבים לבין הממשלה.\n\nהעבודות יתחילו באביב הבא ויימשכו שנתיים, כך אמרו הפקידים בישיבה.";
    let c = copy(he);
    assert_eq!((c.lang.as_deref(), c.dir.as_deref()), (Some("he"), Some("rtl")));
    assert!(c.html.starts_with("<article lang=\"he\" dir=\"rtl\">"), "{}", c.html);
    let ar = "أخبار اليوم\n\nقرر المجلس البلدي أمس بناء جسر جديد فوق النهر بعد سنوات من النقاش بين السكان والحكومة.\n\nستبدأ الأعمال في الربيع المقبل وتستمر عامين، كما قال المسؤولون في الاجتماع.";
    let c = copy(ar);
    assert_eq!((c.lang.as_deref(), c.dir.as_deref()), (Some("ar"), Some("rtl")));
    assert_eq!(c.text.split("\n\n").count(), 2, "{}", c.text);
}

#[test]
fn japanese_and_chinese_paragraphs_are_kept() {
    let ja = "春の訪れ\n\n今年の春は例年より早く訪れ、川沿いの桜が三月の初めに満開となりました。多くの人々が週末に公園を訪れています。\n\n市役所によると、花見の季節には臨時のバスが運行され、駅から公園まで十分ほどで行くことができるということです。";
    let c = copy(ja);
    assert_eq!(c.lang.as_deref(), Some("ja"));
    assert_eq!(c.title.as_deref(), Some("春の訪れ"));
    assert_eq!(c.text.split("\n\n").count(), 2, "{}", c.text);
    let zh = "城市新闻\n\n市政府昨天宣布，将在河上修建一座新桥，这项工程经过多年讨论终于获得批准。\n\n工程预计明年春天开工，工期两年，届时将大大方便两岸居民的出行。";
    assert_eq!(copy(zh).lang.as_deref(), Some("zh"));
}

#[test]
fn empty_and_blank_input_say_so() {
    assert_eq!(clean("", None).unwrap_err(), Error::Empty);
    assert_eq!(clean(" \n\t\n ", None).unwrap_err(), Error::Empty);
}

#[test]
fn text_with_nul_bytes_or_many_control_characters_is_refused() {
    assert_eq!(clean("Hello\0world, this is not text at all\0\0", None).unwrap_err(), Error::Binary);
    let controls: String = "a\u{1}\u{2}\u{3}\u{4}\u{5}".repeat(50);
    assert_eq!(clean(&controls, None).unwrap_err(), Error::Binary);
}

#[test]
fn one_enormous_line_comes_out_whole() {
    let sentence = "The river rose again on Tuesday, and the council closed the roads along the bank. ";
    let line = sentence.repeat(25_000); // about 2 MB, no line break
    let c = copy(&line);
    assert_eq!(c.word_count, 15 * 25_000);
}

#[test]
fn ten_megabytes_of_text_are_handled() {
    let page = format!("{PAGE}\n\n");
    let big = page.repeat(10_000_000 / page.len() + 1);
    let c = copy(&big);
    // The same page thousands of times over: a copy of its story comes out (its headline,
    // repeated on every copy, reads as furniture).
    assert!(c.text.starts_with("Farmers along the lower valley"), "{:?} {}", c.title, &c.text[..200.min(c.text.len())]);
}

#[test]
fn reading_time_counts_letters_and_says_nothing_for_cjk() {
    let words = ["river", "bridge", "council", "ferry", "harbour", "library", "market", "school"];
    let paragraphs: Vec<String> = (0..40)
        .map(|i| format!("The {} met the {} on day {i}, and the {} was glad of it.", words[i % 8], words[(i * 3 + 1) % 8], words[(i * 5 + 2) % 8]))
        .collect();
    let body = paragraphs.join("\n\n");
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    let c = copy(&format!("A title here\n\n{body}"));
    assert_eq!(c.reading_minutes, Some(letters.div_ceil(1100) as u32), "{letters} letters");
    let ja = "春の訪れ\n\n今年の春は例年より早く訪れ、川沿いの桜が三月の初めに満開となりました。";
    assert_eq!(copy(ja).reading_minutes, None);
}

#[test]
fn the_apps_own_example_gives_its_key_points_dateline_and_story_and_no_furniture() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/example.txt")).expect("www/example.txt");
    let c = copy(&example);
    assert_eq!(c.title.as_deref(), Some("Island library lends seeds as well as books"));
    assert_eq!(c.summary.len(), 4, "{:?}", c.summary);
    assert_eq!(c.dateline.as_deref(), Some("PORT KERRIN, Kerrin Island (Harbour Wire)"));
    assert!(c.text.starts_with("The small library on the harbour front"), "{}", c.text);
    for furniture in ["The Harbour Herald\n", "Sign in", "Share", "Larger text", "More stories"] {
        assert!(!c.text.contains(furniture), "{furniture} in the body: {}", c.text);
    }
    assert!(c.copyright.is_some());
}

#[test]
fn a_name_under_the_headline_that_a_note_about_its_writer_repeats_is_the_byline() {
    let text = "News Example\nHome\nWorld\n\nFerry keeps running through winter\n\nAnn Lee\n\n\
        The ferry between the two islands will keep running through the winter, the council said on Monday, after a long campaign by the people who depend on it every day.\n\n\
        Volunteers handed out leaflets at the quay all summer, and more than four thousand people signed the letter that went to the council in September.\n\n\
        The council will review the timetable again in spring, when the new boat arrives from the yard on the mainland and the summer crossings resume.\n\n\
        Ann Lee is a reporter who covers the islands and their ferries.\n\nAbout us\nContact";
    let c = cleancopy::clean(text, None).unwrap();
    assert_eq!(c.title.as_deref(), Some("Ferry keeps running through winter"));
    assert_eq!(c.byline.as_deref(), Some("Ann Lee"));
    // Without the note, a short line under the headline is not taken for a name.
    let c = cleancopy::clean(&text.replace("Ann Lee is a reporter who covers the islands and their ferries.\n\n", ""), None).unwrap();
    assert_eq!(c.byline, None);
}
