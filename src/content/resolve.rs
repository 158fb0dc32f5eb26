//! Stage 2 of the pipeline: turn raw content into the checked [`Site`] model. Every reference is
//! looked up by id (hash maps, no quadratic passes), every amount is read exactly, and every
//! problem is collected with its location. Plans are resolved in parallel.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use rayon::prelude::*;
use rust_decimal::Decimal;
use toml::Spanned;

use super::load::{In, RawBudget, RawContent, RawItem, RawPlan, RawReport};
use super::raw::{self, RawNumber};
use crate::dates::{PartialDate, Timeframe};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::*;
use crate::slug::{is_valid_id, slugify};
use crate::source::SourceFile;
use crate::suggest::nearest;
use crate::vn_number;

/// Lookups shared (read-only) by the parallel resolution of plans.
struct Registry<'a> {
    units: HashMap<&'a str, &'a raw::Unit>,
    areas: HashSet<&'a str>,
    plans: HashSet<&'a str>,
    /// A units file did not parse (already reported): unknown units are not reported again.
    units_incomplete: bool,
    /// Plans whose `plan.md` did not parse (already reported).
    broken_plans: &'a std::collections::BTreeSet<String>,
    documents: HashMap<String, Document>,
    /// Documents whose text file is missing (already reported): lines cited in them cannot be
    /// checked, and are not reported a second time.
    missing_texts: HashSet<String>,
}

impl Registry<'_> {
    /// Whether `id` (a task or target id) belongs to a plan that could not be read: such
    /// references are not reported a second time.
    fn in_broken_plan(&self, id: &str) -> bool {
        self.broken_plans.iter().any(|p| {
            id.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('-'))
        })
    }
}

impl Registry<'_> {
    fn unit_hint(&self, id: &str) -> String {
        match nearest(id, self.units.keys().copied()) {
            Some(s) => format!(
                "có phải `{s}` ({})? Danh sách đơn vị nằm trong content/units/",
                self.units[s].name
            ),
            None => "thêm đơn vị vào một tệp trong content/units/ hoặc sửa lại mã".into(),
        }
    }
}

/// Builds the site model. Returns `None` only when the content is too broken to model at all
/// (no `site.toml`); otherwise returns the model of everything that could be read, even if
/// there are errors (the caller refuses to build when there are).
pub fn resolve(raw: &RawContent, diags: &mut Diagnostics) -> Option<Site> {
    let mut site = Site::default();

    // A missing `site.toml` is reported by the loader, before it reads anything else.
    if let Some(s) = &raw.site {
        site.config = Some(site_config(s, diags));
    }

    // Areas.
    let mut seen: HashMap<String, crate::source::Location> = HashMap::new();
    for a in &raw.areas {
        if check_id(&a.file, &a.value.id, "lĩnh vực", &mut seen, diags) {
            site.area_index
                .insert(a.value.id.get_ref().clone(), site.areas.len());
            site.areas.push(Area {
                id: a.value.id.get_ref().clone(),
                name: a.value.name.clone(),
                order: a.value.order,
            });
        }
    }
    site.areas
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    site.area_index = site
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();

    // Documents.
    let mut documents = HashMap::new();
    let mut missing_texts = HashSet::new();
    let mut seen = HashMap::new();
    for d in &raw.documents {
        if !check_id(&d.file, &d.value.id, "văn bản", &mut seen, diags) {
            continue;
        }
        // A registry names its files relative to its own folder below `documents/`.
        let file_name = match d.file.rel_dir().strip_prefix("documents") {
            Some(sub) if !sub.is_empty() => {
                format!("{}/{}", sub.trim_start_matches('/'), d.value.file.get_ref())
            }
            _ => d.value.file.get_ref().clone(),
        };
        let file_name = &file_name;
        let path = raw
            .document_texts
            .get(file_name.as_str())
            .map(|f| f.display.clone())
            .unwrap_or_default();
        let lines = match raw.document_texts.get(file_name.as_str()) {
            Some(f) if f.text.trim().is_empty() => {
                diags.push(
                    Diagnostic::error(
                        "empty-document",
                        format!("tệp văn bản `documents/{file_name}` rỗng"),
                    )
                    .at(d.file.location(d.value.file.span()))
                    .hint("dán toàn văn văn bản gốc vào tệp này: mọi số liệu dẫn chiếu tới các dòng của nó, nên một văn bản rỗng không thể kiểm tra được"),
                );
                Vec::new()
            }
            Some(f) => f
                .text
                .lines()
                .map(|l| l.trim_end_matches('\r').to_string())
                .collect(),
            None => {
                missing_texts.insert(d.value.id.get_ref().clone());
                diags.push(
                    Diagnostic::error("missing-document-file", format!("không có tệp văn bản `documents/{file_name}`"))
                        .at(d.file.location(d.value.file.span()))
                        .hint("đặt bản văn bản gốc (dạng .txt hoặc .md) vào content/documents/ với đúng tên này"),
                );
                Vec::new()
            }
        };
        let date = d.value.date.as_ref().and_then(|s| date(&d.file, s, diags));
        documents.insert(
            d.value.id.get_ref().clone(),
            Document {
                id: d.value.id.get_ref().clone(),
                file: file_name.clone(),
                title: d.value.title.clone(),
                date,
                issuer: d.value.issuer.as_ref().map(|s| s.get_ref().clone()),
                origin: d.value.origin.clone(),
                licence: d.value.licence.clone(),
                lines,
                path,
            },
        );
    }

    // Units: ids first, so that every reference can be checked.
    let mut unit_map: HashMap<&str, &raw::Unit> = HashMap::new();
    let mut unit_files: HashMap<&str, &In<raw::Unit>> = HashMap::new();
    let mut seen = HashMap::new();
    for u in &raw.units {
        if check_id(&u.file, &u.value.id, "đơn vị", &mut seen, diags) {
            unit_map.insert(u.value.id.get_ref(), &u.value);
            unit_files.insert(u.value.id.get_ref(), u);
        }
    }
    let mut plan_ids = HashSet::new();
    for p in &raw.plans {
        if !is_valid_id(&p.id) {
            diags.push(
                Diagnostic::error(
                    "invalid-id",
                    format!("tên thư mục kế hoạch `{}` không dùng được làm mã", p.id),
                )
                .at(p.file.location(0..0))
                .hint(format!(
                    "đổi tên thư mục thành chữ thường không dấu, nối bằng gạch ngang, ví dụ `{}`",
                    slugify(&p.id)
                )),
            );
        }
        plan_ids.insert(p.id.as_str());
    }
    plan_ids.extend(raw.broken_plans.iter().map(String::as_str));
    let registry = Registry {
        units: unit_map,
        areas: raw
            .areas
            .iter()
            .map(|a| a.value.id.get_ref().as_str())
            .collect(),
        plans: plan_ids,
        broken_plans: &raw.broken_plans,
        units_incomplete: raw.units_incomplete,
        documents,
        missing_texts,
    };

    if let Some(cfg) = &raw.site {
        for r in [&cfg.value.publisher, &cfg.value.province]
            .into_iter()
            .flatten()
        {
            check_unit(&registry, &cfg.file, r, diags);
        }
    }
    for d in &raw.documents {
        if let Some(i) = &d.value.issuer {
            check_unit(&registry, &d.file, i, diags);
        }
    }

    // Units, resolved.
    for u in &raw.units {
        let r = &u.value;
        if unit_files
            .get(r.id.get_ref().as_str())
            .map(|x| std::ptr::eq(*x, u))
            != Some(true)
        {
            continue;
        }
        let kind = match UnitKind::parse(r.kind.get_ref()) {
            Some(k) => k,
            None => {
                diags.push(enum_error(
                    &u.file,
                    &r.kind,
                    "loại đơn vị",
                    &UnitKind::NAMES,
                ));
                UnitKind::Collective
            }
        };
        if let Some(p) = &r.parent {
            check_unit(&registry, &u.file, p, diags);
        }
        for s in &r.successors {
            check_unit(&registry, &u.file, s, diags);
        }
        let valid_from = r.valid_from.as_ref().and_then(|s| date(&u.file, s, diags));
        let valid_to = r.valid_to.as_ref().and_then(|s| date(&u.file, s, diags));
        if let (Some(f), Some(t)) = (valid_from, valid_to) {
            if f.first_day() >= t.first_day() {
                diags.push(
                    Diagnostic::error(
                        "date-order",
                        format!(
                            "đơn vị `{}` hết hiệu lực ({}) trước khi có hiệu lực ({})",
                            r.id.get_ref(),
                            t.iso(),
                            f.iso()
                        ),
                    )
                    .at(u.file.location(r.valid_to.as_ref().unwrap().span()))
                    .hint(
                        "valid_to là ngày đầu tiên đơn vị không còn tồn tại; phải sau valid_from",
                    ),
                );
            }
        }
        let source = r
            .source
            .as_ref()
            .and_then(|s| source_ref(&registry, &u.file, s, diags));
        site.unit_index
            .insert(r.id.get_ref().clone(), site.units.len());
        site.units.push(Unit {
            id: r.id.get_ref().clone(),
            name: r.name.clone(),
            short_name: r.short_name.clone(),
            aliases: r.aliases.clone(),
            kind,
            parent: r.parent.as_ref().map(|p| p.get_ref().clone()),
            code: r.code.clone(),
            valid_from,
            valid_to,
            successors: r.successors.iter().map(|s| s.get_ref().clone()).collect(),
            predecessors: Vec::new(),
            children: Vec::new(),
            note: r.note.clone(),
            source,
        });
    }
    check_parent_cycles(&site, &unit_files, diags);
    link_units(&mut site);

    // Plans, in parallel.
    let results: Vec<(Option<Plan>, Vec<Diagnostic>)> = raw
        .plans
        .par_iter()
        .map(|p| {
            let mut ds = Vec::new();
            let plan = resolve_plan(&registry, p, &mut ds);
            (plan, ds)
        })
        .collect();
    for (plan, ds) in results {
        diags.extend(ds);
        if let Some(plan) = plan {
            site.plan_index.insert(plan.id.clone(), site.plans.len());
            site.plans.push(plan);
        }
    }
    check_global_ids(raw, &site, diags);
    link_plans(&mut site);

    // Reports.
    let mut seen_reports = HashSet::new();
    for r in &raw.reports {
        if !seen_reports.insert(r.id.clone()) {
            continue;
        }
        if let Some(report) = resolve_report(&registry, &mut site, r, diags) {
            site.reports.push(report);
        }
    }
    site.reports.sort_by(|a, b| a.id.cmp(&b.id));

    check_markdown_links(raw, &site, &registry, diags);

    let mut docs: Vec<Document> = registry.documents.into_values().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    site.document_index = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    site.documents = docs;
    site.config.as_ref()?;
    Some(site)
}

