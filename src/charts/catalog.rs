//! Which charts a site draws, each with its id and the pages it appears on. The id names the
//! chart everywhere — the `<figure id>` anchor on its host pages, its own page
//! (`/bieu-do/<id>/`), its embed page, its SVG file and its table's downloads — so it is given
//! here, once, from what the chart shows: `theo-ke-hoach` for the budget by plan, else the plan id
//! and the kind (`kh-223-ubnd-2024-theo-huyen`, `…-chi-tieu`, `…-chi-tieu-tbps`, `…-tien-do`).
//! The ids stay the same for the same content, and are unique site-wide: an id already taken
//! gets `-2`, `-3`….
//!
//! Whether a chart exists is decided by the same predicates the figures use (a breakdown
//! [`Breakdown::shows`] a plan, a group of targets [`TargetGroup::says_something`]), so the
//! route table lists exactly the charts that pages draw. The catalog is made from the model
//! alone, in one pass over the plans, without drawing anything.

use std::collections::{HashMap, HashSet};

use crate::model::{Goal, Measure, Plan, Site, Target, TargetValue, ValueKind};
use crate::routes::{BREAKDOWN_PLANS_PER_PAGE, Breakdown, List, PlanSection, Route};

/// What a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// The budget of every plan, side by side (the budget page).
    BudgetByPlan,
    /// A plan's budget by body (its annex's groups).
    Bodies,
    /// A plan's budget by one of the breakdowns that have their own page.
    Breakdown(Breakdown),
    /// A plan's numeric targets of one unit of measure: group `n` of [`target_groups`].
    Targets(usize),
    /// A plan's task deadlines and statuses (the progress page, on sites small enough to show
    /// every task).
    Timeline,
}

/// A chart of the site.
#[derive(Debug, Clone)]
pub struct ChartEntry {
    pub id: String,
    /// The plan it is about (index in `site.plans`); `None` for site-wide charts.
    pub plan: Option<usize>,
    pub kind: ChartKind,
    /// The pages that show it, in the order pages are listed; the chart is at `#<id>` on each.
    pub hosts: Vec<Route>,
}

/// Every chart of a site, found by id or by what it shows.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<ChartEntry>,
    by_id: HashMap<String, usize>,
    /// The charts of each plan, by plan id.
    by_plan: HashMap<String, Vec<usize>>,
}

/// A plan's numeric targets that share a measure, a unit and a direction: one chart, never two
/// units on one axis.
#[derive(Debug)]
pub struct TargetGroup<'a> {
    pub measure: Measure,
    pub unit: &'a str,
    pub lower_is_better: bool,
    pub targets: Vec<&'a Target>,
}

impl TargetGroup<'_> {
    /// The goals drawn: those with a value or a range.
    pub fn goals(&self) -> impl Iterator<Item = (&Target, &Goal)> {
        self.targets.iter().flat_map(|t| {
            t.goals
                .iter()
                .filter(|g| g.range.is_some() || g.value.is_some())
                .map(move |g| (*t, g))
        })
    }

    /// Whether the chart says anything: a single goal with neither a baseline nor a result, on
    /// a scale made from its own goal, says nothing (the target is still in the tables).
    pub fn says_something(&self) -> bool {
        let mut goals = self.goals();
        match (goals.next(), goals.next()) {
            (None, _) => false,
            (Some(_), Some(_)) => true,
            (Some((t, g)), None) => {
                latest_value(t, g, ValueKind::Baseline).is_some()
                    || latest_value(t, g, ValueKind::Actual).is_some()
            }
        }
    }

    /// The chart's id before it is made unique: `<plan>-chi-tieu` for percentages, else
    /// `<plan>-chi-tieu-<unit>` (or the measure when there is no unit).
    fn base_id(&self, plan: &Plan) -> String {
        if self.measure == Measure::Percent && self.unit == "%" {
            return format!("{}-chi-tieu", plan.id);
        }
        let tag = crate::slug::slugify(self.unit);
        let tag = if tag.is_empty() {
            self.measure.as_str().to_string()
        } else {
            tag
        };
        format!("{}-chi-tieu-{tag}", plan.id)
    }
}

/// A plan's numeric targets grouped by measure, unit and direction, in the order their first
/// target appears.
pub fn target_groups(plan: &Plan) -> Vec<TargetGroup<'_>> {
    let mut groups: Vec<TargetGroup> = Vec::new();
    for t in plan.targets.iter().filter(|t| t.measure.is_numeric()) {
        let same = |g: &&mut TargetGroup| {
            g.measure == t.measure && g.unit == t.unit && g.lower_is_better == t.lower_is_better
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.targets.push(t),
            None => groups.push(TargetGroup {
                measure: t.measure,
                unit: &t.unit,
                lower_is_better: t.lower_is_better,
                targets: vec![t],
            }),
        }
    }
    groups
}

/// The latest value of `kind` stated for a goal's level and subject.
pub fn latest_value<'a>(t: &'a Target, g: &Goal, kind: ValueKind) -> Option<&'a TargetValue> {
    t.values
        .iter()
        .filter(|v| {
            v.kind == kind && v.value.is_some() && v.level == g.level && v.subject == g.subject
        })
        .max_by(|a, b| (a.as_of, a.year).cmp(&(b.as_of, b.year)))
}

/// How many plans the budget page charts when it cannot chart them all.
pub const BUDGET_CHART_LARGEST: usize = 20;

