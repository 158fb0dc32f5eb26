//! CSV writers. The canonical CSV is RFC 4180: UTF-8 without BOM, comma, CRLF, a header row,
//! quotes only where needed, and every cell exactly as given. The Excel copy is for Excel set to
//! Vietnamese regional settings, which is what staff and citizens have: `;` between cells (the
//! Vietnamese list separator — with `,` Excel puts each row in one cell), numbers with a decimal
//! comma (`331,5`; `331.5` would be read as text or a date), a UTF-8 BOM (so Excel reads the
//! diacritics), and formulas defused: a text cell that Excel would run as a formula gets a
//! leading `'`.

/// Canonical CSV of a table.
pub fn csv_bytes<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> Vec<u8> {
    write(header, rows, b',', |_, s| s.to_string())
}

/// CSV for Excel with Vietnamese settings: UTF-8 with BOM, `;`-separated, the cells of
/// `numeric` columns with a decimal comma, and formula-like text cells prefixed with `'` (plain
/// numbers, negative ones included, stay numbers).
pub fn excel_csv_bytes<R: AsRef<[String]>>(
    header: &[&str],
    rows: &[R],
    numeric: &[bool],
) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend(write(header, rows, b';', |col, c| {
        if numeric.get(col).copied().unwrap_or(false) && is_plain_number(c) {
            c.replace('.', ",")
        } else {
            defuse(c)
        }
    }));
    out
}

fn write<R: AsRef<[String]>>(
    header: &[&str],
    rows: &[R],
    delimiter: u8,
    cell: impl Fn(usize, &str) -> String,
) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into a Vec cannot fail, and every record has the header's length (checked below).
    w.write_record(header.iter().map(|h| defuse(h)))
        .expect("CSV into memory");
    for row in rows {
        let row = row.as_ref();
        assert_eq!(row.len(), header.len(), "CSV row of the wrong width");
        w.write_record(row.iter().enumerate().map(|(i, c)| cell(i, c)))
            .expect("CSV into memory");
    }
    w.into_inner().expect("CSV into memory")
}

/// A cell as the Excel copy writes it: text that Excel (or LibreOffice) would evaluate as a
/// formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a leading `'`,
/// unless it is a plain number (`-500`, `+3.5`), which Excel reads as the number it is.
pub fn defuse(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// `[+-]digits[.digits]`.
fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn canonical_csv_is_rfc4180_without_bom_and_keeps_text_exactly() {
        let bytes = csv_bytes(
            &["id", "title", "amount"],
            &rows(&[&["a", "=cmd", "331.5"], &["b", "Hà Nội, \"x\"", ""]]),
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "id,title,amount\r\na,=cmd,331.5\r\nb,\"Hà Nội, \"\"x\"\"\",\r\n"
        );
    }

    #[test]
    fn excel_copy_has_a_bom_and_defuses_formulas_but_not_numbers() {
        let bytes = excel_csv_bytes(
            &["a", "b", "c", "d", "e"],
            &rows(&[&["=cmd", "-500", "+1+2", "@SUM(A1)", "-x"]]),
            &[false, true, false, false, false],
        );
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "a;b;c;d;e\r\n'=cmd;-500;'+1+2;'@SUM(A1);'-x\r\n");
    }

    #[test]
    fn excel_copy_opens_in_columns_with_vietnamese_settings() {
        let bytes = excel_csv_bytes(
            &["title", "amount", "code"],
            &rows(&[&["Hà Nội; Huế", "331.5", "1.2"]]),
            &[false, true, false],
        );
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        // `;` separates cells, the amount has a decimal comma, a text cell keeps its dot.
        assert_eq!(text, "title;amount;code\r\n\"Hà Nội; Huế\";331,5;1.2\r\n");
    }

    #[test]
    fn plain_numbers_are_recognised() {
        for n in ["0", "-500", "244939.5", "+3.25"] {
            assert!(is_plain_number(n), "{n}");
        }
        for n in ["", "-", "1.", ".5", "1e5", "-1-1", "1,5"] {
            assert!(!is_plain_number(n), "{n}");
        }
    }
}
