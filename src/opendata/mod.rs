//! The open-data package: CSV/JSON resources with Table Schemas (Frictionless), Excel-friendly
//! copies, and a DCAT catalog the provincial portal harvests.
//!
//! [`files`] returns every file of the package (all under `data/`); the build writes them next to
//! the pages. The parts, one job each:
//!
//! - [`resources`]: the eight tables (rows and field definitions) read off the model;
//! - [`csv`] and [`json`]: the canonical CSV, the Excel CSV copy (BOM, formulas defused) and the
//!   JSON rows — also used for the small per-figure download files of the pages;
//! - [`excel`]: the `.xlsx` workbook of all tables;
//! - [`package`]: `datapackage.json` with Table Schemas, sizes and hashes;
//! - [`catalog`] (over [`rdf`]): the DCAT-AP catalog in JSON-LD and Turtle;
//! - [`meta`]: paths, URIs and the content dates the package carries.
//!
//! Nothing here reads the clock or depends on hash-map order: the same site gives the same bytes.

pub mod catalog;
pub mod csv;
pub mod excel;
pub mod json;
pub mod meta;
pub mod package;
pub mod rdf;
pub mod resources;

use anyhow::Result;

use crate::model::Site;

pub use self::csv::{csv_bytes, excel_csv_bytes};
pub use self::json::json_rows_bytes;
pub use self::resources::{Field, FieldType, NAMES, Resource};

use self::catalog::{Distribution, FORMATS};
use self::package::FileInfo;

/// The eight tables of the package, in package order (for pages that list or preview them).
pub fn resources(site: &Site) -> Result<Vec<Resource>> {
    resources::all(site, &crate::progress::judge(site))
}

/// How many rows each resource of the package will have, counted off the model without building
/// the rows.
pub fn row_counts(site: &Site) -> [(&'static str, usize); 8] {
    let plans = &site.plans;
    let targets = plans.iter().flat_map(|p| &p.targets);
    [
        ("units", site.units.len()),
        ("plans", plans.len()),
        (
            "targets",
            targets.clone().map(|t| t.goals.len().max(1)).sum(),
        ),
        ("target-values", targets.map(|t| t.values.len()).sum()),
        (
            "budget-lines",
            plans
                .iter()
                .filter_map(|p| p.budget.as_ref())
                .map(|b| b.lines.len())
                .sum(),
        ),
        (
            "budget-totals",
            plans
                .iter()
                .map(|p| crate::budget::total_checks(p).len())
                .sum(),
        ),
        ("tasks", plans.iter().map(|p| p.tasks.len()).sum()),
        (
            "progress",
            site.reports.iter().map(|r| r.results.len()).sum(),
        ),
    ]
}

/// What the package could not publish, found before building: a table longer than an Excel
/// sheet (the workbook holds every table).
pub fn check_limits(site: &Site, diags: &mut crate::diagnostics::Diagnostics) {
    for (name, rows) in row_counts(site) {
        if rows > excel::MAX_ROWS {
            diags.push(
                crate::diagnostics::Diagnostic::error(
                    "table-too-long",
                    format!(
                        "bảng dữ liệu `{name}` sẽ có {} dòng, quá giới hạn {} dòng của một trang tính Excel",
                        crate::vn_number::format(rows.into()),
                        crate::vn_number::format(excel::MAX_ROWS.into())
                    ),
                )
                .hint("chia nội dung thành nhiều trang (ví dụ mỗi tỉnh một trang) để mỗi bảng vừa một trang tính"),
            );
        }
    }
}

/// Every file of the data package, by path relative to the site root (all under `data/`), in a
/// stable order. Same site → same bytes.
pub fn files(site: &Site) -> Result<Vec<(String, Vec<u8>)>> {
    let resources = resources(site)?;
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    write_files(site, &resources, |path, bytes| {
        out.push((path, bytes));
        Ok(())
    })?;
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Produces every file of the data package from its resources, handing each to `emit` as soon as
/// it is made (the build writes it and keeps only its size), and returns the size of each file.
pub fn write_files(
    site: &Site,
    resources: &[Resource],
    mut emit: impl FnMut(String, Vec<u8>) -> Result<()>,
) -> Result<std::collections::BTreeMap<String, usize>> {
    let mut sizes = std::collections::BTreeMap::new();
    let mut put = |path: String, bytes: Vec<u8>| -> Result<FileInfo> {
        let info = FileInfo::of(&bytes);
        sizes.insert(path.clone(), bytes.len());
        emit(path, bytes)?;
        Ok(info)
    };

    // Per resource: canonical CSV, JSON, Excel CSV copy.
    let mut infos: Vec<[FileInfo; 3]> = Vec::new();
    for r in resources {
        let header = r.header();
        infos.push([
            put(meta::csv_path(r.name), csv_bytes(&header, &r.rows))?,
            put(meta::json_path(r.name), json_rows_bytes(&header, &r.rows))?,
            put(
                meta::excel_csv_path(r.name),
                excel_csv_bytes(&header, &r.rows, &r.numeric_columns()),
            )?,
        ]);
    }

    let c = site.config();
    let publisher = c
        .publisher
        .as_deref()
        .and_then(|p| site.unit(p))
        .map(|u| u.name.as_str())
        .unwrap_or("");
    let workbook = excel::workbook_bytes(
        &c.title,
        &package::description(site),
        publisher,
        meta::modified(site),
        resources,
    )?;
    let workbook_info = put(meta::WORKBOOK.to_string(), workbook)?;

    let with_csv: Vec<(&Resource, FileInfo)> = resources
        .iter()
        .zip(&infos)
        .map(|(r, i)| (r, i[0].clone()))
        .collect();
    put(
        meta::DATAPACKAGE.to_string(),
        package::datapackage_bytes(site, &with_csv),
    )?;

    let datasets: Vec<(&Resource, Vec<Distribution<'_>>)> = resources
        .iter()
        .zip(&infos)
        .map(|(r, [csv, json, excel])| {
            let dists = FORMATS
                .iter()
                .map(|f| {
                    let (path, info) = match f.key {
                        "csv" => (meta::csv_path(r.name), csv),
                        "json" => (meta::json_path(r.name), json),
                        "csv-excel" => (meta::excel_csv_path(r.name), excel),
                        _ => (meta::WORKBOOK.to_string(), &workbook_info),
                    };
                    Distribution {
                        format: *f,
                        path,
                        info,
                    }
                })
                .collect();
            (r, dists)
        })
        .collect();
    let graph = catalog::graph(site, &datasets);
    put(meta::CATALOG_JSONLD.to_string(), graph.to_jsonld()?)?;
    put(meta::CATALOG_TTL.to_string(), graph.to_turtle()?)?;
    Ok(sizes)
}
