//! What an adversarial pass found (issue 9), one test per class: numbers that passed the
//! source-line check wrongly, absurd dates and sizes, content that is not a regular file,
//! unsafe URLs. Each breaks one thing in a copy of the minimal fixture and checks the located
//! report — and that nothing panics.

mod common;
use common::site::Site;

const DOCUMENT_TEXT: &str = "documents/kh-1-2025.txt";
const DOCUMENTS: &str = "documents/documents.toml";
const TARGETS: &str = "plans/kh-1-2025/targets.toml";
const BUDGET: &str = "plans/kh-1-2025/budget.toml";
const TASKS: &str = "plans/kh-1-2025/tasks.toml";

// --- numbers on their cited line ----------------------------------------------------------------

/// Line 12 of the fixture document reads `1.2 Đào tạo cán bộ quản trị dữ liệu CTX, NST 331,5`.
#[test]
fn a_fragment_of_a_number_is_not_the_number() {
    for fragment in ["5", "331", "31.5", "1.2"] {
        let site = Site::new();
        site.replace(BUDGET, "amount = 331.5", &format!("amount = {fragment}"));
        site.check()
            .fails()
            .diag("amount-not-on-line", BUDGET)
            .at(
                BUDGET,
                site.pos(BUDGET, &format!("amount = {fragment}")).shift(9),
            )
            .hint("331,5");
    }
}

/// Line 11 reads `… CTX, NST 1.400`: in Vietnamese notation that is one thousand four hundred.
#[test]
fn a_number_with_thousands_dots_is_never_read_as_a_decimal() {
    let site = Site::new();
    site.replace(BUDGET, "amount = 1400", "amount = 1.40");
    site.check()
        .fails()
        .diag("amount-not-on-line", BUDGET)
        .hint("1.400");
}

/// Line 5 reads `Năm 2024, tỷ lệ này đạt 85,5%.`: 85 and 5 are fragments of 85,5.
#[test]
fn a_baseline_must_be_the_whole_percentage_on_its_line() {
    for fragment in ["85", "5"] {
        let site = Site::new();
        site.replace(TARGETS, "value = 85.5", &format!("value = {fragment}"));
        site.check().fails().diag("amount-not-on-line", TARGETS);
    }
}

/// A line that states a sum in đồng accepts only that sum in million VND.
#[test]
fn a_sum_in_dong_is_accepted_only_converted_to_million_vnd() {
    let site = Site::new();
    site.append(
        DOCUMENT_TEXT,
        "Tổng kinh phí là 2.000.000.000\n\nđồng (hai tỷ đồng).\n",
    );
    let line = site.read(DOCUMENT_TEXT).lines().count() - 2;
    site.append(
        BUDGET,
        &format!("\n[[declared]]\nlabel = \"Tổng\"\namount = 2000000000\nline = {line}\n"),
    );
    site.check()
        .fails()
        .diag("amount-not-on-line", BUDGET)
        .shows("2.000.000.000");
    site.replace(BUDGET, "amount = 2000000000", "amount = 2000");
    site.check().passes();
}

#[test]
fn a_goal_value_must_be_a_whole_number_of_the_target_text() {
    let site = Site::new();
    // The text says "tối thiểu 90%": 9 and 0 are not in it.
    site.replace(TARGETS, "value = 90", "value = 9");
    site.check().fails().diag("goal-not-in-text", TARGETS);
}

#[test]
fn an_amount_too_large_to_be_exact_is_a_located_error_not_a_panic() {
    for huge in [
        "1234567890123456789012345678901234567890.5",
        "79228162514264337593543950335",
        "9223372036854775807",
        "0.0000001",
    ] {
        let site = Site::new();
        site.replace(BUDGET, "amount = 1400", &format!("amount = {huge}"));
        let run = site.check();
        run.fails();
        let code = if run.stderr.contains("[toml-syntax]") {
            "toml-syntax"
        } else {
            "number-out-of-range"
        };
        run.diag(code, BUDGET).at(BUDGET, site.pos(BUDGET, huge));
    }
}

