//! The pages that are not a plan's own: home, the lists (plans, targets, budget, progress, units,
//! reports, sources), a page per target, unit, report and source document (in parts, so that each
//! cited line has an anchor on a light page). One function per kind of route; each reads only
//! the rows its page shows, through the indexes of [`crate::derive::Derived`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::figures::{
    agency_figure, district_figure, funding_figure, place_figure, plans_figure, progress_row,
    source_note, status_counts, target_figures,
};
use super::{Ctx, Page, base_context, document_href, report_href, unit_href};
use crate::budget::PlaceLevel;
use crate::model::*;
use crate::progress::TaskProgress;
use crate::routes::{Breakdown, List, Route, SOURCE_PART_LINES, source_parts};

/// Links to the pages of a list, for `macros.html::pager`; nothing when the list has one page.
/// The first, the last and the pages near the current one are linked.
pub(crate) fn pager(ctx: &Ctx, list: List, n: usize) -> Value {
    let pages = list.pages(ctx.site);
    if pages <= 1 {
        return Value::Null;
    }
    let mut items = Vec::new();
    let mut last = 0;
    for k in (1..=pages).filter(|&k| k == 1 || k == pages || k.abs_diff(n) <= 3) {
        if k > last + 1 {
            items.push(json!({"gap": true}));
        }
        items.push(json!({"n": k, "href": list.page(k).path(), "current": k == n}));
        last = k;
    }
    json!({
        "items": items,
        "n": n,
        "pages": pages,
        "prev": (n > 1).then(|| list.page(n - 1).path()),
        "next": (n < pages).then(|| list.page(n + 1).path()),
    })
}

/// A list page's title: `Các kế hoạch`, then `Các kế hoạch (trang 2/5)`.
pub(crate) fn paged_title(ctx: &Ctx, list: List, title: &str, n: usize) -> String {
    match list.pages(ctx.site) {
        1 => title.to_string(),
        pages => ctx.lang.fill(
            "paged_title",
            &[("title", &title), ("n", &n), ("pages", &pages)],
        ),
    }
}

/// The entries of page `n` of a list.
pub(crate) fn page_of<'a, T>(ctx: &Ctx, list: List, n: usize, all: &'a [T]) -> &'a [T] {
    let r = list.slice(ctx.site, n);
    &all[r.start.min(all.len())..r.end.min(all.len())]
}

pub(crate) fn plans(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, List::Plans, ctx.lang.t("plans_heading"), n),
    );
    c.insert(
        "plans",
        &page_of(ctx, List::Plans, n, &site.plans)
            .iter()
            .map(|p| ctx.plan_summary(p))
            .collect::<Vec<_>>(),
    );
    c.insert("pager", &pager(ctx, List::Plans, n));
    Page {
        template: "plans.html",
        context: c,
    }
}

pub(crate) fn budget_plans<'a>(site: &'a Site) -> Vec<&'a Plan> {
    site.plans.iter().filter(|p| p.budget.is_some()).collect()
}

/// Budget by plan. A site with a few plans charts them all; a larger one charts the largest on
/// its first page, and lists every plan's total, a page at a time.
pub(crate) fn budget(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let list = List::Budget;
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, ctx.lang.t("nav_budget"), n),
    );
    c.insert(
        "breakdowns",
        &Breakdown::ALL
            .into_iter()
            .filter(|b| b.applies(site))
            .map(|b| json!({"href": Route::BudgetBreakdown(b).path(), "name": b.link_label(ctx.lang)}))
            .collect::<Vec<_>>(),
    );
    if list.in_full(site) {
        c.insert("by_plan", &plans_figure(ctx, None));
        c.insert(
            "plans",
            &budget_plans(site)
                .iter()
                .map(|p| ctx.plan_summary(p))
                .collect::<Vec<_>>(),
        );
    } else {
        if n == 1 {
            c.insert(
                "by_plan",
                &plans_figure(ctx, Some(crate::charts::catalog::BUDGET_CHART_LARGEST)),
            );
        }
        c.insert(
            "plans",
            &page_of(ctx, list, n, &budget_plans(site))
                .iter()
                .map(|p| ctx.plan_summary(p))
                .collect::<Vec<_>>(),
        );
        c.insert("plan_count", &budget_plans(site).len());
        c.insert("pager", &pager(ctx, list, n));
    }
    Page {
        template: "budget.html",
        context: c,
    }
}

