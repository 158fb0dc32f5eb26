//! What the package says about itself: where its files live, their URIs, and the dates it is
//! issued and modified — read from the content (document, plan and report dates), never from the
//! clock, so that the same content gives the same bytes.

use crate::dates::PartialDate;
use crate::model::Site;

/// Directory of the package, relative to the site root.
pub const DIR: &str = "data";
/// Directory of the Excel-friendly CSV copies (UTF-8 with BOM, formulas defused).
pub const EXCEL_DIR: &str = "data/excel";
pub const DATAPACKAGE: &str = "data/datapackage.json";
pub const CATALOG_JSONLD: &str = "data/catalog.jsonld";
pub const CATALOG_TTL: &str = "data/catalog.ttl";
pub const WORKBOOK: &str = "data/minhbach.xlsx";
/// The page that presents the package (the DCAT access URL).
pub fn page() -> String {
    crate::routes::Route::OpenData.path()
}

/// The site's base URL without a trailing slash.
pub fn base(site: &Site) -> String {
    site.config().base_url.trim_end_matches('/').to_string()
}

pub fn csv_path(resource: &str) -> String {
    format!("{DIR}/{resource}.csv")
}

pub fn json_path(resource: &str) -> String {
    format!("{DIR}/{resource}.json")
}

pub fn excel_csv_path(resource: &str) -> String {
    format!("{EXCEL_DIR}/{resource}.csv")
}

/// Absolute URL of a file of the site.
pub fn url(site: &Site, path: &str) -> String {
    format!("{}/{}", base(site), path)
}

/// Every date the content states about its documents: document dates, plan issue dates and
/// report as-of dates.
fn content_dates(site: &Site) -> impl Iterator<Item = PartialDate> + '_ {
    site.documents
        .iter()
        .filter_map(|d| d.date)
        .chain(site.plans.iter().filter_map(|p| p.issued))
        .chain(site.reports.iter().map(|r| r.as_of))
}

/// The issue date of the package: the earliest date of the content (by the first day it can
/// mean; at equal days the more precise date).
pub fn issued(site: &Site) -> Option<PartialDate> {
    content_dates(site).min_by_key(|d| (d.first_day(), std::cmp::Reverse(precision(d))))
}

/// The modification date of the package: the latest date of the content (by the last day it can
/// mean; at equal days the more precise date).
pub fn modified(site: &Site) -> Option<PartialDate> {
    content_dates(site).max_by_key(|d| (d.last_day(), precision(d)))
}

fn precision(d: &PartialDate) -> u8 {
    match (d.month, d.day) {
        (Some(_), Some(_)) => 2,
        (Some(_), None) => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn a_month_ends_after_a_day_inside_it() {
        // `2025-09` (a report as of September) speaks for a later day than `2025-09-10`.
        let dates = [d("2025-09-10"), d("2025-09"), d("2024-11-15")];
        let max = dates
            .iter()
            .max_by_key(|d| (d.last_day(), precision(d)))
            .unwrap();
        assert_eq!(max.iso(), "2025-09");
        let min = dates
            .iter()
            .min_by_key(|d| (d.first_day(), std::cmp::Reverse(precision(d))))
            .unwrap();
        assert_eq!(min.iso(), "2024-11-15");
    }
}
