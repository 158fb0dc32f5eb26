//! Where budgets are summed: totals per body, group and plan, declared-versus-computed checks,
//! and the breakdowns by district, agency and funding source that pages and data files publish.
//! Only leaf lines carry money (an item split into parts is counted through its parts); lines
//! without an amount are counted as unknown, never as 0.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Budget, BudgetLine, Funding, Plan, Site};
use crate::vn_number::format;

/// A sum of leaf lines: the money known, and how many lines had no amount.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Sum {
    pub amount: Decimal,
    pub lines: usize,
    pub unknown: usize,
}

impl Sum {
    fn add(&mut self, line: &BudgetLine) {
        self.lines += 1;
        match line.amount {
            Some(a) => self.amount += a,
            None => self.unknown += 1,
        }
    }
}

/// The scope id of the totals a plan declares for one funding source (`<plan>-kp-nguon-ctx-nst`).
pub fn funding_scope_id(plan: &str, funding: Funding) -> String {
    format!("{plan}-kp-nguon-{}", crate::slug::slugify(&funding.code()))
}

/// A total the document declares, next to what its items add up to.
#[derive(Debug, Clone, Serialize)]
pub struct TotalCheck {
    /// Id of what is totalled: the plan, a group, a body, or `<plan>-kp-nguon-ctx-nst` for a
    /// funding source.
    pub scope_id: String,
    pub label: String,
    pub declared: Decimal,
    pub computed: Decimal,
    /// `computed − declared`: positive when the items add up to more than the document says.
    pub difference: Decimal,
    pub unknown_lines: usize,
    pub source: crate::model::SourceRef,
}

impl Budget {
    pub fn leaves(&self) -> impl Iterator<Item = &BudgetLine> {
        self.lines.iter().filter(|l| l.is_leaf())
    }

    pub fn total(&self) -> Sum {
        let mut s = Sum::default();
        self.leaves().for_each(|l| s.add(l));
        s
    }

    /// Sums of leaves grouped by a key, in key order.
    pub fn sum_by<K: Ord>(&self, key: impl Fn(&BudgetLine) -> Option<K>) -> BTreeMap<K, Sum> {
        let mut out: BTreeMap<K, Sum> = BTreeMap::new();
        for l in self.leaves() {
            if let Some(k) = key(l) {
                out.entry(k).or_default().add(l);
            }
        }
        out
    }

    pub fn body_sum(&self, body: usize) -> Sum {
        let mut s = Sum::default();
        self.leaves()
            .filter(|l| l.body == Some(body))
            .for_each(|l| s.add(l));
        s
    }

    pub fn group_sum(&self, group: usize) -> Sum {
        let mut s = Sum::default();
        self.leaves()
            .filter(|l| l.group == Some(group))
            .for_each(|l| s.add(l));
        s
    }

    pub fn funding_sum(&self, funding: Funding) -> Sum {
        let mut s = Sum::default();
        self.leaves()
            .filter(|l| l.funding.is_some_and(|f| matches_funding(f, funding)))
            .for_each(|l| s.add(l));
        s
    }
}

/// The territories a plan's money can be broken down by: the districts of the three-level local
/// government (until 1 July 2025), the communes, wards and special zones, or the provinces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceLevel {
    District,
    Commune,
    Province,
}

impl PlaceLevel {
    /// The territory of `level` a line is spent in, if its place says so: the place itself for
    /// districts and communes, the province it lies in for provinces.
    pub fn of<'s>(self, site: &'s Site, line: &BudgetLine) -> Option<&'s crate::model::Unit> {
        let place = line.place.as_deref()?;
        match self {
            PlaceLevel::District => site.unit(place).filter(|u| u.kind.is_district_level()),
            PlaceLevel::Commune => site.unit(place).filter(|u| u.kind.is_commune_level()),
            PlaceLevel::Province => site.province_of(place),
        }
    }

    /// Sums of a budget by territory of this level, by unit id.
    pub fn sums(self, site: &Site, b: &Budget) -> BTreeMap<String, Sum> {
        b.sum_by(|l| self.of(site, l).map(|u| u.id.clone()))
    }

    /// Whether a breakdown by this level says something about `b`: for districts, any line in
    /// one (the pre-2025 plans' view); for communes and provinces, lines in at least two.
    pub fn speaks_of(self, site: &Site, b: &Budget) -> bool {
        let mut seen: Option<&str> = None;
        for l in b.leaves() {
            if let Some(u) = self.of(site, l) {
                match (self, seen) {
                    (PlaceLevel::District, _) => return true,
                    (_, Some(first)) if first != u.id => return true,
                    _ => seen = Some(&u.id),
                }
            }
        }
        false
    }
}

