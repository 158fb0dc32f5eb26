//! `minhbach new plan|report|unit ID`: writes the files of a new plan, report or unit with
//! commented Vietnamese templates, so that staff fill in blanks instead of writing TOML from
//! nothing. What the command is told (`--title`, `--issuer`, `--document`…) is filled in; every
//! other required field is left for `check` to point at, with its line.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::slug::{is_valid_id, slugify};

/// What to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plan,
    Report,
    Unit,
}

/// The values the command line gives; empty strings are left for the user to fill in.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub title: String,
    pub issuer: String,
    pub document: String,
    /// For a report: the plans it reports on.
    pub plans: Vec<String>,
    /// For a unit: its kind and parent.
    pub kind: String,
    pub parent: String,
}

/// Creates the files; returns their paths. Refuses an invalid id and never overwrites.
pub fn create(content: &Path, kind: Kind, id: &str, fields: &Fields) -> Result<Vec<PathBuf>> {
    if !is_valid_id(id) {
        let suggestion = slugify(id);
        bail!(
            "mã `{id}` không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang{}",
            if is_valid_id(&suggestion) {
                format!(" — ví dụ `{suggestion}`")
            } else {
                String::new()
            }
        );
    }
    if !content.is_dir() {
        bail!(
            "không có thư mục nội dung `{}` (chạy lệnh trong thư mục dự án, hoặc dùng --content)",
            content.display()
        );
    }
    let files: Vec<(PathBuf, String)> = match kind {
        Kind::Plan => {
            let dir = content.join("plans").join(id);
            vec![
                (dir.join("plan.md"), plan_md(id, fields)),
                (dir.join("targets.toml"), TARGETS.to_string()),
                (dir.join("tasks.toml"), TASKS.to_string()),
                (dir.join("budget.toml"), budget(fields)),
            ]
        }
        Kind::Report => {
            let dir = content.join("reports").join(id);
            vec![
                (dir.join("report.md"), report_md(fields)),
                (dir.join("progress.toml"), PROGRESS.to_string()),
            ]
        }
        Kind::Unit => vec![(
            content.join("units").join(format!("{id}.toml")),
            unit(id, fields),
        )],
    };
    for (path, _) in &files {
        if path.exists() {
            bail!("`{}` đã có; không ghi đè", path.display());
        }
    }
    if kind != Kind::Unit {
        let dir = files[0].0.parent().unwrap();
        if dir.exists() {
            bail!("thư mục `{}` đã có; không ghi đè", dir.display());
        }
    }
    for (path, text) in &files {
        std::fs::create_dir_all(path.parent().unwrap())
            .with_context(|| format!("tạo thư mục cho {}", path.display()))?;
        std::fs::write(path, text).with_context(|| format!("ghi {}", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn plan_md(id: &str, f: &Fields) -> String {
    let document = if f.document.is_empty() {
        id
    } else {
        &f.document
    };
    format!(
        r#"+++
# Kế hoạch mới. Điền các trường dưới đây theo đúng văn bản, rồi chạy `minhbach check`:
# lệnh sẽ chỉ ra từng chỗ còn thiếu hoặc sai (tệp, dòng, gợi ý). Hướng dẫn: docs/huong-dan.md.
kind = "plan"          # plan | resolution (nghị quyết) | programme (chương trình) | decision (quyết định)
                       # | directive (chỉ thị) | letter (công văn)
number = ""            # số hiệu như in trên văn bản, ví dụ "15/KH-UBND"; bỏ trống nếu văn bản không ghi
title = {title}        # tên văn bản, đúng như in
issuer = {issuer}      # mã đơn vị ban hành (xem content/units/)
level = "province"     # central | province | department | district | commune | party
issued = ""            # ngày ban hành: "2026-01-15" (hoặc "2026-01" nếu chỉ biết tháng)
period = ""            # thời kỳ như in: "2026" hoặc "2026–2030"
document = {document}  # mã văn bản gốc trong content/documents/ (nhập từ .docx: minhbach import TỆP.docx --document {document_bare})
summary = ""           # một hai câu giản dị cho người dân: kế hoạch làm gì, cho ai
+++

## Mục tiêu

Chép phần lời của văn bản ở đây (Markdown).
"#,
        title = quoted(&f.title),
        issuer = quoted(&f.issuer),
        document = quoted(document),
        document_bare = document,
    )
}

fn budget(_f: &Fields) -> String {
    r#"# Kinh phí của kế hoạch (triệu đồng). Mỗi mục ghi số dòng của văn bản gốc nơi in số tiền;
# `minhbach cite` có thể tìm giúp. Nhập từ Excel: minhbach import TỆP.xlsx --plan <mã-kế-hoạch>.
# Bỏ dấu # ở đầu các dòng mẫu dưới đây rồi điền.

# place = "ma-don-vi"          # nơi chi tiêu mặc định (mã đơn vị)

# [[declared]]                 # tổng văn bản ghi cho cả kế hoạch
# label = "TỔNG CỘNG"
# amount = 1400.5
# line = 120

# [[group]]
# number = "I"
# title = "Các cơ quan cấp tỉnh"
# declared_total = 1400.5      # nếu văn bản có in tổng nhóm
# line = 121
#
# [[group.body]]
# number = "1"
# unit = "so-khoa-hoc-va-cong-nghe"
# title = "Sở Khoa học và Công nghệ"
# line = 122
#
# [[group.body.item]]
# number = "1.1"
# title = "Thuê dịch vụ Cổng dữ liệu mở"
# amount = 1400.5              # số, dấu chấm thập phân: 1.400,5 trên văn bản → 1400.5
# funding = "CTX, NST"         # chi thường xuyên/đầu tư (CTX/CĐT) và nguồn (NSTW, NST, NSH, NSX, ODA, XHH…)
# line = 123
"#
    .to_string()
}

const TARGETS: &str = r#"# Chỉ tiêu của kế hoạch. Bỏ dấu # ở đầu các dòng mẫu rồi điền; mỗi chỉ tiêu một khối [[target]].

# [[target]]
# number = "1"                 # số thứ tự như in
# area = "chinh-quyen-so"      # mã lĩnh vực (xem content/areas.toml)
# text = "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt tối thiểu 90%."   # nguyên văn
# measure = "percent"          # percent | count | money | rate | rank | index | milestone | text
# lead = ["van-phong-ubnd-tinh"]
# line = 40                    # dòng của văn bản gốc nơi chỉ tiêu bắt đầu
#
# [[target.goal]]
# comparator = ">="            # >= (đạt, tối thiểu) | > | = | <= | <
# value = 90                   # phải có trong lời văn của chỉ tiêu
"#;

const TASKS: &str = r#"# Nhiệm vụ của kế hoạch. Bỏ dấu # ở đầu các dòng mẫu rồi điền; mỗi nhiệm vụ một khối [[task]].

# [[task]]
# number = "1"
# area = "du-lieu-so"
# title = "Xây dựng Cổng dữ liệu mở"
# lead = ["so-khoa-hoc-va-cong-nghe"]
# coordinating = []
# timeframe = "2026-Q2"        # 2026 | 2026-06 | 2026-Q2 | 2026-H1 | 2026/2030 | yearly | from-2026 | ongoing
# timeframe_text = "Quý II năm 2026"   # nguyên văn thời hạn
# output = ""                  # sản phẩm, như in: "Quyết định của UBND tỉnh"
# line = 60
"#;

fn report_md(f: &Fields) -> String {
    let plans: Vec<String> = f.plans.iter().map(|p| quoted(p)).collect();
    format!(
        r#"+++
# Báo cáo tiến độ mới: một thư mục cho mỗi lần báo cáo. Điền rồi chạy `minhbach check`.
title = {title}        # tên báo cáo, đúng như in
number = ""            # số hiệu; bỏ trống nếu văn bản không ghi
issuer = {issuer}      # mã đơn vị báo cáo
as_of = ""             # thời điểm báo cáo nói tới: "2026-06" hoặc "2026-06-30"
document = {document}  # mã văn bản gốc trong content/documents/
plans = [{plans}]      # các kế hoạch mà báo cáo nói về tiến độ
+++

Tóm tắt báo cáo (Markdown).
"#,
        title = quoted(&f.title),
        issuer = quoted(&f.issuer),
        document = quoted(&f.document),
        plans = plans.join(", "),
    )
}

const PROGRESS: &str = r#"# Kết quả từng nhiệm vụ và số liệu từng chỉ tiêu mà báo cáo nêu. Bỏ dấu # rồi điền.
# Chỉ ghi trạng thái khi báo cáo nói rõ; không tự suy ra.

# [[result]]
# task = "kh-15-ubnd-2026-nv-1"   # mã nhiệm vụ = mã kế hoạch + "-nv-" + số thứ tự
# status = "done"                  # done | in-progress | not-started
# text = "Đã khai trương Cổng dữ liệu mở."   # nguyên văn
# line = 30

# [[actual]]
# target = "kh-15-ubnd-2026-ct-1"  # mã chỉ tiêu = mã kế hoạch + "-ct-" + số thứ tự
# value = 92
# text = "đạt 92%"
# line = 31
"#;

fn unit(id: &str, f: &Fields) -> String {
    let name = if f.title.is_empty() { "" } else { &f.title };
    let kind = if f.kind.is_empty() {
        "department"
    } else {
        &f.kind
    };
    let parent = if f.parent.is_empty() {
        "# parent = \"ma-don-vi-cap-tren\"".to_string()
    } else {
        format!("parent = {}", quoted(&f.parent))
    };
    format!(
        r#"# Đơn vị mới. Điền tên chính thức có dấu, rồi chạy `minhbach check`.
[[unit]]
id = {id}
name = {name}              # tên chính thức, có dấu
# short_name = ""          # tên viết tắt văn bản hay dùng, ví dụ "Sở KH&CN"
kind = {kind}              # province | commune | ward | department | office | people-committee | ministry | ...
{parent}
# source = "ma-van-ban:12" # văn bản và dòng nhắc tới đơn vị
"#,
        id = quoted(id),
        name = quoted(name),
        kind = quoted(kind),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_with_diacritics_is_refused_with_its_ascii_form() {
        let dir = std::env::temp_dir();
        let e = create(&dir, Kind::Plan, "Kế hoạch 15", &Fields::default()).unwrap_err();
        assert!(e.to_string().contains("ke-hoach-15"), "{e}");
    }

    #[test]
    fn the_templates_are_valid_toml() {
        let f = Fields {
            title: "Kế hoạch \"mới\"".into(),
            plans: vec!["kh-1".into()],
            ..Fields::default()
        };
        for t in [TARGETS, TASKS, PROGRESS, &budget(&f), &unit("u", &f)] {
            toml::from_str::<toml::Table>(t).unwrap();
        }
        for md in [plan_md("kh-1", &f), report_md(&f)] {
            let front = md.split("+++").nth(1).unwrap();
            toml::from_str::<toml::Table>(front).unwrap();
        }
    }
}
