//! The page-weight bar — "page weight ≤ 200 KB" — on every page of the bundled site (built with a
//! feedback address set, so with its "Báo sai sót" links) and of both fixtures.
//!
//! What a page weighs: its HTML, the stylesheet, and every image and script it references (the
//! charts are inline SVG, so there are none today, and published pages carry no script). That
//! must stay within 200 KB (204 800 bytes).
//!
//! Fonts are counted apart: the two Noto Sans files that `style.css` loads are the same for every
//! page, so a reader downloads them once per site and every later page comes from the cache.
//! Counting them on every page would leave the largest pages (the full budget of plan 223, about
//! 180 KB of HTML) no room at all; so the fonts have their own bound (`MAX_FONT_BYTES`), and the
//! test reports the heaviest page both ways — what a first visit to it costs, fonts included,
//! and what each page costs after that.

mod common;
use std::path::{Path, PathBuf};

use common::quality::{MAX_PAGE_BYTES, attributes, html_pages, resolve};

/// What the fonts may weigh together, downloaded once per site.
const MAX_FONT_BYTES: u64 = 70 * 1024;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-weight-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The files `url(...)` in the stylesheet names, relative to the site root.
fn fonts(root: &Path) -> Vec<String> {
    let css = std::fs::read_to_string(root.join("style.css")).unwrap();
    css.split("url(")
        .skip(1)
        .filter_map(|rest| rest.split_once(')'))
        .map(|(url, _)| url.trim_matches(['"', '\'']).to_string())
        .filter(|u| !u.starts_with("data:"))
        .collect()
}

fn size(root: &Path, rel: &str) -> u64 {
    std::fs::metadata(root.join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .len()
}

/// Each page's weight: HTML, stylesheet, referenced images and scripts. With the font weight.
fn weights(root: &Path) -> (Vec<(String, u64)>, u64) {
    let css = size(root, "style.css");
    let fonts: u64 = fonts(root).iter().map(|f| size(root, f)).sum();
    let mut out = Vec::new();
    for (page, html) in html_pages(root) {
        let mut weight = html.len() as u64 + css;
        for src in attributes(&html, "src") {
            assert!(
                !src.contains("://"),
                "{page} loads {src} from outside the site"
            );
            let (file, _) = resolve(&page, src);
            weight += size(root, &file);
        }
        out.push((page, weight));
    }
    (out, fonts)
}

/// Checks one built site; returns its heaviest page.
fn check(root: &Path, name: &str) -> (String, u64, u64) {
    let (pages, fonts) = weights(root);
    assert!(pages.len() > 5, "{name}: only {} pages", pages.len());
    assert!(
        fonts <= MAX_FONT_BYTES,
        "{name}: fonts weigh {fonts} bytes (limit {MAX_FONT_BYTES})"
    );
    let too_heavy: Vec<_> = pages.iter().filter(|(_, w)| *w > MAX_PAGE_BYTES).collect();
    assert!(
        too_heavy.is_empty(),
        "{name}: pages over {MAX_PAGE_BYTES} bytes: {too_heavy:#?}"
    );
    let (page, weight) = pages.into_iter().max_by_key(|(_, w)| *w).unwrap();
    eprintln!(
        "{name}: heaviest page {page}: {weight} bytes (HTML, CSS, images); {} with the fonts of a first visit",
        weight + fonts
    );
    (page, weight, fonts)
}

#[test]
fn every_page_of_the_bundled_site_with_mistake_links_stays_within_200_kb() {
    let content = scratch("content");
    common::copy_dir(&common::content(), &content);
    let site = content.join("site.toml");
    let mut text = std::fs::read_to_string(&site).unwrap();
    assert!(
        !text.contains("feedback_email"),
        "the bundled site sets no address"
    );
    text.push_str("feedback_email = \"gopy@example.org\"\n");
    std::fs::write(&site, text).unwrap();
    let out = scratch("bundled");
    common::build(&content, &out);
    let (heaviest, _, _) = check(&out, "bundled");
    // The full budget of plan 223, or its English twin (English words run a little longer).
    let heaviest = heaviest
        .strip_prefix("en/")
        .unwrap_or(&heaviest)
        .to_string();
    assert_eq!(heaviest, "ke-hoach/kh-223-ubnd-2024/kinh-phi/index.html");
    // Rows carry their own link where they fit; the full budget of plan 223 would not, and has
    // one link for the page instead.
    let budget = std::fs::read_to_string(out.join(&heaviest)).unwrap();
    assert!(!budget.contains("class=\"fb\""));
    assert!(budget.contains("Báo sai sót trên trang này"));
    let tasks =
        std::fs::read_to_string(out.join("ke-hoach/kh-223-ubnd-2024/nhiem-vu/index.html")).unwrap();
    assert!(tasks.matches("class=\"fb\"").count() > 50);
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&content);
}

#[test]
fn every_page_of_both_fixtures_stays_within_200_kb() {
    for name in ["two-reports", "national-programme"] {
        let content = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let out = scratch(name);
        common::build(&content, &out);
        check(&out, name);
        let _ = std::fs::remove_dir_all(&out);
    }
}
