//! A plan's pages: overview (with charts), targets, budget, tasks and full text, each its own
//! page so that none is heavy.

use serde_json::{Value, json};

use super::{Ctx, Page, base_context, document_href, figures};
use std::collections::BTreeMap;

use crate::budget::{PlaceLevel, Sum};
use crate::model::Plan;
use crate::routes::{PlanSection, Route};

/// The largest `n` entries of `sums` by amount, as (unit, amount in Vietnamese notation).
fn largest(ctx: &Ctx, sums: BTreeMap<String, Sum>, n: usize) -> Vec<Value> {
    let mut v: Vec<(String, Sum)> = sums.into_iter().collect();
    v.sort_by(|a, b| b.1.amount.cmp(&a.1.amount).then_with(|| a.0.cmp(&b.0)));
    v.into_iter()
        .take(n)
        .map(|(id, s)| {
            let mut u = ctx.unit(&id);
            u["amount"] = json!(ctx.lang.number(s.amount));
            u["human"] = json!(ctx.lang.million_vnd_human(s.amount));
            u
        })
        .collect()
}

/// A plan on one printable page: what it is, how much, where, who, by when, what it promises.
fn summary(ctx: &Ctx, p: &Plan) -> Value {
    let site = ctx.site;
    let budget = p.budget.as_ref().map(|b| {
        let total = b.total();
        let level = [PlaceLevel::Commune, PlaceLevel::District, PlaceLevel::Province]
            .into_iter()
            .find(|l| l.speaks_of(site, b));
        let places = level
            .map(|l| largest(ctx, l.sums(site, b), 5))
            .unwrap_or_default();
        let agencies = largest(
            ctx,
            b.sum_by(|l| {
                site.unit(&l.lead)
                    .filter(|u| !u.kind.is_district_level())
                    .map(|u| u.id.clone())
            }),
            5,
        );
        let by_source: Vec<Value> = b
            .sum_by(|l| Some(l.funding))
            .into_iter()
            .map(|(f, s)| {
                json!({
                    "name": f.map(|f| f.label(ctx.lang)).unwrap_or_else(|| ctx.lang.t("no_funding_stated").into()),
                    "amount": ctx.lang.number(s.amount),
                })
            })
            .collect();
        json!({
            "total": ctx.lang.number(total.amount),
            "human": ctx.lang.million_vnd_human(total.amount),
            "lines": total.lines,
            "unknown": total.unknown,
            "places": places,
            "agencies": agencies,
            "by_source": by_source,
            "declared": b.declared.iter().find(|d| d.funding.is_none()).map(|d| ctx.lang.number(d.amount)),
            "difference": b.declared.iter().find(|d| d.funding.is_none()).filter(|d| d.amount != total.amount).map(|d| ctx.lang.number(total.amount - d.amount)),
            "old_districts": level == Some(PlaceLevel::District),
        })
    });
    let mut by_when: BTreeMap<(i32, u32), (String, usize)> = BTreeMap::new();
    let mut ongoing = 0;
    for t in &p.tasks {
        match t.timeframe.and_then(|f| f.deadline()) {
            Some((y, m, _)) => {
                let quarter = (m - 1) / 3 + 1;
                let e = by_when.entry((y, quarter)).or_insert_with(|| {
                    (
                        ctx.lang
                            .timeframe(&crate::dates::Timeframe::Quarter { year: y, quarter }),
                        0,
                    )
                });
                e.1 += 1;
            }
            None => ongoing += 1,
        }
    }
    let mut leads: BTreeMap<String, usize> = BTreeMap::new();
    for t in &p.tasks {
        for u in &t.lead {
            *leads.entry(u.clone()).or_default() += 1;
        }
    }
    let mut leads: Vec<(String, usize)> = leads.into_iter().collect();
    leads.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    json!({
        "budget": budget,
        "tasks": p.tasks.len(),
        "by_when": by_when.into_values().map(|(when, n)| json!({"when": when, "tasks": n})).collect::<Vec<_>>(),
        "ongoing": ongoing,
        "leads": leads.into_iter().take(5).map(|(u, n)| { let mut v = ctx.unit(&u); v["tasks"] = json!(n); v }).collect::<Vec<_>>(),
        "targets": p.targets.len(),
        "targets_reported": p.targets.iter().filter(|t| super::pages::has_result(t)).count(),
    })
}

