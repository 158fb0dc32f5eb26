//! What changed since the previous report, on two reports of the same plan
//! (`tests/fixtures/two-reports`): the report of December moves task 1 from in progress to done,
//! states 92% for target 1 (88% in September: the goal ≥ 90% is newly met), states a first value
//! for target 2 (30 services, below its goal of 50), and finds task 2 late (its deadline, October
//! 2025, passed before the report's as-of date). The first report says it is the first. The
//! pages and the Atom feed show exactly that, the feed parses as Atom, and two builds give the
//! same bytes.

mod common;
use std::path::{Path, PathBuf};

use minhbach::content::read_site;
use minhbach::model::{Comparator, Goal, GovLevel, Range};
use rust_decimal::Decimal;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-reports")
}

/// The fixture built into a fresh directory (removed by the caller).
fn built(name: &str) -> PathBuf {
    let out = std::env::temp_dir().join(format!("minhbach-changes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    common::build(&fixture(), &out);
    out
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The part of a page from `start` up to the next `</section>`.
fn section<'a>(html: &'a str, start: &str) -> &'a str {
    let i = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &html[i..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[test]
fn the_fixture_checks_clean_and_the_derive_stage_finds_the_five_changes() {
    let (site, diags) = read_site(&fixture());
    assert!(!diags.has_errors(), "{}", diags.render());
    let site = site.unwrap();
    let derived = minhbach::derive::Derived::of(&site).unwrap();
    let changes = &derived.changes;
    let newest: Vec<&str> = changes.newest_first.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(newest, ["bc-2-2025", "bc-1-2025"]);
    let first: Vec<_> = changes.of_report("bc-1-2025").collect();
    assert_eq!(first.len(), 1);
    assert!(first[0].previous.is_none());
    assert!(changes.rows_of(first[0]).is_empty());
    let second: Vec<_> = changes.of_report("bc-2-2025").collect();
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].previous.map(|r| r.id.as_str()), Some("bc-1-2025"));
    let codes: Vec<&str> = changes
        .rows_of(second[0])
        .iter()
        .map(|c| c.kind.code())
        .collect();
    assert_eq!(
        codes,
        ["met", "late", "status", "changed-value", "new-value"]
    );
    // Indexed by plan (newest first) and by lead unit.
    let on_plan: Vec<&str> = changes
        .of_plan("kh-1-2025")
        .map(|c| c.report.id.as_str())
        .collect();
    assert_eq!(on_plan, ["bc-2-2025", "bc-1-2025"]);
    let of = |u: &str| -> Vec<&str> { changes.of_unit(u).map(|c| c.kind.code()).collect() };
    assert_eq!(of("so-noi-vu"), ["late"]);
    assert_eq!(of("van-phong-ubnd-tinh"), ["met", "changed-value"]);
    assert_eq!(of("so-khoa-hoc-va-cong-nghe"), ["status", "new-value"]);
    assert!(of("ubnd-tinh-thu").is_empty());
}

fn goal(comparator: Option<Comparator>, value: Option<i64>, range: Option<Range>) -> Goal {
    Goal {
        level: GovLevel::All,
        subject: String::new(),
        comparator,
        value: value.map(Decimal::from),
        range,
        year: None,
    }
}

#[test]
fn a_goal_is_met_only_by_its_own_comparator_or_range() {
    let d = Decimal::from;
    let at_least = goal(Some(Comparator::AtLeast), Some(90), None);
    assert_eq!(at_least.met_by(d(90)), Some(true));
    assert_eq!(at_least.met_by(d(89)), Some(false));
    let more = goal(Some(Comparator::MoreThan), Some(90), None);
    assert_eq!(more.met_by(d(90)), Some(false));
    let at_most = goal(Some(Comparator::AtMost), Some(3), None);
    assert_eq!(at_most.met_by(d(3)), Some(true));
    assert_eq!(at_most.met_by(d(4)), Some(false));
    let less = goal(Some(Comparator::LessThan), Some(3), None);
    assert_eq!(less.met_by(d(3)), Some(false));
    let exactly = goal(Some(Comparator::Exactly), Some(5), None);
    assert_eq!(exactly.met_by(d(5)), Some(true));
    let range = goal(
        None,
        None,
        Some(Range {
            low: d(40),
            high: d(50),
            low_inclusive: true,
            high_inclusive: false,
        }),
    );
    assert_eq!(range.met_by(d(40)), Some(true));
    assert_eq!(range.met_by(d(50)), Some(false));
    assert_eq!(range.met_by(d(39)), Some(false));
    // A number without a comparator, or no number at all (a milestone): nothing to tell.
    assert_eq!(goal(None, Some(90), None).met_by(d(95)), None);
    assert_eq!(
        goal(Some(Comparator::AtLeast), None, None).met_by(d(95)),
        None
    );
}

#[test]
fn report_plan_and_unit_pages_show_what_changed() {
    let out = built("pages");
    let report = read(&out, "bao-cao/bc-2-2025/index.html");
    // A stated status reads in Vietnamese, never as its code.
    assert!(report.contains("Trạng thái: Đã hoàn thành"), "{report}");
    assert!(!report.contains("Trạng thái: done"));
    let changes = section(
        &report,
        "<h2 id=\"h-thay-doi\">Thay đổi so với báo cáo trước</h2>",
    );
    for words in [
        // The previous report, linked.
        "<a href=\"../../bao-cao/bc-1-2025/\">Kết quả thực hiện Kế hoạch Chuyển đổi số tỉnh Thử, tháng 9/2025</a> (số liệu tính đến tháng 9/2025)",
        "có 5 thay đổi",
        "<caption>Thay đổi trong Kế hoạch 1/KH-UBND so với báo cáo tính đến tháng 9/2025</caption>",
        "<th scope=\"col\">Trước</th>",
        // Target 1 newly met: 88% before, 92% now against ≥ 90%.
        "Mới đạt mục tiêu",
        "88% (chưa đạt)",
        "92% — đạt mục tiêu ≥ 90%",
        // Task 2 newly late; before, the September report did not mention it (not "no report
        // yet": there was one). Task 1 moved.
        "Mới quá hạn",
        "<td>Báo cáo tính đến tháng 9/2025 không nêu nhiệm vụ này",
        "Quá hạn, chưa báo cáo hoàn thành (thời hạn: Tháng 10 năm 2025)",
        "Chuyển trạng thái",
        "Đang thực hiện (theo báo cáo)",
        "Đã hoàn thành (theo báo cáo)",
        // Values: 88 → 92 changed; 30 services new, with no number before.
        "Kết quả thay đổi",
        "Kết quả mới",
        "30 dịch vụ",
        "chưa có số liệu",
        // Each new statement links its line.
        "../../nguon/bc-2-2025/1/#L4",
        "../../nguon/bc-2-2025/1/#L5",
        "../../ke-hoach/kh-1-2025/nhiem-vu/#kh-1-2025-nv-2",
        "../../chi-tieu/kh-1-2025-ct-1/",
    ] {
        assert!(
            changes.contains(words),
            "report section lacks {words}:\n{changes}"
        );
    }
    assert!(!changes.contains("Chưa có báo cáo"), "{changes}");
    // Target 2's 30 services do not meet its goal of 50: not "met".
    assert_eq!(changes.matches("Mới đạt mục tiêu").count(), 1);

    let first = read(&out, "bao-cao/bc-1-2025/index.html");
    let first = section(&first, "<h2 id=\"h-thay-doi\">");
    assert!(first.contains("Đây là báo cáo đầu tiên về"), "{first}");
    assert!(!first.contains("<table"), "{first}");

    let plan = read(&out, "ke-hoach/kh-1-2025/index.html");
    let latest = section(
        &plan,
        "<h2 id=\"h-thay-doi\">Thay đổi theo báo cáo mới nhất</h2>",
    );
    for words in [
        "<a href=\"../../bao-cao/bc-2-2025/\">",
        "<a href=\"../../bao-cao/bc-1-2025/\">",
        "có 5 thay đổi",
        "<strong>Mới đạt mục tiêu</strong>",
        "<strong>Mới quá hạn</strong>",
    ] {
        assert!(latest.contains(words), "plan page lacks {words}:\n{latest}");
    }

    for (unit, present, absent) in [
        (
            "so-noi-vu",
            vec!["Mới quá hạn", "Ban hành Quy chế quản lý dữ liệu"],
            vec!["Mới đạt mục tiêu"],
        ),
        (
            "van-phong-ubnd-tinh",
            vec!["Mới đạt mục tiêu", "Kết quả thay đổi"],
            vec!["Mới quá hạn"],
        ),
        (
            "so-khoa-hoc-va-cong-nghe",
            vec!["Chuyển trạng thái", "Kết quả mới"],
            vec!["Mới quá hạn"],
        ),
    ] {
        let page = read(&out, &format!("don-vi/{unit}/index.html"));
        let list = section(&page, "<h2 id=\"h-thay-doi\">");
        assert!(
            list.contains(
                "<a href=\"../../bao-cao/bc-2-2025/\">Báo cáo tính đến tháng 12/2025</a>"
            ),
            "{unit}:\n{list}"
        );
        for w in present {
            assert!(list.contains(w), "{unit} lacks {w}:\n{list}");
        }
        for w in absent {
            assert!(!list.contains(w), "{unit} has {w}:\n{list}");
        }
    }
    // A unit that leads nothing that changed has no such section.
    let ubnd = read(&out, "don-vi/ubnd-tinh-thu/index.html");
    assert!(!ubnd.contains("h-thay-doi"));

    // Every page names the feed in its head; the reports page links it visibly.
    let home = read(&out, "index.html");
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Báo cáo tiến độ — Minh bạch chuyển đổi số tỉnh Thử\" href=\"./bao-cao/feed.xml\">"), "{home}");
    assert!(report.contains("href=\"../../bao-cao/feed.xml\""));
    let reports = read(&out, "bao-cao/index.html");
    assert!(
        reports.contains(
            "<a href=\"../bao-cao/feed.xml\" type=\"application/atom+xml\">Theo dõi báo cáo mới"
        ),
        "{reports}"
    );
    assert!(reports.contains("https://example.org/minhbach/bao-cao/feed.xml"));
    assert!(reports.contains("5 thay đổi so với báo cáo trước"));
    assert!(reports.contains("báo cáo đầu tiên"));
    let problems = common::quality::problems(&out);
    std::fs::remove_dir_all(&out).unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_feed_is_atom_newest_first_with_content_dates_and_absolute_links() {
    let out = built("feed");
    let bytes = std::fs::read(out.join("bao-cao/feed.xml")).unwrap();
    let feed = atom_syndication::Feed::read_from(&bytes[..]).expect("the feed parses as Atom");
    assert_eq!(feed.id(), "https://example.org/minhbach/bao-cao/feed.xml");
    assert_eq!(
        feed.title().as_str(),
        "Báo cáo tiến độ — Minh bạch chuyển đổi số tỉnh Thử"
    );
    assert_eq!(feed.updated().to_rfc3339(), "2025-12-01T00:00:00+07:00");
    assert!(!feed.authors().is_empty());
    let link = |links: &[atom_syndication::Link], rel: &str| {
        links
            .iter()
            .find(|l| l.rel() == rel)
            .map(|l| l.href().to_string())
    };
    assert_eq!(
        link(feed.links(), "self").as_deref(),
        Some("https://example.org/minhbach/bao-cao/feed.xml")
    );
    assert_eq!(
        link(feed.links(), "alternate").as_deref(),
        Some("https://example.org/minhbach/bao-cao/")
    );
    let entries = feed.entries();
    assert_eq!(entries.len(), 2);
    let (second, first) = (&entries[0], &entries[1]);
    assert_eq!(
        second.title().as_str(),
        "Kết quả thực hiện Kế hoạch Chuyển đổi số tỉnh Thử, tháng 12/2025"
    );
    assert_eq!(
        second.id(),
        "https://example.org/minhbach/bao-cao/bc-2-2025/"
    );
    assert_eq!(
        link(second.links(), "alternate").as_deref(),
        Some("https://example.org/minhbach/bao-cao/bc-2-2025/")
    );
    assert_eq!(second.updated().to_rfc3339(), "2025-12-01T00:00:00+07:00");
    assert_eq!(second.authors()[0].name(), "Ủy ban nhân dân tỉnh Thử");
    let summary = second.summary().expect("a summary").as_str();
    for words in [
        "Số liệu tính đến tháng 12/2025.",
        "So với báo cáo trước về Kế hoạch 1/KH-UBND (Kết quả thực hiện Kế hoạch Chuyển đổi số tỉnh Thử, tháng 9/2025, số liệu tính đến tháng 9/2025): 5 thay đổi.",
        "- Mới đạt mục tiêu: Chỉ tiêu 1: Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt tối thiểu 90%. — trước: 88% (chưa đạt); nay: 92% — đạt mục tiêu ≥ 90%.",
        "- Mới quá hạn: Nhiệm vụ 2: Ban hành Quy chế quản lý dữ liệu của tỉnh",
        "- Chuyển trạng thái: Nhiệm vụ 1: Xây dựng Cổng dữ liệu mở của tỉnh — trước: Đang thực hiện (theo báo cáo); nay: Đã hoàn thành (theo báo cáo).",
        "- Kết quả mới: Chỉ tiêu 2: Số dịch vụ công trực tuyến toàn trình đạt tối thiểu 50 dịch vụ. — trước: chưa có số liệu; nay: 30 dịch vụ.",
    ] {
        assert!(summary.contains(words), "summary lacks {words}:\n{summary}");
    }
    assert_eq!(
        first.id(),
        "https://example.org/minhbach/bao-cao/bc-1-2025/"
    );
    assert_eq!(first.updated().to_rfc3339(), "2025-09-01T00:00:00+07:00");
    let first_summary = first.summary().unwrap().as_str();
    assert!(
        first_summary.contains("Báo cáo đầu tiên về Kế hoạch 1/KH-UBND"),
        "{first_summary}"
    );

    // The same content gives the same bytes, whenever it is built.
    let again = built("feed-again");
    let bytes_again = std::fs::read(again.join("bao-cao/feed.xml")).unwrap();
    for page in [
        "bao-cao/bc-2-2025/index.html",
        "ke-hoach/kh-1-2025/index.html",
    ] {
        assert_eq!(read(&out, page), read(&again, page), "{page}");
    }
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::remove_dir_all(&again).unwrap();
    assert_eq!(bytes, bytes_again);
}

