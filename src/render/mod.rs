//! Stage 3: render the checked model into pages (Tera templates, in parallel). Templates get
//! view data that is already formatted for Vietnamese readers — money as `1.400`, unknown as
//! "chưa có số liệu" — so no template does arithmetic on money.

pub mod open_data;
mod pages;

use anyhow::Result;
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::budget::{self, Sum};
use crate::model::*;
use crate::output::OutputFiles;
use crate::vn_number;

/// Shown wherever a document gives no number. Never 0.
pub const UNKNOWN: &str = "chưa có số liệu";

/// The built-in templates, compiled into the binary so it works from any directory.
macro_rules! builtin_templates {
    ($($name:literal),* $(,)?) => { &[$(($name, include_str!(concat!("../../templates/", $name)))),*] };
}

const TEMPLATES: &[(&str, &str)] = builtin_templates![
    "base.html",
    "macros.html",
    "index.html",
    "plans.html",
    "plan.html",
    "budget.html",
    "budget_breakdown.html",
    "targets.html",
    "target.html",
    "progress.html",
    "open_data.html",
    "dataset.html",
    "units.html",
    "unit.html",
    "report.html",
    "source.html",
    "reports.html",
    "sources.html",
];

/// The names of the built-in templates: a file of the same name in the project's `templates/`
/// replaces one.
pub const TEMPLATE_NAMES: [&str; TEMPLATES.len()] = {
    let mut names = [""; TEMPLATES.len()];
    let mut i = 0;
    while i < TEMPLATES.len() {
        names[i] = TEMPLATES[i].0;
        i += 1;
    }
    names
};

/// The built-in templates with `overrides` (name, text) in place of those of the same name.
pub fn templates_with(overrides: &[(String, String)]) -> tera::Result<tera::Tera> {
    let list: Vec<(&str, &str)> = TEMPLATES
        .iter()
        .map(|(n, t)| {
            let text = overrides
                .iter()
                .find(|(o, _)| o == n)
                .map(|(_, t)| t.as_str())
                .unwrap_or(t);
            (*n, text)
        })
        .collect();
    let mut t = tera::Tera::default();
    t.autoescape_on(vec![".html"]);
    t.set_escape_fn(escape_html);
    t.add_raw_templates(list)?;
    Ok(t)
}

/// The built-in templates with the project's overrides.
pub fn templates(theme: &crate::project::Theme) -> Result<tera::Tera> {
    let overrides: Vec<(String, String)> = theme
        .templates
        .iter()
        .map(|(n, t, _)| (n.clone(), t.clone()))
        .collect();
    templates_with(&overrides).map_err(|e| anyhow::anyhow!("mẫu trang: {}", error_chain(&e)))
}

/// Escapes the five characters that matter in HTML text and attributes. Tera's default also
/// escapes `/`, which makes every link and date (`01/07/2025`) unreadable in the source.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn money(v: Option<Decimal>) -> String {
    v.map(vn_number::format)
        .unwrap_or_else(|| UNKNOWN.to_string())
}

/// Relative path from a page at `depth` directories below the root back to the root.
fn root(depth: usize) -> String {
    if depth == 0 {
        "./".into()
    } else {
        "../".repeat(depth)
    }
}

pub fn plan_href(id: &str) -> String {
    format!("ke-hoach/{id}/")
}
pub fn unit_href(id: &str) -> String {
    format!("don-vi/{id}/")
}
pub fn report_href(id: &str) -> String {
    format!("bao-cao/{id}/")
}
/// Source documents are published in parts of this many lines, so no page is too heavy.
pub const SOURCE_PART_LINES: usize = 300;

pub fn source_part(line: usize) -> usize {
    line.saturating_sub(1) / SOURCE_PART_LINES + 1
}

pub fn source_href(s: &SourceRef) -> String {
    format!("nguon/{}/{}/#L{}", s.document, source_part(s.line), s.line)
}

pub(crate) struct Ctx<'a> {
    pub(crate) site: &'a Site,
    /// The open-data resources, for the "Tải dữ liệu" subsets of tables.
    pub(crate) resources: Vec<crate::opendata::resources::Resource>,
    /// Download files registered while pages are built (from several threads).
    pub(crate) downloads: std::sync::Mutex<std::collections::BTreeMap<String, Vec<u8>>>,
}

