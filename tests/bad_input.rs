//! Bad content must be reported, never published and never crash the tool. Each test copies the
//! valid fixture `tests/fixtures/minimal/` into a fresh directory, breaks one thing, runs the real
//! binary and checks the report: exit code, `file:line:column`, the offending text, the stable
//! code in brackets and a hint (`gợi ý`).
//!
//! The fixture passes `check` with 0 errors and exactly 1 warning: group I of its budget declares
//! 2.000 while its items add up to 1.881,5.

mod common;
use common::site::{Pos, Site, snapshot};

const UNITS: &str = "units/units.toml";
const DOCUMENTS: &str = "documents/documents.toml";
const DOCUMENT_TEXT: &str = "documents/kh-1-2025.txt";
const PLAN: &str = "plans/kh-1-2025/plan.md";
const TARGETS: &str = "plans/kh-1-2025/targets.toml";
const BUDGET: &str = "plans/kh-1-2025/budget.toml";
const TASKS: &str = "plans/kh-1-2025/tasks.toml";
const PROGRESS: &str = "reports/bc-1-2025/progress.toml";

#[test]
fn the_minimal_fixture_is_valid_with_one_warning() {
    Site::new()
        .check()
        .passes()
        .counts(0, 1)
        .has("Nội dung hợp lệ.");
}

