//! Lines a page puts in and around a story that are not the story: photo credits standing as
//! paragraphs, pointers to other stories ("READ MORE: …"), time stamps, tag lists, page tools
//! ("Share this story"), headings of recirculation boxes ("You may also like"), and the calls to
//! follow, subscribe or write in that end many stories. Each is told by its own words, in the
//! languages of the pages measured, never by site.

use crate::article::{inline_text, Block, Inline};
use crate::words::{collapse_ws, count_words};

/// A paragraph that is a picture's caption: it ends with a photo credit ("… (AP Photo/Name)",
/// "… (Image: GETTY)", "… REUTERS/Name") or opens as one ("Image copyright …").
pub fn is_photo_caption(text: &str) -> bool {
    let text = text.trim();
    // Only the line's two ends are read (every paragraph of the story is asked).
    let head = text.chars().take(24).collect::<String>().to_lowercase();
    const OPENERS: &[&str] = &[
        "image copyright", "image caption", "image source", "file photo:", "photo:", "photos:", "picture:", "credit:",
        "photo by ", "photo illustration", "illustration by ",
    ];
    if OPENERS.iter().any(|o| head.starts_with(o)) && count_words(text) <= 60 {
        return true;
    }
    // The last parenthesised group, when the text ends with one.
    if let Some(group) = text.strip_suffix(')').and_then(|inner| inner.rfind('(').map(|i| inner[i + 1..].trim().to_lowercase())) {
        const CREDITS: &[&str] = &[
            "image:", "images:", "photo:", "photos:", "picture:", "pic:", "credit:", "photo by", "photograph by", "ap photo",
            "file photo", "photo credit", "getty images", "shutterstock",
        ];
        // An agency alone may be a sentence's abbreviation ("the agency (EPA)"); with a
        // photographer after a slash it is a credit.
        const AGENCIES: &[&str] = &["afp/", "epa/", "reuters/", "ap/", "getty/", "xinhua/"];
        if CREDITS.iter().chain(AGENCIES).any(|c| group.starts_with(c)) || group == "getty" {
            return true;
        }
    }
    // An agency's credit closing the line: "… REUTERS/Brendan McDermid".
    let last = text.rsplit(['.', ' ']).take(3).collect::<Vec<_>>().join(" ");
    ["REUTERS/", "AFP/", "AP/", "EPA/", "Getty Images/"].iter().any(|a| last.contains(a))
}

/// A line that points to another story: "READ MORE: …", "See also: …", "Related: …", or a
/// headline tagged "[VIDEO]" or "[INSIGHT]".
pub fn is_pointer_line(text: &str) -> bool {
    let text = collapse_ws(text);
    let words = count_words(&text);
    if words == 0 || words > 30 {
        return false;
    }
    if let Some((label, _)) = text.split_once(':') {
        let label = label.trim().to_lowercase();
        const LABELS: &[&str] = &[
            "read more", "see more", "more", "related post", "read also", "also read", "read", "see also", "related", "watch", "listen",
            "don't miss", "recommended", "must read", "must watch", "more on this", "more from", "trending",
            "leia também", "veja também", "lesen sie auch", "lire aussi", "à lire aussi", "leggi anche", "lee también",
            "читайте также",
        ];
        if LABELS.contains(&label.as_str()) {
            return true;
        }
    }
    // "Headline [VIDEO]", "Headline [INSIGHT]|": a bracketed tag in capitals closing the line.
    let trimmed = text.trim_end_matches(['|', ' ']);
    trimmed.strip_suffix(']').and_then(|t| t.rfind('[').map(|i| &t[i + 1..])).is_some_and(|tag| {
        !tag.is_empty() && tag.chars().count() <= 12 && tag.chars().all(|c| c.is_uppercase() || c == ' ') && words >= 4
    })
}

/// The words that label a date: "Published", "Updated", "Posted".
pub const DATE_LABELS: &[&str] = &[
    "published", "updated", "posted", "first published", "last updated", "last modified", "originally published", "publicado",
    "atualizado", "actualizado", "veröffentlicht", "aktualisiert", "publié", "mis à jour", "pubblicato", "aggiornato",
];

/// A line that only stamps the story with its time: "Published Nov 18, 2019 at 4:07 PM |
/// Updated at 5:36 PM", "Posted by A. Writer on November 19, 2019", "First Published on …".
pub fn is_timestamp_line(text: &str) -> bool {
    let text = collapse_ws(text);
    let words = count_words(&text);
    if words == 0 || words > 30 {
        return false;
    }
    let lower = text.to_lowercase();
    let labelled = DATE_LABELS.iter().any(|l| lower.strip_prefix(l).is_some_and(|rest| rest.starts_with([' ', ':'])));
    let by_and_date = crate::refine::is_byline(&text.replace('|', " ")) || (lower.starts_with("by ") && words <= 20 && (text.contains('|') || lower.contains(" on ")));
    let dated = is_dated(&lower) || crate::text::signals::has_clock_time(&text);
    (labelled || by_and_date) && dated
}

