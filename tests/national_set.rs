//! The synthetic national set of `examples/national` (issue 10): a small one passes `check`, and
//! generation is deterministic. The generator is included by path (tests cannot run examples).

#[path = "../examples/national/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::Command;

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let p = std::env::temp_dir().join(format!(
            "minhbach-national-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn small() -> generator::Options {
    generator::Options {
        provinces: Some(2),
        communes_per_province: Some(3),
        ..generator::Options::default()
    }
}

#[test]
fn a_small_national_set_passes_check() {
    let tmp = TempDir::new("check");
    let content = tmp.0.join("content");
    let summary = generator::generate(&content, &small()).unwrap();
    assert_eq!(summary.provinces, 2);
    assert_eq!(summary.communes, 6);
    // 2 province plans, 6 commune plans, the cited national plan.
    assert_eq!(summary.plans, 9);
    assert_eq!(summary.reports, 2);

    let run = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["check", "--content"])
        .arg(&content)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "check failed:\n{report}");
    assert!(report.contains("0 lỗi"), "{report}");
}

#[test]
fn generation_is_deterministic_and_uses_real_unique_ids() {
    let a = TempDir::new("a");
    let b = TempDir::new("b");
    generator::generate(&a.0, &small()).unwrap();
    generator::generate(&b.0, &small()).unwrap();
    let sa = generator::snapshot(&a.0).unwrap();
    let sb = generator::snapshot(&b.0).unwrap();
    assert_eq!(
        sa.iter().map(|x| &x.0).collect::<Vec<_>>(),
        sb.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    for ((path, x), (_, y)) in sa.iter().zip(&sb) {
        assert!(x == y, "{} differs between two runs", path.display());
    }

    // Regenerating into a previous set replaces it.
    generator::generate(&a.0, &small()).unwrap();
    assert_eq!(generator::snapshot(&a.0).unwrap(), sa);

    // A different seed gives different numbers.
    let other = generator::Options { seed: 7, ..small() };
    generator::generate(&b.0, &other).unwrap();
    assert_ne!(generator::snapshot(&b.0).unwrap(), sa);

    // Real names with official codes; ids unique although names repeat across provinces.
    let all = generator::all_units();
    assert_eq!(all.len(), 34);
    let communes: Vec<_> = all.iter().flat_map(|p| &p.communes).collect();
    assert_eq!(communes.len(), 3321);
    let mut ids: Vec<&str> = communes.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3321);
    assert!(ids.iter().all(|id| id.len() <= 80));
    let tan_thanh = communes.iter().filter(|c| c.name == "Xã Tân Thành").count();
    assert!(
        tan_thanh > 1,
        "the list has several communes called Xã Tân Thành"
    );
    assert!(ids.contains(&"phuong-hoan-kiem-00070"));
}

#[test]
fn refuses_to_overwrite_a_directory_it_did_not_write() {
    let tmp = TempDir::new("refuse");
    std::fs::write(tmp.0.join("notes.txt"), "mine").unwrap();
    assert!(generator::generate(&tmp.0, &small()).is_err());
    assert_eq!(std::fs::read(tmp.0.join("notes.txt")).unwrap(), b"mine");
}

mod common;

/// A set large enough that every list page leaves its small-site form: over 200 plans (the plan
/// list is numbered), over 80 targets, 300 tasks and 30 budgets (targets, progress and budget
/// summarise by plan), breakdowns over several pages. Every page stays light, carries no script
/// and links only to what exists.
#[test]
fn at_scale_every_page_stays_light_and_every_link_resolves() {
    let tmp = TempDir::new("scale");
    let content = tmp.0.join("content");
    let options = generator::Options {
        provinces: Some(6),
        communes_per_province: Some(40),
        ..generator::Options::default()
    };
    generator::generate(&content, &options).unwrap();
    // With "Báo sai sót" links on every row that fits (issue 14): pages must stay light still.
    let site = content.join("site.toml");
    let mut text = std::fs::read_to_string(&site).unwrap();
    text.push_str("feedback_email = \"gopy@example.org\"\n");
    std::fs::write(&site, text).unwrap();
    let out = tmp.0.join("public");
    common::build(&content, &out);
    for page in [
        "ke-hoach/trang-2.html",
        "kinh-phi/theo-xa/index.html",
        "kinh-phi/theo-nguon/trang-2.html",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let targets = std::fs::read_to_string(out.join("chi-tieu/index.html")).unwrap();
    assert!(
        targets.contains("Chỉ tiêu theo kế hoạch"),
        "targets are summarised by plan"
    );
    let progress = std::fs::read_to_string(out.join("tien-do/index.html")).unwrap();
    assert!(
        progress.contains("Tiến độ theo kế hoạch"),
        "progress is summarised by plan"
    );
    // On a phone the summary keeps each plan and its task count; the report used and the count
    // of each status are listed under the plan, not in columns pushed off-screen.
    let summary = &progress[progress.find("<tbody>").unwrap()..];
    let summary = &summary[..summary.find("</tbody>").unwrap()];
    let plans = summary.matches("<tr>").count();
    assert!(plans > 1, "{summary}");
    assert_eq!(
        summary
            .matches("<span class=\"narrow\"><span>Báo cáo dùng để đánh giá: ")
            .count(),
        plans
    );
    assert_eq!(
        summary.matches("<td class=\"num wide\">").count(),
        plans * minhbach::progress::Status::ALL.len()
    );
    let problems = common::quality::problems(&out);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
