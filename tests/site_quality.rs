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
        // An embed page names its chart's own page as canonical (tests/chart_pages.rs): that is
        // the page to share; the embed page lives inside other sites' frames.
        if rel.starts_with("bieu-do/") && rel.ends_with("/nhung/index.html") {
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
        for tag in ["og:title", "og:description", "og:site_name"] {
            assert!(
                html.contains(&format!("<meta property=\"{tag}\" content=\"")),
                "{rel}: {tag}"
            );
        }
    }
    std::fs::remove_dir_all(&root).unwrap();
}