pub(crate) fn budget_breakdown(ctx: &Ctx, route: &Route, breakdown: Breakdown, n: usize) -> Page {
    let site = ctx.site;
    let build = |p: &Plan| -> Option<Value> {
        match breakdown {
            Breakdown::ByDistrict => district_figure(ctx, p),
            Breakdown::ByAgency => agency_figure(ctx, p),
            Breakdown::BySource => funding_figure(ctx, p),
            Breakdown::ByCommune => place_figure(ctx, p, PlaceLevel::Commune),
            Breakdown::ByProvince => place_figure(ctx, p, PlaceLevel::Province),
        }
    };
    let shown: Vec<&Plan> = site
        .plans
        .iter()
        .filter(|p| breakdown.shows(site, p))
        .collect();
    let list = List::Breakdown(breakdown);
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, breakdown.label(ctx.lang), n),
    );
    c.insert("to_places", &ctx.derived.has_places);
    c.insert(
        "funding_legend",
        &Spending::ALL
            .iter()
            .map(|s| json!({"code": s.code(), "words": s.label(ctx.lang)}))
            .chain(
                BudgetSource::ALL
                    .iter()
                    .map(|b| json!({"code": b.code(), "words": b.label(ctx.lang)})),
            )
            .collect::<Vec<_>>(),
    );
    let figures: Vec<Value> = page_of(ctx, list, n, &shown)
        .iter()
        .filter_map(|p| build(p).map(|f| json!({"plan": ctx.plan_ref(&p.id), "figure": f})))
        .collect();
    c.insert("breakdown", breakdown.segment());
    c.insert("figures", &figures);
    c.insert("pager", &pager(ctx, list, n));
    Page {
        template: "budget_breakdown.html",
        context: c,
    }
}

/// All targets, grouped by area, with each plan's target chart — or, on a large site, how many
/// targets each area and each plan has, a page of plans at a time.
pub(crate) fn targets(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    if !List::Targets.in_full(site) {
        return targets_summary(ctx, route, n);
    }
    let mut by_area: BTreeMap<(i64, String), Vec<Value>> = BTreeMap::new();
    for p in site.plans.iter() {
        for t in &p.targets {
            let area = site.area(&t.area);
            let key = (
                area.map(|a| a.order).unwrap_or(i64::MAX),
                area.map(|a| a.name.clone()).unwrap_or_default(),
            );
            let mut v = ctx.target(t);
            v["plan"] = ctx.plan_ref(&p.id);
            v["href"] = json!(Route::Target(t.id.clone()).path());
            by_area.entry(key).or_default().push(v);
        }
    }
    let mut c = base_context(site, route, ctx.lang.t("nav_targets"));
    c.insert("horizon", &ctx.derived.common_horizon);
    let all: Vec<&Target> = site.plans.iter().flat_map(|p| &p.targets).collect();
    c.insert(
        "reported",
        &json!({"with": all.iter().filter(|t| has_result(t)).count(), "total": all.len()}),
    );
    c.insert(
        "areas",
        &by_area
            .into_iter()
            .map(|((_, name), targets)| json!({"name": name, "targets": targets}))
            .collect::<Vec<_>>(),
    );
    c.insert(
        "figures",
        &site
            .plans
            .iter()
            .flat_map(|p| {
                target_figures(ctx, p)
                    .into_iter()
                    .map(|f| json!({"plan": ctx.plan_ref(&p.id), "figure": f}))
            })
            .collect::<Vec<_>>(),
    );
    Page {
        template: "targets.html",
        context: c,
    }
}

fn targets_summary(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let list = List::Targets;
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, ctx.lang.t("nav_targets"), n),
    );
    c.insert("horizon", &ctx.derived.common_horizon);
    let has_actual = |t: &Target| {
        t.values
            .iter()
            .any(|v| v.kind == ValueKind::Actual && (v.value.is_some() || !v.text.is_empty()))
    };
    if n == 1 {
        let mut by_area: BTreeMap<(i64, String), (usize, usize)> = BTreeMap::new();
        for t in site.plans.iter().flat_map(|p| &p.targets) {
            let area = site.area(&t.area);
            let e = by_area
                .entry((
                    area.map(|a| a.order).unwrap_or(i64::MAX),
                    area.map(|a| a.name.clone()).unwrap_or_default(),
                ))
                .or_default();
            e.0 += 1;
            e.1 += usize::from(has_actual(t));
        }
        c.insert(
            "by_area",
            &by_area
                .into_iter()
                .map(|((_, name), (targets, actual))| {
                    json!({"name": name, "targets": targets, "with_actual": actual})
                })
                .collect::<Vec<_>>(),
        );
        c.insert(
            "target_count",
            &site.plans.iter().map(|p| p.targets.len()).sum::<usize>(),
        );
    }
    let plans: Vec<&Plan> = site
        .plans
        .iter()
        .filter(|p| !p.targets.is_empty())
        .collect();
    c.insert(
        "summary",
        &page_of(ctx, list, n, &plans)
            .iter()
            .map(|p| {
                let mut v = ctx.plan_ref(&p.id);
                v["issuer"] = ctx.unit(&p.issuer);
                v["targets"] = json!(p.targets.len());
                v["with_actual"] = json!(p.targets.iter().filter(|t| has_actual(t)).count());
                v["with_baseline"] = json!(
                    p.targets
                        .iter()
                        .filter(|t| t.values.iter().any(|v| v.kind == ValueKind::Baseline))
                        .count()
                );
                v
            })
            .collect::<Vec<_>>(),
    );
    c.insert("plan_count", &plans.len());
    c.insert("pager", &pager(ctx, list, n));
    Page {
        template: "targets.html",
        context: c,
    }
}

