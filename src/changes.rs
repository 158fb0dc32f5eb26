//! What changed since the previous report: for each report and each plan it speaks of, the
//! statuses that moved, the tasks newly late, the actual values that are new or different and
//! the goals newly met — against the previous report on the same plan. Computed once per build
//! (in [`crate::derive`]) and indexed by report, plan and unit, so that pages and the feed look up
//! their rows and never scan.
//!
//! The rules, which nothing here goes beyond:
//! - Reports are ordered by as-of date, then id ([`crate::progress::order`]). A report *speaks of*
//!   a plan when it names it in `plans` or states a result for one of its tasks or an actual
//!   value for one of its targets; the previous report on a plan is the one before it in that
//!   order that speaks of the same plan. The first report on a plan is compared with nothing: it
//!   is said to be the first, and every statement in it is new.
//! - A task's status "at" a report is judged by [`crate::progress::judge_task`] from the reports
//!   up to and including it — exactly as the site judges the latest — so a status never comes
//!   from anything but what reports state and a plain comparison of dates.
//! - An actual value is new when no earlier value (of an earlier report, or of the plan's own
//!   content) speaks of the same target, level and subject, and changed when the latest earlier
//!   one differs.
//! - A goal is newly met when the latest stated actual value for its level and subject meets it
//!   by its own comparator or range ([`crate::model::Goal::met_by`]) at this report, and did not
//!   at the previous one. A goal with no stated number is never met.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Goal, Plan, Report, Site, Target, TargetValue, Task, TaskResult, ValueKind};
use crate::progress::{self, Status};

/// One change a report shows against the previous report on the same plan.
#[derive(Debug, Clone)]
pub enum ChangeKind<'s> {
    /// A goal's latest stated value meets it now, and did not at the previous report.
    NewlyMet {
        target: &'s Target,
        goal: &'s Goal,
        value: &'s TargetValue,
        /// The latest number stated for the goal at the previous report, if any.
        before: Option<&'s TargetValue>,
    },
    /// A task is late now and was not at the previous report.
    NewlyLate {
        task: &'s Task,
        from: Status,
        /// Why the task had that status at the previous report.
        from_why: progress::Reason,
        /// What this report states of the task, if it states anything.
        result: Option<&'s TaskResult>,
    },
    /// A task's status moved (to anything but late).
    Status {
        task: &'s Task,
        from: Status,
        /// Why the task had that status at the previous report.
        from_why: progress::Reason,
        to: Status,
        result: Option<&'s TaskResult>,
    },
    /// The report states an actual value that is new, or differs from the latest one before.
    Value {
        target: &'s Target,
        value: &'s TargetValue,
        before: Option<&'s TargetValue>,
    },
}

impl<'s> ChangeKind<'s> {
    /// The order rows are shown in: goals met, tasks late, statuses, values.
    fn rank(&self) -> u8 {
        match self {
            ChangeKind::NewlyMet { .. } => 0,
            ChangeKind::NewlyLate { .. } => 1,
            ChangeKind::Status { .. } => 2,
            ChangeKind::Value { .. } => 3,
        }
    }

    /// A code for CSS classes and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ChangeKind::NewlyMet { .. } => "met",
            ChangeKind::NewlyLate { .. } => "late",
            ChangeKind::Status { .. } => "status",
            ChangeKind::Value { before: None, .. } => "new-value",
            ChangeKind::Value { .. } => "changed-value",
        }
    }

    /// What kind of change it is, in Vietnamese.
    /// The kind of change in `lang`.
    pub fn label(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Vi => self.vietnamese(),
            crate::i18n::Lang::En => lang.t(match self {
                ChangeKind::NewlyMet { .. } => "change_newly_met",
                ChangeKind::NewlyLate { .. } => "change_newly_late",
                ChangeKind::Status { .. } => "change_status",
                ChangeKind::Value { before: None, .. } => "change_new_value",
                ChangeKind::Value { .. } => "change_value",
            }),
        }
    }

    pub fn vietnamese(&self) -> &'static str {
        match self {
            ChangeKind::NewlyMet { .. } => "Mới đạt mục tiêu",
            ChangeKind::NewlyLate { .. } => "Mới quá hạn",
            ChangeKind::Status { .. } => "Chuyển trạng thái",
            ChangeKind::Value { before: None, .. } => "Kết quả mới",
            ChangeKind::Value { .. } => "Kết quả thay đổi",
        }
    }

    /// The units that lead the task or target the change concerns.
    pub fn leads(&self) -> &'s [String] {
        match self {
            ChangeKind::NewlyMet { target, .. } | ChangeKind::Value { target, .. } => &target.lead,
            ChangeKind::NewlyLate { task, .. } | ChangeKind::Status { task, .. } => &task.lead,
        }
    }
}

/// A change and the comparison (report against previous report, on one plan) it belongs to.
#[derive(Debug, Clone)]
pub struct Change<'s> {
    pub kind: ChangeKind<'s>,
    /// Index in [`Changes::comparisons`].
    pub comparison: usize,
}