// --- source documents ---------------------------------------------------------------------------

#[test]
fn an_empty_source_document_is_an_error_and_its_citations_are_still_checked() {
    let site = Site::new();
    site.write(DOCUMENT_TEXT, "\n  \n");
    let run = site.check();
    run.fails();
    run.diag("empty-document", DOCUMENTS)
        .at(DOCUMENTS, site.pos(DOCUMENTS, "\"kh-1-2025.txt\""));
    run.diag("line-out-of-range", BUDGET);
}

#[test]
fn documents_can_be_organised_in_subfolders_with_their_own_registry() {
    let site = Site::new();
    std::fs::create_dir_all(site.path("documents/tinh-thu")).unwrap();
    std::fs::rename(
        site.path(DOCUMENT_TEXT),
        site.path("documents/tinh-thu/kh-1-2025.txt"),
    )
    .unwrap();
    std::fs::rename(
        site.path(DOCUMENTS),
        site.path("documents/tinh-thu/documents.toml"),
    )
    .unwrap();
    site.check().passes();
}

// --- dates --------------------------------------------------------------------------------------

#[test]
fn absurd_years_and_quarters_are_located_errors() {
    for bad in [
        "-001-Q1", "+202-Q1", "2025-Q+1", "0001", "9999-12", "2025-Q01",
    ] {
        let site = Site::new();
        site.replace(
            TASKS,
            "timeframe = \"2025-Q2\"",
            &format!("timeframe = \"{bad}\""),
        );
        site.check()
            .fails()
            .diag("invalid-date", TASKS)
            .at(TASKS, site.pos(TASKS, &format!("\"{bad}\"")));
    }
    let site = Site::new();
    site.replace(DOCUMENTS, "date = \"2025-01-15\"", "date = \"0000-01-01\"");
    site.check()
        .fails()
        .diag("invalid-date", DOCUMENTS)
        .hint("năm");
    let site = Site::new();
    site.replace(TARGETS, "year = 2024", "year = 20245");
    site.check().fails().diag("invalid-date", TARGETS);
}

// --- sizes --------------------------------------------------------------------------------------

#[test]
fn a_text_longer_than_an_excel_cell_is_a_located_error() {
    let site = Site::new();
    let long = "chuyển đổi số ".repeat(2400);
    site.replace(
        TASKS,
        "title = \"Xây dựng Cổng dữ liệu mở của tỉnh\"",
        &format!("title = \"{long}\""),
    );
    site.check()
        .fails()
        .diag("text-too-long", TASKS)
        .at(TASKS, site.pos(TASKS, "title = ").shift(8))
        .shows("32767");
}

#[test]
fn a_list_of_thousands_of_units_is_a_located_error() {
    let site = Site::new();
    let many = vec!["\"so-noi-vu\""; 300].join(", ");
    site.replace(
        TASKS,
        "coordinating = [\"so-noi-vu\"]",
        &format!("coordinating = [{many}]"),
    );
    site.check().fails().diag("list-too-long", TASKS);
}

// --- what is not a regular file -----------------------------------------------------------------

#[test]
fn a_directory_where_a_content_file_belongs_is_an_error() {
    let site = Site::new();
    std::fs::remove_file(site.path(BUDGET)).unwrap();
    std::fs::create_dir(site.path(BUDGET)).unwrap();
    site.check().fails().has("[not-a-file]").has("budget.toml");
}

