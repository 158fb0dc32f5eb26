//! Vietnamese number notation: `.` groups thousands and `,` is the decimal mark
//! (`1.400` = 1400, `331,5` = 331.5, `325.188,50` = 325188.50). Pages show money this way; data
//! files use a plain `.` decimal. Everything is `Decimal`: money is never a float.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Shown wherever a document gives no number. Never 0.
pub const UNKNOWN: &str = "chưa có số liệu";

/// Content numbers have at most this many digits before the decimal mark: a million billion
/// million VND is far beyond any budget, and the bound keeps every sum of a site exact (a
/// `Decimal` holds 28 digits; larger values would be rounded silently or overflow).
pub const MAX_INTEGER_DIGITS: usize = 15;
/// …and at most this many after it.
pub const MAX_DECIMALS: usize = 6;

/// Significant digits before the decimal mark (leading zeros not counted) and digits after it,
/// of a plain number `[+-]digits[.digits]`.
pub fn digit_counts(plain: &str) -> (usize, usize) {
    let t = plain.trim().trim_start_matches(['+', '-']);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let int = int.trim_start_matches('0');
    (
        int.bytes().filter(u8::is_ascii_digit).count(),
        frac.bytes().filter(u8::is_ascii_digit).count(),
    )
}

/// Formats a decimal the Vietnamese way: `1400` → `1.400`, `331.5` → `331,5`, `-2500` → `-2.500`.
/// Trailing fractional zeros are dropped (`8700.0` → `8.700`).
pub fn format(value: Decimal) -> String {
    let normalized = value.normalize();
    let text = normalized.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if normalized.is_sign_negative() && !normalized.is_zero() {
        out.push('-');
    }
    let digits = int_part.as_bytes();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(*d as char);
    }
    if let Some(f) = frac_part {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// Formats with a fixed number of decimals, rounding half away from zero: used for chart labels
/// and large sums (`325.7` tỷ). `format_fixed(331.5, 0)` → `332`.
pub fn format_rounded(value: Decimal, decimals: u32) -> String {
    format(value.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    ))
}

/// Million VND as a reader-friendly sum: below 1.000 triệu in "triệu đồng", above in "tỷ đồng"
/// with one decimal (`325188.5` → `325,2 tỷ đồng`).
pub fn format_million_vnd_human(value: Decimal) -> String {
    if value.abs() >= Decimal::from(1000) {
        format!("{} tỷ đồng", format_rounded(value / Decimal::from(1000), 1))
    } else {
        format!("{} triệu đồng", format(value))
    }
}

/// Parses Vietnamese notation. Accepts `1.400`, `1400`, `8.700,0`, `331,5`, `325.188,50`, an
/// optional leading `-`, and a trailing `%`. Returns `None` for anything else.
///
/// A single `.` followed by other than three digits (`1.5`) is not Vietnamese notation and is
/// rejected, so that a plain decimal is never silently read as thousands.
pub fn parse(text: &str) -> Option<Decimal> {
    let t = text.trim().trim_end_matches('%').trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if t.is_empty() {
        return None;
    }
    let (int_part, frac_part) = match t.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let mut plain: String = groups.concat();
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        plain.push('.');
        plain.push_str(f);
    }
    let value = Decimal::from_str(&plain).ok()?;
    Some(if negative { -value } else { value })
}

/// The money unit written after a number (`triệu đồng`, `đồng`, `tỷ đồng`…), which says how to
/// read it as million VND. `Plain` when no money word follows (a table cell, a percentage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Plain,
    Dong,
    ThousandDong,
    MillionDong,
    BillionDong,
}

/// A number written in a text, read whole in Vietnamese notation, with the unit word after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub value: Decimal,
    pub scale: Scale,
    /// Where the number is written in the line (bytes).
    pub span: std::ops::Range<usize>,
}

impl Written {
    /// Whether this written number states `amount` million VND: as written when no unit or
    /// `triệu` follows; converted when the text states `đồng`, `nghìn đồng` or `tỷ đồng`. Exact
    /// (no rounding): `52.538.000.000 đồng` states 52538 and nothing else.
    pub fn states_million_vnd(&self, amount: Decimal) -> bool {
        let times = |factor: i64| amount.checked_mul(Decimal::from(factor));
        match self.scale {
            Scale::Plain | Scale::MillionDong => self.value == amount,
            Scale::Dong => times(1_000_000) == Some(self.value),
            Scale::ThousandDong => times(1_000) == Some(self.value),
            Scale::BillionDong => self.value.checked_mul(Decimal::from(1000)) == Some(amount),
        }
    }
}

