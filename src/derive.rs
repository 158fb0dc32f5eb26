//! Stage 3 of the pipeline, between resolve and render: everything pages and data files share,
//! computed once per build — task status judgements, the rows of the data package, which rows
//! and entries belong to each plan and each unit — so that no page scans a whole table.

use std::collections::HashMap;

use anyhow::Result;

use crate::model::{Report, Site};
use crate::opendata::Resource;
use crate::progress::TaskProgress;

/// Everything a unit page shows, found in one pass over all plans: (plan, entry) indexes.
#[derive(Debug, Default)]
pub struct Mentions {
    pub plans: Vec<usize>,
    pub targets: Vec<(usize, usize)>,
    pub tasks: Vec<(usize, usize)>,
    pub lines: Vec<(usize, usize)>,
}

/// Rows of one resource by a key: which rows a page's table shows.
#[derive(Debug, Default)]
pub struct RowIndex {
    rows: HashMap<String, Vec<usize>>,
}

impl RowIndex {
    fn add(&mut self, key: &str, row: usize) {
        let v = self.rows.entry(key.to_string()).or_default();
        if v.last() != Some(&row) {
            v.push(row);
        }
    }

    /// The rows under `key`, in table order.
    pub fn get(&self, key: &str) -> &[usize] {
        self.rows.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The derived data of a site.
pub struct Derived<'s> {
    pub site: &'s Site,
    /// Every task's judged status, in content order (plans in order, their tasks in order).
    pub judged: Vec<TaskProgress<'s>>,
    /// Index in `judged` of each task, by task id.
    judged_by_task: HashMap<&'s str, usize>,
    /// The range of `judged` that belongs to each plan, by plan id.
    judged_by_plan: HashMap<&'s str, std::ops::Range<usize>>,
    /// The eight tables of the data package.
    pub resources: Vec<Resource>,
    /// Per resource (same order as `resources`): its rows by plan id.
    by_plan: Vec<RowIndex>,
    /// Per resource: its rows by the unit they name (as lead, coordinating body, agency or place).
    by_unit: Vec<RowIndex>,
    /// `target-values` rows by target id; `progress` rows by report id.
    pub values_by_target: RowIndex,
    pub progress_by_report: RowIndex,
    /// What mentions each unit.
    pub mentions: HashMap<&'s str, Mentions>,
    /// The latest progress report (by as-of date, then id).
    pub latest_report: Option<&'s Report>,
    /// Where each target is: (plan index, target index), by target id.
    pub targets_by_id: HashMap<&'s str, (usize, usize)>,
    /// Reports by id.
    pub reports_by_id: HashMap<&'s str, &'s Report>,
    /// The plans and reports whose figures a document is the source of, by document id.
    pub citing: HashMap<&'s str, (Vec<&'s crate::model::Plan>, Vec<&'s Report>)>,
    /// Whether the site has a place finder (some current province has current communes).
    pub has_places: bool,
    /// The year every target is due by, when they all share one (pages then say "đến hết năm
    /// 2025"; otherwise each target states its own).
    pub common_horizon: Option<i32>,
    /// Where each budget line is: (plan index, line index), by line id.
    pub lines_by_id: HashMap<&'s str, (usize, usize)>,
    /// The lines whose `same_as` names a line, by the named line's id.
    pub same_as_of: HashMap<&'s str, Vec<(usize, usize)>>,
    /// What changed at each report since the previous report on the same plan, indexed by
    /// report, plan and unit.
    pub changes: crate::changes::Changes<'s>,
    /// The A–Z lists of units, plans and targets, sorted once for all their pages.
    pub az: crate::search::AzLists,
    /// Every chart the site draws, with its id and the pages it appears on.
    pub charts: crate::charts::catalog::Catalog,
    /// When each page's content last changed, the corrections by item, and the change log.
    pub updates: crate::updates::Updates<'s>,
}

impl<'s> Derived<'s> {
    pub fn of(site: &'s Site) -> Result<Derived<'s>> {
        let judged = crate::progress::judge(site);
        let judged_by_task = judged
            .iter()
            .enumerate()
            .map(|(i, t)| (t.task.id.as_str(), i))
            .collect();
        let mut judged_by_plan: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
        for (i, t) in judged.iter().enumerate() {
            judged_by_plan
                .entry(t.task.plan.as_str())
                .and_modify(|r| r.end = i + 1)
                .or_insert(i..i + 1);
        }
        let resources = crate::opendata::resources::all(site, &judged)?;
        let mut by_plan = Vec::new();
        let mut by_unit = Vec::new();
        let mut values_by_target = RowIndex::default();
        let mut progress_by_report = RowIndex::default();
        for r in &resources {
            let col = |name: &str| r.fields.iter().position(|f| f.name == name);
            let mut plans = RowIndex::default();
            let mut units = RowIndex::default();
            let plan_col = col("plan_id");
            let unit_cols: Vec<usize> = match r.name {
                "targets" | "tasks" => ["lead_id", "coordinating_ids"]
                    .iter()
                    .filter_map(|c| col(c))
                    .collect(),
                "budget-lines" => ["agency_id", "place_id"]
                    .iter()
                    .filter_map(|c| col(c))
                    .collect(),
                _ => Vec::new(),
            };
            let parts_col = col("has_parts");
            for (i, row) in r.rows.iter().enumerate() {
                if let Some(c) = plan_col {
                    plans.add(&row[c], i);
                }
                // A line split into parts is counted through its parts.
                let is_split = parts_col.is_some_and(|c| row[c] == "true");
                if !is_split {
                    for &c in &unit_cols {
                        for u in row[c].split(';').filter(|u| !u.is_empty()) {
                            units.add(u, i);
                        }
                    }
                }
                match r.name {
                    "target-values" => {
                        if let Some(c) = col("value_id") {
                            // `<target>-gt-<n>`: the target is everything before the last `-gt-`.
                            if let Some((target, _)) = row[c].rsplit_once("-gt-") {
                                values_by_target.add(target, i);
                            }
                        }
                    }
                    "progress" => {
                        if let Some(c) = col("report_id") {
                            progress_by_report.add(&row[c], i);
                        }
                    }
                    _ => {}
                }
            }
            by_plan.push(plans);
            by_unit.push(units);
        }
        let latest_report = site
            .reports
            .iter()
            .max_by(|a, b| (a.as_of, &a.id).cmp(&(b.as_of, &b.id)));
        let targets_by_id = site
            .plans
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| {
                p.targets
                    .iter()
                    .enumerate()
                    .map(move |(ti, t)| (t.id.as_str(), (pi, ti)))
            })
            .collect();
        let mut citing: HashMap<&str, (Vec<&crate::model::Plan>, Vec<&Report>)> = HashMap::new();
        for p in &site.plans {
            if let Some(d) = p.source_document() {
                citing.entry(d).or_default().0.push(p);
            }
        }
        for r in &site.reports {
            citing.entry(r.document.as_str()).or_default().1.push(r);
        }
        let mut lines_by_id = HashMap::new();
        let mut same_as_of: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (pi, p) in site.plans.iter().enumerate() {
            for (li, l) in p.budget.iter().flat_map(|b| b.lines.iter().enumerate()) {
                lines_by_id.insert(l.id.as_str(), (pi, li));
                if let Some(s) = &l.same_as {
                    same_as_of.entry(s.as_str()).or_default().push((pi, li));
                }
            }
        }
        let mentions = mentions(site);
        let changes = crate::changes::Changes::of(site);
        let updates = crate::updates::Updates::of(site, &changes, &mentions);
        Ok(Derived {
            site,
            updates,
            targets_by_id,
            reports_by_id: site.reports.iter().map(|r| (r.id.as_str(), r)).collect(),
            citing,
            judged,
            judged_by_task,
            judged_by_plan,
            resources,
            by_plan,
            by_unit,
            values_by_target,
            progress_by_report,
            mentions,
            latest_report,
            has_places: !crate::places::provinces(site).is_empty(),
            lines_by_id,
            same_as_of,
            changes,
            az: crate::search::AzLists::of(site),
            charts: crate::charts::catalog::Catalog::of(site),
            common_horizon: {
                let mut years = site.plans.iter().flat_map(|p| &p.targets).map(|t| {
                    t.goals
                        .iter()
                        .filter_map(|g| g.year)
                        .max()
                        .or(t.horizon)
                        .max(t.horizon)
                });
                match years.next() {
                    Some(Some(first)) if years.all(|y| y == Some(first)) => Some(first),
                    _ => None,
                }
            },
        })
    }

