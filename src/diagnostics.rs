//! Problems found in content: every one carries a location, the offending text, and a hint that
//! tells a civil servant what to write instead. `check` collects them all before reporting, so one
//! run shows every problem at once.

use std::fmt::{self, Write as _};

use crate::source::Location;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, English, machine-readable class of the problem (`unknown-unit`, `duplicate-id`, ...).
    pub code: &'static str,
    /// What is wrong, in Vietnamese.
    pub message: String,
    pub location: Option<Location>,
    /// What to do about it, in Vietnamese.
    pub hint: Option<String>,
    /// Other places that explain the problem ("first defined here").
    pub related: Vec<(Location, String)>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            hint: None,
            related: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    pub fn at_opt(mut self, location: Option<Location>) -> Diagnostic {
        self.location = location;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn related(mut self, location: Location, note: impl Into<String>) -> Diagnostic {
        self.related.push((location, note.into()));
        self
    }

    fn sort_key(&self) -> (String, usize, usize, Severity, &'static str, String) {
        match &self.location {
            Some(l) => (
                l.file.clone(),
                l.line,
                l.column,
                self.severity,
                self.code,
                self.message.clone(),
            ),
            None => (
                String::new(),
                0,
                0,
                self.severity,
                self.code,
                self.message.clone(),
            ),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// Renders like a compiler message:
    ///
    /// ```text
    /// lỗi[unknown-unit]: không có đơn vị `so-noi-vuu`
    ///   --> content/plans/x/targets.toml:12:10
    ///    |
    /// 12 | lead = ["so-noi-vuu"]
    ///    |          ^^^^^^^^^^^^
    ///    = gợi ý: có phải `so-noi-vu` (Sở Nội vụ)?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        writeln!(f, "{label}[{}]: {}", self.code, self.message)?;
        let gutter = self
            .location
            .as_ref()
            .map(|l| l.line.to_string().len())
            .unwrap_or(1);
        if let Some(loc) = &self.location {
            write_snippet(f, loc, gutter, None)?;
        }
        for (loc, note) in &self.related {
            write_snippet(f, loc, gutter, Some(note))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{:gutter$} = gợi ý: {hint}", "")?;
        }
        Ok(())
    }
}

fn write_snippet(
    f: &mut fmt::Formatter<'_>,
    loc: &Location,
    gutter: usize,
    note: Option<&str>,
) -> fmt::Result {
    let gutter = gutter.max(loc.line.to_string().len());
    writeln!(
        f,
        "{:gutter$}--> {}:{}:{}",
        "", loc.file, loc.line, loc.column
    )?;
    writeln!(f, "{:gutter$} |", "")?;
    let shown: String = loc.line_text.chars().take(160).collect();
    writeln!(f, "{:>gutter$} | {}", loc.line, shown)?;
    let mut marker = String::new();
    let _ = write!(
        marker,
        "{}{}",
        " ".repeat(loc.column.saturating_sub(1).min(160)),
        "^".repeat(
            loc.width
                .min(160usize.saturating_sub(loc.column.saturating_sub(1)))
                .max(1)
        )
    );
    match note {
        Some(n) => writeln!(f, "{:gutter$} | {marker} {n}", ""),
        None => writeln!(f, "{:gutter$} | {marker}", ""),
    }
}

/// The problems of one run, in a stable order.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file, line and column, so output does not depend on thread scheduling.
    pub fn sort(&mut self) {
        self.items.sort_by_cached_key(Diagnostic::sort_key);
        self.items.dedup_by(|a, b| a.sort_key() == b.sort_key());
    }

    /// Numbered report of every problem, followed by a summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, d) in self.items.iter().enumerate() {
            let _ = write!(out, "({}) {d}\n", i + 1);
        }
        let _ = writeln!(
            out,
            "{} lỗi, {} cảnh báo.",
            self.error_count(),
            self.warning_count()
        );
        out
    }
}