pub(crate) fn target(ctx: &Ctx, route: &Route, id: &str) -> Option<Page> {
    let site = ctx.site;
    let &(pi, ti) = ctx.derived.targets_by_id.get(id)?;
    let p = &site.plans[pi];
    let t = &p.targets[ti];
    let mut c = base_context(
        site,
        route,
        &format!(
            "{} — {}",
            ctx.lang.fill("target_n_cap", &[("n", &t.number)]),
            p.label_in(ctx.lang)
        ),
    );
    let mut v = ctx.target(t);
    v["plan"] = ctx.plan_ref(&p.id);
    c.insert("target", &v);
    if !t.values.is_empty() {
        c.insert(
            "download",
            &ctx.rows_download(
                "target-values",
                &format!("chi-tieu-{}", t.id),
                ctx.derived.values_by_target.get(&t.id),
            ),
        );
    }
    c.insert("source_note", &source_note(ctx, p, "targets_appendix"));
    Some(Page {
        template: "target.html",
        context: c,
    })
}

fn report_ref(ctx: &Ctx, r: &Report) -> Value {
    json!({"title": r.title, "href": report_href(&r.id), "as_of": ctx.lang.date(&r.as_of)})
}

/// Progress of every plan: status counts, and per plan a timeline and the tasks — or, on a large
/// site, each plan's status counts, a page of plans at a time, linking to its tasks.
pub(crate) fn progress(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let judged = &ctx.derived.judged;
    let list = List::Progress;
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, ctx.lang.t("progress_heading"), n),
    );
    c.insert(
        "latest",
        &ctx.derived.latest_report.map(|r| report_ref(ctx, r)),
    );
    if !list.in_full(site) {
        c.insert("total", &judged.len());
        if n == 1 {
            c.insert("counts", &status_counts(ctx.lang, judged));
        }
        let plans: Vec<&Plan> = site.plans.iter().filter(|p| !p.tasks.is_empty()).collect();
        c.insert(
            "summary",
            &page_of(ctx, list, n, &plans)
                .iter()
                .map(|p| {
                    let tasks = ctx.derived.judged_of_plan(&p.id);
                    json!({
                        "plan": ctx.plan_ref(&p.id),
                        "issuer": ctx.unit(&p.issuer),
                        "tasks": tasks.len(),
                        "counts": status_counts(ctx.lang, tasks),
                        "report": tasks.iter().find_map(|t| t.report).map(|r| report_ref(ctx, r)),
                    })
                })
                .collect::<Vec<_>>(),
        );
        c.insert("plan_count", &plans.len());
        c.insert("pager", &pager(ctx, list, n));
        return Page {
            template: "progress.html",
            context: c,
        };
    }
    c.insert("counts", &status_counts(ctx.lang, judged));
    c.insert("total", &judged.len());
    let mut by_plan: Vec<Value> = Vec::new();
    for p in &site.plans {
        let tasks: Vec<&TaskProgress> = ctx.derived.judged_of_plan(&p.id).iter().collect();
        if tasks.is_empty() {
            continue;
        }
        let report = tasks.iter().find_map(|t| t.report);
        let fig = super::figures::plan_timeline(ctx, p);
        let counts = status_counts(ctx.lang, ctx.derived.judged_of_plan(&p.id));
        let undated = tasks
            .iter()
            .filter(|t| t.task.timeframe.and_then(|f| f.deadline()).is_none())
            .count();
        by_plan.push(json!({
            "plan": ctx.plan_ref(&p.id),
            "figure": fig,
            "counts": counts,
            "undated": undated,
            "tasks": tasks.iter().map(|t| progress_row(ctx, t)).collect::<Vec<_>>(),
            // The same rows as the plan's tasks page offers: the same file.
            "download": ctx.rows_download("tasks", &format!("ke-hoach-{}", p.id), ctx.derived.rows_of_plan("tasks", &p.id)),
            "report": report.map(|r| report_ref(ctx, r)),
        }));
    }
    // Plans with reports first: that is where there is progress to see.
    by_plan.sort_by_key(|v| v["report"].is_null());
    c.insert("plans", &by_plan);
    Page {
        template: "progress.html",
        context: c,
    }
}

