//! The open-data package of the bundled content: resource names and fields as the contract
//! fixes them, budget figures that add up to the documents' sums when read back from the CSV,
//! sizes and hashes that match the files, and the same bytes on every build.

mod common;
use common::copy_dir;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use minhbach::budget::total_checks;
use minhbach::content::read_site;
use minhbach::model::Site;
use rust_decimal::Decimal;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn load(dir: &Path) -> Site {
    let (site, diags) = read_site(dir);
    assert!(!diags.has_errors(), "{}", diags.render());
    site.expect("site")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

struct Package {
    files: BTreeMap<String, Vec<u8>>,
}

impl Package {
    fn of(site: &Site) -> Package {
        let files = minhbach::opendata::files(site).expect("data package");
        Package {
            files: files.into_iter().collect(),
        }
    }
    fn bytes(&self, path: &str) -> &[u8] {
        self.files
            .get(path)
            .unwrap_or_else(|| panic!("no file {path}"))
    }
    fn json(&self, path: &str) -> Value {
        serde_json::from_slice(self.bytes(path)).unwrap()
    }
    /// Header and rows of a canonical CSV.
    fn table(&self, resource: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
        let mut r = csv::Reader::from_reader(self.bytes(&format!("data/{resource}.csv")));
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let rows = r
            .records()
            .map(|rec| {
                let rec = rec.unwrap();
                header
                    .iter()
                    .cloned()
                    .zip(rec.iter().map(String::from))
                    .collect()
            })
            .collect();
        (header, rows)
    }
}

fn bundled() -> (Site, Package) {
    let site = load(&content());
    let pkg = Package::of(&site);
    (site, pkg)
}

/// The fields the issue requires, in order; extra columns may follow them.
const REQUIRED: [(&str, &[&str]); 8] = [
    (
        "units",
        &[
            "unit_id",
            "name",
            "kind",
            "parent_id",
            "code",
            "valid_from",
            "valid_to",
            "successor_ids",
        ],
    ),
    (
        "plans",
        &[
            "plan_id",
            "number",
            "title",
            "issuer_id",
            "level",
            "issued_date",
            "implements_ids",
            "replaces_ids",
            "url",
        ],
    ),
    (
        "targets",
        &[
            "target_id",
            "plan_id",
            "text",
            "measure",
            "comparator",
            "target_value",
            "gov_level",
            "lead_id",
            "coordinating_ids",
        ],
    ),
    (
        "target-values",
        &["target_id", "kind", "value", "year", "as_of", "source"],
    ),
    (
        "budget-lines",
        &[
            "line_id",
            "plan_id",
            "parent_line_id",
            "agency_id",
            "district_id",
            "title",
            "amount_million_vnd",
            "spending",
            "budget",
            "period",
            "note",
        ],
    ),
    (
        "budget-totals",
        &[
            "plan_id",
            "scope_id",
            "declared_million_vnd",
            "computed_million_vnd",
            "difference_million_vnd",
        ],
    ),
    (
        "tasks",
        &[
            "task_id",
            "plan_id",
            "title",
            "lead_id",
            "coordinating_ids",
            "deadline",
            "timeframe",
        ],
    ),
    (
        "progress",
        &["report_id", "as_of", "task_id", "status", "result"],
    ),
];

#[test]
fn resources_have_the_contract_names_and_fields() {
    let (_, pkg) = bundled();
    let dp = pkg.json("data/datapackage.json");
    assert_eq!(dp["profile"], "tabular-data-package");
    let resources = dp["resources"].as_array().unwrap();
    let names: Vec<&str> = resources
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = REQUIRED.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected);
    for ((name, required), r) in REQUIRED.iter().zip(resources) {
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(&fields[..required.len()], *required, "{name}");
        let (header, _) = pkg.table(name);
        assert_eq!(header, fields, "{name}: CSV header = schema fields");
        assert!(!r["title"].as_str().unwrap().is_empty(), "{name} title");
        assert!(
            !r["description"].as_str().unwrap().is_empty(),
            "{name} description"
        );
        assert!(
            r["schema"]["primaryKey"]
                .as_array()
                .is_some_and(|k| !k.is_empty())
        );
        for f in r["schema"]["fields"].as_array().unwrap() {
            assert!(
                f["description"].as_str().is_some_and(|s| !s.is_empty()),
                "{name}.{}",
                f["name"]
            );
        }
    }
    // Every file is under data/ and is a safe output path.
    for path in pkg.files.keys() {
        assert!(path.starts_with("data/"), "{path}");
        minhbach::output::check_relative_path(path).unwrap();
    }
}