/// A report compared with the previous report on one plan.
#[derive(Debug, Clone)]
pub struct Comparison<'s> {
    pub report: &'s Report,
    pub plan: &'s Plan,
    /// The previous report on the plan; `None` when this is the first.
    pub previous: Option<&'s Report>,
    /// Its rows in [`Changes::rows`].
    pub rows: Range<usize>,
}

/// Every comparison of the site and its changes, with their indexes.
#[derive(Debug, Default)]
pub struct Changes<'s> {
    /// Newest report first; a report's comparisons in the order of the site's plans.
    pub comparisons: Vec<Comparison<'s>>,
    pub rows: Vec<Change<'s>>,
    /// The reports, newest first (as-of date, then id).
    pub newest_first: Vec<&'s Report>,
    by_report: HashMap<&'s str, Vec<usize>>,
    by_plan: HashMap<&'s str, Vec<usize>>,
    by_unit: HashMap<&'s str, Vec<usize>>,
}

impl<'s> Changes<'s> {
    /// The comparisons of a report, one per plan it speaks of.
    pub fn of_report(&self, report: &str) -> impl Iterator<Item = &Comparison<'s>> {
        self.indexed(&self.by_report, report)
    }

    /// The comparisons on a plan, newest report first.
    pub fn of_plan(&self, plan: &str) -> impl Iterator<Item = &Comparison<'s>> {
        self.indexed(&self.by_plan, plan)
    }

    fn indexed<'a>(
        &'a self,
        index: &'a HashMap<&'s str, Vec<usize>>,
        key: &str,
    ) -> impl Iterator<Item = &'a Comparison<'s>> {
        index
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.comparisons[i])
    }

    /// The changes concerning a unit (as the lead of the task or target), newest report first.
    pub fn of_unit(&self, unit: &str) -> impl Iterator<Item = &Change<'s>> {
        self.by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .map(|&i| &self.rows[i])
    }

    /// The rows of a comparison.
    pub fn rows_of(&self, c: &Comparison<'s>) -> &[Change<'s>] {
        &self.rows[c.rows.clone()]
    }

    /// How many changes a report shows, over all the plans it speaks of.
    pub fn count_of_report(&self, report: &str) -> usize {
        self.of_report(report).map(|c| c.rows.len()).sum()
    }

    /// Computes every comparison of the site.
    pub fn of(site: &'s Site) -> Changes<'s> {
        let mut sorted: Vec<&Report> = site.reports.iter().collect();
        sorted.sort_by(|a, b| progress::order(a, b));
        let rank: HashMap<&str, usize> = sorted
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let plan_index = |id: &str| site.plan_index.get(id).copied();
        let mut task_at: HashMap<&str, usize> = HashMap::new();
        for (pi, p) in site.plans.iter().enumerate() {
            for t in &p.tasks {
                task_at.insert(t.id.as_str(), pi);
            }
        }
        // Each task's results, in report order (with each report's rank).
        let mut results: HashMap<&str, Vec<(usize, &Report, &TaskResult)>> = HashMap::new();
        // The plans each report speaks of, by rank.
        let mut speaks: Vec<Vec<usize>> = vec![Vec::new(); sorted.len()];
        // The reports that name each plan in `plans`, by rank, ascending.
        let mut naming: Vec<Vec<usize>> = vec![Vec::new(); site.plans.len()];
        for (k, r) in sorted.iter().enumerate() {
            for p in r.plans.iter().filter_map(|p| plan_index(p)) {
                speaks[k].push(p);
                naming[p].push(k);
            }
            for res in &r.results {
                results
                    .entry(res.task.as_str())
                    .or_default()
                    .push((k, r, res));
                if let Some(&p) = task_at.get(res.task.as_str()) {
                    speaks[k].push(p);
                }
            }
        }
        // The actual values each report states: (plan, target, value) indexes.
        let mut stated: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); sorted.len()];
        for (pi, p) in site.plans.iter().enumerate() {
            for (ti, t) in p.targets.iter().enumerate() {
                for (vi, v) in t.values.iter().enumerate() {
                    if let Some(&k) = v.report.as_deref().and_then(|r| rank.get(r))
                        && v.kind == ValueKind::Actual
                    {
                        stated[k].push((pi, ti, vi));
                        speaks[k].push(pi);
                    }
                }
            }
        }
        for s in &mut speaks {
            s.sort_unstable();
            s.dedup();
        }
        // The reports that speak of each plan, by rank, ascending.
        let mut speaking: Vec<Vec<usize>> = vec![Vec::new(); site.plans.len()];
        for (k, plans) in speaks.iter().enumerate() {
            for &p in plans {
                speaking[p].push(k);
            }
        }
        let value_rank = |v: &TargetValue| v.report.as_deref().and_then(|r| rank.get(r)).copied();
        // Whether a value is known once the reports up to rank `k` are: a value of the plan's own
        // content always is.
        let known_at = |v: &TargetValue, k: usize| match &v.report {
            None => true,
            Some(_) => value_rank(v).is_some_and(|r| r <= k),
        };
        // The latest actual value for a goal's level and subject known at rank `k` (with a number
        // when `numeric`): latest report first, then as-of date and year.
        let latest =
            |t: &'s Target, goal: &Goal, k: usize, numeric: bool| -> Option<&'s TargetValue> {
                t.values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| {
                        v.kind == ValueKind::Actual
                            && goal.is_for(v)
                            && known_at(v, k)
                            && (!numeric || v.value.is_some())
                    })
                    .max_by_key(|(i, v)| (value_rank(v).map(|r| r + 1), v.as_of, v.year, *i))
                    .map(|(_, v)| v)
            };
        let met_at = |t: &'s Target, goal: &Goal, k: usize| -> Option<&'s TargetValue> {
            latest(t, goal, k, true).filter(|v| v.value.and_then(|x| goal.met_by(x)) == Some(true))
        };
        let status_at = |task: &'s Task, pi: usize, k: usize| -> (Status, progress::Reason) {
            let own: Vec<(&Report, &TaskResult)> = results
                .get(task.id.as_str())
                .map(|v| {
                    v.iter()
                        .take_while(|(rk, _, _)| *rk <= k)
                        .map(|(_, r, res)| (*r, *res))
                        .collect()
                })
                .unwrap_or_default();
            let named = &naming[pi];
            let plan_report = named[..named.partition_point(|&x| x <= k)]
                .last()
                .map(|&x| sorted[x]);
            let judged = progress::judge_task(task, &own, plan_report);
            (judged.status, judged.why)
        };

        let mut out = Changes {
            newest_first: sorted.iter().rev().copied().collect(),
            ..Changes::default()
        };
        for k in (0..sorted.len()).rev() {
            let r = sorted[k];
            for &pi in &speaks[k] {
                let plan = &site.plans[pi];
                let before = &speaking[pi];
                let previous = before[..before.partition_point(|&x| x < k)].last().copied();
                let start = out.rows.len();
                let ci = out.comparisons.len();
                if let Some(prev) = previous {
                    let mut rows: Vec<ChangeKind> = Vec::new();
                    for task in &plan.tasks {
                        let ((from, from_why), (to, _)) =
                            (status_at(task, pi, prev), status_at(task, pi, k));
                        if from == to {
                            continue;
                        }
                        let result = r.results.iter().rev().find(|res| res.task == task.id);
                        rows.push(if to == Status::Late {
                            ChangeKind::NewlyLate {
                                task,
                                from,
                                from_why,
                                result,
                            }
                        } else {
                            ChangeKind::Status {
                                task,
                                from,
                                from_why,
                                to,
                                result,
                            }
                        });
                    }
                    for t in &plan.targets {
                        for goal in &t.goals {
                            if let Some(value) = met_at(t, goal, k)
                                && met_at(t, goal, prev).is_none()
                            {
                                rows.push(ChangeKind::NewlyMet {
                                    target: t,
                                    goal,
                                    value,
                                    before: latest(t, goal, prev, true),
                                });
                            }
                        }
                    }
                    for &(_, ti, vi) in stated[k].iter().filter(|(p, _, _)| *p == pi) {
                        let t = &plan.targets[ti];
                        let value = &t.values[vi];
                        let same =
                            |v: &&TargetValue| v.level == value.level && v.subject == value.subject;
                        let before = t
                            .values
                            .iter()
                            .enumerate()
                            .filter(|(_, v)| {
                                v.kind == ValueKind::Actual && same(v) && known_at(v, prev)
                            })
                            .max_by_key(|(i, v)| {
                                (value_rank(v).map(|r| r + 1), v.as_of, v.year, *i)
                            })
                            .map(|(_, v)| v);
                        let changed = match before {
                            None => true,
                            Some(b) => match (b.value, value.value) {
                                (Some(x), Some(y)) => x != y,
                                (None, None) => b.text != value.text,
                                _ => true,
                            },
                        };
                        if changed {
                            rows.push(ChangeKind::Value {
                                target: t,
                                value,
                                before,
                            });
                        }
                    }
                    rows.sort_by_key(ChangeKind::rank);
                    for kind in rows {
                        let row = out.rows.len();
                        let mut seen: Vec<&str> = Vec::new();
                        for u in kind.leads() {
                            if !seen.contains(&u.as_str()) {
                                seen.push(u.as_str());
                                out.by_unit.entry(u.as_str()).or_default().push(row);
                            }
                        }
                        out.rows.push(Change {
                            kind,
                            comparison: ci,
                        });
                    }
                }
                out.comparisons.push(Comparison {
                    report: r,
                    plan,
                    previous: previous.map(|x| sorted[x]),
                    rows: start..out.rows.len(),
                });
                out.by_report.entry(r.id.as_str()).or_default().push(ci);
                out.by_plan.entry(plan.id.as_str()).or_default().push(ci);
            }
        }
        out
    }
}