/// Whether a report states any result for a target (a value or words).
pub(crate) fn has_result(t: &Target) -> bool {
    t.values.iter().any(|v| v.kind == ValueKind::Actual)
}

/// The home page shows at most this many plans.
const HOME_PLANS: usize = 12;

/// The plans the home page speaks of: those published (not only cited).
pub(crate) fn published_plans(site: &Site) -> Vec<&Plan> {
    site.plans
        .iter()
        .filter(|p| p.status == PlanStatus::Published)
        .collect()
}

/// How much (the headline plan), where it goes, how far along.
pub(crate) fn home(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let judged = &ctx.derived.judged;
    let published = published_plans(site);
    let headline = crate::budget::headline_plan(site);
    let config = site.config();
    let title = match ctx.lang {
        crate::i18n::Lang::En if !config.title_en.is_empty() => &config.title_en,
        _ => &config.title,
    };
    let mut c = base_context(site, route, title);
    c.insert("to_places", &ctx.derived.has_places);
    // A site of a few plans shows them all; a larger one the highest-level ones, and a link to
    // the list of every plan.
    let mut shown = published.clone();
    if shown.len() > HOME_PLANS {
        shown.sort_by_key(|p| p.level);
        shown.truncate(HOME_PLANS);
        c.insert("plans_more", &(published.len() - HOME_PLANS));
    }
    c.insert(
        "plans",
        &shown
            .iter()
            .map(|p| ctx.plan_summary(p))
            .collect::<Vec<_>>(),
    );
    c.insert("plan_count", &published.len());
    c.insert(
        "target_count",
        &published.iter().map(|p| p.targets.len()).sum::<usize>(),
    );
    c.insert("task_count", &judged.len());
    c.insert("counts", &status_counts(ctx.lang, judged));
    let targets: Vec<&Target> = published.iter().flat_map(|p| &p.targets).collect();
    c.insert(
        "targets_summary",
        &json!({
            "total": targets.len(),
            "with_actual": targets.iter().filter(|t| has_result(t)).count(),
            "with_baseline": targets.iter().filter(|t| t.values.iter().any(|v| v.kind == ValueKind::Baseline)).count(),
        }),
    );
    if let Some(p) = headline {
        let b = p.budget.as_ref().expect("filtered");
        let declared = b.declared.iter().find(|d| d.funding.is_none());
        // Money and progress come from different documents unless the latest report covers the
        // headline plan: say so.
        let progress_elsewhere = ctx
            .derived
            .latest_report
            .is_some_and(|r| !r.plans.iter().any(|x| *x == p.id));
        c.insert("progress_elsewhere", &progress_elsewhere);
        c.insert(
            "headline",
            &json!({
                "issued": p.issued.map(|d| ctx.lang.date(&d)),
                "document": p.source_document().and_then(|d| site.document(d)).map(|d| json!({"title": d.title, "href": document_href(&d.id)})),
                "plan": ctx.plan_ref(&p.id),
                "total": ctx.lang.number(b.total().amount),
                "total_human": ctx.lang.million_vnd_human(b.total().amount),
                "declared": declared.map(|d| ctx.lang.number(d.amount)),
                "declared_human": declared.map(|d| ctx.lang.million_vnd_human(d.amount)),
                "differs": declared.map(|d| d.amount != b.total().amount).unwrap_or(false),
                "difference": declared.map(|d| ctx.lang.number(b.total().amount - d.amount)),
                "unknown": b.total().unknown,
            }),
        );
        c.insert("district_figure", &district_figure(ctx, p));
        c.insert("agency_figure", &agency_figure(ctx, p));
    }
    c.insert(
        "latest",
        &ctx.derived.latest_report.map(|r| {
            let mut v = report_ref(ctx, r);
            v["results"] = json!(r.results.len());
            v["plans"] = json!(r.plans.iter().map(|p| ctx.plan_ref(p)).collect::<Vec<_>>());
            v
        }),
    );
    Page {
        template: "index.html",
        context: c,
    }
}

pub(crate) fn reports(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let list = List::Reports;
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, ctx.lang.t("feed_title"), n),
    );
    c.insert("pager", &pager(ctx, list, n));
    c.insert(
        "reports",
        &page_of(ctx, list, n, &site.reports)
            .iter()
            .map(|r| {
                let mut v = report_ref(ctx, r);
                v["issuer"] = ctx.unit(&r.issuer);
                v["results"] = json!(r.results.len());
                let changes = &ctx.derived.changes;
                v["changes"] = json!(changes.count_of_report(&r.id));
                // A report that speaks of no plan is compared with nothing, and is no "first".
                v["compared"] = json!(changes.of_report(&r.id).any(|c| c.previous.is_some()));
                v["first"] = json!(
                    changes.of_report(&r.id).next().is_some()
                        && changes.of_report(&r.id).all(|c| c.previous.is_none())
                );
                v
            })
            .collect::<Vec<_>>(),
    );
    Page {
        template: "reports.html",
        context: c,
    }
}

