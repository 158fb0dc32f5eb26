//! `minhbach new plan|report|unit ID`: the scaffolds are ready to fill and `check` points at
//! exactly what is left to fill.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-new-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    common::copy_dir(&common::fixture(), &dir);
    dir
}

fn minhbach(content: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(args)
        .arg("--content")
        .arg(content)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_new_plan_with_its_blanks_filled_checks_and_builds() {
    let c = project("plan");
    let (ok, said) = minhbach(
        &c,
        &[
            "new",
            "plan",
            "kh-2-2025",
            "--title",
            "Kế hoạch thử số 2",
            "--issuer",
            "ubnd-tinh-thu",
            "--document",
            "kh-1-2025",
        ],
    );
    assert!(ok, "{said}");
    // The one blank left: the date of issue, pointed at with its line.
    let (ok, report) = minhbach(&c, &["check"]);
    assert!(!ok);
    assert!(report.contains("plans/kh-2-2025/plan.md:10:10"), "{report}");
    assert!(report.contains("1 lỗi"), "{report}");
    let plan = c.join("plans/kh-2-2025/plan.md");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replacen("issued = \"\"", "issued = \"2025-02\"", 1),
    )
    .unwrap();
    let (ok, report) = minhbach(&c, &["check"]);
    assert!(ok, "{report}");
    common::build(&c, &c.join("../minhbach-new-plan-out"));
    let _ = std::fs::remove_dir_all(c.join("../minhbach-new-plan-out"));
}

#[test]
fn blanks_left_empty_are_each_located() {
    let c = project("blank");
    assert!(minhbach(&c, &["new", "plan", "kh-3-2025"]).0);
    let (ok, report) = minhbach(&c, &["check"]);
    assert!(!ok);
    for at in ["plan.md:7:", "plan.md:8:", "plan.md:10:", "plan.md:12:"] {
        assert!(
            report.contains(&format!("plans/kh-3-2025/{at}")),
            "{at}: {report}"
        );
    }
}

#[test]
fn a_new_report_and_a_new_unit_check() {
    let c = project("report");
    let (ok, said) = minhbach(
        &c,
        &[
            "new",
            "report",
            "bc-2-2025",
            "--plan",
            "kh-1-2025",
            "--issuer",
            "ubnd-tinh-thu",
            "--document",
            "kh-1-2025",
            "--title",
            "Báo cáo thử số 2",
        ],
    );
    assert!(ok, "{said}");
    let report = c.join("reports/bc-2-2025/report.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replacen("as_of = \"\"", "as_of = \"2025-12\"", 1),
    )
    .unwrap();
    let (ok, said) = minhbach(
        &c,
        &[
            "new",
            "unit",
            "so-tai-chinh",
            "--name",
            "Sở Tài chính",
            "--parent",
            "ubnd-tinh-thu",
        ],
    );
    assert!(ok, "{said}");
    let (ok, report) = minhbach(&c, &["check"]);
    assert!(ok, "{report}");
}

#[test]
fn nothing_is_overwritten_and_ids_with_diacritics_are_refused() {
    let c = project("refuse");
    let (ok, said) = minhbach(&c, &["new", "plan", "kh-1-2025"]);
    assert!(!ok);
    assert!(said.contains("không ghi đè"), "{said}");
    let (ok, said) = minhbach(&c, &["new", "plan", "Kế hoạch 15"]);
    assert!(!ok);
    assert!(said.contains("ke-hoach-15"), "{said}");
}
