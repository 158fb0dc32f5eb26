//! Every chart is a shareable object (issue 14): an anchor on each page it appears on, its own
//! page with a citation and the code to embed it, an embed page without script, and a
//! standalone SVG file — on the bundled site and on both fixtures.

mod common;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::quality::{attributes, html_pages, resolve};
use minhbach::content::read_site;
use minhbach::routes::Route;

fn built(name: &str, content: &Path) -> PathBuf {
    let out = std::env::temp_dir().join(format!("minhbach-charts-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    common::build(content, &out);
    out
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The ids of the charts drawn on each page (`<figure class="chart-figure" id="…">`).
fn figures(html: &str) -> Vec<&str> {
    let needle = "<figure class=\"chart-figure\" id=\"";
    html.match_indices(needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// The value of `<meta http-equiv="Content-Security-Policy" content="…">` of a page.
fn csp(html: &str) -> &str {
    let needle = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let i = html.find(needle).expect("a CSP") + needle.len();
    let end = html[i..].find('"').unwrap();
    &html[i..i + end]
}

/// Checks every chart of the site built at `root`; returns the problems, one line each.
fn chart_problems(root: &Path) -> (usize, Vec<String>) {
    let pages = html_pages(root);
    let home = &pages["index.html"];
    let base = attributes(home, "href")
        .into_iter()
        .find(|h| {
            h.starts_with("https://") && home.contains(&format!("rel=\"canonical\" href=\"{h}\""))
        })
        .expect("the home page names its address")
        .to_string();
    let site_csp = csp(home).to_string();
    let mut problems = Vec::new();
    // Where each chart is drawn, outside its own pages.
    let mut hosts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (page, html) in &pages {
        // The English mirror (`en/`) repeats every chart with the same links; its pages are
        // checked by tests/english.rs and by the link check below.
        if page.starts_with("bieu-do/") || page.starts_with("en/") {
            continue;
        }
        for id in figures(html) {
            hosts.entry(id.to_string()).or_default().push(page.clone());
            if !html.contains(&format!("<a href=\"#{id}\">")) {
                problems.push(format!("{page}: chart {id} has no permalink to its anchor"));
            }
        }
    }
    for (id, on) in &hosts {
        let own = format!("bieu-do/{id}/index.html");
        let embed = format!("bieu-do/{id}/nhung/index.html");
        let svg = format!("bieu-do/{id}.svg");
        let page_url = format!("{base}bieu-do/{id}/");
        for host in on {
            if !pages[host].contains(&format!("bieu-do/{id}/\">")) {
                problems.push(format!("{host}: chart {id} does not link to its own page"));
            }
            if !pages[host].contains(&format!("bieu-do/{id}.svg\" download>SVG</a>")) {
                problems.push(format!("{host}: chart {id} offers no SVG download"));
            }
        }
        let Some(html) = pages.get(&own) else {
            problems.push(format!(
                "chart {id} (on {}) has no page of its own",
                on.join(", ")
            ));
            continue;
        };
        if !html.contains(&format!("truy cập từ {page_url}</p>"))
            || !html.contains("<p class=\"citation\">Nguồn: ")
        {
            problems.push(format!(
                "{own}: no citation ending with the page's address {page_url}"
            ));
        }
        let code = format!(
            "<pre class=\"embed-code\"><code>&lt;iframe src=&quot;{base}bieu-do/{id}/nhung/&quot; title=&quot;"
        );
        if !html.contains(&code)
            || !html.contains("loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;</code></pre>")
        {
            problems.push(format!(
                "{own}: no embed code for {base}bieu-do/{id}/nhung/"
            ));
        }
        // The pages it names as showing it do show it, at its anchor.
        let mut named = BTreeSet::new();
        for href in attributes(html, "href")
            .into_iter()
            .filter(|h| h.ends_with(&format!("#{id}")))
        {
            let (file, _) = resolve(&own, href);
            named.insert(file.clone());
            if !pages
                .get(&file)
                .is_some_and(|h| figures(h).contains(&id.as_str()))
            {
                problems.push(format!(
                    "{own}: says the chart is on {href}, which does not show it"
                ));
            }
        }
        for host in on {
            if !named.contains(host) {
                problems.push(format!(
                    "{own}: does not link back to {host}, which shows the chart"
                ));
            }
        }
        match pages.get(&embed) {
            None => problems.push(format!("chart {id} has no embed page")),
            Some(e) => {
                let ok = e.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">")
                    && csp(e) == site_csp
                    && !e.contains("<script")
                    && e.contains(&format!("<link rel=\"canonical\" href=\"{page_url}\">"))
                    && e.contains("target=\"_top\">Xem trên ")
                    && e.contains("<details>\n<summary>Bảng số liệu</summary>")
                    && e.contains(&format!("<caption id=\"{id}-bang\">"))
                    && figures(e).is_empty()
                    && e.contains(&format!("aria-labelledby=\"{id}-t {id}-d\""));
                if !ok {
                    problems.push(format!("{embed}: not a standalone, script-free page with the chart, its table and a link back"));
                }
            }
        }
        match std::fs::read_to_string(root.join(&svg)) {
            Err(_) => problems.push(format!("chart {id} has no SVG file")),
            Ok(s) => {
                let ok = s.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                    && s.contains("\" viewBox=\"0 0 ")
                    && s.contains(&format!("<title id=\"{id}-t\">"))
                    && s.contains(&format!("<desc id=\"{id}-d\">"))
                    && s.contains("font-family=\"Noto Sans, Arial, sans-serif\"")
                    && !s.contains("font-family=\"Noto Sans\"")
                    && s.trim_end().ends_with("</svg>");
                if !ok {
                    problems.push(format!("{svg}: not a standalone SVG with size, title, description and font fallback"));
                }
            }
        }
    }
    // No chart page without a chart on some page of the site.
    for page in pages.keys().filter(|p| p.starts_with("bieu-do/")) {
        let id = page
            .trim_start_matches("bieu-do/")
            .split('/')
            .next()
            .unwrap();
        if !hosts.contains_key(id) {
            problems.push(format!("{page}: a chart no page shows"));
        }
    }
    // And every link resolves, to an anchor that exists; every page is light and script-free.
    problems.extend(common::quality::problems(root));
    (hosts.len(), problems)
}

fn assert_every_chart_is_shareable(name: &str, content: &Path, at_least: usize) {
    let root = built(name, content);
    let (charts, problems) = chart_problems(&root);
    std::fs::remove_dir_all(&root).unwrap();
    assert!(charts >= at_least, "{name}: only {charts} charts");
    assert!(
        problems.is_empty(),
        "{name}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_chart_of_the_bundled_site_has_an_anchor_a_page_an_embed_page_and_an_svg() {
    assert_every_chart_is_shareable("bundled", &common::content(), 15);
}

#[test]
fn every_chart_of_the_national_programme_is_shareable_too() {
    assert_every_chart_is_shareable("national", &fixture("national-programme"), 1);
}

#[test]
fn every_chart_of_the_two_reports_fixture_is_shareable_too() {
    assert_every_chart_is_shareable("two-reports", &fixture("two-reports"), 1);
}

#[test]
fn chart_ids_name_the_plan_and_what_the_chart_shows_and_are_unique() {
    let (site, diags) = read_site(&common::content());
    assert!(!diags.has_errors(), "{}", diags.render());
    let site = site.unwrap();
    let charts: Vec<String> = Route::all(&site)
        .into_iter()
        .filter_map(|r| match r {
            Route::Chart(id) => Some(id),
            _ => None,
        })
        .collect();
    let unique: BTreeSet<&String> = charts.iter().collect();
    assert_eq!(unique.len(), charts.len());
    for id in [
        "theo-ke-hoach",
        "kh-223-ubnd-2024-theo-huyen",
        "kh-223-ubnd-2024-theo-co-quan",
        "kh-223-ubnd-2024-theo-nguon",
        "kh-223-ubnd-2024-theo-nhom",
        "kh-223-ubnd-2024-chi-tieu",
        "kh-223-ubnd-2024-tien-do",
    ] {
        assert!(charts.iter().any(|c| c == id), "no chart {id}");
        assert!(Route::all(&site).contains(&Route::ChartEmbed(id.to_string())));
    }
}
