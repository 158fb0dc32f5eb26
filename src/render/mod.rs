//! Stage 3: render the checked model into pages (Tera templates, in parallel). Templates get
//! view data that is already formatted for Vietnamese readers — money as `1.400`, unknown as
//! "chưa có số liệu" — so no template does arithmetic on money.

pub mod changes;
mod chart_page;
mod figures;
pub mod open_data;
mod pages;
mod plan;
mod preview;
mod search;
mod updates;

use std::cell::RefCell;
use std::collections::BTreeMap;

use anyhow::Result;
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::budget::{self, Sum};
use crate::derive::Derived;
use crate::model::*;
use crate::output::Staging;
use crate::routes::{List, PlanSection, Route};
use crate::vn_number;

pub use crate::vn_number::UNKNOWN;

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
    "places.html",
    "report.html",
    "source.html",
    "reports.html",
    "sources.html",
    "feed.xml",
    "search.html",
    "az.html",
    "chart.html",
    "chart_embed.html",
    "updates.html",
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
    t.autoescape_on(vec![".html", ".xml"]);
    t.set_escape_fn(escape_html);
    t.register_filter("fill", crate::i18n::fill_filter);
    t.register_filter("urlencode", urlencode_filter);
    t.add_raw_templates(list)?;
    Ok(t)
}

/// The built-in templates with `overrides` (name, text), as the build uses them.
pub fn templates(overrides: &[(String, String)]) -> Result<tera::Tera> {
    templates_with(overrides).map_err(|e| anyhow::anyhow!("mẫu trang: {}", error_chain(&e)))
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

/// Percent-encodes text for a URL part (a `mailto:` subject or body): UTF-8 bytes, everything but
/// letters, digits and `-._~` (and `/` `:`, which a URL's query may hold as they are) encoded, a
/// space as `%20` (never `+`, which mail programs show as is).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `urlencode` filter of the templates ([`percent_encode`]).
fn urlencode_filter(
    value: &Value,
    _: &std::collections::HashMap<String, Value>,
) -> tera::Result<Value> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(Value::String(percent_encode(&text)))
}

pub fn money(v: Option<Decimal>) -> String {
    v.map(vn_number::format)
        .unwrap_or_else(|| UNKNOWN.to_string())
}

pub fn plan_href(id: &str) -> String {
    Route::Plan(id.to_string(), PlanSection::Overview).path()
}
/// The path of a unit's page, if it has one (`page = false` units have none).
pub fn unit_href(u: &Unit) -> Option<String> {
    u.page.then(|| Route::Unit(u.id.clone()).path())
}
pub fn report_href(id: &str) -> String {
    Route::Report(id.to_string()).path()
}
pub fn document_href(id: &str) -> String {
    Route::Source(id.to_string()).path()
}

/// The paths of a plan's section pages, for templates (`plan.sections.budget`).
fn plan_sections(id: &str) -> Value {
    let mut v = serde_json::Map::new();
    for s in PlanSection::ALL {
        v.insert(
            s.key().to_string(),
            json!(Route::Plan(id.to_string(), s).path()),
        );
    }
    Value::Object(v)
}

/// The paths every page links to (the menu, the lists, the data files), from the route table:
/// templates write `{{ root }}{{ to.plans }}`, never a path of their own.
fn site_paths() -> Value {
    let mut to = serde_json::Map::new();
    for (key, route) in [
        ("home", Route::Home),
        ("plans", Route::Plans),
        ("targets", Route::Targets),
        ("budget", Route::Budget),
        (
            "by_district",
            Route::BudgetBreakdown(crate::routes::Breakdown::ByDistrict),
        ),
        (
            "by_agency",
            Route::BudgetBreakdown(crate::routes::Breakdown::ByAgency),
        ),
        (
            "by_source",
            Route::BudgetBreakdown(crate::routes::Breakdown::BySource),
        ),
        ("progress", Route::Progress),
        ("units", Route::Units),
        ("places", Route::Places),
        ("reports", Route::Reports),
        ("sources", Route::Sources),
        ("open_data", Route::OpenData),
        ("search", Route::Search),
        ("updates", Route::Updates),
    ] {
        to.insert(key.to_string(), json!(route.path()));
    }
    let files = |f: fn(&str) -> String| -> Value {
        crate::routes::DATASETS
            .iter()
            .map(|n| (n.replace('-', "_"), json!(f(n))))
            .collect::<serde_json::Map<String, Value>>()
            .into()
    };
    to.insert("csv".into(), files(crate::opendata::meta::csv_path));
    to.insert("json".into(), files(crate::opendata::meta::json_path));
    to.insert("style".into(), json!("style.css"));
    to.insert("font_licence".into(), json!("fonts/OFL.txt"));
    Value::Object(to)
}

