//! Small text measures shared by the extractors: words, white space, sentence ends, scripts.

/// Collapses every run of white space to one space and trims the ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || is_invisible(c)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Characters that take no room on the page (zero-width spaces, joiners used as spacing, BOM).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// True for ideographic and syllabic scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F)
}

/// Words in `s`: runs of letters or digits; each CJK character counts as one word.
pub fn count_words(s: &str) -> usize {
    count_words_upto(s, usize::MAX)
}

/// `count_words`, stopping once `limit` words are counted (for "is this line short?" asked of
/// every paragraph).
pub fn count_words_upto(s: &str, limit: usize) -> usize {
    let mut counter = WordCounter::default();
    counter.push(s, limit);
    counter.count
}

/// The characters of `s` that are not white space (as `char::is_whitespace` has it), counted
/// a byte at a time where `s` is ASCII.
pub fn visible_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes().filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')).count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// Counts words over text that comes in pieces (an element's text nodes), as `count_words`
/// would over the pieces joined: a word split between two pieces counts once.
#[derive(Default)]
pub struct WordCounter {
    /// Words so far.
    pub count: usize,
    in_word: bool,
}

impl WordCounter {
    /// Counts the words of the next piece, stopping once `limit` words are counted in all.
    pub fn push(&mut self, s: &str, limit: usize) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() && self.count < limit {
            // ASCII a byte at a time: most text is, and it needs no decoding or table lookups.
            let (c, cjk, alphanumeric) = if bytes[i].is_ascii() {
                i += 1;
                (bytes[i - 1] as char, false, bytes[i - 1].is_ascii_alphanumeric())
            } else {
                let c = s[i..].chars().next().unwrap_or_default();
                i += c.len_utf8();
                (c, is_cjk(c), c.is_alphanumeric())
            };
            if cjk {
                self.count += 1;
                self.in_word = false;
            } else if alphanumeric {
                if !self.in_word {
                    self.count += 1;
                    self.in_word = true;
                }
            } else if !(self.in_word && (c == '\'' || c == '’' || c == '-')) {
                self.in_word = false;
            }
        }
    }
}

/// The words of `s` (letters, digits and inner apostrophes or hyphens).
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// Closing quotes and brackets that may follow a sentence's final mark.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）')
}

/// True when `c` ends a sentence in some script.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '।' | ';' | ':')
}

/// True when `s` ends the way a sentence does (a final mark, maybe inside closing quotes).
pub fn ends_sentence(s: &str) -> bool {
    let trimmed = s.trim_end().trim_end_matches(is_closer);
    trimmed.chars().last().is_some_and(|c| is_sentence_end(c) && c != ':' && c != ';')
}

/// The number of sentence-ending marks in `s` that are followed by a space or the end.
pub fn sentence_marks(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut n = 0;
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟') {
            let next = chars.get(i + 1).copied();
            if next.is_none_or(|n| n.is_whitespace() || is_closer(n) || is_cjk(c)) {
                n += 1;
            }
        }
    }
    n
}

/// The share of letters that belong to right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, …).
pub fn rtl_share(s: &str) -> f64 {
    let mut letters = 0usize;
    let mut rtl = 0usize;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF) {
            rtl += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        rtl as f64 / letters as f64
    }
}

/// A month's name or its usual short form, in the languages the corpus holds most (English,
/// French, German, Spanish, Portuguese, Italian); lower case, without a trailing period.
pub fn is_month_name(word: &str) -> bool {
    crate::dates::month_number(word).is_some()
}

/// A currency sign of the common ones ("$", "€", "£", "¥", "₹", "₩", "₽").
pub fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_other_text_count_words_alike() {
        // The same text with one non-ASCII letter appended (its own word), which is decoded.
        for s in ["", "don't stop-here, now", "'quoted' -dash- a1 2b", "x--y", "it's\nthe 1990s' end"] {
            let mut ascii = WordCounter::default();
            ascii.push(s, usize::MAX);
            let mut other = WordCounter::default();
            other.push(&format!("{s} \u{e9}"), usize::MAX);
            assert_eq!(ascii.count + 1, other.count, "{s:?}");
        }
        assert_eq!(count_words("don't stop-here, now"), 3);
    }

    #[test]
    fn visible_characters_leave_out_every_white_space() {
        for s in ["", " \t\n\x0b\x0c\r", "a b\tc", "caf\u{e9}\u{a0}cr\u{e8}me\u{2003}!", "\u{3000}\u{65e5}\u{672c}"] {
            assert_eq!(visible_chars(s), s.chars().filter(|c| !c.is_whitespace()).count(), "{s:?}");
        }
    }

    #[test]
    fn words_counted_in_pieces_match_the_pieces_joined() {
        let pieces = ["The ferry's ", "time", "table, ", "2024-25 ", "港口", "の船 and ", "more"];
        let mut counter = WordCounter::default();
        for p in pieces {
            counter.push(p, usize::MAX);
        }
        assert_eq!(counter.count, count_words(&pieces.concat()));
        assert_eq!(count_words_upto("one two three four", 2), 2);
        assert!(is_month_name("novembre") && !is_month_name("novel"));
    }

    #[test]
    fn words_are_counted_in_spaced_and_unspaced_scripts() {
        assert_eq!(count_words("Russia downgrades ties with Hamas"), 5);
        assert_eq!(count_words("don't stop-gap, 2007!"), 3);
        assert_eq!(count_words("東京は晴れ"), 5);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn white_space_collapses_to_single_spaces() {
        assert_eq!(collapse_ws("  a\u{200B}\t b\n\nc  "), "a b c");
    }

    #[test]
    fn sentence_ends_are_seen_through_closing_quotes() {
        assert!(ends_sentence("he said."));
        assert!(ends_sentence("\"No such meetings are being planned.\""));
        assert!(ends_sentence("Правда?"));
        assert!(!ends_sentence("Next Article in World »"));
        assert!(!ends_sentence("Story Highlights"));
    }

    #[test]
    fn right_to_left_scripts_are_recognised() {
        assert!(rtl_share("שלום עולם") > 0.9);
        assert!(rtl_share("مرحبا بالعالم") > 0.9);
        assert_eq!(rtl_share("hello"), 0.0);
    }
}