/// One row of an open-data resource, readable by column name.
pub(crate) struct RowView<'a> {
    header: &'a [&'static str],
    cells: &'a [String],
}

impl RowView<'_> {
    pub(crate) fn get(&self, column: &str) -> &str {
        self.header
            .iter()
            .position(|h| *h == column)
            .map(|i| self.cells[i].as_str())
            .unwrap_or("")
    }

    /// Whether a `;`-separated column lists `id`.
    pub(crate) fn lists(&self, column: &str, id: &str) -> bool {
        self.get(column).split(';').any(|x| x == id)
    }
}

/// Where the per-table download files go.
pub const TABLES_DIR: &str = "data/bang";

impl Ctx<'_> {
    /// Writes `rows` as `data/bang/<name>.csv` and `.json`, returning the links for templates.
    /// The CSV is for opening in Excel (BOM, formulas defused, like `data/excel/`); the JSON
    /// keeps every cell exactly.
    pub(crate) fn register(&self, name: &str, header: &[&str], rows: &[Vec<String>]) -> Value {
        let csv = format!("{TABLES_DIR}/{name}.csv");
        let json_path = format!("{TABLES_DIR}/{name}.json");
        let mut d = self.downloads.lock().unwrap_or_else(|e| e.into_inner());
        d.insert(csv.clone(), crate::opendata::excel_csv_bytes(header, rows));
        d.insert(
            json_path.clone(),
            crate::opendata::json_rows_bytes(header, rows),
        );
        json!({"csv": csv, "json": json_path, "rows": rows.len()})
    }

    /// The rows of an open-data resource that a table shows, as their own download.
    pub(crate) fn subset(
        &self,
        resource: &str,
        name: &str,
        keep: impl Fn(&RowView) -> bool,
    ) -> Value {
        let Some(r) = self.resources.iter().find(|r| r.name == resource) else {
            return Value::Null;
        };
        let header = r.header();
        let rows: Vec<Vec<String>> = r
            .rows
            .iter()
            .filter(|row| {
                keep(&RowView {
                    header: &header,
                    cells: row,
                })
            })
            .cloned()
            .collect();
        self.register(&format!("{resource}-{name}"), &header, &rows)
    }

    pub(crate) fn unit(&self, id: &str) -> Value {
        match self.site.unit(id) {
            Some(u) => {
                json!({"id": u.id, "name": u.name, "label": u.label(), "href": unit_href(&u.id)})
            }
            None => json!({"id": id, "name": id, "label": id, "href": Value::Null}),
        }
    }

    pub(crate) fn units(&self, ids: &[String]) -> Value {
        Value::Array(ids.iter().map(|i| self.unit(i)).collect())
    }

    pub(crate) fn source(&self, s: &SourceRef) -> Value {
        let doc = self.site.document(&s.document);
        json!({
            "href": source_href(s),
            "line": s.line,
            "document": s.document,
            "title": doc.map(|d| d.title.as_str()).unwrap_or(""),
        })
    }

    pub(crate) fn plan_ref(&self, id: &str) -> Value {
        match self.site.plan(id) {
            Some(p) => {
                json!({"id": p.id, "label": p.label(), "title": p.title, "href": plan_href(&p.id), "cited": p.status == PlanStatus::Cited})
            }
            None => json!({"id": id, "label": id, "title": id, "href": Value::Null, "cited": true}),
        }
    }

    pub(crate) fn plan_summary(&self, p: &Plan) -> Value {
        let total = p.budget.as_ref().map(|b| b.total());
        json!({
            "id": p.id,
            "href": plan_href(&p.id),
            "label": p.label(),
            "number": p.number,
            "title": p.title,
            "issuer": self.unit(&p.issuer),
            "level": p.level.vietnamese(),
            "issued": p.issued.map(|d| d.vietnamese()),
            "cited": p.status == PlanStatus::Cited,
            "summary": p.summary,
            "targets": p.targets.len(),
            "tasks": p.tasks.len(),
            "budget_lines": p.budget.as_ref().map(|b| b.leaves().count()).unwrap_or(0),
            "budget_total": total.map(|s| vn_number::format(s.amount)),
            "budget_total_human": total.map(|s| vn_number::format_million_vnd_human(s.amount)),
            "budget_unknown": total.map(|s| s.unknown).unwrap_or(0),
        })
    }

    pub(crate) fn goal(&self, t: &Target, g: &Goal) -> Value {
        let unit = if t.measure == Measure::Percent {
            "%"
        } else {
            ""
        };
        let value = match g.value {
            Some(v) => format!(
                "{}{}{unit}",
                g.comparator
                    .map(|c| format!("{} ", c.symbol()))
                    .unwrap_or_default(),
                vn_number::format(v)
            ),
            None => "Mốc hoàn thành".into(),
        };
        json!({
            "level": g.level.vietnamese(),
            "is_all": g.level == GovLevel::All,
            "subject": g.subject,
            "value": value,
            "comparator_words": g.comparator.map(|c| c.vietnamese()),
        })
    }

    pub(crate) fn target(&self, t: &Target) -> Value {
        let area = self
            .site
            .area(&t.area)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        let unit = if t.measure == Measure::Percent {
            "%"
        } else {
            ""
        };
        let values: Vec<Value> = t
            .values
            .iter()
            .map(|v| {
                json!({
                    "kind": match v.kind { ValueKind::Baseline => "Số liệu ban đầu", ValueKind::Actual => "Kết quả" },
                    "level": v.level.vietnamese(),
                    "is_all": v.level == GovLevel::All,
                    "subject": v.subject,
                    "value": v.value.map(|x| format!("{}{unit}", vn_number::format(x))),
                    "text": v.text,
                    "year": v.year,
                    "as_of": v.as_of.map(|d| d.vietnamese()),
                    "note": v.note,
                    "source": self.source(&v.source),
                })
            })
            .collect();
        json!({
            "id": t.id,
            "number": t.number,
            "area": area,
            "text": t.text,
            "measure": match t.measure { Measure::Percent => "Tỷ lệ (%)", Measure::Count => "Số lượng", Measure::Milestone => "Mốc hoàn thành" },
            "goals": t.goals.iter().map(|g| self.goal(t, g)).collect::<Vec<_>>(),
            "lead": self.units(&t.lead),
            "coordinating": self.units(&t.coordinating),
            "values": values,
            "source": self.source(&t.source),
            "interpretation": t.interpretation,
        })
    }

    pub(crate) fn task(&self, t: &Task) -> Value {
        let area = self
            .site
            .area(&t.area)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        json!({
            "id": t.id,
            "number": t.number,
            "area": area,
            "title": t.title,
            "lead": self.units(&t.lead),
            "coordinating": self.units(&t.coordinating),
            "timeframe": t.timeframe.map(|tf| tf.vietnamese()),
            "timeframe_text": t.timeframe_text,
            "source": self.source(&t.source),
            "interpretation": t.interpretation,
        })
    }

    pub(crate) fn line(&self, b: &Budget, l: &BudgetLine) -> Value {
        json!({
            "id": l.id,
            "number": l.number,
            "title": l.title,
            "amount": money(l.amount),
            "known": l.amount.is_some(),
            "funding": l.funding.map(|f| f.code()),
            "funding_words": l.funding.map(|f| f.vietnamese()),
            "period": l.period,
            "lead": self.unit(&l.lead),
            "place": l.place.as_deref().map(|p| self.unit(p)),
            "note": l.note,
            "legal_basis": l.legal_basis,
            "interpretation": l.interpretation,
            "is_part": l.parent.is_some(),
            "has_parts": l.has_parts,
            "source": self.source(&l.source),
            "body": l.body.map(|i| b.bodies[i].id.clone()),
        })
    }

    /// Totals only, for overviews.
    pub(crate) fn budget_summary(&self, p: &Plan) -> Value {
        let Some(b) = &p.budget else {
            return Value::Null;
        };
        let total = b.total();
        let declared: Vec<Value> = b
            .declared
            .iter()
            .filter(|d| d.funding.is_none())
            .map(|d| json!({"label": d.label, "amount": vn_number::format(d.amount), "human": vn_number::format_million_vnd_human(d.amount), "difference": vn_number::format(total.amount - d.amount), "differs": total.amount != d.amount, "source": self.source(&d.source)}))
            .collect();
        json!({
            "total": vn_number::format(total.amount),
            "total_human": vn_number::format_million_vnd_human(total.amount),
            "unknown": total.unknown,
            "lines": total.lines,
            "declared": declared,
            "differences": budget::total_checks(p).iter().filter(|c| !c.difference.is_zero()).count(),
        })
    }

    pub(crate) fn budget(&self, p: &Plan) -> Value {
        let Some(b) = &p.budget else {
            return Value::Null;
        };
        let checks = budget::total_checks(p);
        let check_of = |scope: &str| checks.iter().find(|c| c.scope_id == scope);
        let sum_view = |s: Sum| json!({"amount": vn_number::format(s.amount), "unknown": s.unknown, "lines": s.lines});
        let diff_view = |declared: Option<Decimal>, computed: Sum| -> Value {
            match declared {
                Some(d) => json!({
                    "declared": vn_number::format(d),
                    "computed": vn_number::format(computed.amount),
                    "difference": vn_number::format(computed.amount - d),
                    "differs": computed.amount != d,
                }),
                None => Value::Null,
            }
        };
        let lines_of = |body: Option<usize>, group: Option<usize>| -> Vec<Value> {
            b.lines
                .iter()
                .filter(|l| l.body == body && l.group == group)
                .map(|l| self.line(b, l))
                .collect()
        };
        let groups: Vec<Value> = b
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let bodies: Vec<Value> = b
                    .bodies
                    .iter()
                    .enumerate()
                    .filter(|(_, body)| body.group == Some(gi))
                    .map(|(bi, body)| {
                        json!({
                            "id": body.id,
                            "number": body.number,
                            "title": body.title,
                            "unit": self.unit(&body.unit),
                            "sum": sum_view(b.body_sum(bi)),
                            "check": diff_view(body.declared_total, b.body_sum(bi)),
                            "source": self.source(&body.source),
                            "lines": lines_of(Some(bi), Some(gi)),
                        })
                    })
                    .collect();
                json!({
                    "id": g.id,
                    "number": g.number,
                    "title": g.title,
                    "sum": sum_view(b.group_sum(gi)),
                    "check": diff_view(g.declared_total, b.group_sum(gi)),
                    "source": self.source(&g.source),
                    "bodies": bodies,
                    "lines": lines_of(None, Some(gi)),
                })
            })
            .collect();
        let declared: Vec<Value> = b
            .declared
            .iter()
            .map(|d| {
                let scope = match d.funding {
                    Some(f) => budget::funding_scope_id(&p.id, f),
                    None => p.id.clone(),
                };
                let c = checks
                    .iter()
                    .find(|c| c.scope_id == scope && c.source == d.source);
                json!({
                    "label": d.label,
                    "funding": d.funding.map(|f| f.vietnamese()),
                    "declared": vn_number::format(d.amount),
                    "computed": c.map(|c| vn_number::format(c.computed)),
                    "difference": c.map(|c| vn_number::format(c.difference)),
                    "differs": c.map(|c| !c.difference.is_zero()).unwrap_or(false),
                    "source": self.source(&d.source),
                })
            })
            .collect();
        let _ = check_of;
        let by_funding: Vec<Value> = b
            .sum_by(|l| Some(l.funding.map(|f| f.code()).unwrap_or_default()))
            .into_iter()
            .map(|(k, s)| json!({"funding": if k.is_empty() { "Không ghi nguồn".to_string() } else { k }, "sum": sum_view(s)}))
            .collect();
        json!({
            "total": sum_view(b.total()),
            "total_human": vn_number::format_million_vnd_human(b.total().amount),
            "declared": declared,
            "groups": groups,
            "lines": lines_of(None, None),
            "by_funding": by_funding,
            "differences": checks.iter().filter(|c| !c.difference.is_zero()).count(),
        })
    }
}

