//! Lines a page puts in and around a story that are not the story: photo credits standing as
//! paragraphs, pointers to other stories ("READ MORE: …"), headings of recirculation boxes
//! ("You may also like"), and the calls to follow, subscribe or write in that end many stories.
//! Each is told by its own words, in the languages of the pages measured, never by site.

use crate::article::{inline_text, Block, Inline};
use crate::words::{collapse_ws, count_words};

/// A paragraph that is a picture's caption: it ends with a photo credit ("… (AP Photo/Name)",
/// "… (Image: GETTY)", "… REUTERS/Name") or opens as one ("Image copyright …").
pub fn is_photo_caption(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    const OPENERS: &[&str] = &[
        "image copyright",
        "image caption",
        "image source",
        "file photo:",
        "photo:",
        "picture:",
        "credit:",
    ];
    if OPENERS.iter().any(|o| lower.starts_with(o)) && count_words(text) <= 60 {
        return true;
    }
    // The last parenthesised group, when the text ends with one.
    if let Some(open) = lower
        .trim_end()
        .strip_suffix(')')
        .and_then(|inner| inner.rfind('(').map(|i| &inner[i + 1..]))
    {
        let group = open.trim();
        const CREDITS: &[&str] = &[
            "image:",
            "images:",
            "photo:",
            "photos:",
            "picture:",
            "pic:",
            "credit:",
            "photo by",
            "photograph by",
            "ap photo",
            "file photo",
            "photo credit",
            "getty images",
            "shutterstock",
        ];
        // An agency alone may be a sentence's abbreviation ("the agency (EPA)"); with a
        // photographer after a slash it is a credit.
        const AGENCIES: &[&str] = &["afp/", "epa/", "reuters/", "ap/", "getty/", "xinhua/"];
        if CREDITS.iter().chain(AGENCIES).any(|c| group.starts_with(c)) || group == "getty" {
            return true;
        }
    }
    // An agency's credit closing the line: "… REUTERS/Brendan McDermid".
    let last = text
        .rsplit(|c: char| c == '.' || c == ' ')
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    ["REUTERS/", "AFP/", "AP/", "EPA/", "Getty Images/"]
        .iter()
        .any(|a| last.contains(a))
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
            "read more",
            "see more",
            "more",
            "read also",
            "also read",
            "read",
            "see also",
            "related",
            "watch",
            "listen",
            "don't miss",
            "recommended",
            "must read",
            "must watch",
            "more on this",
            "more from",
            "trending",
            "leia também",
            "veja também",
            "lesen sie auch",
            "lire aussi",
            "à lire aussi",
            "leggi anche",
            "lee también",
            "читайте также",
        ];
        if LABELS.contains(&label.as_str()) {
            return true;
        }
    }
    // "Headline [VIDEO]", "Headline [INSIGHT]|": a bracketed tag in capitals closing the line.
    let trimmed = text.trim_end_matches(['|', ' ']);
    trimmed
        .strip_suffix(']')
        .and_then(|t| t.rfind('[').map(|i| &t[i + 1..]))
        .is_some_and(|tag| {
            !tag.is_empty()
                && tag.chars().count() <= 12
                && tag.chars().all(|c| c.is_uppercase() || c == ' ')
                && words >= 4
        })
}

/// A heading (or a short line standing as one) that opens a box of other stories.
pub fn is_recirculation_heading(text: &str) -> bool {
    let text = collapse_ws(text).to_lowercase();
    let text = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | '…' | ':' | '»' | '›' | '!')
    });
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    const PHRASES: &[&str] = &[
        "related",
        "related articles",
        "related stories",
        "related posts",
        "related content",
        "related coverage",
        "related news",
        "you may also like",
        "you might also like",
        "you may like",
        "you might like",
        "recommended",
        "recommended for you",
        "recommended stories",
        "trending",
        "trending now",
        "don't miss",
        "don’t miss",
        "must watch",
        "must read",
        "most popular",
        "most read",
        "popular stories",
        "popular posts",
        "top stories",
        "read next",
        "up next",
        "what to read next",
        "around the web",
        "sponsored content",
        "promoted stories",
        "you may be interested in",
        "more stories",
        "more news",
        "latest stories",
        "você pode gostar",
        "veja também",
        "leia também",
        "posts relacionados",
        "notícias relacionadas",
        "mais lidas",
        "te puede interesar",
        "también te puede interesar",
        "noticias relacionadas",
        "artículos relacionados",
        "lo más leído",
        "à lire aussi",
        "lire aussi",
        "vous aimerez aussi",
        "articles similaires",
        "sur le même sujet",
        "lesen sie auch",
        "das könnte sie auch interessieren",
        "mehr zum thema",
        "weitere artikel",
        "ähnliche artikel",
        "leggi anche",
        "potrebbe interessarti",
        "articoli correlati",
        "lees ook",
        "читайте также",
        "похожие статьи",
        "самые популярные",
        "популярное",
        "関連記事",
        "おすすめ記事",
        "人気記事",
        "相关文章",
        "相关阅读",
        "推荐阅读",
    ];
    // Exact, or a phrase of two words or more opening a short line ("Самые популярные диеты").
    if PHRASES.iter().any(|p| {
        text == *p
            || (p.contains(' ')
                && text.starts_with(p)
                && text[p.len()..].starts_with(' ')
                && words.len() <= 4)
    }) {
        return true;
    }
    // "More Great WIRED Stories", "More from Example News".
    words.len() <= 5
        && words[0] == "more"
        && (matches!(
            *words.last().unwrap_or(&""),
            "stories" | "articles" | "news" | "posts" | "videos" | "reading"
        ) || words.get(1) == Some(&"from"))
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
        "follow us",
        "follow him",
        "follow her",
        "follow them",
        "follow @",
        "on twitter @",
        "newsletter",
        "subscribe",
        "sign up",
        "in your inbox",
        "to your inbox",
        "delivered to your",
        "delivered through your",
        "email us",
        "e-mail us",
        "write to ",
        "reach the reporter",
        "may be reached at",
        "can be reached at",
        "contact the author",
        "click here",
        "join our",
        "have a tip",
        "news tip",
        "chat with us",
        "download the app",
        "listen to ",
        "sharing is caring",
        "contributed to this report",
        "reporting by",
        "editing by",
    ];
    if CUES.iter().any(|c| lower.contains(c)) {
        return true;
    }
    // "Phil Helsel is a reporter for NBC News."
    const ROLES: &[&str] = &[
        "reporter",
        "writer",
        "editor",
        "correspondent",
        "journalist",
        "columnist",
        "contributor",
        "producer",
    ];
    let bio = lower
        .split_once(" is a ")
        .or_else(|| lower.split_once(" is an "))
        .is_some_and(|(who, what)| {
            count_words(who) <= 4
                && text.chars().next().is_some_and(char::is_uppercase)
                && ROLES.iter().any(|r| what.contains(r))
        });
    bio && words <= 50
}