#[test]
fn a_site_without_reports_has_no_feed_and_no_feed_link() {
    let site = common::site::Site::new();
    std::fs::remove_dir_all(site.path("reports")).unwrap();
    let out = site.root.join("public");
    site.build(&out).passes();
    assert!(!out.join("bao-cao/feed.xml").exists());
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("application/atom+xml"));
}

#[test]
fn feed_text_never_carries_characters_xml_forbids() {
    use minhbach::render::changes::{atom_date, xml_text};
    assert_eq!(
        xml_text("a\u{1}b\tc\nd\u{FFFE}"),
        "a\u{FFFD}b\tc\nd\u{FFFD}"
    );
    let d = minhbach::dates::PartialDate::parse("2025-09").unwrap();
    assert_eq!(atom_date(d), "2025-09-01T00:00:00+07:00");
}

/// A third report on the same date as the second (ordered after it by id) that restates what
/// the second said: compared with the second, nothing changed — and the pages say so.
#[test]
fn a_report_that_restates_the_previous_one_shows_no_change() {
    let base =
        std::env::temp_dir().join(format!("minhbach-changes-restated-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let content = base.join("content");
    common::copy_dir(&fixture(), &content);
    let dir = content.join("reports/bc-3-2025");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("report.md"),
        "+++\ntitle = \"Báo cáo bổ sung, tháng 12/2025\"\nissuer = \"ubnd-tinh-thu\"\nas_of = \"2025-12\"\ndocument = \"bc-2-2025\"\nplans = [\"kh-1-2025\"]\n+++\n\nNhắc lại báo cáo tháng 12/2025.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("progress.toml"),
        "[[result]]\ntask = \"kh-1-2025-nv-1\"\nstatus = \"done\"\ntext = \"Đã khai trương Cổng dữ liệu mở của tỉnh.\"\nline = 3\n\n[[actual]]\ntarget = \"kh-1-2025-ct-1\"\nvalue = 92\ntext = \"đạt 92%\"\nline = 4\n",
    )
    .unwrap();
    let (site, diags) = read_site(&content);
    assert!(!diags.has_errors(), "{}", diags.render());
    let site = site.unwrap();
    let derived = minhbach::derive::Derived::of(&site).unwrap();
    let third: Vec<_> = derived.changes.of_report("bc-3-2025").collect();
    assert_eq!(third.len(), 1);
    assert_eq!(third[0].previous.map(|r| r.id.as_str()), Some("bc-2-2025"));
    assert!(derived.changes.rows_of(third[0]).is_empty());
    // The second report keeps its own comparison with the first.
    assert_eq!(derived.changes.count_of_report("bc-2-2025"), 5);

    let out = base.join("public");
    common::build(&content, &out);
    let page = read(&out, "bao-cao/bc-3-2025/index.html");
    assert!(page.contains(
        "So với báo cáo đó, không có thay đổi về trạng thái nhiệm vụ hay kết quả chỉ tiêu."
    ));
    let plan = read(&out, "ke-hoach/kh-1-2025/index.html");
    assert!(plan.contains("không có thay đổi về trạng thái nhiệm vụ hay kết quả chỉ tiêu."));
    let feed = std::fs::read(out.join("bao-cao/feed.xml")).unwrap();
    let feed = atom_syndication::Feed::read_from(&feed[..]).unwrap();
    let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "https://example.org/minhbach/bao-cao/bc-3-2025/",
            "https://example.org/minhbach/bao-cao/bc-2-2025/",
            "https://example.org/minhbach/bao-cao/bc-1-2025/",
        ]
    );
    std::fs::remove_dir_all(&base).unwrap();
}

