//! Last-updated dates, the change log and "Báo sai sót" links, on the two-reports fixture
//! (`tests/fixtures/two-reports`): plan 1/KH-UBND issued 15/01/2025, a report of September and one
//! of December 2025 on it, and one correction of budget line 1.2 (313,5 → 331,5) that the
//! December report justifies at its line 6. Every date a page shows is one of those; none comes
//! from the clock.

mod common;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-reports")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-updates-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `content` built into a fresh directory (removed by the caller).
fn built(content: &Path, name: &str) -> PathBuf {
    let out = scratch(&format!("{name}-out"));
    common::build(content, &out);
    out
}

/// A copy of the fixture with `edit` applied to it.
fn edited(name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let content = scratch(&format!("{name}-content"));
    common::copy_dir(&fixture(), &content);
    edit(&content);
    content
}

fn replace(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "`{from}` is not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `datetime` of the page's "Cập nhật lần cuối" line, or `None` when it says no date is known.
fn updated(out: &Path, rel: &str) -> Option<String> {
    let html = read(out, rel);
    let line = &html[html.find("<p class=\"updated\">").expect("an updated line")..];
    let line = &line[..line.find("</p>").unwrap()];
    if !line.contains("Cập nhật lần cuối") {
        assert!(line.contains("không ghi ngày"), "{line}");
        return None;
    }
    let at = line.find("datetime=\"").unwrap() + 10;
    Some(line[at..at + line[at..].find('"').unwrap()].to_string())
}

#[test]
fn a_plan_touched_by_the_second_report_shows_its_date_and_untouched_pages_keep_their_own() {
    let out = built(&fixture(), "dates");
    for page in [
        "ke-hoach/kh-1-2025/index.html",
        "ke-hoach/kh-1-2025/kinh-phi/index.html",
        "chi-tieu/kh-1-2025-ct-1/index.html",
        "don-vi/so-noi-vu/index.html",
        "bao-cao/bc-2-2025/index.html",
        "index.html",
        "cap-nhat/index.html",
    ] {
        assert_eq!(updated(&out, page).as_deref(), Some("2025-12"), "{page}");
    }
    // The September report and the plan's own document did not change in December.
    assert_eq!(
        updated(&out, "bao-cao/bc-1-2025/index.html").as_deref(),
        Some("2025-09")
    );
    assert_eq!(
        updated(&out, "nguon/kh-1-2025/1/index.html").as_deref(),
        Some("2025-01-15")
    );
    let home = read(&out, "index.html");
    assert!(home.contains("Cập nhật lần cuối: <time datetime=\"2025-12\">tháng 12/2025</time>"));
    assert!(home.contains("<a href=\"./cap-nhat/\">Nhật ký cập nhật</a>"));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_later_correction_dates_its_plan_and_the_site_but_not_the_source_documents() {
    let content = edited("later", |c| {
        replace(
            &c.join("cap-nhat.toml"),
            "date = \"2025-12\"",
            "date = \"2026-01-10\"",
        )
    });
    let out = built(&content, "later");
    assert_eq!(
        updated(&out, "ke-hoach/kh-1-2025/nhiem-vu/index.html").as_deref(),
        Some("2026-01-10")
    );
    assert_eq!(updated(&out, "index.html").as_deref(), Some("2026-01-10"));
    assert_eq!(
        updated(&out, "nguon/bc-2-2025/1/index.html").as_deref(),
        Some("2025-12")
    );
    let log = common::visible_text(&read(&out, "cap-nhat/index.html"));
    let (newest, older) = log.split_once("Tháng 12/2025").expect("a day of December");
    assert!(
        newest.contains("10/01/2026 Đính chính mục kinh phí"),
        "{newest}"
    );
    assert!(older.contains("Báo cáo tiến độ mới"), "{older}");
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&content);
}

#[test]
fn a_page_whose_content_gives_no_date_says_so_instead_of_inventing_one() {
    let content = edited("undated", |c| {
        replace(
            &c.join("documents/documents.toml"),
            "date = \"2025-01-15\"\n",
            "",
        )
    });
    let out = built(&content, "undated");
    assert_eq!(updated(&out, "nguon/kh-1-2025/1/index.html"), None);
    assert!(
        read(&out, "nguon/kh-1-2025/1/index.html")
            .contains("Ngày cập nhật: văn bản nguồn không ghi ngày")
    );
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&content);
}

