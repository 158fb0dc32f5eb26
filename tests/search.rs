//! Search (issue 14): the static index finds entries by folded words and links to rows that
//! exist; the A–Z lists reach every unit, plan and target page without JavaScript, across pages.

mod common;

#[path = "../examples/national/generator.rs"]
mod generator;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::quality::{attributes, html_pages, resolve};
use minhbach::search::fold;

fn temp(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("minhbach-search-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    p
}

/// The pages every A–Z list must reach: each unit, plan (overview) and target page of the site,
/// in the language of `prefix` (`""` for Vietnamese, `"en/"` for English).
fn pages_to_reach(pages: &BTreeMap<String, String>, prefix: &str) -> BTreeSet<String> {
    pages
        .keys()
        .filter(|p| {
            let Some(p) = p.strip_prefix(prefix) else {
                return false;
            };
            let parts: Vec<&str> = p.split('/').collect();
            matches!(
                parts.as_slice(),
                ["don-vi" | "ke-hoach" | "chi-tieu", id, "index.html"] if !id.starts_with("trang-")
            )
        })
        .cloned()
        .collect()
}

/// Every page the A–Z lists of `prefix`'s language link to, following their pages.
fn reached_from_a_to_z(pages: &BTreeMap<String, String>, prefix: &str) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let lists = format!("{prefix}tim-kiem/a-z/");
    for (page, html) in pages.iter().filter(|(p, _)| p.starts_with(&lists)) {
        for href in attributes(html, "href") {
            reached.insert(resolve(page, href).0);
        }
    }
    reached
}

/// The A–Z lists of each language reach every unit, plan and target page of that language, and
/// the search page of each language links to its three lists.
fn assert_a_to_z_reaches_everything(root: &Path) -> usize {
    let pages = html_pages(root);
    let mut counts = Vec::new();
    for prefix in ["", "en/"] {
        let want = pages_to_reach(&pages, prefix);
        let reached = reached_from_a_to_z(&pages, prefix);
        let missing: Vec<&String> = want.difference(&reached).collect();
        assert!(
            missing.is_empty(),
            "{} pages not reachable from the {prefix}A–Z lists, e.g. {:?}",
            missing.len(),
            &missing[..missing.len().min(5)]
        );
        // And the search page (its only way in without JavaScript) links to each list.
        let search = format!("{prefix}tim-kiem/index.html");
        let links: BTreeSet<String> = attributes(&pages[&search], "href")
            .into_iter()
            .map(|href| resolve(&search, href).0)
            .collect();
        for list in ["don-vi", "ke-hoach", "chi-tieu"] {
            let page = format!("{prefix}tim-kiem/a-z/{list}/index.html");
            assert!(links.contains(&page), "{search} links to {page}");
        }
        counts.push(want.len());
    }
    assert_eq!(
        counts[0], counts[1],
        "as many English pages to reach as Vietnamese"
    );
    counts[0]
}

/// The index as the script reads it: the manifest, every word with its entries, every entry.
struct Index {
    words: BTreeMap<String, Vec<usize>>,
    entries: Vec<(usize, String, serde_json::Value, String)>,
}

fn read_index(root: &Path) -> Index {
    let dir = root.join("tim-kiem/chi-muc");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let mut words = BTreeMap::new();
    for key in manifest["shards"].as_array().unwrap() {
        let key = key.as_str().unwrap();
        let shard: BTreeMap<String, Vec<i64>> =
            serde_json::from_slice(&std::fs::read(dir.join(format!("t-{key}.json"))).unwrap())
                .unwrap();
        for (w, gaps) in shard {
            assert!(w.starts_with(key), "{w} is in shard {key}");
            let ids = minhbach::search::decode_ids(&gaps)
                .into_iter()
                .map(|i| i as usize)
                .collect();
            words.insert(w, ids);
        }
    }
    let n = manifest["entries"].as_u64().unwrap() as usize;
    let chunk = manifest["chunk"].as_u64().unwrap() as usize;
    let mut entries = Vec::new();
    for c in 0..n.div_ceil(chunk) {
        let rows: Vec<(usize, String, serde_json::Value, String)> =
            serde_json::from_slice(&std::fs::read(dir.join(format!("d-{c}.json"))).unwrap())
                .unwrap();
        assert!(rows.len() == chunk || c == n.div_ceil(chunk) - 1);
        entries.extend(rows);
    }
    assert_eq!(entries.len(), n);
    Index { words, entries }
}

