//! What changed since the previous report, as pages show it (a report's section, the latest
//! changes on plan and unit pages) and as the Atom feed of reports says it in text. The rows come
//! from [`crate::changes::Changes`], computed once in the derive stage; nothing here compares.

use serde_json::{Value, json};

use super::{Ctx, Page, base_context, report_href, with_unit};
use crate::changes::{Change, ChangeKind, Comparison};
use crate::dates::PartialDate;
use crate::i18n::Lang;
use crate::model::{GovLevel, Report, Target, TargetValue, Task};
use crate::progress::Status;
use crate::routes::{PlanSection, Route};

/// Plan and unit pages show at most this many changes; the report page shows them all.
pub(crate) const SHORT_LIST: usize = 10;
/// A feed entry's summary names at most this many changes.
const FEED_ROWS: usize = 20;

/// A report as a change row links it: title, page and as-of date.
pub(crate) fn report_ref(lang: Lang, r: &Report) -> Value {
    json!({"id": r.id, "title": r.title, "href": report_href(&r.id), "as_of": lang.date(&r.as_of)})
}

/// A goal's or value's level and subject, as a suffix: " — cấp tỉnh — Đông Nam Á".
fn level_suffix(lang: Lang, level: GovLevel, subject: &str) -> String {
    let mut s = String::new();
    if level != GovLevel::All {
        s.push_str(&format!(" — {}", level.label(lang).to_lowercase()));
    }
    if !subject.is_empty() {
        s.push_str(&format!(" — {subject}"));
    }
    s
}

/// A stated value as pages write it: "92%", or the document's words when it gives no number.
fn value_text(lang: Lang, t: &Target, v: &TargetValue) -> String {
    match v.value {
        Some(x) => with_unit(&lang.number(x), &t.unit),
        None => lang.fill(
            "unknown_document_says",
            &[("unknown", &lang.t("unknown")), ("text", &v.text)],
        ),
    }
}

/// What a change concerns: the interface's name for it ("Nhiệm vụ 2") and the content's words
/// (the task's title), apart so that pages can mark the content's language.
fn task_label(lang: Lang, t: &Task) -> (String, String) {
    let label = match &t.number {
        Some(n) => lang.fill("task_n", &[("n", n)]),
        None => lang.t("col_task").to_string(),
    };
    (label, t.title.clone())
}

fn task_href(t: &Task) -> String {
    format!(
        "{}#{}",
        Route::Plan(t.plan.clone(), PlanSection::Tasks).path(),
        t.id
    )
}

fn target_label(lang: Lang, t: &Target, level: GovLevel, subject: &str) -> (String, String) {
    (
        format!(
            "{}{}",
            lang.fill("target_n_cap", &[("n", &t.number)]),
            level_suffix(lang, level, subject)
        ),
        t.text.clone(),
    )
}

/// The parts of a change row: what it concerns, its link, the state before and now, and the
/// lines of the documents that say so.
struct Row {
    /// The interface's name of what changed, and the content's words for it.
    what: (String, String),
    href: String,
    before: String,
    now: String,
    before_source: Option<crate::model::SourceRef>,
    source: crate::model::SourceRef,
}

fn row_parts(lang: Lang, c: &Change) -> Row {
    match &c.kind {
        ChangeKind::NewlyMet {
            target,
            goal,
            value,
            before,
        } => Row {
            what: target_label(lang, target, goal.level, &goal.subject),
            href: Route::Target(target.id.clone()).path(),
            before: match before {
                Some(b) => lang.fill("not_met_yet", &[("value", &value_text(lang, target, b))]),
                None => lang.t("unknown").to_string(),
            },
            now: lang.fill(
                "meets_goal",
                &[
                    ("value", &value_text(lang, target, value)),
                    ("goal", &super::goal_text(lang, target, goal)),
                ],
            ),
            before_source: before.map(|b| b.source.clone()),
            source: value.source.clone(),
        },
        ChangeKind::NewlyLate {
            task,
            from,
            from_why,
            result,
        } => Row {
            what: task_label(lang, task),
            href: task_href(task),
            before: status_before(lang, *from, *from_why),
            now: lang.fill(
                "status_deadline",
                &[
                    ("status", &Status::Late.label(lang)),
                    (
                        "deadline",
                        &if task.timeframe_text.is_empty() {
                            task.timeframe
                                .map(|t| lang.timeframe(&t))
                                .unwrap_or_else(|| lang.t("not_stated").into())
                        } else {
                            task.timeframe_text.clone()
                        },
                    ),
                ],
            ),
            before_source: None,
            source: result
                .map(|r| r.source.clone())
                .unwrap_or_else(|| task.source.clone()),
        },
        ChangeKind::Status {
            task,
            from,
            from_why,
            to,
            result,
        } => Row {
            what: task_label(lang, task),
            href: task_href(task),
            before: status_before(lang, *from, *from_why),
            now: to.label(lang).to_string(),
            before_source: None,
            source: result
                .map(|r| r.source.clone())
                .unwrap_or_else(|| task.source.clone()),
        },
        ChangeKind::Value {
            target,
            value,
            before,
        } => Row {
            what: target_label(lang, target, value.level, &value.subject),
            href: Route::Target(target.id.clone()).path(),
            before: before
                .map(|b| value_text(lang, target, b))
                .unwrap_or_else(|| lang.t("unknown").to_string()),
            now: value_text(lang, target, value),
            before_source: before.map(|b| b.source.clone()),
            source: value.source.clone(),
        },
    }
}