pub fn source_href(s: &SourceRef) -> String {
    let (page, anchor) = Route::source_line(&s.document, s.line);
    format!("{}#{anchor}", page.path())
}

/// What one page is made from: the site, its derived data, and the downloads the page's tables
/// offer (written next to the page).
pub(crate) struct Ctx<'a> {
    pub(crate) site: &'a Site,
    pub(crate) derived: &'a Derived<'a>,
    /// Sizes of the data package's files, for the pages that list them.
    pub(crate) file_sizes: &'a BTreeMap<String, usize>,
    /// The language of the page.
    pub(crate) lang: crate::i18n::Lang,
    /// Download files registered while this page is made.
    pub(crate) downloads: RefCell<Vec<(String, Vec<u8>)>>,
    /// Images the page links to (its charts' PNG copies, its preview card), by path: made once
    /// per path however many pages ask.
    pub(crate) images: RefCell<Vec<(String, crate::raster::Image)>>,
}

/// Where the per-table download files go.
pub const TABLES_DIR: &str = "data/bang";

impl Ctx<'_> {
    /// Writes `rows` as `data/bang/<name>.csv` and `.json`, returning the links for templates.
    /// The CSV is for opening in Excel (BOM, formulas defused, like `data/excel/`); the JSON
    /// keeps every cell exactly.
    pub(crate) fn register<R: AsRef<[String]>>(
        &self,
        name: &str,
        header: &[&str],
        rows: &[R],
        numeric: &[bool],
    ) -> Value {
        let csv = format!("{TABLES_DIR}/{name}.csv");
        let json_path = format!("{TABLES_DIR}/{name}.json");
        let mut d = self.downloads.borrow_mut();
        d.push((
            csv.clone(),
            crate::opendata::excel_csv_bytes(header, rows, numeric),
        ));
        d.push((
            json_path.clone(),
            crate::opendata::json_rows_bytes(header, rows),
        ));
        json!({"csv": csv, "json": json_path, "rows": rows.len()})
    }

    /// The rows of an open-data resource that a table shows (found through the indexes of
    /// [`Derived`]), as their own download.
    pub(crate) fn rows_download(&self, resource: &str, name: &str, rows: &[usize]) -> Value {
        let Some((_, r)) = self.derived.resource(resource) else {
            return Value::Null;
        };
        let picked: Vec<&[String]> = rows.iter().map(|&i| r.rows[i].as_slice()).collect();
        self.register(
            &format!("{resource}-{name}"),
            &r.header(),
            &picked,
            &r.numeric_columns(),
        )
    }

    pub(crate) fn unit(&self, id: &str) -> Value {
        match self.site.unit(id) {
            Some(u) => {
                json!({"id": u.id, "name": u.name, "label": u.label(), "href": unit_href(u)})
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
                json!({"id": p.id, "label": p.label_in(self.lang), "label_vi": p.number.is_none(), "title": p.title, "href": plan_href(&p.id), "sections": plan_sections(&p.id), "cited": p.status == PlanStatus::Cited})
            }
            None => {
                json!({"id": id, "label": id, "title": id, "href": Value::Null, "sections": plan_sections(id), "cited": true})
            }
        }
    }

    pub(crate) fn plan_summary(&self, p: &Plan) -> Value {
        let total = p.budget.as_ref().map(|b| b.total());
        json!({
            "kind": p.kind.label(self.lang),
            "id": p.id,
            "href": plan_href(&p.id),
            "sections": plan_sections(&p.id),
            "label": p.label_in(self.lang),
            "label_vi": p.number.is_none(),
            "name": p.distinct_name(self.site),
            "number": p.number,
            "title": p.title,
            "issuer": self.unit(&p.issuer),
            "level": p.level.label(self.lang),
            "issued": p.issued.map(|d| self.lang.date(&d)),
            "cited": p.status == PlanStatus::Cited,
            "summary": p.summary,
            "targets": p.targets.len(),
            "tasks": p.tasks.len(),
            "budget_lines": p.budget.as_ref().map(|b| b.leaves().count()).unwrap_or(0),
            "budget_total": total.map(|s| self.lang.number(s.amount)),
            "budget_total_human": total.map(|s| self.lang.million_vnd_human(s.amount)),
            "budget_unknown": total.map(|s| s.unknown).unwrap_or(0),
        })
    }

    pub(crate) fn goal(&self, t: &Target, g: &Goal) -> Value {
        json!({
            "level": g.level.label(self.lang),
            "is_all": g.level == GovLevel::All,
            "subject": g.subject,
            "value": goal_text(self.lang, t, g),
            "comparator_words": g.comparator.map(|c| c.label(self.lang)),
            "is_range": g.range.is_some(),
            "year": g.year.filter(|y| Some(*y) != t.horizon),
        })
    }

    pub(crate) fn target(&self, t: &Target) -> Value {
        let area = self
            .site
            .area(&t.area)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        let values: Vec<Value> = t
            .values
            .iter()
            .map(|v| {
                json!({
                    "kind": v.kind.label(self.lang),
                    "level": v.level.label(self.lang),
                    "is_all": v.level == GovLevel::All,
                    "subject": v.subject,
                    "value": v.value.map(|x| with_unit(&self.lang.number(x), &t.unit)),
                    "text": v.text,
                    "year": v.year,
                    "as_of": v.as_of.map(|d| self.lang.date(&d)),
                    "note": v.note,
                    "source": self.source(&v.source),
                })
            })
            .collect();
        json!({
            "id": t.id,
            "href": Route::Target(t.id.clone()).path(),
            "number": t.number,
            "area": area,
            "text": t.text,
            "measure": t.measure.label(self.lang),
            "measure_code": t.measure.as_str(),
            "unit": t.unit,
            "lower_is_better": t.lower_is_better,
            "horizon": t.horizon,
            "parent": t.parent.as_deref().map(|p| self.target_ref(p)),
            "children": t.children.iter().map(|c| self.target_ref(c)).collect::<Vec<_>>(),
            "depth": self.target_depth(t),
            "goals": t.goals.iter().map(|g| self.goal(t, g)).collect::<Vec<_>>(),
            "lead": self.units(&t.lead),
            "coordinating": self.units(&t.coordinating),
            "values": values,
            "source": self.source(&t.source),
            "interpretation": t.interpretation,
            "corrections": updates::corrections_of(self, &t.id),
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
            "timeframe": t.timeframe.map(|tf| self.lang.timeframe(&tf)),
            "timeframe_text": t.timeframe_text,
            "output": t.output,
            "source": self.source(&t.source),
            "interpretation": t.interpretation,
            "corrections": updates::corrections_of(self, &t.id),
        })
    }

    pub(crate) fn line(&self, b: &Budget, l: &BudgetLine) -> Value {
        json!({
            "id": l.id,
            "number": l.number,
            "title": l.title,
            "amount": self.lang.money(l.amount),
            "known": l.amount.is_some(),
            "funding": l.funding.map(|f| f.code()),
            "funding_words": l.funding.map(|f| f.label(self.lang)),
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
            "same": self.same_items(l),
            "corrections": updates::corrections_of(self, &l.id),
        })
    }

    /// The lines of other plans that record the same commitment as `l` (its `same_as`, and the
    /// lines whose `same_as` names it), each with its amount and the difference from `l`'s.
    fn same_items(&self, l: &BudgetLine) -> Value {
        let d = self.derived;
        let mut others: Vec<(usize, usize)> = Vec::new();
        if let Some(&x) = l.same_as.as_deref().and_then(|id| d.lines_by_id.get(id)) {
            others.push(x);
        }
        if let Some(v) = d.same_as_of.get(l.id.as_str()) {
            for x in v {
                if !others.contains(x) {
                    others.push(*x);
                }
            }
        }
        Value::Array(
            others
                .into_iter()
                .map(|(pi, li)| {
                    let p = &self.site.plans[pi];
                    let o = &p
                        .budget
                        .as_ref()
                        .expect("indexed lines belong to a budget")
                        .lines[li];
                    let difference = match (l.amount, o.amount) {
                        (Some(a), Some(b)) if a != b => Some(self.lang.number(b - a)),
                        _ => None,
                    };
                    json!({
                        "plan": self.plan_ref(&p.id),
                        "id": o.id,
                        "number": o.number,
                        "title": o.title,
                        "amount": self.lang.money(o.amount),
                        "known": o.amount.is_some(),
                        "difference": difference,
                        "equal": l.amount.is_some() && l.amount == o.amount,
                    })
                })
                .collect(),
        )
    }

    /// A link to a target: its number, text and page.
    pub(crate) fn target_ref(&self, id: &str) -> Value {
        match self.derived.targets_by_id.get(id) {
            Some(&(pi, ti)) => {
                let t = &self.site.plans[pi].targets[ti];
                json!({"id": t.id, "number": t.number, "text": t.text, "href": Route::Target(t.id.clone()).path()})
            }
            None => json!({"id": id, "number": id, "text": "", "href": Value::Null}),
        }
    }

    /// How many targets a target is nested in (0 for a target of its own).
    fn target_depth(&self, t: &Target) -> usize {
        let mut depth = 0;
        let mut current = t.parent.as_deref();
        while let Some(p) = current {
            depth += 1;
            if depth > 16 {
                break;
            }
            current = self
                .derived
                .targets_by_id
                .get(p)
                .and_then(|&(pi, ti)| self.site.plans[pi].targets[ti].parent.as_deref());
        }
        depth
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
            .map(|d| json!({"label": d.label, "amount": self.lang.number(d.amount), "human": self.lang.million_vnd_human(d.amount), "difference": self.lang.number(total.amount - d.amount), "differs": total.amount != d.amount, "source": self.source(&d.source)}))
            .collect();
        json!({
            "total": self.lang.number(total.amount),
            "total_human": self.lang.million_vnd_human(total.amount),
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
        let sum_view = |s: Sum| json!({"amount": self.lang.number(s.amount), "unknown": s.unknown, "lines": s.lines});
        let diff_view = |declared: Option<Decimal>, computed: Sum| -> Value {
            match declared {
                Some(d) => json!({
                    "declared": self.lang.number(d),
                    "computed": self.lang.number(computed.amount),
                    "difference": self.lang.number(computed.amount - d),
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
                    "funding": d.funding.map(|f| f.label(self.lang)),
                    "declared": self.lang.number(d.amount),
                    "computed": c.map(|c| self.lang.number(c.computed)),
                    "difference": c.map(|c| self.lang.number(c.difference)),
                    "differs": c.map(|c| !c.difference.is_zero()).unwrap_or(false),
                    "source": self.source(&d.source),
                })
            })
            .collect();
        let _ = check_of;
        let by_funding: Vec<Value> = b
            .sum_by(|l| Some(l.funding.map(|f| f.code()).unwrap_or_default()))
            .into_iter()
            .map(|(k, s)| json!({"funding": if k.is_empty() { self.lang.t("funding_none").to_string() } else { k }, "sum": sum_view(s)}))
            .collect();
        json!({
            "total": sum_view(b.total()),
            "total_human": self.lang.million_vnd_human(b.total().amount),
            "declared": declared,
            "groups": groups,
            "lines": lines_of(None, None),
            "by_funding": by_funding,
            "differences": checks.iter().filter(|c| !c.difference.is_zero()).count(),
        })
    }
}

/// A number with its unit of measure as pages write it: "95%", "30% GDP", "3 Tbps", "40".
pub(crate) fn with_unit(number: &str, unit: &str) -> String {
    if unit.is_empty() {
        number.to_string()
    } else if unit.starts_with('%') {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// A goal as pages write it: "≥ 95%", "40 – 50 người/vạn dân", "> 16 và < 18%", "Mốc hoàn
/// thành", with its own year when it differs from the target's horizon ("đến năm 2045").
pub(crate) fn goal_text(lang: crate::i18n::Lang, t: &Target, g: &Goal) -> String {
    let fmt = |d: Decimal| lang.number(d);
    let mut text = if let Some(r) = g.range {
        let range = if r.low_inclusive && r.high_inclusive {
            format!("{} – {}", fmt(r.low), fmt(r.high))
        } else {
            lang.fill(
                "range_open",
                &[
                    ("low_sign", &if r.low_inclusive { "≥" } else { ">" }),
                    ("low", &fmt(r.low)),
                    ("high_sign", &if r.high_inclusive { "≤" } else { "<" }),
                    ("high", &fmt(r.high)),
                ],
            )
        };
        with_unit(&range, &t.unit)
    } else if let Some(v) = g.value {
        format!(
            "{}{}",
            g.comparator
                .map(|c| format!("{} ", c.symbol()))
                .unwrap_or_default(),
            with_unit(&fmt(v), &t.unit)
        )
    } else if t.measure == Measure::Text {
        lang.t("commitment_see_text").to_string()
    } else {
        lang.t("milestone").to_string()
    };
    if let Some(y) = g.year.filter(|y| Some(*y) != t.horizon) {
        text.push_str(&format!(" ({})", lang.fill("by_year_lower", &[("n", &y)])));
    }
    text
}

/// Renders `template` with `context` plus the interface strings of `lang` as `tr`.
///
/// The string table (about 600 entries) is moved into the context for the rendering and taken
/// back afterwards rather than inserted, which would copy it into every page: each rendering
/// thread keeps one copy per language. Copying cost about 60 µs a page, some 12 s of CPU over the
/// 200,000 pages of the whole country in both languages.
fn render_with_strings(
    tera: &tera::Tera,
    template: &str,
    context: &mut tera::Context,
    lang: crate::i18n::Lang,
) -> tera::Result<String> {
    thread_local! {
        static TABLES: RefCell<[Option<Value>; 2]> = const { RefCell::new([None, None]) };
    }
    let slot = match lang {
        crate::i18n::Lang::Vi => 0,
        crate::i18n::Lang::En => 1,
    };
    let table = TABLES
        .with_borrow_mut(|t| t[slot].take())
        .unwrap_or_else(|| lang.table().clone());
    let mut strings = serde_json::Map::new();
    strings.insert("tr".to_string(), table);
    context.extend(tera::Context::from_value(Value::Object(strings))?);
    let html = tera.render(template, context);
    if let Some(table) = context.remove("tr") {
        TABLES.with_borrow_mut(|t| t[slot] = Some(table));
    }
    html
}

/// The context every page starts from. `route` gives the page's path, its language and the way
/// back to the site root, so no page passes its depth by hand.
pub(crate) fn base_context(site: &Site, route: &Route, title: &str) -> tera::Context {
    let lang = route.lang();
    let base_url = site.config().base_url.trim_end_matches('/');
    let absolute = |r: &Route| format!("{base_url}/{}", r.path());
    let mut c = tera::Context::new();
    c.insert("site", site.config());
    c.insert("root", &route.root());
    c.insert("page_title", title);
    c.insert("path", &route.file());
    // The page's absolute address, for link previews (Open Graph) and search engines.
    c.insert("canonical", &absolute(route));
    c.insert("lang", lang.code());
    c.insert("og_locale", lang.og_locale());
    // The same page in each language (hreflang), and the switch to the other one.
    let alternates: Vec<Value> = crate::i18n::Lang::ALL
        .into_iter()
        .filter_map(|l| {
            route
                .in_lang(l)
                .map(|r| json!({"lang": l.code(), "href": absolute(&r)}))
        })
        .collect();
    if alternates.len() > 1 {
        c.insert("x_default", &absolute(route.base()));
        c.insert("alternates", &alternates);
        if let Some(other) = route.in_lang(lang.other()) {
            c.insert(
                "switch",
                &json!({"href": route.link_to(&other), "lang": lang.other().code(), "label": lang.other().t("switch_label")}),
            );
        }
    }
    // The site's own name and description: English when the content gives them, else the
    // Vietnamese, marked as such.
    let config = site.config();
    let (name, about) = match lang {
        crate::i18n::Lang::En => (&config.title_en, &config.description_en),
        crate::i18n::Lang::Vi => (&config.title, &config.description),
    };
    c.insert(
        "site_name",
        &if name.is_empty() {
            json!({"text": config.title, "lang": "vi"})
        } else {
            json!({"text": name, "lang": lang.code()})
        },
    );
    c.insert(
        "site_about",
        &if about.is_empty() {
            json!({"text": config.description, "lang": "vi"})
        } else {
            json!({"text": about, "lang": lang.code()})
        },
    );
    c.insert("unknown", lang.t("unknown"));
    c.insert("to", &*SITE_PATHS);
    c.insert("scope", site.config().scope.as_str());
    // Where "Báo sai sót" links write to, with the page's address (none without the setting).
    let feedback = match &site.config().feedback_email {
        Some(to) => json!({"to": to, "page": c.get("canonical"), "rows": true}),
        None => Value::Null,
    };
    c.insert("feedback", &feedback);
    // The feed of reports, for the page head and the reports page (when the site has reports).
    if !site.reports.is_empty() {
        // In the page's language: `english_links` leaves a path already under `en/` as it is.
        let feed = Route::Feed.in_lang(lang).unwrap_or(Route::Feed);
        c.insert("feed_href", &feed.path());
    }
    c
}

/// Points the links of an English page at the English mirror: every link the templates write is
/// `root` + a site path, so a link whose path [`Route::parse`] reads as a mirrored page gains
/// the `en/` prefix; files (style, data, fonts) and pages without a mirror keep theirs. Links
/// marked `hreflang` (the language switch) are left as they are.
pub(crate) fn english_links(html: &str, root: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    let needle = format!("href=\"{root}");
    while let Some(at) = rest.find(&needle) {
        let start = at + needle.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let target = &rest[..end];
        let path = target.split('#').next().unwrap_or("");
        let tag_start = out.rfind('<').unwrap_or(0);
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let switch =
            out[tag_start..].contains("hreflang=") || rest[..tag_end].contains("hreflang=");
        if !switch && Route::parse(path).is_some_and(|r| r.mirrored()) {
            out.push_str(crate::routes::ENGLISH_DIR);
        }
    }
    out.push_str(rest);
    out
}

static SITE_PATHS: std::sync::LazyLock<Value> = std::sync::LazyLock::new(site_paths);

/// A page to render: its template and data.
pub(crate) struct Page {
    pub(crate) template: &'static str,
    pub(crate) context: tera::Context,
}

/// One rendered page: its HTML, the downloads its tables offer and the images it links to (to
/// be rasterised, once per path).
pub struct RenderedPage {
    pub html: String,
    pub downloads: Vec<(String, Vec<u8>)>,
    pub images: Vec<(String, crate::raster::Image)>,
}

/// The HTML size up to which a page carries a "Báo sai sót" link beside every row. A page that
/// would be heavier with them (the full budget of a large plan) gets one link for the whole page
/// instead, so that HTML and stylesheet stay within the 200 KB page weight (the stylesheet is
/// about 10 KB; `tests/page_weight.rs` checks both).
pub const ROW_FEEDBACK_BUDGET: usize = 190_000;

/// Renders single pages of a site from its route and the derived data.
pub struct Renderer<'a> {
    site: &'a Site,
    derived: &'a Derived<'a>,
    tera: &'a tera::Tera,
    file_sizes: &'a BTreeMap<String, usize>,
    /// The preview cards many pages share, made once.
    cards: preview::SharedCards,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        derived: &'a Derived<'a>,
        tera: &'a tera::Tera,
        file_sizes: &'a BTreeMap<String, usize>,
    ) -> Renderer<'a> {
        Renderer {
            site,
            derived,
            tera,
            file_sizes,
            cards: preview::SharedCards::default(),
        }
    }

    /// Renders the page at `route`; `None` if the site has no such page.
    pub fn page(&self, route: &Route) -> Result<Option<RenderedPage>> {
        let ctx = Ctx {
            site: self.site,
            derived: self.derived,
            file_sizes: self.file_sizes,
            lang: route.lang(),
            downloads: RefCell::new(Vec::new()),
            images: RefCell::new(Vec::new()),
        };
        let Some(mut page) = page_for(&ctx, route) else {
            return Ok(None);
        };
        self.add_preview(&ctx, route, &mut page);
        page.context
            .insert("updated", &updates::updated(self.derived, route));
        debug_assert_eq!(page.template, template_of(route));
        let render = |context: &mut tera::Context| {
            render_with_strings(self.tera, page.template, context, route.lang())
                .map_err(|e| anyhow::anyhow!("rendering {}: {}", route.file(), error_chain(&e)))
        };
        let mut html = render(&mut page.context)?;
        // "Báo sai sót" beside every row, unless that would make the page too heavy: then one
        // link for the whole page (see `ROW_FEEDBACK_BUDGET`).
        if html.len() > ROW_FEEDBACK_BUDGET
            && let Some(mut feedback) = page.context.get("feedback").cloned()
            && feedback.is_object()
        {
            feedback["rows"] = json!(false);
            page.context.insert("feedback", &feedback);
            html = render(&mut page.context)?;
        }
        if route.lang() == crate::i18n::Lang::En {
            html = english_links(&html, &route.root());
        }
        Ok(Some(RenderedPage {
            html,
            downloads: ctx.downloads.into_inner(),
            images: ctx.images.into_inner(),
        }))
    }

    /// The page's link preview: its description, and its card (`og:image`) with the card's
    /// text alternative, registered to be drawn.
    fn add_preview(&self, ctx: &Ctx, route: &Route, page: &mut Page) {
        let site = self.site;
        let english = route.lang() == crate::i18n::Lang::En;
        let description = match route.base() {
            // English pages describe themselves with the site's English description when the
            // content gives one; a plan's summary or a target's text stays as written.
            Route::Plan(..) | Route::Target(_) => preview::description(ctx, route.base()),
            _ if english && !site.config().description_en.is_empty() => {
                site.config().description_en.clone()
            }
            _ => preview::description(ctx, route.base()),
        };
        page.context.insert("page_description", &description);
        let Some(card) = preview::card(ctx, &self.cards, route, &page.context) else {
            return;
        };
        let (width, height) = crate::routes::PREVIEW_SIZE;
        page.context.insert(
            "preview",
            &json!({
                "image": format!("{}/{}", site.config().base_url.trim_end_matches('/'), card.path),
                "width": width,
                "height": height,
                "alt": card.alt(site),
            }),
        );
        // Each language has its cards (an English page's says its figures in English); pages
        // sharing a card register it each, and it is drawn once.
        ctx.images
            .borrow_mut()
            .push((card.path.clone(), card.image(site)));
    }
}