#[test]
fn foreign_keys_point_at_units_and_plans() {
    let (_, pkg) = bundled();
    let dp = pkg.json("data/datapackage.json");
    let mut refs = Vec::new();
    for r in dp["resources"].as_array().unwrap() {
        for fk in r["schema"]["foreignKeys"].as_array().into_iter().flatten() {
            refs.push(format!(
                "{}.{}->{}",
                r["name"].as_str().unwrap(),
                fk["fields"].as_str().unwrap(),
                fk["reference"]["resource"].as_str().unwrap()
            ));
        }
    }
    for fk in [
        "units.parent_id->",
        "plans.issuer_id->units",
        "targets.plan_id->plans",
        "target-values.target_id->targets",
        "budget-lines.plan_id->plans",
        "budget-lines.agency_id->units",
        "budget-lines.district_id->units",
        "budget-totals.plan_id->plans",
        "tasks.plan_id->plans",
        "progress.task_id->tasks",
    ] {
        assert!(
            refs.contains(&fk.to_string()),
            "missing foreign key {fk}: {refs:?}"
        );
    }
}

fn amount(row: &HashMap<String, String>) -> Option<Decimal> {
    let cell = &row["amount_million_vnd"];
    (!cell.is_empty()).then(|| d(cell))
}

/// Sums of the CSV's amount column by a key, for one plan.
fn csv_sums(rows: &[HashMap<String, String>], plan: &str, key: &str) -> BTreeMap<String, Decimal> {
    let mut out = BTreeMap::new();
    for r in rows.iter().filter(|r| r["plan_id"] == plan) {
        if let Some(a) = amount(r)
            && !r[key].is_empty()
        {
            *out.entry(r[key].clone()).or_insert(Decimal::ZERO) += a;
        }
    }
    out
}

#[test]
fn budget_lines_add_up_by_district_agency_and_plan() {
    let (site, pkg) = bundled();
    let (_, rows) = pkg.table("budget-lines");

    // The 13 district-level units of plan 223, as its annex declares them.
    let by_district = csv_sums(&rows, "kh-223-ubnd-2024", "district_id");
    let expected = common::PLAN_223_DISTRICT_TOTALS;
    assert_eq!(by_district.len(), 13, "{by_district:?}");
    for (district, sum) in expected {
        assert_eq!(by_district[district], d(sum), "{district}");
    }

    for plan in &site.plans {
        let Some(b) = &plan.budget else { continue };
        // By district: the model's own breakdown.
        let model = b.sum_by(|l| {
            l.place
                .as_deref()
                .and_then(|p| site.district_of(p))
                .map(|u| u.id.clone())
        });
        let model: BTreeMap<String, Decimal> = model
            .into_iter()
            .filter(|(_, s)| s.lines > s.unknown)
            .map(|(k, s)| (k, s.amount))
            .collect();
        assert_eq!(
            csv_sums(&rows, &plan.id, "district_id"),
            model,
            "{} by district",
            plan.id
        );
        // By agency.
        let model: BTreeMap<String, Decimal> = b
            .sum_by(|l| Some(l.lead.clone()))
            .into_iter()
            .filter(|(_, s)| s.lines > s.unknown)
            .map(|(k, s)| (k, s.amount))
            .collect();
        assert_eq!(
            csv_sums(&rows, &plan.id, "agency_id"),
            model,
            "{} by agency",
            plan.id
        );
        // By plan.
        let total: Decimal = rows
            .iter()
            .filter(|r| r["plan_id"] == plan.id)
            .filter_map(amount)
            .sum();
        assert_eq!(total, b.total().amount, "{} total", plan.id);
        // Every line, items and parts, is a row.
        assert_eq!(
            rows.iter().filter(|r| r["plan_id"] == plan.id).count(),
            b.lines.len()
        );
    }
}