#[test]
fn an_unknown_unit_id_is_located_and_the_near_id_is_suggested() {
    let site = Site::new();
    site.replace(
        TARGETS,
        r#"lead = ["van-phong-ubnd-tinh"]"#,
        r#"lead = ["so-noi-vuu"]"#,
    );
    site.check()
        .fails()
        .counts(1, 1)
        .diag("unknown-unit", TARGETS)
        .at(TARGETS, site.pos(TARGETS, r#""so-noi-vuu""#))
        .shows("`so-noi-vuu`")
        .shows(r#"lead = ["so-noi-vuu"]"#)
        .hint("có phải `so-noi-vu` (Sở Nội vụ)?");
}

#[test]
fn a_duplicate_unit_id_names_both_places() {
    let site = Site::new();
    let mut units = site.read(UNITS);
    units.push_str(
        "\n[[unit]]\nid = \"so-noi-vu\"\nname = \"Sở Nội vụ (lặp)\"\nkind = \"department\"\n",
    );
    site.write(UNITS, units);
    let [first, second] = site.positions(UNITS, r#""so-noi-vu""#)[..] else {
        panic!("two ids")
    };
    site.check()
        .fails()
        .counts(1, 1)
        .diag("duplicate-id", UNITS)
        .at(UNITS, second)
        .at(UNITS, first)
        .shows("`so-noi-vu`")
        .shows("đã dùng lần đầu ở đây")
        .hint("đổi một trong hai mã");
}

#[test]
fn an_unknown_field_is_located_and_the_near_name_is_suggested() {
    let site = Site::new();
    site.replace(TASKS, "\ntitle = ", "\ntitel = ");
    site.check()
        .fails()
        .diag("unknown-field", TASKS)
        .at(TASKS, site.pos(TASKS, "titel"))
        .shows("`titel`")
        .hint("có phải `title`?");
}

#[test]
fn a_missing_required_field_points_at_its_entry() {
    let site = Site::new();
    site.replace(TASKS, "area = \"du-lieu-so\"\n", "");
    site.check()
        .fails()
        .diag("missing-field", TASKS)
        .at(TASKS, site.pos(TASKS, "[[task]]"))
        .shows("`area`")
        .hint("thêm `area = ...`");
}

#[test]
fn a_percentage_over_100_is_an_error() {
    let site = Site::new();
    site.replace(TARGETS, "tối thiểu 90%", "tối thiểu 190%");
    site.replace(TARGETS, "value = 90\n", "value = 190\n");
    site.check()
        .fails()
        .counts(1, 1)
        .diag("percent-out-of-range", TARGETS)
        .at(TARGETS, site.pos(TARGETS, "190\n"))
        .shows("190%")
        .shows("value = 190")
        .hint("phải từ 0 đến 100");
}

#[test]
fn an_amount_written_as_the_string_1_400_asks_for_1400() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 1400", r#"amount = "1.400""#);
    site.check()
        .fails()
        .counts(1, 1)
        .diag("not-a-number", BUDGET)
        .at(BUDGET, site.pos(BUDGET, r#""1.400""#))
        .shows(r#"amount = "1.400""#)
        .hint("`1400`");
}

#[test]
fn an_amount_that_is_not_a_number_at_all_is_an_error() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 1400", r#"amount = "abc""#);
    site.check()
        .fails()
        .counts(1, 1)
        .diag("not-a-number", BUDGET)
        .at(BUDGET, site.pos(BUDGET, r#""abc""#))
        .shows(r#""abc""#)
        .hint("viết một số không có ngoặc kép");
}

#[test]
fn an_unquoted_1_400_is_refused_as_ambiguous_thousands() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 1400", "amount = 1.400");
    site.check()
        .fails()
        .counts(1, 1)
        .diag("ambiguous-thousands", BUDGET)
        .at(BUDGET, site.pos(BUDGET, "1.400"))
        .shows("amount = 1.400")
        .hint("hãy viết `1400`");
}

#[test]
fn the_ambiguous_thousands_message_says_toml_reads_1_400_as_1_4() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 1400", "amount = 1.400");
    site.check()
        .fails()
        .diag("ambiguous-thousands", BUDGET)
        .shows("TOML đọc là 1.4,");
}

#[test]
fn a_negative_amount_is_an_error() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 150", "amount = -150");
    site.check()
        .fails()
        .counts(1, 1)
        .diag("negative-amount", BUDGET)
        .at(BUDGET, site.pos(BUDGET, "-150"))
        .shows("amount = -150")
        .hint("không thể âm");
}

#[test]
fn a_date_that_does_not_exist_is_an_error() {
    let site = Site::new();
    site.replace(PLAN, r#"issued = "2025-01-15""#, r#"issued = "2025-02-30""#);
    site.check()
        .fails()
        .counts(1, 1)
        .diag("invalid-date", PLAN)
        .at(PLAN, site.pos(PLAN, r#""2025-02-30""#))
        .shows("2025-02-30")
        .shows("28 ngày")
        .hint("kiểm tra lại ngày");
}

#[test]
fn a_toml_syntax_error_in_a_units_file_is_located() {
    let site = Site::new();
    site.replace(UNITS, r#"kind = "office""#, "kind = office");
    site.check()
        .fails()
        .diag("toml-syntax", UNITS)
        .at(UNITS, site.pos(UNITS, "office"))
        .shows("kind = office")
        .hint("ngoặc kép");
}

#[test]
fn a_toml_syntax_error_in_plan_front_matter_is_located() {
    let site = Site::new();
    site.replace(PLAN, r#"level = "province""#, "level = province");
    site.check()
        .fails()
        .diag("toml-syntax", PLAN)
        .at(PLAN, site.pos(PLAN, "province"))
        .shows("level = province")
        .hint("ngoặc kép");
}

#[test]
fn a_plan_md_that_fails_to_parse_does_not_make_its_siblings_orphans() {
    let site = Site::new();
    site.replace(PLAN, r#"level = "province""#, "level = province");
    site.check()
        .fails()
        .has("[toml-syntax]")
        .lacks("[orphan-file]")
        .lacks("không có `plan.md`");
}

#[test]
fn a_site_toml_that_fails_to_parse_is_not_reported_as_missing() {
    let site = Site::new();
    site.replace("site.toml", "title = ", "titel = ");
    site.check()
        .fails()
        .has("[unknown-field]")
        .lacks("[no-site-toml]");
}

#[test]
fn front_matter_without_a_closing_line_is_an_error() {
    let site = Site::new();
    site.replace(PLAN, "+++\n\n## Mục tiêu", "\n## Mục tiêu");
    site.check()
        .fails()
        .diag("unclosed-front-matter", PLAN)
        .at(PLAN, Pos { line: 1, col: 1 })
        .shows("+++")
        .hint("thêm một dòng chỉ có `+++`");
}

#[test]
fn an_amount_that_is_not_on_the_cited_line_is_an_error() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 1400", "amount = 1450");
    site.check()
        .fails()
        .counts(1, 1)
        .diag("amount-not-on-line", BUDGET)
        .at(BUDGET, site.pos(BUDGET, "1450"))
        .shows("1.450")
        .shows("dòng 11")
        .hint("1.1 Thuê dịch vụ Cổng dữ liệu mở CTX, NST 1.400");
}

#[test]
fn a_declared_total_that_differs_is_a_warning_and_an_error_under_strict() {
    let site = Site::new();
    let run = site.check();
    run.passes().counts(0, 1);
    run.diag("declared-total-differs", DOCUMENT_TEXT)
        .at(DOCUMENT_TEXT, Pos { line: 9, col: 1 })
        .shows("2.000")
        .shows("1.881,5")
        .shows("118,5")
        .hint("cả hai con số và chênh lệch sẽ được công bố");
    site.check_strict()
        .fails()
        .counts(0, 1)
        .has("[declared-total-differs]")
        .has("--strict");
}

#[test]
fn problems_in_different_files_are_all_reported_in_one_run() {
    let site = Site::new();
    site.replace(
        UNITS,
        "vụ\"\nkind = \"department\"",
        "vụ\"\nkind = \"departmnt\"",
    );
    site.replace(
        DOCUMENTS,
        r#"date = "2025-01-15""#,
        r#"date = "2025-13-01""#,
    );
    site.replace(TASKS, r#"area = "du-lieu-so""#, r#"area = "du-lieu-soo""#);
    site.replace(BUDGET, "amount = 150", "amount = 160");
    site.replace(PROGRESS, r#"status = "done""#, r#"status = "donee""#);
    let run = site.check();
    run.fails().counts(5, 1).has("\n(6) ").lacks("\n(7) ");
    run.diag("invalid-value", UNITS)
        .at(UNITS, site.pos(UNITS, r#""departmnt""#))
        .hint("có phải `department`?");
    run.diag("invalid-date", DOCUMENTS)
        .at(DOCUMENTS, site.pos(DOCUMENTS, r#""2025-13-01""#))
        .hint("tháng phải từ 01 đến 12");
    run.diag("unknown-area", TASKS)
        .at(TASKS, site.pos(TASKS, r#""du-lieu-soo""#))
        .hint("có phải `du-lieu-so`?");
    run.diag("amount-not-on-line", BUDGET)
        .at(BUDGET, site.pos(BUDGET, "160"))
        .hint("CTX, NST 150");
    run.diag("invalid-value", PROGRESS)
        .at(PROGRESS, site.pos(PROGRESS, r#""donee""#))
        .hint("có phải `done`?");
}

#[test]
fn a_file_that_is_not_utf8_is_a_located_error() {
    let site = Site::new();
    let text = site.read(UNITS);
    let at = text.find("Sở Nội vụ").unwrap() + 1;
    let bytes = [
        &text.as_bytes()[..at],
        &[0xff, 0xfe],
        &text.as_bytes()[at..],
    ]
    .concat();
    site.write(UNITS, bytes);
    let expected = Pos {
        line: text[..at].matches('\n').count() + 1,
        col: text[..at].rsplit('\n').next().unwrap().chars().count() + 1,
    };
    site.check()
        .fails()
        .diag("not-utf8", UNITS)
        .at(UNITS, expected)
        .shows("0xFF")
        .hint("UTF-8");
}

#[test]
fn files_with_a_bom_and_crlf_line_endings_are_accepted() {
    let site = Site::new();
    for rel in [
        "site.toml",
        "areas.toml",
        DOCUMENTS,
        DOCUMENT_TEXT,
        UNITS,
        PLAN,
        TARGETS,
        BUDGET,
        TASKS,
        "reports/bc-1-2025/report.md",
        PROGRESS,
    ] {
        let text = site.read(rel).replace('\n', "\r\n");
        site.write(rel, format!("\u{feff}{text}"));
    }
    site.check().passes().counts(0, 1);
}

#[test]
fn errors_in_a_bom_and_crlf_file_point_at_the_right_line_and_column() {
    let site = Site::new();
    site.replace(BUDGET, r#"place = "tinh-thu""#, r#"place = "tinh-thuu""#);
    site.replace(BUDGET, "amount = 1400", "amount = 1450");
    let text = site.read(BUDGET).replace('\n', "\r\n");
    site.write(BUDGET, format!("\u{feff}{text}"));
    let run = site.check();
    run.fails().counts(2, 1);
    run.diag("unknown-unit", BUDGET)
        .at(BUDGET, Pos { line: 1, col: 9 })
        .shows("place = \"tinh-thuu\"\n")
        .hint("có phải `tinh-thu` (Tỉnh Thử)?");
    run.diag("amount-not-on-line", BUDGET)
        .at(BUDGET, site.pos(BUDGET, "1450"));
}

#[test]
fn a_build_with_errors_leaves_the_previous_output_exactly_as_it_was() {
    let site = Site::new();
    let out = site.root.join("public");
    site.build(&out).passes().has("Đã dựng");
    let before = snapshot(&out);
    assert!(before.contains_key(std::path::Path::new("index.html")));

    site.replace(BUDGET, "amount = 1400", "amount = 1450");
    site.build(&out)
        .fails()
        .has("[amount-not-on-line]")
        .has("Thư mục đầu ra được giữ nguyên.");
    assert!(snapshot(&out) == before, "the output directory changed");
    assert_eq!(site.root_entries(), ["content", "public"]);
}

#[test]
fn build_refuses_a_non_empty_directory_it_did_not_make() {
    let site = Site::new();
    let out = site.root.join("my-files");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("ghi-chu.txt"), "không được xóa\n").unwrap();
    let before = snapshot(&out);

    let run = site.build(&out);
    assert_ne!(run.code, Some(0), "build must refuse:\n{}", run.stderr);
    run.has(".minhbach-build").lacks("Đã dựng");
    assert!(snapshot(&out) == before, "the directory changed");
    assert_eq!(site.root_entries(), ["content", "my-files"]);
}

#[test]
fn a_broken_link_in_plan_markdown_is_located() {
    let site = Site::new();
    site.replace(
        PLAN,
        "Kế hoạch mẫu, chỉ dùng cho kiểm thử.",
        "Kế hoạch mẫu, xem [kế hoạch khác](/ke-hoach/khong-co/).",
    );
    site.check()
        .fails()
        .counts(1, 1)
        .diag("broken-link", PLAN)
        .at(PLAN, site.pos(PLAN, "[kế hoạch khác]"))
        .shows("/ke-hoach/khong-co/")
        .hint("/ke-hoach/");
}

#[test]
fn a_link_to_an_existing_page_and_to_the_web_is_accepted() {
    let site = Site::new();
    site.replace(
        PLAN,
        "Kế hoạch mẫu, chỉ dùng cho kiểm thử.",
        "Xem [Sở Nội vụ](/don-vi/so-noi-vu/) và [luật](https://example.org/luat).",
    );
    site.check().passes().counts(0, 1);
}

#[test]
fn a_javascript_link_in_markdown_is_refused() {
    let site = Site::new();
    site.replace(
        PLAN,
        "Kế hoạch mẫu, chỉ dùng cho kiểm thử.",
        "[bấm](javascript:alert(1))",
    );
    site.check()
        .fails()
        .diag("broken-link", PLAN)
        .at(PLAN, site.pos(PLAN, "[bấm]"))
        .shows("javascript:alert(1)");
}