/// The template a page of this kind is rendered with (`base.html` and `macros.html` serve every
/// page).
pub fn template_of(route: &Route) -> &'static str {
    match route {
        Route::Home => "index.html",
        Route::Plans => "plans.html",
        Route::Plan(..) => "plan.html",
        Route::Targets => "targets.html",
        Route::Target(_) => "target.html",
        Route::Budget => "budget.html",
        Route::BudgetBreakdown(_) => "budget_breakdown.html",
        Route::Progress => "progress.html",
        Route::Units => "units.html",
        Route::Unit(_) => "unit.html",
        Route::Places | Route::PlacesIn(_) => "places.html",
        Route::Reports => "reports.html",
        Route::Report(_) => "report.html",
        Route::Feed => "feed.xml",
        Route::Sources => "sources.html",
        Route::Source(_) | Route::SourcePart(..) => "source.html",
        Route::OpenData => "open_data.html",
        Route::Dataset(_) => "dataset.html",
        Route::Updates => "updates.html",
        Route::ListPage(list, _) => template_of(&list.route()),
        Route::Search => "search.html",
        Route::Az(_) => "az.html",
        Route::Chart(_) => "chart.html",
        Route::ChartEmbed(_) => "chart_embed.html",
        Route::En(r) => template_of(r),
    }
}

