//! Dates as a reader reads them. Pages give their date in their metadata as a machine writes it
//! ("2024-03-19T21:22:50Z", ISO 8601); the clean copy shows the day ("19 March 2024"), the day
//! where it was published (the time and its zone are left out, not converted). A date the page
//! wrote for readers ("March 19, 2024", "Posted 3 hours ago") is shown as it stands.

/// The year, month and day of an ISO 8601 date or date and time (`2024-03-19`,
/// `2024-03-19T21:22`, `2024-03-19 21:22:50.123+01:00`, `…Z`), when that is all the text is.
pub fn iso_day(text: &str) -> Option<(u32, u32, u32)> {
    let text = text.trim();
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).filter(|d| d.iter().all(u8::is_ascii_digit)).and_then(|_| text[r].parse::<u32>().ok());
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if b[4] != b'-' || b[7] != b'-' || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let rest = &text[10..];
    if !rest.is_empty() {
        // A time: "T" or a space, hours and minutes, then seconds, fractions and a zone.
        let time = rest.strip_prefix(['T', ' '])?;
        let t = time.as_bytes();
        if t.len() < 5 || !t[..2].iter().all(u8::is_ascii_digit) || t[2] != b':' || !t[3..5].iter().all(u8::is_ascii_digit) {
            return None;
        }
        if !time[5..].chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | '+' | '-' | 'Z' | 'z')) {
            return None;
        }
    }
    Some((year, month, day))
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// How the clean copy shows a date: an ISO date as "19 March 2024" in an English article or
/// one of unknown language, as "2024-03-19" in another language (whose month names the copy
/// does not know); any other text as it stands.
pub fn shown(date: &str, lang: Option<&str>) -> String {
    match iso_day(date) {
        Some((year, month, day)) if lang.is_none_or(|l| l.to_ascii_lowercase().starts_with("en")) => format!("{day} {} {year}", MONTHS[month as usize - 1]),
        Some((year, month, day)) => format!("{year:04}-{month:02}-{day:02}"),
        None => date.trim().to_string(),
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
}