#[test]
fn the_change_log_lists_the_new_plan_both_reports_and_the_correction_newest_first() {
    let out = built(&fixture(), "log");
    let html = read(&out, "cap-nhat/index.html");
    let text = common::visible_text(&html);
    let december = text.find("Tháng 12/2025").expect("December");
    let september = text.find("Tháng 9/2025").expect("September");
    let january = text.find("15/01/2025").expect("the plan's day");
    assert!(december < september && september < january, "{text}");
    assert!(text.contains(
        "Kế hoạch mới : Kế hoạch 1/KH-UBND — Kế hoạch Chuyển đổi số tỉnh Thử năm 2025 (văn bản:"
    ));
    assert!(text.contains("5 thay đổi so với báo cáo trước"), "{text}");
    assert!(text.contains("báo cáo đầu tiên, chưa có báo cáo trước để so sánh"));
    assert!(text.contains(
        "Đính chính mục kinh phí : mục kinh phí 1.2: Đào tạo cán bộ quản trị dữ liệu ( Kế hoạch 1/KH-UBND ): trước 313,5, nay 331,5"
    ), "{text}");
    // Each entry links to what it is about, and the correction to its source line.
    for href in [
        "../ke-hoach/kh-1-2025/kinh-phi/#kh-1-2025-kp-i-1-2",
        "../bao-cao/bc-2-2025/#thay-doi",
        "../nguon/bc-2-2025/1/#L6",
        "../ke-hoach/kh-1-2025/",
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(
        common::quality::problems(&out).is_empty(),
        "{:#?}",
        common::quality::problems(&out)
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_corrected_line_says_when_and_from_what_beside_its_amount() {
    let out = built(&fixture(), "fixed");
    let text = common::visible_text(&read(&out, "ke-hoach/kh-1-2025/kinh-phi/index.html"));
    assert!(text.contains(
        "Đã sửa tháng 12/2025 : trước 313,5, nay 331,5 — Báo cáo tháng 12/2025 đính chính số tiền đã công bố nhầm. ( nguồn: dòng 6 ) 331,5"
    ), "{text}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn each_row_links_a_mistake_report_with_the_page_address_row_and_figure_encoded() {
    let out = built(&fixture(), "mailto");
    let html = read(&out, "ke-hoach/kh-1-2025/kinh-phi/index.html");
    let link = "<a class=\"fb\" href=\"mailto:gopy@example.org?subject=Sai%20s%C3%B3t%20kh-1-2025-kp-i-1-2&amp;body=https://example.org/minhbach/ke-hoach/kh-1-2025/kinh-phi/%23kh-1-2025-kp-i-1-2%0Akh-1-2025-kp-i-1-2:%20331%2C5%0A\">Báo sai sót<span>: 1.2 Đào tạo cán bộ quản trị dữ liệu</span></a>";
    assert!(html.contains(link), "no {link}");
    // Every budget line, target and task row has one, and so has every row of the charts' tables.
    let tasks = read(&out, "ke-hoach/kh-1-2025/nhiem-vu/index.html");
    assert_eq!(tasks.matches("class=\"fb\"").count(), 2);
    let targets = read(&out, "ke-hoach/kh-1-2025/chi-tieu/index.html");
    assert!(targets.contains("subject=Sai%20s%C3%B3t%20kh-1-2025-ct-1&amp;"));
    assert_eq!(
        html.matches("subject=Sai%20s%C3%B3t%20kh-1-2025-kp-")
            .count(),
        3
    );
    // A chart's row is named by the chart and its place in the table, its figures in the body.
    assert!(html.contains("subject=Sai%20s%C3%B3t%20kh-1-2025-theo-nhom-1&amp;body=https://example.org/minhbach/ke-hoach/kh-1-2025/kinh-phi/%23kh-1-2025-theo-nhom%0Akh-1-2025-theo-nhom-1:%20I.%20C%C3%A1c%20c%C6%A1%20quan%20c%E1%BA%A5p%20t%E1%BB%89nh%20%E2%80%94%201.881%2C5%20%C2%B7%20100%20%25"));
    // And the page has one for itself.
    assert!(
        html.contains(
            "<a href=\"mailto:gopy@example.org?subject=Sai%20s%C3%B3t:%20Kinh%20ph%C3%AD"
        )
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn without_a_feedback_address_no_page_links_a_mistake_report_and_check_says_nothing() {
    let content = edited("plain", |c| {
        replace(
            &c.join("site.toml"),
            "feedback_email = \"gopy@example.org\"\n",
            "",
        )
    });
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["check", "--content"])
        .arg(&content)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(!String::from_utf8_lossy(&run.stderr).contains("feedback"));
    let out = built(&content, "plain");
    for (page, html) in common::quality::html_pages(&out) {
        assert!(!html.contains("mailto:"), "{page}");
        assert!(!html.contains("Báo sai sót"), "{page}");
    }
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&content);
}