/// A short line that gives a date, or a time so long ago ("3 hours ago").
pub fn is_dated(text: &str) -> bool {
    crate::refine::is_date_line(text) || text.contains(" ago")
}

/// A line over a post of a thread (who wrote it and when) has at most this many words.
pub const POST_LINE_WORDS: usize = 15;

/// A page tool or label that stands as a line of its own: "Share this story", "Image 2 of 5",
/// "Advertisement", "This slideshow requires JavaScript", a line of bare addresses.
pub fn is_page_tool_line(text: &str) -> bool {
    // Most of the line is web addresses (an image's address with its sizes, a list of links).
    if text.contains("://") || text.contains("www.") {
        let text = collapse_ws(text);
        let url_chars: usize = text.split_whitespace().filter(|w| w.contains("://") || w.starts_with("www.")).map(str::len).sum();
        if url_chars > 0 && url_chars * 2 >= text.len() && !crate::words::ends_sentence(&text) {
            return true;
        }
    }
    // The tools' labels are short; a long line is none of them.
    if text.len() > 200 {
        return false;
    }
    let lower = collapse_ws(text).to_lowercase();
    let bare = lower.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '…' | ':'));
    const TOOLS: &[&str] = &[
        "share this story", "share this article", "share this", "share", "sharing is caring", "advertisement",
        "sponsored links", "sponsored", "this slideshow requires javascript", "スポンサードリンク", "広告", "anzeige",
        "publicidade", "publicidad", "реклама",
    ];
    if TOOLS.contains(&bare) {
        return true;
    }
    // "Image 2 of 5", "Photo 3/8".
    let counter: Vec<&str> = bare.split_whitespace().collect();
    let numbered = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
    matches!(counter.as_slice(), [kind, a, "of", b] if matches!(*kind, "image" | "photo" | "picture" | "slide") && numbered(a) && numbered(b))
}

/// A tag list: "Tags: river, ferry, harbour", or, under a "Tags" label, a line of short
/// comma-separated keywords.
fn is_tag_line(text: &str, under_label: bool) -> bool {
    let text = collapse_ws(text);
    let lower = text.to_lowercase();
    if ["tags:", "tagged:", "topics:", "keywords:", "tags ", "etiquetas:", "schlagwörter:"].iter().any(|l| lower.starts_with(l)) && count_words(&text) <= 40 {
        return true;
    }
    let items: Vec<&str> = text.split(',').map(str::trim).filter(|i| !i.is_empty()).collect();
    under_label && items.len() >= 4 && items.iter().all(|i| count_words(i) <= 5 && !i.ends_with('.')) && !crate::words::ends_sentence(&text)
}

/// A heading (or a short line standing as one) that opens a box of other stories, or of
/// things about the page rather than the story (the writer's biography).
pub fn is_recirculation_heading(text: &str) -> bool {
    // Six words at most: a long line is none (every paragraph is asked).
    if text.len() > 160 {
        return false;
    }
    let text = collapse_ws(text).to_lowercase();
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | ':' | '»' | '›' | '!'));
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    const PHRASES: &[&str] = &[
        "related", "related articles", "related stories", "related posts", "related content", "related coverage",
        "related news", "you may also like", "you might also like", "you may like", "you might like", "recommended",
        "recommended for you", "recommended stories", "trending", "trending now", "don't miss", "don’t miss",
        "must watch", "must read", "most popular", "most read", "popular stories", "popular posts", "top stories",
        "read next", "up next", "what to read next", "around the web", "sponsored content", "promoted stories",
        "you may be interested in", "more stories", "more news", "latest stories", "about the author",
        "about the authors", "você pode gostar", "veja também", "leia também", "posts relacionados",
        "notícias relacionadas", "mais lidas", "te puede interesar", "también te puede interesar",
        "noticias relacionadas", "artículos relacionados", "lo más leído", "à lire aussi", "lire aussi",
        "vous aimerez aussi", "articles similaires", "sur le même sujet", "lesen sie auch",
        "das könnte sie auch interessieren", "mehr zum thema", "weitere artikel", "ähnliche artikel", "leggi anche",
        "potrebbe interessarti", "articoli correlati", "lees ook", "читайте также", "похожие статьи",
        "самые популярные", "популярное", "関連記事", "おすすめ記事", "人気記事", "相关文章", "相关阅读", "推荐阅读",
    ];
    // Exact, or a phrase of two words or more opening a short line ("Самые популярные диеты").
    if PHRASES.iter().any(|p| text == *p || (p.contains(' ') && text.starts_with(p) && text[p.len()..].starts_with(' ') && words.len() <= 4)) {
        return true;
    }
    // "More Great WIRED Stories", "More from Example News".
    words.len() <= 5
        && words[0] == "more"
        && (matches!(*words.last().unwrap_or(&""), "stories" | "articles" | "news" | "posts" | "videos" | "reading") || words.get(1) == Some(&"from"))
}

