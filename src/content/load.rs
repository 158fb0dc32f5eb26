//! Stage 1 of the pipeline: read every file of the content directory (in parallel) and parse it
//! into the raw types of [`super::raw`]. Problems become located diagnostics; a file that cannot
//! be read or parsed is reported and skipped, so one run shows every problem.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::raw;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

/// Content files larger than this are refused: no real plan comes close, and reading a stray
/// 50 MB export would only slow every build down.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

pub type FileRef = Arc<SourceFile>;

/// A raw entry together with the file it came from.
#[derive(Debug)]
pub struct In<T> {
    pub file: FileRef,
    pub value: T,
}

#[derive(Debug)]
pub struct RawBudget {
    pub header: raw::BudgetHeader,
    pub groups: Vec<RawGroup>,
    /// Items of a flat annex (no groups).
    pub items: Vec<RawItem>,
}

#[derive(Debug)]
pub struct RawGroup {
    pub group: raw::Group,
    pub bodies: Vec<RawBody>,
    pub items: Vec<RawItem>,
}

#[derive(Debug)]
pub struct RawBody {
    pub body: raw::Body,
    pub items: Vec<RawItem>,
}

#[derive(Debug)]
pub struct RawItem {
    pub item: raw::Item,
    pub parts: Vec<raw::Item>,
}

#[derive(Debug)]
pub struct RawPlan {
    pub id: String,
    pub file: FileRef,
    pub front: raw::PlanFrontMatter,
    pub body: String,
    pub targets: Option<In<Vec<raw::Target>>>,
    pub budget: Option<In<RawBudget>>,
    pub tasks: Option<In<Vec<raw::Task>>>,
}

#[derive(Debug)]
pub struct RawReport {
    pub id: String,
    pub file: FileRef,
    pub front: raw::ReportFrontMatter,
    pub body: String,
    pub progress: Option<In<(Vec<raw::TaskResult>, Vec<raw::Actual>)>>,
}

/// Everything read from a content directory, before references are resolved.
#[derive(Debug, Default)]
pub struct RawContent {
    pub root: PathBuf,
    pub site: Option<In<raw::SiteFile>>,
    pub areas: Vec<In<raw::Area>>,
    /// The corrections of `cap-nhat.toml`.
    pub corrections: Vec<In<raw::Correction>>,
    pub documents: Vec<In<raw::Document>>,
    /// Texts of source documents by file name (relative to `documents/`).
    pub document_texts: BTreeMap<String, FileRef>,
    pub units: Vec<In<raw::Unit>>,
    pub plans: Vec<RawPlan>,
    pub reports: Vec<RawReport>,
    /// Whether `site.toml` exists (even if it could not be parsed).
    pub site_present: bool,
    /// A units file could not be read: references to units are then not reported as unknown,
    /// since most would only be echoes of that one error.
    pub units_incomplete: bool,
    /// Plans and reports whose main file exists but could not be parsed: references to them are
    /// not reported again, and their other files are not orphans.
    pub broken_plans: std::collections::BTreeSet<String>,
    pub broken_reports: std::collections::BTreeSet<String>,
}

/// What a file of the content directory is, judged by its place.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Site,
    Areas,
    Corrections,
    DocumentRegistry,
    DocumentText,
    Units,
    Plan(String),
    Targets(String),
    Budget(String),
    Tasks(String),
    Report(String),
    Progress(String),
}

fn classify(rel: &Path) -> Option<Kind> {
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    match parts.as_slice() {
        ["site.toml"] => Some(Kind::Site),
        ["areas.toml"] => Some(Kind::Areas),
        ["cap-nhat.toml"] => Some(Kind::Corrections),
        ["documents", .., "documents.toml"] => Some(Kind::DocumentRegistry),
        ["documents", _, ..] => Some(Kind::DocumentText),
        ["units", .., f] if f.ends_with(".toml") => Some(Kind::Units),
        ["plans", id, "plan.md"] => Some(Kind::Plan(id.to_string())),
        ["plans", id, "targets.toml"] => Some(Kind::Targets(id.to_string())),
        ["plans", id, "budget.toml"] => Some(Kind::Budget(id.to_string())),
        ["plans", id, "tasks.toml"] => Some(Kind::Tasks(id.to_string())),
        ["reports", id, "report.md"] => Some(Kind::Report(id.to_string())),
        ["reports", id, "progress.toml"] => Some(Kind::Progress(id.to_string())),
        _ => None,
    }
}

