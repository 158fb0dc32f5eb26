//! The pages that are not a plan's own: home, the lists (plans, targets, budget, progress, units,
//! reports, sources), a page per target, unit, report and source document (in parts, so that each
//! cited line has an anchor on a light page). One function per kind of route; each reads only
//! the rows its page shows, through the indexes of [`crate::derive::Derived`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::figures::{
    agency_figure, district_figure, funding_figure, plans_figure, progress_row, source_note,
    status_counts, target_figure, timeline_figure,
};
use super::{Ctx, Page, base_context, document_href, report_href, unit_href};
use crate::model::*;
use crate::progress::TaskProgress;
use crate::routes::{Breakdown, Route, SOURCE_PART_LINES, source_parts};
use crate::vn_number;

pub(crate) fn plans(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, "Các kế hoạch");
    c.insert(
        "plans",
        &site
            .plans
            .iter()
            .map(|p| ctx.plan_summary(p))
            .collect::<Vec<_>>(),
    );
    Page {
        template: "plans.html",
        context: c,
    }
}

fn budget_plans<'a>(site: &'a Site) -> Vec<&'a Plan> {
    site.plans.iter().filter(|p| p.budget.is_some()).collect()
}

pub(crate) fn budget(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, "Kinh phí");
    c.insert("by_plan", &plans_figure(ctx));
    c.insert(
        "plans",
        &budget_plans(site)
            .iter()
            .map(|p| ctx.plan_summary(p))
            .collect::<Vec<_>>(),
    );
    Page {
        template: "budget.html",
        context: c,
    }
}

pub(crate) fn budget_breakdown(ctx: &Ctx, route: &Route, breakdown: Breakdown) -> Page {
    let site = ctx.site;
    let build = match breakdown {
        Breakdown::ByDistrict => district_figure as fn(&Ctx, &Plan) -> Option<Value>,
        Breakdown::ByAgency => agency_figure,
        Breakdown::BySource => funding_figure,
    };
    let mut c = base_context(site, route, breakdown.vietnamese());
    let figures: Vec<Value> = budget_plans(site)
        .iter()
        .filter_map(|p| build(ctx, p).map(|f| json!({"plan": ctx.plan_ref(&p.id), "figure": f})))
        .collect();
    c.insert("breakdown", breakdown.segment());
    c.insert("figures", &figures);
    Page {
        template: "budget_breakdown.html",
        context: c,
    }
}

/// All targets, grouped by area, with each plan's target chart.
pub(crate) fn targets(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
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
    let mut c = base_context(site, route, "Chỉ tiêu");
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
            .filter_map(|p| {
                target_figure(ctx, p).map(|f| json!({"plan": ctx.plan_ref(&p.id), "figure": f}))
            })
            .collect::<Vec<_>>(),
    );
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
        &format!("Chỉ tiêu {} — {}", t.number, p.label()),
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
    c.insert("source_note", &source_note(site, p, "Phụ lục chỉ tiêu"));
    Some(Page {
        template: "target.html",
        context: c,
    })
}

fn report_ref(r: &Report) -> Value {
    json!({"title": r.title, "href": report_href(&r.id), "as_of": r.as_of.vietnamese()})
}

/// Progress of every plan: status counts, and per plan a timeline and the tasks.
pub(crate) fn progress(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let judged = &ctx.derived.judged;
    let mut c = base_context(site, route, "Tiến độ thực hiện");
    c.insert("counts", &status_counts(judged));
    c.insert("total", &judged.len());
    let mut by_plan: Vec<Value> = Vec::new();
    for p in &site.plans {
        let tasks: Vec<&TaskProgress> = ctx.derived.judged_of_plan(&p.id).iter().collect();
        if tasks.is_empty() {
            continue;
        }
        let report = tasks.iter().find_map(|t| t.report);
        let fig = timeline_figure(
            ctx,
            &tasks,
            report,
            &format!("{}-tien-do", p.id),
            &format!("Thời hạn và tình trạng nhiệm vụ — {}", p.label()),
        );
        let counts = status_counts(ctx.derived.judged_of_plan(&p.id));
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
            "download": ctx.rows_download("tasks", &format!("tien-do-{}", p.id), ctx.derived.rows_of_plan("tasks", &p.id)),
            "report": report.map(report_ref),
        }));
    }
    // Plans with reports first: that is where there is progress to see.
    by_plan.sort_by_key(|v| v["report"].is_null());
    c.insert("plans", &by_plan);
    c.insert("latest", &ctx.derived.latest_report.map(report_ref));
    Page {
        template: "progress.html",
        context: c,
    }
}