pub(crate) fn base_context(site: &Site, depth: usize, title: &str, path: &str) -> tera::Context {
    let mut c = tera::Context::new();
    c.insert("site", site.config());
    c.insert("root", &root(depth));
    c.insert("page_title", title);
    c.insert("path", path);
    c.insert("unknown", UNKNOWN);
    c
}

/// A page to render: template, output path, depth and its data.
pub(crate) struct Page {
    pub(crate) template: &'static str,
    pub(crate) path: String,
    pub(crate) context: tera::Context,
}

/// Renders every page of the site.
pub fn render_site(site: &Site, tera: &tera::Tera) -> Result<OutputFiles> {
    let ctx = Ctx {
        site,
        resources: crate::opendata::resources(site)?,
        downloads: std::sync::Mutex::new(std::collections::BTreeMap::new()),
    };
    let mut pages: Vec<Page> = Vec::new();

    // Plans.
    let mut list = base_context(site, 1, "Các kế hoạch", "ke-hoach/index.html");
    list.insert(
        "plans",
        &site
            .plans
            .iter()
            .map(|p| ctx.plan_summary(p))
            .collect::<Vec<_>>(),
    );
    pages.push(Page {
        template: "plans.html",
        path: "ke-hoach/index.html".into(),
        context: list,
    });
    let judged = crate::progress::judge(site);
    let mut judged_by_plan: std::collections::HashMap<&str, Vec<crate::progress::TaskProgress>> =
        std::collections::HashMap::new();
    for t in &judged {
        judged_by_plan
            .entry(t.task.plan.as_str())
            .or_default()
            .push(t.clone());
    }
    let plan_pages: Vec<Page> = site
        .plans
        .par_iter()
        .flat_map_iter(|p| {
            plan_pages(
                &ctx,
                p,
                judged_by_plan
                    .get(p.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
            )
        })
        .collect();
    pages.extend(plan_pages);
    pages.extend(pages::site_pages(&ctx, &judged));
    let data_files = crate::opendata::files(site)?;
    pages.extend(open_data::pages(site, &data_files)?);

    // Units.
    let mut units: Vec<&Unit> = site.units.iter().collect();
    // Vietnamese order: compare names without diacritics first (Đ with D), then as written.
    units.sort_by_cached_key(|u| (u.kind, crate::slug::slugify(&u.name), u.name.clone()));
    let mut ul = base_context(site, 1, "Các đơn vị", "don-vi/index.html");
    let mut kinds: Vec<(UnitKind, Vec<Value>)> = Vec::new();
    for u in &units {
        let v = json!({
            "href": unit_href(&u.id),
            "name": u.name,
            "code": u.code,
            "defunct": if u.valid_to.is_some() { Some("đã chấm dứt") } else if !u.successors.is_empty() { Some("đã sáp nhập") } else { None },
        });
        match kinds.last_mut() {
            Some((k, list)) if *k == u.kind => list.push(v),
            _ => kinds.push((u.kind, vec![v])),
        }
    }
    ul.insert(
        "kinds",
        &kinds
            .iter()
            .map(|(k, l)| json!({"kind": k.vietnamese(), "units": l}))
            .collect::<Vec<_>>(),
    );
    pages.push(Page {
        template: "units.html",
        path: "don-vi/index.html".into(),
        context: ul,
    });

    let mentions = unit_mentions(site);
    let unit_pages: Vec<Page> = site
        .units
        .par_iter()
        .map(|u| unit_page(&ctx, u, mentions.get(u.id.as_str())))
        .collect();
    pages.extend(unit_pages);

    // Reports.
    let task_index: std::collections::HashMap<&str, &Task> = site
        .plans
        .iter()
        .flat_map(|p| &p.tasks)
        .map(|t| (t.id.as_str(), t))
        .collect();
    for r in &site.reports {
        let path = format!("{}index.html", report_href(&r.id));
        let mut c = base_context(site, 2, &r.title, &path);
        let results: Vec<Value> = r
            .results
            .iter()
            .map(|res| {
                let task = task_index.get(res.task.as_str()).copied();
                json!({
                    "task": task.map(|t| ctx.task(t)),
                    "plan": task.map(|t| ctx.plan_ref(&t.plan)),
                    "status": res.status.map(|s| s.as_str()),
                    "text": res.text,
                    "evidence": res.evidence,
                    "interpretation": res.interpretation,
                    "source": ctx.source(&res.source),
                })
            })
            .collect();
        let rid = r.id.as_str();
        c.insert(
            "download",
            &ctx.subset("progress", &format!("bao-cao-{rid}"), |row| {
                row.get("report_id") == rid
            }),
        );
        c.insert("report", &json!({
            "title": r.title,
            "number": r.number,
            "issuer": ctx.unit(&r.issuer),
            "as_of": r.as_of.vietnamese(),
            "plans": r.plans.iter().map(|p| ctx.plan_ref(p)).collect::<Vec<_>>(),
            "document": site.document(&r.document).map(|d| json!({"title": d.title, "href": format!("nguon/{}/", d.id)})),
            "body_html": crate::markdown::to_safe_html(&r.body_markdown, "../../"),
            "results": results,
        }));
        pages.push(Page {
            template: "report.html",
            path,
            context: c,
        });
    }

    let rendered: Vec<Result<(String, String)>> = pages
        .into_par_iter()
        .map(|p| {
            tera.render(p.template, &p.context)
                .map(|html| (p.path.clone(), html))
                .map_err(|e| anyhow::anyhow!("rendering {}: {}", p.path, error_chain(&e)))
        })
        .collect();
    let mut files = OutputFiles::new();
    for r in rendered {
        let (path, html) = r?;
        files.add(path, html)?;
    }
    for (path, bytes) in data_files {
        files.add(path, bytes)?;
    }
    for (path, bytes) in ctx
        .downloads
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
    {
        files.add(path, bytes)?;
    }
    Ok(files)
}

/// The sections of a plan, each its own page so that none is heavy: overview (with charts),
/// targets, budget, tasks, and the full text.
const PLAN_SECTIONS: [(&str, &str, &str); 5] = [
    ("", "overview", "Tổng quan"),
    ("chi-tieu/", "targets", "Chỉ tiêu"),
    ("kinh-phi/", "budget", "Kinh phí"),
    ("nhiem-vu/", "tasks", "Nhiệm vụ"),
    ("noi-dung/", "text", "Toàn văn"),
];

fn plan_pages(ctx: &Ctx, p: &Plan, progress: &[crate::progress::TaskProgress]) -> Vec<Page> {
    let site = ctx.site;
    let mut v = ctx.plan_summary(p);
    v["signer"] = json!(p.signer);
    v["signer_title"] = json!(p.signer_title);
    v["period"] = json!(p.period);
    v["legal_bases"] = json!(p.legal_bases);
    v["implements"] = json!(
        p.implements
            .iter()
            .map(|i| ctx.plan_ref(i))
            .collect::<Vec<_>>()
    );
    v["replaces"] = json!(
        p.replaces
            .iter()
            .map(|i| ctx.plan_ref(i))
            .collect::<Vec<_>>()
    );
    v["implemented_by"] = json!(
        p.implemented_by
            .iter()
            .map(|i| ctx.plan_ref(i))
            .collect::<Vec<_>>()
    );
    v["replaced_by"] = json!(
        p.replaced_by
            .iter()
            .map(|i| ctx.plan_ref(i))
            .collect::<Vec<_>>()
    );
    v["document"] = json!(
        p.document
            .as_deref()
            .and_then(|d| site.document(d))
            .map(|d| json!({"title": d.title, "href": format!("nguon/{}/", d.id)}))
    );
    v["cited_in"] = json!(p.cited_in.as_ref().map(|s| ctx.source(s)));
    let sections: Vec<Value> = PLAN_SECTIONS
        .iter()
        .filter(|(_, key, _)| match *key {
            "targets" => !p.targets.is_empty(),
            "budget" => p.budget.is_some(),
            "tasks" => !p.tasks.is_empty(),
            "text" => !p.body_markdown.trim().is_empty() || !p.legal_bases.is_empty(),
            _ => true,
        })
        .map(|(sub, key, name)| json!({"key": key, "name": name, "href": format!("{}{sub}", plan_href(&p.id))}))
        .collect();
    let mut out = Vec::new();
    for s in &sections {
        let key = s["key"].as_str().unwrap_or("");
        let sub = PLAN_SECTIONS
            .iter()
            .find(|x| x.1 == key)
            .map(|x| x.0)
            .unwrap_or("");
        let path = format!("{}{sub}index.html", plan_href(&p.id));
        let depth = if sub.is_empty() { 2 } else { 3 };
        let title = if sub.is_empty() {
            p.title.clone()
        } else {
            format!("{} — {}", s["name"].as_str().unwrap_or(""), p.title)
        };
        let mut c = base_context(site, depth, &title, &path);
        c.insert("plan", &v);
        c.insert("sections", &sections);
        c.insert("section", key);
        let pid = p.id.as_str();
        match key {
            "overview" => {
                c.insert("progress", &pages::plan_progress(progress));
                c.insert("budget", &ctx.budget_summary(p));
                let figures: Vec<Value> = [
                    pages::body_figure(ctx, p),
                    pages::district_figure(ctx, p),
                    pages::funding_figure(ctx, p),
                    pages::target_figure(ctx, p),
                ]
                .into_iter()
                .flatten()
                .collect();
                c.insert("figures", &figures);
            }
            "targets" => {
                c.insert(
                    "download",
                    &ctx.subset("targets", &format!("ke-hoach-{pid}"), |r| {
                        r.get("plan_id") == pid
                    }),
                );
                c.insert(
                    "targets",
                    &p.targets.iter().map(|t| ctx.target(t)).collect::<Vec<_>>(),
                );
                c.insert("figure", &pages::target_figure(ctx, p));
            }
            "budget" => {
                c.insert(
                    "download",
                    &ctx.subset("budget-lines", &format!("ke-hoach-{pid}"), |r| {
                        r.get("plan_id") == pid
                    }),
                );
                c.insert(
                    "download_totals",
                    &ctx.subset("budget-totals", &format!("ke-hoach-{pid}"), |r| {
                        r.get("plan_id") == pid
                    }),
                );
                c.insert("budget", &ctx.budget(p));
                c.insert(
                    "figures",
                    &[
                        pages::body_figure(ctx, p),
                        pages::agency_figure(ctx, p),
                        pages::funding_figure(ctx, p),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>(),
                );
            }
            "tasks" => {
                c.insert(
                    "download",
                    &ctx.subset("tasks", &format!("ke-hoach-{pid}"), |r| {
                        r.get("plan_id") == pid
                    }),
                );
                let status: std::collections::HashMap<&str, &crate::progress::TaskProgress> =
                    progress.iter().map(|t| (t.task.id.as_str(), t)).collect();
                let tasks: Vec<Value> = p
                    .tasks
                    .iter()
                    .map(|t| {
                        let mut x = ctx.task(t);
                        if let Some(tp) = status.get(t.id.as_str()) {
                            x["status"] = json!(tp.status.vietnamese());
                            x["status_slug"] = json!(tp.status.slug());
                        }
                        x
                    })
                    .collect();
                c.insert("tasks", &tasks);
            }
            _ => {
                c.insert(
                    "body_html",
                    &crate::markdown::to_safe_html(&p.body_markdown, &root(depth)),
                );
            }
        }
        out.push(Page {
            template: "plan.html",
            path,
            context: c,
        });
    }
    out
}

/// Everything that mentions each unit, gathered in one pass over all plans so that unit pages
/// cost O(mentions), not O(units × plans).
#[derive(Default)]
struct Mentions {
    plans: Vec<usize>,
    targets: Vec<(usize, usize)>,
    tasks: Vec<(usize, usize)>,
    lines: Vec<(usize, usize)>,
}

fn unit_mentions(site: &Site) -> std::collections::HashMap<&str, Mentions> {
    use std::collections::{HashMap, HashSet};
    let mut m: HashMap<&str, Mentions> = HashMap::new();
    for (pi, p) in site.plans.iter().enumerate() {
        m.entry(p.issuer.as_str()).or_default().plans.push(pi);
        for (ti, t) in p.targets.iter().enumerate() {
            let mut seen = HashSet::new();
            for u in t.lead.iter().chain(&t.coordinating) {
                if seen.insert(u.as_str()) {
                    m.entry(u.as_str()).or_default().targets.push((pi, ti));
                }
            }
        }
        for (ti, t) in p.tasks.iter().enumerate() {
            let mut seen = HashSet::new();
            for u in t.lead.iter().chain(&t.coordinating) {
                if seen.insert(u.as_str()) {
                    m.entry(u.as_str()).or_default().tasks.push((pi, ti));
                }
            }
        }
        if let Some(b) = &p.budget {
            for (li, l) in b.lines.iter().enumerate().filter(|(_, l)| l.is_leaf()) {
                let body_unit = l.body.map(|i| b.bodies[i].unit.as_str());
                let mut seen = HashSet::new();
                for u in [Some(l.lead.as_str()), l.place.as_deref(), body_unit]
                    .into_iter()
                    .flatten()
                {
                    if seen.insert(u) {
                        m.entry(u).or_default().lines.push((pi, li));
                    }
                }
            }
        }
    }
    m
}

fn unit_page(ctx: &Ctx, u: &Unit, mentions: Option<&Mentions>) -> Page {
    let site = ctx.site;
    let path = format!("{}index.html", unit_href(&u.id));
    let mut c = base_context(site, 2, &u.name, &path);
    let empty = Mentions::default();
    let m = mentions.unwrap_or(&empty);
    let role = |lead: &[String]| {
        if lead.contains(&u.id) {
            "Chủ trì"
        } else {
            "Phối hợp"
        }
    };
    let plans: Vec<Value> = m
        .plans
        .iter()
        .map(|&pi| ctx.plan_summary(&site.plans[pi]))
        .collect();
    let leads: Vec<Value> = m
        .targets
        .iter()
        .map(|&(pi, ti)| {
            let t = &site.plans[pi].targets[ti];
            let mut v = ctx.target(t);
            v["plan"] = ctx.plan_ref(&t.plan);
            v["role"] = json!(role(&t.lead));
            v
        })
        .collect();
    let tasks: Vec<Value> = m
        .tasks
        .iter()
        .map(|&(pi, ti)| {
            let t = &site.plans[pi].tasks[ti];
            let mut v = ctx.task(t);
            v["plan"] = ctx.plan_ref(&t.plan);
            v["role"] = json!(role(&t.lead));
            v
        })
        .collect();
    let mut total = Decimal::ZERO;
    let mut unknown = 0;
    let lines: Vec<Value> = m
        .lines
        .iter()
        .map(|&(pi, li)| {
            let p = &site.plans[pi];
            let b = p.budget.as_ref().expect("indexed lines belong to a budget");
            let l = &b.lines[li];
            match l.amount {
                Some(a) => total += a,
                None => unknown += 1,
            }
            let mut v = ctx.line(b, l);
            v["plan"] = ctx.plan_ref(&p.id);
            v
        })
        .collect();
    c.insert(
        "unit",
        &json!({
            "id": u.id,
            "name": u.name,
            "short_name": u.short_name,
            "aliases": u.aliases,
            "kind": u.kind.vietnamese(),
            "code": u.code,
            "parent": u.parent.as_deref().map(|p| ctx.unit(p)),
            "children": ctx.units(&u.children),
            "valid_from": u.valid_from.map(|d| d.vietnamese()),
            "valid_to": u.valid_to.map(|d| d.vietnamese()),
            "successors": ctx.units(&u.successors),
            "predecessors": ctx.units(&u.predecessors),
            "note": u.note,
            "source": u.source.as_ref().map(|s| ctx.source(s)),
        }),
    );
    let uid = u.id.as_str();
    if !leads.is_empty() {
        c.insert(
            "download_targets",
            &ctx.subset("targets", &format!("don-vi-{uid}"), |r| {
                r.lists("lead_id", uid) || r.lists("coordinating_ids", uid)
            }),
        );
    }
    if !lines.is_empty() {
        c.insert(
            "download_lines",
            &ctx.subset("budget-lines", &format!("don-vi-{uid}"), |r| {
                r.get("has_parts") != "true"
                    && (r.get("agency_id") == uid || r.get("place_id") == uid)
            }),
        );
    }
    if !tasks.is_empty() {
        c.insert(
            "download_tasks",
            &ctx.subset("tasks", &format!("don-vi-{uid}"), |r| {
                r.lists("lead_id", uid) || r.lists("coordinating_ids", uid)
            }),
        );
    }
    c.insert("plans", &plans);
    c.insert("targets", &leads);
    c.insert("tasks", &tasks);
    c.insert("lines", &lines);
    c.insert("lines_total", &vn_number::format(total));
    c.insert("lines_unknown", &unknown);
    Page {
        template: "unit.html",
        path,
        context: c,
    }
}

/// A Tera error with its causes, on one line.
pub fn error_chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}