/// Links in plan and report narratives must lead somewhere: site paths to pages that will exist,
/// and nothing but http(s) and mailto outside the site.
fn check_markdown_links(raw: &RawContent, site: &Site, reg: &Registry, diags: &mut Diagnostics) {
    use crate::links::{Destination, KnownIds, classify, markdown_links, page_exists};
    let ids = KnownIds {
        plans: site.plans.iter().map(|p| p.id.as_str()).collect(),
        units: site.units.iter().map(|u| u.id.as_str()).collect(),
        targets: site
            .plans
            .iter()
            .flat_map(|p| p.targets.iter().map(|t| t.id.as_str()))
            .collect(),
        reports: raw.reports.iter().map(|r| r.id.as_str()).collect(),
        documents: reg.documents.keys().map(String::as_str).collect(),
    };
    let bodies = raw
        .plans
        .iter()
        .map(|p| (&p.file, &p.body))
        .chain(raw.reports.iter().map(|r| (&r.file, &r.body)));
    for (file, body) in bodies {
        let offset = file.text.len().saturating_sub(body.len());
        for (range, dest) in markdown_links(body) {
            let span = offset + range.start..offset + range.end;
            let problem = match classify(&dest) {
                Destination::External | Destination::Anchor => None,
                Destination::Site(path) if page_exists(path, &ids) => None,
                Destination::Site(_) => {
                    Some("liên kết tới trang không có trong trang web".to_string())
                }
                Destination::Refused(why) => Some(why.to_string()),
            };
            if let Some(why) = problem {
                diags.push(
                    Diagnostic::error("broken-link", format!("liên kết `{dest}` không dùng được: {why}"))
                        .at(file.location(span))
                        .hint("liên kết trong trang viết từ gốc trang web, ví dụ `/ke-hoach/kh-223-ubnd-2024/`, `/don-vi/so-noi-vu/`, `/chi-tieu/<mã chỉ tiêu>/`; liên kết ra ngoài viết đầy đủ https://…"),
                );
            }
        }
    }
}

fn site_config(s: &In<raw::SiteFile>, diags: &mut Diagnostics) -> SiteConfig {
    let v = &s.value;
    let base_url = web_url(&s.file, &v.base_url, "base_url", true, diags);
    let licence_url = match &v.licence_url {
        Some(u) => web_url(&s.file, u, "licence_url", false, diags),
        None => raw::DEFAULT_LICENCE_URL.to_string(),
    };
    SiteConfig {
        title: v.title.clone(),
        description: v.description.clone(),
        base_url: base_url.trim_end_matches('/').to_string(),
        language: v.language.clone(),
        publisher: v.publisher.as_ref().map(|p| p.get_ref().clone()),
        province: v.province.as_ref().map(|p| p.get_ref().clone()),
        licence: v.licence.clone(),
        licence_url,
    }
}

/// A URL the content gives for the web (pages link it, the catalog publishes it as an IRI):
/// absolute `http(s)://host/…`, without spaces, credentials or — for the site's own base
/// address — a query or fragment. Anything else is reported where it is written.
fn web_url(
    file: &SourceFile,
    value: &Spanned<String>,
    key: &str,
    is_base: bool,
    diags: &mut Diagnostics,
) -> String {
    let text = value.get_ref();
    let problem = match url::Url::parse(text) {
        _ if text.trim().is_empty() => Some("trống".to_string()),
        _ if text.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            Some("có khoảng trắng hoặc ký tự điều khiển".into())
        }
        Err(e) => Some(format!("không phải địa chỉ tuyệt đối ({e})")),
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Some(format!(
            "dùng giao thức `{}:` — chỉ chấp nhận http hoặc https",
            u.scheme()
        )),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => Some("không có tên miền".into()),
        Ok(u) if !u.username().is_empty() || u.password().is_some() => {
            Some("chứa tên đăng nhập hoặc mật khẩu".into())
        }
        Ok(u) if is_base && (u.query().is_some() || u.fragment().is_some()) => {
            Some("có phần `?…` hoặc `#…`, không dùng được làm địa chỉ gốc".into())
        }
        Ok(_) => None,
    };
    if let Some(why) = problem {
        let example = if is_base {
            "https://opendata.quangngai.gov.vn/minhbach"
        } else {
            "https://creativecommons.org/licenses/by/4.0/"
        };
        diags.push(
            Diagnostic::error(
                "invalid-url",
                format!("{key} `{text}` không dùng được: {why}"),
            )
            .at(file.location(value.span()))
            .hint(format!(
                "viết địa chỉ web đầy đủ, ví dụ {key} = \"{example}\""
            )),
        );
    }
    text.clone()
}

