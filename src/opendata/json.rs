//! The JSON copy of a table: an array of objects, one per row, keys in column order. Values are
//! the CSV cells as JSON strings — amounts too, so that they stay exact decimals (`"331.5"`) and
//! no float parser changes them — and an empty cell is `null` (unknown, never 0).

/// JSON rows of a table, UTF-8, one object per line, ending with a newline.
pub fn json_rows_bytes<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> Vec<u8> {
    let mut out = String::from("[");
    for (i, row) in rows.iter().enumerate() {
        let row = row.as_ref();
        assert_eq!(row.len(), header.len(), "JSON row of the wrong width");
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        for (j, (key, cell)) in header.iter().zip(row).enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            out.push_str(&string(key));
            out.push_str(": ");
            if cell.is_empty() {
                out.push_str("null");
            } else {
                out.push_str(&string(cell));
            }
        }
        out.push('}');
    }
    out.push_str(if rows.is_empty() { "]\n" } else { "\n]\n" });
    out.into_bytes()
}

fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_column_order_exact_decimals_and_null_for_unknown() {
        let bytes = json_rows_bytes(
            &["line_id", "amount", "title"],
            &[
                vec!["b".into(), "".into(), "Trà Bồng \"12.8\"".into()],
                vec!["a".into(), "331.5".into(), "x".into()],
            ],
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "[\n  {\"line_id\": \"b\", \"amount\": null, \"title\": \"Trà Bồng \\\"12.8\\\"\"},\n  {\"line_id\": \"a\", \"amount\": \"331.5\", \"title\": \"x\"}\n]\n"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[1]["amount"], "331.5");
        assert!(v[0]["amount"].is_null());
    }

    #[test]
    fn an_empty_table_is_an_empty_array() {
        assert_eq!(json_rows_bytes::<Vec<String>>(&["a"], &[]), b"[]\n");
    }
}
