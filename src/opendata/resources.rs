//! The rows of the data package: eight tables read off the resolved model, each with the fields
//! (name, type, constraint, Vietnamese title and description) that its Table Schema publishes.
//!
//! Conventions shared by every table: cells are text exactly as written in CSV; an empty cell
//! means unknown (never 0); multi-valued cells are `;`-separated ids; dates keep the precision
//! the document gives (`2024-11-15`, `2025-09`, `2025`); amounts are million VND written with a
//! `.` decimal mark and no grouping (`Decimal::normalize`); `source` cells are
//! `document-id:line`, a line of the source document the figure is read from.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, bail};
use rust_decimal::Decimal;

use crate::dates::PartialDate;
use crate::model::{
    BudgetLine, GovLevel, Measure, Plan, PlanLevel, PlanStatus, Site, SourceRef, Target, UnitKind,
    ValueKind,
};
use crate::progress::{Status, TaskProgress};

/// A Table Schema field type (the subset the package uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    /// A decimal number, `.` as decimal mark, no grouping.
    Number,
    Integer,
    Boolean,
    /// A full ISO date (`2025-03-31`).
    Date,
    /// A string in URI format.
    Uri,
}

impl FieldType {
    pub fn is_numeric(self) -> bool {
        matches!(self, FieldType::Number | FieldType::Integer)
    }
}

/// One column of a table.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    pub title: &'static str,
    pub description: String,
    /// Allowed values, if the field is an enumeration.
    pub values: Vec<&'static str>,
    /// A regular expression every non-empty value matches.
    pub pattern: Option<&'static str>,
    /// Another table (`""` = the same table) and its field this one refers to.
    pub references: Option<(&'static str, &'static str)>,
}

/// One table of the package.
#[derive(Debug, Clone)]
pub struct Resource {
    /// File stem and Frictionless resource name (`budget-lines`).
    pub name: &'static str,
    pub title: String,
    pub description: String,
    pub fields: Vec<Field>,
    pub primary_key: Vec<&'static str>,
    /// Cells, in field order.
    pub rows: Vec<Vec<String>>,
}

impl Resource {
    /// The title in `lang`: Vietnamese as the package gives it, English from the string table
    /// (`dataset_<name>_title`).
    pub fn title_in(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Vi => &self.title,
            crate::i18n::Lang::En => {
                crate::i18n::dataset_text(self.name, "title").unwrap_or(&self.title)
            }
        }
    }

    /// The description in `lang` (see [`Resource::title_in`]).
    pub fn description_in(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Vi => &self.description,
            crate::i18n::Lang::En => {
                crate::i18n::dataset_text(self.name, "description").unwrap_or(&self.description)
            }
        }
    }

    /// Column `field`'s title and description in `lang`: Vietnamese as the package gives them,
    /// English from [`ENGLISH`] (the Vietnamese if a column had none there; a test sees to it).
    pub fn field_text_in(&self, field: &Field, lang: crate::i18n::Lang) -> (String, String) {
        let english = ENGLISH
            .iter()
            .find(|(table, name, _, _)| *table == self.name && *name == field.name);
        match (lang, english) {
            (crate::i18n::Lang::En, Some((_, _, title, description))) => {
                (title.to_string(), description.to_string())
            }
            _ => (field.title.to_string(), field.description.clone()),
        }
    }

    pub fn header(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }

    /// Which columns hold numbers (for the Excel copy's decimal comma).
    pub fn numeric_columns(&self) -> Vec<bool> {
        self.fields
            .iter()
            .map(|f| f.ty == FieldType::Number)
            .collect()
    }
}

/// Names of the eight resources, in package order: the datasets of the route table, each with
/// its page.
pub const NAMES: [&str; 8] = crate::routes::DATASETS;

/// A slug id: what the content format allows for ids, with the plan prefix of global ids.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";
/// `;`-separated slug ids.
pub const IDS_PATTERN: &str = "^[a-z0-9][a-z0-9-]*(;[a-z0-9][a-z0-9-]*)*$";
/// A date with the precision the document gives.
pub const PARTIAL_DATE_PATTERN: &str = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
/// `document-id:line`.
pub const SOURCE_PATTERN: &str = "^[a-z0-9][a-z0-9-]*:[0-9]+$";
/// A task timeframe: a partial date, a quarter, or `ongoing`.
pub const TIMEFRAME_PATTERN: &str = "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|[0-9]{4}-Q[1-4]|[0-9]{4}-H[12]|[0-9]{4}/[0-9]{4}|from-[0-9]{4}|yearly|ongoing)$";

// Enumerations come from the model, so data files and content accept the same values.
const UNIT_KINDS: &[&str] = UnitKind::NAMES;
const PLAN_LEVELS: &[&str] = PlanLevel::NAMES;
const GOV_LEVELS: &[&str] = GovLevel::NAMES;
const COMPARATORS: &[&str] = crate::model::Comparator::NAMES;
const STATUSES: &[&str] = Status::NAMES;

// --- field builders -----------------------------------------------------------------------------

fn field(name: &'static str, ty: FieldType, title: &'static str, description: &str) -> Field {
    Field {
        name,
        ty,
        required: false,
        title,
        description: description.to_string(),
        values: Vec::new(),
        pattern: None,
        references: None,
    }
}

fn text(name: &'static str, title: &'static str, description: &str) -> Field {
    field(name, FieldType::String, title, description)
}

fn id(name: &'static str, title: &'static str, description: &str) -> Field {
    Field {
        pattern: Some(ID_PATTERN),
        ..text(name, title, description)
    }
}

fn ids(name: &'static str, title: &'static str, description: &str) -> Field {
    Field {
        pattern: Some(IDS_PATTERN),
        ..text(name, title, description)
    }
}

fn partial_date(name: &'static str, title: &'static str, description: &str) -> Field {
    Field {
        pattern: Some(PARTIAL_DATE_PATTERN),
        ..text(name, title, description)
    }
}

fn source_field(description: &str) -> Field {
    Field {
        pattern: Some(SOURCE_PATTERN),
        ..text("source", "Nguồn", description)
    }
}

fn number(name: &'static str, title: &'static str, description: &str) -> Field {
    field(name, FieldType::Number, title, description)
}