/// Checks id syntax and uniqueness; returns whether the entry should be kept.
fn check_id(
    file: &SourceFile,
    id: &Spanned<String>,
    what: &str,
    seen: &mut HashMap<String, crate::source::Location>,
    diags: &mut Diagnostics,
) -> bool {
    let loc = file.location(id.span());
    if !is_valid_id(id.get_ref()) {
        diags.push(
            Diagnostic::error("invalid-id", format!("mã {what} `{}` không hợp lệ", id.get_ref()))
                .at(loc)
                .hint(format!(
                    "mã chỉ gồm chữ thường không dấu, chữ số và gạch ngang (tối đa 80 ký tự), ví dụ `{}`",
                    slugify(id.get_ref())
                )),
        );
        return false;
    }
    if let Some(first) = seen.get(id.get_ref()) {
        diags.push(
            Diagnostic::error(
                "duplicate-id",
                format!("mã {what} `{}` bị trùng", id.get_ref()),
            )
            .at(loc)
            .related(first.clone(), "đã dùng lần đầu ở đây")
            .hint("mỗi mã chỉ được dùng một lần; đổi một trong hai mã"),
        );
        return false;
    }
    seen.insert(id.get_ref().clone(), loc);
    true
}

fn check_unit(
    reg: &Registry,
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) -> bool {
    if reg.units.contains_key(id.get_ref().as_str()) {
        return true;
    }
    if reg.units_incomplete {
        return false;
    }
    diags.extend([Diagnostic::error(
        "unknown-unit",
        format!("không có đơn vị `{}`", id.get_ref()),
    )
    .at(file.location(id.span()))
    .hint(reg.unit_hint(id.get_ref()))]);
    false
}

fn check_area(
    reg: &Registry,
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut Vec<Diagnostic>,
) {
    if !reg.areas.contains(id.get_ref().as_str()) {
        let hint = match nearest(id.get_ref(), reg.areas.iter().copied()) {
            Some(s) => format!("có phải `{s}`? Các lĩnh vực khai báo trong content/areas.toml"),
            None => "khai báo lĩnh vực trong content/areas.toml".into(),
        };
        diags.push(
            Diagnostic::error(
                "unknown-area",
                format!("không có lĩnh vực `{}`", id.get_ref()),
            )
            .at(file.location(id.span()))
            .hint(hint),
        );
    }
}

fn check_plan_ref(
    reg: &Registry,
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) {
    if !reg.plans.contains(id.get_ref().as_str()) {
        let hint = match nearest(id.get_ref(), reg.plans.iter().copied()) {
            Some(s) => format!("có phải `{s}`?"),
            None => "nếu văn bản chỉ được trích dẫn, tạo plans/<mã>/plan.md với status = \"cited\""
                .into(),
        };
        diags.extend([Diagnostic::error(
            "unknown-plan",
            format!("không có kế hoạch `{}`", id.get_ref()),
        )
        .at(file.location(id.span()))
        .hint(hint)]);
    }
}

fn enum_error(
    file: &SourceFile,
    value: &Spanned<String>,
    what: &str,
    allowed: &[&str],
) -> Diagnostic {
    let list = allowed
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match nearest(value.get_ref(), allowed.iter().copied()) {
        Some(s) => format!("có phải `{s}`? Giá trị hợp lệ: {list}"),
        None => format!("giá trị hợp lệ: {list}"),
    };
    Diagnostic::error(
        "invalid-value",
        format!("{what} `{}` không hợp lệ", value.get_ref()),
    )
    .at(file.location(value.span()))
    .hint(hint)
}

