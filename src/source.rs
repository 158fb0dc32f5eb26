//! Source files as read from disk, with the line index needed to turn byte offsets (TOML spans)
//! into the `file:line:column` locations every diagnostic carries.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A text file of the content directory, decoded as UTF-8 with any BOM removed.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user (relative to the working directory when possible).
    pub display: String,
    pub path: PathBuf,
    /// Path relative to the content directory, `/`-separated (empty when not read from one).
    pub rel: String,
    pub text: String,
    line_starts: Vec<usize>,
}

/// A place in a source file, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The whole source line, without its line ending.
    pub line_text: String,
    /// How many characters to underline, at least 1.
    pub width: usize,
}

impl SourceFile {
    pub fn new(path: &Path, display: String, mut text: String) -> SourceFile {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            display,
            path: path.to_path_buf(),
            rel: String::new(),
            text,
            line_starts,
        }
    }

    /// Records where the file lies in the content directory.
    pub fn with_rel(mut self, rel: &Path) -> SourceFile {
        self.rel = rel
            .iter()
            .filter_map(|p| p.to_str())
            .collect::<Vec<_>>()
            .join("/");
        self
    }

    /// The folder of the file relative to the content directory (`documents/qn`), `""` at the top.
    pub fn rel_dir(&self) -> &str {
        self.rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
    }

    /// Number of lines, counting a last line without a newline.
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if self.text.ends_with('\n') { n - 1 } else { n }
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line(&self, line: usize) -> Option<&str> {
        if line == 0 || line > self.line_count() {
            return None;
        }
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// The location of a byte range of this file.
    pub fn location(&self, span: Range<usize>) -> Location {
        let start = span.start.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&start) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_index];
        let line_text = self.line(line_index + 1).unwrap_or("").to_string();
        let column = self.text[line_start..floor_char_boundary(&self.text, start)]
            .chars()
            .count()
            + 1;
        let end = span.end.min(self.text.len()).max(start);
        let spanned = &self.text
            [floor_char_boundary(&self.text, start)..floor_char_boundary(&self.text, end)];
        let first_line = spanned.split('\n').next().unwrap_or("");
        Location {
            file: self.display.clone(),
            line: line_index + 1,
            column,
            line_text,
            width: first_line.trim_end_matches('\r').chars().count().max(1),
        }
    }

    /// The location of a whole 1-based line.
    pub fn line_location(&self, line: usize) -> Location {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let len = self.line(line).map(str::len).unwrap_or(0);
        self.location(start..start + len)
    }

    /// The location of the first occurrence of `needle` at or after byte `from`, or of `from`.
    pub fn find_location(&self, from: usize, needle: &str) -> Location {
        match self.text.get(from..).and_then(|t| t.find(needle)) {
            Some(i) => self.location(from + i..from + i + needle.len()),
            None => self.location(from..from),
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(Path::new("x.toml"), "x.toml".into(), text.into())
    }

    #[test]
    fn locations_count_lines_and_characters_not_bytes() {
        let f = file("a = 1\ntên = \"Sở\"\n");
        let at = f.text.find("\"Sở\"").unwrap();
        let loc = f.location(at..at + "\"Sở\"".len());
        assert_eq!((loc.line, loc.column, loc.width), (2, 7, 4));
        assert_eq!(loc.line_text, "tên = \"Sở\"");
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_crlf_lines_are_clean() {
        let f = file("\u{feff}a = 1\r\nb = 2\r\n");
        assert_eq!(f.line(1), Some("a = 1"));
        assert_eq!(f.line(2), Some("b = 2"));
        assert_eq!(f.line_count(), 2);
        assert_eq!(f.line(3), None);
    }
}