#[cfg(unix)]
#[test]
fn a_fifo_where_a_content_file_belongs_is_an_error_and_nothing_hangs() {
    let site = Site::new();
    std::fs::remove_file(site.path(BUDGET)).unwrap();
    let path = std::ffi::CString::new(site.path(BUDGET).to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    site.check().fails().has("[not-a-file]").has("budget.toml");
}

#[cfg(unix)]
#[test]
fn a_symlinked_content_directory_is_read_like_the_directory_itself() {
    let site = Site::new();
    let link = site.root.join("content-link");
    std::os::unix::fs::symlink(&site.content, &link).unwrap();
    site.run(&["check", "--content", link.to_str().unwrap()])
        .passes()
        .lacks("symlink");
}

#[test]
fn the_root_directory_and_directories_without_site_toml_are_refused_at_once() {
    let site = Site::new();
    site.run(&["check", "--content", "/"])
        .fails()
        .has("[no-content]");
    std::fs::remove_file(site.path("site.toml")).unwrap();
    site.check().fails().has("[no-site-toml]").counts(1, 0);
}

// --- URLs ---------------------------------------------------------------------------------------

#[test]
fn urls_of_site_toml_must_be_absolute_web_addresses() {
    for (key, bad) in [
        ("licence_url", "javascript:alert(1)"),
        ("licence_url", ""),
        ("licence_url", "/licence"),
        ("licence_url", "ftp://example.org/x"),
        ("base_url", "https://user:pw@example.org/"),
        ("base_url", "https://example.org/?a=1"),
        ("base_url", "data:text/html,<script>"),
        ("base_url", "https:// example.org"),
    ] {
        let site = Site::new();
        let line = format!("{key} = \"{bad}\"");
        if key == "base_url" {
            site.replace(
                "site.toml",
                "base_url = \"https://example.org/minhbach\"",
                &line,
            );
        } else {
            site.append("site.toml", &format!("{line}\n"));
        }
        site.check().fails().diag("invalid-url", "site.toml").at(
            "site.toml",
            site.pos("site.toml", &line).shift(key.len() + 3),
        );
    }
}

// --- ids ----------------------------------------------------------------------------------------

/// A target with two goals has goal rows `…-ct-1-1` and `…-ct-1-2` in the data package; a target
/// numbered `1.1` has the id `…-ct-1-1`. `check` must refuse what `build` could not write.
#[test]
fn a_goal_row_id_that_collides_with_a_sub_target_is_located_at_the_sub_target() {
    let site = Site::new();
    site.append(
        TARGETS,
        "\n[[target.goal]]\nsubject = \"cấp xã\"\ncomparator = \">=\"\nvalue = 90\n\n\
         [[target]]\nnumber = \"1.1\"\narea = \"chinh-quyen-so\"\n\
         text = \"Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt tối thiểu 90%.\"\n\
         measure = \"percent\"\nline = 4\n",
    );
    site.check()
        .fails()
        .diag("duplicate-id", TARGETS)
        .at(TARGETS, site.pos(TARGETS, "\"1.1\""))
        .at(TARGETS, site.pos(TARGETS, "number = \"1\"\n").shift(9))
        .shows("kh-1-2025-ct-1-1");
}

#[test]
fn two_tasks_with_the_same_number_are_located_at_the_second() {
    let site = Site::new();
    let task = site.read(TASKS);
    site.append(TASKS, &format!("\n{task}"));
    let second = site.positions(TASKS, "number = \"1\"")[1];
    site.check()
        .fails()
        .diag("duplicate-id", TASKS)
        .at(TASKS, second.shift(9))
        .shows("kh-1-2025-nv-1");
}

/// Item `x-kp-1` of plan `kh-1-2025` and item 1 of plan `kh-1-2025-kp-x` are both
/// `kh-1-2025-kp-x-kp-1`.
#[test]
fn budget_line_ids_that_collide_across_plans_are_located() {
    let site = Site::new();
    site.append(
        BUDGET,
        "\n[[item]]\nid = \"x-kp-1\"\ntitle = \"Mua sắm thiết bị lưu trữ\"\namount = 150\nline = 13\n",
    );
    let other = "plans/kh-1-2025-kp-x";
    std::fs::create_dir_all(site.path(other)).unwrap();
    site.write(
        &format!("{other}/plan.md"),
        site.read("plans/kh-1-2025/plan.md")
            .replace("number = \"1/KH-UBND\"", "number = \"2/KH-UBND\""),
    );
    site.write(
        &format!("{other}/budget.toml"),
        "[[item]]\nnumber = \"1\"\ntitle = \"Mua sắm thiết bị lưu trữ\"\namount = 150\nline = 13\n",
    );
    site.check()
        .fails()
        .diag("duplicate-id", &format!("{other}/budget.toml"))
        .shows("kh-1-2025-kp-x-kp-1")
        .at(BUDGET, site.pos(BUDGET, "\"x-kp-1\""));
}

#[test]
fn a_number_that_makes_an_id_too_long_for_a_file_name_is_located() {
    let site = Site::new();
    let long = "1.".repeat(60) + "1";
    site.replace(TARGETS, "number = \"1\"", &format!("number = \"{long}\""));
    site.check()
        .fails()
        .diag("invalid-id", TARGETS)
        .at(TARGETS, site.pos(TARGETS, &format!("\"{long}\"")));
}

// --- links and narratives -----------------------------------------------------------------------

const PLAN: &str = "plans/kh-1-2025/plan.md";

#[test]
fn links_to_pages_that_do_not_exist_are_refused_even_when_nearly_right() {
    for bad in [
        "/nguon/kh-1-2025/999/#L99999",
        "/nguon/kh-1-2025/1/#L99999",
        "/ke-hoach/kh-1-2025index.html",
        "/chi-tieuindex.html",
        "/ke-hoach/kh-1-2025",
        "/du-lieu-mo/khong-co/",
        "/bao-cao/khong-co/",
    ] {
        let site = Site::new();
        site.append(PLAN, &format!("\nXem [trang]({bad}).\n"));
        site.check()
            .fails()
            .diag("broken-link", PLAN)
            .at(PLAN, site.pos(PLAN, &format!("[trang]({bad})")));
    }
}

#[test]
fn links_to_every_kind_of_page_are_accepted() {
    let site = Site::new();
    let links = [
        "/",
        "/ke-hoach/",
        "/ke-hoach/kh-1-2025/",
        "/ke-hoach/kh-1-2025/kinh-phi/",
        "/ke-hoach/kh-1-2025/index.html",
        "/chi-tieu/kh-1-2025-ct-1/",
        "/kinh-phi/theo-nguon/",
        "/tien-do/",
        "/don-vi/so-noi-vu/",
        "/bao-cao/",
        "/bao-cao/bc-1-2025/",
        "/nguon/",
        "/nguon/kh-1-2025/",
        "/nguon/kh-1-2025/1/#L12",
        "/du-lieu-mo/",
        "/du-lieu-mo/units/",
    ];
    let text: String = links.iter().map(|l| format!("\n[x]({l})\n")).collect();
    site.append(PLAN, &text);
    site.check().passes();
}

#[test]
fn raw_html_links_are_checked_like_markdown_links() {
    for (bad, shown) in [
        (
            "<a href=\"/ke-hoach/khong-co/\">x</a>",
            "/ke-hoach/khong-co/",
        ),
        ("<a href='javascript:alert(1)'>x</a>", "javascript:alert(1)"),
        (
            "<img src=\"&#106;avascript:alert(1)\">",
            "javascript:alert(1)",
        ),
        ("<a href=\"../../etc/passwd\">x</a>", "../../etc/passwd"),
    ] {
        let site = Site::new();
        site.append(PLAN, &format!("\n<p>{bad}</p>\n"));
        site.check().fails().diag("broken-link", PLAN).shows(shown);
    }
}

#[test]
fn raw_html_site_links_are_published_relative_to_the_page() {
    let site = Site::new();
    site.append(
        PLAN,
        "\n<p><a href=\"/don-vi/so-noi-vu/\">Sở Nội vụ</a></p>\n",
    );
    let out = site.root.join("public");
    site.build(&out).passes();
    let page = std::fs::read_to_string(out.join("ke-hoach/kh-1-2025/noi-dung/index.html")).unwrap();
    assert!(
        page.contains("href=\"../../../don-vi/so-noi-vu/\""),
        "{page}"
    );
}

#[test]
fn pathological_narratives_are_refused_with_their_place() {
    let cases = [
        ("<div>".repeat(100_000), "narrative-too-large"),
        (
            format!("|{}\n|{}\n", "a|".repeat(5_000), "-|".repeat(5_000)),
            "narrative-too-large",
        ),
        ("x".repeat(2 * 1024 * 1024), "narrative-too-large"),
    ];
    for (body, code) in cases {
        let site = Site::new();
        site.append(PLAN, &format!("\n{body}\n"));
        site.check().fails().diag(code, PLAN);
    }
}

// --- the project around the content -------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_static_or_templates_directory_linked_outside_the_project_is_refused() {
    for dir in ["static", "templates"] {
        let site = Site::new();
        std::os::unix::fs::symlink("/etc", site.root.join(dir)).unwrap();
        site.check().fails().has("[symlink-outside]").has(dir);
        let out = site.root.join("public");
        site.build(&out).fails();
        assert!(!out.exists(), "nothing is published");
    }
}