/// Whether a directory at `rel` is part of the content layout: `documents/` and `units/` may be
/// organised in subfolders (per province, per unit…), up to [`MAX_FOLDER_DEPTH`] levels; plans
/// and reports are one folder each.
fn is_content_dir(rel: &Path) -> bool {
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    match parts.as_slice() {
        ["documents" | "units", rest @ ..] => rest.len() < MAX_FOLDER_DEPTH,
        ["plans" | "reports"] | ["plans" | "reports", _] => true,
        _ => false,
    }
}

/// How deep `documents/` and `units/` may nest folders.
pub const MAX_FOLDER_DEPTH: usize = 4;

/// Directories that are never content: refusing them up front keeps `check --content /` from
/// walking the whole file system.
fn refused_root(canonical: &Path) -> Option<&'static str> {
    if canonical.parent().is_none() {
        return Some("thư mục gốc của hệ thống");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if home
        .and_then(|h| h.canonicalize().ok())
        .is_some_and(|h| h == canonical)
    {
        return Some("thư mục nhà của người dùng");
    }
    None
}

/// One parsed file.
enum Parsed {
    Site(In<raw::SiteFile>),
    Areas(Vec<In<raw::Area>>),
    Corrections(Vec<In<raw::Correction>>),
    Documents(Vec<In<raw::Document>>),
    DocumentText(String, FileRef),
    Units(Vec<In<raw::Unit>>),
    Plan(String, FileRef, raw::PlanFrontMatter, String),
    Targets(String, In<Vec<raw::Target>>),
    Budget(String, In<RawBudget>),
    Tasks(String, In<Vec<raw::Task>>),
    Report(String, FileRef, raw::ReportFrontMatter, String),
    Progress(String, In<(Vec<raw::TaskResult>, Vec<raw::Actual>)>),
}