impl Field {
    fn required(mut self) -> Field {
        self.required = true;
        self
    }
    fn one_of(mut self, values: &[&'static str]) -> Field {
        self.values = values.to_vec();
        self
    }
    fn refers_to(mut self, resource: &'static str, field: &'static str) -> Field {
        self.references = Some((resource, field));
        self
    }
}

// --- cell helpers -------------------------------------------------------------------------------

/// An amount or value as published: `.` decimal mark, no grouping, no trailing zeros.
pub fn decimal_cell(d: Decimal) -> String {
    d.normalize().to_string()
}

fn opt_decimal(d: Option<Decimal>) -> String {
    d.map(decimal_cell).unwrap_or_default()
}

fn opt_date(d: Option<PartialDate>) -> String {
    d.map(|d| d.iso()).unwrap_or_default()
}

fn opt(s: Option<&String>) -> String {
    s.cloned().unwrap_or_default()
}

fn join(ids: &[String]) -> String {
    ids.join(";")
}

/// `document-id:line`.
pub fn source_cell(s: &SourceRef) -> String {
    format!("{}:{}", s.document, s.line)
}

// --- the tables ---------------------------------------------------------------------------------

/// Every resource of the package, in package order, rows in content order. `judged` are the
/// task statuses of the site (computed once, in [`crate::derive`]).
pub fn all(site: &Site, judged: &[TaskProgress<'_>]) -> Result<Vec<Resource>> {
    let resources = vec![
        units(site),
        plans(site),
        targets(site)?,
        target_values(site)?,
        budget_lines(site),
        budget_totals(site),
        tasks(site, judged),
        progress(site, judged),
    ];
    for r in &resources {
        check_primary_key(r)?;
    }
    Ok(resources)
}

fn check_primary_key(r: &Resource) -> Result<()> {
    let idx: Vec<usize> = r
        .primary_key
        .iter()
        .map(|k| {
            r.fields
                .iter()
                .position(|f| f.name == *k)
                .expect("key field")
        })
        .collect();
    let mut seen = HashSet::new();
    for row in &r.rows {
        let key: Vec<&str> = idx.iter().map(|&i| row[i].as_str()).collect();
        if !seen.insert(key.clone()) {
            bail!(
                "dữ liệu mở: bảng `{}` có hai dòng cùng khóa `{}`",
                r.name,
                key.join(", ")
            );
        }
    }
    Ok(())
}

fn units(site: &Site) -> Resource {
    let fields = vec![
        id("unit_id", "Mã đơn vị", "Mã định danh ổn định của đơn vị (không dấu, không đổi khi đã công bố).").required(),
        text("name", "Tên đơn vị", "Tên chính thức, có dấu.").required(),
        text("kind", "Loại đơn vị", "Loại: province (tỉnh), city (thành phố thuộc tỉnh), town (thị xã), district (huyện), commune (xã), ward (phường), special-zone (đặc khu), people-committee (UBND), department (sở, ban, ngành), agency (cơ quan nhà nước khác), office (phòng, ban, bộ phận), party-body (cơ quan Đảng), association (hội, đoàn thể), school (trường học), collective (cách gọi chung một nhóm cơ quan).")
            .required()
            .one_of(UNIT_KINDS),
        id("parent_id", "Mã đơn vị cấp trên", "Đơn vị trực thuộc hoặc địa bàn chứa đơn vị này; trống nếu không có hoặc chưa rõ.").refers_to("", "unit_id"),
        text("code", "Mã hành chính", "Mã đơn vị hành chính chính thức (ví dụ mã xã 5 chữ số) khi nguồn có ghi; trống nếu chưa rõ."),
        partial_date("valid_from", "Có hiệu lực từ", "Ngày đơn vị bắt đầu tồn tại, với độ chính xác văn bản cho (năm, năm-tháng hoặc năm-tháng-ngày); trống nếu chưa rõ."),
        partial_date("valid_to", "Hết hiệu lực từ", "Ngày đầu tiên đơn vị KHÔNG còn tồn tại (ví dụ các huyện: 2025-07-01); trống nếu còn tồn tại hoặc chưa rõ."),
        ids("successor_ids", "Đơn vị kế thừa", "Mã các đơn vị tiếp nhận nhiệm vụ, địa bàn, cách nhau bởi dấu chấm phẩy."),
        text("short_name", "Tên viết tắt", "Tên ngắn văn bản thường dùng (ví dụ “Sở TT&TT”)."),
        text("note", "Ghi chú", "Ghi chú về đơn vị (sáp nhập, giải thể…)."),
        source_field("Dòng văn bản nguồn xác nhận đơn vị hoặc các thông tin trên, dạng `mã-văn-bản:số-dòng`."),
    ];
    let rows = site
        .units
        .iter()
        .map(|u| {
            vec![
                u.id.clone(),
                u.name.clone(),
                u.kind.as_str().to_string(),
                opt(u.parent.as_ref()),
                u.code.clone(),
                opt_date(u.valid_from),
                opt_date(u.valid_to),
                join(&u.successors),
                u.short_name.clone(),
                u.note.clone(),
                u.source.as_ref().map(source_cell).unwrap_or_default(),
            ]
        })
        .collect();
    Resource {
        name: "units",
        title: "Đơn vị".into(),
        description: "Danh mục đơn vị: tỉnh, huyện, xã, phường, sở, ngành, phòng ban và các cách gọi chung mà văn bản dùng. Các bảng khác tham chiếu đơn vị bằng `unit_id`. Các đơn vị hành chính cấp huyện chấm dứt hoạt động từ 01/7/2025 được giữ lại với `valid_to` và đơn vị kế thừa khi nguồn có ghi.".into(),
        fields,
        primary_key: vec!["unit_id"],
        rows,
    }
}

fn plan_url(site: &Site, plan: &Plan) -> String {
    format!("{}/ke-hoach/{}/", super::meta::base(site), plan.id)
}

fn plans(site: &Site) -> Resource {
    let fields = vec![
        id("plan_id", "Mã kế hoạch", "Mã định danh ổn định của kế hoạch.").required(),
        text("number", "Số hiệu", "Số hiệu văn bản như in (ví dụ “223/KH-UBND”); trống nếu văn bản để trống."),
        text("title", "Tên kế hoạch", "Tên kế hoạch như trong văn bản.").required(),
        id("issuer_id", "Cơ quan ban hành", "Mã đơn vị ban hành (bảng units).").required().refers_to("units", "unit_id"),
        text("level", "Cấp kế hoạch", "central (trung ương), province (tỉnh), department (sở, ngành), district (huyện), commune (xã), party (cơ quan Đảng).")
            .required()
            .one_of(PLAN_LEVELS),
        partial_date("issued_date", "Ngày ban hành", "Ngày ban hành với độ chính xác văn bản cho; trống nếu văn bản không ghi."),
        ids("implements_ids", "Triển khai kế hoạch", "Mã các kế hoạch mà kế hoạch này triển khai, cách nhau bởi dấu chấm phẩy."),
        ids("replaces_ids", "Thay thế kế hoạch", "Mã các kế hoạch mà kế hoạch này thay thế, cách nhau bởi dấu chấm phẩy."),
        Field { ty: FieldType::Uri, ..text("url", "Trang kế hoạch", "Địa chỉ trang công khai của kế hoạch trên trang Minh bạch.") }.required(),
        text("status", "Tình trạng trong bộ dữ liệu", "published: có văn bản gốc trong bộ dữ liệu; cited: chỉ biết qua trích dẫn của văn bản khác.")
            .required()
            .one_of(PlanStatus::NAMES),
        text("period", "Thời kỳ", "Thời kỳ thực hiện như văn bản ghi."),
        id("document_id", "Văn bản gốc", "Mã văn bản nguồn của kế hoạch; trống với kế hoạch chỉ được trích dẫn."),
        Field {
            pattern: Some(SOURCE_PATTERN),
            ..text("cited_in", "Được trích dẫn tại", "Với kế hoạch chỉ được trích dẫn: dòng văn bản trích dẫn, dạng `mã-văn-bản:số-dòng`.")
        },
    ];
    let rows = site
        .plans
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                opt(p.number.as_ref()),
                p.title.clone(),
                p.issuer.clone(),
                p.level.as_str().to_string(),
                opt_date(p.issued),
                join(&p.implements),
                join(&p.replaces),
                plan_url(site, p),
                p.status.as_str().to_string(),
                p.period.clone(),
                opt(p.document.as_ref()),
                p.cited_in.as_ref().map(source_cell).unwrap_or_default(),
            ]
        })
        .collect();
    Resource {
        name: "plans",
        title: "Kế hoạch".into(),
        description: "Các kế hoạch trong bộ dữ liệu: số hiệu, cơ quan ban hành, cấp, ngày ban hành, quan hệ triển khai và thay thế giữa các kế hoạch.".into(),
        fields,
        primary_key: vec!["plan_id"],
        rows,
    }
}

/// The row id of each goal of a target: the target id when it has at most one goal; otherwise the
/// target id plus the goal's level (`…-ct-8-province`) when the goals differ only by level, else
/// plus the goal's 1-based position (`…-ct-12-1`).
pub fn goal_row_ids(t: &Target) -> Vec<String> {
    if t.goals.len() <= 1 {
        return vec![t.id.clone()];
    }
    let levels: HashSet<GovLevel> = t.goals.iter().map(|g| g.level).collect();
    let by_level = levels.len() == t.goals.len()
        && t.goals
            .iter()
            .all(|g| g.subject.is_empty() && g.level != GovLevel::All);
    t.goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            if by_level {
                format!("{}-{}", t.id, g.level.as_str())
            } else {
                format!("{}-{}", t.id, i + 1)
            }
        })
        .collect()
}

/// Which goal row a baseline or actual value compares with: the goal of the same level and
/// subject, else the first goal of the same level, else the first goal.
fn goal_index_for(t: &Target, level: GovLevel, subject: &str) -> usize {
    t.goals
        .iter()
        .position(|g| g.level == level && g.subject == subject)
        .or_else(|| t.goals.iter().position(|g| g.level == level))
        .unwrap_or(0)
}

fn all_targets(site: &Site) -> impl Iterator<Item = &Target> {
    site.plans.iter().flat_map(|p| p.targets.iter())
}