/// The page of one section of a plan (`None` if the plan has nothing for that section).
pub(crate) fn page(ctx: &Ctx, route: &Route, p: &Plan, section: PlanSection) -> Option<Page> {
    if !section.applies(p) {
        return None;
    }
    let progress = ctx.derived.judged_of_plan(&p.id);
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
            .map(|d| json!({"title": d.title, "href": document_href(&d.id)}))
    );
    v["cited_in"] = json!(p.cited_in.as_ref().map(|s| ctx.source(s)));
    let sections: Vec<Value> = PlanSection::ALL
        .into_iter()
        .filter(|s| s.applies(p))
        .map(|s| {
            json!({
                "key": s.key(),
                "name": s.label(ctx.lang),
                "href": Route::Plan(p.id.clone(), s).path(),
            })
        })
        .collect();
    let title = if section == PlanSection::Overview {
        p.title.clone()
    } else {
        format!("{} — {}", section.label(ctx.lang), p.title)
    };
    let mut c = base_context(site, route, &title);
    c.insert("plan", &v);
    c.insert("sections", &sections);
    c.insert("section", section.key());
    // The plan's address in this page's language, for the printable summary.
    c.insert(
        "plan_url_path",
        &Route::Plan(p.id.clone(), PlanSection::Overview)
            .in_lang(ctx.lang)
            .map(|r| r.path())
            .unwrap_or_default(),
    );
    let pid = p.id.as_str();
    match section {
        PlanSection::Overview => {
            c.insert("progress", &figures::plan_progress(ctx.lang, progress));
            c.insert("changes", &super::changes::latest_of_plan(ctx, pid));
            c.insert("budget", &ctx.budget_summary(p));
            let figures: Vec<Value> = [
                figures::body_figure(ctx, p),
                figures::district_figure(ctx, p),
                figures::place_figure(ctx, p, PlaceLevel::Commune),
                figures::place_figure(ctx, p, PlaceLevel::Province),
                figures::funding_figure(ctx, p),
            ]
            .into_iter()
            .flatten()
            .chain(figures::target_figures(ctx, p))
            .collect();
            c.insert("figures", &figures);
        }
        PlanSection::Targets => {
            c.insert(
                "download",
                &ctx.rows_download(
                    "targets",
                    &format!("ke-hoach-{pid}"),
                    ctx.derived.rows_of_plan("targets", pid),
                ),
            );
            c.insert(
                "targets",
                &p.targets.iter().map(|t| ctx.target(t)).collect::<Vec<_>>(),
            );
            c.insert(
                "reported",
                &json!({
                    "with": p.targets.iter().filter(|t| super::pages::has_result(t)).count(),
                    "total": p.targets.len(),
                }),
            );
            c.insert("figures", &figures::target_figures(ctx, p));
        }
        PlanSection::Budget => {
            c.insert(
                "download",
                &ctx.rows_download(
                    "budget-lines",
                    &format!("ke-hoach-{pid}"),
                    ctx.derived.rows_of_plan("budget-lines", pid),
                ),
            );
            c.insert(
                "download_totals",
                &ctx.rows_download(
                    "budget-totals",
                    &format!("ke-hoach-{pid}"),
                    ctx.derived.rows_of_plan("budget-totals", pid),
                ),
            );
            c.insert("budget", &ctx.budget(p));
            c.insert(
                "figures",
                &[
                    figures::body_figure(ctx, p),
                    figures::agency_figure(ctx, p),
                    figures::funding_figure(ctx, p),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>(),
            );
        }
        PlanSection::Tasks => {
            c.insert(
                "download",
                &ctx.rows_download(
                    "tasks",
                    &format!("ke-hoach-{pid}"),
                    ctx.derived.rows_of_plan("tasks", pid),
                ),
            );
            let tasks: Vec<Value> = p
                .tasks
                .iter()
                .map(|t| {
                    let mut x = ctx.task(t);
                    if let Some(tp) = ctx.derived.judged_task(&t.id) {
                        x["status"] = json!(tp.status.label(ctx.lang));
                        x["status_slug"] = json!(tp.status.slug());
                    }
                    x
                })
                .collect();
            c.insert("tasks", &tasks);
        }
        PlanSection::Text => {
            c.insert(
                "body_html",
                &crate::markdown::to_safe_html(&p.body_markdown, &route.root()),
            );
        }
        PlanSection::Summary => {
            c.insert("summary", &summary(ctx, p));
        }
    }
    Some(Page {
        template: "plan.html",
        context: c,
    })
}
