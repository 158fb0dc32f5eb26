//! The commands: `check` (load and validate, report everything) and `build` (check, render,
//! write atomically). `main.rs` only parses arguments and calls these.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::content::read_site;
use crate::diagnostics::Diagnostics;
use crate::model::Site;

/// Options shared by the commands.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub strict: bool,
}

/// Outcome of loading: the site (if it can be published) and the report to print.
pub struct Checked {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    /// Whether the content may be published: no errors (and no warnings under `--strict`).
    pub ok: bool,
}

pub fn check(opts: &Options) -> Checked {
    let (site, diagnostics) = read_site(&opts.content);
    let ok = !diagnostics.has_errors()
        && (!opts.strict || diagnostics.warning_count() == 0)
        && site.is_some();
    Checked {
        site,
        diagnostics,
        ok,
    }
}

/// The project directory: the parent of the content directory (where `templates/` and `static/`
/// live).
pub fn project_root(content: &Path) -> PathBuf {
    let abs = if content.is_absolute() {
        content.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(content))
            .unwrap_or_else(|_| content.to_path_buf())
    };
    abs.parent().map(Path::to_path_buf).unwrap_or(abs)
}

/// Renders and writes a checked site into `out`.
pub fn build(site: &Site, content: &Path, out: &Path) -> Result<usize> {
    let root = project_root(content);
    crate::output::check_output_dir(out, content, &root)?;
    let tera = crate::render::templates(Some(&root.join("templates")))?;
    let files = crate::render::render_site(site, &tera)?;
    let n = files.len();
    crate::output::write_site(out, &files, Some(&root.join("static")))?;
    Ok(n)
}