#[cfg(unix)]
#[test]
fn a_static_file_or_template_linked_outside_is_refused_and_never_published() {
    let site = Site::new();
    std::fs::create_dir_all(site.root.join("static")).unwrap();
    std::fs::create_dir_all(site.root.join("templates")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.root.join("static/passwd")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", site.root.join("templates/base.html")).unwrap();
    site.check()
        .fails()
        .has("static/passwd")
        .has("templates/base.html")
        .has("[symlink-outside]");
}

#[test]
fn a_static_file_with_the_path_of_a_page_or_of_the_data_package_is_refused() {
    for rel in [
        "ke-hoach/index.html",
        "data/datapackage.json",
        "ke-hoach",
        "data",
        "bieu-do/theo-ke-hoach/nhung/index.html",
        "bieu-do/theo-ke-hoach.svg",
    ] {
        let site = Site::new();
        let path = site.root.join("static").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "x").unwrap();
        site.check().fails().has("[static-collision]").has(rel);
    }
}

#[test]
fn static_files_replace_built_in_assets_and_are_published() {
    let site = Site::new();
    std::fs::create_dir_all(site.root.join("static/anh")).unwrap();
    std::fs::write(site.root.join("static/style.css"), "body{}\n").unwrap();
    std::fs::write(site.root.join("static/anh/logo.svg"), "<svg/>").unwrap();
    let out = site.root.join("public");
    site.build(&out).passes();
    assert_eq!(std::fs::read(out.join("style.css")).unwrap(), b"body{}\n");
    assert!(out.join("anh/logo.svg").is_file());
    assert!(out.join("fonts/NotoSans-Regular-vi.woff2").is_file());
}