/// Reads and parses the whole content directory.
pub fn load(root: &Path) -> (RawContent, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut content = RawContent {
        root: root.to_path_buf(),
        ..RawContent::default()
    };
    if !root.is_dir() {
        diags.push(
            Diagnostic::error(
                "no-content",
                format!("không tìm thấy thư mục nội dung `{}`", root.display()),
            )
            .hint("chạy lệnh trong thư mục dự án, hoặc chỉ rõ thư mục bằng `--content THƯ_MỤC`"),
        );
        return (content, diags);
    }
    // Walk the directory the root names (a symlinked `--content` is the user's choice), and
    // confine everything inside it to that directory.
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Some(what) = refused_root(&canonical_root) {
        diags.push(
            Diagnostic::error(
                "no-content",
                format!(
                    "không đọc `{}` làm thư mục nội dung: đó là {what}",
                    root.display()
                ),
            )
            .hint("chỉ rõ thư mục nội dung của trang, ví dụ `--content content`"),
        );
        return (content, diags);
    }
    if !canonical_root.join("site.toml").exists() {
        diags.push(
            Diagnostic::error(
                "no-site-toml",
                format!(
                    "`{}` không phải thư mục nội dung: thiếu tệp `{}`",
                    root.display(),
                    root.join("site.toml").display()
                ),
            )
            .hint("chỉ rõ thư mục nội dung bằng `--content THƯ_MỤC`, hoặc tạo site.toml với ít nhất `title = \"...\"` và `base_url = \"https://...\"`"),
        );
        return (content, diags);
    }

    let mut files = Vec::new();
    let mut walker = walkdir::WalkDir::new(&canonical_root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    "unreadable",
                    format!("không đọc được thư mục nội dung: {e}"),
                ));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path().to_path_buf();
        let rel = path
            .strip_prefix(&canonical_root)
            .unwrap_or(&path)
            .to_path_buf();
        let shown = display(root, &rel);
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let ty = entry.file_type();
        if name.starts_with('.') {
            // Editor swap files, `.DS_Store`, `.git`: not content.
            if ty.is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if ty.is_dir() {
            if is_content_dir(&rel) {
                continue;
            }
            if classify(&rel).is_some() {
                diags.push(not_a_file(&shown, "một thư mục"));
            } else {
                diags.push(
                    Diagnostic::warning(
                        "unknown-file",
                        format!("bỏ qua thư mục `{shown}`: không thuộc định dạng nội dung"),
                    )
                    .hint("xem docs/content-format.md để biết tệp nào đặt ở đâu"),
                );
            }
            walker.skip_current_dir();
            continue;
        }
        if ty.is_symlink() {
            match path.canonicalize() {
                Ok(target) if !target.starts_with(&canonical_root) => {
                    diags.push(symlink_outside(&shown));
                    continue;
                }
                Ok(target) if target.is_file() => {}
                Ok(_) => {
                    diags.push(not_a_file(&shown, "một liên kết tượng trưng tới thư mục"));
                    continue;
                }
                Err(_) => {
                    diags.push(not_a_file(&shown, "một liên kết tượng trưng hỏng"));
                    continue;
                }
            }
        } else if !ty.is_file() {
            // A FIFO would block the build forever, a device would read garbage: refuse both.
            diags.push(not_a_file(
                &shown,
                "một tệp đặc biệt (FIFO, socket hoặc thiết bị)",
            ));
            continue;
        }
        match classify(&rel) {
            Some(kind) => {
                match &kind {
                    Kind::Site => content.site_present = true,
                    Kind::Plan(id) => {
                        content.broken_plans.insert(id.clone());
                    }
                    Kind::Report(id) => {
                        content.broken_reports.insert(id.clone());
                    }
                    _ => {}
                }
                files.push((path, rel, kind))
            }
            None => diags.push(
                Diagnostic::warning(
                    "unknown-file",
                    format!("bỏ qua tệp `{shown}`: không thuộc định dạng nội dung"),
                )
                .hint("xem docs/content-format.md để biết tệp nào đặt ở đâu"),
            ),
        }
    }

    let results: Vec<(Option<Parsed>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(path, rel, kind)| parse_file(root, path, rel, kind))
        .collect();
    content.units_incomplete = files
        .iter()
        .zip(&results)
        .any(|((_, _, kind), (parsed, _))| *kind == Kind::Units && parsed.is_none());

    let mut targets = BTreeMap::new();
    let mut budgets = BTreeMap::new();
    let mut tasks = BTreeMap::new();
    let mut progress = BTreeMap::new();
    for (parsed, ds) in results {
        diags.extend(ds);
        match parsed {
            None => {}
            Some(Parsed::Site(s)) => content.site = Some(s),
            Some(Parsed::Areas(a)) => content.areas.extend(a),
            Some(Parsed::Corrections(c)) => content.corrections.extend(c),
            Some(Parsed::Documents(d)) => content.documents.extend(d),
            Some(Parsed::DocumentText(name, f)) => {
                content.document_texts.insert(name, f);
            }
            Some(Parsed::Units(u)) => content.units.extend(u),
            Some(Parsed::Plan(id, file, front, body)) => content.plans.push(RawPlan {
                id,
                file,
                front,
                body,
                targets: None,
                budget: None,
                tasks: None,
            }),
            Some(Parsed::Targets(id, t)) => {
                targets.insert(id, t);
            }
            Some(Parsed::Budget(id, b)) => {
                budgets.insert(id, b);
            }
            Some(Parsed::Tasks(id, t)) => {
                tasks.insert(id, t);
            }
            Some(Parsed::Report(id, file, front, body)) => content.reports.push(RawReport {
                id,
                file,
                front,
                body,
                progress: None,
            }),
            Some(Parsed::Progress(id, p)) => {
                progress.insert(id, p);
            }
        }
    }
    for plan in &mut content.plans {
        plan.targets = targets.remove(&plan.id);
        plan.budget = budgets.remove(&plan.id);
        plan.tasks = tasks.remove(&plan.id);
    }
    for report in &mut content.reports {
        report.progress = progress.remove(&report.id);
    }
    let orphans = targets
        .into_iter()
        .map(|(id, t)| (id, t.file))
        .chain(budgets.into_iter().map(|(id, b)| (id, b.file)))
        .chain(tasks.into_iter().map(|(id, t)| (id, t.file)));
    let plan_files_present: std::collections::BTreeSet<String> = content.broken_plans.clone();
    for (id, file) in orphans {
        if plan_files_present.contains(&id) {
            continue; // plan.md exists but failed to parse: that error is already reported
        }
        diags.push(
            Diagnostic::error(
                "orphan-file",
                format!(
                    "`{}` thuộc kế hoạch `{id}` nhưng thư mục không có `plan.md`",
                    file.display
                ),
            )
            .hint(format!(
                "tạo `plans/{id}/plan.md` với phần đầu +++ ... +++ mô tả kế hoạch"
            )),
        );
    }
    for (id, p) in progress {
        if content.broken_reports.contains(&id) {
            continue;
        }
        diags.push(
            Diagnostic::error(
                "orphan-file",
                format!(
                    "`{}` thuộc báo cáo `{id}` nhưng thư mục không có `report.md`",
                    p.file.display
                ),
            )
            .hint(format!("tạo `reports/{id}/report.md`")),
        );
    }
    content.plans.sort_by(|a, b| a.id.cmp(&b.id));
    content.reports.sort_by(|a, b| a.id.cmp(&b.id));
    // What remains in `broken_*` is a main file that exists but did not parse.
    for p in &content.plans {
        content.broken_plans.remove(&p.id);
    }
    for r in &content.reports {
        content.broken_reports.remove(&r.id);
    }
    (content, diags)
}