/// The template and data of the page at `route`.
fn page_for(ctx: &Ctx, route: &Route) -> Option<Page> {
    let site = ctx.site;
    Some(match route.base() {
        Route::En(_) => return None,
        Route::Home => pages::home(ctx, route),
        Route::ListPage(list, n) => list_page(ctx, route, *list, *n)?,
        Route::Plans => pages::plans(ctx, route, 1),
        Route::Plan(id, section) => plan::page(ctx, route, site.plan(id)?, *section)?,
        Route::Targets => pages::targets(ctx, route, 1),
        Route::Target(id) => pages::target(ctx, route, id)?,
        Route::Budget => pages::budget(ctx, route, 1),
        Route::BudgetBreakdown(b) => pages::budget_breakdown(ctx, route, *b, 1),
        Route::Progress => pages::progress(ctx, route, 1),
        Route::Units => pages::units(ctx, route, 1),
        Route::Unit(id) => pages::unit(ctx, route, site.unit(id)?),
        Route::Places => pages::places(ctx, route, None)?,
        Route::PlacesIn(id) => pages::places(ctx, route, Some(site.unit(id)?))?,
        Route::Reports => pages::reports(ctx, route, 1),
        Route::Report(id) => pages::report(ctx, route, site.reports.iter().find(|r| r.id == *id)?),
        Route::Feed => changes::feed(ctx, route)?,
        Route::Sources => pages::sources(ctx, route, 1),
        Route::Source(id) => pages::source(ctx, route, site.document(id)?, None)?,
        Route::SourcePart(id, n) => pages::source(ctx, route, site.document(id)?, Some(*n))?,
        Route::OpenData => open_data::index(ctx, route),
        Route::Dataset(name) => open_data::dataset(ctx, route, name)?,
        Route::Search => search::search(ctx, route),
        Route::Az(a) => search::az(ctx, route, *a, 1),
        Route::Chart(id) => chart_page::page(ctx, route, id, false)?,
        Route::ChartEmbed(id) => chart_page::page(ctx, route, id, true)?,
        Route::Updates => updates::page(ctx, route),
    })
}

