//! No chart shows a target as achieved without a reported result: every target chart's marks are
//! checked against the data package. A goal is a tick, never a filled bar; a result mark (the
//! diamond, filled with the accent colour) appears exactly as many times as there are goals with
//! a reported value; every goal without one says "chưa có số liệu".

mod common;
use std::path::Path;

/// The target charts of a built site: (page, svg) for every `<svg>` whose id ends in `-chi-tieu`.
fn target_charts(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (page, html) in common::quality::html_pages(root) {
        let mut rest = html.as_str();
        while let Some(i) = rest.find("<svg") {
            let end = rest[i..]
                .find("</svg>")
                .map(|e| i + e + 6)
                .unwrap_or(rest.len());
            let svg = &rest[i..end];
            if svg.contains("-chi-tieu") && svg.contains("Mục tiêu") {
                out.push((page.clone(), svg.to_string()));
            }
            rest = &rest[end..];
        }
    }
    out
}

/// Result marks (filled diamonds) in a chart, not counting its legend's.
fn result_marks(svg: &str) -> usize {
    svg.matches("<polygon").count() - 1
}

/// Goals of a chart: one "Mục tiêu: …" line each.
fn goals(svg: &str) -> usize {
    svg.matches("Mục tiêu: ").count()
}

fn check(root: &Path, expected_results: usize) {
    let charts = target_charts(root);
    assert!(!charts.is_empty(), "no target chart");
    let mut results = 0;
    for (page, svg) in &charts {
        assert!(
            !svg.contains("fill=\"#1F4E79\"") || !svg.contains("<rect"),
            "{page}: a target chart draws a filled bar"
        );
        let marks = result_marks(svg);
        let unknown = svg.matches("Kết quả: chưa có số liệu").count();
        assert_eq!(
            marks + unknown,
            goals(svg),
            "{page}: every goal has a result mark or says it has none"
        );
        results += marks;
    }
    // Each chart is shown on the plan's overview, its targets page and /chi-tieu/, and on its
    // own page and its embed page: five times.
    assert_eq!(results % 5, 0, "charts: {}", charts.len());
    assert_eq!(results / 5, expected_results);
}

#[test]
fn the_bundled_targets_have_no_reported_result_and_no_chart_says_otherwise() {
    let out = std::env::temp_dir().join(format!("minhbach-honest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    common::build(&common::content(), &out);
    // The data package holds baselines and no actual value (the September report gives results
    // as text, not as target values).
    let values = std::fs::read_to_string(out.join("data/target-values.csv")).unwrap();
    assert!(!values.contains(",actual,"), "{values}");
    check(&out, 0);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_reported_result_is_drawn_once_per_goal_and_said_in_words() {
    let out = std::env::temp_dir().join(format!("minhbach-honest-fx-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    common::build(&common::fixture(), &out);
    check(&out, 1);
    let page = std::fs::read_to_string(out.join("ke-hoach/kh-1-2025/chi-tieu/index.html")).unwrap();
    assert!(page.contains("Kết quả tháng 9/2025: 92%"));
    assert!(page.contains("1/1 chỉ tiêu có kết quả được báo cáo"));
    std::fs::remove_dir_all(&out).unwrap();
}