fn symlink_outside(shown: &str) -> Diagnostic {
    Diagnostic::error(
        "symlink-outside",
        format!("`{shown}` là liên kết tượng trưng trỏ ra ngoài thư mục nội dung"),
    )
    .hint("sao chép tệp vào thư mục nội dung thay vì dùng liên kết")
}

fn not_a_file(shown: &str, what: &str) -> Diagnostic {
    Diagnostic::error(
        "not-a-file",
        format!("`{shown}` là {what}, không phải tệp thông thường"),
    )
    .hint("nội dung chỉ gồm các tệp văn bản thông thường đặt đúng chỗ (xem docs/content-format.md); xóa hoặc thay bằng một tệp")
}

fn display(root: &Path, rel: &Path) -> String {
    root.join(rel).display().to_string()
}

/// Reads a file as UTF-8 text, refusing oversized and non-UTF-8 files with a located message.
pub fn read_source(path: &Path, shown: String) -> Result<SourceFile, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error("unreadable", format!("không đọc được `{shown}`: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "file-too-large",
            format!(
                "`{shown}` quá lớn ({} MB; giới hạn {} MB)",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .hint("một tệp nội dung không cần lớn như vậy: kiểm tra xem có dán nhầm dữ liệu xuất từ phần mềm khác không, hoặc chia thành nhiều tệp"));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error("unreadable", format!("không đọc được `{shown}`: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(path, shown, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            let line_start = prefix.rfind('\n').map(|i| i + 1).unwrap_or(0);
            let column = prefix[line_start..].chars().count() + 1;
            let line_text = String::from_utf8_lossy(
                &bytes[line_start
                    ..bytes[line_start..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map(|p| line_start + p)
                        .unwrap_or(bytes.len())],
            )
            .into_owned();
            Err(Diagnostic::error(
                "not-utf8",
                format!(
                    "`{shown}` không phải văn bản UTF-8 (byte 0x{:02X})",
                    bytes[valid]
                ),
            )
            .at(crate::source::Location {
                file: shown,
                line,
                column,
                line_text,
                width: 1,
            })
            .hint("lưu lại tệp với bảng mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8)"))
        }
    }
}

fn parse_file(
    root: &Path,
    path: &Path,
    rel: &Path,
    kind: &Kind,
) -> (Option<Parsed>, Vec<Diagnostic>) {
    let shown = display(root, rel);
    let file = match read_source(path, shown) {
        Ok(f) => Arc::new(f.with_rel(rel)),
        Err(d) => return (None, vec![d]),
    };
    let mut diags = Vec::new();
    let parsed = match kind {
        Kind::DocumentText => {
            // Keyed by the path below `documents/`: registries in subfolders name their files
            // relative to their own folder.
            let name = rel
                .strip_prefix("documents")
                .unwrap_or(rel)
                .iter()
                .filter_map(|p| p.to_str())
                .collect::<Vec<_>>()
                .join("/");
            Some(Parsed::DocumentText(name, file))
        }
        Kind::Site => whole::<raw::SiteFile>(&file, &file.text, &mut diags).map(|v| {
            Parsed::Site(In {
                file: file.clone(),
                value: v,
            })
        }),
        Kind::Corrections => {
            entries::<raw::Correction>(&file, &file.text, "correction", &mut diags).map(|v| {
                Parsed::Corrections(
                    v.into_iter()
                        .map(|c| In {
                            file: file.clone(),
                            value: c,
                        })
                        .collect(),
                )
            })
        }
        Kind::Areas => entries::<raw::Area>(&file, &file.text, "area", &mut diags).map(|v| {
            Parsed::Areas(
                v.into_iter()
                    .map(|a| In {
                        file: file.clone(),
                        value: a,
                    })
                    .collect(),
            )
        }),
        Kind::DocumentRegistry => {
            entries::<raw::Document>(&file, &file.text, "document", &mut diags).map(|v| {
                Parsed::Documents(
                    v.into_iter()
                        .map(|a| In {
                            file: file.clone(),
                            value: a,
                        })
                        .collect(),
                )
            })
        }
        Kind::Units => entries::<raw::Unit>(&file, &file.text, "unit", &mut diags).map(|v| {
            Parsed::Units(
                v.into_iter()
                    .map(|a| In {
                        file: file.clone(),
                        value: a,
                    })
                    .collect(),
            )
        }),
        Kind::Plan(id) => split_front_matter(&file, &mut diags).and_then(|(toml_text, body)| {
            whole::<raw::PlanFrontMatter>(&file, &toml_text, &mut diags)
                .map(|front| Parsed::Plan(id.clone(), file.clone(), front, body))
        }),
        Kind::Report(id) => split_front_matter(&file, &mut diags).and_then(|(toml_text, body)| {
            whole::<raw::ReportFrontMatter>(&file, &toml_text, &mut diags)
                .map(|front| Parsed::Report(id.clone(), file.clone(), front, body))
        }),
        Kind::Targets(id) => {
            entries::<raw::Target>(&file, &file.text, "target", &mut diags).map(|v| {
                Parsed::Targets(
                    id.clone(),
                    In {
                        file: file.clone(),
                        value: v,
                    },
                )
            })
        }
        Kind::Tasks(id) => entries::<raw::Task>(&file, &file.text, "task", &mut diags).map(|v| {
            Parsed::Tasks(
                id.clone(),
                In {
                    file: file.clone(),
                    value: v,
                },
            )
        }),
        Kind::Budget(id) => parse_budget(&file, &mut diags).map(|b| {
            Parsed::Budget(
                id.clone(),
                In {
                    file: file.clone(),
                    value: b,
                },
            )
        }),
        Kind::Progress(id) => parse_progress(&file, &mut diags).map(|p| {
            Parsed::Progress(
                id.clone(),
                In {
                    file: file.clone(),
                    value: p,
                },
            )
        }),
    };
    (parsed, diags)
}

/// Splits `+++` front matter from a Markdown file. The returned TOML text has the same length as
/// the file, with everything outside the front matter blanked (newlines kept), so that TOML spans
/// are byte offsets into the file itself.
fn split_front_matter(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<(String, String)> {
    let text = &file.text;
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "+++" {
        diags.push(
            Diagnostic::error("no-front-matter", "tệp phải bắt đầu bằng phần thông tin giữa hai dòng `+++`")
                .at(file.location(0..first_line_end))
                .hint("dòng đầu tiên là `+++`, tiếp theo là các trường TOML (title = \"...\"), rồi một dòng `+++`, sau đó là nội dung Markdown"),
        );
        return None;
    }
    let mut offset = first_line_end + 1;
    let mut close = None;
    while offset <= text.len() {
        let end = text[offset..]
            .find('\n')
            .map(|i| offset + i)
            .unwrap_or(text.len());
        if text[offset..end].trim_end() == "+++" {
            close = Some((offset, end));
            break;
        }
        if end == text.len() {
            break;
        }
        offset = end + 1;
    }
    let Some((close_start, close_end)) = close else {
        diags.push(
            Diagnostic::error(
                "unclosed-front-matter",
                "phần thông tin mở bằng `+++` nhưng không có dòng `+++` đóng lại",
            )
            .at(file.location(0..first_line_end))
            .hint("thêm một dòng chỉ có `+++` sau trường cuối cùng"),
        );
        return None;
    };
    let blank = |s: &str| -> String {
        s.bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect()
    };
    let mut toml_text = blank(&text[..first_line_end + 1]);
    toml_text.push_str(&text[first_line_end + 1..close_start]);
    toml_text.push_str(&blank(&text[close_start..]));
    let body = text.get(close_end + 1..).unwrap_or("").to_string();
    Some((toml_text, body))
}

fn parse_table<'i>(
    file: &SourceFile,
    text: &'i str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'i>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        let before = diags.len();
        for (_, value) in table.get_ref().iter() {
            check_sizes(file, value, diags);
        }
        return (diags.len() == before).then_some(table);
    }
    for e in errors {
        diags.push(toml_error(file, &e, None));
    }
    None
}

/// The longest text a field may hold: an Excel cell holds at most 32,767 characters, and every
/// text field is published in the workbook.
pub const MAX_TEXT_CHARS: usize = 32_767;
/// The most values a list of ids or texts may hold (`lead`, `coordinating`, `legal_bases`…): no
/// document lists more, and the list is one cell of the data package.
pub const MAX_LIST_ITEMS: usize = 200;

/// Refuses texts and lists too long to publish, wherever they are in a file.
fn check_sizes(file: &SourceFile, value: &Spanned<DeValue<'_>>, diags: &mut Vec<Diagnostic>) {
    match value.get_ref() {
        DeValue::String(text) => {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                let mut location = file.location(value.span());
                location.width = location.width.min(40);
                diags.push(
                    Diagnostic::error(
                        "text-too-long",
                        format!("đoạn văn bản dài {chars} ký tự, quá giới hạn {MAX_TEXT_CHARS} ký tự của một ô dữ liệu"),
                    )
                    .at(location)
                    .hint("một trường chỉ ghi nội dung của mục đó; toàn văn dài đặt trong văn bản nguồn (content/documents/) hoặc phần Markdown của kế hoạch"),
                );
            }
        }
        DeValue::Array(items) => {
            let scalars = items
                .iter()
                .filter(|v| !matches!(v.get_ref(), DeValue::Table(_)))
                .count();
            if scalars > MAX_LIST_ITEMS {
                let mut location = file.location(value.span());
                location.width = location.width.min(40);
                diags.push(
                    Diagnostic::error(
                        "list-too-long",
                        format!("danh sách có {scalars} giá trị, quá giới hạn {MAX_LIST_ITEMS}"),
                    )
                    .at(location)
                    .hint("văn bản không liệt kê nhiều như vậy; nếu là một nhóm cơ quan (\"các sở, ngành\"), khai báo một đơn vị loại `collective` và dẫn chiếu nó"),
                );
            }
            for v in items.iter() {
                check_sizes(file, v, diags);
            }
        }
        DeValue::Table(t) => {
            for (_, v) in t.iter() {
                check_sizes(file, v, diags);
            }
        }
        _ => {}
    }
}

