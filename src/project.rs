//! The project around the content: `templates/` (overrides of the built-in templates, by name)
//! and `static/` (files published as they are, overriding the built-in assets of the same path).
//! Both are read here once, confined like the content directory — a `static` that is a symlink
//! to `/etc`, or a template that links to `/etc/shadow`, is refused with its place — and checked
//! by `check`: templates must parse, and no static file may take the path of a page or a data
//! file.
//!
//! The assets every site needs (the stylesheet, the fonts and their licence) are compiled into
//! the binary, so content built from anywhere gets a complete site.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Site;
use crate::routes::Route;

/// The built-in assets: path in the site, bytes.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../static/style.css")),
    ("search.js", include_bytes!("../static/search.js")),
    (
        "fonts/NotoSans-Regular-vi.woff2",
        include_bytes!("../static/fonts/NotoSans-Regular-vi.woff2"),
    ),
    (
        "fonts/NotoSans-Bold-vi.woff2",
        include_bytes!("../static/fonts/NotoSans-Bold-vi.woff2"),
    ),
    ("fonts/OFL.txt", include_bytes!("../static/fonts/OFL.txt")),
];

/// A file of `static/`, to be copied to `rel` in the site.
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub rel: String,
    pub path: PathBuf,
}

/// What the project adds to the built-in site.
#[derive(Debug, Default)]
pub struct Theme {
    /// Template overrides: (built-in template name, its text, where it was read from).
    pub templates: Vec<(String, String, String)>,
    pub static_files: Vec<StaticFile>,
}

/// The project directory: the parent of the content directory (where `templates/` and `static/`
/// live).
pub fn root_of(content: &Path) -> PathBuf {
    let abs = if content.is_absolute() {
        content.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(content))
            .unwrap_or_else(|_| content.to_path_buf())
    };
    abs.parent().map(Path::to_path_buf).unwrap_or(abs)
}

/// Writes the built-in assets and the project's static files (which replace assets of the same
/// path) into the site being built.
pub fn write_assets(theme: &Theme, staging: &crate::output::Staging) -> anyhow::Result<()> {
    use anyhow::Context;
    let overridden: HashSet<&str> = theme.static_files.iter().map(|f| f.rel.as_str()).collect();
    for (path, bytes) in ASSETS {
        if !overridden.contains(path) {
            staging.write(path, bytes)?;
        }
    }
    for f in &theme.static_files {
        let bytes = std::fs::read(&f.path).with_context(|| format!("đọc {}", f.path.display()))?;
        staging.write(&f.rel, &bytes)?;
    }
    Ok(())
}

/// Reads the project's `templates/` and `static/`. Problems are reported, and what is refused is
/// left out.
pub fn read_theme(project_root: &Path, diags: &mut Diagnostics) -> Theme {
    let mut theme = Theme::default();
    let canonical_root = project_root
        .canonicalize()
        .unwrap_or_else(|_| project_root.to_path_buf());
    if let Some(dir) = confined_dir(project_root, &canonical_root, "templates", diags) {
        read_templates(&dir, project_root, diags, &mut theme);
    }
    if let Some(dir) = confined_dir(project_root, &canonical_root, "static", diags) {
        read_static(&dir, project_root, diags, &mut theme);
    }
    theme
}