fn date(
    file: &SourceFile,
    s: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<PartialDate> {
    match PartialDate::parse(s.get_ref()) {
        Ok(d) => Some(d),
        Err(e) => {
            diags.extend([Diagnostic::error("invalid-date", e.message)
                .at(file.location(s.span()))
                .hint(e.hint)]);
            None
        }
    }
}

/// Reads `"document-id:line"`.
fn source_ref(
    reg: &Registry,
    file: &SourceFile,
    s: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<SourceRef> {
    let text = s.get_ref();
    let Some((doc, line)) = text.rsplit_once(':') else {
        diags.extend([Diagnostic::error(
            "invalid-source",
            format!("nguồn `{text}` phải có dạng \"mã-văn-bản:số-dòng\""),
        )
        .at(file.location(s.span()))
        .hint("ví dụ source = \"kh-223-ubnd-2024:31\"")]);
        return None;
    };
    let Ok(line) = line.trim().parse::<usize>() else {
        diags.extend([Diagnostic::error(
            "invalid-source",
            format!("số dòng `{line}` trong nguồn `{text}` không phải số nguyên"),
        )
        .at(file.location(s.span()))
        .hint("ví dụ source = \"kh-223-ubnd-2024:31\"")]);
        return None;
    };
    source_line(reg, file, doc, line, s.span(), diags)
}

/// Checks that document `doc` is declared; reports it with the nearest id otherwise.
fn known_document<'r>(
    reg: &'r Registry,
    file: &SourceFile,
    doc: &str,
    span: std::ops::Range<usize>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<&'r Document> {
    let d = reg.documents.get(doc);
    if d.is_none() {
        let hint = match nearest(doc, reg.documents.keys().map(String::as_str)) {
            Some(s) => format!(
                "có phải `{s}`? Văn bản nguồn khai báo trong content/documents/documents.toml"
            ),
            None => "khai báo văn bản trong content/documents/documents.toml".into(),
        };
        diags.extend([Diagnostic::error(
            "unknown-document",
            format!("không có văn bản nguồn `{doc}`"),
        )
        .at(file.location(span))
        .hint(hint)]);
    }
    d
}

/// Checks that `line` exists in document `doc`.
fn source_line(
    reg: &Registry,
    file: &SourceFile,
    doc: &str,
    line: usize,
    span: std::ops::Range<usize>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<SourceRef> {
    let d = known_document(reg, file, doc, span.clone(), diags)?;
    if !reg.missing_texts.contains(doc) && (line == 0 || line > d.lines.len()) {
        diags.extend([Diagnostic::error(
            "line-out-of-range",
            format!(
                "văn bản `{doc}` không có dòng {line} (chỉ có {} dòng)",
                d.lines.len()
            ),
        )
        .at(file.location(span))
        .hint("số dòng tính từ 1, theo tệp trong content/documents/")]);
        return None;
    }
    Some(SourceRef {
        document: doc.to_string(),
        line,
    })
}

/// Reads a number exactly from its source characters.
fn number(
    file: &SourceFile,
    n: &Spanned<RawNumber>,
    what: &str,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<Decimal> {
    let span = n.span();
    let raw_text = file.text.get(span.clone()).unwrap_or("").trim();
    let loc = || file.location(span.clone());
    match n.get_ref() {
        RawNumber::Integer(_) | RawNumber::Wide(_) | RawNumber::Float(_) => {
            let plain = raw_text.replace('_', "");
            if plain.contains(['e', 'E']) || plain.contains("inf") || plain.contains("nan") {
                diags.extend([Diagnostic::error(
                    "invalid-number",
                    format!("{what} `{raw_text}` phải viết dạng thập phân thông thường"),
                )
                .at(loc())
                .hint("viết số đầy đủ, ví dụ 1400 hoặc 331.5")]);
                return None;
            }
            if looks_vietnamese_thousands(&plain) {
                let grouped = plain.replace('.', "");
                diags.extend([Diagnostic::error("ambiguous-thousands", format!("{what} `{raw_text}` có ba chữ số sau dấu chấm: TOML đọc là {}, không phải {grouped}", Decimal::from_str(plain.trim_start_matches('+')).map(|d| d.normalize().to_string()).unwrap_or_default()))
                    .at(loc())
                    .hint(format!("trong tệp dữ liệu dấu chấm là dấu thập phân: nếu là {} (một nghìn…) hãy viết `{grouped}`; nếu đúng là số thập phân, thêm một chữ số 0 ở cuối (`{plain}0`)", vn_number::format(Decimal::from_str(&grouped).unwrap_or_default())))]);
                return None;
            }
            let (int_digits, decimals) = vn_number::digit_counts(&plain);
            let parsed = Decimal::from_str(&plain).ok();
            match parsed {
                Some(d)
                    if int_digits <= vn_number::MAX_INTEGER_DIGITS
                        && decimals <= vn_number::MAX_DECIMALS =>
                {
                    Some(d)
                }
                _ => {
                    diags.extend([Diagnostic::error(
                        "number-out-of-range",
                        format!(
                            "{what} `{raw_text}` có {int_digits} chữ số phần nguyên và {decimals} chữ số thập phân: quá lớn hoặc quá chi tiết để đọc chính xác"
                        ),
                    )
                    .at(loc())
                    .hint(format!(
                        "số tiền tính bằng triệu đồng: tối đa {} chữ số phần nguyên và {} chữ số thập phân (52538 cho 52.538.000.000 đồng); kiểm tra lại đơn vị của văn bản",
                        vn_number::MAX_INTEGER_DIGITS,
                        vn_number::MAX_DECIMALS
                    ))]);
                    None
                }
            }
        }
        RawNumber::Text(s) => {
            let hint = match vn_number::parse(s) {
                Some(v) => format!(
                    "viết số không có ngoặc kép và không có dấu phân cách hàng nghìn, dấu thập phân là dấu chấm: `{}` (văn bản ghi \"{s}\" theo cách viết Việt Nam)",
                    v.normalize()
                ),
                None => "viết một số không có ngoặc kép, ví dụ 1400 hoặc 331.5; nếu văn bản để trống thì bỏ hẳn dòng này".into(),
            };
            let msg = if vn_number::parse(s).is_some() {
                format!("{what} \"{s}\" được viết như chữ, không phải số")
            } else {
                format!("{what} \"{s}\" không phải là số")
            };
            diags.extend([Diagnostic::error("not-a-number", msg).at(loc()).hint(hint)]);
            None
        }
        RawNumber::Other(v) => {
            diags.extend([Diagnostic::error(
                "not-a-number",
                format!("{what} phải là số, không phải {}", v.type_str()),
            )
            .at(loc())
            .hint("ví dụ amount = 1400")]);
            None
        }
    }
}

/// `1.400`: TOML reads 1.4, a Vietnamese writer means 1400.
fn looks_vietnamese_thousands(plain: &str) -> bool {
    let p = plain.trim_start_matches(['+', '-']);
    match p.split_once('.') {
        Some((int, frac)) => {
            frac.len() == 3
                && !int.is_empty()
                && int.len() <= 3
                && !int.starts_with('0')
                && int.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn amount(
    file: &SourceFile,
    n: &Spanned<RawNumber>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<Decimal> {
    let v = number(file, n, "số tiền", diags)?;
    if v.is_sign_negative() && !v.is_zero() {
        diags.extend([
            Diagnostic::error("negative-amount", format!("số tiền `{}` âm", v))
                .at(file.location(n.span()))
                .hint("kinh phí dự kiến không thể âm; kiểm tra lại văn bản gốc"),
        ]);
        return None;
    }
    Some(v)
}

fn line_number(
    reg: &Registry,
    file: &SourceFile,
    doc: Option<&str>,
    line: &Spanned<i64>,
    diags: &mut impl Extend<Diagnostic>,
) -> SourceRef {
    let n = *line.get_ref();
    let doc = doc.unwrap_or("");
    if n <= 0 {
        diags.extend([Diagnostic::error(
            "line-out-of-range",
            format!("số dòng `{n}` phải từ 1 trở lên"),
        )
        .at(file.location(line.span()))]);
        return SourceRef {
            document: doc.into(),
            line: 0,
        };
    }
    if doc.is_empty() {
        return SourceRef {
            document: String::new(),
            line: n as usize,
        };
    }
    source_line(reg, file, doc, n as usize, line.span(), diags).unwrap_or(SourceRef {
        document: doc.into(),
        line: n as usize,
    })
}

/// The amount must be written on the line it cites: the check that keeps every published number
/// traceable.
fn check_amount_on_line(
    reg: &Registry,
    file: &SourceFile,
    source: &SourceRef,
    value: Decimal,
    span: std::ops::Range<usize>,
    diags: &mut impl Extend<Diagnostic>,
) {
    let Some(doc) = reg.documents.get(&source.document) else {
        return;
    };
    let Some(text) = doc.lines.get(source.line.wrapping_sub(1)) else {
        return;
    };
    // Numbers are read whole, in Vietnamese notation; a line that states đồng (or tỷ đồng) must
    // state exactly the amount converted to million VND.
    let next: Vec<&str> = doc
        .lines
        .iter()
        .skip(source.line)
        .take(3)
        .map(String::as_str)
        .collect();
    let written = vn_number::written_numbers(text, &next);
    if written.iter().any(|w| w.states_million_vnd(value)) {
        return;
    }
    let on_line = if written.is_empty() {
        "dòng này không ghi số nào".to_string()
    } else {
        let list: Vec<&str> = written.iter().map(|w| &text[w.span.clone()]).collect();
        format!("các số đọc được trên dòng: {}", list.join("; "))
    };
    diags.extend([Diagnostic::error(
        "amount-not-on-line",
        format!(
            "số {} không có ở dòng {} của văn bản `{}`",
            vn_number::format(value),
            source.line,
            source.document
        ),
    )
    .at(file.location(span))
    .hint(format!(
        "dòng {} viết: \"{}\" — {on_line}. Số phải khớp trọn một số của dòng, đọc theo cách viết Việt Nam (số tiền tính bằng triệu đồng: dòng ghi \"52.538.000.000 đồng\" thì viết 52538); sửa số hoặc số dòng cho khớp văn bản gốc",
        source.line,
        text.trim()
    ))]);
}

fn resolve_plan(reg: &Registry, p: &RawPlan, diags: &mut Vec<Diagnostic>) -> Option<Plan> {
    let f = &p.front;
    let file = &p.file;
    check_unit(reg, file, &f.issuer, diags);
    let level = PlanLevel::parse(f.level.get_ref()).unwrap_or_else(|| {
        diags.push(enum_error(
            file,
            &f.level,
            "cấp kế hoạch",
            &PlanLevel::NAMES,
        ));
        PlanLevel::Province
    });
    let status = match f.status.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("published") => PlanStatus::Published,
        Some("cited") => PlanStatus::Cited,
        Some(_) => {
            diags.push(enum_error(
                file,
                f.status.as_ref().unwrap(),
                "trạng thái kế hoạch",
                &["published", "cited"],
            ));
            PlanStatus::Published
        }
    };
    let issued = f.issued.as_ref().and_then(|s| date(file, s, diags));
    let document = f.document.as_ref().and_then(|d| {
        if reg.documents.contains_key(d.get_ref()) {
            Some(d.get_ref().clone())
        } else {
            known_document(reg, file, d.get_ref(), d.span(), diags);
            None
        }
    });
    let cited_in = f
        .cited_in
        .as_ref()
        .and_then(|c| source_ref(reg, file, c, diags));
    match status {
        PlanStatus::Published if f.document.is_none() => diags.push(
            Diagnostic::error("missing-field", "kế hoạch thiếu trường `document` (văn bản nguồn)")
                .at(file.location(0..3))
                .hint("thêm document = \"mã-văn-bản\"; nếu kế hoạch chỉ được trích dẫn trong văn bản khác, ghi status = \"cited\" và cited_in = \"mã:dòng\""),
        ),
        PlanStatus::Cited if f.cited_in.is_none() => diags.push(
            Diagnostic::error("missing-field", "kế hoạch được trích dẫn (status = \"cited\") thiếu trường `cited_in`")
                .at(file.location(0..3))
                .hint("ghi nơi trích dẫn: cited_in = \"mã-văn-bản:số-dòng\""),
        ),
        _ => {}
    }
    for r in f.implements.iter().chain(&f.replaces) {
        check_plan_ref(reg, file, r, diags);
        if r.get_ref() == &p.id {
            diags.push(
                Diagnostic::error(
                    "self-reference",
                    "kế hoạch không thể thực hiện hay thay thế chính nó",
                )
                .at(file.location(r.span())),
            );
        }
    }
    let doc = document
        .clone()
        .or(cited_in.as_ref().map(|c| c.document.clone()));
    let doc = doc.as_deref();

    let mut plan = Plan {
        id: p.id.clone(),
        number: f.number.clone().filter(|n| !n.trim().is_empty()),
        title: f.title.clone(),
        issuer: f.issuer.get_ref().clone(),
        level,
        issued,
        period: f.period.clone(),
        signer: f.signer.clone(),
        signer_title: f.signer_title.clone(),
        document: document.clone(),
        implements: f.implements.iter().map(|s| s.get_ref().clone()).collect(),
        replaces: f.replaces.iter().map(|s| s.get_ref().clone()).collect(),
        implemented_by: Vec::new(),
        replaced_by: Vec::new(),
        legal_bases: f.legal_bases.clone(),
        status,
        cited_in,
        summary: f.summary.clone(),
        body_markdown: p.body.clone(),
        targets: Vec::new(),
        budget: None,
        tasks: Vec::new(),
    };
    if let Some(t) = &p.targets {
        plan.targets = t
            .value
            .iter()
            .filter_map(|t| resolve_target(reg, &t_file(&p.targets), &plan.id, doc, t, diags))
            .collect();
    }
    if let Some(b) = &p.budget {
        plan.budget = Some(resolve_budget(reg, &b.file, &plan, doc, &b.value, diags));
    }
    if let Some(t) = &p.tasks {
        plan.tasks = t
            .value
            .iter()
            .filter_map(|t| resolve_task(reg, &t_file(&p.tasks), &plan.id, doc, t, diags))
            .collect();
    }
    Some(plan)
}

fn t_file<T>(x: &Option<In<T>>) -> std::sync::Arc<SourceFile> {
    x.as_ref().expect("present").file.clone()
}

fn local_id(
    file: &SourceFile,
    explicit: &Option<Spanned<String>>,
    number: Option<&str>,
    prefix: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
    at: std::ops::Range<usize>,
) -> Option<String> {
    match (explicit, number) {
        (Some(id), _) => {
            if is_valid_id(id.get_ref()) {
                Some(id.get_ref().clone())
            } else {
                diags.push(
                    Diagnostic::error(
                        "invalid-id",
                        format!("mã {what} `{}` không hợp lệ", id.get_ref()),
                    )
                    .at(file.location(id.span()))
                    .hint(format!(
                        "mã chỉ gồm chữ thường không dấu, chữ số và gạch ngang, ví dụ `{}`",
                        slugify(id.get_ref())
                    )),
                );
                None
            }
        }
        (None, Some(n)) if !slugify(n).is_empty() => Some(format!("{prefix}{}", slugify(n))),
        _ => {
            diags.push(
                Diagnostic::error("missing-field", format!("{what} không có `number` cũng không có `id`"))
                    .at(file.location(at))
                    .hint("ghi số thứ tự như văn bản in (number = \"1.2\"); nếu văn bản không in số, đặt id = \"...\""),
            );
            None
        }
    }
}

fn units_list(
    reg: &Registry,
    file: &SourceFile,
    ids: &[Spanned<String>],
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    ids.iter()
        .filter(|id| check_unit(reg, file, id, diags))
        .map(|s| s.get_ref().clone())
        .collect()
}

fn gov_level(
    file: &SourceFile,
    l: &Option<Spanned<String>>,
    diags: &mut Vec<Diagnostic>,
) -> GovLevel {
    match l {
        None => GovLevel::All,
        Some(s) => GovLevel::parse(s.get_ref()).unwrap_or_else(|| {
            diags.push(enum_error(file, s, "cấp chính quyền", &GovLevel::NAMES));
            GovLevel::All
        }),
    }
}

fn check_percent(
    file: &SourceFile,
    measure: Measure,
    value: Decimal,
    n: &Spanned<RawNumber>,
    diags: &mut Vec<Diagnostic>,
) {
    if measure == Measure::Percent && (value > Decimal::from(100) || value.is_sign_negative()) {
        diags.push(
            Diagnostic::error("percent-out-of-range", format!("tỷ lệ {}% nằm ngoài khoảng 0–100%", vn_number::format(value)))
                .at(file.location(n.span()))
                .hint("chỉ tiêu đo bằng phần trăm (measure = \"percent\") phải từ 0 đến 100; nếu là số lượng, dùng measure = \"count\""),
        );
    }
}

fn resolve_target(
    reg: &Registry,
    file: &SourceFile,
    plan: &str,
    doc: Option<&str>,
    t: &raw::Target,
    diags: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let local = local_id(
        file,
        &t.id,
        Some(&t.number),
        "ct-",
        "chỉ tiêu",
        diags,
        t.line.span(),
    )?;
    check_area(reg, file, &t.area, diags);
    let measure = match t.measure.get_ref().as_str() {
        "percent" => Measure::Percent,
        "count" => Measure::Count,
        "milestone" => Measure::Milestone,
        _ => {
            diags.push(enum_error(
                file,
                &t.measure,
                "cách đo",
                &["percent", "count", "milestone"],
            ));
            Measure::Count
        }
    };
    let source = line_number(reg, file, doc, &t.line, diags);
    let mut goals = Vec::new();
    for g in &t.goal {
        let comparator = g.comparator.as_ref().and_then(|c| {
            Comparator::parse(c.get_ref()).or_else(|| {
                diags.push(enum_error(
                    file,
                    c,
                    "phép so sánh",
                    &[">=", ">", "=", "<=", "<"],
                ));
                None
            })
        });
        let value = g.value.as_ref().and_then(|v| {
            let d = number(file, v, "giá trị chỉ tiêu", diags)?;
            check_percent(file, measure, d, v, diags);
            let in_text = vn_number::numbers_in(&t.text).contains(&d);
            if !in_text {
                diags.push(
                    Diagnostic::error("goal-not-in-text", format!("giá trị {} không có trong lời văn của chỉ tiêu", vn_number::format(d)))
                        .at(file.location(v.span()))
                        .hint("giá trị chỉ tiêu phải lấy từ chính lời văn (text) của chỉ tiêu; kiểm tra lại số hoặc lời văn"),
                );
            }
            Some(d)
        });
        if measure != Measure::Milestone && g.value.is_none() {
            diags.push(
                Diagnostic::error("missing-field", "mục tiêu thiếu `value`")
                    .at(file.location(t.line.span()))
                    .hint("ghi giá trị văn bản đặt ra (value = 95), hoặc đổi measure = \"milestone\" nếu là mốc hoàn thành"),
            );
        }
        goals.push(Goal {
            level: gov_level(file, &g.level, diags),
            subject: g.subject.clone(),
            comparator,
            value,
        });
    }
    let mut values = Vec::new();
    for v in &t.value {
        let kind = match v.kind.get_ref().as_str() {
            "baseline" => ValueKind::Baseline,
            "actual" => ValueKind::Actual,
            _ => {
                diags.push(enum_error(
                    file,
                    &v.kind,
                    "loại số liệu",
                    &["baseline", "actual"],
                ));
                continue;
            }
        };
        let Some(source) = source_ref(reg, file, &v.source, diags) else {
            continue;
        };
        let value = v.value.as_ref().and_then(|n| {
            let d = number(file, n, "số liệu", diags)?;
            check_percent(file, measure, d, n, diags);
            check_amount_on_line(reg, file, &source, d, n.span(), diags);
            Some(d)
        });
        if v.value.is_none() && v.text.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    "missing-field",
                    "số liệu không có `value` cũng không có `text`",
                )
                .at(file.location(v.source.span()))
                .hint("ghi con số (value = 87.85) hoặc lời văn bản (text = \"...\")"),
            );
        }
        let as_of = v.as_of.as_ref().and_then(|s| date(file, s, diags));
        values.push(TargetValue {
            kind,
            level: gov_level(file, &v.level, diags),
            subject: v.subject.clone(),
            value,
            text: v.text.clone(),
            year: v.year.as_ref().and_then(|y| {
                let year = *y.get_ref();
                if i32::try_from(year).is_ok_and(|y| crate::dates::YEARS.contains(&y)) {
                    Some(year)
                } else {
                    diags.push(
                        Diagnostic::error(
                            "invalid-date",
                            format!(
                                "năm {year} nằm ngoài khoảng {}–{} mà kế hoạch có thể nói tới",
                                crate::dates::YEARS.start(),
                                crate::dates::YEARS.end()
                            ),
                        )
                        .at(file.location(y.span()))
                        .hint("viết năm của số liệu đủ bốn chữ số, ví dụ year = 2024"),
                    );
                    None
                }
            }),
            as_of,
            source,
            note: v.note.clone(),
            report: None,
        });
    }
    Some(Target {
        id: format!("{plan}-{local}"),
        plan: plan.into(),
        number: t.number.clone(),
        area: t.area.get_ref().clone(),
        text: t.text.clone(),
        measure,
        lead: units_list(reg, file, &t.lead, diags),
        coordinating: units_list(reg, file, &t.coordinating, diags),
        source,
        interpretation: t.interpretation.clone(),
        goals,
        values,
    })
}

fn resolve_task(
    reg: &Registry,
    file: &SourceFile,
    plan: &str,
    doc: Option<&str>,
    t: &raw::Task,
    diags: &mut Vec<Diagnostic>,
) -> Option<Task> {
    let local = local_id(
        file,
        &t.id,
        t.number.as_deref(),
        "nv-",
        "nhiệm vụ",
        diags,
        t.line.span(),
    )?;
    check_area(reg, file, &t.area, diags);
    let timeframe = t
        .timeframe
        .as_ref()
        .and_then(|s| match Timeframe::parse(s.get_ref()) {
            Ok(tf) => Some(tf),
            Err(e) => {
                diags.push(
                    Diagnostic::error("invalid-date", e.message)
                        .at(file.location(s.span()))
                        .hint(e.hint),
                );
                None
            }
        });
    Some(Task {
        id: format!("{plan}-{local}"),
        plan: plan.into(),
        number: t.number.clone(),
        area: t.area.get_ref().clone(),
        title: t.title.clone(),
        lead: units_list(reg, file, &t.lead, diags),
        coordinating: units_list(reg, file, &t.coordinating, diags),
        timeframe,
        timeframe_text: t.timeframe_text.clone(),
        source: line_number(reg, file, doc, &t.line, diags),
        interpretation: t.interpretation.clone(),
    })
}

fn funding(
    file: &SourceFile,
    f: &Option<Spanned<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Funding> {
    let s = f.as_ref()?;
    Funding::parse(s.get_ref()).or_else(|| {
        diags.push(
            Diagnostic::error("invalid-funding", format!("nguồn vốn `{}` không đọc được", s.get_ref()))
                .at(file.location(s.span()))
                .hint("ghi như văn bản: loại chi CTX (thường xuyên) hoặc CĐT (đầu tư), và nguồn NST, NSH hoặc NSNN, ví dụ \"CTX, NST\""),
        );
        None
    })
}

fn place_default(reg: &Registry, unit: &str) -> Option<String> {
    let kind = reg
        .units
        .get(unit)
        .and_then(|u| UnitKind::parse(u.kind.get_ref()))?;
    kind.is_territory().then(|| unit.to_string())
}

fn resolve_budget(
    reg: &Registry,
    file: &SourceFile,
    plan: &Plan,
    doc: Option<&str>,
    b: &RawBudget,
    diags: &mut Vec<Diagnostic>,
) -> Budget {
    let place = b
        .header
        .place
        .as_ref()
        .and_then(|p| check_unit(reg, file, p, diags).then(|| p.get_ref().clone()));
    let mut budget = Budget {
        place: place.clone(),
        declared: Vec::new(),
        groups: Vec::new(),
        bodies: Vec::new(),
        lines: Vec::new(),
    };
    for d in &b.header.declared {
        let source = line_number(reg, file, doc, &d.line, diags);
        let Some(value) = amount(file, &d.amount, diags) else {
            continue;
        };
        check_amount_on_line(reg, file, &source, value, d.amount.span(), diags);
        budget.declared.push(Declared {
            label: d.label.clone(),
            funding: funding(file, &d.funding, diags),
            amount: value,
            source,
        });
    }
    let prefix = format!("{}-kp-", plan.id);
    let mut seen: HashMap<String, crate::source::Location> = HashMap::new();
    let mut unique = |id: String,
                      loc: crate::source::Location,
                      diags: &mut Vec<Diagnostic>|
     -> bool {
        if let Some(first) = seen.get(&id) {
            diags.push(
                Diagnostic::error("duplicate-id", format!("mã dòng kinh phí `{id}` bị trùng"))
                    .at(loc)
                    .related(first.clone(), "đã dùng lần đầu ở đây")
                    .hint("hai mục có cùng số thứ tự trong một nhóm; đặt `id` riêng cho một mục"),
            );
            false
        } else {
            seen.insert(id, loc);
            true
        }
    };
    let ctx = BudgetCtx {
        reg,
        file,
        doc,
        prefix: &prefix,
    };
    for rg in &b.groups {
        let g = &rg.group;
        let Some(glocal) = local_id(
            file,
            &g.id,
            Some(&g.number),
            "",
            "nhóm kinh phí",
            diags,
            g.line.span(),
        ) else {
            continue;
        };
        let source = line_number(reg, file, doc, &g.line, diags);
        let declared_total = g.declared_total.as_ref().and_then(|n| {
            let v = amount(file, n, diags)?;
            check_amount_on_line(reg, file, &source, v, n.span(), diags);
            Some(v)
        });
        if !unique(
            format!("{prefix}{glocal}"),
            file.location(g.line.span()),
            diags,
        ) {
            continue;
        }
        let gi = budget.groups.len();
        budget.groups.push(BudgetGroup {
            id: format!("{prefix}{glocal}"),
            number: g.number.clone(),
            title: g.title.clone(),
            declared_total,
            source,
        });
        for ri in &rg.items {
            ctx.item(
                &mut budget,
                ri,
                &glocal,
                Some(gi),
                None,
                place.clone(),
                plan.issuer.clone(),
                &mut unique,
                diags,
            );
        }
        for rb in &rg.bodies {
            let bd = &rb.body;
            let blocal = match &bd.id {
                Some(_) => local_id(file, &bd.id, None, "", "cơ quan", diags, bd.line.span()),
                None => local_id(
                    file,
                    &None,
                    Some(&bd.number),
                    &format!("{glocal}-"),
                    "cơ quan",
                    diags,
                    bd.line.span(),
                ),
            };
            let Some(blocal) = blocal else { continue };
            check_unit(reg, file, &bd.unit, diags);
            let source = line_number(reg, file, doc, &bd.line, diags);
            let declared_total = bd.declared_total.as_ref().and_then(|n| {
                let v = amount(file, n, diags)?;
                check_amount_on_line(reg, file, &source, v, n.span(), diags);
                Some(v)
            });
            let bplace = match &bd.place {
                Some(p) => check_unit(reg, file, p, diags).then(|| p.get_ref().clone()),
                None => place_default(reg, bd.unit.get_ref()).or(place.clone()),
            };
            if !unique(
                format!("{prefix}{blocal}"),
                file.location(bd.line.span()),
                diags,
            ) {
                continue;
            }
            let bi = budget.bodies.len();
            budget.bodies.push(BudgetBody {
                id: format!("{prefix}{blocal}"),
                group: Some(gi),
                number: bd.number.clone(),
                unit: bd.unit.get_ref().clone(),
                title: bd.title.clone(),
                place: bplace.clone(),
                declared_total,
                source,
            });
            for ri in &rb.items {
                ctx.item(
                    &mut budget,
                    ri,
                    &glocal,
                    Some(gi),
                    Some(bi),
                    bplace.clone(),
                    bd.unit.get_ref().clone(),
                    &mut unique,
                    diags,
                );
            }
        }
    }
    for ri in &b.items {
        ctx.item(
            &mut budget,
            ri,
            "",
            None,
            None,
            place.clone(),
            plan.issuer.clone(),
            &mut unique,
            diags,
        );
    }
    budget
}

struct BudgetCtx<'a> {
    reg: &'a Registry<'a>,
    file: &'a SourceFile,
    doc: Option<&'a str>,
    prefix: &'a str,
}

impl BudgetCtx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn item(
        &self,
        budget: &mut Budget,
        ri: &RawItem,
        group_local: &str,
        group: Option<usize>,
        body: Option<usize>,
        place: Option<String>,
        default_lead: String,
        unique: &mut impl FnMut(String, crate::source::Location, &mut Vec<Diagnostic>) -> bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        let it = &ri.item;
        let prefix = if group_local.is_empty() {
            String::new()
        } else {
            format!("{group_local}-")
        };
        let local = match &it.id {
            Some(_) => local_id(
                self.file,
                &it.id,
                None,
                "",
                "mục kinh phí",
                diags,
                it.line.span(),
            ),
            None => local_id(
                self.file,
                &None,
                it.number.as_deref(),
                &prefix,
                "mục kinh phí",
                diags,
                it.line.span(),
            ),
        };
        let Some(local) = local else { return };
        let id = format!("{}{local}", self.prefix);
        if !unique(id.clone(), self.file.location(it.line.span()), diags) {
            return;
        }
        let parent = budget.lines.len();
        let line = self.line(
            budget.lines.len(),
            it,
            id,
            group,
            body,
            place.clone(),
            default_lead.clone(),
            None,
            diags,
        );
        budget.lines.push(line);
        budget.lines[parent].has_parts = !ri.parts.is_empty();
        if !ri.parts.is_empty() {
            if let Some(a) = &it.amount {
                diags.push(
                    Diagnostic::warning("amount-with-parts", "mục có các phần con (part) nhưng cũng ghi số tiền; tổng được tính theo các phần con")
                        .at(self.file.location(a.span()))
                        .hint("nếu văn bản chỉ ghi tiền ở các dòng con, bỏ `amount` của mục cha"),
                );
            }
        }
        for part in &ri.parts {
            let Some(plocal) = local_id(
                self.file,
                &part.id,
                None,
                "",
                "phần của mục kinh phí",
                diags,
                part.line.span(),
            ) else {
                continue;
            };
            let pid = format!("{}{local}-{plocal}", self.prefix);
            if !unique(pid.clone(), self.file.location(part.line.span()), diags) {
                continue;
            }
            let lead = budget.lines[parent].lead.clone();
            let pplace = budget.lines[parent].place.clone();
            let l = self.line(
                budget.lines.len(),
                part,
                pid,
                group,
                body,
                pplace,
                lead,
                Some(parent),
                diags,
            );
            budget.lines.push(l);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn line(
        &self,
        _index: usize,
        it: &raw::Item,
        id: String,
        group: Option<usize>,
        body: Option<usize>,
        place: Option<String>,
        default_lead: String,
        parent: Option<usize>,
        diags: &mut Vec<Diagnostic>,
    ) -> BudgetLine {
        let source = line_number(self.reg, self.file, self.doc, &it.line, diags);
        let amount = it.amount.as_ref().and_then(|n| {
            let v = amount(self.file, n, diags)?;
            check_amount_on_line(self.reg, self.file, &source, v, n.span(), diags);
            Some(v)
        });
        let lead = match &it.lead {
            Some(l) => {
                check_unit(self.reg, self.file, l, diags);
                l.get_ref().clone()
            }
            None => default_lead,
        };
        let place = match &it.place {
            Some(p) => check_unit(self.reg, self.file, p, diags).then(|| p.get_ref().clone()),
            None => place,
        };
        BudgetLine {
            id,
            number: it.number.clone(),
            title: it.title.clone(),
            amount,
            funding: funding(self.file, &it.funding, diags),
            period: it.period.clone(),
            lead,
            coordinating: units_list(self.reg, self.file, &it.coordinating, diags),
            place,
            note: it.note.clone(),
            legal_basis: it.legal_basis.clone(),
            interpretation: it.interpretation.clone(),
            source,
            group,
            body,
            parent,
            has_parts: false,
        }
    }
}

/// Target and task ids must be unique across all plans (plan ids prefix them, but an explicit
/// local id could still collide with a derived one).
fn check_global_ids(raw: &RawContent, site: &Site, diags: &mut Diagnostics) {
    let mut targets = HashSet::new();
    let mut tasks = HashSet::new();
    let raw_plans: HashMap<&str, &RawPlan> = raw.plans.iter().map(|p| (p.id.as_str(), p)).collect();
    for p in &site.plans {
        let file = raw_plans.get(p.id.as_str());
        for t in &p.targets {
            if !targets.insert(t.id.as_str()) {
                let loc = file
                    .and_then(|f| f.targets.as_ref())
                    .map(|f| f.file.line_location(0).clone());
                diags.push(
                    Diagnostic::error("duplicate-id", format!("mã chỉ tiêu `{}` bị trùng", t.id))
                        .at_opt(loc)
                        .hint("hai chỉ tiêu có cùng số thứ tự; đặt `id` riêng cho một chỉ tiêu"),
                );
            }
        }
        for t in &p.tasks {
            if !tasks.insert(t.id.as_str()) {
                let loc = file
                    .and_then(|f| f.tasks.as_ref())
                    .map(|f| f.file.line_location(t.source.line.min(1)));
                diags.push(
                    Diagnostic::error("duplicate-id", format!("mã nhiệm vụ `{}` bị trùng", t.id))
                        .at_opt(loc)
                        .hint("hai nhiệm vụ có cùng số thứ tự; đặt `id` riêng cho một nhiệm vụ"),
                );
            }
        }
    }
}

fn check_parent_cycles(
    site: &Site,
    files: &HashMap<&str, &In<raw::Unit>>,
    diags: &mut Diagnostics,
) {
    for u in &site.units {
        let mut current = u.parent.as_deref();
        let mut steps = 0;
        while let Some(p) = current {
            if p == u.id || steps > site.units.len() {
                let f = files[u.id.as_str()];
                diags.push(
                    Diagnostic::error(
                        "parent-cycle",
                        format!(
                            "đơn vị `{}` là cấp trên của chính nó (qua chuỗi `parent`)",
                            u.id
                        ),
                    )
                    .at(f
                        .file
                        .location(f.value.parent.as_ref().map(|p| p.span()).unwrap_or(0..0)))
                    .hint("kiểm tra lại trường parent của các đơn vị trong chuỗi"),
                );
                break;
            }
            current = site.unit(p).and_then(|x| x.parent.as_deref());
            steps += 1;
        }
    }
}

fn link_units(site: &mut Site) {
    let mut preds: HashMap<String, Vec<String>> = HashMap::new();
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    for u in &site.units {
        for s in &u.successors {
            preds.entry(s.clone()).or_default().push(u.id.clone());
        }
        if let Some(p) = &u.parent {
            children.entry(p.clone()).or_default().push(u.id.clone());
        }
    }
    for u in &mut site.units {
        u.predecessors = preds.remove(&u.id).unwrap_or_default();
        u.children = children.remove(&u.id).unwrap_or_default();
    }
}

fn link_plans(site: &mut Site) {
    let mut by: HashMap<String, Vec<String>> = HashMap::new();
    let mut replaced: HashMap<String, Vec<String>> = HashMap::new();
    for p in &site.plans {
        for i in &p.implements {
            by.entry(i.clone()).or_default().push(p.id.clone());
        }
        for r in &p.replaces {
            replaced.entry(r.clone()).or_default().push(p.id.clone());
        }
    }
    for p in &mut site.plans {
        p.implemented_by = by.remove(&p.id).unwrap_or_default();
        p.replaced_by = replaced.remove(&p.id).unwrap_or_default();
    }
}

fn resolve_report(
    reg: &Registry,
    site: &mut Site,
    r: &RawReport,
    diags: &mut Diagnostics,
) -> Option<Report> {
    let mut ds = Vec::new();
    let f = &r.front;
    let file = &r.file;
    if !is_valid_id(&r.id) {
        ds.push(
            Diagnostic::error(
                "invalid-id",
                format!("tên thư mục báo cáo `{}` không dùng được làm mã", r.id),
            )
            .at(file.location(0..0))
            .hint(format!("ví dụ `{}`", slugify(&r.id))),
        );
    }
    check_unit(reg, file, &f.issuer, &mut ds);
    let as_of = date(file, &f.as_of, &mut ds);
    let document = known_document(reg, file, f.document.get_ref(), f.document.span(), &mut ds)
        .map(|d| d.id.clone());
    for p in &f.plans {
        check_plan_ref(reg, file, p, &mut ds);
    }
    let task_index: HashMap<&str, ()> = site
        .plans
        .iter()
        .flat_map(|p| p.tasks.iter().map(|t| (t.id.as_str(), ())))
        .collect();
    let target_index: HashMap<String, (usize, usize, Measure)> = site
        .plans
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            p.targets
                .iter()
                .enumerate()
                .map(move |(ti, t)| (t.id.clone(), (pi, ti, t.measure)))
        })
        .collect();
    let mut results = Vec::new();
    let mut actuals = Vec::new();
    if let Some(progress) = &r.progress {
        let pfile = &progress.file;
        let (raw_results, raw_actuals) = &progress.value;
        for res in raw_results {
            if !task_index.contains_key(res.task.get_ref().as_str()) {
                if reg.in_broken_plan(res.task.get_ref()) {
                    continue;
                }
                let hint = match nearest(res.task.get_ref(), task_index.keys().copied()) {
                    Some(s) => {
                        format!("có phải `{s}`? Mã nhiệm vụ = mã kế hoạch + \"-nv-\" + số thứ tự")
                    }
                    None => {
                        "mã nhiệm vụ = mã kế hoạch + \"-nv-\" + số thứ tự (hoặc id riêng)".into()
                    }
                };
                ds.push(
                    Diagnostic::error(
                        "unknown-task",
                        format!("không có nhiệm vụ `{}`", res.task.get_ref()),
                    )
                    .at(pfile.location(res.task.span()))
                    .hint(hint),
                );
                continue;
            }
            let status = res.status.as_ref().and_then(|s| {
                StatedStatus::parse(s.get_ref()).or_else(|| {
                    ds.push(enum_error(
                        pfile,
                        s,
                        "trạng thái",
                        &["done", "in-progress", "not-started"],
                    ));
                    None
                })
            });
            results.push(TaskResult {
                task: res.task.get_ref().clone(),
                status,
                text: res.text.clone(),
                evidence: res.evidence.clone(),
                source: line_number(reg, pfile, document.as_deref(), &res.line, &mut ds),
                interpretation: res.interpretation.clone(),
            });
        }
        for a in raw_actuals {
            let Some(&(pi, ti, measure)) = target_index.get(a.target.get_ref()) else {
                if reg.in_broken_plan(a.target.get_ref()) {
                    continue;
                }
                let hint =
                    match nearest(a.target.get_ref(), target_index.keys().map(String::as_str)) {
                        Some(s) => format!("có phải `{s}`?"),
                        None => "mã chỉ tiêu = mã kế hoạch + \"-ct-\" + số thứ tự".into(),
                    };
                ds.push(
                    Diagnostic::error(
                        "unknown-target",
                        format!("không có chỉ tiêu `{}`", a.target.get_ref()),
                    )
                    .at(pfile.location(a.target.span()))
                    .hint(hint),
                );
                continue;
            };
            let source = line_number(reg, pfile, document.as_deref(), &a.line, &mut ds);
            let value = a.value.as_ref().and_then(|n| {
                let d = number(pfile, n, "số liệu", &mut ds)?;
                check_percent(pfile, measure, d, n, &mut ds);
                check_amount_on_line(reg, pfile, &source, d, n.span(), &mut ds);
                Some(d)
            });
            let level = gov_level(pfile, &a.level, &mut ds);
            actuals.push((
                pi,
                ti,
                TargetValue {
                    kind: ValueKind::Actual,
                    level,
                    subject: a.subject.clone(),
                    value,
                    text: a.text.clone(),
                    year: as_of.map(|d| d.year as i64),
                    as_of,
                    source,
                    note: a.note.clone(),
                    report: Some(r.id.clone()),
                },
            ));
        }
    }
    for (pi, ti, v) in actuals {
        site.plans[pi].targets[ti].values.push(v);
    }
    let ok = !ds
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error)
        || as_of.is_some();
    diags.extend(ds);
    let as_of = as_of?;
    ok.then(|| Report {
        id: r.id.clone(),
        title: f.title.clone(),
        number: f.number.clone().filter(|n| !n.trim().is_empty()),
        issuer: f.issuer.get_ref().clone(),
        as_of,
        document: document.unwrap_or_default(),
        plans: f.plans.iter().map(|p| p.get_ref().clone()).collect(),
        summary: f.summary.clone(),
        body_markdown: r.body.clone(),
        results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digits_after_a_dot_look_like_vietnamese_thousands() {
        assert!(looks_vietnamese_thousands("1.400"));
        assert!(looks_vietnamese_thousands("325.188"));
        assert!(!looks_vietnamese_thousands("1.4"));
        assert!(!looks_vietnamese_thousands("0.125"));
        assert!(!looks_vietnamese_thousands("1.4250"));
        assert!(!looks_vietnamese_thousands("1400"));
    }
}