fn targets(site: &Site) -> Result<Resource> {
    let fields = vec![
        id("target_id", "Mã dòng chỉ tiêu", "Mã của một mức chỉ tiêu. Một chỉ tiêu đặt nhiều mức (cấp tỉnh, cấp huyện, cấp xã, hoặc nhiều đối tượng) được tách thành nhiều dòng: khi đó mã là mã chỉ tiêu thêm hậu tố cấp (`-province`, `-district`, `-commune`) hoặc thứ tự mức (`-1`, `-2`…); chỉ tiêu chỉ có một mức (hoặc là mốc, không có mức số) giữ nguyên mã chỉ tiêu. Mã chỉ tiêu trên trang web nằm ở cột `parent_target_id`.").required(),
        id("plan_id", "Mã kế hoạch", "Kế hoạch đặt chỉ tiêu (bảng plans).").required().refers_to("plans", "plan_id"),
        text("text", "Nội dung chỉ tiêu", "Nội dung chỉ tiêu như văn bản viết (chung cho mọi mức của cùng một chỉ tiêu).").required(),
        text("measure", "Loại chỉ tiêu", "percent (tỷ lệ %), count (số lượng), money (số tiền), rate (tỷ suất, tốc độ, mật độ), rank (thứ hạng, số nhỏ hơn là tốt hơn), index (chỉ số), milestone (mốc hoàn thành, có/không), text (cam kết bằng lời, không có số).").required().one_of(Measure::NAMES),
        text("comparator", "Phép so sánh", "Cách so với giá trị mục tiêu: >= (đạt, tối thiểu), > (trên), =, <= (tối đa), < (dưới); trống với chỉ tiêu mốc.").one_of(COMPARATORS),
        number("target_value", "Giá trị mục tiêu", "Giá trị mục tiêu (phần trăm hoặc số lượng), dấu chấm thập phân; trống với chỉ tiêu mốc."),
        text("gov_level", "Cấp áp dụng", "Cấp chính quyền mà mức chỉ tiêu áp dụng: all (chung), province, district, commune; trống với chỉ tiêu mốc không có mức.").one_of(GOV_LEVELS),
        ids("lead_id", "Đơn vị chủ trì", "Mã đơn vị chủ trì (bảng units); khi văn bản giao nhiều đơn vị cùng chủ trì, các mã cách nhau bởi dấu chấm phẩy; trống nếu văn bản không nêu."),
        ids("coordinating_ids", "Đơn vị phối hợp", "Mã các đơn vị phối hợp, cách nhau bởi dấu chấm phẩy."),
        id("parent_target_id", "Mã chỉ tiêu", "Mã chỉ tiêu như trên trang web (`/chi-tieu/<mã>/`), chung cho mọi mức của cùng một chỉ tiêu.").required(),
        text("number", "Số thứ tự", "Số thứ tự chỉ tiêu như in trong văn bản."),
        id("area_id", "Lĩnh vực", "Mã lĩnh vực của chỉ tiêu."),
        text("subject", "Đối tượng", "Đối tượng của mức chỉ tiêu khi một chỉ tiêu đặt giá trị cho nhiều đối tượng."),
        source_field("Dòng bắt đầu nội dung chỉ tiêu trong văn bản nguồn, dạng `mã-văn-bản:số-dòng`.").required(),
        text("interpretation", "Cách đọc văn bản", "Giải thích khi cách ghi nhận dựa trên cách đọc văn bản chứ không theo nguyên văn."),
        text("unit_of_measure", "Đơn vị đo", "Đơn vị đo như văn bản in (`%`, `% GDP`, `Tbps`, `người/vạn dân`); trống với số lượng không đơn vị, chỉ tiêu mốc và cam kết bằng lời."),
        field("lower_is_better", FieldType::Boolean, "Số nhỏ hơn là tốt hơn", "true với thứ hạng và các chỉ tiêu mà số nhỏ hơn là tốt hơn (tỷ lệ hộ nghèo…).").required(),
        number("low_value", "Đầu dưới của khoảng", "Với mục tiêu là một khoảng (“40 – 50”): đầu dưới; trống nếu mục tiêu là một giá trị."),
        number("high_value", "Đầu trên của khoảng", "Với mục tiêu là một khoảng: đầu trên; trống nếu mục tiêu là một giá trị."),
        field("low_inclusive", FieldType::Boolean, "Gồm đầu dưới", "Với khoảng: true nếu đầu dưới thuộc khoảng; trống nếu không phải khoảng."),
        field("high_inclusive", FieldType::Boolean, "Gồm đầu trên", "Với khoảng: true nếu đầu trên thuộc khoảng; trống nếu không phải khoảng."),
        field("horizon_year", FieldType::Integer, "Năm đạt", "Năm phải đạt mức chỉ tiêu: năm riêng của mức khi văn bản ghi (“đến năm 2045”), nếu không thì năm của chỉ tiêu hoặc năm cuối của thời kỳ kế hoạch; trống nếu chưa rõ."),
        id("part_of_target_id", "Thuộc chỉ tiêu", "Mã chỉ tiêu (cột `parent_target_id`) của chỉ tiêu lớn chứa chỉ tiêu này (chỉ tiêu 1.a thuộc chỉ tiêu 1); trống với chỉ tiêu không thuộc chỉ tiêu nào."),
    ];
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    let flag = |b: bool| if b { "true" } else { "false" }.to_string();
    for t in all_targets(site) {
        let ids = goal_row_ids(t);
        let goals: Vec<Option<&crate::model::Goal>> = if t.goals.is_empty() {
            vec![None]
        } else {
            t.goals.iter().map(Some).collect()
        };
        for (row_id, g) in ids.into_iter().zip(goals) {
            if !seen.insert(row_id.clone()) {
                bail!(
                    "dữ liệu mở: mã dòng chỉ tiêu `{row_id}` bị trùng (chỉ tiêu {})",
                    t.id
                );
            }
            rows.push(vec![
                row_id,
                t.plan.clone(),
                t.text.clone(),
                t.measure.as_str().to_string(),
                g.and_then(|g| g.comparator)
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
                opt_decimal(g.and_then(|g| g.value)),
                g.map(|g| g.level.as_str().to_string()).unwrap_or_default(),
                join(&t.lead),
                join(&t.coordinating),
                t.id.clone(),
                t.number.clone(),
                t.area.clone(),
                g.map(|g| g.subject.clone()).unwrap_or_default(),
                source_cell(&t.source),
                t.interpretation.clone(),
                t.unit.clone(),
                flag(t.lower_is_better),
                opt_decimal(g.and_then(|g| g.range).map(|r| r.low)),
                opt_decimal(g.and_then(|g| g.range).map(|r| r.high)),
                g.and_then(|g| g.range)
                    .map(|r| flag(r.low_inclusive))
                    .unwrap_or_default(),
                g.and_then(|g| g.range)
                    .map(|r| flag(r.high_inclusive))
                    .unwrap_or_default(),
                g.and_then(|g| g.year)
                    .or(t.horizon)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                t.parent.clone().unwrap_or_default(),
            ]);
        }
    }
    Ok(Resource {
        name: "targets",
        title: "Chỉ tiêu".into(),
        description: "Các chỉ tiêu của các kế hoạch, mỗi dòng là một mức chỉ tiêu: một chỉ tiêu đặt giá trị riêng cho cấp tỉnh, cấp huyện, cấp xã (hoặc cho nhiều đối tượng) được tách thành nhiều dòng, mã dòng là mã chỉ tiêu thêm hậu tố; `parent_target_id` là mã chỉ tiêu dùng trên trang web. Giá trị trống nghĩa là văn bản không nêu số (chỉ tiêu mốc), không phải 0.".into(),
        fields,
        primary_key: vec!["target_id"],
        rows,
    })
}