/// A copy of the fixture in a fresh directory `base` (removed by the caller) whose September
/// report also states `status` for task 2 (deadline October 2025); returns `base` and the
/// copy's content directory.
fn with_september_status_of_task_2(name: &str, status: &str, text: &str) -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("minhbach-changes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let content = base.join("content");
    common::copy_dir(&fixture(), &content);
    let progress = content.join("reports/bc-1-2025/progress.toml");
    let mut toml = std::fs::read_to_string(&progress).unwrap();
    toml.push_str(&format!(
        "\n[[result]]\ntask = \"kh-1-2025-nv-2\"\nstatus = \"{status}\"\ntext = \"{text}\"\nline = 3\n"
    ));
    std::fs::write(&progress, toml).unwrap();
    (base, content)
}

/// The September report says task 2 (deadline October 2025) is in progress; the December report
/// covers the plan and says nothing of it. At December the deadline has passed and no report says
/// the task is done: it is late, judged at the December report — not left "in progress" because
/// its only result is in the older report.
#[test]
fn a_task_whose_only_result_is_in_an_older_report_is_late_at_the_newest_report_on_its_plan() {
    let (base, content) =
        with_september_status_of_task_2("lag", "in-progress", "Đang xây dựng dự thảo quy chế.");
    let (site, diags) = read_site(&content);
    assert!(!diags.has_errors(), "{}", diags.render());
    let site = site.unwrap();
    let judged = minhbach::progress::judge(&site);
    let task = judged
        .iter()
        .find(|p| p.task.id == "kh-1-2025-nv-2")
        .unwrap();
    assert_eq!(task.status, minhbach::progress::Status::Late);
    assert_eq!(task.report.map(|r| r.id.as_str()), Some("bc-2-2025"));
    assert_eq!(task.results.len(), 1, "the September result is still shown");
    assert!(task.reason.contains("12/2025"), "{}", task.reason);
    std::fs::remove_dir_all(&base).unwrap();
}