/// Every number written in `line`, each read whole: a run of digits, `.` and `,` is one number,
/// read in Vietnamese notation (`3.640` is 3640, never 3.64; `331,5` is 331.5, never 5 or 331),
/// or as a plain decimal when it is not Vietnamese notation (`64.43%`). Runs that are neither
/// (`2.1.3`) are not numbers. The unit word after a number may be on the following lines
/// (`52.538.000.000` at the end of a line, `đồng` on the next), which `next_lines` provide.
pub fn written_numbers(line: &str, next_lines: &[&str]) -> Vec<Written> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b',')
        {
            i += 1;
        }
        let token = line[start..i].trim_end_matches(['.', ',']);
        let Some(value) = read_whole(token, &line[start + token.len()..]) else {
            continue;
        };
        let scale = scale_after(&line[start + token.len()..], next_lines);
        out.push(Written {
            value,
            scale,
            span: start..start + token.len(),
        });
    }
    out
}

/// The text of line `n` (1-based) of a document and every number written on it, read whole, with
/// the money word looked up on the next lines too: what `check` compares a cited amount with,
/// and what `cite` searches. `line_at` gives a line of the document by number.
pub fn numbers_on_line<'a>(
    line_at: impl Fn(usize) -> Option<&'a str>,
    n: usize,
) -> Option<(&'a str, Vec<Written>)> {
    let text = line_at(n)?;
    let next: Vec<&str> = (n + 1..n + 4).filter_map(&line_at).collect();
    Some((text, written_numbers(text, &next)))
}

/// Whether line `n` of a document states `amount` million VND (see [`numbers_on_line`]).
pub fn line_states_million_vnd<'a>(
    line_at: impl Fn(usize) -> Option<&'a str>,
    n: usize,
    amount: Decimal,
) -> bool {
    numbers_on_line(line_at, n).is_some_and(|(_, w)| w.iter().any(|w| w.states_million_vnd(amount)))
}

/// A number token read whole: Vietnamese notation first, else — only for a percentage — a plain
/// decimal (`64.43%`, as some documents write it). `1.2` before a title is an item number.
fn read_whole(token: &str, rest: &str) -> Option<Decimal> {
    if let Some(v) = parse(token) {
        return Some(v);
    }
    let (int, frac) = token.split_once('.')?;
    let plain = !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if plain && rest.trim_start().starts_with('%') {
        Decimal::from_str(token).ok()
    } else {
        None
    }
}

/// The money word that follows a number: on the same line, or at the start of the next
/// non-blank line when the number ends its line.
fn scale_after(rest: &str, next_lines: &[&str]) -> Scale {
    let rest = rest.trim_start();
    let text = if rest.is_empty() {
        match next_lines.iter().take(3).find(|l| !l.trim().is_empty()) {
            Some(l) => l.trim_start(),
            None => return Scale::Plain,
        }
    } else {
        rest
    };
    let mut words = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .map(crate::slug::slugify);
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    match (first.as_str(), second.as_str()) {
        ("dong", _) => Scale::Dong,
        ("trieu", _) => Scale::MillionDong,
        ("ty" | "ti", "le") => Scale::Plain,
        ("ty" | "ti", _) => Scale::BillionDong,
        ("nghin" | "ngan", "dong") => Scale::ThousandDong,
        _ => Scale::Plain,
    }
}