fn target_values(site: &Site) -> Result<Resource> {
    let fields = vec![
        id("target_id", "Mã dòng chỉ tiêu", "Dòng chỉ tiêu (bảng targets) mà giá trị này so sánh với: mức có cùng cấp và đối tượng, nếu không có thì mức đầu tiên của chỉ tiêu. Cấp và đối tượng của chính giá trị nằm ở cột `gov_level` và `subject`.")
            .required()
            .refers_to("targets", "target_id"),
        text("kind", "Loại giá trị", "baseline: hiện trạng nêu trong kế hoạch; actual: kết quả thực hiện nêu trong báo cáo.").required().one_of(ValueKind::NAMES),
        number("value", "Giá trị", "Giá trị văn bản nêu, dấu chấm thập phân; trống nếu văn bản chỉ mô tả bằng lời, không nêu số (không phải 0)."),
        field("year", FieldType::Integer, "Năm", "Năm của số liệu; trống nếu chưa rõ."),
        partial_date("as_of", "Tính đến", "Thời điểm số liệu, với độ chính xác văn bản cho; trống nếu chưa rõ."),
        source_field("Dòng văn bản nêu giá trị, dạng `mã-văn-bản:số-dòng`.").required(),
        id("value_id", "Mã giá trị", "Mã của dòng này: mã chỉ tiêu (`parent_target_id` trong bảng targets), `-gt-` và thứ tự giá trị của chỉ tiêu trong nội dung; không đổi khi nội dung không đổi.").required(),
        text("gov_level", "Cấp", "Cấp chính quyền mà giá trị nói tới: all, province, district, commune.").one_of(GOV_LEVELS),
        text("subject", "Đối tượng", "Đối tượng mà giá trị nói tới, khi chỉ tiêu có nhiều đối tượng."),
        text("text", "Lời văn", "Nguyên văn đoạn văn bản nêu giá trị."),
        text("note", "Ghi chú", "Ghi chú của người nhập liệu."),
        id("report_id", "Báo cáo", "Mã báo cáo nêu kết quả (với giá trị actual lấy từ báo cáo tiến độ)."),
    ];
    let mut rows = Vec::new();
    for t in all_targets(site) {
        let row_ids = goal_row_ids(t);
        for (i, v) in t.values.iter().enumerate() {
            let gi = goal_index_for(t, v.level, &v.subject);
            rows.push(vec![
                row_ids[gi.min(row_ids.len() - 1)].clone(),
                v.kind.as_str().to_string(),
                opt_decimal(v.value),
                v.year.map(|y| y.to_string()).unwrap_or_default(),
                opt_date(v.as_of),
                source_cell(&v.source),
                format!("{}-gt-{}", t.id, i + 1),
                v.level.as_str().to_string(),
                v.subject.clone(),
                v.text.clone(),
                v.note.clone(),
                opt(v.report.as_ref()),
            ]);
        }
    }
    Ok(Resource {
        name: "target-values",
        title: "Hiện trạng và kết quả thực hiện chỉ tiêu".into(),
        description: "Các số liệu hiện trạng (baseline, nêu trong kế hoạch) và kết quả thực hiện (actual, nêu trong báo cáo) của các chỉ tiêu, mỗi số liệu dẫn về dòng văn bản nêu nó. `target_id` trỏ tới dòng chỉ tiêu (bảng targets) có cùng cấp và đối tượng; nếu chỉ tiêu không có mức nào như vậy thì trỏ tới mức đầu tiên. Giá trị trống nghĩa là văn bản không nêu số, không phải 0.".into(),
        fields,
        primary_key: vec!["value_id"],
        rows,
    })
}

fn budget_lines(site: &Site) -> Resource {
    let fields = vec![
        id("line_id", "Mã dòng kinh phí", "Mã định danh ổn định của dòng kinh phí (mục hoặc phần của mục).").required(),
        id("plan_id", "Mã kế hoạch", "Kế hoạch có dòng kinh phí (bảng plans).").required().refers_to("plans", "plan_id"),
        id("parent_line_id", "Mục được chia", "Với một phần của mục: mã mục mà phần này chia ra; trống với mục.").refers_to("", "line_id"),
        id("agency_id", "Đơn vị chủ trì", "Đơn vị chủ trì thực hiện (bảng units).").required().refers_to("units", "unit_id"),
        id("district_id", "Huyện, thị xã, thành phố", "Đơn vị hành chính cấp huyện nơi chi kinh phí (bảng units); trống với kinh phí toàn tỉnh hoặc chi ở cấp tỉnh.").refers_to("units", "unit_id"),
        text("title", "Nội dung", "Nội dung dòng kinh phí như văn bản ghi.").required(),
        number("amount_million_vnd", "Kinh phí (triệu đồng)", "Số tiền, triệu đồng, dấu chấm thập phân, không phân cách hàng nghìn. Trống khi văn bản để trống (chưa có số liệu, không phải 0), và trống với mục được chia thành nhiều phần (`has_parts` = true): tiền của mục đó nằm ở các dòng phần, nên cộng cột này theo bất kỳ nhóm nào cũng không bị tính hai lần."),
        text("spending", "Loại chi", "CTX: chi thường xuyên; CĐT: chi đầu tư; trống nếu văn bản không ghi.").one_of(crate::model::Spending::NAMES),
        text("budget", "Nguồn ngân sách", &format!("{}; trống nếu văn bản không ghi.", crate::model::BudgetSource::ALL.iter().map(|b| format!("{}: {}", b.code(), b.vietnamese())).collect::<Vec<_>>().join("; "))).one_of(crate::model::BudgetSource::NAMES),
        text("period", "Thời gian thực hiện", "Thời gian thực hiện khi văn bản có ghi (ví dụ “2024-2025”)."),
        text("note", "Ghi chú", "Ghi chú như văn bản ghi."),
        text("number", "Số thứ tự", "Số thứ tự như in trong văn bản; trống với phần của mục."),
        id("place_id", "Nơi chi", "Đơn vị hành chính nơi chi kinh phí (bảng units); trống nếu chưa rõ.").refers_to("units", "unit_id"),
        ids("coordinating_ids", "Đơn vị phối hợp", "Mã các đơn vị phối hợp, cách nhau bởi dấu chấm phẩy."),
        field("has_parts", FieldType::Boolean, "Được chia thành phần", "true: mục được chia thành các phần (các dòng có `parent_line_id` là mã mục này), số tiền nằm ở các phần.").required(),
        source_field("Dòng văn bản ghi số tiền (hoặc nội dung nếu không có số tiền), dạng `mã-văn-bản:số-dòng`.").required(),
        text("interpretation", "Cách đọc văn bản", "Giải thích khi cách ghi nhận dựa trên cách đọc văn bản chứ không theo nguyên văn."),
        id("same_as_line_id", "Cùng mục với", "Dòng kinh phí của một kế hoạch khác ghi cùng một nhiệm vụ (kế hoạch của sở lặp lại mục của kế hoạch tỉnh): hai dòng là một cam kết, có thể với số tiền khác nhau; khi cộng nhiều kế hoạch, chỉ cộng một trong hai.").refers_to("", "line_id"),
    ];
    let mut rows = Vec::new();
    for plan in &site.plans {
        let Some(b) = &plan.budget else { continue };
        for l in &b.lines {
            rows.push(budget_line_row(site, plan, &b.lines, l));
        }
    }
    Resource {
        name: "budget-lines",
        title: "Kinh phí".into(),
        description: "Từng dòng kinh phí của các kế hoạch (mục và phần của mục), triệu đồng. Cộng cột `amount_million_vnd` theo kế hoạch, theo huyện (`district_id`) hoặc theo đơn vị chủ trì (`agency_id`) cho đúng tổng các mục của văn bản: mục được chia thành phần để trống số tiền, tiền nằm ở các phần. Ô số tiền trống là văn bản không ghi số (chưa có số liệu), không phải 0. Tổng văn bản tự ghi và chênh lệch nằm ở bảng budget-totals.".into(),
        fields,
        primary_key: vec!["line_id"],
        rows,
    }
}

fn budget_line_row(site: &Site, plan: &Plan, lines: &[BudgetLine], l: &BudgetLine) -> Vec<String> {
    let district = l
        .place
        .as_deref()
        .and_then(|p| site.district_of(p))
        .map(|u| u.id.clone())
        .unwrap_or_default();
    let amount = if l.has_parts {
        String::new()
    } else {
        opt_decimal(l.amount)
    };
    vec![
        l.id.clone(),
        plan.id.clone(),
        l.parent.map(|i| lines[i].id.clone()).unwrap_or_default(),
        l.lead.clone(),
        district,
        l.title.clone(),
        amount,
        l.funding
            .and_then(|f| f.spending)
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        l.funding
            .and_then(|f| f.budget)
            .map(|b| b.code().to_string())
            .unwrap_or_default(),
        l.period.clone(),
        l.note.clone(),
        opt(l.number.as_ref()),
        opt(l.place.as_ref()),
        join(&l.coordinating),
        l.has_parts.to_string(),
        source_cell(&l.source),
        l.interpretation.clone(),
        l.same_as.clone().unwrap_or_default(),
    ]
}