/// A report that states a task has not started gives it that status — "not started (as reported)"
/// — never "no report yet", which would deny the report exists; once the deadline passes with no
/// report of it done, it is late, and the change says what it was before.
#[test]
fn a_task_a_report_says_has_not_started_is_not_started_not_unreported() {
    let (base, content) = with_september_status_of_task_2(
        "not-started",
        "not-started",
        "Chưa triển khai xây dựng quy chế.",
    );
    let (site, diags) = read_site(&content);
    assert!(!diags.has_errors(), "{}", diags.render());
    let site = site.unwrap();
    let september = site.reports.iter().find(|r| r.id == "bc-1-2025").unwrap();
    let task = site.plans[0]
        .tasks
        .iter()
        .find(|t| t.id == "kh-1-2025-nv-2")
        .unwrap();
    let result = september
        .results
        .iter()
        .find(|r| r.task == task.id)
        .unwrap();
    let at_september =
        minhbach::progress::judge_task(task, &[(september, result)], Some(september));
    assert_eq!(at_september.status, minhbach::progress::Status::NotStarted);
    assert_eq!(at_september.status.as_str(), "not-started");

    let out = base.join("public");
    common::build(&content, &out);
    let report = read(&out, "bao-cao/bc-2-2025/index.html");
    let changes = section(
        &report,
        "<h2 id=\"h-thay-doi\">Thay đổi so với báo cáo trước</h2>",
    );
    assert!(
        changes.contains("<td>Chưa triển khai (theo báo cáo)"),
        "{changes}"
    );
    assert!(!changes.contains("Chưa có báo cáo"), "{changes}");
    std::fs::remove_dir_all(&base).unwrap();
}
