//! Language and direction from the text itself: by script, then by the commonest short words.

use crate::article::Direction;
use crate::words::words;

/// How far [`guess`] reads: the scripts of the text's first this many characters...
pub const READS_CHARS: usize = 200_000;
/// ...and the short words among its first this many words.
pub const READS_WORDS: usize = 20_000;

/// The guessed language (BCP 47 primary tag) and direction of `text`, where the text shows them.
///
/// ```
/// use cleancopy::lang::guess;
/// use cleancopy::Direction;
/// assert_eq!(guess("שלום לכולם, זה מאמר קצר בעברית."), (Some("he".into()), Some(Direction::Rtl)));
/// ```
pub fn guess(text: &str) -> (Option<String>, Option<Direction>) {
    let mut counts = ScriptCounts::default();
    for c in text.chars().take(READS_CHARS) {
        counts.add(c);
    }
    let letters = counts.total().max(1) as f64;
    let share = |n: usize| n as f64 / letters;
    if counts.total() < 20 {
        return (None, None);
    }
    let rtl = share(counts.hebrew + counts.arabic) > 0.4;
    let dir = Some(if rtl { Direction::Rtl } else { Direction::Ltr });
    let lang = if share(counts.hebrew) > 0.4 {
        Some("he")
    } else if share(counts.arabic) > 0.4 {
        Some(if counts.persian_letters * 50 > counts.arabic { "fa" } else { "ar" })
    } else if share(counts.kana) > 0.05 {
        Some("ja")
    } else if share(counts.hangul) > 0.3 {
        Some("ko")
    } else if share(counts.han) > 0.3 {
        Some("zh")
    } else if share(counts.cyrillic) > 0.4 {
        Some(if counts.ukrainian_letters * 100 > counts.cyrillic { "uk" } else { "ru" })
    } else if share(counts.greek) > 0.4 {
        Some("el")
    } else if share(counts.latin) > 0.6 {
        latin_language(text)
    } else {
        None
    };
    (lang.map(str::to_string), dir)
}

#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    cyrillic: usize,
    ukrainian_letters: usize,
    greek: usize,
    hebrew: usize,
    arabic: usize,
    persian_letters: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    other: usize,
}

impl ScriptCounts {
    fn add(&mut self, c: char) {
        if !c.is_alphabetic() {
            return;
        }
        match c as u32 {
            0x41..=0x24F | 0x1E00..=0x1EFF => self.latin += 1,
            0x370..=0x3FF | 0x1F00..=0x1FFF => self.greek += 1,
            0x400..=0x52F => {
                self.cyrillic += 1;
                if matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ') {
                    self.ukrainian_letters += 1;
                }
            }
            0x590..=0x5FF | 0xFB1D..=0xFB4F => self.hebrew += 1,
            0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                self.arabic += 1;
                if matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ی') {
                    self.persian_letters += 1;
                }
            }
            0x3040..=0x30FF => self.kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => self.hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => self.han += 1,
            _ => self.other += 1,
        }
    }

    fn total(&self) -> usize {
        self.latin + self.cyrillic + self.greek + self.hebrew + self.arabic + self.han + self.kana + self.hangul + self.other
    }
}

/// The commonest short words of languages written in Latin letters.
const LATIN_STOP_WORDS: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "on"]),
    ("de", &["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "den", "sich", "auf"]),
    ("fr", &["le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "que", "du"]),
    ("es", &["el", "los", "las", "y", "del", "es", "una", "por", "con", "para", "que", "se"]),
    ("it", &["il", "di", "che", "è", "gli", "della", "una", "per", "non", "sono", "con", "del"]),
    ("pt", &["o", "os", "as", "e", "do", "da", "não", "uma", "para", "com", "que", "em"]),
    ("nl", &["de", "het", "een", "en", "van", "is", "niet", "dat", "op", "met", "voor", "zijn"]),
];

/// Picks the Latin-script language whose stop words are most frequent, when one clearly leads.
fn latin_language(text: &str) -> Option<&'static str> {
    let mut scores = [0usize; 7];
    let mut total = 0usize;
    for word in words(text).take(READS_WORDS) {
        total += 1;
        let lower = word.to_lowercase();
        for (i, (_, list)) in LATIN_STOP_WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                scores[i] += 1;
            }
        }
    }
    let (best, &score) = scores.iter().enumerate().max_by_key(|(_, &s)| s)?;
    let second = scores.iter().enumerate().filter(|(i, _)| *i != best).map(|(_, &s)| s).max().unwrap_or(0);
    (total >= 20 && score * 10 >= total && score >= second * 3 / 2 + 1).then(|| LATIN_STOP_WORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_prose_is_english_left_to_right() {
        let text = "Russia said on Tuesday it had downgraded its ties with the group, in a show of support for the visiting leader, and that it was time to move on with the talks.";
        assert_eq!(guess(text), (Some("en".into()), Some(Direction::Ltr)));
    }

    #[test]
    fn arabic_is_right_to_left() {
        let text = "قالت روسيا يوم الثلاثاء إنها خفضت مستوى علاقاتها مع الحركة في إطار دعمها للرئيس الزائر";
        assert_eq!(guess(text), (Some("ar".into()), Some(Direction::Rtl)));
    }

    #[test]
    fn cyrillic_and_japanese_are_told_apart() {
        assert_eq!(guess("Россия заявила во вторник, что понизила уровень отношений с движением.").0.as_deref(), Some("ru"));
        assert_eq!(guess("東京では今日、桜が満開になりました。多くの人が公園を訪れています。").0.as_deref(), Some("ja"));
    }

    #[test]
    fn too_little_text_says_nothing() {
        assert_eq!(guess("OK"), (None, None));
    }
}