pub(crate) fn report(ctx: &Ctx, route: &Route, r: &Report) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, &r.title);
    let results: Vec<Value> = r
        .results
        .iter()
        .map(|res| {
            let task = ctx.derived.judged_task(&res.task).map(|j| j.task);
            json!({
                "task": task.map(|t| ctx.task(t)),
                "plan": task.map(|t| ctx.plan_ref(&t.plan)),
                "status": res.status.map(|s| s.label(ctx.lang)),
                "text": res.text,
                "evidence": res.evidence,
                "interpretation": res.interpretation,
                "source": ctx.source(&res.source),
            })
        })
        .collect();
    c.insert(
        "download",
        &ctx.rows_download(
            "progress",
            &format!("bao-cao-{}", r.id),
            ctx.derived.progress_by_report.get(&r.id),
        ),
    );
    c.insert("report", &json!({
        "title": r.title,
        "number": r.number,
        "issuer": ctx.unit(&r.issuer),
        "as_of": ctx.lang.date(&r.as_of),
        "plans": r.plans.iter().map(|p| ctx.plan_ref(p)).collect::<Vec<_>>(),
        "document": site.document(&r.document).map(|d| json!({"title": d.title, "href": document_href(&d.id)})),
        "body_html": crate::markdown::to_safe_html(&r.body_markdown, &route.root()),
        "results": results,
    }));
    c.insert("changes", &super::changes::of_report(ctx, r));
    Page {
        template: "report.html",
        context: c,
    }
}

/// The plans and reports whose figures document `doc` is the source of.
fn citing(ctx: &Ctx, doc: &str) -> Vec<Value> {
    let Some((plans, reports)) = ctx.derived.citing.get(doc) else {
        return Vec::new();
    };
    plans
        .iter()
        .map(|p| ctx.plan_ref(&p.id))
        .chain(
            reports
                .iter()
                .map(|r| json!({"label": r.title, "label_vi": true, "title": r.title, "href": report_href(&r.id)})),
        )
        .collect()
}

pub(crate) fn sources(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let list = List::Sources;
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, ctx.lang.t("sources_heading"), n),
    );
    c.insert("pager", &pager(ctx, list, n));
    c.insert(
        "documents",
        &page_of(ctx, list, n, &site.documents)
            .iter()
            .map(|d| json!({"title": d.title, "href": document_href(&d.id), "date": d.date.map(|x| ctx.lang.date(&x)), "line_count": d.line_count(), "plans": citing(ctx, &d.id)}))
            .collect::<Vec<_>>(),
    );
    Page {
        template: "sources.html",
        context: c,
    }
}

/// A source document: its description and list of parts (`part` = `None`), or one part of its
/// lines, each with an anchor (`#L123`) that figures link to.
pub(crate) fn source(ctx: &Ctx, route: &Route, d: &Document, part: Option<usize>) -> Option<Page> {
    let site = ctx.site;
    let parts = source_parts(d.line_count());
    let part_list: Vec<Value> = (1..=parts)
        .map(|n| json!({"n": n, "href": Route::SourcePart(d.id.clone(), n).path(), "from": (n - 1) * SOURCE_PART_LINES + 1, "to": (n * SOURCE_PART_LINES).min(d.line_count())}))
        .collect();
    let info = json!({
        "id": d.id,
        "href": document_href(&d.id),
        "official_url": d.official_url,
        "sha256": d.sha256,
        "title": d.title,
        "date": d.date.map(|x| ctx.lang.date(&x)),
        "origin": d.origin,
        "licence": d.licence,
        "file": d.file,
        "line_count": d.line_count(),
        "parts": part_list,
        "plans": citing(ctx, &d.id),
    });
    let c = match part {
        None => {
            let mut c = base_context(site, route, &d.title);
            c.insert("document", &info);
            c.insert("part", &Value::Null);
            c
        }
        Some(n) => {
            if n == 0 || n > parts {
                return None;
            }
            let from = (n - 1) * SOURCE_PART_LINES;
            let to = (n * SOURCE_PART_LINES).min(d.line_count());
            let mut c = base_context(
                site,
                route,
                &ctx.lang.fill(
                    "source_part_title",
                    &[("title", &d.title), ("from", &(from + 1)), ("to", &to)],
                ),
            );
            c.insert("document", &info);
            // A line that starts a page of the official file says so.
            let page_start = |n: usize| d.page_starts.binary_search(&n).ok().map(|i| i + 1);
            c.insert("part", &json!({
                "n": n,
                "prev": (n > 1).then(|| Route::SourcePart(d.id.clone(), n - 1).path()),
                "prev_n": n - 1,
                "next": (n < parts).then(|| Route::SourcePart(d.id.clone(), n + 1).path()),
                "next_n": n + 1,
                "lines": (from + 1..=to).map(|n| json!({"n": n, "text": d.line(n).unwrap_or(""), "page": page_start(n)})).collect::<Vec<_>>(),
            }));
            c
        }
    };
    Some(Page {
        template: "source.html",
        context: c,
    })
}

