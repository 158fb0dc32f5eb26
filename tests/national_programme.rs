//! A plan of another shape: a national action programme (a resolution of the Government) with
//! targets to 2030 and 2045 led by ministries — units of measure, ranges, ranks, sub-targets,
//! text-only commitments, task outputs and multi-year deadlines — and a ministry's plan that
//! repeats one of its budget items. The fixture (`tests/fixtures/national-programme`) is written
//! from the rules of issue 12, not copied from a real document.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::quality::html_pages;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national-programme")
}

struct Built {
    pages: BTreeMap<String, String>,
    out: PathBuf,
}

/// The fixture, built once for every test of this file (the output is kept for the data files).
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = std::env::temp_dir().join(format!(
            "minhbach-national-programme-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&out);
        common::build(&fixture(), &out);
        Built {
            pages: html_pages(&out),
            out,
        }
    })
}

fn page(path: &str) -> &'static str {
    built()
        .pages
        .get(path)
        .unwrap_or_else(|| panic!("no page {path}"))
}

/// Rows of a data-package table, as maps from column to cell.
fn rows(resource: &str) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(built().out.join(format!("data/{resource}.csv"))).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn row<'a>(
    rows: &'a [BTreeMap<String, String>],
    key: &str,
    id: &str,
) -> &'a BTreeMap<String, String> {
    rows.iter()
        .find(|r| r[key] == id)
        .unwrap_or_else(|| panic!("no row {key} = {id}"))
}

/// The visible text of a page.
fn text(html: &str) -> String {
    common::visible_text(html)
}

#[test]
fn the_data_package_carries_units_ranges_ranks_parents_and_horizons() {
    let targets = rows("targets");
    let gdp_2030 = row(&targets, "target_id", "ctr-57-2025-ct-1-a-1");
    assert_eq!(gdp_2030["measure"], "percent");
    assert_eq!(gdp_2030["unit_of_measure"], "% GDP");
    assert_eq!(gdp_2030["target_value"], "30");
    assert_eq!(gdp_2030["horizon_year"], "2030");
    assert_eq!(gdp_2030["part_of_target_id"], "ctr-57-2025-ct-1");
    let gdp_2045 = row(&targets, "target_id", "ctr-57-2025-ct-1-a-2");
    assert_eq!(gdp_2045["target_value"], "50");
    assert_eq!(gdp_2045["horizon_year"], "2045");

    let patents = row(&targets, "target_id", "ctr-57-2025-ct-1-d");
    assert_eq!(patents["measure"], "rate");
    assert_eq!(patents["unit_of_measure"], "%/năm");
    assert_eq!(
        (
            patents["low_value"].as_str(),
            patents["high_value"].as_str()
        ),
        ("16", "18")
    );
    assert_eq!(patents["low_inclusive"], "true");
    assert_eq!(patents["target_value"], "");
    assert_eq!(patents["comparator"], "");

    let rank_world = row(&targets, "target_id", "ctr-57-2025-ct-2-2");
    assert_eq!(rank_world["measure"], "rank");
    assert_eq!(rank_world["lower_is_better"], "true");
    assert_eq!(rank_world["subject"], "Thế giới");
    assert_eq!(rank_world["target_value"], "50");
    assert_eq!(rank_world["part_of_target_id"], "");

    // Decimal commas and zero-padded numbers are read exactly.
    assert_eq!(
        row(&targets, "target_id", "ctr-57-2025-ct-3")["target_value"],
        "0.85"
    );
    assert_eq!(
        row(&targets, "target_id", "ctr-57-2025-ct-5")["target_value"],
        "5"
    );
    // A commitment in words has no number and no unit.
    let words = row(&targets, "target_id", "ctr-57-2025-ct-7");
    assert_eq!(
        (
            words["measure"].as_str(),
            words["target_value"].as_str(),
            words["unit_of_measure"].as_str()
        ),
        ("text", "", "")
    );
}

