//! PNG images: every chart has a PNG copy beside its CSV and JSON (English pages their English
//! drawing's), and images are drawn once —
//! a rebuild of unchanged content draws none, a change redraws exactly the images it changes,
//! and the bytes are the same whether the cache answered or not.

mod common;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::site::Site;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-previews-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Builds `content` into `out` with its image cache in `cache`; returns the summary's (drawn,
/// from the cache) image counts.
fn build(content: &Path, out: &Path, cache: &Path) -> (usize, usize) {
    let said = common::build_reporting(content, out, Some(cache));
    let line = said.lines().last().unwrap();
    let number_after = |words: &str| -> usize {
        let rest = &line[line.find(words).unwrap_or_else(|| panic!("{line}")) + words.len()..];
        rest.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    (number_after("vẽ mới "), number_after("bộ nhớ đệm "))
}

/// Every PNG of a built site, by path.
fn pngs(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::snapshot(root)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "png"))
        .collect()
}

#[test]
fn every_chart_on_the_bundled_site_has_a_png_twice_its_size_linked_beside_its_data() {
    let out = temp("charts");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    common::build(&content, &out);
    let mut charts = 0;
    for (rel, html) in common::quality::html_pages(&out) {
        // English pages link their own PNG, drawn from the English chart they show.
        let lang = if rel.starts_with("en/") { "en/" } else { "" };
        for part in html.split("<figure class=\"chart-figure\" id=\"").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            let png = format!("{lang}bieu-do/{id}.png");
            let bytes = std::fs::read(out.join(&png)).unwrap_or_else(|_| panic!("{rel}: {png}"));
            let view = part.split("viewBox=\"0 0 ").nth(1).unwrap();
            let mut wh = view[..view.find('"').unwrap()].split(' ');
            let (w, h): (u32, u32) = (
                wh.next().unwrap().parse().unwrap(),
                wh.next().unwrap().parse().unwrap(),
            );
            assert_eq!(
                minhbach::raster::png_size(&bytes),
                Some((2 * w, 2 * h)),
                "{png}"
            );
            let figure = &part[..part.find("</figure>").unwrap()];
            assert!(
                figure.contains(&format!("{png}\" download>PNG</a>")),
                "{rel}: no PNG link for {id}"
            );
            charts += 1;
        }
    }
    assert!(charts > 20, "only {charts} charts");
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_rebuild_draws_no_image_and_a_change_redraws_exactly_the_images_it_changes() {
    let site = Site::new();
    let cache = site.root.join("cache");
    let (first, second, third) = (
        site.root.join("first"),
        site.root.join("second"),
        site.root.join("third"),
    );
    let (drawn, cached) = build(&site.content, &first, &cache);
    assert!(drawn > 3 && cached == 0, "{drawn} drawn, {cached} cached");

    // Unchanged content: nothing drawn, and the same bytes as when every image was drawn.
    assert_eq!(build(&site.content, &second, &cache), (0, drawn));
    assert!(common::snapshot(&first) == common::snapshot(&second));

    // A unit renamed: its card and the images that name it are drawn again, nothing else.
    site.replace(
        "units/units.toml",
        "name = \"Sở Nội vụ\"",
        "name = \"Sở Nội vụ tỉnh Thử\"",
    );
    let (redrawn, reused) = build(&site.content, &third, &cache);
    let (before, after) = (pngs(&first), pngs(&third));
    let changed = after
        .iter()
        .filter(|(p, b)| before.get(*p) != Some(b))
        .count();
    assert!(redrawn > 0, "nothing redrawn");
    assert_eq!(
        redrawn, changed,
        "redrawn images should be exactly the changed ones"
    );
    assert_eq!(redrawn + reused, after.len());
    assert!(after.contains_key(Path::new("anh/don-vi/so-noi-vu.png")));
    assert_ne!(
        before[Path::new("anh/don-vi/so-noi-vu.png")],
        after[Path::new("anh/don-vi/so-noi-vu.png")]
    );
}

#[test]
fn the_cache_is_outside_the_output_and_can_be_deleted_at_any_time() {
    let site = Site::new();
    let cache = site.root.join("cache");
    let (a, b) = (site.root.join("a"), site.root.join("b"));
    build(&site.content, &a, &cache);
    assert!(cache.join("png").read_dir().unwrap().count() > 0);
    assert!(
        !common::snapshot(&a)
            .keys()
            .any(|p| p.to_string_lossy().contains("cache"))
    );
    std::fs::remove_dir_all(&cache).unwrap();
    let (drawn, cached) = build(&site.content, &b, &cache);
    assert!(drawn > 0 && cached == 0);
    assert!(common::snapshot(&a) == common::snapshot(&b));
}