/// A task's state at the previous report. When it had no status because the previous report did
/// not mention it, say so rather than "No report yet", which would be false: there was a report.
fn status_before(lang: Lang, from: Status, why: crate::progress::Reason) -> String {
    use crate::progress::Reason;
    match (from, why) {
        (Status::NoReport, Reason::NotInReport(_)) => {
            why.text(lang).trim_end_matches('.').to_string()
        }
        _ => from.label(lang).to_string(),
    }
}

/// A change row for templates.
pub(crate) fn row(ctx: &Ctx, c: &Change) -> Value {
    let r = row_parts(ctx.lang, c);
    let comparison = &ctx.derived.changes.comparisons[c.comparison];
    json!({
        "kind": c.kind.label(ctx.lang),
        "code": c.kind.code(),
        "what": r.what.0,
        "what_text": r.what.1,
        "href": r.href,
        "before": r.before,
        "now": r.now,
        "before_source": r.before_source.as_ref().map(|s| ctx.source(s)),
        "source": ctx.source(&r.source),
        "plan": ctx.plan_ref(&comparison.plan.id),
        "report": report_ref(ctx.lang, comparison.report),
        "previous": comparison.previous.map(|r| report_ref(ctx.lang, r)),
    })
}

/// A change in one line of text, for the feed in `lang`.
fn row_text(lang: Lang, c: &Change) -> String {
    let r = row_parts(lang, c);
    lang.fill(
        "feed_row",
        &[
            ("kind", &c.kind.label(lang)),
            ("what", &format!("{}: {}", r.what.0, r.what.1)),
            ("before", &r.before),
            ("now", &r.now),
        ],
    )
}

/// A comparison for templates: the plan, the previous report (or none: the first), and its rows
/// (at most `limit`, with how many more there are).
pub(crate) fn comparison(ctx: &Ctx, c: &Comparison, limit: usize) -> Value {
    let rows = ctx.derived.changes.rows_of(c);
    json!({
        "plan": ctx.plan_ref(&c.plan.id),
        "report": report_ref(ctx.lang, c.report),
        "previous": c.previous.map(|r| report_ref(ctx.lang, r)),
        "first": c.previous.is_none(),
        "count": rows.len(),
        "rows": rows.iter().take(limit).map(|r| row(ctx, r)).collect::<Vec<_>>(),
        "more": rows.len().saturating_sub(limit),
    })
}

/// The comparisons of a report, for its page.
pub(crate) fn of_report(ctx: &Ctx, r: &Report) -> Vec<Value> {
    ctx.derived
        .changes
        .of_report(&r.id)
        .map(|c| comparison(ctx, c, usize::MAX))
        .collect()
}

/// The latest comparison on a plan, for its overview page.
pub(crate) fn latest_of_plan(ctx: &Ctx, plan: &str) -> Option<Value> {
    ctx.derived
        .changes
        .of_plan(plan)
        .next()
        .map(|c| comparison(ctx, c, SHORT_LIST))
}

/// The latest changes concerning a unit, for its page.
pub(crate) fn of_unit(ctx: &Ctx, unit: &str) -> Option<Value> {
    let all: Vec<&Change> = ctx.derived.changes.of_unit(unit).collect();
    if all.is_empty() {
        return None;
    }
    Some(json!({
        "rows": all.iter().take(SHORT_LIST).map(|c| row(ctx, c)).collect::<Vec<_>>(),
        "count": all.len(),
        "more": all.len().saturating_sub(SHORT_LIST),
    }))
}

/// A date as Atom writes it (RFC 3339). Content dates may give only a month or a year: the date
/// is then the first day of that period, the day a report's as-of date starts — the same day
/// statuses are judged against. The time is midnight in Vietnam (UTC+7). Never the wall clock.
pub fn atom_date(d: PartialDate) -> String {
    let (y, m, day) = d.first_day();
    format!("{y:04}-{m:02}-{day:02}T00:00:00+07:00")
}