/// Page `n` (2 and more) of a list.
fn list_page(ctx: &Ctx, route: &Route, list: List, n: usize) -> Option<Page> {
    if n < 2 || n > list.pages(ctx.site) {
        return None;
    }
    Some(match list {
        List::Plans => pages::plans(ctx, route, n),
        List::Targets => pages::targets(ctx, route, n),
        List::Budget => pages::budget(ctx, route, n),
        List::Breakdown(b) => pages::budget_breakdown(ctx, route, b, n),
        List::Progress => pages::progress(ctx, route, n),
        List::Units => pages::units(ctx, route, n),
        List::Reports => pages::reports(ctx, route, n),
        List::Sources => pages::sources(ctx, route, n),
        List::Az(a) => search::az(ctx, route, a, n),
    })
}

/// Renders every page of the site and its data package into `staging`, as they are made: the
/// data package first, then every route of the route table in parallel, each page written with
/// its downloads as soon as it is rendered. Memory holds the model, the derived data and one
/// page per thread — never the whole site. Returns the number of pages.
pub fn render_site(
    site: &Site,
    tera: &tera::Tera,
    staging: &Staging,
    raster: &crate::raster::Raster,
    progress: &dyn crate::build::Progress,
) -> Result<usize> {
    let clock = crate::timings::Clock::start();
    let derived = Derived::of(site)?;
    clock.lap("derive");
    let routes = Route::all(site);
    let mut files = std::collections::HashSet::with_capacity(routes.len());
    if let Some(twice) = routes.iter().find(|r| !files.insert(r.file())) {
        anyhow::bail!("hai trang sẽ ghi cùng một tệp `{}`", twice.file());
    }
    drop(files);
    progress.pages(routes.len());
    // The data package is written on one thread while the other pages render on the rest; the
    // pages that give the package's file sizes come after it.
    let (package, other): (Vec<&Route>, Vec<&Route>) = routes
        .iter()
        .partition(|r| matches!(r.base(), Route::OpenData | Route::Dataset(_)));
    let no_sizes = BTreeMap::new();
    let (file_sizes, pages) = rayon::join(
        || {
            crate::opendata::write_files(site, &derived.resources, |path, bytes| {
                staging.write(&path, &bytes)
            })
        },
        || {
            render_routes(
                &Renderer::new(site, &derived, tera, &no_sizes),
                &other,
                staging,
                raster,
                progress,
            )
        },
    );
    let file_sizes = file_sizes?;
    pages?;
    clock.lap("data package and pages");
    for (path, bytes) in crate::search::index_files(site) {
        staging.write(&path, &bytes)?;
    }
    clock.lap("search index");
    render_routes(
        &Renderer::new(site, &derived, tera, &file_sizes),
        &package,
        staging,
        raster,
        progress,
    )?;
    clock.lap("open-data pages");
    clock.note(&{
        let c = raster.counts();
        format!(
            "ảnh PNG: vẽ {} ảnh ({:.2} s, cộng mọi luồng), lấy {} ảnh từ bộ nhớ đệm",
            c.rendered,
            c.millis as f64 / 1000.0,
            c.cached
        )
    });
    Ok(routes.len())
}

/// Renders `routes` in parallel, each page written with its downloads as soon as it is made.
fn render_routes(
    renderer: &Renderer,
    routes: &[&Route],
    staging: &Staging,
    raster: &crate::raster::Raster,
    progress: &dyn crate::build::Progress,
) -> Result<()> {
    routes.par_iter().try_for_each(|route| -> Result<()> {
        let page = renderer
            .page(route)
            .map_err(|e| anyhow::anyhow!("{e:#}"))?
            .ok_or_else(|| anyhow::anyhow!("no page for {route}"))?;
        staging.write(&route.file(), page.html.as_bytes())?;
        for (path, bytes) in page.downloads {
            staging.write_shared(&path, &bytes)?;
        }
        for (path, image) in page.images {
            staging.write_shared_with(&path, || raster.png(&image))?;
        }
        progress.page_done();
        Ok(())
    })
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