impl Catalog {
    /// The charts of `site`, in a stable order: the budget by plan, then each plan's charts.
    pub fn of(site: &Site) -> Catalog {
        let mut c = Catalog::default();
        let mut taken: HashSet<String> = HashSet::new();
        let headline = crate::budget::headline_plan(site).map(|p| p.id.as_str());
        let targets_in_full = List::Targets.in_full(site);
        let progress_in_full = List::Progress.in_full(site);
        // How many plans each breakdown has shown so far: which of its pages shows the next.
        let mut shown = [0usize; Breakdown::ALL.len()];
        if site.plans.iter().any(|p| p.budget.is_some()) {
            c.add(
                &mut taken,
                "theo-ke-hoach".into(),
                None,
                ChartKind::BudgetByPlan,
                vec![Route::Budget],
            );
        }
        for (pi, p) in site.plans.iter().enumerate() {
            let section = |s: PlanSection| Route::Plan(p.id.clone(), s);
            let on_home = headline == Some(p.id.as_str());
            if let Some(b) = &p.budget {
                if !b.groups.is_empty() {
                    let hosts = vec![section(PlanSection::Overview), section(PlanSection::Budget)];
                    c.add(
                        &mut taken,
                        format!("{}-theo-nhom", p.id),
                        Some((pi, &p.id)),
                        ChartKind::Bodies,
                        hosts,
                    );
                }
                for (bi, bd) in Breakdown::ALL.into_iter().enumerate() {
                    if !bd.shows(site, p) {
                        continue;
                    }
                    let page = List::Breakdown(bd).page(shown[bi] / BREAKDOWN_PLANS_PER_PAGE + 1);
                    shown[bi] += 1;
                    let mut hosts = Vec::new();
                    if on_home && matches!(bd, Breakdown::ByDistrict | Breakdown::ByAgency) {
                        hosts.push(Route::Home);
                    }
                    if bd != Breakdown::ByAgency {
                        hosts.push(section(PlanSection::Overview));
                    }
                    if matches!(bd, Breakdown::ByAgency | Breakdown::BySource) {
                        hosts.push(section(PlanSection::Budget));
                    }
                    hosts.push(page);
                    let id = format!("{}-{}", p.id, bd.segment());
                    c.add(
                        &mut taken,
                        id,
                        Some((pi, &p.id)),
                        ChartKind::Breakdown(bd),
                        hosts,
                    );
                }
            }
            for (gi, g) in target_groups(p).iter().enumerate() {
                if !g.says_something() {
                    continue;
                }
                let mut hosts = vec![
                    section(PlanSection::Overview),
                    section(PlanSection::Targets),
                ];
                if targets_in_full {
                    hosts.push(Route::Targets);
                }
                c.add(
                    &mut taken,
                    g.base_id(p),
                    Some((pi, &p.id)),
                    ChartKind::Targets(gi),
                    hosts,
                );
            }
            let dated = p
                .tasks
                .iter()
                .any(|t| t.timeframe.and_then(|f| f.deadline()).is_some());
            if progress_in_full && dated {
                let id = format!("{}-tien-do", p.id);
                c.add(
                    &mut taken,
                    id,
                    Some((pi, &p.id)),
                    ChartKind::Timeline,
                    vec![Route::Progress],
                );
            }
        }
        c
    }

    fn add(
        &mut self,
        taken: &mut HashSet<String>,
        base: String,
        plan: Option<(usize, &str)>,
        kind: ChartKind,
        hosts: Vec<Route>,
    ) {
        let (plan, plan_id) = (plan.map(|p| p.0), plan.map(|p| p.1));
        let id = if taken.insert(base.clone()) {
            base
        } else {
            (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|id| taken.insert(id.clone()))
                .unwrap_or_default()
        };
        self.by_id.insert(id.clone(), self.entries.len());
        if let Some(p) = plan_id {
            self.by_plan
                .entry(p.to_string())
                .or_default()
                .push(self.entries.len());
        }
        self.entries.push(ChartEntry {
            id,
            plan,
            kind,
            hosts,
        });
    }

    /// Every chart, in a stable order.
    pub fn entries(&self) -> &[ChartEntry] {
        &self.entries
    }

    /// The chart with this id.
    pub fn get(&self, id: &str) -> Option<&ChartEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The id of the chart that shows `kind` for plan `plan` (by id; `None` for site-wide
    /// charts).
    pub fn id_of(&self, plan: Option<&str>, kind: ChartKind) -> Option<&str> {
        let found = match plan {
            Some(p) => self
                .by_plan
                .get(p)?
                .iter()
                .map(|&i| &self.entries[i])
                .find(|e| e.kind == kind),
            None => self
                .entries
                .iter()
                .find(|e| e.plan.is_none() && e.kind == kind),
        };
        found.map(|e| e.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_id_gets_the_next_free_number() {
        let mut c = Catalog::default();
        let mut taken = HashSet::new();
        for _ in 0..3 {
            c.add(
                &mut taken,
                "a-theo-nguon".into(),
                None,
                ChartKind::Timeline,
                vec![],
            );
        }
        let ids: Vec<&str> = c.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a-theo-nguon", "a-theo-nguon-2", "a-theo-nguon-3"]);
        assert_eq!(
            c.get("a-theo-nguon-2").map(|e| e.id.as_str()),
            Some("a-theo-nguon-2")
        );
    }
}