/// Deserializes a whole file (or front matter) into `T`.
fn whole<T: DeserializeOwned>(
    file: &SourceFile,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let table = parse_table(file, text, diags)?;
    let span = table.span();
    deserialize_value(
        file,
        Spanned::new(span, DeValue::Table(table.into_inner())),
        diags,
    )
}

fn deserialize_value<T: DeserializeOwned>(
    file: &SourceFile,
    value: Spanned<DeValue<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let span = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(v) => Some(v),
        Err(e) => {
            diags.push(toml_error(file, &e, Some(span)));
            None
        }
    }
}

/// Removes the array of tables `key` from `table` and returns its elements. A value of another
/// type under `key` is reported.
fn take_array<'i>(
    file: &SourceFile,
    table: &mut DeTable<'i>,
    key: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Spanned<DeValue<'i>>> {
    let Some(value) = table.remove(key) else {
        return Vec::new();
    };
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items.into_iter().collect(),
        other => {
            diags.push(
                Diagnostic::error(
                    "wrong-type",
                    format!(
                        "`{key}` phải là danh sách bảng `[[{key}]]`, không phải {}",
                        other.type_str()
                    ),
                )
                .at(file.location(span))
                .hint(format!("viết mỗi mục dưới một dòng `[[{key}]]`")),
            );
            Vec::new()
        }
    }
}

