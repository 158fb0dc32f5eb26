//! The commands: `check` (load and validate content and project, report everything) and
//! `build` (check, render, write atomically). `main.rs` only parses arguments and calls these.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::content::read_site;
use crate::diagnostics::Diagnostics;
use crate::model::Site;
use crate::project::Theme;

/// Options shared by the commands.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub strict: bool,
}

/// Outcome of checking: the site and the project's theme (if they can be published) and the
/// report to print.
pub struct Checked {
    pub site: Option<Site>,
    pub theme: Theme,
    pub diagnostics: Diagnostics,
    /// Whether the content may be published: no errors (and no warnings under `--strict`).
    pub ok: bool,
}

/// Everything `build` could refuse, found without writing anything: the content, the project's
/// templates and static files, and how they fit together.
pub fn check(opts: &Options) -> Checked {
    let clock = crate::timings::Clock::start();
    let (site, mut diagnostics) = read_site(&opts.content);
    clock.lap("load and resolve");
    let theme = crate::project::read_theme(&project_root(&opts.content), &mut diagnostics);
    if let Some(site) = &site {
        crate::project::check_theme(&theme, site, &mut diagnostics);
        crate::opendata::check_limits(site, &mut diagnostics);
    }
    diagnostics.sort();
    clock.lap("check project");
    let ok = !diagnostics.has_errors()
        && (!opts.strict || diagnostics.warning_count() == 0)
        && site.is_some();
    Checked {
        site,
        theme,
        diagnostics,
        ok,
    }
}

/// The project directory: the parent of the content directory (where `templates/` and `static/`
/// live).
pub fn project_root(content: &Path) -> PathBuf {
    crate::project::root_of(content)
}

/// Told how a build advances, for a progress bar (the library never draws one itself).
pub trait Progress: Sync {
    /// The build will render this many pages.
    fn pages(&self, _total: usize) {}
    /// One more page is written.
    fn page_done(&self) {}
}

/// No progress to show.
pub struct Silent;
impl Progress for Silent {}

/// What a build wrote.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// Every file: pages, data files, downloads and assets.
    pub files: usize,
    /// HTML pages.
    pub pages: usize,
    /// PNG images (charts, link previews) drawn by this build and taken from the cache.
    pub images: crate::raster::RasterCounts,
}

/// Renders a checked site into `out`, page by page into a temporary directory that replaces `out`
/// only when complete.
pub fn build(
    site: &Site,
    theme: &Theme,
    content: &Path,
    out: &Path,
    progress: &dyn Progress,
) -> Result<Summary> {
    let root = project_root(content);
    crate::output::check_output_dir(out, content, &root)?;
    let tera = crate::render::templates(&theme.overrides())?;
    let staging = crate::output::Staging::begin(out)?;
    crate::project::write_assets(theme, &staging)?;
    let raster = crate::raster::Raster::for_project(&root);
    let pages = crate::render::render_site(site, &tera, &staging, &raster, progress)?;
    let files = staging.len();
    let clock = crate::timings::Clock::start();
    staging.commit()?;
    clock.lap("swap");
    Ok(Summary {
        files,
        pages,
        images: raster.counts(),
    })
}
