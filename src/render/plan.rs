//! A plan's pages: overview (with charts), targets, budget, tasks and full text, each its own
//! page so that none is heavy.

use serde_json::{Value, json};

use super::{Ctx, Page, base_context, document_href, figures};
use crate::budget::PlaceLevel;
use crate::model::Plan;
use crate::routes::{PlanSection, Route};

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
                "name": s.vietnamese(),
                "href": Route::Plan(p.id.clone(), s).path(),
            })
        })
        .collect();
    let title = if section == PlanSection::Overview {
        p.title.clone()
    } else {
        format!("{} — {}", section.vietnamese(), p.title)
    };
    let mut c = base_context(site, route, &title);
    c.insert("plan", &v);
    c.insert("sections", &sections);
    c.insert("section", section.key());
    let pid = p.id.as_str();
    match section {
        PlanSection::Overview => {
            c.insert("progress", &figures::plan_progress(progress));
            c.insert("budget", &ctx.budget_summary(p));
            let figures: Vec<Value> = [
                figures::body_figure(ctx, p),
                figures::district_figure(ctx, p),
                figures::place_figure(ctx, p, PlaceLevel::Commune),
                figures::place_figure(ctx, p, PlaceLevel::Province),
                figures::funding_figure(ctx, p),
                figures::target_figure(ctx, p),
            ]
            .into_iter()
            .flatten()
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
            c.insert("figure", &figures::target_figure(ctx, p));
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
                        x["status"] = json!(tp.status.vietnamese());
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
    }
    Some(Page {
        template: "plan.html",
        context: c,
    })
}