/// `project_root/name` if it is a directory inside the project (itself, or a symlink that
/// resolves inside the project).
fn confined_dir(
    project_root: &Path,
    canonical_root: &Path,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<PathBuf> {
    let dir = project_root.join(name);
    let meta = std::fs::symlink_metadata(&dir).ok()?;
    let shown = dir.display().to_string();
    let canonical = dir.canonicalize().ok();
    if meta.file_type().is_symlink()
        && !canonical
            .as_ref()
            .is_some_and(|c| c.starts_with(canonical_root) && c != canonical_root)
    {
        diags.push(
            Diagnostic::error(
                "symlink-outside",
                format!("`{shown}` là liên kết tượng trưng trỏ ra ngoài thư mục dự án"),
            )
            .hint(format!(
                "`{name}/` phải là một thư mục thật trong dự án: sao chép các tệp cần dùng vào đó thay vì liên kết"
            )),
        );
        return None;
    }
    match canonical {
        Some(c) if c.is_dir() => Some(c),
        _ => {
            diags.push(
                Diagnostic::error("not-a-file", format!("`{shown}` không phải thư mục"))
                    .hint(format!("`{name}/` là thư mục; xóa hoặc đổi tên tệp này")),
            );
            None
        }
    }
}

/// Whether `path` (inside `dir`) is a regular file there: not a symlink leading out of `dir`,
/// not a FIFO or device. Reports what is not.
fn regular_inside(path: &Path, dir: &Path, shown: &str, diags: &mut Diagnostics) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    let ty = meta.file_type();
    if ty.is_symlink() {
        match path.canonicalize() {
            Ok(t) if t.starts_with(dir) && t.is_file() => return true,
            Ok(t) if t.starts_with(dir) => {}
            _ => {
                diags.push(
                    Diagnostic::error(
                        "symlink-outside",
                        format!("`{shown}` là liên kết tượng trưng trỏ ra ngoài thư mục của nó"),
                    )
                    .hint("sao chép tệp vào đây thay vì dùng liên kết"),
                );
                return false;
            }
        }
    } else if ty.is_file() {
        return true;
    } else if ty.is_dir() {
        return false;
    }
    diags.push(
        Diagnostic::error(
            "not-a-file",
            format!("`{shown}` không phải tệp thông thường"),
        )
        .hint("chỉ đặt tệp thông thường ở đây; xóa hoặc thay bằng một tệp"),
    );
    false
}

fn read_templates(dir: &Path, project_root: &Path, diags: &mut Diagnostics, theme: &mut Theme) {
    let known: HashSet<&str> = crate::render::TEMPLATE_NAMES.iter().copied().collect();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        let shown = project_root
            .join("templates")
            .join(&name)
            .display()
            .to_string();
        if !regular_inside(&path, dir, &shown, diags) {
            continue;
        }
        if !known.contains(name.as_str()) {
            diags.push(
                Diagnostic::warning(
                    "unknown-file",
                    format!("bỏ qua `{shown}`: không có mẫu trang nào tên như vậy"),
                )
                .hint(format!(
                    "tệp trong templates/ thay mẫu có sẵn cùng tên: {}",
                    crate::render::TEMPLATE_NAMES.join(", ")
                )),
            );
            continue;
        }
        match crate::content::load::read_source(&path, shown.clone()) {
            Ok(f) => theme.templates.push((name, f.text, shown)),
            Err(d) => diags.push(d),
        }
    }
}

fn read_static(dir: &Path, project_root: &Path, diags: &mut Diagnostics, theme: &mut Theme) {
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let Ok(entry) = entry else { continue };
        if entry.depth() == 0 {
            continue;
        }
        let rel_path = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let shown = project_root
            .join("static")
            .join(rel_path)
            .display()
            .to_string();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if !regular_inside(entry.path(), dir, &shown, diags) {
            continue;
        }
        let rel = rel_path
            .iter()
            .map(|p| p.to_str())
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join("/"));
        match rel {
            Some(rel) if crate::output::check_relative_path(&rel).is_ok() => {
                theme.static_files.push(StaticFile {
                    rel,
                    path: entry.path().to_path_buf(),
                })
            }
            _ => diags.push(
                Diagnostic::error(
                    "invalid-id",
                    format!("tên tệp `{shown}` không dùng được trên web"),
                )
                .hint("đặt tên tệp bằng chữ không dấu, chữ số, gạch ngang và dấu chấm"),
            ),
        }
    }
}

