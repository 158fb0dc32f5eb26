//! Properties every generated page must have: light enough for a phone on a slow connection,
//! no script and no request leaving the site, clean URLs, and no broken internal link or anchor.

mod common;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn built_site(name: &str) -> PathBuf {
    let out = std::env::temp_dir().join(format!("minhbach-quality-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    common::build(&content, &out);
    out
}

#[test]
fn every_page_is_light_scriptless_and_links_only_to_what_exists() {
    let root = built_site("links");
    let pages = common::quality::html_pages(&root).len();
    assert!(pages > 100, "only {pages} pages");
    let problems = common::quality::problems(&root);
    std::fs::remove_dir_all(&root).unwrap();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn urls_are_plain_ascii_slugs_and_never_collide() {
    let root = built_site("urls");
    let mut seen = BTreeSet::new();
    for e in walkdir::WalkDir::new(&root).into_iter().map(Result::unwrap) {
        let rel = e
            .path()
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if rel.is_empty() {
            continue;
        }
        for seg in rel.split('/') {
            assert!(!seg.is_empty(), "empty segment in {rel}");
            assert!(
                seg.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._".contains(&b))
                    || seg == "OFL.txt"
                    || seg.starts_with("NotoSans-"),
                "segment {seg:?} of {rel} is not a plain slug"
            );
        }
        assert!(seen.insert(rel.to_lowercase()), "{rel} collides");
    }
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn pages_speak_vietnamese_with_diacritics() {
    let root = built_site("words");
    let home = std::fs::read_to_string(root.join("index.html")).unwrap();
    for words in [
        "Trang chủ",
        "Kế hoạch",
        "Chỉ tiêu",
        "Kinh phí",
        "Tiến độ",
        "Đơn vị",
        "chưa có số liệu",
    ] {
        assert!(home.contains(words), "home lacks {words}");
    }
    assert!(home.contains("<html lang=\"vi\">"));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn every_page_has_its_canonical_address_and_link_preview_text() {
    let root = built_site("preview");
    let base = "https://opendata.quangngai.gov.vn/minhbach/";
    for (rel, html) in common::quality::html_pages(&root) {
        // An embed page (Vietnamese or English) names its chart's own page as canonical
        // (tests/chart_pages.rs): that is the page to share; the embed page lives inside other
        // sites' frames.
        let chart = rel.strip_prefix("en/").unwrap_or(&rel);
        if chart.starts_with("bieu-do/") && chart.ends_with("/nhung/index.html") {
            continue;
        }
        let path = rel.strip_suffix("index.html").unwrap_or(&rel);
        let url = format!("{base}{path}");
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{rel}"
        );
        assert!(
            html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")),
            "{rel}"
        );
        for tag in [
            "og:title",
            "og:description",
            "og:site_name",
            "og:image",
            "og:image:alt",
        ] {
            assert!(
                html.contains(&format!("<meta property=\"{tag}\" content=\"")),
                "{rel}: {tag}"
            );
        }
        assert!(
            html.contains("<meta property=\"og:image:width\" content=\"1200\">")
                && html.contains("<meta property=\"og:image:height\" content=\"630\">")
                && html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"),
            "{rel}"
        );
    }
    std::fs::remove_dir_all(&root).unwrap();
}

/// The `content` of `<meta property="{property}">` in `html`.
fn meta<'a>(html: &'a str, property: &str) -> Option<&'a str> {
    let start = html.find(&format!("<meta property=\"{property}\" content=\""))?;
    let rest = &html[start..];
    let rest = &rest[rest.find("content=\"")? + 9..];
    Some(&rest[..rest.find('"')?])
}

#[test]
fn every_preview_image_a_page_names_exists_as_a_1200_by_630_png() {
    let root = built_site("preview-images");
    let base = "https://opendata.quangngai.gov.vn/minhbach/";
    let mut images = BTreeSet::new();
    for (rel, html) in common::quality::html_pages(&root) {
        let image = meta(&html, "og:image").unwrap_or_else(|| panic!("{rel}: no og:image"));
        let file = image
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{rel}: {image} is not on the site"));
        assert!(file.is_ascii() && file.ends_with(".png"), "{rel}: {file}");
        images.insert(file.to_string());
    }
    for file in &images {
        let bytes = std::fs::read(root.join(file)).unwrap_or_else(|_| panic!("{file} missing"));
        assert_eq!(
            minhbach::raster::png_size(&bytes),
            Some((1200, 630)),
            "{file}"
        );
    }
    // Plans, targets and units have their own card; other pages share the site's.
    assert!(images.contains("anh/ke-hoach/kh-223-ubnd-2024.png"));
    assert!(images.contains("anh/ke-hoach/kh-223-ubnd-2024/kinh-phi.png"));
    assert!(images.contains("anh/don-vi/so-noi-vu.png"));
    assert!(images.contains("anh/trang-chu.png"));
    assert!(images.iter().any(|i| i.starts_with("anh/chi-tieu/")));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_plans_preview_says_its_budget_targets_and_tasks_as_its_pages_do() {
    let root = built_site("preview-plan");
    let page = std::fs::read_to_string(root.join("ke-hoach/kh-223-ubnd-2024/index.html")).unwrap();
    let alt = meta(&page, "og:image:alt").unwrap();
    // The figures of the card, in its text alternative, are the page's own.
    assert!(alt.starts_with("Kế hoạch 223/KH-UBND: "), "{alt}");
    assert!(alt.contains(" tỷ đồng kinh phí"), "{alt}");
    assert!(
        alt.contains("chỉ tiêu") && alt.contains("nhiệm vụ"),
        "{alt}"
    );
    let total = alt
        .split(" tỷ đồng")
        .next()
        .unwrap()
        .rsplit(". ")
        .next()
        .unwrap();
    assert!(page.contains(&format!("{total} tỷ đồng")), "{total}");
    // The description is the plan's own, not the site's.
    let description = meta(&page, "og:description").unwrap();
    let home = std::fs::read_to_string(root.join("index.html")).unwrap();
    assert_ne!(Some(description), meta(&home, "og:description"));
    std::fs::remove_dir_all(&root).unwrap();
}

/// On a phone a table shows only its key columns; the rest is listed under the row's name. A
/// plan's task table keeps the task and its status on screen and folds lead, coordinating units
/// and deadline under the task. (The progress summary of many plans: `tests/national_set.rs`.)
#[test]
fn a_task_table_folds_lead_coordinating_and_deadline_under_the_task_on_phones() {
    let out = built_site("phone-tables");
    let tasks =
        std::fs::read_to_string(out.join("ke-hoach/kh-223-ubnd-2024/nhiem-vu/index.html")).unwrap();
    let rows = tasks.matches("<tr id=").count();
    assert!(rows > 10, "{rows} task rows");
    assert_eq!(
        tasks.matches("<th scope=\"col\" class=\"wide\">").count(),
        3
    );
    assert_eq!(
        tasks
            .matches("<span class=\"narrow\"><span>Chủ trì: ")
            .count(),
        rows
    );
    assert_eq!(tasks.matches("<span>Thời hạn: ").count(), rows);

    std::fs::remove_dir_all(&out).unwrap();
}
