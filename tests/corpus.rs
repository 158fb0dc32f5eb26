//! The bad-input corpus (`tests/corpus/*/`): every class of bad input gives exactly the recorded,
//! located report and exit code — and never a panic.

mod common;
use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-corpus-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("content");
    copy_dir(Path::new(FIXTURE), &content);
    content
}

/// Runs `check` and returns its report with the temporary path replaced, plus the exit code.
fn check(content: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["check", "--content"])
        .arg(content)
        .output()
        .unwrap();
    let stderr =
        String::from_utf8_lossy(&out.stderr).replace(&content.display().to_string(), "CONTENT");
    assert!(!stderr.contains("panicked"), "{stderr}");
    format!(
        "{stderr}exit code: {}\n",
        out.status
            .code()
            .map(|c| c.to_string())
            .unwrap_or("signal".into())
    )
}

#[test]
fn every_case_of_the_corpus_gives_its_recorded_report() {
    let bless = std::env::var_os("MINHBACH_BLESS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let content = scratch(&name);
        copy_dir(&case.join("files"), &content);
        let got = check(&content);
        std::fs::remove_dir_all(content.parent().unwrap()).unwrap();
        let expected_path = case.join("expected.txt");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!(
                "== {name}\n-- expected:\n{expected}\n-- got:\n{got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ (MINHBACH_BLESS=1 to accept):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_50_mb_file_is_refused_with_a_located_message() {
    let content = scratch("large");
    let big = content.join("units/export.toml");
    let line = "# dữ liệu dán nhầm từ phần mềm khác\n";
    std::fs::write(&big, line.repeat(50 * 1024 * 1024 / line.len() + 1)).unwrap();
    let report = check(&content);
    std::fs::remove_dir_all(content.parent().unwrap()).unwrap();
    assert!(report.contains("[file-too-large]"), "{report}");
    assert!(report.contains("units/export.toml"), "{report}");
    assert!(report.contains("gợi ý"), "{report}");
    assert!(report.ends_with("exit code: 1\n"), "{report}");
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_content_directory_is_not_followed() {
    let content = scratch("symlink");
    let outside = content.parent().unwrap().join("secret.toml");
    std::fs::write(
        &outside,
        "[[unit]]\nid = \"bi-mat\"\nname = \"Bí mật\"\nkind = \"agency\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, content.join("units/link.toml")).unwrap();
    let report = check(&content);
    std::fs::remove_dir_all(content.parent().unwrap()).unwrap();
    assert!(report.contains("[symlink-outside]"), "{report}");
    assert!(report.ends_with("exit code: 1\n"), "{report}");
}