impl Theme {
    /// The template overrides as (name, text).
    pub fn overrides(&self) -> Vec<(String, String)> {
        self.templates
            .iter()
            .map(|(n, t, _)| (n.clone(), t.clone()))
            .collect()
    }
}

/// Renders one page of each kind an override serves (every kind, for `base.html` and
/// `macros.html`), so that a template that parses but fails on the site's data — an unknown
/// variable, a filter on the wrong type — is found by `check`, not by `build`. A branch that
/// only some pages take can still fail later; the build then stops with the page's path.
fn check_overrides_render(theme: &Theme, site: &Site, tera: &tera::Tera, diags: &mut Diagnostics) {
    let Ok(derived) = crate::derive::Derived::of(site) else {
        return;
    };
    let sizes = std::collections::BTreeMap::new();
    let renderer = crate::render::Renderer::new(site, &derived, tera, &sizes);
    let shared = |n: &str| n == "base.html" || n == "macros.html";
    let mut tried: HashSet<&'static str> = HashSet::new();
    for route in Route::all(site) {
        let template = crate::render::template_of(&route);
        let wanted = theme
            .templates
            .iter()
            .find(|(n, _, _)| shared(n) || n == template);
        let Some((_, _, shown)) = wanted else {
            continue;
        };
        if !tried.insert(template) {
            continue;
        }
        if let Err(e) = renderer.page(&route) {
            diags.push(
                Diagnostic::error(
                    "template",
                    format!("mẫu trang `{shown}` lỗi khi dựng trang {route}: {e:#}"),
                )
                .hint("sửa mẫu cho khớp dữ liệu của trang (tên biến, kiểu giá trị), hoặc xóa tệp để dùng mẫu có sẵn"),
            );
        }
    }
}

/// Checks the theme against the site: every template override parses, and no static file takes
/// the path of a page or of the data package (a static file may replace a built-in asset).
pub fn check_theme(theme: &Theme, site: &Site, diags: &mut Diagnostics) {
    if !theme.templates.is_empty() {
        match crate::render::templates_with(&theme.overrides()) {
            Ok(tera) => check_overrides_render(theme, site, &tera, diags),
            Err(e) => {
                let which = theme
                    .templates
                    .iter()
                    .find(|(n, _, _)| e.to_string().contains(n.as_str()))
                    .map(|(_, _, shown)| shown.clone())
                    .unwrap_or_else(|| "templates/".into());
                diags.push(
                Diagnostic::error(
                    "template",
                    format!("mẫu trang `{which}` không đọc được: {}", crate::render::error_chain(&e)),
                )
                .hint("sửa cú pháp Tera của mẫu (xem https://keats.github.io/tera/docs/), hoặc xóa tệp để dùng mẫu có sẵn"),
            );
            }
        }
    }
    if theme.static_files.is_empty() {
        return;
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut dirs: HashSet<String> = HashSet::new();
    for r in Route::all(site) {
        let file = r.file();
        let mut p = file.as_str();
        while let Some((d, _)) = p.rsplit_once('/') {
            dirs.insert(d.to_string());
            p = d;
        }
        taken.insert(file);
        // A chart page writes the chart's SVG file beside it, in the page's language.
        if let Route::Chart(id) = r.base() {
            taken.insert(crate::routes::chart_svg_path(r.lang(), id));
        }
    }
    for f in &theme.static_files {
        let generated = f.rel == crate::opendata::meta::DIR
            || f.rel
                .starts_with(&format!("{}/", crate::opendata::meta::DIR));
        if generated || taken.contains(&f.rel) || dirs.contains(&f.rel) {
            diags.push(
                Diagnostic::error(
                    "static-collision",
                    format!(
                        "tệp tĩnh `static/{}` trùng đường dẫn với một trang hoặc tệp dữ liệu mà trang web tạo ra",
                        f.rel
                    ),
                )
                .hint("đổi tên hoặc chuyển tệp sang thư mục khác trong static/ (các trang và data/ do minhbach tạo ra)"),
            );
        }
    }
}