#[test]
fn the_data_package_carries_outputs_and_typed_deadlines() {
    let tasks = rows("tasks");
    let expect = [
        ("ctr-57-2025-nv-1", "year", "2025", "2025-12-31", "Luật"),
        (
            "ctr-57-2025-nv-2",
            "quarter",
            "2025-Q2",
            "2025-06-30",
            "Quyết định của Thủ tướng Chính phủ",
        ),
        (
            "ctr-57-2025-nv-3",
            "years",
            "2025/2030",
            "2030-12-31",
            "Nền tảng số",
        ),
        ("ctr-57-2025-nv-4", "yearly", "yearly", "", "Báo cáo"),
        ("ctr-57-2025-nv-5", "from-year", "from-2026", "", ""),
        (
            "ctr-57-2025-nv-6",
            "half-year",
            "2026-H1",
            "2026-06-30",
            "Đề án",
        ),
        ("ctr-57-2025-nv-7", "ongoing", "ongoing", "", ""),
        ("ctr-57-2025-nv-8", "", "", "", ""),
    ];
    for (id, kind, timeframe, deadline, output) in expect {
        let t = row(&tasks, "task_id", id);
        assert_eq!(t["timeframe_kind"], kind, "{id}");
        assert_eq!(t["timeframe"], timeframe, "{id}");
        assert_eq!(t["deadline"], deadline, "{id}");
        assert_eq!(t["output"], output, "{id}");
    }
    assert_eq!(
        row(&tasks, "task_id", "ctr-57-2025-nv-3")["start"],
        "2025-01-01"
    );
    // Two ministries lead one task; a collective coordinates.
    let shared = row(&tasks, "task_id", "ctr-57-2025-nv-3");
    assert_eq!(shared["lead_id"], "bo-khoa-hoc-va-cong-nghe;bo-cong-an");
    assert_eq!(shared["coordinating_ids"], "cac-bo-nganh-dia-phuong");
    // A task due "từ năm 2026" or "hằng năm" is never judged late from a deadline it does not have.
    for id in ["ctr-57-2025-nv-4", "ctr-57-2025-nv-5", "ctr-57-2025-nv-7"] {
        assert_ne!(row(&tasks, "task_id", id)["status"], "late", "{id}");
    }
}

#[test]
fn funding_of_every_level_is_kept_as_printed() {
    let lines = rows("budget-lines");
    let budget = |id: &str| row(&lines, "line_id", id)["budget"].clone();
    assert_eq!(budget("ctr-57-2025-kp-1"), "NSTW");
    assert_eq!(budget("ctr-57-2025-kp-2"), "ODA");
    assert_eq!(budget("ctr-57-2025-kp-3"), "XHH");
    assert_eq!(budget("ctr-57-2025-kp-4"), "NSĐP");
    assert_eq!(
        row(&lines, "line_id", "ctr-57-2025-kp-2")["amount_million_vnd"],
        "2500000.5"
    );
    assert_eq!(
        row(&lines, "line_id", "ctr-57-2025-kp-4")["amount_million_vnd"],
        ""
    );
}

#[test]
fn the_same_item_in_two_plans_is_linked_shown_side_by_side_and_never_added_twice() {
    let lines = rows("budget-lines");
    assert_eq!(
        row(&lines, "line_id", "kh-bo-khcn-2025-kp-1")["same_as_line_id"],
        "ctr-57-2025-kp-1"
    );
    let ministry = text(page("ke-hoach/kh-bo-khcn-2025/kinh-phi/index.html"));
    assert!(
        ministry.contains(
            "Cùng mục với Nghị quyết 99/NQ-CP, mục 1 : 1.200.000 triệu đồng (chênh 50.000)"
        ),
        "{ministry}"
    );
    let programme = text(page("ke-hoach/ctr-57-2025/kinh-phi/index.html"));
    assert!(
        programme.contains(
            "Cùng mục với Kế hoạch 12/KH-BKHCN, mục 1 : 1.150.000 triệu đồng (chênh -50.000)"
        ),
        "{programme}"
    );
    // The ministry's page adds its lines of both plans once: 1.200.000 + 800.000 (programme) and
    // 500 (its own plan), not the 1.150.000 that repeats the programme's item.
    let unit = text(page("don-vi/bo-khoa-hoc-va-cong-nghe/index.html"));
    assert!(unit.contains("2.000.500 triệu đồng"), "{unit}");
    assert!(
        unit.contains("1 mục trùng với mục của kế hoạch khác"),
        "{unit}"
    );
}

