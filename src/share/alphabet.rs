//! The link's alphabet: the 78 characters a URL fragment may hold as they are (RFC 3986:
//! unreserved characters, most sub-delimiters, `:`, `@`, `/` and `?`), less the quote and the
//! parentheses, which Markdown and HTML writers break links at. 78 characters carry 6.29 bits
//! each against base64's 6, so links come out about 4% shorter.
//!
//! Bytes go in groups of 25 (200 bits) written as 32 digits (78^32 > 2^200); a last, shorter
//! group takes as few digits as its bytes need. A final check character, a letter or digit,
//! catches most links cut short and keeps the link from ending in punctuation that mail
//! programs leave out of a link.

const ALPHABET: &[u8; 78] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&*+,;=:@/?";
const BASE: u32 = 78;
const GROUP_BYTES: usize = 25;
const GROUP_DIGITS: usize = 32;

/// Digits needed for `n` bytes: the least `k` with 78^k ≥ 256^n.
fn digits_for(n: usize) -> usize {
    let bits = 8.0 * n as f64;
    let mut k = (bits / (BASE as f64).log2()).floor() as usize;
    while (k as f64) * (BASE as f64).log2() < bits {
        k += 1;
    }
    k
}

fn check_char(digits: &[u8]) -> u8 {
    let sum = digits.iter().enumerate().fold(0u32, |acc, (i, &d)| acc.wrapping_mul(31).wrapping_add(d as u32 + i as u32));
    ALPHABET[(sum % 62) as usize]
}

/// Writes `bytes` in the link alphabet, check character last.
pub fn encode(bytes: &[u8], out: &mut String) {
    let mut digits = Vec::with_capacity(bytes.len() * GROUP_DIGITS / GROUP_BYTES + 2);
    for group in bytes.chunks(GROUP_BYTES) {
        let k = if group.len() == GROUP_BYTES { GROUP_DIGITS } else { digits_for(group.len()) };
        // Long division of the group (a big-endian number) by 78, k times.
        let mut num = group.to_vec();
        let mut rev = Vec::with_capacity(k);
        for _ in 0..k {
            let mut rem = 0u32;
            for b in num.iter_mut() {
                let cur = (rem << 8) | *b as u32;
                *b = (cur / BASE) as u8;
                rem = cur % BASE;
            }
            rev.push(ALPHABET[rem as usize]);
        }
        digits.extend(rev.into_iter().rev());
    }
    let check = check_char(&digits);
    out.extend(digits.iter().map(|&d| d as char));
    out.push(check as char);
}

/// Reads what [`encode`] wrote; `None` for characters outside the alphabet, a length no
/// encoding has, a failed check or a group whose value does not fit its bytes.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let raw = s.as_bytes();
    let (&check, digits) = raw.split_last()?;
    if check_char(digits) != check {
        return None;
    }
    let full = digits.len() / GROUP_DIGITS;
    let rest = digits.len() % GROUP_DIGITS;
    let last_bytes = if rest == 0 { 0 } else { (1..GROUP_BYTES).find(|&n| digits_for(n) == rest)? };
    let mut out = Vec::with_capacity(full * GROUP_BYTES + last_bytes);
    for (i, group) in digits.chunks(GROUP_DIGITS).enumerate() {
        let n = if i < full { GROUP_BYTES } else { last_bytes };
        let mut num = vec![0u8; n];
        for &c in group {
            let d = ALPHABET.iter().position(|&a| a == c)? as u32;
            // num = num * 78 + d, in base 256, refusing overflow past n bytes.
            let mut carry = d;
            for b in num.iter_mut().rev() {
                let cur = *b as u32 * BASE + carry;
                *b = (cur & 0xff) as u8;
                carry = cur >> 8;
            }
            if carry != 0 {
                return None;
            }
        }
        out.extend(num);
    }
    Some(out)
}

/// Whether `c` belongs to the alphabet.
#[cfg(test)]
pub fn is_link_char(c: char) -> bool {
    c.is_ascii() && ALPHABET.contains(&(c as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_round_trips_and_digit_counts_are_distinct() {
        for n in 0..80 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let mut s = String::new();
            encode(&bytes, &mut s);
            assert!(s.chars().all(is_link_char), "{s}");
            assert!(s.chars().last().unwrap().is_ascii_alphanumeric());
            assert_eq!(decode(&s), Some(bytes), "n = {n}");
        }
        let ks: Vec<usize> = (1..GROUP_BYTES).map(digits_for).collect();
        assert!(ks.windows(2).all(|w| w[0] < w[1]) && *ks.last().unwrap() < GROUP_DIGITS, "{ks:?}");
        assert_eq!(digits_for(GROUP_BYTES), GROUP_DIGITS);
        assert_eq!(decode(&"\u{ff}".repeat(3)), None);
        let all_max = [0xffu8; 25];
        let mut s = String::new();
        encode(&all_max, &mut s);
        assert_eq!(decode(&s).as_deref(), Some(&all_max[..]));
    }
}