#[test]
fn an_item_split_into_parts_carries_no_amount_of_its_own() {
    let (_, pkg) = bundled();
    let (_, rows) = pkg.table("budget-lines");
    let parents: Vec<&HashMap<String, String>> =
        rows.iter().filter(|r| r["has_parts"] == "true").collect();
    assert!(!parents.is_empty());
    for p in parents {
        assert_eq!(p["amount_million_vnd"], "", "{}", p["line_id"]);
        assert!(rows.iter().any(|r| r["parent_line_id"] == p["line_id"]));
    }
}

#[test]
fn an_unknown_amount_is_an_empty_cell() {
    let (_, pkg) = bundled();
    let (_, rows) = pkg.table("budget-lines");
    let tra_bong = rows
        .iter()
        .find(|r| r["line_id"] == "kh-223-ubnd-2024-kp-ii-12-8")
        .expect("Trà Bồng 12.8");
    assert_eq!(tra_bong["district_id"], "huyen-tra-bong");
    assert_eq!(tra_bong["amount_million_vnd"], "");
    // No amount anywhere is written as a zero that the document does not print.
    let json = pkg.json("data/budget-lines.json");
    let row = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["line_id"] == "kh-223-ubnd-2024-kp-ii-12-8")
        .unwrap();
    assert!(row["amount_million_vnd"].is_null());
}

#[test]
fn budget_totals_hold_every_declared_total_and_its_difference() {
    let (site, pkg) = bundled();
    let (_, rows) = pkg.table("budget-totals");
    let g3 = rows
        .iter()
        .find(|r| r["scope_id"] == "kh-223-ubnd-2024-kp-iii")
        .expect("group III");
    assert_eq!(g3["plan_id"], "kh-223-ubnd-2024");
    assert_eq!(d(&g3["declared_million_vnd"]), d("244939.5"));
    assert_eq!(d(&g3["computed_million_vnd"]), d("245439.5"));
    assert_eq!(d(&g3["difference_million_vnd"]), d("500"));
    assert_eq!(g3["difference_million_vnd"], "500");

    let expected: Vec<_> = site.plans.iter().flat_map(total_checks).collect();
    assert_eq!(rows.len(), expected.len());
    for c in &expected {
        let source = format!("{}:{}", c.source.document, c.source.line);
        let row = rows
            .iter()
            .find(|r| r["scope_id"] == c.scope_id && r["source"] == source)
            .unwrap_or_else(|| panic!("no row for {} at {source}", c.scope_id));
        assert_eq!(d(&row["declared_million_vnd"]), c.declared);
        assert_eq!(d(&row["computed_million_vnd"]), c.computed);
        assert_eq!(d(&row["difference_million_vnd"]), c.difference);
    }
    let differing = rows
        .iter()
        .filter(|r| !d(&r["difference_million_vnd"]).is_zero())
        .count();
    assert_eq!(differing, 5, "the documents' five mismatching totals");
}

