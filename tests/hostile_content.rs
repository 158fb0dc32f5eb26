//! Content is not trusted: script in any text field — plan titles, unit names, target text,
//! budget titles and notes, task titles, result text, report titles, Markdown — must come out
//! inert in every page, chart and in the Atom feed of reports (built from the two-reports
//! fixture, so that the feed and the pages carry rows of what changed). The site ships no
//! script, and its Content-Security-Policy allows none.

mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};

const PAYLOAD: &str = r#"<script>alert(1)</script>"><img src=x onerror=alert(2)><iframe src=//evil.example></iframe><form action=//evil.example><svg onload=alert(3)>"#;

/// The payload as raw HTML in a narrative: `check` refuses links that lead nowhere (`src=x`,
/// `javascript:`), so these point at real pages — what remains must still come out inert.
const MARKDOWN_PAYLOAD: &str = r#"<script>alert(1)</script>"><img src="/chi-tieu/" onerror=alert(2)><iframe srcdoc="<script>alert(4)</script>"></iframe><form action=//evil.example><svg onload=alert(3)>

<a href="/ke-hoach/" onclick="alert(6)">x</a> <object data=x></object>"#;

/// Puts the payload into a TOML string value (escaped for TOML) after `key = "`.
fn inject(file: &Path, key: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let escaped = PAYLOAD.replace('\\', "\\\\").replace('"', "\\\"");
    let needle = format!("{key} = \"");
    assert!(text.contains(&needle), "{} has no {key}", file.display());
    std::fs::write(
        file,
        text.replacen(&needle, &format!("{needle}{escaped} "), 1),
    )
    .unwrap();
}

fn hostile_site(name: &str) -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("minhbach-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let content = base.join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-reports"),
        &content,
    );
    let plan = content.join("plans/kh-1-2025");
    inject(&plan.join("plan.md"), "title");
    inject(&plan.join("plan.md"), "summary");
    inject(&content.join("units/units.toml"), "name");
    inject(&content.join("units/units.toml"), "short_name");
    inject(&plan.join("targets.toml"), "text");
    inject(&plan.join("budget.toml"), "title");
    inject(&plan.join("tasks.toml"), "title");
    inject(&content.join("reports/bc-1-2025/progress.toml"), "text");
    inject(&content.join("reports/bc-2-2025/progress.toml"), "text");
    inject(&content.join("reports/bc-2-2025/report.md"), "title");
    inject(&content.join("site.toml"), "description");
    let md = plan.join("plan.md");
    let mut text = std::fs::read_to_string(&md).unwrap();
    text.push_str(&format!("\n{MARKDOWN_PAYLOAD}\n"));
    std::fs::write(&md, text).unwrap();
    let out = base.join("public");
    common::build(&content, &out);
    (base, out)
}

/// Names of all attributes of all tags, read with a small tokenizer that respects quotes (so an
/// escaped payload inside an attribute value is not mistaken for an attribute).
fn attribute_names(html: &str) -> Vec<String> {
    let b = html.as_bytes();
    let mut names = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && i + 1 < b.len() && b[i + 1].is_ascii_alphabetic() {
            i += 1;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                i += 1; // tag name
            }
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'>' {
                    break;
                }
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
                    i += 1;
                }
                names.push(String::from_utf8_lossy(&b[start..i]).into_owned());
                if i < b.len() && b[i] == b'=' {
                    i += 1;
                    if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                        let q = b[i];
                        i += 1;
                        while i < b.len() && b[i] != q {
                            i += 1;
                        }
                        i += 1;
                    } else {
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
        i += 1;
    }
    names
}

#[test]
fn script_in_any_text_field_comes_out_inert() {
    let (base, out) = hostile_site("inert");
    let mut checked = 0;
    let mut problems = Vec::new();
    for e in walkdir::WalkDir::new(&out).into_iter().map(Result::unwrap) {
        let path = e.path();
        let Some(ext) = path.extension().and_then(|x| x.to_str()) else {
            continue;
        };
        // Data files (CSV, JSON, the DCAT catalog) keep the exact text authors wrote: they are
        // data, served with data media types. Pages and charts must make it inert, including the
        // schema.org JSON-LD embedded in pages, which is checked as part of the HTML.
        if !matches!(ext, "html" | "svg" | "xml") {
            continue;
        }
        // schema.org data blocks are not scripts; their content is checked like any other text.
        let mut text = std::fs::read_to_string(path)
            .unwrap()
            .to_lowercase()
            .replace("<script type=\"application/ld+json\">", "<data-block>");
        // The search pages' own script and form are the site's, not the content's (the English
        // page, under `en/`, is one directory deeper).
        if path.ends_with("tim-kiem/index.html") {
            let script = if path.ends_with("en/tim-kiem/index.html") {
                "<script src=\"../../search.js\" defer></script>"
            } else {
                "<script src=\"../search.js\" defer></script>"
            };
            text = text.replacen(script, "", 1).replacen(
                "<form role=\"search\" id=\"tim-kiem\"",
                "<search-form",
                1,
            );
        }
        checked += 1;
        for bad in [
            "<script",
            "<img src=x",
            "<iframe",
            "<form",
            "<object",
            "<svg onload",
            "javascript:",
        ] {
            if text.contains(bad) {
                problems.push(format!(
                    "{}: contains {bad}",
                    path.strip_prefix(&out).unwrap().display()
                ));
            }
        }
        for name in attribute_names(&text) {
            if name.starts_with("on") {
                problems.push(format!(
                    "{}: event handler attribute {name}",
                    path.strip_prefix(&out).unwrap().display()
                ));
            }
        }
    }
    assert!(checked > 10);
    // The payload is still shown, as text: nothing the authors wrote disappears silently.
    let plan = std::fs::read_to_string(out.join("ke-hoach/kh-1-2025/index.html")).unwrap();
    assert!(plan.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The feed is still Atom, and gives the payload back as text in titles and summaries.
    let feed = std::fs::read(out.join("bao-cao/feed.xml")).unwrap();
    let feed = atom_syndication::Feed::read_from(&feed[..]).expect("the feed parses");
    assert!(feed.entries()[0].title().as_str().starts_with(PAYLOAD));
    let summary = feed.entries()[0].summary().unwrap().as_str();
    assert!(
        summary.contains(&format!("Nhiệm vụ 1: {PAYLOAD}")),
        "{summary}"
    );
    std::fs::remove_dir_all(&base).unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_page_forbids_scripts_in_its_content_security_policy() {
    let (base, out) = hostile_site("csp");
    for e in walkdir::WalkDir::new(&out).into_iter().map(Result::unwrap) {
        if e.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(e.path()).unwrap();
            assert!(
                html.contains("http-equiv=\"Content-Security-Policy\""),
                "{}",
                e.path().display()
            );
            // Only the search pages (Vietnamese and English) let a script run: their own file
            // (`script-src 'self'`).
            let csp = if e.path().ends_with("tim-kiem/index.html") {
                "script-src 'self'"
            } else {
                "script-src 'none'"
            };
            assert!(html.contains(csp), "{}", e.path().display());
        }
    }
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn the_attribute_reader_sees_real_handlers_and_ignores_escaped_text() {
    assert_eq!(
        attribute_names("<img src=x onerror=alert(1)>"),
        vec!["src", "onerror"]
    );
    assert_eq!(
        attribute_names("<a title=\"&lt;img onerror=x&gt;\">t</a> onload=x"),
        vec!["title"]
    );
}
