//! When each page's content last changed, and the site's change log — from the dates the
//! content carries, never the clock of the machine that builds it (the same content always
//! gives the same pages).
//!
//! The rules, which nothing here goes beyond:
//! - A *report* is dated by the later of its as-of date and its document's date (the day it was
//!   issued, when documents.toml says).
//! - A *plan* changed last at the latest of: its issue date, its document's date, the dates of
//!   the reports that speak of it ([`crate::changes`]) and the dates of corrections to its
//!   targets, budget lines and tasks. A target page follows its plan.
//! - A *unit* changed last when the latest of the plans holding something of it did (as issuer,
//!   lead, coordinating body, agency or place).
//! - A *source document* page is dated by its document.
//! - Every other page (home, lists, open data, the change log) shows many things: it takes the
//!   latest date of the whole site.
//! - Where no date is known, none is shown: pages say so instead.
//!
//! Computed once per build in [`crate::derive`].

use std::collections::HashMap;

use crate::changes::Changes;
use crate::dates::PartialDate;
use crate::derive::Mentions;
use crate::model::{Correction, Plan, Report, Site};
use crate::routes::Route;

/// One entry of the change log.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'s> {
    /// A plan published (dated by its issue date, else its document's date).
    Plan(&'s Plan),
    /// A progress report published.
    Report(&'s Report),
    /// A figure corrected.
    Correction(&'s Correction),
}

impl Entry<'_> {
    /// The order entries of one day are shown in: plans, reports, corrections.
    fn rank(&self) -> u8 {
        match self {
            Entry::Plan(_) => 0,
            Entry::Report(_) => 1,
            Entry::Correction(_) => 2,
        }
    }
}

/// The entries of one update date.
#[derive(Debug)]
pub struct Day<'s> {
    /// `None`: the content gives no date for these entries.
    pub date: Option<PartialDate>,
    pub entries: Vec<Entry<'s>>,
}

/// Last-updated dates and the change log of a site.
#[derive(Debug, Default)]
pub struct Updates<'s> {
    plans: HashMap<&'s str, PartialDate>,
    reports: HashMap<&'s str, PartialDate>,
    documents: HashMap<&'s str, PartialDate>,
    units: HashMap<&'s str, PartialDate>,
    targets: HashMap<&'s str, &'s str>,
    /// The latest date of the whole site.
    pub site: Option<PartialDate>,
    /// Corrections by the id of the item they correct, in content order.
    corrections: HashMap<&'s str, Vec<&'s Correction>>,
    /// The change log, newest day first; entries the content gives no date for come last.
    pub log: Vec<Day<'s>>,
}

impl<'s> Updates<'s> {
    pub fn of(
        site: &'s Site,
        changes: &Changes<'s>,
        mentions: &HashMap<&'s str, Mentions>,
    ) -> Updates<'s> {
        let mut u = Updates::default();
        let later = |a: Option<PartialDate>, b: Option<PartialDate>| a.max(b);
        for d in &site.documents {
            if let Some(date) = d.date {
                u.documents.insert(&d.id, date);
            }
        }
        for r in &site.reports {
            let issued = u.documents.get(r.document.as_str()).copied();
            u.reports
                .insert(&r.id, later(Some(r.as_of), issued).unwrap_or(r.as_of));
        }
        for c in &site.corrections {
            u.corrections.entry(&c.item).or_default().push(c);
        }
        let mut corrected: HashMap<&str, PartialDate> = HashMap::new();
        for c in &site.corrections {
            let e = corrected.entry(&c.plan).or_insert(c.date);
            *e = (*e).max(c.date);
        }
        let mut log: HashMap<Option<PartialDate>, Vec<Entry>> = HashMap::new();
        for p in &site.plans {
            let published = p.issued.or_else(|| {
                p.source_document()
                    .and_then(|d| u.documents.get(d).copied())
            });
            log.entry(published).or_default().push(Entry::Plan(p));
            let mut date = later(
                published,
                p.source_document()
                    .and_then(|d| u.documents.get(d).copied()),
            );
            for c in changes.of_plan(&p.id) {
                date = later(date, u.reports.get(c.report.id.as_str()).copied());
            }
            date = later(date, corrected.get(p.id.as_str()).copied());
            if let Some(date) = date {
                u.plans.insert(&p.id, date);
            }
            for t in &p.targets {
                u.targets.insert(&t.id, &p.id);
            }
        }
        for r in &site.reports {
            log.entry(u.reports.get(r.id.as_str()).copied())
                .or_default()
                .push(Entry::Report(r));
        }
        for c in &site.corrections {
            log.entry(Some(c.date))
                .or_default()
                .push(Entry::Correction(c));
        }
        for (unit, m) in mentions {
            let plans = m
                .plans
                .iter()
                .chain(m.targets.iter().map(|(p, _)| p))
                .chain(m.tasks.iter().map(|(p, _)| p))
                .chain(m.lines.iter().map(|(p, _)| p));
            let date = plans
                .filter_map(|&pi| u.plans.get(site.plans[pi].id.as_str()).copied())
                .max();
            if let Some(date) = date {
                u.units.insert(unit, date);
            }
        }
        u.site = u
            .plans
            .values()
            .chain(u.reports.values())
            .chain(u.documents.values())
            .chain(site.corrections.iter().map(|c| &c.date))
            .copied()
            .max();
        let mut days: Vec<Day> = log
            .into_iter()
            .map(|(date, mut entries)| {
                entries.sort_by(|a, b| {
                    a.rank().cmp(&b.rank()).then_with(|| match (a, b) {
                        (Entry::Plan(x), Entry::Plan(y)) => x.id.cmp(&y.id),
                        (Entry::Report(x), Entry::Report(y)) => x.id.cmp(&y.id),
                        _ => std::cmp::Ordering::Equal, // corrections keep content order
                    })
                });
                Day { date, entries }
            })
            .collect();
        // Newest first; undated last (`None` sorts below every date).
        days.sort_by(|a, b| b.date.cmp(&a.date));
        if days.first().is_some_and(|d| d.date.is_none()) {
            days.rotate_left(1);
        }
        u.log = days;
        u
    }

    /// When the content of the page at `route` last changed, if the content says.
    pub fn of_route(&self, route: &Route) -> Option<PartialDate> {
        match route {
            Route::Plan(id, _) => self.plans.get(id.as_str()).copied(),
            Route::Target(id) => self
                .targets
                .get(id.as_str())
                .and_then(|p| self.plans.get(p))
                .copied(),
            Route::Unit(id) => self.units.get(id.as_str()).copied(),
            Route::Report(id) => self.reports.get(id.as_str()).copied(),
            Route::Source(id) | Route::SourcePart(id, _) => {
                self.documents.get(id.as_str()).copied()
            }
            _ => self.site,
        }
    }

    /// The date a report counts from in the change log.
    pub fn of_report(&self, id: &str) -> Option<PartialDate> {
        self.reports.get(id).copied()
    }

    /// The corrections of an item (target, budget line or task), in content order.
    pub fn corrections_of(&self, item: &str) -> &[&'s Correction] {
        self.corrections.get(item).map(Vec::as_slice).unwrap_or(&[])
    }
}
