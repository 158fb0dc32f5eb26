//! The resolvers' unit tests start from the smallest valid site (`tests/fixtures/minimal`),
//! change one file, and read what `check` says: each resolver's module tests its own refusals
//! this way, through the same load → resolve path that `check` and `build` take.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Site;

macro_rules! minimal {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../tests/fixtures/minimal/", $path)))),*]
    };
}

const MINIMAL: &[(&str, &str)] = minimal!(
    "areas.toml",
    "site.toml",
    "units/units.toml",
    "documents/documents.toml",
    "documents/kh-1-2025.txt",
    "plans/kh-1-2025/plan.md",
    "plans/kh-1-2025/targets.toml",
    "plans/kh-1-2025/tasks.toml",
    "plans/kh-1-2025/budget.toml",
    "reports/bc-1-2025/report.md",
    "reports/bc-1-2025/progress.toml",
);

/// The files of a content directory, by path relative to it.
pub(super) struct Content(BTreeMap<String, String>);

impl Content {
    /// The minimal valid site.
    pub fn minimal() -> Content {
        Content(
            MINIMAL
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
        )
    }

    /// Replaces `from` by `to` in one file; panics if `from` is not there (a test that edits
    /// nothing would pass for the wrong reason).
    pub fn replace(mut self, path: &str, from: &str, to: &str) -> Content {
        let text = self.0.get_mut(path).expect("no such file in the fixture");
        assert!(text.contains(from), "`{from}` is not in {path}");
        *text = text.replacen(from, to, 1);
        self
    }

    /// Adds text at the end of a file (creating it).
    pub fn append(mut self, path: &str, more: &str) -> Content {
        self.0.entry(path.to_string()).or_default().push_str(more);
        self
    }

    /// Removes a file.
    pub fn remove(mut self, path: &str) -> Content {
        assert!(self.0.remove(path).is_some(), "no file {path}");
        self
    }

    /// Loads and resolves the content as `check` does.
    pub fn check(self) -> Checked {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "minhbach-resolve-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in &self.0 {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, text).unwrap();
        }
        let (site, diags) = crate::content::read_site(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        Checked {
            site,
            diagnostics: diags.iter().cloned().collect(),
            root: format!("{}/", dir.display()),
        }
    }
}

/// What `check` said about a content directory, and the model it read.
pub(super) struct Checked {
    pub site: Option<Site>,
    pub diagnostics: Vec<Diagnostic>,
    /// The temporary content directory, as locations print it.
    root: String,
}

impl Checked {
    /// The errors, as `code: message`.
    pub fn errors(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect()
    }

    /// Asserts there is no error, and returns the model.
    pub fn accepted(self) -> Site {
        assert!(self.errors().is_empty(), "{:#?}", self.errors());
        self.site.expect("a site")
    }

    /// The one error with this code; panics (listing what was said) unless there is exactly one.
    pub fn the_error(&self, code: &str) -> &Diagnostic {
        let found: Vec<&Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.code == code)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected one `{code}`, got {:#?}",
            self.errors()
        );
        found[0]
    }

    /// The one error with this code, with where it points: `file:line` and the underlined text.
    pub fn located(&self, code: &str) -> (String, String) {
        let d = self.the_error(code);
        let at = d.location.as_ref().expect("a located error");
        let underlined: String = at
            .line_text
            .chars()
            .skip(at.column - 1)
            .take(at.width)
            .collect();
        let file = at.file.strip_prefix(&self.root).unwrap_or(&at.file);
        (format!("{file}:{}", at.line), underlined)
    }
}

#[test]
fn the_minimal_site_is_accepted() {
    let site = Content::minimal().check().accepted();
    assert_eq!(site.plans.len(), 1);
}
