//! The bundled Quảng Ngãi content, checked against figures read off the source documents.

mod common;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use minhbach::budget::total_checks;
use minhbach::content::read_site;
use minhbach::model::{Plan, Site};
use rust_decimal::Decimal;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn site() -> Site {
    let (site, diags) = read_site(&content());
    assert!(!diags.has_errors(), "{}", diags.render());
    site.expect("site")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn plan<'a>(site: &'a Site, id: &str) -> &'a Plan {
    site.plan(id).unwrap_or_else(|| panic!("plan {id}"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn build_into(out: &Path) {
    build_with(out, &[], None)
}

/// Builds with extra environment variables and from another working directory.
fn build_with(out: &Path, env: &[(&str, &str)], cwd: Option<&Path>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    cmd.envs(env.iter().copied());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let status = cmd
        .args(["build", "--content"])
        .arg(content())
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn bundled_content_has_no_errors_and_only_the_documents_own_total_mismatches() {
    let (_, diags) = read_site(&content());
    assert_eq!(diags.error_count(), 0, "{}", diags.render());
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert!(
        codes.iter().all(|c| *c == "declared-total-differs"),
        "{}",
        diags.render()
    );
    assert_eq!(diags.warning_count(), 5, "{}", diags.render());
}

#[test]
fn district_totals_match_plan_223() {
    let site = site();
    let b = plan(&site, "kh-223-ubnd-2024").budget.as_ref().unwrap();
    let expected: BTreeMap<&str, &str> = common::PLAN_223_DISTRICT_TOTALS.into_iter().collect();
    let by_place = b.sum_by(|l| l.place.clone());
    for (district, amount) in &expected {
        assert_eq!(by_place[*district].amount, d(amount), "{district}");
        let body = b.bodies.iter().find(|x| x.unit == *district).unwrap();
        assert_eq!(body.declared_total, Some(d(amount)), "{district} declared");
    }
    let sum: Decimal = expected.values().map(|a| d(a)).sum();
    assert_eq!(sum, d("71549"));
    // Trà Bồng 12.8 has no amount in the document: unknown, not zero.
    assert_eq!(by_place["huyen-tra-bong"].unknown, 1);
}

#[test]
fn number_of_targets_per_plan_matches_the_annexes() {
    let site = site();
    assert_eq!(plan(&site, "kh-223-ubnd-2024").targets.len(), 22);
    assert_eq!(plan(&site, "kh-snv-cds-2025").targets.len(), 14);
    assert_eq!(plan(&site, "kh-02-ubnd-tinh-thien-2025").targets.len(), 16);
    assert_eq!(plan(&site, "kh-02-bcdtw-2025").tasks.len(), 9);
    // Target 8 of plan 223 splits by government level: 90 / 80 / 60 %.
    let t8 = plan(&site, "kh-223-ubnd-2024")
        .targets
        .iter()
        .find(|t| t.number == "8")
        .unwrap();
    let values: Vec<Decimal> = t8.goals.iter().filter_map(|g| g.value).collect();
    assert_eq!(values, vec![d("90"), d("80"), d("60")]);
}

#[test]
fn group_three_of_plan_223_declares_500_million_less_than_its_items() {
    let site = site();
    let checks = total_checks(plan(&site, "kh-223-ubnd-2024"));
    let g3 = checks
        .iter()
        .find(|c| c.scope_id == "kh-223-ubnd-2024-kp-iii")
        .unwrap();
    assert_eq!(
        (g3.declared, g3.computed, g3.difference),
        (d("244939.5"), d("245439.5"), d("500"))
    );
    let grand = checks.iter().find(|c| c.source.line == 1224).unwrap();
    assert_eq!(
        (grand.declared, grand.computed),
        (d("325189"), d("325688.5"))
    );
}

#[test]
fn department_plans_add_up_to_their_declared_totals() {
    let site = site();
    for (id, total) in [
        ("kh-snv-cds-2025", "16478"),
        ("kh-skhcn-cds-2025", "52538"),
        ("kh-02-ubnd-tinh-thien-2025", "40"),
    ] {
        let b = plan(&site, id).budget.as_ref().unwrap();
        assert_eq!(b.total().amount, d(total), "{id}");
        assert!(
            total_checks(plan(&site, id))
                .iter()
                .all(|c| c.difference.is_zero()),
            "{id}"
        );
    }
}

#[test]
fn the_built_site_shows_document_figures_in_vietnamese_notation() {
    let out = temp_dir("figures");
    build_into(&out);
    let page =
        std::fs::read_to_string(out.join("ke-hoach/kh-223-ubnd-2024/kinh-phi/index.html")).unwrap();
    for figure in [
        "71.549",
        "244.939,5",
        "245.439,5",
        "325.188,5",
        "331,5",
        "chưa có số liệu",
    ] {
        assert!(page.contains(figure), "plan page lacks {figure}");
    }
    let binh_son = std::fs::read_to_string(out.join("don-vi/huyen-binh-son/index.html")).unwrap();
    assert!(binh_son.contains("10.090"));
    assert!(
        binh_son.contains("01/07/2025"),
        "district abolition date shown"
    );
    let source = std::fs::read_to_string(out.join("nguon/kh-223-ubnd-2024/3/index.html")).unwrap();
    assert!(source.contains("id=\"L765\""));
    assert!(out.join(minhbach::output::MARKER).exists());
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn the_same_content_builds_to_the_same_bytes_whatever_the_threads_and_directory() {
    let (a, b) = (temp_dir("repro-a"), temp_dir("repro-b"));
    // The first build draws every image into an empty cache; the second takes them all from it.
    let cache = temp_dir("repro-cache");
    let cache = cache.to_str().unwrap();
    build_with(
        &a,
        &[("RAYON_NUM_THREADS", "1"), ("MINHBACH_CACHE_DIR", cache)],
        Some(Path::new("/")),
    );
    build_with(
        &b,
        &[("RAYON_NUM_THREADS", "4"), ("MINHBACH_CACHE_DIR", cache)],
        Some(&std::env::temp_dir()),
    );
    let (fa, fb) = (common::snapshot(&a), common::snapshot(&b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, v) in &fa {
        assert!(v == &fb[k], "{} differs between builds", k.display());
    }
    std::fs::remove_dir_all(&a).unwrap();
    std::fs::remove_dir_all(&b).unwrap();
    std::fs::remove_dir_all(cache).unwrap();
}

#[test]
fn every_table_offers_exactly_its_rows_for_download() {
    let out = temp_dir("downloads");
    build_into(&out);
    let site = site();
    let plan = plan(&site, "kh-223-ubnd-2024");
    let lines =
        std::fs::read_to_string(out.join("data/bang/budget-lines-ke-hoach-kh-223-ubnd-2024.csv"))
            .unwrap();
    assert_eq!(
        lines.lines().count() - 1,
        plan.budget.as_ref().unwrap().lines.len()
    );
    let districts =
        std::fs::read_to_string(out.join("data/bang/bieu-do-kh-223-ubnd-2024-theo-huyen.csv"))
            .unwrap();
    // The CSV beside a table is for Excel with Vietnamese settings: `;` between cells.
    assert!(
        districts.contains("Huyện Bình Sơn;10090;10090;4;"),
        "{districts}"
    );
    assert!(districts.contains("Tổng;71549;"), "{districts}");
    let page =
        std::fs::read_to_string(out.join("ke-hoach/kh-223-ubnd-2024/kinh-phi/index.html")).unwrap();
    assert!(page.contains("data/bang/budget-lines-ke-hoach-kh-223-ubnd-2024.csv"));
    // Every page with a table links a download, except the open-data pages that are the downloads.
    for e in walkdir::WalkDir::new(&out).into_iter().map(Result::unwrap) {
        let rel = e
            .path()
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let english = rel.starts_with("en/");
        let page = rel.strip_prefix("en/").unwrap_or(&rel);
        if !rel.ends_with(".html") || page.starts_with("du-lieu-mo") {
            continue;
        }
        let html = std::fs::read_to_string(e.path()).unwrap();
        if html.contains("<table") {
            assert!(
                html.contains(if english {
                    "Download the data"
                } else {
                    "Tải dữ liệu"
                }),
                "{rel} has a table without a download link"
            );
        }
    }
    // English pages offer their charts' tables with English headers and the same numbers.
    let english =
        std::fs::read_to_string(out.join("data/bang/en/bieu-do-kh-223-ubnd-2024-theo-huyen.csv"))
            .unwrap();
    assert!(english.contains("District;"), "{english}");
    assert!(
        english.contains("Huyện Bình Sơn;10090;10090;4;"),
        "{english}"
    );
    assert!(english.contains("Total;71549;"), "{english}");
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn money_charts_read_in_billions_and_their_tables_keep_the_exact_millions() {
    let out = temp_dir("billions");
    common::build(&content(), &out);
    let html = std::fs::read_to_string(out.join("kinh-phi/theo-co-quan/index.html")).unwrap();
    let svg = html
        .split("<svg")
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    assert!(svg.contains("Kinh phí (tỷ đồng, làm tròn"), "{svg}");
    assert!(svg.contains("Lớn nhất: Sở Y tế (169,9 tỷ đồng)"), "{svg}");
    assert!(!svg.contains("169.900"));
    // The table beside it: exact, in million VND.
    assert!(html.contains("Các mục cộng lại (triệu đồng)"));
    assert!(html.contains("169.900"));
    let _ = std::fs::remove_dir_all(&out);
}
