//! Line-level signals for plain-text extraction, each general (no site names or phrases):
//! time stamps, teaser cards glued to their headline, contact details, repeated phrases.

use crate::words::{count_words, ends_sentence};

/// A short line that only stamps a time or date ("November 19, 2019 at 6:44 am",
/// "2 days ago at 07:52", "11/20/2019 01:14 PM"): comment and list furniture.
pub fn is_stamp(text: &str) -> bool {
    let words = count_words(text);
    if words == 0 || words > 10 || ends_sentence(text) && words > 6 {
        return false;
    }
    has_clock_time(text) || crate::refine::is_date_line(text) && words <= 8
}

/// `7:52`, `07:52`, `18:06`: a clock time.
pub(crate) fn has_clock_time(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
            // Not a third digit before the colon ("2019 8:21" is a time; "123:45" is not).
            && (i < 3 || !(b[i - 2].is_ascii_digit() && b[i - 3].is_ascii_digit()))
    })
}

/// A teaser card copied as one line: a Title Case headline glued to its blurb with no space
/// ("Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left …").
pub fn is_glued_teaser(text: &str) -> bool {
    // The headline sits at the start of the card: looking further only costs time.
    let chars: Vec<char> = text.chars().take(300).collect();
    for i in 2..chars.len().saturating_sub(1) {
        let (a, b) = (chars[i - 1], chars[i]);
        if !(a.is_lowercase() || matches!(a, '?' | '!' | '’' | '"' | '”' | ')')) || !(b.is_uppercase() || b == '“') {
            continue;
        }
        let prefix: String = chars[..i].iter().collect();
        let words: Vec<&str> = prefix.split_whitespace().collect();
        if words.len() < 4 {
            continue;
        }
        let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '$')).count();
        let rest = &text[text.char_indices().nth(i).map_or(text.len(), |(b, _)| b)..];
        if capitalised * 10 >= words.len() * 6 && count_words(rest) >= 6 {
            return true;
        }
    }
    false
}

/// An e-mail address, a phone number or a web address inside the line.
pub fn has_contact_details(text: &str) -> bool {
    let has_email = text.split_whitespace().any(|w| {
        let at = w.find('@');
        at.is_some_and(|i| i > 0 && w[i + 1..].contains('.'))
    });
    let has_url = text.contains("http://") || text.contains("https://") || text.contains("www.");
    let digit_runs = text
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')' | '+' | '.')))
        .any(|run| run.chars().filter(char::is_ascii_digit).count() >= 9);
    has_email || has_url || digit_runs
}

/// True when the same three-word phrase comes back three times or more within one line
/// ("Click to share on Twitter (Opens in new window) Click to share on Facebook (Opens in new
/// window) …"): a row of buttons, not prose.
/// `numbering` numbers the words lower-cased (any numbering a page's lines share).
pub fn repeats_itself(text: &str, numbering: &mut super::cohesion::Numbering) -> bool {
    if crate::words::words(text).nth(8).is_none() {
        return false;
    }
    let words: Vec<u32> = crate::words::words(text).map(|w| numbering.lowered(w)).collect();
    let mut counts: rustc_hash::FxHashMap<&[u32], usize> = rustc_hash::FxHashMap::default();
    for w in words.windows(3) {
        *counts.entry(w).or_default() += 1;
    }
    // Three times within a paragraph-sized line marks a row of buttons or a glued list; in a
    // longer line (a whole text without line breaks) the phrase must make up a quarter of it.
    counts.values().any(|&n| n >= 3 && (words.len() <= 400 || n * 3 * 4 >= words.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_time_stamps_are_stamps() {
        assert!(is_stamp("November 19, 2019 at 6:44 am"));
        assert!(is_stamp("2 days ago at 07:52 am"));
        assert!(is_stamp("11/20/2019 01:14 PM"));
        assert!(!is_stamp("The meeting ran from 9:30 until well after midnight, and nobody left early."));
        assert!(!is_stamp("Ratio of 3:1000"));
        assert!(is_stamp("Nov. 19, 2019 8:21 am ET"));
    }

    #[test]
    fn a_teaser_glued_to_its_headline_is_found() {
        assert!(is_glued_teaser("Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left the steakhouse without paying."));
        assert!(is_glued_teaser("Police: 2 In Custody After Death Of Student-AthleteA 24-year-old woman and a 28-year-old man have been arrested."));
        assert!(!is_glued_teaser("Apple said the new MacBook Pro would ship next week with a better keyboard."));
        assert!(!is_glued_teaser("The New MacBook Pro Review"));
    }

    #[test]
    fn contact_details_are_seen() {
        assert!(has_contact_details("Write to subs@example.com or call 03-7619056 12"));
        assert!(has_contact_details("Telephone: +44 20 7946 0958"));
        assert!(!has_contact_details("In 2019, 250,000 applications were mailed."));
    }

    #[test]
    fn a_row_of_share_buttons_repeats_itself() {
        let mut numbering = crate::text::cohesion::Numbering::default();
        assert!(repeats_itself("Share this: Click to share on Facebook (Opens in new window) Click to share on Twitter (Opens in new window) Click to email this to a friend (Opens in new window)", &mut numbering));
        assert!(!repeats_itself("The river was high on Sunday, and families came out to watch the boats go by.", &mut numbering));
    }
}
