//! CSV writers. The canonical CSV is RFC 4180: UTF-8 without BOM, comma, CRLF, a header row,
//! quotes only where needed, and every cell exactly as given. The Excel copy adds a UTF-8 BOM (so
//! Excel reads Vietnamese text correctly) and defuses formulas: a text cell that Excel would run
//! as a formula gets a leading `'`.

/// Canonical CSV of a table.
pub fn csv_bytes<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> Vec<u8> {
    write(header, rows, |s| s.to_string())
}

/// CSV for people who open it in Excel: UTF-8 with BOM, and formula-like text cells prefixed
/// with `'` (plain numbers, negative ones included, stay numbers).
pub fn excel_csv_bytes<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend(write(header, rows, defuse));
    out
}

fn write<R: AsRef<[String]>>(
    header: &[&str],
    rows: &[R],
    cell: impl Fn(&str) -> String,
) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into a Vec cannot fail, and every record has the header's length (checked below).
    w.write_record(header.iter().map(|h| cell(h)))
        .expect("CSV into memory");
    for row in rows {
        let row = row.as_ref();
        assert_eq!(row.len(), header.len(), "CSV row of the wrong width");
        w.write_record(row.iter().map(|c| cell(c)))
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
        );
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "a,b,c,d,e\r\n'=cmd,-500,'+1+2,'@SUM(A1),'-x\r\n");
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