/// The plan the home page leads with ("Dự kiến chi bao nhiêu?"): among published plans with a
/// budget, a provincial one first, then the largest sum of items. The home page and the list of
/// pages each chart appears on ask the same question here.
pub fn headline_plan(site: &Site) -> Option<&Plan> {
    use crate::model::{PlanLevel, PlanStatus};
    site.plans
        .iter()
        .filter(|p| p.status == PlanStatus::Published && p.budget.is_some())
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
}

/// A declared total "CTX, NST" covers lines with exactly that funding; a declared total for a
/// budget alone ("NSNN") covers every line of that budget.
fn matches_funding(line: Funding, declared: Funding) -> bool {
    (declared.spending.is_none() || line.spending == declared.spending)
        && (declared.budget.is_none() || line.budget == declared.budget)
}

/// Every declared total of a plan's budget with the sum of its items, in document order:
/// bodies, then groups, then plan-level totals.
pub fn total_checks(plan: &Plan) -> Vec<TotalCheck> {
    let Some(b) = &plan.budget else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |scope_id: String,
                    label: String,
                    declared: Decimal,
                    sum: Sum,
                    source: &crate::model::SourceRef| {
        out.push(TotalCheck {
            scope_id,
            label,
            declared,
            computed: sum.amount,
            difference: sum.amount - declared,
            unknown_lines: sum.unknown,
            source: source.clone(),
        })
    };
    for (i, body) in b.bodies.iter().enumerate() {
        if let Some(d) = body.declared_total {
            push(
                body.id.clone(),
                format!("{} {}", body.number, body.title),
                d,
                b.body_sum(i),
                &body.source,
            );
        }
    }
    for (i, g) in b.groups.iter().enumerate() {
        if let Some(d) = g.declared_total {
            push(
                g.id.clone(),
                format!("{} {}", g.number, g.title),
                d,
                b.group_sum(i),
                &g.source,
            );
        }
    }
    for d in &b.declared {
        match d.funding {
            Some(f) => push(
                funding_scope_id(&plan.id, f),
                d.label.clone(),
                d.amount,
                b.funding_sum(f),
                &d.source,
            ),
            None => push(
                plan.id.clone(),
                d.label.clone(),
                d.amount,
                b.total(),
                &d.source,
            ),
        }
    }
    out
}

/// Declared totals that differ from their items are warnings: the real documents have them, and
/// both figures are published. `check --strict` makes them errors.
pub fn check_declared_totals(site: &Site, diags: &mut Diagnostics) {
    for plan in &site.plans {
        for c in total_checks(plan) {
            if c.difference.is_zero() {
                continue;
            }
            let unknown = if c.unknown_lines > 0 {
                format!(" ({} dòng không ghi số tiền)", c.unknown_lines)
            } else {
                String::new()
            };
            let direction = if c.difference.is_sign_positive() {
                "lớn hơn"
            } else {
                "nhỏ hơn"
            };
            diags.push(
                Diagnostic::warning(
                    "declared-total-differs",
                    format!(
                        "{}: tổng văn bản ghi {} nhưng các mục cộng lại {}{unknown} — {} {} triệu đồng",
                        c.label.trim(),
                        format(c.declared),
                        format(c.computed),
                        direction,
                        format(c.difference.abs())
                    ),
                )
                .at_opt(site.document(&c.source.document).and_then(|d| d.location(c.source.line)))
                .hint(format!(
                    "cả hai con số và chênh lệch sẽ được công bố; nguồn: {} dòng {}. Không sửa số liệu gốc cho khớp",
                    c.source.document, c.source.line
                )),
            );
        }
    }
}