/// A line that asks the reader to sign up for a newsletter, wherever it stands.
fn is_newsletter_box(text: &str) -> bool {
    let lower = text.to_lowercase();
    let asks = ["sign up", "subscribe to", "subscribe now", "inbox", "delivered", "subscribed", "subscribing"].iter().any(|c| lower.contains(c));
    let to_you = ["sign up for our", "subscribe to our", "subscribe now", "to your inbox", "in your inbox", "successfully subscribed"].iter().any(|c| lower.contains(c));
    count_words(text) <= 40 && ((lower.contains("newsletter") && asks) || to_you)
}

/// A closing line that asks the reader to do something other than read: follow, subscribe,
/// sign up, write to the writer; or a writer's one-line biography.
pub fn is_call_to_action(text: &str) -> bool {
    let text = collapse_ws(text);
    let words = count_words(&text);
    if words == 0 || words > 60 {
        return false;
    }
    let lower = text.to_lowercase();
    const CUES: &[&str] = &[
        "follow us", "follow him", "follow her", "follow them", "follow @", "on twitter @", "newsletter", "subscribe",
        "sign up", "in your inbox", "to your inbox", "delivered to your", "delivered through your", "email us",
        "e-mail us", "write to ", "reach the reporter", "may be reached at", "can be reached at", "contact the author",
        "click here", "join our", "have a tip", "news tip", "chat with us", "download the app", "listen to ",
        "sharing is caring", "contributed to this report", "reporting by", "editing by", "subject to copyright",
        "affiliate commission", "affiliate link", "letters to the editor",
    ];
    let follow = lower.starts_with("follow ") && ["twitter", "facebook", "instagram"].iter().any(|n| lower.contains(n));
    if CUES.iter().any(|c| lower.contains(c)) || lower.starts_with("citation:") || follow {
        return true;
    }
    // "Phil Helsel is a reporter for NBC News."
    const ROLES: &[&str] = &["reporter", "writer", "editor", "correspondent", "journalist", "columnist", "contributor", "producer"];
    let bio = lower.split_once(" is a ").or_else(|| lower.split_once(" is an ")).is_some_and(|(who, what)| {
        count_words(who) <= 4 && text.chars().next().is_some_and(char::is_uppercase) && ROLES.iter().any(|r| what.contains(r))
    });
    bio && words <= 50
}

/// Drops the recirculation boxes and the closing calls to action from a story's blocks.
pub fn drop_boxes_and_tail(blocks: &mut Vec<Block>) {
    // A recirculation heading, with the teasers right under it (lists, pictures, short or
    // linked lines): the story may go on after such a box.
    let mut i = 0;
    while i < blocks.len() {
        let opens_box = match &blocks[i] {
            Block::Heading { content, .. } => is_recirculation_heading(&inline_text(content)),
            // The title on a line of its own, the box's links under it in the same paragraph.
            Block::Paragraph { content } => {
                let first_line = content.iter().position(|i| matches!(i, Inline::Break)).unwrap_or(content.len());
                let (total, linked) = super::convert::link_words(&content[first_line..]);
                is_recirculation_heading(&inline_text(&content[..first_line])) && linked * 10 >= total * 8
            }
            _ => false,
        };
        if !opens_box {
            i += 1;
            continue;
        }
        let rest = &blocks[i + 1..];
        let len = rest.iter().position(|b| !is_teaser(b)).unwrap_or(rest.len());
        blocks.drain(i..i + 1 + len);
    }
    // The closing run of calls to action, after the story's last sentence (pictures and
    // rules among them aside).
    let mut i = blocks.len();
    while i > 0 {
        i -= 1;
        match &blocks[i] {
            Block::Figure { .. } | Block::Rule => continue,
            Block::Paragraph { content } if is_call_to_action(&inline_text(content)) => {
                blocks.remove(i);
            }
            _ => break,
        }
    }
}

/// What a box of other stories holds: lists, pictures, and short or mostly linked lines.
fn is_teaser(block: &Block) -> bool {
    match block {
        Block::List { .. } | Block::Figure { .. } => true,
        Block::Paragraph { content } => {
            let (total, linked) = super::convert::link_words(content);
            linked * 2 >= total || (total < 12 && !crate::words::ends_sentence(&inline_text(content)))
        }
        _ => false,
    }
}