/// Drops the recirculation boxes and the closing calls to action from a story's blocks.
pub fn drop_boxes_and_tail(blocks: &mut Vec<Block>) {
    // A recirculation heading, with its box: in the story's second half, everything up to the
    // next heading; earlier on, only the teasers right under it (lists, pictures, short or
    // linked lines), so that a story placed after such a box on the page is kept.
    let mut i = 0;
    while i < blocks.len() {
        let opens_box = match &blocks[i] {
            Block::Heading { content, .. } => is_recirculation_heading(&inline_text(content)),
            // The title on a line of its own, the box's links under it in the same paragraph.
            Block::Paragraph { content } => {
                let first_line = content
                    .iter()
                    .position(|i| matches!(i, Inline::Break))
                    .unwrap_or(content.len());
                let (total, linked) = super::convert::link_words(&content[first_line..]);
                is_recirculation_heading(&inline_text(&content[..first_line]))
                    && linked * 10 >= total * 8
            }
            _ => false,
        };
        if !opens_box {
            i += 1;
            continue;
        }
        let rest = &blocks[i + 1..];
        let len = rest
            .iter()
            .position(|b| !is_teaser(b))
            .unwrap_or(rest.len());
        blocks.drain(i..i + 1 + len);
    }
    // The closing run of calls to action, after the story's last sentence.
    while let Some(Block::Paragraph { content }) = blocks.last() {
        if is_call_to_action(&inline_text(content)) {
            blocks.pop();
        } else {
            break;
        }
    }
}

/// What a box of other stories holds: lists, pictures, and short or mostly linked lines.
fn is_teaser(block: &Block) -> bool {
    match block {
        Block::List { .. } | Block::Figure { .. } => true,
        Block::Paragraph { content } => {
            let (total, linked) = super::convert::link_words(content);
            linked * 2 >= total
                || (total < 12 && !crate::words::ends_sentence(&inline_text(content)))
        }
        _ => false,
    }
}

/// Photo captions standing as paragraphs: under the picture before them when it has no caption,
/// else left out of the running text. Pointers to other stories go too.
pub fn fold_captions_and_pointers(blocks: &mut Vec<Block>) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks.drain(..) {
        if let Block::Paragraph { content } = &block {
            let text = inline_text(content);
            if is_pointer_line(&text) {
                continue;
            }
            if is_photo_caption(&text) {
                if let Some(Block::Figure {
                    caption: caption @ None,
                    ..
                }) = out.last_mut()
                {
                    *caption = Some(content.clone());
                }
                continue;
            }
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
        assert!(is_photo_caption(
            "Protesters have worn masks to protect their identities (Image: GETTY )"
        ));
        assert!(is_photo_caption(
            "A long row of unsold vehicles sits at a dealership. (AP Photo/David Zalubowski)"
        ));
        assert!(is_photo_caption(
            "FILE PHOTO: Traders work on the floor in New York, U.S. REUTERS/Brendan McDermid"
        ));
        assert!(is_photo_caption("Image copyright Getty Images"));
        assert!(!is_photo_caption(
            "The minister said the deal (signed on Monday) would stand."
        ));
        assert!(!is_photo_caption(
            "The talk was of the electronic patient record (ePA)"
        ));
        assert!(!is_photo_caption(
            "Photographs of the river were shown at the meeting (in the town hall)."
        ));
    }

    #[test]
    fn pointers_and_boxes() {
        assert!(is_pointer_line(
            "READ MORE: China plague outbreak confirmed: Two diagnosed"
        ));
        assert!(is_pointer_line(
            "Plane passengers quarantined after BUBONIC PLAGUE outbreak [NEWS]"
        ));
        assert!(!is_pointer_line(
            "The committee said: we will read more of the report next week."
        ));
        assert!(is_recirculation_heading("More Great WIRED Stories"));
        assert!(is_recirculation_heading("Você pode gostar..."));
        assert!(is_recirculation_heading("関連記事"));
        assert!(!is_recirculation_heading("More rain expected on Sunday"));
        assert!(!is_recirculation_heading("Related work on sleep"));
    }

    #[test]
    fn calls_to_action() {
        assert!(is_call_to_action("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube. Subscribe to our newsletter."));
        assert!(is_call_to_action("Phil Helsel is a reporter for NBC News."));
        assert!(!is_call_to_action("The river rose two metres overnight."));
    }
}
