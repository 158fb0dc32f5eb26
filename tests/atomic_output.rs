//! A build killed at any moment (`kill -9`) leaves the previous site exactly as it was, and the
//! next build cleans up whatever the killed one left behind.

mod common;
use common::snapshot;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn build(out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["build", "--content"])
        .arg(content())
        .arg("--out")
        .arg(out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn debris(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("minhbach-tmp") || n.contains("minhbach-old"))
        .collect()
}

#[test]
fn a_build_killed_at_any_point_leaves_the_previous_site_intact() {
    let parent = std::env::temp_dir().join(format!("minhbach-atomic-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&parent);
    std::fs::create_dir_all(&parent).unwrap();
    let out = parent.join("public");
    let started = Instant::now();
    assert!(build(&out).wait().unwrap().success());
    let full = started.elapsed();
    let before = snapshot(&out);
    assert!(before.len() > 100);

    // Kill builds at moments spread over a whole build's duration.
    let steps = 12u32;
    for i in 0..steps {
        let mut child = build(&out);
        std::thread::sleep(full * i / steps + Duration::from_millis(u64::from(i)));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = snapshot(&out);
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>(),
            "kill #{i}: files changed"
        );
        assert!(now == before, "kill #{i}: some file's bytes changed");
    }

    // The next build succeeds and leaves no temporary directories behind.
    assert!(build(&out).wait().unwrap().success());
    assert_eq!(snapshot(&out), before);
    assert!(
        debris(&parent).is_empty(),
        "left behind: {:?}",
        debris(&parent)
    );
    std::fs::remove_dir_all(&parent).unwrap();
}
