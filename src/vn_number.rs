//! Vietnamese number notation: `.` groups thousands and `,` is the decimal mark
//! (`1.400` = 1400, `331,5` = 331.5, `325.188,50` = 325188.50). Pages show money this way; data
//! files use a plain `.` decimal. Everything is `Decimal`: money is never a float.

use rust_decimal::Decimal;
use std::str::FromStr;

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

/// Every number written in a line of a source document, read in Vietnamese notation: used to
/// check that an amount cited at a line really is on that line.
pub fn numbers_in(line: &str) -> Vec<Decimal> {
    line.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|tok| tok.trim_matches(|c| c == '.' || c == ','))
        .filter(|tok| !tok.is_empty())
        .filter_map(parse)
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
    fn finds_every_number_on_a_document_line() {
        assert_eq!(
            numbers_in("2025  CTX, NST 3.640 "),
            vec![d("2025"), d("3640")]
        );
        assert_eq!(
            numbers_in("Nhu cầu và kinh phí năm 2025 là  325.188,50  triệu đồng; trong đó:"),
            vec![d("2025"), d("325188.50")]
        );
    }

    #[test]
    fn large_sums_read_as_billions() {
        assert_eq!(format_million_vnd_human(d("325188.5")), "325,2 tỷ đồng");
        assert_eq!(format_million_vnd_human(d("40")), "40 triệu đồng");
    }
}
