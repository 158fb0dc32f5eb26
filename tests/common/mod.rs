//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod quality;
pub mod site;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The bundled content directory.
pub fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The small valid fixture site.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal")
}

/// Copies a directory tree (files and folders).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().map(Result::unwrap) {
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Every file below `root` with its bytes, by relative path.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Builds `content` into `out` with the real binary; panics with its report on failure.
pub fn build(content: &Path, out: &Path) {
    build_reporting(content, out, None);
}

/// Builds `content` into `out` with the real binary, its image cache in `cache` if given (else
/// the project's); panics with its report on failure, else returns what it wrote on stderr.
pub fn build_reporting(content: &Path, out: &Path, cache: Option<&Path>) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_minhbach"));
    if let Some(cache) = cache {
        command.env("MINHBACH_CACHE_DIR", cache);
    }
    let run = command
        .args(["build", "--content"])
        .arg(content)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{said}");
    said
}

/// The 13 district-level bodies of plan 223/KH-UBND and the totals its Phụ lục II declares for
/// them (kh-223-ubnd-2024.txt, lines 307–690); their items add up to the same figures.
pub const PLAN_223_DISTRICT_TOTALS: [(&str, &str); 13] = [
    ("tp-quang-ngai", "7200"),
    ("tx-duc-pho", "2000"),
    ("huyen-binh-son", "10090"),
    ("huyen-son-tinh", "5090"),
    ("huyen-tu-nghia", "4420"),
    ("huyen-mo-duc", "5000"),
    ("huyen-ba-to", "3510"),
    ("huyen-minh-long", "6970"),
    ("huyen-nghia-hanh", "3460"),
    ("huyen-son-ha", "5020"),
    ("huyen-son-tay", "4500"),
    ("huyen-tra-bong", "7510"),
    ("huyen-ly-son", "6779"),
];

/// The visible text of an HTML page: tags removed, `&amp;` read as `&`, white space collapsed.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
