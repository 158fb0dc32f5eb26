//! `build --out` refuses directories whose replacement would destroy something that is not a
//! previous site: `/`, the home directory, the content directory, the project root.

use std::path::{Path, PathBuf};
use std::process::Command;

fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn build_to(out: &Path, home: Option<&Path>) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    cmd.args(["build", "--content"])
        .arg(project().join("content"))
        .arg("--out")
        .arg(out);
    if let Some(h) = home {
        cmd.env("HOME", h);
    }
    let o = cmd.output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_root_directory_is_refused() {
    let (ok, err) = build_to(Path::new("/"), None);
    assert!(!ok);
    assert!(err.contains("không dùng `/` làm thư mục đầu ra"), "{err}");
}

#[test]
fn the_home_directory_is_refused() {
    let home = std::env::temp_dir().join(format!("minhbach-home-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let (ok, err) = build_to(&home, Some(&home));
    assert!(!ok, "{err}");
    assert!(err.contains("không dùng"), "{err}");
    std::fs::remove_dir_all(&home).unwrap();
}

#[test]
fn the_content_directory_and_the_project_root_are_refused() {
    for dir in [
        project().join("content"),
        project(),
        project().join("content/plans"),
    ] {
        let (ok, err) = build_to(&dir, None);
        assert!(!ok, "{} accepted", dir.display());
        assert!(err.contains("không"), "{err}");
    }
    assert!(
        project().join("content/site.toml").exists(),
        "content untouched"
    );
}

#[test]
fn a_previous_build_is_replaced_but_a_foreign_directory_is_not() {
    let base = std::env::temp_dir().join(format!("minhbach-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let site = base.join("site");
    assert!(build_to(&site, None).0);
    assert!(
        build_to(&site, None).0,
        "a previous minhbach build may be replaced"
    );
    let foreign = base.join("documents");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.odt"), b"precious").unwrap();
    let (ok, err) = build_to(&foreign, None);
    assert!(!ok);
    assert!(err.contains("không do minhbach tạo ra"), "{err}");
    assert_eq!(
        std::fs::read(foreign.join("thesis.odt")).unwrap(),
        b"precious"
    );
    std::fs::remove_dir_all(&base).unwrap();
}