/// The values of every number written in a text (see [`written_numbers`]), ignoring unit words:
/// used to check that a goal value is written in its target's text.
pub fn numbers_in(text: &str) -> Vec<Decimal> {
    written_numbers(text, &[])
        .into_iter()
        .map(|w| w.value)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_thousands_with_dots_and_decimals_with_commas() {
        assert_eq!(format(d("1400")), "1.400");
        assert_eq!(format(d("331.5")), "331,5");
        assert_eq!(format(d("325188.50")), "325.188,5");
        assert_eq!(format(d("8700.0")), "8.700");
        assert_eq!(format(d("40")), "40");
        assert_eq!(format(d("-2500")), "-2.500");
        assert_eq!(format(d("0")), "0");
        assert_eq!(format(d("1000000")), "1.000.000");
    }

    #[test]
    fn parses_the_notation_of_the_source_documents() {
        assert_eq!(parse("1.400"), Some(d("1400")));
        assert_eq!(parse("8.700,0"), Some(d("8700")));
        assert_eq!(parse("331,5"), Some(d("331.5")));
        assert_eq!(parse("325.188,50"), Some(d("325188.50")));
        assert_eq!(parse("1320"), Some(d("1320")));
        assert_eq!(parse("87,85%"), Some(d("87.85")));
        assert_eq!(parse("1.5"), None);
        assert_eq!(parse("1.40"), None);
        assert_eq!(parse("abc"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn format_then_parse_gives_the_same_decimal() {
        for s in [
            "0",
            "1",
            "999",
            "1000",
            "1427.5",
            "325188.5",
            "0.25",
            "123456789.125",
        ] {
            assert_eq!(parse(&format(d(s))), Some(d(s).normalize()), "{s}");
        }
    }

    #[test]
    fn finds_every_number_on_a_document_line_read_whole() {
        assert_eq!(
            numbers_in("2025  CTX, NST 3.640 "),
            vec![d("2025"), d("3640")]
        );
        assert_eq!(
            numbers_in("Nhu cầu và kinh phí năm 2025 là  325.188,50  triệu đồng; trong đó:"),
            vec![d("2025"), d("325188.50")]
        );
    }

    fn states(line: &str, next: &[&str], amount: &str) -> bool {
        written_numbers(line, next)
            .iter()
            .any(|w| w.states_million_vnd(d(amount)))
    }

    #[test]
    fn a_cited_amount_must_be_a_whole_number_of_the_line() {
        // Fragments of `331,5` are not on the line; the whole number is.
        assert!(states("1.2 Đào tạo CTX, NST 331,5", &[], "331.5"));
        assert!(!states("1.2 Đào tạo CTX, NST 331,5", &[], "5"));
        assert!(!states("1.2 Đào tạo CTX, NST 331,5", &[], "331"));
        // `3.640` is three thousand six hundred and forty, not 3.64.
        assert!(states("2025  CTX, NST 3.640 ", &[], "3640"));
        assert!(!states("2025  CTX, NST 3.640 ", &[], "3.64"));
        // A percentage is read whole: 87,85 % is not 85.
        assert!(states("đạt 87,85%.", &[], "87.85"));
        assert!(!states("đạt 87,85%.", &[], "85"));
        // Plain decimals written by some documents.
        assert!(states("đạt 64.43%", &[], "64.43"));
        // An item number is not a plain decimal.
        assert!(!states("1.2 Đào tạo CTX, NST 331,5", &[], "1.2"));
        // Section numbers are not numbers.
        assert!(numbers_in("Mục 2.1.3 của kế hoạch").is_empty());
    }

    #[test]
    fn a_sum_in_dong_states_only_its_amount_in_million_vnd() {
        let line = "- Khái toán kinh phí năm 2025 là: 52.538.000.000 ";
        let next = [
            "",
            "đồng (Bằng chữ: Năm mươi hai tỷ, năm trăm ba mươi tám triệu đồng);",
        ];
        assert!(states(line, &next, "52538"));
        assert!(!states(line, &next, "52538000000"));
        assert!(states("là 52.538.000.000 đồng", &[], "52538"));
        assert!(states("là 325.188,50 triệu đồng", &[], "325188.5"));
        assert!(states("khoảng 325,2 tỷ đồng", &[], "325200"));
        assert!(!states("khoảng 325,2 tỷ đồng", &[], "325.2"));
        assert!(states("500 nghìn đồng", &[], "0.5"));
        // "tỷ lệ" is a rate, not billions.
        assert!(states("95 tỷ lệ", &[], "95"));
        // A huge written number never overflows the conversion.
        let huge = "79.228.162.514.264.337.593.543.950.335 đồng";
        assert!(!states(huge, &[], "79228162514264337593543950335"));
    }

    #[test]
    fn large_sums_read_as_billions() {
        assert_eq!(format_million_vnd_human(d("325188.5")), "325,2 tỷ đồng");
        assert_eq!(format_million_vnd_human(d("40")), "40 triệu đồng");
    }
}