#[test]
fn targets_split_by_goal_and_values_point_at_goal_rows() {
    let (_, pkg) = bundled();
    let (_, targets) = pkg.table("targets");
    let t8: Vec<(&str, &str, &str)> = targets
        .iter()
        .filter(|r| r["parent_target_id"] == "kh-223-ubnd-2024-ct-8")
        .map(|r| {
            (
                r["target_id"].as_str(),
                r["gov_level"].as_str(),
                r["target_value"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        t8,
        vec![
            ("kh-223-ubnd-2024-ct-8-province", "province", "90"),
            ("kh-223-ubnd-2024-ct-8-district", "district", "80"),
            ("kh-223-ubnd-2024-ct-8-commune", "commune", "60"),
        ]
    );
    let ids: std::collections::HashSet<&str> =
        targets.iter().map(|r| r["target_id"].as_str()).collect();
    assert_eq!(ids.len(), targets.len(), "target row ids are unique");
    let (_, values) = pkg.table("target-values");
    assert!(!values.is_empty());
    for v in &values {
        assert!(ids.contains(v["target_id"].as_str()), "{}", v["target_id"]);
    }
}

#[test]
fn progress_rows_are_report_results_with_judged_statuses() {
    let (site, pkg) = bundled();
    let (_, rows) = pkg.table("progress");
    let results: usize = site.reports.iter().map(|r| r.results.len()).sum();
    assert_eq!(rows.len(), results);
    let (_, tasks) = pkg.table("tasks");
    let status: HashMap<&str, &str> = tasks
        .iter()
        .map(|t| (t["task_id"].as_str(), t["status"].as_str()))
        .collect();
    for r in &rows {
        assert_eq!(
            status[r["task_id"].as_str()],
            r["status"],
            "{}",
            r["task_id"]
        );
    }
    let judged = minhbach::progress::judge(&site);
    assert_eq!(tasks.len(), judged.len());
}

#[test]
fn json_copies_hold_the_same_rows_as_the_csv() {
    let (_, pkg) = bundled();
    for name in minhbach::opendata::NAMES {
        let (header, rows) = pkg.table(name);
        let json = pkg.json(&format!("data/{name}.json"));
        let json = json.as_array().unwrap();
        assert_eq!(json.len(), rows.len(), "{name}");
        for (j, r) in json.iter().zip(&rows) {
            let keys: Vec<&String> = j.as_object().unwrap().keys().collect();
            assert_eq!(keys.len(), header.len());
            for h in &header {
                let cell = &r[h];
                if cell.is_empty() {
                    assert!(j[h].is_null(), "{name}.{h}");
                } else {
                    assert_eq!(j[h].as_str(), Some(cell.as_str()), "{name}.{h}");
                }
            }
        }
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn sizes_and_hashes_in_the_descriptor_and_catalog_match_the_files() {
    let (site, pkg) = bundled();
    let dp = pkg.json("data/datapackage.json");
    for r in dp["resources"].as_array().unwrap() {
        let path = format!("data/{}", r["path"].as_str().unwrap());
        let bytes = pkg.bytes(&path);
        assert_eq!(r["bytes"].as_u64(), Some(bytes.len() as u64), "{path}");
        assert_eq!(
            r["hash"].as_str().unwrap(),
            format!("sha256:{}", sha256(bytes)),
            "{path}"
        );
        assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{path} has no BOM");
    }

    let base = site.config().base_url.trim_end_matches('/').to_string();
    let catalog = pkg.json("data/catalog.jsonld");
    let graph = catalog["@graph"].as_array().unwrap();
    let node = |iri: &str| {
        graph
            .iter()
            .find(|n| n["@id"] == iri)
            .unwrap_or_else(|| panic!("no node {iri}"))
    };
    let cat = node(&format!("{base}/data/catalog"));
    assert_eq!(cat["@type"][0], "dcat:Catalog");
    let datasets: Vec<&str> = cat["dcat:dataset"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["@id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = minhbach::opendata::NAMES
        .iter()
        .map(|n| format!("{base}/data/{n}"))
        .collect();
    assert_eq!(datasets, expected, "stable dataset URIs");
    let mut distributions = 0;
    for ds in &datasets {
        let ds = node(ds);
        assert_eq!(ds["@type"][0], "dcat:Dataset");
        for dist in ds["dcat:distribution"].as_array().unwrap() {
            distributions += 1;
            let dist = node(dist["@id"].as_str().unwrap());
            let url = dist["dcat:downloadURL"][0]["@id"].as_str().unwrap();
            let path = url.strip_prefix(&format!("{base}/")).unwrap();
            let bytes = pkg.bytes(path);
            assert_eq!(
                dist["dcat:byteSize"][0]["@value"],
                bytes.len().to_string(),
                "{path}"
            );
            let checksum = node(dist["spdx:checksum"][0]["@id"].as_str().unwrap());
            assert_eq!(
                checksum["spdx:checksumValue"][0]["@value"],
                sha256(bytes),
                "{path}"
            );
            assert_eq!(
                dist["dcat:accessURL"][0]["@id"],
                format!("{base}/du-lieu-mo/")
            );
        }
    }
    assert_eq!(distributions, 8 * 4);
    // Every node of the graph carries its type.
    for n in graph {
        assert!(
            n["@type"].as_array().is_some_and(|t| !t.is_empty()),
            "{}",
            n["@id"]
        );
    }
    // Dates come from the content, not the clock.
    assert_eq!(cat["dct:issued"][0]["@value"], "2024-11-15");
    assert_eq!(cat["dct:modified"][0]["@value"], "2025-09");
    assert_eq!(cat["dct:modified"][0]["@type"], "xsd:gYearMonth");
}

#[test]
fn the_same_content_gives_byte_identical_files() {
    let site = load(&content());
    let a = minhbach::opendata::files(&site).unwrap();
    let b = minhbach::opendata::files(&load(&content())).unwrap();
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two builds");
    }
    let paths: Vec<&str> = a.iter().map(|(p, _)| p.as_str()).collect();
    for p in [
        "data/datapackage.json",
        "data/catalog.jsonld",
        "data/catalog.ttl",
        "data/minhbach.xlsx",
        "data/excel/units.csv",
        "data/budget-lines.json",
    ] {
        assert!(paths.contains(&p), "{p}");
    }
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "stable order");
}

#[test]
fn the_excel_copy_has_a_bom_and_defuses_formulas_the_canonical_csv_keeps() {
    let dir =
        std::env::temp_dir().join(format!("minhbach-opendata-formula-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
        &dir,
    );
    let tasks = dir.join("plans/kh-1-2025/tasks.toml");
    let text = std::fs::read_to_string(&tasks).unwrap();
    std::fs::write(
        &tasks,
        text.replace(
            "title = \"Xây dựng Cổng dữ liệu mở của tỉnh\"",
            "title = \"=cmd\"",
        ),
    )
    .unwrap();
    let site = load(&dir);
    let pkg = Package::of(&site);
    let _ = std::fs::remove_dir_all(&dir);

    let canonical = String::from_utf8(pkg.bytes("data/tasks.csv").to_vec()).unwrap();
    assert!(canonical.contains(",=cmd,"), "{canonical}");
    assert!(!canonical.contains("'=cmd"));
    let excel = pkg.bytes("data/excel/tasks.csv");
    assert_eq!(&excel[..3], &[0xEF, 0xBB, 0xBF]);
    let excel = String::from_utf8(excel[3..].to_vec()).unwrap();
    assert!(excel.contains(";'=cmd;"), "{excel}");
    // Numbers stay numbers in the Excel copy, with the decimal comma of Vietnamese settings.
    let totals = String::from_utf8(pkg.bytes("data/excel/budget-lines.csv")[3..].to_vec()).unwrap();
    assert!(totals.contains(";331,5;"), "{totals}");

    // The workbook writes the same text as a string, never as a formula, and numbers as numbers;
    // its creation date is the content's latest date, not the clock.
    let xlsx = pkg.bytes("data/minhbach.xlsx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let core = read("docProps/core.xml");
    assert!(core.contains("2025-09-01T00:00:00Z"), "{core}");
    let mut sheets = String::new();
    for i in 1..=9 {
        sheets.push_str(&read(&format!("xl/worksheets/sheet{i}.xml")));
    }
    // Text cells are written inline (the tables' sheets are streamed to disk as they are
    // written), never as formulas.
    assert!(sheets.contains(">=cmd<"), "the text is a string cell");
    assert!(!sheets.contains("<f>"), "no formula cells");
    assert!(sheets.contains("<v>331.5</v>"), "amounts are number cells");
}

#[test]
fn row_counts_known_before_building_match_the_rows_built() {
    let (site, _) = bundled();
    let built = minhbach::opendata::resources(&site).unwrap();
    let counted = minhbach::opendata::row_counts(&site);
    for (r, (name, rows)) in built.iter().zip(counted) {
        assert_eq!((r.name, r.rows.len()), (name, rows));
    }
}