/// Every unit, grouped by kind, in Vietnamese order, a page at a time.
pub(crate) fn units(ctx: &Ctx, route: &Route, n: usize) -> Page {
    let site = ctx.site;
    let list = List::Units;
    let mut units: Vec<&Unit> = site.units.iter().collect();
    // Vietnamese order: compare names without diacritics first (Đ with D), then as written.
    units.sort_by_cached_key(|u| (u.kind, crate::slug::slugify(&u.name), u.name.clone()));
    let units = page_of(ctx, list, n, &units);
    let mut c = base_context(
        site,
        route,
        &paged_title(ctx, list, ctx.lang.t("units_heading"), n),
    );
    c.insert("pager", &pager(ctx, list, n));
    let mut kinds: Vec<(UnitKind, Vec<Value>)> = Vec::new();
    for u in units {
        let v = json!({
            "href": unit_href(u),
            "name": u.name,
            "code": u.code,
            "defunct": if u.valid_to.is_some() { Some(ctx.lang.t("defunct_ceased")) } else if !u.successors.is_empty() { Some(ctx.lang.t("defunct_merged")) } else { None },
        });
        match kinds.last_mut() {
            Some((k, list)) if *k == u.kind => list.push(v),
            _ => kinds.push((u.kind, vec![v])),
        }
    }
    c.insert(
        "kinds",
        &kinds
            .iter()
            .map(|(k, l)| json!({"kind": k.label(ctx.lang), "units": l}))
            .collect::<Vec<_>>(),
    );
    Page {
        template: "units.html",
        context: c,
    }
}

/// What the documents hold for a unit, plan by plan (never added across plans): how many
/// targets, tasks and budget lines, and the lines' sum. For the summaries a commune's page gives
/// of the old units it was formed from.
fn holdings_by_plan(ctx: &Ctx, unit: &str) -> Vec<Value> {
    let site = ctx.site;
    let Some(m) = ctx.derived.mentions.get(unit) else {
        return Vec::new();
    };
    let mut plans: Vec<usize> = m.plans.clone();
    for &(pi, _) in m.targets.iter().chain(&m.tasks).chain(&m.lines) {
        if !plans.contains(&pi) {
            plans.push(pi);
        }
    }
    plans
        .into_iter()
        .map(|pi| {
            let p = &site.plans[pi];
            let count = |v: &[(usize, usize)]| v.iter().filter(|(i, _)| *i == pi).count();
            let mut total = Decimal::ZERO;
            let mut unknown = 0;
            if let Some(b) = &p.budget {
                for &(_, li) in m.lines.iter().filter(|(i, _)| *i == pi) {
                    match b.lines[li].amount {
                        Some(a) => total += a,
                        None => unknown += 1,
                    }
                }
            }
            let lines = count(&m.lines);
            json!({
                "plan": ctx.plan_ref(&p.id),
                "issued_by_unit": m.plans.contains(&pi),
                "targets": count(&m.targets),
                "tasks": count(&m.tasks),
                "lines": lines,
                "total": (lines > unknown).then(|| ctx.lang.number(total)),
                "unknown": unknown,
            })
        })
        .collect()
}

