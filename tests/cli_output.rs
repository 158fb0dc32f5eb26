//! What `build` says when it is not in a terminal: one summary line, or nothing but the
//! problems with `--quiet`.

mod common;

use std::process::Command;

fn build(args: &[&str]) -> (bool, String) {
    let out_dir = std::env::temp_dir().join(format!(
        "minhbach-cli-output-{}-{}",
        std::process::id(),
        args.len()
    ));
    let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["build", "--content"])
        .arg(common::fixture())
        .arg("--out")
        .arg(&out_dir)
        .args(args)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&out_dir);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_build_ends_with_one_line_saying_how_many_pages_and_files_and_how_long() {
    let (ok, said) = build(&[]);
    assert!(ok, "{said}");
    let last = said.lines().last().unwrap();
    assert!(last.starts_with("Đã dựng "), "{last}");
    assert!(
        last.contains(" trang và ") && last.contains(" giây."),
        "{last}"
    );
    // No progress bar outside a terminal.
    assert!(!said.contains("Đang dựng"), "{said}");
}

#[test]
fn quiet_says_only_the_problems() {
    let (ok, said) = build(&["--quiet"]);
    assert!(ok, "{said}");
    assert!(!said.contains("Đã dựng"), "{said}");
    // The fixture's declared total differs from its items: that warning is still said.
    assert!(said.contains("declared-total-differs"), "{said}");
}