fn budget_totals(site: &Site) -> Resource {
    let fields = vec![
        id("plan_id", "Mã kế hoạch", "Kế hoạch (bảng plans).").required().refers_to("plans", "plan_id"),
        id("scope_id", "Phạm vi tổng", "Cái được cộng: mã kế hoạch (tổng toàn kế hoạch), mã nhóm hoặc mã đơn vị chi trong bảng kinh phí (`<kế-hoạch>-kp-ii`, `<kế-hoạch>-kp-ii-3`), hoặc `<kế-hoạch>-kp-nguon-<nguồn>` cho tổng theo một nguồn (ví dụ `…-kp-nguon-ctx-nst`). Một văn bản có thể ghi nhiều tổng cho cùng phạm vi; mỗi tổng là một dòng, phân biệt bằng `source`.").required(),
        number("declared_million_vnd", "Tổng văn bản ghi (triệu đồng)", "Tổng như văn bản in, triệu đồng.").required(),
        number("computed_million_vnd", "Tổng các mục (triệu đồng)", "Tổng số tiền các dòng kinh phí thuộc phạm vi (không tính dòng không ghi số tiền), triệu đồng.").required(),
        number("difference_million_vnd", "Chênh lệch (triệu đồng)", "computed − declared: dương khi các mục cộng lại lớn hơn tổng văn bản ghi, âm khi nhỏ hơn, 0 khi khớp.").required(),
        text("label", "Tên tổng", "Tên dòng tổng như văn bản ghi."),
        field("unknown_lines", FieldType::Integer, "Số dòng không ghi số tiền", "Số dòng kinh phí trong phạm vi mà văn bản để trống số tiền (không được cộng vào tổng các mục).").required(),
        source_field("Dòng văn bản ghi tổng, dạng `mã-văn-bản:số-dòng`.").required(),
    ];
    let mut rows = Vec::new();
    for plan in &site.plans {
        for c in crate::budget::total_checks(plan) {
            rows.push(vec![
                plan.id.clone(),
                c.scope_id,
                decimal_cell(c.declared),
                decimal_cell(c.computed),
                decimal_cell(c.difference),
                c.label,
                c.unknown_lines.to_string(),
                source_cell(&c.source),
            ]);
        }
    }
    Resource {
        name: "budget-totals",
        title: "Tổng kinh phí văn bản ghi và tổng các mục".into(),
        description: "Mọi tổng kinh phí mà văn bản tự ghi (theo kế hoạch, nhóm, đơn vị, nguồn), đặt cạnh tổng các mục cộng lại và chênh lệch (tổng các mục − tổng văn bản ghi). Chênh lệch khác 0 là sai khác có trong văn bản gốc; cả hai con số đều được công bố, không sửa cho khớp.".into(),
        fields,
        primary_key: vec!["scope_id", "source"],
        rows,
    }
}

fn status_field(description: &str) -> Field {
    text("status", "Trạng thái", description)
        .required()
        .one_of(STATUSES)
}

const STATUS_TEXT: &str = "done (báo cáo nêu đã hoàn thành), in-progress (báo cáo nêu đang thực hiện), not-started (báo cáo nêu chưa triển khai, chưa đến hạn), late (đã quá thời hạn so với ngày số liệu của báo cáo mà báo cáo không nêu đã hoàn thành), reported (báo cáo có nêu kết quả nhưng không nêu trạng thái, chưa đến hạn), no-report (chưa có báo cáo nói tới nhiệm vụ).";