/// The place finder: every current commune of a province by name, and every old commune under
/// its old district with the unit it belongs to now. With several provinces, `/dia-ban/` lists
/// them and each has its own page.
pub(crate) fn places(ctx: &Ctx, route: &Route, province: Option<&Unit>) -> Option<Page> {
    let site = ctx.site;
    let provinces = crate::places::provinces(site);
    let province = match province {
        Some(p) => Some(*provinces.iter().find(|x| x.id == p.id)?),
        None if provinces.len() == 1 => Some(provinces[0]),
        None => None,
    };
    let title = match province {
        Some(p) if provinces.len() > 1 => format!("{} — {}", ctx.lang.t("places_heading"), p.name),
        _ => ctx.lang.t("places_heading").to_string(),
    };
    let mut c = base_context(site, route, &title);
    c.insert("several", &(provinces.len() > 1));
    if province.is_none() {
        c.insert(
            "provinces",
            &provinces
                .iter()
                .map(|p| {
                    let n = p
                        .children
                        .iter()
                        .filter_map(|id| site.unit(id))
                        .filter(|u| crate::places::is_current_commune(u))
                        .count();
                    json!({"name": p.name, "href": Route::PlacesIn(p.id.clone()).path(), "count": n})
                })
                .collect::<Vec<_>>(),
        );
    }
    if let Some(p) = province {
        let places = crate::places::of_province(site, p);
        let link = |u: &Unit| json!({"name": u.name, "href": unit_href(u)});
        let mut letters: Vec<(String, Vec<Value>)> = Vec::new();
        for u in &places.current {
            let letter = crate::vietnamese::initial(crate::places::bare_name(u));
            let v = json!({"name": u.name, "bare": crate::places::bare_name(u), "href": unit_href(u), "kind": u.kind.label(ctx.lang)});
            match letters.last_mut() {
                Some((l, list)) if *l == letter => list.push(v),
                _ => letters.push((letter, vec![v])),
            }
        }
        let count = |k: UnitKind| places.current.iter().filter(|u| u.kind == k).count();
        let districts: Vec<Value> = places
            .districts
            .iter()
            .filter(|d| !d.communes.is_empty())
            .map(|d| {
                json!({
                    "name": d.unit.name,
                    "href": unit_href(d.unit),
                    "anchor": d.unit.id,
                    "province": d.unit.parent.as_deref().filter(|pp| *pp != p.id).and_then(|pp| site.unit(pp)).map(|pp| pp.name.clone()),
                    "communes": d.communes.iter().map(|oc| json!({
                        "name": oc.unit.name,
                        "href": if oc.kept { Value::Null } else { json!(unit_href(oc.unit)) },
                        "kept": oc.kept,
                        "now": oc.now.iter().map(|u| link(u)).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        c.insert(
            "province",
            &json!({
                "name": p.name,
                "href": unit_href(p),
                "count": places.current.len(),
                "communes": count(UnitKind::Commune),
                "wards": count(UnitKind::Ward),
                "zones": count(UnitKind::SpecialZone),
                "letters": letters.iter().map(|(l, units)| json!({"letter": l, "units": units})).collect::<Vec<_>>(),
                "districts": districts,
            }),
        );
    }
    Some(Page {
        template: "places.html",
        context: c,
    })
}

/// A unit: what it is, its place among units, and everything the documents give it to do.
pub(crate) fn unit(ctx: &Ctx, route: &Route, u: &Unit) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, &u.name);
    let empty = crate::derive::Mentions::default();
    let m = ctx.derived.mentions.get(u.id.as_str()).unwrap_or(&empty);
    let role = |lead: &[String]| {
        if lead.contains(&u.id) {
            ctx.lang.t("lead")
        } else {
            ctx.lang.t("coordinating")
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
    // A line that records the same commitment as another line on this page (`same_as`) is
    // counted once: the line it repeats is in the total already.
    let on_page: std::collections::HashSet<&str> = m
        .lines
        .iter()
        .map(|&(pi, li)| {
            site.plans[pi]
                .budget
                .as_ref()
                .expect("indexed lines belong to a budget")
                .lines[li]
                .id
                .as_str()
        })
        .collect();
    let mut repeated = 0;
    let lines: Vec<Value> = m
        .lines
        .iter()
        .map(|&(pi, li)| {
            let p = &site.plans[pi];
            let b = p.budget.as_ref().expect("indexed lines belong to a budget");
            let l = &b.lines[li];
            match l.amount {
                _ if l.same_as.as_deref().is_some_and(|s| on_page.contains(s)) => repeated += 1,
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
            "kind": u.kind.label(ctx.lang),
            "code": u.code,
            "parent": u.parent.as_deref().map(|p| ctx.unit(p)),
            "children": ctx.units(&u.children),
            "valid_from": u.valid_from.map(|d| ctx.lang.date(&d)),
            "valid_to": u.valid_to.map(|d| ctx.lang.date(&d)),
            "successors": ctx.units(&u.successors),
            "predecessors": ctx.units(&u.predecessors),
            "note": u.note,
            "source": u.source.as_ref().map(|s| ctx.source(s)),
        }),
    );
    let uid = u.id.as_str();
    // A unit's rows of a table are often exactly a plan's (a commune leads everything in its
    // own plan): the page then offers that plan's download, so the same bytes are written once.
    let download = |resource: &str| {
        let rows = ctx.derived.rows_of_unit(resource, uid);
        let name = m
            .plans
            .iter()
            .map(|&pi| &site.plans[pi].id)
            .find(|pid| ctx.derived.rows_of_plan(resource, pid) == rows)
            .map(|pid| format!("ke-hoach-{pid}"))
            .unwrap_or_else(|| format!("don-vi-{uid}"));
        ctx.rows_download(resource, &name, rows)
    };
    if !leads.is_empty() {
        c.insert("download_targets", &download("targets"));
    }
    if !lines.is_empty() {
        c.insert("download_lines", &download("budget-lines"));
    }
    if !tasks.is_empty() {
        c.insert("download_tasks", &download("tasks"));
    }
    let own_figures =
        !(plans.is_empty() && leads.is_empty() && tasks.is_empty() && lines.is_empty());
    if crate::places::is_current_commune(u) {
        c.insert("history", &commune_history(ctx, u, own_figures));
    }
    if u.kind.is_district_level() {
        c.insert("territory", &district_territory(ctx, u));
    }
    // A table whose rows all come from one plan names it once, in its caption, not on every row.
    let one_plan = |rows: &[(usize, usize)]| match rows.first() {
        Some(&(first, _)) if rows.iter().all(|&(pi, _)| pi == first) => {
            ctx.plan_ref(&site.plans[first].id)
        }
        _ => Value::Null,
    };
    c.insert(
        "one_plan",
        &json!({"targets": one_plan(&m.targets), "tasks": one_plan(&m.tasks), "lines": one_plan(&m.lines)}),
    );
    c.insert("changes", &super::changes::of_unit(ctx, uid));
    c.insert("plans", &plans);
    c.insert("targets", &leads);
    c.insert("tasks", &tasks);
    c.insert("lines", &lines);
    c.insert("lines_total", &ctx.lang.number(total));
    c.insert("lines_total_human", &ctx.lang.million_vnd_human(total));
    c.insert("lines_unknown", &unknown);
    c.insert("lines_repeated", &repeated);
    Page {
        template: "unit.html",
        context: c,
    }
}

/// What a current commune's page says of the units it was formed from: each old unit with its
/// district, what the documents hold for it, and what they hold for the old districts (the
/// district's own figures, labelled as such, never divided among communes).
fn commune_history(ctx: &Ctx, u: &Unit, own_figures: bool) -> Value {
    let site = ctx.site;
    let predecessors = crate::places::predecessors(site, u);
    let district_name = |d: Option<&Unit>| d.map(|d| ctx.unit(&d.id));
    let formed_from: Vec<Value> = predecessors
        .iter()
        .map(|p| {
            json!({
                "name": p.unit.name,
                "href": unit_href(p.unit),
                "district": district_name(p.district),
                "shared_with": p.shared_with.iter().map(|s| ctx.unit(&s.id)).collect::<Vec<_>>(),
                "figures": holdings_by_plan(ctx, &p.unit.id),
            })
        })
        .collect();
    let districts: Vec<Value> = crate::places::old_districts(site, u)
        .into_iter()
        .map(|d| {
            let others: Vec<Value> = crate::places::district_successors(site, d)
                .into_iter()
                .filter(|s| s.id != u.id)
                .map(|s| ctx.unit(&s.id))
                .collect();
            json!({
                "name": d.name,
                "href": unit_href(d),
                "figures": holdings_by_plan(ctx, &d.id),
                "others": others,
            })
        })
        .collect();
    let known = |v: &[Value]| {
        v.iter()
            .any(|x| x["figures"].as_array().is_some_and(|f| !f.is_empty()))
    };
    json!({
        "formed_from": formed_from,
        "former_district": u.former_parent.as_deref().and_then(|d| site.unit(d)).map(|d| ctx.unit(&d.id)),
        "districts": districts,
        "predecessor_figures": known(&formed_from),
        "district_figures": known(&districts),
        "nothing": !own_figures && !known(&formed_from) && !known(&districts),
    })
}

/// What an old district's page says of its territory: its communes before 1 July 2025 and the
/// units they belong to now.
fn district_territory(ctx: &Ctx, d: &Unit) -> Value {
    let site = ctx.site;
    let communes: Vec<Value> = {
        let mut v: Vec<&Unit> = d
            .children
            .iter()
            .filter_map(|c| site.unit(c))
            .filter(|c| c.kind.is_commune_level())
            .collect();
        v.sort_by_cached_key(|c| crate::vietnamese::sort_key(crate::places::bare_name(c)));
        v.into_iter()
            .map(|c| {
                json!({
                    "name": c.name,
                    "href": unit_href(c),
                    "now": c.successors.iter().filter_map(|s| site.unit(s)).map(|s| ctx.unit(&s.id)).collect::<Vec<_>>(),
                })
            })
            .collect()
    };
    json!({
        "communes": communes,
        "now": crate::places::district_successors(site, d).into_iter().map(|s| ctx.unit(&s.id)).collect::<Vec<_>>(),
    })
}