/// How much (the headline plan), where it goes, how far along.
pub(crate) fn home(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let judged = &ctx.derived.judged;
    let published: Vec<&Plan> = site
        .plans
        .iter()
        .filter(|p| p.status == PlanStatus::Published)
        .collect();
    let headline = published
        .iter()
        .filter(|p| p.budget.is_some())
        .max_by(|a, b| {
            (
                a.level == PlanLevel::Province,
                a.budget.as_ref().map(|x| x.total().amount),
            )
                .cmp(&(
                    b.level == PlanLevel::Province,
                    b.budget.as_ref().map(|x| x.total().amount),
                ))
        })
        .copied();
    let mut c = base_context(site, route, &site.config().title);
    c.insert(
        "plans",
        &published
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
    c.insert("counts", &status_counts(judged));
    if let Some(p) = headline {
        let b = p.budget.as_ref().expect("filtered");
        let declared = b.declared.iter().find(|d| d.funding.is_none());
        c.insert(
            "headline",
            &json!({
                "plan": ctx.plan_ref(&p.id),
                "total": vn_number::format(b.total().amount),
                "total_human": vn_number::format_million_vnd_human(b.total().amount),
                "declared": declared.map(|d| vn_number::format(d.amount)),
                "declared_human": declared.map(|d| vn_number::format_million_vnd_human(d.amount)),
                "differs": declared.map(|d| d.amount != b.total().amount).unwrap_or(false),
                "unknown": b.total().unknown,
            }),
        );
        c.insert("district_figure", &district_figure(ctx, p));
        c.insert("agency_figure", &agency_figure(ctx, p));
    }
    c.insert(
        "latest",
        &ctx.derived.latest_report.map(|r| {
            let mut v = report_ref(r);
            v["results"] = json!(r.results.len());
            v
        }),
    );
    Page {
        template: "index.html",
        context: c,
    }
}

pub(crate) fn reports(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, "Báo cáo tiến độ");
    c.insert(
        "reports",
        &site
            .reports
            .iter()
            .map(|r| {
                let mut v = report_ref(r);
                v["issuer"] = ctx.unit(&r.issuer);
                v["results"] = json!(r.results.len());
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
                "status": res.status.map(|s| s.as_str()),
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
        "as_of": r.as_of.vietnamese(),
        "plans": r.plans.iter().map(|p| ctx.plan_ref(p)).collect::<Vec<_>>(),
        "document": site.document(&r.document).map(|d| json!({"title": d.title, "href": document_href(&d.id)})),
        "body_html": crate::markdown::to_safe_html(&r.body_markdown, &route.root()),
        "results": results,
    }));
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
                .map(|r| json!({"label": r.title, "title": r.title, "href": report_href(&r.id)})),
        )
        .collect()
}

pub(crate) fn sources(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, "Văn bản nguồn");
    c.insert(
        "documents",
        &site
            .documents
            .iter()
            .map(|d| json!({"title": d.title, "href": document_href(&d.id), "date": d.date.map(|x| x.vietnamese()), "line_count": d.lines.len(), "plans": citing(ctx, &d.id)}))
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
    let parts = source_parts(d.lines.len());
    let part_list: Vec<Value> = (1..=parts)
        .map(|n| json!({"n": n, "href": Route::SourcePart(d.id.clone(), n).path(), "from": (n - 1) * SOURCE_PART_LINES + 1, "to": (n * SOURCE_PART_LINES).min(d.lines.len())}))
        .collect();
    let info = json!({
        "id": d.id,
        "title": d.title,
        "date": d.date.map(|x| x.vietnamese()),
        "origin": d.origin,
        "licence": d.licence,
        "file": d.file,
        "line_count": d.lines.len(),
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
            let to = (n * SOURCE_PART_LINES).min(d.lines.len());
            let mut c = base_context(
                site,
                route,
                &format!("{} (dòng {}–{})", d.title, from + 1, to),
            );
            c.insert("document", &info);
            c.insert("part", &json!({
                "n": n,
                "prev": (n > 1).then(|| n - 1),
                "next": (n < parts).then(|| n + 1),
                "lines": d.lines[from..to].iter().enumerate().map(|(i, l)| json!({"n": from + i + 1, "text": l})).collect::<Vec<_>>(),
            }));
            c
        }
    };
    Some(Page {
        template: "source.html",
        context: c,
    })
}

/// Every unit, grouped by kind, in Vietnamese order.
pub(crate) fn units(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let mut units: Vec<&Unit> = site.units.iter().collect();
    // Vietnamese order: compare names without diacritics first (Đ with D), then as written.
    units.sort_by_cached_key(|u| (u.kind, crate::slug::slugify(&u.name), u.name.clone()));
    let mut c = base_context(site, route, "Các đơn vị");
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
    c.insert(
        "kinds",
        &kinds
            .iter()
            .map(|(k, l)| json!({"kind": k.vietnamese(), "units": l}))
            .collect::<Vec<_>>(),
    );
    Page {
        template: "units.html",
        context: c,
    }
}

/// A unit: what it is, its place among units, and everything the documents give it to do.
pub(crate) fn unit(ctx: &Ctx, route: &Route, u: &Unit) -> Page {
    let site = ctx.site;
    let mut c = base_context(site, route, &u.name);
    let empty = crate::derive::Mentions::default();
    let m = ctx.derived.mentions.get(u.id.as_str()).unwrap_or(&empty);
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
            &ctx.rows_download(
                "targets",
                &format!("don-vi-{uid}"),
                ctx.derived.rows_of_unit("targets", uid),
            ),
        );
    }
    if !lines.is_empty() {
        c.insert(
            "download_lines",
            &ctx.rows_download(
                "budget-lines",
                &format!("don-vi-{uid}"),
                ctx.derived.rows_of_unit("budget-lines", uid),
            ),
        );
    }
    if !tasks.is_empty() {
        c.insert(
            "download_tasks",
            &ctx.rows_download(
                "tasks",
                &format!("don-vi-{uid}"),
                ctx.derived.rows_of_unit("tasks", uid),
            ),
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
        context: c,
    }
}