impl Index {
    /// What the script shows for a query typed in full: the entries holding every word.
    fn find(&self, query: &str) -> Vec<&(usize, String, serde_json::Value, String)> {
        let mut ids: Option<BTreeSet<usize>> = None;
        for w in fold(query).split(' ') {
            let found: BTreeSet<usize> = self.words.get(w).into_iter().flatten().copied().collect();
            ids = Some(match ids {
                Some(prev) => prev.intersection(&found).copied().collect(),
                None => found,
            });
        }
        ids.unwrap_or_default()
            .into_iter()
            .map(|i| &self.entries[i])
            .collect()
    }
}

#[test]
fn the_a_to_z_lists_reach_every_unit_plan_and_target_of_the_bundled_site() {
    let out = temp("bundled");
    common::build(&common::content(), &out);
    let reached = assert_a_to_z_reaches_everything(&out);
    assert!(reached > 200, "{reached}");
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn the_a_to_z_lists_reach_every_page_when_they_run_to_several_pages() {
    // 3 provinces × 10 communes: 510 targets, more than one page of the targets list.
    let base = temp("national");
    let content = base.join("content");
    generator::generate(
        &content,
        &generator::Options {
            provinces: Some(3),
            communes_per_province: Some(10),
            ..generator::Options::default()
        },
    )
    .unwrap();
    let out = base.join("out");
    common::build(&content, &out);
    assert!(out.join("tim-kiem/a-z/chi-tieu/trang-2.html").exists());
    let reached = assert_a_to_z_reaches_everything(&out);
    assert!(reached > 500, "{reached}");
    // Every letter link leads to a heading on the page it names.
    let problems = common::quality::problems(&out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn the_index_finds_words_without_tone_marks_and_links_to_rows_that_exist() {
    let out = temp("index");
    common::build(&common::content(), &out);
    let index = read_index(&out);
    let pages = html_pages(&out);
    // Every entry leads to a page of the site and, for rows, to an id on that page.
    for (_, title, _, href) in &index.entries {
        let (file, fragment) = resolve("index.html", href);
        let html = pages
            .get(&file)
            .unwrap_or_else(|| panic!("{title}: {href} is not a page"));
        if let Some(id) = fragment {
            assert!(
                html.contains(&format!(" id=\"{id}\"")),
                "{title}: no row #{id} on {file}"
            );
        }
    }
    let kinds = |q: &str| -> BTreeSet<usize> { index.find(q).iter().map(|e| e.0).collect() };
    // Without tone marks, and with them, the same entries.
    for (plain, marked) in [
        ("quang ngai", "Quảng Ngãi"),
        ("dien tu", "điện tử"),
        ("so hoa", "Số hóa"),
        ("tinh thien", "TỊNH THIỆN"),
    ] {
        let a = index.find(plain);
        assert!(!a.is_empty(), "{plain}");
        assert_eq!(a, index.find(marked), "{marked}");
    }
    assert!(
        index
            .find("so hoa")
            .iter()
            .any(|e| e.1.to_lowercase().contains("số hóa"))
    );
    // Units, plans, targets, tasks and budget items are all found.
    assert!(kinds("xa tinh thien").contains(&0), "a unit");
    assert!(kinds("chuyen doi so").contains(&1), "a plan");
    assert!(kinds("ty le").contains(&2), "a target");
    assert!(kinds("so hoa").contains(&3), "a task");
    assert!(kinds("phan mem").contains(&4), "a budget item");
    // The index holds codes, not words of either language: each search page gives its words.
    for (kind, _, context, _) in &index.entries {
        let text = context.to_string();
        assert!(
            !text.contains("mục") && !text.contains("Sở, ban, ngành"),
            "{kind}: {text}"
        );
    }
    let english = &pages["en/tim-kiem/index.html"];
    assert!(
        english.contains("data-pages=\"../../en/\""),
        "results lead to English pages"
    );
    assert!(english.contains("data-item=\"{plan}, item {n}\""));
    assert!(english.contains("&quot;department&quot;:&quot;Departments and sectors&quot;"));
    std::fs::remove_dir_all(&out).unwrap();
}
