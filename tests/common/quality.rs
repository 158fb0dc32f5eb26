//! The properties every generated site must have, checked on a built output directory: every
//! page light enough for a phone (200 KB with its stylesheet), no script and no request leaving
//! the site, and no broken internal link or anchor.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The one page that runs a script, and the one element that loads it.
pub const SEARCH_PAGES: [(&str, &str); 2] = [
    (
        "tim-kiem/index.html",
        "<script src=\"../search.js\" defer></script>",
    ),
    (
        "en/tim-kiem/index.html",
        "<script src=\"../../search.js\" defer></script>",
    ),
];

/// The limit the issues set: a page with its stylesheet and inline SVG charts.
pub const MAX_PAGE_BYTES: u64 = 200 * 1024;

pub fn html_pages(root: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// Values of `attr="..."` in a page.
pub fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// Resolves a relative link of page `page` to a file of the site and an optional fragment.
pub fn resolve(page: &str, href: &str) -> (String, Option<String>) {
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    if path.is_empty() {
        return (page.to_string(), fragment);
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut file = parts.join("/");
    if path.ends_with('/') || file.is_empty() {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    (file, fragment)
}

/// Every breach of those properties in the site built at `root`, one line each.
pub fn problems(root: &Path) -> Vec<String> {
    let pages = html_pages(root);
    let css = std::fs::metadata(root.join("style.css")).unwrap().len();
    let ids: BTreeMap<&str, BTreeSet<&str>> = pages
        .iter()
        .map(|(p, h)| (p.as_str(), attributes(h, "id").into_iter().collect()))
        .collect();
    let mut problems = Vec::new();
    for (page, html) in &pages {
        let weight = html.len() as u64 + css;
        if weight > MAX_PAGE_BYTES {
            problems.push(format!(
                "{page}: {weight} bytes with its CSS (limit {MAX_PAGE_BYTES})"
            ));
        }
        // The only script elements allowed are schema.org data, which browsers never run, and
        // the search page's own script (the one page whose CSP lets it run).
        let own = usize::from(
            SEARCH_PAGES
                .iter()
                .any(|(p, script)| page == p && html.contains(script))
                && !html.contains("script-src 'none'"),
        );
        if html.matches("<script").count()
            != html
                .matches("<script type=\"application/ld+json\">")
                .count()
                + own
        {
            problems.push(format!("{page}: contains a script"));
        }
        for src in attributes(html, "src") {
            if src.contains("://") || src.starts_with("//") {
                problems.push(format!("{page}: loads {src} from outside the site"));
            }
        }
        for href in attributes(html, "href") {
            if href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with("mailto:")
            {
                if html.contains(&format!("<link rel=\"stylesheet\" href=\"{href}\"")) {
                    problems.push(format!("{page}: stylesheet from outside the site: {href}"));
                }
                continue;
            }
            let (file, fragment) = resolve(page, href);
            if !root.join(&file).exists() {
                problems.push(format!("{page}: broken link {href} (→ {file})"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty())
                && file.ends_with(".html")
                && !ids
                    .get(file.as_str())
                    .is_some_and(|set| set.contains(f.as_str()))
            {
                problems.push(format!("{page}: link {href} to a missing anchor"));
            }
        }
    }
    problems
}
