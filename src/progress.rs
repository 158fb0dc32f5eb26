//! Where task progress is judged: each task's status relative to the latest progress report
//! that covers its plan. A status is only ever what a report states, or a plain comparison of a
//! printed deadline with a report's as-of date — never the wall clock, never a guess.

use std::collections::HashMap;

use crate::model::{Report, Site, StatedStatus, Task, TaskResult};

crate::vocabulary! {
    /// A task's status, judged from what reports state.
    pub enum Status {
        /// A report states the task is done.
        Done = ("done", "Đã hoàn thành (theo báo cáo)"),
        /// A report states work is under way.
        InProgress = ("in-progress", "Đang thực hiện (theo báo cáo)"),
        /// A report states work has not started, and the deadline has not passed.
        NotStarted = ("not-started", "Chưa triển khai (theo báo cáo)"),
        /// The deadline is before the report's as-of date and no report says it is done.
        Late = ("late", "Quá hạn, chưa báo cáo hoàn thành"),
        /// A report gives a result text but states no status, and the deadline has not passed.
        Reported = ("reported", "Có báo cáo kết quả, không nêu trạng thái"),
        /// No report speaks of this task (or none covers its plan).
        NoReport = ("no-report", "Chưa có báo cáo"),
    }
}

impl Status {
    /// The code used in CSS classes and data files.
    pub fn slug(&self) -> &'static str {
        self.as_str()
    }
}

/// A task's judged status and the evidence for it.
#[derive(Debug, Clone)]
pub struct TaskProgress<'a> {
    pub task: &'a Task,
    pub status: Status,
    /// The report the judgement rests on, if any.
    pub report: Option<&'a Report>,
    pub results: Vec<&'a TaskResult>,
    /// Why the status is what it is, in Vietnamese (as the data package gives it).
    pub reason: String,
    /// Why, as a case: [`TaskProgress::reason`] says it in either language.
    pub why: Reason,
}

/// Judges every task of the site. Reports are matched to tasks by id; the latest report (by
/// as-of date, then id) that covers a task's plan is the one its lateness is judged against.
pub fn judge(site: &Site) -> Vec<TaskProgress<'_>> {
    let mut results: HashMap<&str, Vec<(&Report, &TaskResult)>> = HashMap::new();
    let mut latest_for_plan: HashMap<&str, &Report> = HashMap::new();
    for r in &site.reports {
        for res in &r.results {
            results.entry(res.task.as_str()).or_default().push((r, res));
        }
        for p in &r.plans {
            let e = latest_for_plan.entry(p.as_str()).or_insert(r);
            if order(r, e).is_gt() {
                *e = r;
            }
        }
    }
    let mut out = Vec::new();
    for plan in &site.plans {
        for task in &plan.tasks {
            let mut own: Vec<(&Report, &TaskResult)> =
                results.remove(task.id.as_str()).unwrap_or_default();
            own.sort_by(|a, b| order(a.0, b.0));
            out.push(judge_task(
                task,
                &own,
                latest_for_plan.get(plan.id.as_str()).copied(),
            ));
        }
    }
    out
}

/// The order of reports: by as-of date, then id. "Previous" and "latest" always mean this order.
pub fn order(a: &Report, b: &Report) -> std::cmp::Ordering {
    (a.as_of, &a.id).cmp(&(b.as_of, &b.id))
}

/// Judges one task from its results, `own` (ordered by [`order`] of their reports), and the
/// latest report that covers its plan. [`judge`] calls it with every report; the changes between
/// reports ([`crate::changes`]) call it with the reports up to a given one, so a status "at" a
/// report is judged exactly as the site judges the latest.
pub fn judge_task<'a>(
    task: &'a Task,
    own: &[(&'a Report, &'a TaskResult)],
    plan_report: Option<&'a Report>,
) -> TaskProgress<'a> {
    let report = own.last().map(|(r, _)| *r).or(plan_report);
    // Lateness is judged at the newest report on the plan, even when the task's own results are
    // in an older one: a later report that covers the plan and still does not say "done" is the
    // evidence that the deadline passed without it.
    let newest = match (report, plan_report) {
        (Some(own), Some(plan)) if order(plan, own).is_gt() => Some(plan),
        _ => report,
    };
    let stated = own.iter().rev().find_map(|(_, res)| res.status);
    let deadline = task.timeframe.and_then(|t| t.deadline());
    let passed = match (deadline, newest) {
        (Some(d), Some(r)) => d < r.as_of.first_day(),
        _ => false,
    };
    let (status, why) = match stated {
        Some(StatedStatus::Done) => (Status::Done, Reason::StatedDone),
        Some(_) if passed => (Status::Late, late_reason(deadline, newest)),
        Some(StatedStatus::InProgress) => (Status::InProgress, Reason::StatedInProgress),
        Some(StatedStatus::NotStarted) => (Status::NotStarted, Reason::StatedNotStarted),
        None if passed => (Status::Late, late_reason(deadline, newest)),
        None if !own.is_empty() => (Status::Reported, Reason::ResultWithoutStatus),
        None => (
            Status::NoReport,
            match report {
                Some(r) => Reason::NotInReport(r.as_of),
                None => Reason::NoReport,
            },
        ),
    };
    TaskProgress {
        task,
        status,
        report: if status == Status::Late {
            newest
        } else {
            report
        },
        results: own.iter().map(|(_, r)| *r).collect(),
        reason: why.text(crate::i18n::Lang::Vi),
        why,
    }
}

/// Why a task's status is what it is: each case a sentence of the string table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    StatedDone,
    StatedInProgress,
    StatedNotStarted,
    ResultWithoutStatus,
    NotInReport(crate::dates::PartialDate),
    NoReport,
    /// The deadline passed before the report's as-of date.
    Late((i32, u32, u32), crate::dates::PartialDate),
    LateUndated,
}

impl Reason {
    /// The reason as a sentence in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Reason::StatedDone => lang.t("reason_done").into(),
            Reason::StatedInProgress => lang.t("reason_in_progress").into(),
            Reason::StatedNotStarted => lang.t("reason_not_started").into(),
            Reason::ResultWithoutStatus => lang.t("reason_result_no_status").into(),
            Reason::NotInReport(d) => lang.fill("reason_not_in_report", &[("date", &lang.date(d))]),
            Reason::NoReport => lang.t("reason_no_report").into(),
            Reason::Late(deadline, as_of) => lang.fill(
                "reason_late",
                &[
                    ("deadline", &lang.day(*deadline)),
                    ("date", &lang.date(as_of)),
                ],
            ),
            Reason::LateUndated => lang.t("reason_late_undated").into(),
        }
    }
}

impl TaskProgress<'_> {
    /// Why the status is what it is, in `lang`.
    pub fn reason(&self, lang: crate::i18n::Lang) -> String {
        self.why.text(lang)
    }
}

fn late_reason(deadline: Option<(i32, u32, u32)>, report: Option<&Report>) -> Reason {
    match (deadline, report) {
        (Some(d), Some(r)) => Reason::Late(d, r.as_of),
        _ => Reason::LateUndated,
    }
}