#[test]
fn content_built_outside_any_project_still_gets_its_fonts_and_stylesheet() {
    let site = Site::new();
    let out = site.root.join("public");
    site.build(&out).passes();
    for asset in ["style.css", "fonts/NotoSans-Bold-vi.woff2", "fonts/OFL.txt"] {
        assert!(out.join(asset).is_file(), "{asset}");
    }
}

#[test]
fn a_broken_template_override_is_found_by_check() {
    let site = Site::new();
    std::fs::create_dir_all(site.root.join("templates")).unwrap();
    std::fs::write(
        site.root.join("templates/plan.html"),
        "{% extends \"base.html\" %}{% block content %}{{ plan.title }",
    )
    .unwrap();
    site.check()
        .fails()
        .has("[template]")
        .has("templates/plan.html");
}

#[test]
fn build_refuses_an_output_directory_inside_static_or_templates() {
    for dir in ["static", "templates"] {
        let site = Site::new();
        std::fs::create_dir_all(site.root.join(dir)).unwrap();
        site.build(&site.root.join(dir).join("public"))
            .fails()
            .has("được đọc khi dựng trang");
    }
}

// --- concurrent builds --------------------------------------------------------------------------

/// Each build used to delete the other's temporary directory: both exited 0 and the site had
/// half its files. Builds into one directory are serialised; every round ends with one whole
/// site, identical to a build on its own.
#[test]
fn concurrent_builds_into_one_directory_always_leave_one_complete_site() {
    let site = Site::new();
    let alone = site.root.join("alone");
    site.build(&alone).passes();
    let expected = common::site::snapshot(&alone);
    let out = site.root.join("public");
    for round in 0..6 {
        let children: Vec<_> = (0..6)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_minhbach"))
                    .args(["build", "--content"])
                    .arg(&site.content)
                    .arg("--out")
                    .arg(&out)
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let o = child.wait_with_output().unwrap();
            assert!(
                o.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        assert!(
            common::site::snapshot(&out) == expected,
            "round {round}: the site differs from a build on its own"
        );
        let mut leftovers: Vec<String> = std::fs::read_dir(&site.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            // The image cache is kept on purpose (and shared by the six builds); nothing else.
            .filter(|n| n.starts_with('.') && n != minhbach::raster::CACHE_DIR)
            .collect();
        leftovers.sort();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
}

// --- downloads ----------------------------------------------------------------------------------

/// "Tải dữ liệu: CSV" under every table opens in Excel: a formula in a text cell must not run.
#[test]
fn per_table_csv_downloads_defuse_formulas_and_the_json_stays_exact() {
    let site = Site::new();
    let formula = "=HYPERLINK(\"http://evil.example\",\"Bấm\")";
    site.replace(
        TASKS,
        "title = \"Xây dựng Cổng dữ liệu mở của tỉnh\"",
        &format!("title = {}", toml_string(formula)),
    );
    let out = site.root.join("public");
    site.build(&out).passes();
    let (mut csvs, mut defused) = (0, 0);
    // Every page's tables, the English pages' own copies (`data/bang/en/`) included.
    for e in walkdir::WalkDir::new(out.join("data/bang")) {
        let path = e.unwrap().path().to_path_buf();
        if path.is_dir() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if path.extension().is_some_and(|x| x == "csv") {
            csvs += 1;
            assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{}", path.display());
            assert!(
                !text.contains(",=HYPERLINK") && !text.contains("\n=HYPERLINK"),
                "{}",
                path.display()
            );
            if text.contains("HYPERLINK") {
                assert!(text.contains("'=HYPERLINK"), "{text}");
                defused += 1;
            }
        } else if text.contains("HYPERLINK") {
            assert!(text.contains("\"=HYPERLINK"), "{text}");
        }
    }
    assert!(
        csvs > 0 && defused > 0,
        "{csvs} CSV files, {defused} with the formula"
    );
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn deadlines_at_both_ends_of_the_years_a_plan_can_name_keep_the_progress_page_light() {
    let site = Site::new();
    let task = site.read(TASKS);
    for (n, year) in [("2", "1900"), ("3", "2100")] {
        site.append(
            TASKS,
            &format!(
                "\n{}",
                task.replace("number = \"1\"", &format!("number = \"{n}\""))
                    .replace("\"2025-Q2\"", &format!("\"{year}\""))
            ),
        );
    }
    let out = site.root.join("public");
    site.build(&out).passes();
    let size = std::fs::metadata(out.join("tien-do/index.html"))
        .unwrap()
        .len();
    assert!(size < 200 * 1024, "/tien-do/ is {size} bytes");
}

#[test]
fn a_template_override_that_fails_on_the_site_data_is_found_by_check() {
    let site = Site::new();
    std::fs::create_dir_all(site.root.join("templates")).unwrap();
    std::fs::write(
        site.root.join("templates/unit.html"),
        "{% extends \"base.html\" %}{% block content %}{{ unit.khong_co | upper }}{% endblock content %}",
    )
    .unwrap();
    site.check()
        .fails()
        .has("[template]")
        .has("templates/unit.html")
        .has("/don-vi/");
}