#[test]
fn pages_show_units_ranges_ranks_and_nesting() {
    let targets = page("ke-hoach/ctr-57-2025/chi-tieu/index.html");
    let t = text(targets);
    assert!(t.contains("≥ 30% GDP"), "{t}");
    assert!(t.contains("≥ 50% GDP (đến năm 2045)"));
    assert!(t.contains("16 – 18%/năm"));
    assert!(t.contains("40 – 50 Tbps"));
    assert!(t.contains("≥ 12 người/vạn dân"));
    assert!(t.contains("Đông Nam Á: ≤ 3"));
    assert!(t.contains("Thế giới: ≤ 50"));
    assert!(t.contains("Số nhỏ hơn là tốt hơn"));
    assert!(t.contains("≥ 0,85"));
    assert!(t.contains("Cam kết bằng lời"));
    // Sub-targets sit under their parent.
    assert!(targets.contains("class=\"part depth-1\""));
    assert!(t.contains("Thuộc chỉ tiêu 1"));
    let parent = text(page("chi-tieu/ctr-57-2025-ct-1/index.html"));
    assert!(parent.contains("Các chỉ tiêu thành phần (5)"), "{parent}");
    assert!(!parent.contains("Mốc hoàn thành"));
    let rank = text(page("chi-tieu/ctr-57-2025-ct-2/index.html"));
    assert!(rank.contains("Thứ hạng; số nhỏ hơn là tốt hơn"), "{rank}");
    assert!(rank.contains("Đến năm 2030"));
}

#[test]
fn charts_never_put_two_units_on_one_axis() {
    let targets = page("ke-hoach/ctr-57-2025/chi-tieu/index.html");
    let charts: Vec<&str> = targets.split("<svg").skip(1).collect();
    // % GDP, % of the state budget, %/năm, người/vạn dân, ranks, the index, Tbps, "trung tâm"
    // and plain percent are separate scales; the charts that would say nothing (one target
    // with no baseline and no result) are left out.
    let titles: Vec<String> = charts
        .iter()
        .map(|c| c.split("<title").nth(1).unwrap_or(""))
        .map(|t| {
            t.split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Chỉ tiêu đo bằng % GDP")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Chỉ tiêu thứ hạng")),
        "{titles:?}"
    );
    assert!(
        !titles
            .iter()
            .any(|t| t.starts_with("Chỉ tiêu đo bằng Tbps")),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.starts_with("Chỉ tiêu tỷ lệ")),
        "{titles:?}"
    );
    // A chunk runs from one chart to the next, so it is found by its own <title>.
    let chart_titled = |start: &str| {
        *charts
            .iter()
            .zip(&titles)
            .find(|(_, t)| t.starts_with(start))
            .unwrap()
            .0
    };
    let rank_chart = chart_titled("Chỉ tiêu thứ hạng");
    assert!(rank_chart.contains("số nhỏ hơn là tốt hơn"));
    assert!(
        rank_chart.contains("Kết quả tháng 12/2025: 46"),
        "{rank_chart}"
    );
    let gdp_chart = chart_titled("Chỉ tiêu đo bằng % GDP");
    assert!(gdp_chart.contains("Tỷ lệ (% GDP)"), "{gdp_chart}");
    assert!(!gdp_chart.contains("(%) (%"));
    assert!(!gdp_chart.contains("người/vạn dân"));
    assert!(!gdp_chart.contains("Tbps"));
}

#[test]
fn no_page_speaks_of_a_province_or_of_2025_as_the_horizon_on_a_national_programme() {
    for (path, html) in &built().pages {
        let t = text(html);
        for wrong in [
            "Tỉnh và các cơ quan",
            "Tỉnh hứa",
            "đến hết năm 2025",
            "ngân sách tỉnh/huyện",
            "cổng dữ liệu mở của tỉnh",
            "kế hoạch của tỉnh",
            "Kế hoạch 99/NQ-CP",
            "Tháng (năm 2025)",
        ] {
            assert!(!t.contains(wrong), "{path} says “{wrong}”");
        }
    }
    let targets = text(page("chi-tieu/index.html"));
    assert!(
        targets.contains(
            "Các bộ, ngành, địa phương cam kết đạt những gì (mỗi chỉ tiêu có thời hạn riêng)"
        ),
        "{targets}"
    );
    let summary = text(page("ke-hoach/ctr-57-2025/tom-tat/index.html"));
    assert!(summary.contains("Nghị quyết là gì?"), "{summary}");
    let tasks = page("ke-hoach/ctr-57-2025/nhiem-vu/index.html");
    assert!(text(tasks).contains("Sản phẩm: Quyết định của Thủ tướng Chính phủ"));
}

#[test]
fn the_progress_timeline_spans_the_years_of_its_deadlines() {
    let progress = page("tien-do/index.html");
    let timeline = progress
        .split("<svg")
        .find(|c| c.contains("Năm (2025–2030)") || c.contains("Tháng (năm 2025–2030)"));
    assert!(timeline.is_some(), "no timeline labelled 2025–2030");
}