/// Text as XML 1.0 may carry it: characters it forbids (C0 controls other than tab and line
/// breaks, U+FFFE, U+FFFF) become U+FFFD, so that hostile content cannot break the feed. The
/// template escapes the rest (`&`, `<`, `>`, quotes).
pub fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// What a feed entry says of a report: when it speaks for, and what changed against the previous
/// report on each plan (or that it is the first), in plain text in the feed's language.
fn entry_summary(ctx: &Ctx, r: &Report) -> String {
    let lang = ctx.lang;
    let changes = &ctx.derived.changes;
    let mut lines = vec![
        lang.fill(
            "feed_entry_as_of",
            &[
                ("date", &lang.date(&r.as_of)),
                (
                    "issuer",
                    &ctx.site
                        .unit(&r.issuer)
                        .map(|u| u.name.as_str())
                        .unwrap_or(&r.issuer),
                ),
            ],
        ),
    ];
    let mut shown = 0;
    let mut left = 0;
    for c in changes.of_report(&r.id) {
        let plan = c.plan.label_in(lang);
        match c.previous {
            None => lines.push(lang.fill("feed_first_report", &[("plan", &plan)])),
            Some(p) => {
                let rows = changes.rows_of(c);
                let args: [(&str, &dyn std::fmt::Display); 4] = [
                    ("plan", &plan),
                    ("previous", &p.title),
                    ("date", &lang.date(&p.as_of)),
                    ("n", &rows.len()),
                ];
                if rows.is_empty() {
                    lines.push(lang.fill("feed_no_changes", &args));
                    continue;
                }
                lines.push(lang.fill("feed_n_changes", &args));
                for row in rows {
                    if shown < FEED_ROWS {
                        lines.push(format!("- {}", row_text(lang, row)));
                        shown += 1;
                    } else {
                        left += 1;
                    }
                }
            }
        }
    }
    if left > 0 {
        lines.push(lang.fill("feed_more", &[("n", &left)]));
    }
    lines.join("\n")
}

/// The Atom feed of progress reports, newest first: one entry per report with what changed.
/// Links are absolute (from `base_url`), ids are the pages' absolute URLs, dates come from the
/// reports' as-of dates, so two builds of the same content give the same bytes.
pub(crate) fn feed(ctx: &Ctx, route: &Route) -> Option<Page> {
    let site = ctx.site;
    let config = site.config();
    let lang = ctx.lang;
    let base = config.base_url.trim_end_matches('/');
    // Pages in the feed's language: the English feed leads to the English pages.
    let absolute = |r: &Route| {
        let r = r.in_lang(lang).unwrap_or_else(|| r.clone());
        format!("{base}/{}", r.path())
    };
    let newest = ctx.derived.changes.newest_first.first()?;
    let entries: Vec<Value> = ctx
        .derived
        .changes
        .newest_first
        .iter()
        .map(|r| {
            let url = absolute(&Route::Report(r.id.clone()));
            json!({
                "id": url,
                "href": url,
                "title": xml_text(&r.title),
                "updated": atom_date(r.as_of),
                "author": xml_text(site.unit(&r.issuer).map(|u| u.name.as_str()).unwrap_or(&r.issuer)),
                "summary": xml_text(&entry_summary(ctx, r)),
            })
        })
        .collect();
    let author = config
        .publisher
        .as_deref()
        .and_then(|p| site.unit(p))
        .map(|u| u.name.as_str())
        .unwrap_or(&config.title);
    // The site's own name and description in the feed's language, when the content gives them.
    let english = |en: &'_ str, vi: &'_ str| -> String {
        if lang == Lang::En && !en.is_empty() {
            en.to_string()
        } else {
            vi.to_string()
        }
    };
    let title = english(&config.title_en, &config.title);
    let about = english(&config.description_en, &config.description);
    let mut c = base_context(site, route, lang.t("feed_title"));
    c.insert(
        "feed",
        &json!({
            "title": xml_text(&format!("{} — {title}", lang.t("feed_title"))),
            "subtitle": xml_text(&lang.fill("feed_subtitle", &[("about", &about)])),
            "id": absolute(route),
            "self": absolute(route),
            "alternate": absolute(&Route::Reports),
            "updated": atom_date(newest.as_of),
            "author": xml_text(author),
            "rights": xml_text(&lang.fill("feed_rights", &[("licence", &config.licence)])),
            "language": xml_text(match lang {
                Lang::Vi => &config.language,
                Lang::En => lang.code(),
            }),
            // Report titles are content, in Vietnamese: the English feed says so.
            "content_marked": lang == Lang::En,
            "entries": entries,
        }),
    );
    Some(Page {
        template: "feed.xml",
        context: c,
    })
}