/// Photo captions standing as paragraphs go under the picture before them when it has no
/// caption, else out of the running text; pointers, time stamps, page tools, tag lists and
/// newsletter boxes go.
pub fn weed_lines(blocks: &mut Vec<Block>) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut after_tag_label = false;
    for block in blocks.drain(..) {
        let follows_label = std::mem::take(&mut after_tag_label);
        if let Block::Paragraph { content } | Block::Heading { content, .. } = &block {
            let text = inline_text(content);
            let bare = text.trim().trim_end_matches(':');
            if bare.len() <= 8 && matches!(bare.to_lowercase().as_str(), "tags" | "tagged" | "topics" | "keywords") {
                after_tag_label = true;
                continue;
            }
            let paragraph = matches!(block, Block::Paragraph { .. });
            if is_page_tool_line(&text) {
                continue;
            }
            // Pointers, time stamps, newsletter boxes and labelled tag lists are short.
            let short = crate::words::count_words_upto(&text, 41) <= 40;
            if paragraph && short && (is_pointer_line(&text) || is_timestamp_line(&text) || is_newsletter_box(&text)) {
                continue;
            }
            if paragraph && (short || follows_label) && is_tag_line(&text, follows_label) {
                continue;
            }
            let credit_under_picture = text.trim_start().starts_with('©') && matches!(out.last(), Some(Block::Figure { caption: None, .. }));
            if paragraph && (is_photo_caption(&text) || credit_under_picture) {
                if let Some(Block::Figure { caption: caption @ None, .. }) = out.last_mut() {
                    *caption = Some(content.clone());
                }
                continue;
            }
        }
        if follows_label && matches!(block, Block::List { .. }) {
            continue;
        }
        out.push(block);
    }
    *blocks = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_credits() {
        assert!(is_photo_caption("Protesters have worn masks to protect their identities (Image: GETTY )"));
        assert!(is_photo_caption("A long row of unsold vehicles sits at a dealership. (AP Photo/David Zalubowski)"));
        assert!(is_photo_caption("FILE PHOTO: Traders work on the floor in New York, U.S. REUTERS/Brendan McDermid"));
        assert!(is_photo_caption("Image copyright Getty Images"));
        assert!(!is_photo_caption("The minister said the deal (signed on Monday) would stand."));
        assert!(!is_photo_caption("The talk was of the electronic patient record (ePA)"));
        assert!(!is_photo_caption("Photographs of the river were shown at the meeting (in the town hall)."));
    }

    #[test]
    fn pointers_and_boxes() {
        assert!(is_pointer_line("READ MORE: China plague outbreak confirmed: Two diagnosed"));
        assert!(is_pointer_line("Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]"));
        assert!(!is_pointer_line("The committee said: we will read more of the report next week."));
        assert!(is_recirculation_heading("More Great WIRED Stories"));
        assert!(is_recirculation_heading("Você pode gostar..."));
        assert!(is_recirculation_heading("関連記事"));
        assert!(!is_recirculation_heading("More rain expected on Sunday"));
        assert!(!is_recirculation_heading("Related work on sleep"));
    }

    #[test]
    fn time_stamps_tools_and_tags() {
        assert!(is_timestamp_line("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019"));
        assert!(is_timestamp_line("Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 8:31 PM, Feb 17, 2018"));
        assert!(is_timestamp_line("Published 1 day ago"));
        assert!(is_timestamp_line("By HNN Staff | November 18, 2019 at 2:26 PM HST"));
        assert!(!is_timestamp_line("Published in 1851, the novel sold few copies."));
        assert!(!is_timestamp_line("Updated figures show the river rose two metres."));
        assert!(is_page_tool_line("Image 3 of 5"));
        assert!(is_page_tool_line("Share this story"));
        assert!(is_page_tool_line("http://example.org/a/b/photo-1.jpg 540 960 admin http://example.org/c"));
        assert!(!is_page_tool_line("Read the report at https://example.org/report before the vote."));
        assert!(is_tag_line("Tags: river, ferry, harbour", false));
        assert!(is_tag_line("stock car 2018, stock car brasil, stock car cascavel, stock car interlagos", true));
        assert!(!is_tag_line("stock car 2018, stock car brasil, stock car cascavel, stock car interlagos", false));
        assert!(!is_tag_line("We bought apples, pears, plums and figs, and went home.", true));
    }

    #[test]
    fn calls_to_action() {
        assert!(is_call_to_action("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube. Subscribe to our newsletter."));
        assert!(is_call_to_action("Phil Helsel is a reporter for NBC News."));
        assert!(!is_call_to_action("The river rose two metres overnight."));
        assert!(is_newsletter_box("Subscribe to the Morning Review newsletter"));
        assert!(!is_newsletter_box("The paper lost half its subscribers in a year."));
        assert!(!is_newsletter_box("The company continued to sign up additional subscribers throughout the week."));
    }
}