fn tasks(site: &Site, judged: &[TaskProgress<'_>]) -> Resource {
    let by_task: HashMap<&str, &TaskProgress<'_>> =
        judged.iter().map(|p| (p.task.id.as_str(), p)).collect();
    let fields = vec![
        id(
            "task_id",
            "Mã nhiệm vụ",
            "Mã định danh ổn định của nhiệm vụ.",
        )
        .required(),
        id(
            "plan_id",
            "Mã kế hoạch",
            "Kế hoạch giao nhiệm vụ (bảng plans).",
        )
        .required()
        .refers_to("plans", "plan_id"),
        text(
            "title",
            "Nội dung nhiệm vụ",
            "Nội dung nhiệm vụ như văn bản viết.",
        )
        .required(),
        ids(
            "lead_id",
            "Đơn vị chủ trì",
            "Mã đơn vị chủ trì (bảng units); khi văn bản giao nhiều đơn vị cùng chủ trì, các mã cách nhau bởi dấu chấm phẩy; trống nếu văn bản không nêu.",
        ),
        ids(
            "coordinating_ids",
            "Đơn vị phối hợp",
            "Mã các đơn vị phối hợp, cách nhau bởi dấu chấm phẩy.",
        ),
        field(
            "deadline",
            FieldType::Date,
            "Hạn hoàn thành",
            "Ngày cuối cùng của thời hạn (quý I/2025 → 2025-03-31; tháng 8/2025 → 2025-08-31; 2025–2030 → 2030-12-31); trống với nhiệm vụ thường xuyên, hằng năm, “từ năm …” hoặc không có thời hạn.",
        ),
        Field {
            pattern: Some(TIMEFRAME_PATTERN),
            ..text(
                "timeframe",
                "Thời hạn",
                "Thời hạn như văn bản cho: một ngày, tháng hoặc năm (`2025-12-31`, `2025-08`, `2025`), một quý (`2025-Q1`), nửa năm (`2025-H1`), nhiều năm (`2025/2030`), `yearly` (hằng năm), `from-2026` (từ năm 2026) hoặc `ongoing` (thường xuyên); trống nếu văn bản không nêu.",
            )
        },
        text(
            "number",
            "Số thứ tự",
            "Số thứ tự nhiệm vụ như in trong văn bản.",
        ),
        id("area_id", "Lĩnh vực", "Mã lĩnh vực của nhiệm vụ."),
        text(
            "timeframe_text",
            "Thời hạn (nguyên văn)",
            "Lời văn bản về thời hạn.",
        ),
        source_field("Dòng văn bản nêu nhiệm vụ, dạng `mã-văn-bản:số-dòng`.").required(),
        text(
            "interpretation",
            "Cách đọc văn bản",
            "Giải thích khi cách ghi nhận dựa trên cách đọc văn bản chứ không theo nguyên văn.",
        ),
        status_field(&format!(
            "Trạng thái đánh giá của nhiệm vụ theo báo cáo mới nhất bao quát kế hoạch: {STATUS_TEXT} Không bao giờ dựa vào ngày hiện tại."
        )),
        id(
            "status_report_id",
            "Báo cáo dùng để đánh giá",
            "Mã báo cáo mà trạng thái dựa vào; trống nếu chưa có báo cáo nào bao quát kế hoạch.",
        ),
        text("status_reason", "Lý do", "Giải thích trạng thái."),
        text(
            "output",
            "Sản phẩm",
            "Sản phẩm nhiệm vụ phải tạo ra, như văn bản in (“Quyết định của Thủ tướng Chính phủ”); trống nếu văn bản không nêu.",
        ),
        text(
            "timeframe_kind",
            "Loại thời hạn",
            "day, month, year, quarter, half-year, years (nhiều năm), yearly (hằng năm), from-year (từ năm …), ongoing (thường xuyên); trống nếu văn bản không nêu.",
        )
        .one_of(&["day", "month", "year", "quarter", "half-year", "years", "yearly", "from-year", "ongoing"]),
        field(
            "start",
            FieldType::Date,
            "Bắt đầu",
            "Ngày đầu tiên của thời hạn, khi thời hạn là một khoảng (quý, nửa năm, nhiều năm, từ năm …); dùng để sắp xếp.",
        ),
    ];
    let rows = site
        .plans
        .iter()
        .flat_map(|p| p.tasks.iter())
        .map(|t| {
            let judged = by_task.get(t.id.as_str());
            vec![
                t.id.clone(),
                t.plan.clone(),
                t.title.clone(),
                join(&t.lead),
                join(&t.coordinating),
                t.timeframe
                    .and_then(|tf| tf.deadline())
                    .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                    .unwrap_or_default(),
                t.timeframe.map(|tf| tf.iso()).unwrap_or_default(),
                opt(t.number.as_ref()),
                t.area.clone(),
                t.timeframe_text.clone(),
                source_cell(&t.source),
                t.interpretation.clone(),
                judged
                    .map(|j| j.status)
                    .unwrap_or(Status::NoReport)
                    .slug()
                    .to_string(),
                judged
                    .and_then(|j| j.report)
                    .map(|r| r.id.clone())
                    .unwrap_or_default(),
                judged.map(|j| j.reason.clone()).unwrap_or_default(),
                t.output.clone(),
                t.timeframe
                    .map(|tf| tf.kind().to_string())
                    .unwrap_or_default(),
                t.timeframe
                    .and_then(|tf| tf.start())
                    .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    Resource {
        name: "tasks",
        title: "Nhiệm vụ".into(),
        description: "Các nhiệm vụ của các kế hoạch: nội dung, đơn vị chủ trì, phối hợp, thời hạn, và trạng thái đánh giá theo báo cáo tiến độ mới nhất (kể cả nhiệm vụ chưa được báo cáo nào nói tới: no-report, hoặc late nếu đã quá hạn).".into(),
        fields,
        primary_key: vec!["task_id"],
        rows,
    }
}

fn progress(site: &Site, judged: &[TaskProgress<'_>]) -> Resource {
    let by_task: HashMap<&str, &TaskProgress<'_>> =
        judged.iter().map(|p| (p.task.id.as_str(), p)).collect();
    let fields = vec![
        id("report_id", "Mã báo cáo", "Báo cáo nêu kết quả.").required(),
        partial_date("as_of", "Số liệu tính đến", "Thời điểm báo cáo nói tới, với độ chính xác văn bản cho.").required(),
        id("task_id", "Mã nhiệm vụ", "Nhiệm vụ được báo cáo (bảng tasks).").required().refers_to("tasks", "task_id"),
        status_field(&format!("Trạng thái đánh giá của nhiệm vụ (như cột `status` của bảng tasks, theo báo cáo mới nhất nói tới nhiệm vụ): {STATUS_TEXT}")),
        text("result", "Kết quả", "Nguyên văn kết quả thực hiện mà báo cáo nêu.").required(),
        id("result_id", "Mã dòng kết quả", "Mã báo cáo, `-kq-` và thứ tự kết quả trong báo cáo; không đổi khi nội dung không đổi.").required(),
        text("stated_status", "Trạng thái báo cáo nêu", "Trạng thái chính báo cáo nêu cho kết quả này: done, in-progress, not-started; trống khi báo cáo không nêu.").one_of(crate::model::StatedStatus::NAMES),
        text("evidence", "Văn bản minh chứng", "Văn bản báo cáo dẫn làm minh chứng."),
        source_field("Dòng báo cáo nêu kết quả, dạng `mã-văn-bản:số-dòng`.").required(),
        text("interpretation", "Cách đọc văn bản", "Giải thích khi việc gán kết quả cho nhiệm vụ dựa trên cách đọc báo cáo chứ không theo nguyên văn."),
    ];
    let mut rows = Vec::new();
    for r in &site.reports {
        for (i, res) in r.results.iter().enumerate() {
            let status = by_task
                .get(res.task.as_str())
                .map(|j| j.status)
                .unwrap_or(Status::Reported);
            rows.push(vec![
                r.id.clone(),
                r.as_of.iso(),
                res.task.clone(),
                status.slug().to_string(),
                res.text.clone(),
                format!("{}-kq-{}", r.id, i + 1),
                res.status
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
                res.evidence.clone(),
                source_cell(&res.source),
                res.interpretation.clone(),
            ]);
        }
    }
    Resource {
        name: "progress",
        title: "Tiến độ thực hiện nhiệm vụ".into(),
        description: "Kết quả thực hiện nhiệm vụ mà các báo cáo tiến độ nêu: mỗi dòng là một đoạn kết quả báo cáo gán cho một nhiệm vụ, kèm trạng thái đánh giá của nhiệm vụ. Nhiệm vụ không được báo cáo nào nói tới không có dòng ở đây (không có kết quả nào để công bố); trạng thái của chúng (no-report hoặc late) nằm ở cột `status` của bảng tasks.".into(),
        fields,
        primary_key: vec!["result_id"],
        rows,
    }
}

// --- the columns in English -------------------------------------------------------------------

/// Each column's title and description in English, by table and column: what the English
/// open-data pages show. The data files keep their Vietnamese descriptors (the cells are the
/// documents' Vietnamese text); `every_column_has_an_english_title_and_description` checks that
/// no column is left out.
const ENGLISH: &[(&str, &str, &str, &str)] = &[
    (
        "units",
        "unit_id",
        "Unit id",
        "Stable id of the unit (no diacritics, never changed once published).",
    ),
    (
        "units",
        "name",
        "Unit name",
        "Official name, with diacritics.",
    ),
    (
        "units",
        "kind",
        "Kind of unit",
        "Kind: province, city (city under a province), town, district, commune, ward, special-zone, people-committee (People's Committee), department (department or sector), agency (other state agency), office (office, division or section), party-body (Party body), association (association or mass organisation), school, collective (a collective name for a group of bodies).",
    ),
    (
        "units",
        "parent_id",
        "Parent unit id",
        "The unit this one belongs to, or the territory that contains it; empty if none or not known.",
    ),
    (
        "units",
        "code",
        "Administrative code",
        "The official administrative unit code (for example the 5-digit commune code) when the source gives it; empty if not known.",
    ),
    (
        "units",
        "valid_from",
        "Valid from",
        "The date the unit came into being, with the precision the document gives (year, year-month or year-month-day); empty if not known.",
    ),
    (
        "units",
        "valid_to",
        "Valid until",
        "The first day the unit NO LONGER exists (for districts: 2025-07-01); empty if it still exists or not known.",
    ),
    (
        "units",
        "successor_ids",
        "Successor units",
        "Ids of the units that took over its tasks and territory, separated by semicolons.",
    ),
    (
        "units",
        "short_name",
        "Short name",
        "The short name documents often use (an abbreviation of the department's name, for example).",
    ),
    (
        "units",
        "note",
        "Note",
        "A note on the unit (merger, dissolution…).",
    ),
    (
        "units",
        "source",
        "Source",
        "The line of a source document that confirms the unit or the facts above, as `document-id:line`.",
    ),
    ("plans", "plan_id", "Plan id", "Stable id of the plan."),
    (
        "plans",
        "number",
        "Number",
        "The document's number as printed (for example “223/KH-UBND”); empty if the document leaves it blank.",
    ),
    (
        "plans",
        "title",
        "Plan title",
        "The plan's title as in the document.",
    ),
    (
        "plans",
        "issuer_id",
        "Issuing body",
        "Id of the issuing unit (table units).",
    ),
    (
        "plans",
        "level",
        "Plan level",
        "central, province, department (department or sector), district, commune, party (Party body).",
    ),
    (
        "plans",
        "issued_date",
        "Date issued",
        "The date of issue with the precision the document gives; empty if the document gives none.",
    ),
    (
        "plans",
        "implements_ids",
        "Implements plans",
        "Ids of the plans this plan implements, separated by semicolons.",
    ),
    (
        "plans",
        "replaces_ids",
        "Replaces plans",
        "Ids of the plans this plan replaces, separated by semicolons.",
    ),
    (
        "plans",
        "url",
        "Plan page",
        "Address of the plan's public page on this site.",
    ),
    (
        "plans",
        "status",
        "Status in the data set",
        "published: the original document is in the data set; cited: known only from a citation in another document.",
    ),
    (
        "plans",
        "period",
        "Period",
        "The implementation period as the document writes it.",
    ),
    (
        "plans",
        "document_id",
        "Original document",
        "Id of the plan's source document; empty for a plan that is only cited.",
    ),
    (
        "plans",
        "cited_in",
        "Cited in",
        "For a plan that is only cited: the line of the citing document, as `document-id:line`.",
    ),
    (
        "targets",
        "target_id",
        "Target row id",
        "Id of one level of a target. A target that sets several levels (province, district and commune, or several subjects) is split into several rows: the id is then the target's id with a level suffix (`-province`, `-district`, `-commune`) or the level's position (`-1`, `-2`…); a target with a single level (or a milestone, without a numeric level) keeps the target's id. The target's id on the website is in the column `parent_target_id`.",
    ),
    (
        "targets",
        "plan_id",
        "Plan id",
        "The plan that sets the target (table plans).",
    ),
    (
        "targets",
        "text",
        "Target text",
        "The target as the document words it (the same for every level of one target).",
    ),
    (
        "targets",
        "measure",
        "Kind of target",
        "percent (a percentage), count (a number of things), money (an amount), rate (a rate, speed or density), rank (a ranking: lower is better), index (an index), milestone (done or not), text (a commitment in words, without a number).",
    ),
    (
        "targets",
        "comparator",
        "Comparison",
        "How a result compares with the goal: >= (at least), > (above), =, <= (at most), < (below); empty for a milestone.",
    ),
    (
        "targets",
        "target_value",
        "Goal value",
        "The goal (a percentage or a quantity), with a decimal point; empty for a milestone.",
    ),
    (
        "targets",
        "gov_level",
        "Level of government",
        "The level of government the target level applies to: all (every level), province, district, commune; empty for a milestone without levels.",
    ),
    (
        "targets",
        "lead_id",
        "Lead unit",
        "Id of the lead unit (table units); when the document names several lead units, their ids are separated by semicolons; empty if the document names none.",
    ),
    (
        "targets",
        "coordinating_ids",
        "Coordinating units",
        "Ids of the coordinating units, separated by semicolons.",
    ),
    (
        "targets",
        "parent_target_id",
        "Target id",
        "The target's id as on the website (`/chi-tieu/<id>/`), the same for every level of one target.",
    ),
    (
        "targets",
        "number",
        "Number",
        "The target's number as printed in the document.",
    ),
    (
        "targets",
        "area_id",
        "Area",
        "Id of the target's area of work.",
    ),
    (
        "targets",
        "subject",
        "Subject",
        "The subject of the target level, when one target sets values for several subjects.",
    ),
    (
        "targets",
        "source",
        "Source",
        "The line where the target starts in its source document, as `document-id:line`.",
    ),
    (
        "targets",
        "interpretation",
        "Reading of the document",
        "An explanation when the record rests on a reading of the document rather than its exact words.",
    ),
    (
        "targets",
        "unit_of_measure",
        "Unit of measure",
        "The unit of measure as the document prints it (`%`, `% GDP`, `Tbps`, people per 10,000 inhabitants); empty for plain counts, milestones and commitments in words.",
    ),
    (
        "targets",
        "lower_is_better",
        "Lower is better",
        "true for rankings and for targets where a lower number is better (the share of poor households…).",
    ),
    (
        "targets",
        "low_value",
        "Low end of the range",
        "For a goal that is a range (“40 – 50”): its low end; empty if the goal is a single value.",
    ),
    (
        "targets",
        "high_value",
        "High end of the range",
        "For a goal that is a range: its high end; empty if the goal is a single value.",
    ),
    (
        "targets",
        "low_inclusive",
        "Low end included",
        "For a range: true if the low end belongs to the range; empty if the goal is not a range.",
    ),
    (
        "targets",
        "high_inclusive",
        "High end included",
        "For a range: true if the high end belongs to the range; empty if the goal is not a range.",
    ),
    (
        "targets",
        "horizon_year",
        "Year to reach it",
        "The year the level must be reached: the level's own year when the document gives one (“by 2045”), else the target's year or the last year of the plan's period; empty if not known.",
    ),
    (
        "targets",
        "part_of_target_id",
        "Part of target",
        "The id (column `parent_target_id`) of the larger target this one is part of (target 1.a is part of target 1); empty for a target of its own.",
    ),
    (
        "target-values",
        "target_id",
        "Target row id",
        "The target row (table targets) this value compares with: the level of the same level of government and subject, else the target's first level. The value's own level and subject are in the columns `gov_level` and `subject`.",
    ),
    (
        "target-values",
        "kind",
        "Kind of value",
        "baseline: the situation the plan states; actual: a result a report states.",
    ),
    (
        "target-values",
        "value",
        "Value",
        "The value the document states, with a decimal point; empty if the document describes it only in words, without a number (never 0).",
    ),
    (
        "target-values",
        "year",
        "Year",
        "The year of the figure; empty if not known.",
    ),
    (
        "target-values",
        "as_of",
        "As of",
        "When the figure speaks for, with the precision the document gives; empty if not known.",
    ),
    (
        "target-values",
        "source",
        "Source",
        "The line of the document that states the value, as `document-id:line`.",
    ),
    (
        "target-values",
        "value_id",
        "Value id",
        "Id of this row: the target's id (`parent_target_id` in the table targets), `-gt-` and the value's position among the target's values in the content; unchanged while the content is.",
    ),
    (
        "target-values",
        "gov_level",
        "Level",
        "The level of government the value speaks of: all, province, district, commune.",
    ),
    (
        "target-values",
        "subject",
        "Subject",
        "The subject the value speaks of, when the target has several.",
    ),
    (
        "target-values",
        "text",
        "Wording",
        "The document's passage that states the value, word for word.",
    ),
    (
        "target-values",
        "note",
        "Note",
        "A note by the person who entered the data.",
    ),
    (
        "target-values",
        "report_id",
        "Report",
        "Id of the report that states the result (for actual values taken from a progress report).",
    ),
    (
        "budget-lines",
        "line_id",
        "Budget line id",
        "Stable id of the budget line (an item or a part of an item).",
    ),
    (
        "budget-lines",
        "plan_id",
        "Plan id",
        "The plan the budget line belongs to (table plans).",
    ),
    (
        "budget-lines",
        "parent_line_id",
        "Item divided",
        "For a part of an item: the id of the item it is a part of; empty for an item.",
    ),
    (
        "budget-lines",
        "agency_id",
        "Lead unit",
        "The unit that leads the work (table units).",
    ),
    (
        "budget-lines",
        "district_id",
        "District, town or city",
        "The district-level administrative unit where the money is spent (table units); empty for province-wide spending or spending at province level.",
    ),
    (
        "budget-lines",
        "title",
        "Description",
        "The budget line as the document words it.",
    ),
    (
        "budget-lines",
        "amount_million_vnd",
        "Amount (million VND)",
        "The amount in million VND, with a decimal point and no thousands separator. Empty when the document leaves it blank (no data yet, never 0), and empty for an item divided into parts (`has_parts` = true): its money is in the rows of its parts, so adding up this column by any group never counts anything twice.",
    ),
    (
        "budget-lines",
        "spending",
        "Kind of spending",
        "CTX: recurrent spending; CĐT: investment spending; empty if the document does not say.",
    ),
    (
        "budget-lines",
        "budget",
        "Budget source",
        "NSTW: central budget; NST: provincial budget; NSH: district budget; NSX: commune budget; NSĐP: local budgets; NSNN: state budget; ODA: ODA and concessional loans; XHH: private (socialised) funds; KHÁC: other lawful sources; empty if the document does not say.",
    ),
    (
        "budget-lines",
        "period",
        "Implementation period",
        "The implementation period when the document gives it (for example “2024-2025”).",
    ),
    (
        "budget-lines",
        "note",
        "Note",
        "A note as the document writes it.",
    ),
    (
        "budget-lines",
        "number",
        "Number",
        "The number as printed in the document; empty for a part of an item.",
    ),
    (
        "budget-lines",
        "place_id",
        "Place of spending",
        "The administrative unit where the money is spent (table units); empty if not known.",
    ),
    (
        "budget-lines",
        "coordinating_ids",
        "Coordinating units",
        "Ids of the coordinating units, separated by semicolons.",
    ),
    (
        "budget-lines",
        "has_parts",
        "Divided into parts",
        "true: the item is divided into parts (the rows whose `parent_line_id` is this item's id), and its money is in the parts.",
    ),
    (
        "budget-lines",
        "source",
        "Source",
        "The line of the document that gives the amount (or the text, if there is no amount), as `document-id:line`.",
    ),
    (
        "budget-lines",
        "interpretation",
        "Reading of the document",
        "An explanation when the record rests on a reading of the document rather than its exact words.",
    ),
    (
        "budget-lines",
        "same_as_line_id",
        "Same item as",
        "A budget line of another plan that records the same task (a department's plan repeating an item of the province's plan): the two lines are one commitment, possibly with different amounts; when adding up several plans, add only one of them.",
    ),
    (
        "budget-totals",
        "plan_id",
        "Plan id",
        "The plan (table plans).",
    ),
    (
        "budget-totals",
        "scope_id",
        "What is totalled",
        "What is added up: a plan id (the whole plan's total), the id of a group or spending unit of the budget table (`<plan>-kp-ii`, `<plan>-kp-ii-3`), or `<plan>-kp-nguon-<source>` for a total by funding source (for example `…-kp-nguon-ctx-nst`). A document may state several totals for the same scope; each total is a row, told apart by `source`.",
    ),
    (
        "budget-totals",
        "declared_million_vnd",
        "Total stated (million VND)",
        "The total as the document prints it, in million VND.",
    ),
    (
        "budget-totals",
        "computed_million_vnd",
        "Sum of the items (million VND)",
        "The sum of the amounts of the budget lines in the scope (lines without an amount are not counted), in million VND.",
    ),
    (
        "budget-totals",
        "difference_million_vnd",
        "Difference (million VND)",
        "computed − declared: positive when the items add up to more than the stated total, negative when less, 0 when they agree.",
    ),
    (
        "budget-totals",
        "label",
        "Name of the total",
        "The name of the total's line as the document writes it.",
    ),
    (
        "budget-totals",
        "unknown_lines",
        "Lines without an amount",
        "The number of budget lines in the scope whose amount the document leaves blank (not added to the sum of the items).",
    ),
    (
        "budget-totals",
        "source",
        "Source",
        "The line of the document that states the total, as `document-id:line`.",
    ),
    ("tasks", "task_id", "Task id", "Stable id of the task."),
    (
        "tasks",
        "plan_id",
        "Plan id",
        "The plan that assigns the task (table plans).",
    ),
    (
        "tasks",
        "title",
        "Task",
        "The task as the document words it.",
    ),
    (
        "tasks",
        "lead_id",
        "Lead unit",
        "Id of the lead unit (table units); when the document names several lead units, their ids are separated by semicolons; empty if the document names none.",
    ),
    (
        "tasks",
        "coordinating_ids",
        "Coordinating units",
        "Ids of the coordinating units, separated by semicolons.",
    ),
    (
        "tasks",
        "deadline",
        "Deadline",
        "The last day of the timeframe (Q1 2025 → 2025-03-31; August 2025 → 2025-08-31; 2025–2030 → 2030-12-31); empty for ongoing and yearly tasks, tasks “from year …” and tasks without a deadline.",
    ),
    (
        "tasks",
        "timeframe",
        "Timeframe",
        "The timeframe as the document gives it: a day, month or year (`2025-12-31`, `2025-08`, `2025`), a quarter (`2025-Q1`), a half-year (`2025-H1`), several years (`2025/2030`), `yearly`, `from-2026` (from 2026 on) or `ongoing`; empty if the document gives none.",
    ),
    (
        "tasks",
        "number",
        "Number",
        "The task's number as printed in the document.",
    ),
    ("tasks", "area_id", "Area", "Id of the task's area of work."),
    (
        "tasks",
        "timeframe_text",
        "Timeframe (as written)",
        "The document's words about the timeframe.",
    ),
    (
        "tasks",
        "source",
        "Source",
        "The line of the document that states the task, as `document-id:line`.",
    ),
    (
        "tasks",
        "interpretation",
        "Reading of the document",
        "An explanation when the record rests on a reading of the document rather than its exact words.",
    ),
    (
        "tasks",
        "status",
        "Status",
        "The task's status as judged from the latest report covering the plan: done (the report says it is done), in-progress (the report says it is under way), not-started (the report says it has not started, and the deadline has not passed), late (past its deadline at the report's as-of date, and the report does not say it is done), reported (the report states a result but no status, and the deadline has not passed), no-report (no report speaks of the task yet). Never based on today's date.",
    ),
    (
        "tasks",
        "status_report_id",
        "Report judged from",
        "Id of the report the status rests on; empty if no report covers the plan yet.",
    ),
    (
        "tasks",
        "status_reason",
        "Reason",
        "Why the task has this status.",
    ),
    (
        "tasks",
        "output",
        "Output",
        "What the task must produce, as the document prints it (a decision of the Prime Minister, for example); empty if the document does not say.",
    ),
    (
        "tasks",
        "timeframe_kind",
        "Kind of timeframe",
        "day, month, year, quarter, half-year, years (several years), yearly, from-year (from a year on), ongoing; empty if the document gives none.",
    ),
    (
        "tasks",
        "start",
        "Start",
        "The first day of the timeframe, when it is a period (a quarter, a half-year, several years, from a year on); used for sorting.",
    ),
    (
        "progress",
        "report_id",
        "Report id",
        "The report that states the result.",
    ),
    (
        "progress",
        "as_of",
        "Figures as of",
        "When the report speaks for, with the precision the document gives.",
    ),
    (
        "progress",
        "task_id",
        "Task id",
        "The task reported on (table tasks).",
    ),
    (
        "progress",
        "status",
        "Status",
        "The task's judged status (as the column `status` of the table tasks, from the latest report that speaks of the task): done (the report says it is done), in-progress (the report says it is under way), not-started (the report says it has not started, and the deadline has not passed), late (past its deadline at the report's as-of date, and the report does not say it is done), reported (the report states a result but no status, and the deadline has not passed), no-report (no report speaks of the task yet).",
    ),
    (
        "progress",
        "result",
        "Result",
        "The result the report states, word for word.",
    ),
    (
        "progress",
        "result_id",
        "Result row id",
        "The report's id, `-kq-` and the result's position in the report; unchanged while the content is.",
    ),
    (
        "progress",
        "stated_status",
        "Status the report states",
        "The status the report itself states for this result: done, in-progress, not-started; empty when the report states none.",
    ),
    (
        "progress",
        "evidence",
        "Evidence",
        "The document the report cites as evidence.",
    ),
    (
        "progress",
        "source",
        "Source",
        "The line of the report that states the result, as `document-id:line`.",
    ),
    (
        "progress",
        "interpretation",
        "Reading of the document",
        "An explanation when assigning the result to the task rests on a reading of the report rather than its exact words.",
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_column_has_an_english_title_and_description() {
        use crate::i18n::Lang;
        let site = crate::model::Site::default();
        let resources = super::all(&site, &[]).unwrap();
        let mut columns = 0;
        for r in &resources {
            for f in &r.fields {
                let (title, description) = r.field_text_in(f, Lang::En);
                assert_ne!(title, f.title, "{}.{}: no English title", r.name, f.name);
                assert_ne!(description, f.description, "{}.{}", r.name, f.name);
                columns += 1;
            }
        }
        // Nothing in the table that no column has (a column renamed, a table dropped).
        assert_eq!(columns, super::ENGLISH.len());
    }

    use super::*;
    use crate::model::{Comparator, Goal};

    fn target(goals: &[(GovLevel, &str)]) -> Target {
        Target {
            id: "kh-1-ct-8".into(),
            plan: "kh-1".into(),
            number: "8".into(),
            area: "a".into(),
            text: String::new(),
            measure: Measure::Percent,
            unit: "%".into(),
            lower_is_better: false,
            horizon: None,
            parent: None,
            children: vec![],
            lead: vec![],
            coordinating: vec![],
            source: SourceRef {
                document: "kh-1".into(),
                line: 1,
            },
            interpretation: String::new(),
            goals: goals
                .iter()
                .map(|(level, subject)| Goal {
                    level: *level,
                    subject: subject.to_string(),
                    comparator: Some(Comparator::AtLeast),
                    value: Some(Decimal::from(90)),
                    range: None,
                    year: None,
                })
                .collect(),
            values: vec![],
        }
    }

    #[test]
    fn goal_rows_take_the_level_when_it_tells_them_apart_else_a_number() {
        assert_eq!(goal_row_ids(&target(&[])), vec!["kh-1-ct-8"]);
        assert_eq!(
            goal_row_ids(&target(&[(GovLevel::All, "")])),
            vec!["kh-1-ct-8"]
        );
        assert_eq!(
            goal_row_ids(&target(&[
                (GovLevel::Province, ""),
                (GovLevel::Commune, "")
            ])),
            vec!["kh-1-ct-8-province", "kh-1-ct-8-commune"]
        );
        assert_eq!(
            goal_row_ids(&target(&[(GovLevel::All, "a"), (GovLevel::All, "b")])),
            vec!["kh-1-ct-8-1", "kh-1-ct-8-2"]
        );
    }

    #[test]
    fn a_value_compares_with_the_goal_of_its_level_and_subject() {
        let t = target(&[
            (GovLevel::All, "a"),
            (GovLevel::District, ""),
            (GovLevel::All, "b"),
        ]);
        assert_eq!(goal_index_for(&t, GovLevel::All, "b"), 2);
        assert_eq!(goal_index_for(&t, GovLevel::District, "x"), 1);
        assert_eq!(goal_index_for(&t, GovLevel::Commune, ""), 0);
    }

    #[test]
    fn every_unit_kind_is_allowed_by_the_schema() {
        let kinds: Vec<&str> = crate::model::UnitKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(kinds, UNIT_KINDS.to_vec());
    }

    #[test]
    fn decimals_are_written_plainly() {
        use std::str::FromStr;
        for (input, out) in [
            ("1400", "1400"),
            ("331.50", "331.5"),
            ("-500.0", "-500"),
            ("1.4250", "1.425"),
        ] {
            assert_eq!(decimal_cell(Decimal::from_str(input).unwrap()), out);
        }
    }
}
