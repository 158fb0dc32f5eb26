//! `minhbach import` and `minhbach cite`, on workbooks and documents made here the way staff have
//! them: plan 223's budget appendix as printed (rust_xlsxwriter), an `.ods` written by hand, each
//! class of bad cell, the site's own `minhbach.xlsx` round trip, and a `.docx` whose lines `check`
//! can cite after `cite`.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use minhbach::content::read_site;
use minhbach::model::Site;
use rust_xlsxwriter::Workbook;

const PLAN: &str = "kh-223-ubnd-2024";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minhbach-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A copy of the bundled content in a fresh directory.
fn content_copy(dir: &Path) -> PathBuf {
    let c = dir.join("content");
    common::copy_dir(&common::content(), &c);
    c
}

struct Run {
    ok: bool,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(args)
        .output()
        .unwrap();
    Run {
        ok: out.status.success(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn site(content: &Path) -> Site {
    let (site, diags) = read_site(content);
    site.unwrap_or_else(|| panic!("{}", diags.render()))
}

/// What a budget resolves to: every line (id, amount, funding, lead, place, parent) and every
/// declared total (scope, amount, label), optionally with the cited lines.
fn resolved(site: &Site, plan: &str, with_lines: bool) -> (Vec<String>, Vec<String>) {
    let plan = site.plans.iter().find(|p| p.id == plan).unwrap();
    let b = plan.budget.as_ref().unwrap();
    let line = |s: &minhbach::model::SourceRef| {
        if with_lines {
            format!(" @{}", s.line)
        } else {
            String::new()
        }
    };
    let lines = b
        .lines
        .iter()
        .map(|l| {
            format!(
                "{} {:?} {:?} lead={} place={:?} parent={:?} group={:?} body={:?} number={:?}{}",
                l.id,
                l.amount.map(|a| a.normalize()),
                l.funding.map(|f| f.code()),
                l.lead,
                l.place,
                l.parent.map(|i| &b.lines[i].id),
                l.group.map(|g| &b.groups[g].id),
                l.body.map(|i| (&b.bodies[i].id, &b.bodies[i].unit)),
                l.number,
                line(&l.source)
            )
        })
        .collect();
    let totals = minhbach::budget::total_checks(plan)
        .into_iter()
        .map(|c| {
            format!(
                "{} {} {}{}",
                c.scope_id,
                c.declared.normalize(),
                c.computed.normalize(),
                line(&c.source)
            )
        })
        .collect();
    (lines, totals)
}

/// Asserts two resolved budgets are the same, naming the first difference.
fn same(got: (Vec<String>, Vec<String>), want: (Vec<String>, Vec<String>)) {
    for (g, w) in got.0.iter().zip(&want.0).chain(got.1.iter().zip(&want.1)) {
        assert_eq!(g, w);
    }
    assert_eq!(got.0.len(), want.0.len(), "number of budget lines");
    assert_eq!(got.1.len(), want.1.len(), "number of declared totals");
}

/// Plan 223's Phụ lục II as a workbook laid out like the printed appendix: a title, a header
/// row, the column numbers, the totals, then groups (I, II, III), bodies (1, 2…) with their
/// unit's name and declared total, items (1.1…) and, under items without an amount, their parts.
/// The "Mã" column holds the ids the printed appendix does not (parts, an unnumbered item).
fn appendix_223(site: &Site, path: &Path) {
    let plan = site.plans.iter().find(|p| p.id == PLAN).unwrap();
    let b = plan.budget.as_ref().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Phụ lục II").unwrap();
    ws.merge_range(
        0,
        0,
        0,
        5,
        "DỰ KIẾN NHIỆM VỤ CHUYỂN ĐỔI SỐ VÀ KINH PHÍ NĂM 2025",
        &Default::default(),
    )
    .unwrap();
    ws.write_string(1, 1, "(Kèm theo Kế hoạch số 223/KH-UBND ngày 15/11/2024)")
        .unwrap();
    let header = [
        "STT",
        "Nội dung",
        "Đơn vị chủ trì",
        "Kinh phí\n(triệu đồng)",
        "Nguồn vốn",
        "Mã",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
        ws.write_string(4, c as u16, format!("({})", c + 1))
            .unwrap();
    }
    let mut r = 5u32;
    let mut n = 0usize;
    // Amounts alternate between number cells and text in Vietnamese notation, as workbooks
    // typed by hand have them.
    let mut amount = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, d: rust_decimal::Decimal| {
        n += 1;
        if n % 3 == 0 {
            ws.write_string(r, 3, minhbach::vn_number::format(d))
                .unwrap();
        } else {
            ws.write_number(r, 3, d.to_string().parse::<f64>().unwrap())
                .unwrap();
        }
    };
    for (i, d) in b.declared.iter().enumerate() {
        let label = if i == 0 {
            d.label.clone()
        } else {
            format!("- {}", d.label)
        };
        ws.write_string(r, 1, label).unwrap();
        amount(ws, r, d.amount);
        if let Some(f) = d.funding {
            ws.write_string(r, 4, f.code()).unwrap();
        }
        r += 1;
    }
    let prefix = format!("{PLAN}-kp-");
    for (gi, g) in b.groups.iter().enumerate() {
        ws.write_string(r, 0, &g.number).unwrap();
        ws.write_string(r, 1, &g.title).unwrap();
        if let Some(t) = g.declared_total {
            amount(ws, r, t);
        }
        r += 1;
        for (bi, body) in b.bodies.iter().enumerate() {
            if body.group != Some(gi) {
                continue;
            }
            ws.write_string(r, 0, &body.number).unwrap();
            ws.write_string(r, 1, &body.title).unwrap();
            ws.write_string(r, 2, &site.unit(&body.unit).unwrap().name)
                .unwrap();
            if let Some(t) = body.declared_total {
                amount(ws, r, t);
            }
            r += 1;
            for l in b.lines.iter().filter(|l| l.body == Some(bi)) {
                match (&l.number, l.parent) {
                    (Some(num), _) => ws.write_string(r, 0, num).map(|_| ()).unwrap(),
                    (None, Some(parent)) => {
                        let pid = l.id.strip_prefix(&format!("{}-", b.lines[parent].id));
                        ws.write_string(r, 5, pid.unwrap()).map(|_| ()).unwrap()
                    }
                    (None, None) => ws
                        .write_string(r, 5, l.id.strip_prefix(&prefix).unwrap())
                        .map(|_| ())
                        .unwrap(),
                }
                ws.write_string(r, 1, &l.title).unwrap();
                if let Some(a) = l.amount {
                    amount(ws, r, a);
                }
                if let Some(f) = l.funding {
                    ws.write_string(r, 4, f.code()).unwrap();
                }
                r += 1;
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn plan_223_appendix_imports_to_the_same_budget() {
    let dir = scratch("appendix");
    let content = content_copy(&dir);
    let bundled = site(&common::content());
    let book = dir.join("phu-luc-ii.xlsx");
    appendix_223(&bundled, &book);

    // An existing budget.toml is not overwritten without --force.
    let refused = run(&["import", p(&book), "--plan", PLAN, "--content", p(&content)]);
    assert!(!refused.ok, "{}", refused.stderr);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);

    let r = run(&[
        "import",
        p(&book),
        "--plan",
        PLAN,
        "--content",
        p(&content),
        "--force",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let imported = site(&content);
    // The printed appendix carries no line numbers: everything else is the same. (Plan-level
    // totals not yet cited all sit on line 0, where `check` keeps one per funding: they are
    // compared in the file.)
    let without_plan_totals = |(lines, totals): (Vec<String>, Vec<String>)| {
        let plan_scope = format!("{PLAN} ");
        let totals = totals
            .into_iter()
            .filter(|t| !t.starts_with(&plan_scope) && !t.contains("-kp-nguon-"))
            .collect();
        (lines, totals)
    };
    same(
        without_plan_totals(resolved(&imported, PLAN, false)),
        without_plan_totals(resolved(&bundled, PLAN, false)),
    );
    let text =
        std::fs::read_to_string(content.join("plans").join(PLAN).join("budget.toml")).unwrap();
    let declared = |text: &str| -> Vec<(Option<String>, String)> {
        let v: toml::Table = toml::from_str(text).unwrap();
        v["declared"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let amount = d["amount"].to_string();
                let amount = amount.strip_suffix(".0").unwrap_or(&amount).to_string();
                (
                    d.get("funding").map(|f| f.as_str().unwrap().to_string()),
                    amount,
                )
            })
            .collect()
    };
    let bundled_text = std::fs::read_to_string(
        common::content()
            .join("plans")
            .join(PLAN)
            .join("budget.toml"),
    )
    .unwrap();
    assert_eq!(declared(&text), declared(&bundled_text));
    assert!(text.contains("amount = 331.5"), "331,5 stays 331.5");
    assert!(text.contains("line = 0  # chưa có: `minhbach cite`"));

    // `cite` finds most lines on its own and never cites a wrong one.
    let c = run(&["cite", "--plan", PLAN, "--content", p(&content)]);
    assert!(c.ok, "{}", c.stderr);
    let cited = site(&content);
    let (want, _) = resolved(&bundled, PLAN, true);
    let (got, _) = resolved(&cited, PLAN, true);
    let mut filled = 0;
    for (w, g) in want.iter().zip(&got) {
        if !g.ends_with(" @0") {
            assert_eq!(w, g);
            filled += 1;
        }
    }
    assert!(
        filled > got.len() / 2,
        "{filled} of {}: {}",
        got.len(),
        c.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_sites_own_workbook_imports_back_to_the_same_budgets() {
    let dir = scratch("roundtrip");
    let content = content_copy(&dir);
    let out = dir.join("public");
    common::build(&content, &out);
    let book = out.join("data/minhbach.xlsx");
    let before = site(&content);
    let plans: Vec<String> = before
        .plans
        .iter()
        .filter(|p| p.budget.is_some())
        .map(|p| p.id.clone())
        .collect();
    assert!(plans.len() >= 3);
    for plan in &plans {
        let r = run(&[
            "import",
            p(&book),
            "--plan",
            plan,
            "--content",
            p(&content),
            "--force",
        ]);
        assert!(r.ok, "{plan}: {}", r.stderr);
    }
    // Targets too, for every plan that has some.
    let with_targets: Vec<String> = before
        .plans
        .iter()
        .filter(|p| !p.targets.is_empty())
        .map(|p| p.id.clone())
        .collect();
    assert!(with_targets.len() >= 2);
    for plan in &with_targets {
        let r = run(&[
            "import",
            p(&book),
            "--plan",
            plan,
            "--content",
            p(&content),
            "--force",
        ]);
        assert!(r.ok, "{plan}: {}", r.stderr);
    }
    let after = site(&content);
    for plan in &plans {
        same(resolved(&after, plan, true), resolved(&before, plan, true));
    }
    let targets = |s: &Site, plan: &str| -> Vec<String> {
        s.plans
            .iter()
            .filter(|p| p.id == plan)
            .flat_map(|p| &p.targets)
            .map(|t| {
                // 99.30 and 99.3 are the same number.
                let mut t = t.clone();
                for g in &mut t.goals {
                    g.value = g.value.map(|v| v.normalize());
                    if let Some(r) = &mut g.range {
                        r.low = r.low.normalize();
                        r.high = r.high.normalize();
                    }
                }
                for v in &mut t.values {
                    v.value = v.value.map(|v| v.normalize());
                }
                format!("{t:?}")
            })
            .collect()
    };
    for plan in &with_targets {
        let (got, want) = (targets(&after, plan), targets(&before, plan));
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w);
        }
        assert_eq!(got.len(), want.len(), "{plan}");
    }
    let check = run(&["check", "--content", p(&content)]);
    assert!(check.ok, "{}", check.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A spreadsheet as LibreOffice writes it, by hand: `mimetype` first and stored, a manifest, and
/// `content.xml` with one table.
fn write_ods(path: &Path, rows: &[Vec<(&str, &str)>]) {
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for (kind, v) in row {
            match *kind {
                "f" => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
                )),
                "s" => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
                )),
                _ => table.push_str("<table:table-cell/>"),
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Phụ lục">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

fn header() -> Vec<(&'static str, &'static str)> {
    vec![
        ("s", "STT"),
        ("s", "Nội dung"),
        ("s", "Đơn vị chủ trì"),
        ("s", "Kinh phí (triệu đồng)"),
        ("s", "Nguồn vốn"),
    ]
}

#[test]
fn a_libreoffice_ods_imports() {
    let dir = scratch("ods");
    let content = content_copy(&dir);
    let book = dir.join("phu-luc.ods");
    write_ods(
        &book,
        &[
            vec![("s", "PHỤ LỤC KINH PHÍ")],
            header(),
            vec![("s", "TỔNG CỘNG"), ("", ""), ("", ""), ("f", "1731.5")],
            vec![("s", "I"), ("s", "Sở, ngành")],
            vec![
                ("s", "1"),
                ("s", "Sở Nội vụ"),
                ("s", "Sở Nội vụ"),
                ("f", "1731.5"),
            ],
            vec![
                ("s", "1.1"),
                ("s", "Đào tạo kỹ năng số"),
                ("", ""),
                ("f", "331.5"),
                ("s", "CTX, NST"),
            ],
            vec![
                ("s", "1.2"),
                ("s", "Mua thiết bị"),
                ("", ""),
                ("s", "1.400"),
                ("s", "CTX, NST"),
            ],
        ],
    );
    let r = run(&[
        "import",
        p(&book),
        "--plan",
        "kh-thu-ods",
        "--content",
        p(&content),
    ]);
    assert!(r.ok, "{}", r.stderr);
    let text = std::fs::read_to_string(content.join("plans/kh-thu-ods/budget.toml")).unwrap();
    for want in [
        "label = \"TỔNG CỘNG\"",
        "amount = 1731.5",
        "unit = \"so-noi-vu\"",
        "number = \"1.1\"",
        "amount = 331.5",
        "amount = 1400",
        "funding = \"CTX, NST\"",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn xlsx(path: &Path, rows: &[&[&str]]) {
    xlsx_sheets(path, &[("Phụ lục II", rows)]);
}

/// A workbook of text cells; `#123` is written as a number cell.
fn xlsx_sheets(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        fill(ws, rows);
    }
    wb.save(path).unwrap();
}

fn fill(ws: &mut rust_xlsxwriter::Worksheet, rows: &[&[&str]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            match v.strip_prefix('#') {
                Some(n) => ws.write_number(r as u32, c as u16, n.parse::<f64>().unwrap()),
                None => ws.write_string(r as u32, c as u16, *v),
            }
            .unwrap();
        }
    }
}

#[test]
fn every_bad_cell_is_named_with_its_sheet_cell_and_text_and_nothing_is_written() {
    let dir = scratch("bad");
    let content = content_copy(&dir);
    let book = dir.join("sai.xlsx");
    xlsx(
        &book,
        &[
            &[
                "STT",
                "Nội dung",
                "Đơn vị chủ trì",
                "Kinh phí (triệu đồng)",
                "Nguồn vốn",
            ],
            &["I", "Sở, ngành"],
            &["1", "Sở Nội vụ", "Sở Nội vuu"],
            &["1.1", "Đào tạo", "", "1.400,5 tr", "CTX, NST"],
            &["1.2", "Mua sắm", "", "#-5", "CTX, NST"],
            &["1.2", "Thuê phần mềm", "", "#100", "CTX, NST"],
            &["1.3", "Bảo trì", "", "#100", "XYZ"],
        ],
    );
    let r = run(&[
        "import",
        p(&book),
        "--plan",
        "kh-sai",
        "--content",
        p(&content),
    ]);
    assert!(!r.ok);
    for want in [
        "Phụ lục II!C3: \"Sở Nội vuu\" không khớp đơn vị nào",
        "có phải Sở Nội vụ (`so-noi-vu`)?",
        "Phụ lục II!D4: \"1.400,5 tr\" không phải là số tiền",
        "Phụ lục II!D5: \"-5\" là số âm",
        "Phụ lục II!A6: \"1.2\" trùng số thứ tự",
        "Phụ lục II!A5",
        "Phụ lục II!E7: \"XYZ\" không đọc được là nguồn vốn",
        "(1) lỗi[",
        "(5) lỗi[",
        "gợi ý:",
        "Không ghi tệp nào",
    ] {
        assert!(r.stderr.contains(want), "{want}:\n{}", r.stderr);
    }
    assert!(!content.join("plans/kh-sai").exists());

    // A sheet without the header row.
    let book = dir.join("khong-tieu-de.xlsx");
    xlsx(&book, &[&["Đào tạo", "#100"], &["Mua sắm", "#200"]]);
    let r = run(&[
        "import",
        p(&book),
        "--plan",
        "kh-sai",
        "--content",
        p(&content),
    ]);
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("Phụ lục II: không tìm thấy dòng tiêu đề của bảng"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("STT, Nội dung"), "{}", r.stderr);
    assert!(!content.join("plans/kh-sai").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A minimal `.docx`: the parts Word needs, and the text as paragraphs and one table.
fn write_docx(path: &Path, paragraphs: &[&str], table: &[&[&str]]) {
    let para = |t: &str| format!(r#"<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#);
    let mut body: String = paragraphs.iter().map(|t| para(t)).collect();
    body.push_str("<w:tbl>");
    for row in table {
        body.push_str("<w:tr>");
        for cell in *row {
            body.push_str(&format!("<w:tc>{}</w:tc>", para(cell)));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    body.push_str(&para("Nơi nhận: như trên."));
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("[Content_Types].xml", types.to_string()),
        ("_rels/.rels", rels.to_string()),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_docx_imports_to_a_text_whose_lines_check_can_cite() {
    let dir = scratch("docx");
    let content = content_copy(&dir);
    let doc = dir.join("ke-hoach.docx");
    let rows: &[&[&str]] = &[
        &[
            "STT",
            "Nội dung",
            "Đơn vị chủ trì",
            "Kinh phí (triệu đồng)",
            "Nguồn vốn",
        ],
        &["I", "Sở, ngành", "", "2.531,5", ""],
        &["1", "Sở Nội vụ", "Sở Nội vụ", "2.531,5", ""],
        &[
            "1.1",
            "Đào tạo kỹ năng số cho cán bộ",
            "",
            "331,5",
            "CTX, NST",
        ],
        &["1.2", "Mua sắm thiết bị mạng", "", "1.400", "CTX, NST"],
        &[
            "1.3",
            "Thuê phần mềm quản lý văn bản",
            "",
            "400",
            "CTX, NST",
        ],
        &["1.4", "Duy trì hệ thống thư điện tử", "", "400", "CTX, NST"],
        &["", "Tổng cộng", "", "2.531,5", ""],
    ];
    write_docx(
        &doc,
        &[
            "KẾ HOẠCH THỬ NGHIỆM CHUYỂN ĐỔI SỐ NĂM 2025",
            "",
            "Chỉ tiêu 1: Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90%.",
            "Chỉ tiêu 2: Số cán bộ, công chức được bồi dưỡng kỹ năng số đạt 200 người.",
            "Tổng kinh phí: 2.531,5 triệu đồng, chi tiết tại bảng sau:",
        ],
        rows,
    );
    let id = "kh-thu-nghiem-2025";
    let r = run(&[
        "import",
        p(&doc),
        "--document",
        id,
        "--date",
        "2025-03-01",
        "--content",
        p(&content),
    ]);
    assert!(r.ok, "{}", r.stderr);
    let text = std::fs::read_to_string(content.join(format!("documents/{id}.txt"))).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "KẾ HOẠCH THỬ NGHIỆM CHUYỂN ĐỔI SỐ NĂM 2025");
    assert_eq!(lines[1], "");
    assert_eq!(
        lines[8],
        "1.1\tĐào tạo kỹ năng số cho cán bộ\t\t331,5\tCTX, NST"
    );
    let registry = std::fs::read_to_string(content.join("documents/documents.toml")).unwrap();
    let sha: String = {
        use sha2::{Digest, Sha256};
        Sha256::digest(std::fs::read(&doc).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert!(
        registry.contains(&format!("sha256 = \"{sha}\"")),
        "{registry}"
    );
    assert!(registry.contains("title = \"KẾ HOẠCH THỬ NGHIỆM CHUYỂN ĐỔI SỐ NĂM 2025\""));
    assert!(registry.contains("date = \"2025-03-01\""));
    // A second import of the same id is refused without --force.
    let again = run(&[
        "import",
        p(&doc),
        "--document",
        id,
        "--content",
        p(&content),
    ]);
    assert!(
        !again.ok && again.stderr.contains("--force"),
        "{}",
        again.stderr
    );
    // A PDF is refused with what to do instead.
    let pdf = dir.join("ke-hoach.pdf");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    let refused = run(&[
        "import",
        p(&pdf),
        "--document",
        "kh-pdf",
        "--content",
        p(&content),
    ]);
    assert!(
        !refused.ok && refused.stderr.contains(".docx"),
        "{}",
        refused.stderr
    );

    // The plan, its budget from the same table as a workbook, then `cite`, then `check`.
    std::fs::create_dir_all(content.join(format!("plans/{id}"))).unwrap();
    std::fs::write(
        content.join(format!("plans/{id}/plan.md")),
        format!(
            "+++\ntitle = \"Kế hoạch thử nghiệm chuyển đổi số năm 2025\"\nissuer = \"so-noi-vu\"\nlevel = \"department\"\nissued = \"2025-03-01\"\nperiod = \"2025\"\ndocument = \"{id}\"\n+++\nKế hoạch thử nghiệm.\n"
        ),
    )
    .unwrap();
    let book = dir.join("phu-luc.xlsx");
    let mut sheet: Vec<&[&str]> = rows.to_vec();
    sheet.insert(0, &["KẾ HOẠCH THỬ NGHIỆM"]);
    let targets: &[&[&str]] = &[
        &[
            "STT",
            "Chỉ tiêu",
            "So sánh",
            "Giá trị",
            "Đơn vị tính",
            "Lĩnh vực",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
        ],
        &[
            "1",
            "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90%",
            "≥",
            "#90",
            "%",
            "Chính quyền số, dịch vụ công trực tuyến",
            "Sở Nội vụ",
            "UBND cấp huyện",
        ],
        &[
            "2",
            "Số cán bộ, công chức được bồi dưỡng kỹ năng số đạt 200 người",
            "đạt",
            "#200",
            "người",
            "",
            "Sở Nội vụ",
        ],
    ];
    xlsx_sheets(&book, &[("Phụ lục II", &sheet), ("Phụ lục I", targets)]);
    let r = run(&["import", p(&book), "--plan", id, "--content", p(&content)]);
    assert!(r.ok, "{}", r.stderr);
    let before = run(&["check", "--content", p(&content)]);
    assert!(!before.ok, "lines are not cited yet");
    let c = run(&["cite", "--plan", id, "--content", p(&content)]);
    assert!(c.ok, "{}", c.stderr);
    assert!(c.stderr.contains("Đã điền 9 dòng"), "{}", c.stderr);
    let budget = std::fs::read_to_string(content.join(format!("plans/{id}/budget.toml"))).unwrap();
    assert!(!budget.contains("line = 0"), "{budget}");
    let targets =
        std::fs::read_to_string(content.join(format!("plans/{id}/targets.toml"))).unwrap();
    for want in [
        "area = \"chinh-quyen-so\"",
        "measure = \"percent\"",
        "measure = \"count\"",
        "unit = \"người\"",
        "lead = [\"so-noi-vu\"]",
        "coordinating = [\"ubnd-cap-huyen\"]",
        "comparator = \">=\"",
        "value = 200",
        "line = 3",
        "line = 4",
    ] {
        assert!(targets.contains(want), "{want}:\n{targets}");
    }
    assert!(
        budget.contains("# Nhập từ `phu-luc.xlsx`"),
        "comments are kept"
    );
    let check = run(&["check", "--content", p(&content)]);
    assert!(check.ok, "{}", check.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cite` on the bundled plans with every `line` blanked: what it fills in is what the content
/// cites, for every plan, and it fills in most of them.
#[test]
fn cite_from_scratch_never_cites_a_wrong_line() {
    let dir = scratch("cite");
    let content = content_copy(&dir);
    let (mut total, mut filled) = (0, 0);
    for plan in std::fs::read_dir(content.join("plans")).unwrap() {
        let plan = plan.unwrap().path();
        let files: Vec<PathBuf> = ["budget.toml", "targets.toml"]
            .iter()
            .map(|f| plan.join(f))
            .filter(|f| f.exists())
            .collect();
        if files.is_empty() {
            continue;
        }
        let originals: Vec<String> = files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect();
        for (f, text) in files.iter().zip(&originals) {
            let blanked: Vec<String> = text
                .lines()
                .map(|l| {
                    if l.starts_with("line = ") {
                        "line = 0".to_string()
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            std::fs::write(f, blanked.join("\n") + "\n").unwrap();
        }
        let id = plan.file_name().unwrap().to_str().unwrap();
        let r = run(&["cite", "--plan", id, "--content", p(&content)]);
        assert!(r.ok, "{}", r.stderr);
        for (f, text) in files.iter().zip(&originals) {
            let got = std::fs::read_to_string(f).unwrap();
            let lines = |t: &str| -> Vec<String> {
                t.lines()
                    .filter(|l| l.starts_with("line = "))
                    .map(String::from)
                    .collect()
            };
            for (w, g) in lines(text).iter().zip(lines(&got)) {
                total += 1;
                if g != "line = 0" {
                    assert_eq!(*w, g, "{}", f.display());
                    filled += 1;
                }
            }
        }
    }
    assert!(total > 300, "{total}");
    assert!(filled * 10 > total * 7, "{filled} of {total}");
    let _ = std::fs::remove_dir_all(&dir);
}