    /// The judged tasks of a plan, in order.
    pub fn judged_of_plan(&self, plan: &str) -> &[TaskProgress<'s>] {
        match self.judged_by_plan.get(plan) {
            Some(r) => &self.judged[r.clone()],
            None => &[],
        }
    }

    pub fn judged_task(&self, task: &str) -> Option<&TaskProgress<'s>> {
        self.judged_by_task.get(task).map(|&i| &self.judged[i])
    }

    pub fn resource(&self, name: &str) -> Option<(usize, &Resource)> {
        self.resources
            .iter()
            .enumerate()
            .find(|(_, r)| r.name == name)
    }

    /// The rows of resource `name` that belong to plan `plan`.
    pub fn rows_of_plan(&self, name: &str, plan: &str) -> &[usize] {
        self.resource(name)
            .map(|(i, _)| self.by_plan[i].get(plan))
            .unwrap_or(&[])
    }

    /// The rows of resource `name` that name unit `unit` (as lead, coordinating body, agency or
    /// place; for budget lines, leaves only).
    pub fn rows_of_unit(&self, name: &str, unit: &str) -> &[usize] {
        self.resource(name)
            .map(|(i, _)| self.by_unit[i].get(unit))
            .unwrap_or(&[])
    }
}

/// Everything that mentions each unit, gathered in one pass over all plans so that unit pages
/// cost O(mentions), not O(units × plans).
fn mentions(site: &Site) -> HashMap<&str, Mentions> {
    use std::collections::HashSet;
    let mut m: HashMap<&str, Mentions> = HashMap::new();
    for (pi, p) in site.plans.iter().enumerate() {
        m.entry(p.issuer.as_str()).or_default().plans.push(pi);
        for (ti, t) in p.targets.iter().enumerate() {
            let mut seen = HashSet::new();
            for u in t.lead.iter().chain(&t.coordinating) {
                if seen.insert(u.as_str()) {
                    m.entry(u.as_str()).or_default().targets.push((pi, ti));
                }
            }
        }
        for (ti, t) in p.tasks.iter().enumerate() {
            let mut seen = HashSet::new();
            for u in t.lead.iter().chain(&t.coordinating) {
                if seen.insert(u.as_str()) {
                    m.entry(u.as_str()).or_default().tasks.push((pi, ti));
                }
            }
        }
        if let Some(b) = &p.budget {
            for (li, l) in b.lines.iter().enumerate().filter(|(_, l)| l.is_leaf()) {
                let body_unit = l.body.map(|i| b.bodies[i].unit.as_str());
                let mut seen = HashSet::new();
                for u in [Some(l.lead.as_str()), l.place.as_deref(), body_unit]
                    .into_iter()
                    .flatten()
                {
                    if seen.insert(u) {
                        m.entry(u).or_default().lines.push((pi, li));
                    }
                }
            }
        }
    }
    m
}
