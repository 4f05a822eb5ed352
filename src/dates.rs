//! Dates as a reader reads them. Pages give their date in their metadata as a machine writes it
//! ("2024-03-19T21:22:50Z", ISO 8601); the clean copy shows the day ("19 March 2024"), the day
//! where it was published (the time and its zone are left out, not converted). A date the page
//! wrote for readers ("March 19, 2024", "Posted 3 hours ago") is shown as it stands.

/// The year, month and day of an ISO 8601 date or date and time (`2024-03-19`,
/// `2024-03-19T21:22`, `2024-03-19 21:22:50.123+01:00`, `…Z`), when that is all the text is.
pub fn iso_day(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.trim().as_bytes();
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = b.get(from..to)?;
        digits.iter().all(u8::is_ascii_digit).then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    if b[4] != b'-' || b[7] != b'-' || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // A time: "T" or a space, hours and minutes, then seconds, fractions and a zone.
    let time = &b[10..];
    let timed = time.len() >= 6
        && matches!(time[0], b'T' | b' ')
        && number(11, 13).is_some()
        && time[3] == b':'
        && number(14, 16).is_some()
        && time[6..].iter().all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b',' | b'+' | b'-' | b'Z' | b'z'));
    (time.is_empty() || timed).then_some((year, month, day))
}

/// Month names and their usual short forms with their numbers, in the languages the corpora
/// hold most (English, French, German, Spanish, Portuguese, Italian); lower case, without a
/// trailing period.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8),
    ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4),
    ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12), ("janvier", 1),
    ("février", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("août", 8), ("septembre", 9),
    ("octobre", 10), ("novembre", 11), ("décembre", 12), ("févr", 2), ("avr", 4), ("juil", 7), ("déc", 12), ("januar", 1),
    ("februar", 2), ("märz", 3), ("juni", 6), ("juli", 7), ("oktober", 10), ("dezember", 12), ("mär", 3), ("okt", 10),
    ("dez", 12), ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
    ("agosto", 8), ("septiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("janeiro", 1),
    ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10),
    ("novembro", 11), ("dezembro", 12), ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
];

/// The number of a month's name or short form (see [`MONTH_NAMES`]); `word` in lower case.
pub fn month_number(word: &str) -> Option<u32> {
    MONTH_NAMES.iter().find(|(name, _)| *name == word).map(|(_, n)| *n)
}

/// The date a text gives, in ISO 8601 and only as precise as the text says: `2025-09-25` for
/// "Sep 25, 2025", "25 September 2025", "Published: 25. September 2025", "25 de septiembre de
/// 2025", "2025年9月25日", "25.09.2025" or "2025-09-25T10:00:00Z"; `2025-09` for "September
/// 2025". None for a date without a year ("Mar 24"), a relative one ("3 hours ago"), or numbers
/// whose day and month could be either way round ("03/04/2025").
pub fn machine_date(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some((y, m, d)) = iso_day(text) {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    let tokens = date_tokens(text);
    written_date(&tokens).or_else(|| numeric_date(&tokens))
}

/// A piece of a date as written: a number (with how many digits it had and the character
/// that followed it), or a word in lower case.
#[derive(Debug, PartialEq)]
enum Token {
    Number { value: u32, digits: usize, then: char },
    Word(String),
}

/// The text cut into numbers and words (an ordinal's ending, "25th", dropped; CJK date marks
/// "年", "月", "日", "년", "월", "일" kept as the character after a number).
fn date_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                value = value.saturating_mul(10).saturating_add(d);
                digits += 1;
                chars.next();
            }
            // "25th", "1st", "2nd", "3rd", "1er", "1º".
            let mut rest = chars.clone();
            let suffix: String = std::iter::from_fn(|| rest.next_if(|c| c.is_alphabetic() || *c == 'º')).collect();
            if matches!(suffix.to_lowercase().as_str(), "st" | "nd" | "rd" | "th" | "er" | "º") {
                chars = rest;
            }
            let then = chars.peek().copied().unwrap_or(' ');
            tokens.push(Token::Number { value, digits, then });
        } else if c.is_alphabetic() && !matches!(c, '年' | '月' | '日' | '년' | '월' | '일') {
            let word: String = std::iter::from_fn(|| chars.next_if(|c| c.is_alphabetic() && !matches!(c, '年' | '月' | '日' | '년' | '월' | '일'))).collect();
            tokens.push(Token::Word(word.to_lowercase()));
        } else {
            chars.next();
        }
        if tokens.len() > 64 {
            break;
        }
    }
    tokens
}

/// Words that may stand between a date's parts ("25 de septiembre de 2025", "the 25th of
/// September").
fn is_joiner(word: &str) -> bool {
    matches!(word, "de" | "del" | "of" | "the" | "le" | "den" | "der" | "il")
}

fn year(value: u32, digits: usize) -> Option<u32> {
    (digits == 4 && (1900..=2100).contains(&value)).then_some(value)
}

fn day(value: u32, digits: usize) -> Option<u32> {
    (digits <= 2 && (1..=31).contains(&value)).then_some(value)
}

