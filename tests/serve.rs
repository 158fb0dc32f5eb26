//! `minhbach serve`, driven over HTTP as a browser would: the real binary on a copy of the
//! minimal site, a file changed on disk, the page asked for again.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `minhbach serve` on a private copy of the minimal site; killed when dropped.
struct Preview {
    child: Child,
    project: PathBuf,
    address: String,
}

impl Preview {
    fn start(name: &str) -> Preview {
        let project =
            std::env::temp_dir().join(format!("minhbach-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&project);
        common::copy_dir(&common::fixture(), &project.join("content"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_minhbach"))
            .current_dir(&project)
            .args(["serve", "--address", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The first line says where it serves: "Đang xem trước tại http://127.0.0.1:PORT/ — …".
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        // Keep reading stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        Preview {
            child,
            project,
            address,
        }
    }

    /// GET `path`: status and body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(&self.address).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
        write!(
            s,
            // HTTP/1.0: the answer comes whole, never in chunks.
            "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        (status, body.to_string())
    }

    fn generation(&self) -> u64 {
        let (_, body) = self.get("/__minhbach/status");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v["generation"].as_u64().unwrap()
    }

    /// Writes a content file and waits (as the browser's script does) for the build it causes.
    fn edit(&self, file: &str, change: impl FnOnce(String) -> String) {
        let before = self.generation();
        let path = self.project.join("content").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, change(text)).unwrap();
        for _ in 0..20 {
            let (_, body) = self.get(&format!("/__minhbach/wait?since={before}"));
            if body.trim().parse::<u64>().unwrap() > before {
                return;
            }
        }
        panic!("no build after changing {file}");
    }

    fn content(&self) -> &Path {
        &self.project
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.project);
    }
}

const PLAN: &str = "/ke-hoach/kh-1-2025/";

#[test]
fn a_page_is_served_with_the_reload_script_that_only_the_preview_has() {
    let p = Preview::start("page");
    let (status, home) = p.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("Minh bạch chuyển đổi số tỉnh Thử"));
    assert!(home.contains("/__minhbach/reload.js"));
    assert!(home.contains("script-src 'self'"));
    let (status, plan) = p.get(PLAN);
    assert_eq!(status, 200, "{plan}");
    assert!(plan.contains("Kế hoạch Chuyển đổi số tỉnh Thử năm 2025"));
    // A directory without its slash is redirected, so that relative links work.
    assert_eq!(p.get("/ke-hoach/kh-1-2025").0, 301);
    // The data package and the tables' downloads are served too.
    let (status, csv) = p.get("/data/tasks.csv");
    assert_eq!(status, 200);
    assert!(csv.starts_with("task_id,"), "{csv}");
    assert_eq!(p.get("/style.css").0, 200);
    // So are the images pages link to: the preview card and the charts' PNG copies.
    let (status, card) = p.get("/anh/trang-chu.png");
    assert_eq!(status, 200);
    assert!(card.starts_with("\u{fffd}PNG"), "{card}");
    assert_eq!(p.get("/khong-co/").0, 404);
    assert_eq!(p.get("/%2e%2e/%2e%2e/etc/passwd").0, 400);
}

#[test]
fn changing_a_content_file_changes_the_page() {
    let p = Preview::start("change");
    assert!(!p.get(PLAN).1.contains("Kế hoạch đã sửa"));
    p.edit("plans/kh-1-2025/plan.md", |t| {
        t.replace(
            "title = \"Kế hoạch Chuyển đổi số tỉnh Thử năm 2025\"",
            "title = \"Kế hoạch đã sửa\"",
        )
    });
    assert!(p.get(PLAN).1.contains("Kế hoạch đã sửa"));
}

#[test]
fn a_broken_file_shows_the_errors_over_the_last_good_page_and_fixing_it_recovers() {
    let p = Preview::start("broken");
    p.edit("plans/kh-1-2025/budget.toml", |t| {
        t.replace("amount = 331.5", "amount = \"331,5 tr\"")
    });
    let (status, page) = p.get(PLAN);
    assert_eq!(status, 200);
    // The errors, as `check` prints them: file, line, the offending text and the hint.
    assert!(page.contains("id=\"minhbach-loi\""), "{page}");
    assert!(page.contains("budget.toml:25"), "{page}");
    assert!(page.contains("331,5 tr"));
    assert!(page.contains("gợi ý"));
    // Over the last good page.
    assert!(page.contains("Kế hoạch Chuyển đổi số tỉnh Thử năm 2025"));
    p.edit("plans/kh-1-2025/budget.toml", |t| {
        t.replace("amount = \"331,5 tr\"", "amount = 331.5")
    });
    let (_, page) = p.get(PLAN);
    assert!(!page.contains("id=\"minhbach-loi\""));
}

#[test]
fn serve_writes_nothing_to_public() {
    let p = Preview::start("nowrite");
    p.get("/");
    p.get("/data/tasks.csv");
    p.edit("site.toml", |t| t.replace("tỉnh Thử\"", "tỉnh Thử (sửa)\""));
    p.get("/");
    assert!(!p.content().join("public").exists());
    let entries: Vec<_> = std::fs::read_dir(p.content())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, vec![std::ffi::OsString::from("content")]);
}
