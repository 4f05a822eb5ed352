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
}