/// A date with its month named: the day before or after the name, the year after them.
fn written_date(tokens: &[Token]) -> Option<String> {
    // CJK: "2025年9月25日", "2025년 9월 25일".
    for w in tokens.windows(3) {
        if let [Token::Number { value: y, digits: 4, then: '年' | '년' }, Token::Number { value: m, then: '月' | '월', .. }, Token::Number { value: d, digits, then: '日' | '일' }] = w {
            if let (Some(y), true, Some(d)) = (year(*y, 4), (1..=12).contains(m), day(*d, *digits)) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    let words: Vec<(usize, &Token)> = tokens.iter().enumerate().filter(|(_, t)| !matches!(t, Token::Word(w) if is_joiner(w))).collect();
    for (k, (_, token)) in words.iter().enumerate() {
        let Token::Word(name) = token else { continue };
        let Some(month) = month_number(name.trim_end_matches('.')) else { continue };
        let number = |k: Option<usize>| match k.and_then(|k| words.get(k)) {
            Some((_, Token::Number { value, digits, .. })) => Some((*value, *digits)),
            _ => None,
        };
        let before = number(k.checked_sub(1));
        let after = number(Some(k + 1));
        let after2 = number(Some(k + 2));
        // "September 25, 2025" / "25 September 2025" / "September 2025".
        let (d, y) = match (before, after, after2) {
            (_, Some((d, dd)), Some((y, yd))) if day(d, dd).is_some() && year(y, yd).is_some() => (Some(d), y),
            (Some((d, dd)), Some((y, yd)), _) if day(d, dd).is_some() && year(y, yd).is_some() => (Some(d), y),
            (_, Some((y, yd)), _) if year(y, yd).is_some() => (None, y),
            _ => continue,
        };
        return Some(match d {
            Some(d) => format!("{y:04}-{month:02}-{d:02}"),
            None => format!("{y:04}-{month:02}"),
        });
    }
    None
}

/// A date in numbers only: year first ("2025/09/25", "2025.09.25", "2025-9-25"), or day first
/// with dots ("25.09.2025", as German and most of Europe write it), or with slashes or dashes
/// where only one order makes a date ("25/09/2025"; not "03/04/2025").
fn numeric_date(tokens: &[Token]) -> Option<String> {
    for w in tokens.windows(3) {
        let [Token::Number { value: a, digits: ad, then: s1 }, Token::Number { value: b, digits: bd, then: s2 }, Token::Number { value: c, digits: cd, .. }] = w else { continue };
        let separated = |s: char| matches!(s, '/' | '.' | '-');
        if !separated(*s1) || s1 != s2 || *bd > 2 {
            continue;
        }
        let ymd = |y: u32, m: u32, d: u32| ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"));
        if let Some(y) = year(*a, *ad) {
            if *cd <= 2 {
                if let Some(date) = ymd(y, *b, *c) {
                    return Some(date);
                }
            }
            continue;
        }
        let Some(y) = year(*c, *cd) else { continue };
        if *ad > 2 {
            continue;
        }
        let date = if *s1 == '.' || *a > 12 {
            ymd(y, *b, *a)
        } else if *b > 12 {
            ymd(y, *a, *b)
        } else {
            None
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// How the clean copy shows a date: an ISO date as "19 March 2024" in an English article or
/// one of unknown language, as "2024-03-19" in another language (whose month names the copy
/// does not know); any other text as it stands.
pub fn shown(date: &str, lang: Option<&str>) -> String {
    let date = date.trim();
    match iso_day(date) {
        Some((_, month, day)) if lang.is_none_or(|l| l.get(..2).is_some_and(|l| l.eq_ignore_ascii_case("en"))) => {
            format!("{day} {} {}", MONTHS[month as usize - 1], &date[..4])
        }
        Some(_) => date[..10].to_string(),
        None => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_are_shown_as_days() {
        assert_eq!(shown("2024-03-19T21:22:50Z", Some("en")), "19 March 2024");
        assert_eq!(shown("2025-12-19T05:02:15-06:00", None), "19 December 2025");
        assert_eq!(shown("2024-06-01 09:00:00.123+0100", Some("en-GB")), "1 June 2024");
        assert_eq!(shown("2024-06-01", Some("de")), "2024-06-01");
    }

    #[test]
    fn dates_written_for_readers_stand() {
        assert_eq!(shown("March 19, 2024", Some("en")), "March 19, 2024");
        assert_eq!(shown("2024-13-01", None), "2024-13-01");
        assert_eq!(shown("2024-03-19 and later", None), "2024-03-19 and later");
        assert_eq!(iso_day("2024-03-19T21"), None);
        assert_eq!(iso_day("2024-03-19T21:22Z"), Some((2024, 3, 19)));
    }

    #[test]
    fn dates_as_written_give_the_day_they_name() {
        let cases = [
            ("Sep 25, 2025", Some("2025-09-25")),
            ("Published: October 29, 2024", Some("2024-10-29")),
            ("Updated Tuesday, March 4th, 2025 at 3:40 pm", Some("2025-03-04")),
            ("25 September 2025", Some("2025-09-25")),
            ("25. März 2025", Some("2025-03-25")),
            ("le 5 mars 2025", Some("2025-03-05")),
            ("25 de septiembre de 2025", Some("2025-09-25")),
            ("the 1st of June, 2024", Some("2024-06-01")),
            ("Sept. 3, 2024", Some("2024-09-03")),
            ("2025年9月25日", Some("2025-09-25")),
            ("2025년 9월 25일", Some("2025-09-25")),
            ("25.09.2025", Some("2025-09-25")),
            ("2025/09/25 10:30", Some("2025-09-25")),
            ("25/09/2025", Some("2025-09-25")),
            ("09/25/2025", Some("2025-09-25")),
            ("2025-09-25T10:00:00Z", Some("2025-09-25")),
            ("September 2025", Some("2025-09")),
        ];
        for (text, want) in cases {
            assert_eq!(machine_date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_date_that_could_be_read_two_ways_or_has_no_year_gives_none() {
        for text in ["Mar 24", "03/04/2025", "Posted 3 hours ago", "Yesterday", "12 min read", "Mars rover lands", "May 2 people", "Page 25 of 2025"] {
            assert_eq!(machine_date(text), None, "{text}");
        }
    }
}
