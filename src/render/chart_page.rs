//! A chart as a shareable object: its own page (`/bieu-do/<id>/`) with the chart, its summary,
//! table, sources, downloads, a citation line and the code to embed it, and its embed page
//! (`/bieu-do/<id>/nhung/`), made to sit in an `<iframe>` on a newspaper's site, without script.
//!
//! Both are made from the chart's entry in the catalog ([`crate::charts::catalog`]) and the
//! derived data: one figure is drawn, never the pages it appears on. The chart page also writes
//! the chart's standalone SVG file.

use serde_json::{Value, json};

use super::{Ctx, Page, base_context, document_href, escape_html, figures};
use crate::charts::catalog::{ChartEntry, ChartKind};
use crate::model::{Document, Site};
use crate::routes::{Breakdown, List, PlanSection, Route, chart_svg_path};

/// The chart page (`embed` false) or the embed page of chart `id`; `None` if the site has no
/// such chart.
pub(crate) fn page(ctx: &Ctx, route: &Route, id: &str, embed: bool) -> Option<Page> {
    let site = ctx.site;
    let entry = ctx.derived.charts.get(id)?;
    let figure = figures::chart_figure(ctx, entry)?;
    let chart = crate::charts::Chart {
        id: id.to_string(),
        title: text(&figure["chart"]["title"]),
        summary: text(&figure["chart"]["summary"]),
        svg: text(&figure["chart"]["svg"]),
        summary_html: String::new(),
    };
    let base = site.config().base_url.trim_end_matches('/').to_string();
    let own = Route::Chart(id.to_string());
    let embed_route = Route::ChartEmbed(id.to_string());
    // The chart page in this page's language: what a citation names.
    let own_here = own.in_lang(route.lang()).unwrap_or_else(|| own.clone());
    let page_url = format!("{base}/{}", own_here.path());
    // The embed page in this page's language: what the `<iframe>` snippet shows.
    let embed_here = embed_route
        .in_lang(route.lang())
        .unwrap_or_else(|| embed_route.clone());
    let embed_url = format!("{base}/{}", embed_here.path());
    let documents = documents_of(ctx, entry);
    let lang = ctx.lang;
    let cited = if documents.is_empty() {
        lang.t("cite_each_plan").to_string()
    } else {
        documents
            .iter()
            .map(|d| citation_name(lang, d))
            .collect::<Vec<_>>()
            .join("; ")
    };
    // The parts of the citation line: what is cited (content, in Vietnamese), the site, the
    // address; the template puts the interface's words around them.
    let citation = json!({"cited": cited, "site": site.config().title, "url": page_url});

    let mut c = base_context(site, route, &chart.title);
    c.insert("figure", &figure);
    c.insert("chart_page", &own.path());
    c.insert("summary", &chart.summary);
    if embed {
        // Search engines and link previews should point to the chart's own page.
        c.insert("canonical", &page_url);
        return Some(Page {
            template: "chart_embed.html",
            context: c,
        });
    }
    // An iframe tall enough for the chart at its widest (30rem = 480 px for 360 SVG units),
    // with its title, summary, source and link.
    let (width, height) = chart.size();
    let frame = (height * 480).div_ceil(width.max(1)) + 300;
    let frame = frame.div_ceil(10) * 10;
    let embed_code = format!(
        "<iframe src=\"{embed_url}\" title=\"{}\" width=\"100%\" height=\"{frame}\" loading=\"lazy\"></iframe>",
        escape_html(&chart.title)
    );
    c.insert("citation", &citation);
    c.insert("page_url", &page_url);
    c.insert("embed_code", &embed_code);
    c.insert("embed_href", &embed_route.path());
    c.insert(
        "documents",
        &documents
            .iter()
            .map(|d| {
                json!({
                    "title": d.title,
                    // The date, unless the title already says it.
                    "date": d
                        .date
                        .as_ref()
                        .filter(|x| !d.title.contains(x.vietnamese().as_str()))
                        .map(|x| lang.date(x)),
                    "href": document_href(&d.id),
                })
            })
            .collect::<Vec<_>>(),
    );
    c.insert(
        "hosts",
        &entry
            .hosts
            .iter()
            .map(|h| {
                let (name, vi, rest) = host_name(lang, site, h);
                json!({"href": format!("{}#{id}", h.path()), "name": name, "vi": vi, "rest": rest})
            })
            .collect::<Vec<_>>(),
    );
    // The standalone SVG in the page's language (the English page's chart is drawn in English).
    ctx.downloads.borrow_mut().push((
        chart_svg_path(ctx.lang, id),
        chart.standalone_svg().into_bytes(),
    ));
    Some(Page {
        template: "chart.html",
        context: c,
    })
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The documents a chart's numbers come from: its plan's source, and for a timeline the report
/// its statuses come from. Site-wide charts come from every plan's own document (named in
/// their table), so none is listed.
fn documents_of<'s>(ctx: &Ctx<'s>, entry: &ChartEntry) -> Vec<&'s Document> {
    let site = ctx.site;
    let Some(plan) = entry.plan.and_then(|i| site.plans.get(i)) else {
        return Vec::new();
    };
    let mut out: Vec<&Document> = plan
        .source_document()
        .and_then(|d| site.document(d))
        .into_iter()
        .collect();
    if entry.kind == ChartKind::Timeline {
        let report = ctx
            .derived
            .judged_of_plan(&plan.id)
            .iter()
            .find_map(|t| t.report);
        let document = report.and_then(|r| site.document(&r.document));
        if let Some(d) = document.filter(|d| !out.iter().any(|x| x.id == d.id)) {
            out.push(d);
        }
    }
    out
}

/// A document as a citation names it: its title, and its date unless the title says it.
fn citation_name(lang: crate::i18n::Lang, d: &Document) -> String {
    match &d.date {
        Some(date) if !d.title.contains(&date.vietnamese()) => {
            let when = lang.date(date);
            if lang == crate::i18n::Lang::Vi && when.starts_with(|c: char| c.is_ascii_digit()) {
                format!("{}, ngày {when}", d.title)
            } else {
                format!("{}, {when}", d.title)
            }
        }
        _ => d.title.clone(),
    }
}

/// How a chart page names a page the chart appears on: the name, whether it is content (a plan
/// known by its Vietnamese title), and what follows it (the plan's section).
fn host_name(lang: crate::i18n::Lang, site: &Site, route: &Route) -> (String, bool, String) {
    let ui = |s: String| (s, false, String::new());
    match route {
        Route::Home => ui(lang.t("nav_home").into()),
        Route::Budget => ui(lang.t("nav_budget").into()),
        Route::Targets => ui(lang.t("nav_targets").into()),
        Route::Progress => ui(lang.t("nav_progress").into()),
        Route::BudgetBreakdown(b) => ui(b.label(lang).into()),
        Route::ListPage(List::Breakdown(b), n) => ui(breakdown_page(lang, *b, *n)),
        Route::Plan(id, section) => {
            let plan = site.plan(id);
            let name = plan.map(|p| p.label_in(lang)).unwrap_or_default();
            let vi = plan.is_some_and(|p| p.number.is_none());
            let rest = match section {
                PlanSection::Overview => String::new(),
                s => format!(" — {}", s.label(lang)),
            };
            (name, vi, rest)
        }
        other => ui(other.to_string()),
    }
}

fn breakdown_page(lang: crate::i18n::Lang, b: Breakdown, n: usize) -> String {
    lang.fill("breakdown_page_n", &[("title", &b.label(lang)), ("n", &n)])
}
