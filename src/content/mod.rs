//! Reading content: `load` parses files, `resolve` checks them into the [`crate::model::Site`].

pub mod load;
pub mod raw;
pub mod resolve;

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::model::Site;

/// Loads and checks a content directory. The site is returned whenever it could be modelled;
/// callers must look at the diagnostics before publishing it.
pub fn read_site(root: &Path) -> (Option<Site>, Diagnostics) {
    let clock = crate::timings::Clock::start();
    let (raw, mut diags) = load::load(root);
    clock.lap("load");
    let site = resolve::resolve(&raw, &mut diags);
    clock.lap("resolve");
    drop(raw);
    if let Some(site) = &site {
        crate::budget::check_declared_totals(site, &mut diags);
    }
    diags.sort();
    (site, diags)
}
