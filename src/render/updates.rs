//! The change log page (`/cap-nhat/`), every page's "Cập nhật lần cuối" line and the
//! corrections shown beside a corrected item. The dates and entries come from
//! [`crate::updates::Updates`], computed once in the derive stage.

use serde_json::{Value, json};

use super::{Ctx, Page, base_context, plan_href, source_href};
use crate::derive::Derived;
use crate::model::{CorrectedKind, Correction};
use crate::routes::{PlanSection, Route};
use crate::updates::Entry;

/// The change log shows at most this many entries of one day, and this many in all: at national
/// scale a day can publish thousands of plans, and the page must stay light. What is left out is
/// counted and linked to the full lists.
const DAY_ENTRIES: usize = 50;
const ALL_ENTRIES: usize = 300;

/// The page's last-updated date, for `base.html`: `{iso, text}`, or null when unknown.
pub(crate) fn updated(d: &Derived, route: &Route) -> Value {
    // An English page is as up to date as its Vietnamese twin, in English words.
    match d.updates.of_route(route.base()) {
        Some(date) => json!({"iso": date.iso(), "text": route.lang().date(&date)}),
        None => Value::Null,
    }
}

/// Where a corrected item is shown, and how it is named: the item in the interface's words
/// ("target 3", "budget item 1.2") and its text as written (content, in Vietnamese).
fn item(ctx: &Ctx, c: &Correction) -> (String, String, String) {
    let d = ctx.derived;
    let lang = ctx.lang;
    let named = |with_number: &str, without: &str, number: Option<&str>| match number {
        Some(n) if !n.is_empty() => lang.fill(with_number, &[("n", &n)]),
        _ => lang.t(without).to_string(),
    };
    match c.kind {
        CorrectedKind::Target => {
            let (what, text) = d
                .targets_by_id
                .get(c.item.as_str())
                .map(|&(pi, ti)| {
                    let t = &ctx.site.plans[pi].targets[ti];
                    (
                        named("target_n", "target_lower", Some(&t.number)),
                        t.text.clone(),
                    )
                })
                .unwrap_or_else(|| (lang.t("target_lower").to_string(), c.item.clone()));
            (Route::Target(c.item.clone()).path(), what, text)
        }
        CorrectedKind::BudgetLine => {
            let (what, text) = d
                .lines_by_id
                .get(c.item.as_str())
                .and_then(|&(pi, li)| {
                    let l = &ctx.site.plans[pi].budget.as_ref()?.lines[li];
                    Some((
                        named("budget_item_n", "budget_item_lower", l.number.as_deref()),
                        l.title.clone(),
                    ))
                })
                .unwrap_or_else(|| (lang.t("budget_item_lower").to_string(), c.item.clone()));
            let page = Route::Plan(c.plan.clone(), PlanSection::Budget).path();
            (format!("{page}#{}", c.item), what, text)
        }
        CorrectedKind::Task => {
            let (what, text) = d
                .judged_task(&c.item)
                .map(|j| {
                    (
                        named("task_n_lower", "task_lower", j.task.number.as_deref()),
                        j.task.title.clone(),
                    )
                })
                .unwrap_or_else(|| (lang.t("task_lower").to_string(), c.item.clone()));
            let page = Route::Plan(c.plan.clone(), PlanSection::Tasks).path();
            (format!("{page}#{}", c.item), what, text)
        }
    }
}

/// What a correction corrects, in the interface's words.
fn kind_label(lang: crate::i18n::Lang, kind: CorrectedKind) -> &'static str {
    lang.t(match kind {
        CorrectedKind::Target => "target_lower",
        CorrectedKind::BudgetLine => "budget_item_lower",
        CorrectedKind::Task => "task_lower",
    })
}

/// The first letter of `text` in capitals ("tháng 9/2025" → "Tháng 9/2025"), the rest as it is.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A correction as pages show it beside the item ("đã sửa ngày …: trước … nay …").
pub(crate) fn correction(ctx: &Ctx, c: &Correction) -> Value {
    let doc = ctx.site.document(&c.source.document);
    json!({
        // "ngày 20/12/2025", "tháng 12/2025": so that "Đã sửa …" reads right at any precision.
        "date": match (ctx.lang, c.date.day) {
            (crate::i18n::Lang::Vi, Some(_)) => format!("ngày {}", c.date.vietnamese()),
            (lang, _) => lang.date(&c.date),
        },
        "iso": c.date.iso(),
        "before": c.before,
        "after": c.after,
        "note": c.note,
        "source": {
            "href": source_href(&c.source),
            "line": c.source.line,
            "document": c.source.document,
            "title": doc.map(|d| d.title.as_str()).unwrap_or(""),
        },
    })
}

/// The corrections of an item, for its row or page (an empty list when none).
pub(crate) fn corrections_of(ctx: &Ctx, id: &str) -> Value {
    Value::Array(
        ctx.derived
            .updates
            .corrections_of(id)
            .iter()
            .map(|c| correction(ctx, c))
            .collect(),
    )
}

/// `/cap-nhat/`: per update date, newest first, the plans and reports published and the figures
/// corrected.
pub(crate) fn page(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let d = ctx.derived;
    let lang = ctx.lang;
    let mut c = base_context(site, route, lang.t("update_log"));
    let mut shown = 0;
    let mut left_out = 0;
    let mut days = Vec::new();
    for day in &d.updates.log {
        let room = DAY_ENTRIES.min(ALL_ENTRIES - shown);
        if room == 0 {
            left_out += day.entries.len();
            continue;
        }
        let entries: Vec<Value> = day
            .entries
            .iter()
            .take(room)
            .map(|e| match e {
                Entry::Plan(p) => {
                    let document = p
                        .source_document()
                        .and_then(|id| site.document(id))
                        .map(|doc| json!({"title": doc.title, "href": Route::Source(doc.id.clone()).path()}));
                    json!({"kind": "plan", "plan": ctx.plan_ref(&p.id), "title": p.title, "href": plan_href(&p.id), "document": document, "cited": p.status == crate::model::PlanStatus::Cited})
                }
                Entry::Report(r) => {
                    let changes = &d.changes;
                    let compared = changes.of_report(&r.id).any(|c| c.previous.is_some());
                    json!({
                        "kind": "report",
                        "title": r.title,
                        "href": Route::Report(r.id.clone()).path(),
                        "as_of": lang.date(&r.as_of),
                        "changes": changes.count_of_report(&r.id),
                        "compared": compared,
                        "plans": changes.of_report(&r.id).map(|c| ctx.plan_ref(&c.plan.id)).collect::<Vec<_>>(),
                    })
                }
                Entry::Correction(k) => {
                    let (href, label, text) = item(ctx, k);
                    let mut v = correction(ctx, k);
                    v["kind"] = json!("correction");
                    v["what"] = json!(kind_label(lang, k.kind));
                    v["href"] = json!(href);
                    v["label"] = json!(label);
                    v["text"] = json!(text);
                    v["plan"] = ctx.plan_ref(&k.plan);
                    v
                }
            })
            .collect();
        shown += entries.len();
        days.push(json!({
            "date": day.date.map(|x| json!({"iso": x.iso(), "text": capitalised(&lang.date(&x))})),
            "entries": entries,
            "more": day.entries.len() - room.min(day.entries.len()),
        }));
    }
    c.insert("days", &days);
    c.insert("left_out", &left_out);
    c.insert("corrections", &site.corrections.len());
    Page {
        template: "updates.html",
        context: c,
    }
}
