//! The text of a Word document (`.docx`), verbatim, as the lines the content cites: one line per
//! paragraph, one line per table row with its cells separated by a tab (the way the bundled
//! documents write table rows), a manual line break inside a paragraph starts a new line. The
//! same file always gives the same lines, so line numbers cited from it stay valid.

use std::io::Read;

use anyhow::{Context, Result, bail};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The largest `word/document.xml` read (a 300-page plan is a few MB of XML).
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// The lines of the main text of a `.docx` file given as bytes.
pub fn docx_lines(bytes: &[u8]) -> Result<Vec<String>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .context("tệp không phải là tài liệu Word .docx (không mở được dạng nén zip)")?;
    let mut xml = String::new();
    {
        let entry = zip
            .by_name("word/document.xml")
            .context("tệp .docx không có phần nội dung `word/document.xml`")?;
        if entry.size() > MAX_XML_BYTES {
            bail!("nội dung tài liệu Word quá lớn ({} MB)", entry.size() >> 20);
        }
        entry
            .take(MAX_XML_BYTES)
            .read_to_string(&mut xml)
            .context("đọc nội dung tài liệu Word")?;
    }
    document_xml_lines(&xml)
}

/// Where text goes while reading: the paragraph being read, and the cells of the table rows
/// around it (tables nest: a table inside a cell is flattened into that cell's text).
#[derive(Default)]
struct State {
    lines: Vec<String>,
    paragraph: String,
    /// One entry per open table row: its finished cells and the cell being read.
    rows: Vec<(Vec<String>, String)>,
    in_text: bool,
}

impl State {
    fn push_text(&mut self, s: &str) {
        self.paragraph.push_str(s);
    }

    /// A paragraph ends: a line of its own outside tables, else part of its cell.
    fn end_paragraph(&mut self) {
        let p = std::mem::take(&mut self.paragraph);
        match self.rows.last_mut() {
            Some((_, cell)) => {
                let p = p.trim();
                if !p.is_empty() {
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(p);
                }
            }
            None => self.lines.push(p.trim_end().to_string()),
        }
    }

    /// A line break inside a paragraph: outside tables it starts a new line.
    fn line_break(&mut self) {
        if self.rows.is_empty() {
            let p = std::mem::take(&mut self.paragraph);
            self.lines.push(p.trim_end().to_string());
        } else {
            self.paragraph.push(' ');
        }
    }

    fn end_cell(&mut self) {
        if !self.paragraph.is_empty() {
            self.end_paragraph();
        }
        if let Some((cells, cell)) = self.rows.last_mut() {
            cells.push(std::mem::take(cell).replace('\t', " ").trim().to_string());
        }
    }

    fn end_row(&mut self) {
        let Some((cells, _)) = self.rows.pop() else {
            return;
        };
        let line = cells.join("\t").trim_end().to_string();
        match self.rows.last_mut() {
            // A nested table's row becomes text of the outer cell.
            Some((_, cell)) => {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&line.replace('\t', " "));
            }
            None => self.lines.push(line),
        }
    }
}

/// The lines of `word/document.xml`.
pub fn document_xml_lines(xml: &str) -> Result<Vec<String>> {
    let mut reader = Reader::from_str(xml);
    let mut st = State::default();
    // Text inside these is not the document's text (deleted revisions, field codes, the text of
    // drawings' alternative content is kept once through `mc:Fallback` being skipped).
    let mut skip_depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .with_context(|| format!("tài liệu Word hỏng ở byte {}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                match name {
                    "w:del" | "mc:Fallback" | "w:instrText" | "w:delText" => skip_depth = 1,
                    "w:t" => st.in_text = true,
                    "w:tr" => st.rows.push((Vec::new(), String::new())),
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    "w:t" => st.in_text = false,
                    "w:p" => st.end_paragraph(),
                    "w:tc" => st.end_cell(),
                    "w:tr" => st.end_row(),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 {
                    continue;
                }
                match e.name().as_ref() {
                    "w:tab" => st.push_text("\t"),
                    "w:br" | "w:cr" => st.line_break(),
                    "w:noBreakHyphen" => st.push_text("-"),
                    "w:p" => st.end_paragraph(),
                    "w:tc" => st.end_cell(),
                    _ => {}
                }
            }
            Event::Text(t) if st.in_text && skip_depth == 0 => {
                st.push_text(&t.xml10_content());
            }
            Event::CData(t) if st.in_text && skip_depth == 0 => {
                st.push_text(&t.xml10_content());
            }
            Event::GeneralRef(r) if st.in_text && skip_depth == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    st.paragraph.push(c);
                }
            }
            _ => {}
        }
    }
    if !st.paragraph.is_empty() {
        st.end_paragraph();
    }
    // Blank lines at the end carry nothing and would only move the end of the file.
    while st.lines.last().is_some_and(|l| l.trim().is_empty()) {
        st.lines.pop();
    }
    Ok(st
        .lines
        .into_iter()
        .map(|l| l.replace(['\r', '\n'], " "))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::document_xml_lines;

    #[test]
    fn paragraphs_are_lines_and_table_rows_are_tab_separated() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Kinh phí </w:t></w:r><w:r><w:t>1.400 &amp; 331,5</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1.1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Đào tạo</w:t></w:r></w:p><w:p><w:r><w:t>kỹ năng</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>331,5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:delText>xoá</w:delText></w:r><w:del><w:r><w:t>bỏ</w:t></w:r></w:del></w:p>
</w:body></w:document>"#;
        let lines = document_xml_lines(xml).unwrap();
        assert_eq!(
            lines,
            vec![
                "KẾ HOẠCH",
                "Kinh phí 1.400 & 331,5",
                "",
                "1.1\tĐào tạo kỹ năng\t\t331,5",
                "a",
                "b",
            ]
        );
    }
}
