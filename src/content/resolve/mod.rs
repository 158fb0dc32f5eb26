//! Stage 2 of the pipeline: turn raw content into the checked [`Site`] model. Every reference is
//! looked up by id (hash maps, no quadratic passes), every amount is read exactly, and every
//! problem is collected with its location. Plans are resolved in parallel.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use rayon::prelude::*;
use rust_decimal::Decimal;
use toml::Spanned;

use super::load::{In, RawBudget, RawContent, RawItem, RawPlan, RawReport};
use super::raw::{self, RawNumber};
use crate::dates::{PartialDate, Timeframe};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::*;
use crate::slug::{is_valid_id, slugify};
use crate::source::SourceFile;
use crate::suggest::nearest;
use crate::vn_number;

mod budget;
mod corrections;
mod documents;
mod ids;
mod links;
mod plans;
mod primitives;
mod reports;
mod site;
mod targets;
mod tasks;
#[cfg(test)]
mod testkit;
mod units;

use self::budget::*;
use self::corrections::*;
use self::documents::*;
use self::ids::*;
use self::links::*;
use self::plans::*;
use self::primitives::*;
use self::reports::*;
use self::site::*;
use self::targets::*;
use self::tasks::*;
use self::units::*;

/// Lookups shared (read-only) by the parallel resolution of plans.
pub(super) struct Registry<'a> {
    units: HashMap<&'a str, &'a raw::Unit>,
    areas: HashSet<&'a str>,
    plans: HashSet<&'a str>,
    /// A units file did not parse (already reported): unknown units are not reported again.
    units_incomplete: bool,
    /// Plans whose `plan.md` did not parse (already reported).
    broken_plans: &'a std::collections::BTreeSet<String>,
    documents: HashMap<String, Document>,
    /// Documents whose text file is missing (already reported): lines cited in them cannot be
    /// checked, and are not reported a second time.
    missing_texts: HashSet<String>,
}

impl Registry<'_> {
    /// Whether `id` (a task or target id) belongs to a plan that could not be read: such
    /// references are not reported a second time.
    fn in_broken_plan(&self, id: &str) -> bool {
        self.broken_plans.iter().any(|p| {
            id.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('-'))
        })
    }
}

impl Registry<'_> {
    fn unit_hint(&self, id: &str) -> String {
        match nearest(id, self.units.keys().copied()) {
            Some(s) => format!(
                "có phải `{s}` ({})? Danh sách đơn vị nằm trong content/units/",
                self.units[s].name
            ),
            None => "thêm đơn vị vào một tệp trong content/units/ hoặc sửa lại mã".into(),
        }
    }
}

/// Builds the site model. Returns `None` only when the content is too broken to model at all
/// (no `site.toml`); otherwise returns the model of everything that could be read, even if
/// there are errors (the caller refuses to build when there are).

pub fn resolve(raw: &RawContent, diags: &mut Diagnostics) -> Option<Site> {
    let mut site = Site::default();

    // A missing `site.toml` is reported by the loader, before it reads anything else.
    if let Some(s) = &raw.site {
        site.config = Some(site_config(s, diags));
    }

    resolve_areas(raw, &mut site, diags);
    let (documents, missing_texts) = resolve_documents(raw, diags);
    let unit_files = unit_entries(raw, diags);
    let plan_ids = plan_ids(raw, diags);
    let registry = Registry {
        units: unit_files.iter().map(|(k, u)| (*k, &u.value)).collect(),
        areas: raw
            .areas
            .iter()
            .map(|a| a.value.id.get_ref().as_str())
            .collect(),
        plans: plan_ids,
        broken_plans: &raw.broken_plans,
        units_incomplete: raw.units_incomplete,
        documents,
        missing_texts,
    };

    if let Some(cfg) = &raw.site {
        for r in [&cfg.value.publisher, &cfg.value.province]
            .into_iter()
            .flatten()
        {
            check_unit(&registry, &cfg.file, r, diags);
        }
    }
    for d in &raw.documents {
        if let Some(i) = &d.value.issuer {
            check_unit(&registry, &d.file, i, diags);
        }
    }

    resolve_units(raw, &registry, &unit_files, &mut site, diags);

    // Plans, in parallel; then the ids their entries claim, site-wide, in content order.
    let results: Vec<(Option<Plan>, Vec<Claim>, Vec<Diagnostic>)> = raw
        .plans
        .par_iter()
        .map(|p| {
            let mut ds = Vec::new();
            let mut claims = Vec::new();
            let plan = resolve_plan(&registry, p, &mut claims, &mut ds);
            (plan, claims, ds)
        })
        .collect();
    let mut claims = Vec::new();
    for (plan, plan_claims, ds) in results {
        diags.extend(ds);
        claims.extend(plan_claims);
        if let Some(plan) = plan {
            site.plan_index.insert(plan.id.clone(), site.plans.len());
            site.plans.push(plan);
        }
    }
    check_global_ids(&claims, diags);
    link_plans(&mut site);
    check_same_items(raw, &site, diags);

    resolve_reports(raw, &registry, &mut site, diags);
    resolve_corrections(raw, &registry, &mut site, diags);

    let mut docs: Vec<Document> = registry.documents.into_values().collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    site.document_index = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    site.documents = docs;

    check_narratives(raw, &site, diags);
    site.config.as_ref()?;
    Some(site)
}