/// Reads the `[[key]]` entries of a file one by one, so that a problem in one entry does not hide
/// problems in the others. Any other top-level key is an error.
fn entries<T: DeserializeOwned>(
    file: &SourceFile,
    text: &str,
    key: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<T>> {
    let table = parse_table(file, text, diags)?;
    let span = table.span();
    let mut table = table.into_inner();
    let items = take_array(file, &mut table, key, diags);
    for (k, _) in table.iter() {
        diags.push(unknown_field(file, k.get_ref(), k.span(), &[key]));
    }
    let _ = span;
    Some(
        items
            .into_iter()
            .filter_map(|v| deserialize_value(file, v, diags))
            .collect(),
    )
}

fn parse_budget(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<RawBudget> {
    let table = parse_table(file, &file.text, diags)?;
    let span = table.span();
    let mut table = table.into_inner();
    let groups = take_array(file, &mut table, "group", diags);
    let items = take_array(file, &mut table, "item", diags);
    let header = deserialize_value::<raw::BudgetHeader>(
        file,
        Spanned::new(span, DeValue::Table(table)),
        diags,
    )?;
    let groups = groups
        .into_iter()
        .filter_map(|g| {
            let span = g.span();
            let DeValue::Table(mut t) = g.into_inner() else {
                diags.push(
                    Diagnostic::error("wrong-type", "mỗi `[[group]]` phải là một bảng")
                        .at(file.location(span)),
                );
                return None;
            };
            let bodies = take_array(file, &mut t, "body", diags);
            let items = take_array(file, &mut t, "item", diags);
            let group = deserialize_value::<raw::Group>(
                file,
                Spanned::new(span, DeValue::Table(t)),
                diags,
            )?;
            let bodies = bodies
                .into_iter()
                .filter_map(|b| {
                    let span = b.span();
                    let DeValue::Table(mut t) = b.into_inner() else {
                        diags.push(
                            Diagnostic::error(
                                "wrong-type",
                                "mỗi `[[group.body]]` phải là một bảng",
                            )
                            .at(file.location(span)),
                        );
                        return None;
                    };
                    let items = take_array(file, &mut t, "item", diags);
                    let body = deserialize_value::<raw::Body>(
                        file,
                        Spanned::new(span, DeValue::Table(t)),
                        diags,
                    )?;
                    Some(RawBody {
                        body,
                        items: parse_items(file, items, diags),
                    })
                })
                .collect();
            Some(RawGroup {
                group,
                bodies,
                items: parse_items(file, items, diags),
            })
        })
        .collect();
    Some(RawBudget {
        header,
        groups,
        items: parse_items(file, items, diags),
    })
}

fn parse_items(
    file: &SourceFile,
    values: Vec<Spanned<DeValue<'_>>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RawItem> {
    values
        .into_iter()
        .filter_map(|v| {
            let span = v.span();
            let DeValue::Table(mut t) = v.into_inner() else {
                diags.push(
                    Diagnostic::error("wrong-type", "mỗi `[[item]]` phải là một bảng")
                        .at(file.location(span)),
                );
                return None;
            };
            let parts = take_array(file, &mut t, "part", diags);
            let item =
                deserialize_value::<raw::Item>(file, Spanned::new(span, DeValue::Table(t)), diags)?;
            let parts = parts
                .into_iter()
                .filter_map(|p| deserialize_value::<raw::Item>(file, p, diags))
                .collect();
            Some(RawItem { item, parts })
        })
        .collect()
}

fn parse_progress(
    file: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<raw::TaskResult>, Vec<raw::Actual>)> {
    let table = parse_table(file, &file.text, diags)?;
    let mut table = table.into_inner();
    let results = take_array(file, &mut table, "result", diags);
    let actuals = take_array(file, &mut table, "actual", diags);
    for (k, _) in table.iter() {
        diags.push(unknown_field(
            file,
            k.get_ref(),
            k.span(),
            &["result", "actual"],
        ));
    }
    let results = results
        .into_iter()
        .filter_map(|v| deserialize_value(file, v, diags))
        .collect();
    let actuals = actuals
        .into_iter()
        .filter_map(|v| deserialize_value(file, v, diags))
        .collect();
    Some((results, actuals))
}

fn unknown_field(
    file: &SourceFile,
    name: &str,
    span: std::ops::Range<usize>,
    expected: &[&str],
) -> Diagnostic {
    let mut d = Diagnostic::error(
        "unknown-field",
        format!("trường `{name}` không có trong định dạng"),
    )
    .at(file.location(span));
    let hint = match crate::suggest::nearest(name, expected.iter().copied()) {
        Some(s) => format!("có phải `{s}`? Các trường hợp lệ ở đây: {}", list(expected)),
        None => format!(
            "các trường hợp lệ ở đây: {} (xem docs/content-format.md)",
            list(expected)
        ),
    };
    d = d.hint(hint);
    d
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns a TOML/serde error into a Vietnamese diagnostic with a hint.
fn toml_error(
    file: &SourceFile,
    e: &toml::de::Error,
    fallback: Option<std::ops::Range<usize>>,
) -> Diagnostic {
    let span = e.span().or(fallback).unwrap_or(0..0);
    let msg = e.message().trim();
    let location = file.location(span.clone());
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, e)| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let mut d = unknown_field(file, name, span, &expected);
        d.location = Some(location);
        return d;
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or("");
        let mut loc = location;
        loc.width = loc
            .line_text
            .chars()
            .count()
            .saturating_sub(loc.column - 1)
            .max(1);
        return Diagnostic::error("missing-field", format!("thiếu trường bắt buộc `{name}`"))
            .at(loc)
            .hint(format!(
                "thêm `{name} = ...` vào mục này (xem docs/content-format.md)"
            ));
    }
    if msg.starts_with("invalid type") {
        let expected = msg.split("expected").nth(1).unwrap_or("").trim();
        let want = if expected.contains("string") || expected.contains("str") {
            "một chuỗi trong ngoặc kép, ví dụ \"...\""
        } else if expected.contains("i64") || expected.contains("integer") {
            "một số nguyên không có ngoặc kép, ví dụ 287"
        } else if expected.contains("sequence") {
            "một danh sách, ví dụ [\"a\", \"b\"]"
        } else if expected.contains("struct") || expected.contains("map") {
            "một bảng"
        } else {
            expected
        };
        return Diagnostic::error("wrong-type", format!("giá trị có kiểu không đúng: {msg}"))
            .at(location)
            .hint(format!("ở đây cần {want}"));
    }
    if msg.starts_with("duplicate key") {
        return Diagnostic::error("duplicate-key", format!("khóa bị lặp: {msg}"))
            .at(location)
            .hint(
                "mỗi trường chỉ được viết một lần trong một mục; nếu là mục mới, mở bằng `[[...]]`",
            );
    }
    Diagnostic::error("toml-syntax", format!("lỗi cú pháp TOML: {msg}"))
        .at(location)
        .hint("chuỗi phải nằm trong ngoặc kép \"...\", mỗi dòng một `khóa = giá trị`; xem docs/content-format.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(Path::new("t.toml"), "t.toml".into(), text.into())
    }

    #[test]
    fn front_matter_spans_point_into_the_file() {
        let f = file("+++\ntitle = 1\n+++\n# Body\n");
        let mut diags = Vec::new();
        let (toml_text, body) = split_front_matter(&f, &mut diags).unwrap();
        assert_eq!(toml_text.len(), f.text.len());
        assert_eq!(body, "# Body\n");
        let r = whole::<raw::PlanFrontMatter>(&f, &toml_text, &mut diags);
        assert!(r.is_none());
        assert_eq!(diags[0].location.as_ref().unwrap().line, 2);
    }

    #[test]
    fn every_bad_entry_is_reported_not_just_the_first() {
        let f = file("[[area]]\nid = \"a\"\nnme = \"A\"\n\n[[area]]\nid = \"b\"\nnamee = \"B\"\n");
        let mut diags = Vec::new();
        let v = entries::<raw::Area>(&f, &f.text, "area", &mut diags).unwrap();
        assert!(v.is_empty());
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[0].location.as_ref().unwrap().line, 3);
        assert_eq!(diags[1].location.as_ref().unwrap().line, 7);
        assert!(diags[1].hint.as_deref().unwrap().contains("`name`"));
    }
}
