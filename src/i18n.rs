//! The interface in two languages: Vietnamese (the default, at the site root) and English (the
//! `/en/` mirror). This module is the one owner of every UI string: templates read the table as
//! `t` (`{{ t.nav_home }}`), Rust reads it with [`Lang::t`] and [`Lang::fill`]. Content — plan
//! titles, item titles, narratives, source documents — is never translated: English pages mark it
//! `lang="vi"` and translate only the labels around it.
//!
//! Sentences with numbers are whole entries with named placeholders (`"{n} targets"`), so each
//! language keeps its own word order; `{s}` is the English plural ending, empty when `n` is 1.
//! Numbers and dates have an English form too: `1,400.5`, "325.2 billion VND", "31 December
//! 2025", "September 2025", "Q3 2025".

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde_json::Value;

/// The language of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// Vietnamese: the site root.
    #[default]
    Vi,
    /// English: the `/en/` mirror.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code (`<html lang>`, `hreflang`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The Open Graph locale.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::Vi => "vi_VN",
            Lang::En => "en_GB",
        }
    }

    /// The other language (for the language switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// The UI string `key` in this language. A key missing from the table is a programming
    /// error (the table test catches it); the key itself is returned so that nothing panics.
    pub fn t(self, key: &str) -> &'static str {
        match INDEX.get(key) {
            Some(&i) => match self {
                Lang::Vi => STRINGS[i].1,
                Lang::En => STRINGS[i].2,
            },
            None => {
                debug_assert!(false, "no UI string `{key}`");
                Box::leak(key.to_string().into_boxed_str())
            }
        }
    }

    /// The UI sentence `key` with its placeholders filled: `{name}` by the value named `name`;
    /// `{s}` by "s" unless the value named `n` is 1.
    pub fn fill(self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
        fill(self.t(key), &args)
    }

    /// A number as this language writes it: `1.400,5` or `1,400.5`.
    pub fn number(self, value: Decimal) -> String {
        match self {
            Lang::Vi => crate::vn_number::format(value),
            Lang::En => english_number(value),
        }
    }

    /// A number rounded to `decimals`, as this language writes it.
    pub fn number_rounded(self, value: Decimal, decimals: u32) -> String {
        self.number(value.round_dp_with_strategy(
            decimals,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        ))
    }

    /// Reads back a number this language wrote (for telling numeric table columns apart).
    pub fn parse_number(self, text: &str) -> Option<Decimal> {
        match self {
            Lang::Vi => crate::vn_number::parse(text),
            Lang::En => parse_english_number(text),
        }
    }

    /// An amount or "no data yet": never 0 for an unknown amount.
    pub fn money(self, value: Option<Decimal>) -> String {
        value
            .map(|v| self.number(v))
            .unwrap_or_else(|| self.t("unknown").to_string())
    }

    /// Million VND as a reader-friendly sum: "1,400 million VND" or "325.2 billion VND".
    pub fn million_vnd_human(self, value: Decimal) -> String {
        match self {
            Lang::Vi => crate::vn_number::format_million_vnd_human(value),
            Lang::En if value.abs() >= Decimal::from(1000) => format!(
                "{} billion VND",
                self.number_rounded(value / Decimal::from(1000), 1)
            ),
            Lang::En => format!("{} million VND", self.number(value)),
        }
    }

    /// A date with the precision the document gives: `15/11/2024` or "15 November 2024".
    pub fn date(self, d: &crate::dates::PartialDate) -> String {
        match self {
            Lang::Vi => d.vietnamese(),
            Lang::En => match (d.month, d.day) {
                (Some(m), Some(day)) => format!("{day} {} {}", month_name(m), d.year),
                (Some(m), None) => format!("{} {}", month_name(m), d.year),
                _ => d.year.to_string(),
            },
        }
    }

    /// A day `(year, month, day)`: `31/12/2025` or "31 December 2025".
    pub fn day(self, (y, m, d): (i32, u32, u32)) -> String {
        match self {
            Lang::Vi => crate::dates::vietnamese_day((y, m, d)),
            Lang::En => format!("{d} {} {y}", month_name(m)),
        }
    }

    /// A task's timeframe: "quý III/2025" or "Q3 2025".
    pub fn timeframe(self, tf: &crate::dates::Timeframe) -> String {
        use crate::dates::Timeframe;
        match self {
            Lang::Vi => tf.vietnamese(),
            Lang::En => match tf {
                Timeframe::By(d) => self.date(d),
                Timeframe::Quarter { year, quarter } => format!("Q{quarter} {year}"),
                Timeframe::Half { year, half: 1 } => format!("first half of {year}"),
                Timeframe::Half { year, .. } => format!("second half of {year}"),
                Timeframe::Years { from, to } => format!("{from}–{to}"),
                Timeframe::Yearly => "every year".into(),
                Timeframe::From(y) => format!("from {y}"),
                Timeframe::Ongoing => "ongoing".into(),
            },
        }
    }

    /// The UI strings of this language as a map for templates (`{{ t.key }}`).
    pub fn table(self) -> &'static Value {
        match self {
            Lang::Vi => &TABLE_VI,
            Lang::En => &TABLE_EN,
        }
    }
}

fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m.clamp(1, 12) - 1) as usize]
}

/// `1400.5` → `1,400.5`; trailing fractional zeros dropped, like the Vietnamese form.
pub fn english_number(value: Decimal) -> String {
    // The Vietnamese form is exact; swapping its two marks gives the English one.
    crate::vn_number::format(value)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// Reads `1,400.5`, `1400`, `-2,500`, `95%`: commas only between groups of three digits.
pub fn parse_english_number(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let t = t.strip_suffix('%').map(str::trim_end).unwrap_or(t);
    let (sign, body) = match t.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", t),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| digits(g))
        || (groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)))
        || frac.is_some_and(|f| !digits(f))
    {
        return None;
    }
    let plain = format!(
        "{sign}{}{}",
        groups.concat(),
        frac.map(|f| format!(".{f}")).unwrap_or_default()
    );
    plain.parse().ok()
}

/// Fills `{name}` placeholders; `{s}` is "s" unless `n` is "1".
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if name == "s" {
                    let one = args.iter().any(|(k, v)| *k == "n" && v == "1");
                    if !one {
                        out.push('s');
                    }
                } else if let Some((_, v)) = args.iter().find(|(k, _)| *k == name) {
                    out.push_str(v);
                } else {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Tera filter `fill`: `{{ t.n_targets | fill(n=p.targets) }}`. Autoescaping applies to the
/// result as to any other text.
pub fn fill_filter(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let template = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("fill: the value is not a string"))?;
    let args: Vec<(&str, String)> = args
        .iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (k.as_str(), text)
        })
        .collect();
    Ok(Value::String(fill(template, &args)))
}

/// The English title or description (`what`) of a dataset of the package, by its name.
pub fn dataset_text(name: &str, what: &str) -> Option<&'static str> {
    let key = format!("dataset_{}_{what}", name.replace('-', "_"));
    INDEX.get(key.as_str()).map(|&i| STRINGS[i].2)
}

static INDEX: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
    STRINGS
        .iter()
        .enumerate()
        .map(|(i, (k, _, _))| (*k, i))
        .collect()
});

fn table_of(pick: fn(&(&'static str, &'static str, &'static str)) -> &'static str) -> Value {
    Value::Object(
        STRINGS
            .iter()
            .map(|e| (e.0.to_string(), Value::String(pick(e).to_string())))
            .collect(),
    )
}

/// `{{ tr.lang_vi | safe }}` marks content as Vietnamese on English pages; Vietnamese pages
/// need no mark (their `<html lang>` says it), which keeps their weight as it was.
fn with_content_mark(mut table: Value, mark: &str) -> Value {
    table["lang_vi"] = Value::String(mark.to_string());
    table
}

static TABLE_VI: LazyLock<Value> = LazyLock::new(|| with_content_mark(table_of(|e| e.1), ""));
static TABLE_EN: LazyLock<Value> =
    LazyLock::new(|| with_content_mark(table_of(|e| e.2), " lang=\"vi\""));

/// Entries whose English is the Vietnamese on purpose: abbreviations, codes and names.
pub const SAME_IN_BOTH: &[&str] = &["csv", "json", "ofl", "dcat"];

/// Every UI string: (key, Vietnamese, English).
pub static STRINGS: &[(&str, &str, &str)] = &[
    ("unknown", "chưa có số liệu", "no data yet"),
    ("switch_label", "Tiếng Việt", "English"),
    ("feed_title", "Báo cáo tiến độ", "Progress reports"),
    (
        "skip_to_content",
        "Bỏ qua, đến nội dung chính",
        "Skip to main content",
    ),
    ("nav_label", "Mục chính", "Main"),
    ("nav_home", "Trang chủ", "Home"),
    ("nav_plans", "Kế hoạch", "Plans"),
    ("nav_targets", "Chỉ tiêu", "Targets"),
    ("nav_budget", "Kinh phí", "Budget"),
    ("nav_progress", "Tiến độ", "Progress"),
    ("nav_units", "Đơn vị", "Units"),
    ("nav_open_data", "Dữ liệu mở", "Open data"),
    (
        "footer_sources",
        "Số liệu lấy từ văn bản gốc; mỗi con số có liên kết tới dòng văn bản nguồn. Khi văn bản không ghi, trang ghi “{unknown}”, không bao giờ ghi 0.",
        "Figures come from the original documents; every number links to the line of the source document. Where a document gives no number, the page says “{unknown}”, never 0.",
    ),
    (
        "footer_licence",
        "Dữ liệu được công bố theo giấy phép",
        "Data published under the licence",
    ),
    (
        "footer_font",
        "Phông chữ Noto Sans theo giấy phép",
        "Noto Sans font under the",
    ),
    ("line_n", "dòng {n}", "line {n}"),
    ("source_line_n", "nguồn: dòng {n}", "source: line {n}"),
    (
        "figure_table_of",
        "Bảng số liệu của biểu đồ",
        "Figures of the chart",
    ),
    ("total", "Tổng", "Total"),
    (
        "pager_label",
        "Các trang của danh sách",
        "Pages of the list",
    ),
    ("pager_page", "Trang {n}/{pages}:", "Page {n} of {pages}:"),
    ("pager_prev", "Trang trước", "Previous page"),
    ("pager_next", "Trang sau", "Next page"),
    (
        "download_rows",
        "Tải dữ liệu ({n} dòng):",
        "Download the data ({n} row{s}):",
    ),
    ("download", "Tải dữ liệu:", "Download the data:"),
    ("lead", "Chủ trì", "Lead"),
    ("coordinating", "Phối hợp", "Coordinating"),
    ("period", "Giai đoạn", "Period"),
    ("legal_basis", "Căn cứ", "Legal basis"),
    ("interpretation", "Cách đọc", "How to read it"),
    ("same_item_as", "Cùng mục với", "Same item as"),
    ("item_n", "mục {n}", "item {n}"),
    ("n_million_vnd", "{n} triệu đồng", "{n} million VND"),
    ("difference_of", "chênh {n}", "difference {n}"),
    ("equal", "bằng nhau", "equal"),
    ("not_added_twice", "không cộng hai lần.", "not added twice."),
    ("see_parts", "xem các dòng con", "see the lines below"),
    ("holding_issued", "ban hành", "issued"),
    ("holding_in", "trong", "in"),
    ("n_targets", "{n} chỉ tiêu", "{n} target{s}"),
    ("n_tasks", "{n} nhiệm vụ", "{n} task{s}"),
    ("n_budget_items", "{n} mục kinh phí", "{n} budget item{s}"),
    (
        "items_add_up_to",
        "các mục cộng lại {n} triệu đồng",
        "the items add up to {n} million VND",
    ),
    (
        "n_items_no_amount",
        "{n} mục không ghi số tiền",
        "{n} item{s} without an amount",
    ),
    (
        "commitment_in_words",
        "Cam kết bằng lời",
        "Commitment in words",
    ),
    ("milestone", "Mốc hoàn thành", "Milestone"),
    ("by_year", "Đến năm {n}", "By {n}"),
    (
        "lower_is_better",
        "Số nhỏ hơn là tốt hơn",
        "Lower is better",
    ),
    (
        "report_as_of",
        "Báo cáo tính đến {date}",
        "Report as of {date}",
    ),
    ("before", "trước", "before"),
    ("now", "nay", "now"),
    (
        "funding_no_source",
        "{spending} (nguồn ngân sách không ghi)",
        "{spending} (budget source not stated)",
    ),
    (
        "funding_no_spending",
        "{source} (loại chi không ghi)",
        "{source} (type of spending not stated)",
    ),
    ("funding_none", "Không ghi nguồn", "Source not stated"),
    (
        "budget_lead",
        "Tiền dự kiến chi cho chuyển đổi số, theo từng kế hoạch, tính bằng triệu đồng. Mỗi con số dẫn về dòng văn bản gốc.",
        "Money planned for digital transformation, plan by plan, in million VND. Every figure links to the line of the original document.",
    ),
    (
        "budget_views",
        "Các cách xem kinh phí",
        "Ways to look at the budget",
    ),
    ("each_plan", "Từng kế hoạch", "Plan by plan"),
    (
        "n_plans_with_budget",
        "{n} kế hoạch có kinh phí. Mỗi kế hoạch có trang kinh phí riêng với các biểu đồ theo cơ quan và nguồn vốn.",
        "{n} plan{s} with a budget. Each plan has its own budget page with charts by agency and funding source.",
    ),
    (
        "budget_by_plan_caption",
        "Tổng các mục kinh phí của từng kế hoạch (triệu đồng)",
        "Sum of the budget items of each plan (million VND)",
    ),
    (
        "col_items_add_up_million",
        "Các mục cộng lại (triệu đồng)",
        "Sum of items (million VND)",
    ),
    ("col_items", "Số mục", "Items"),
    ("n_unknown", "{n} mục {unknown}", "{n} item{s}: {unknown}"),
    (
        "districts_notice",
        "Các huyện, thị xã, thành phố chấm dứt hoạt động từ ngày 01/7/2025, khi cả nước chuyển sang chính quyền địa phương hai cấp (tỉnh và xã). Số liệu dưới đây là kế hoạch lập cho các huyện trước ngày đó, không chia cho các xã, phường mới. Cột “Sau 01/7/2025” ghi địa bàn mỗi huyện nay thuộc những xã, phường nào (theo nghị quyết sắp xếp);",
        "Districts ceased to exist on 1 July 2025, when the country moved to two levels of local government (province and commune). The figures below are what plans set for the districts before that date; they are not divided among the new communes and wards. The column “Since 1 July 2025” says which communes and wards each district's territory now belongs to (under the reorganisation resolution);",
    ),
    (
        "find_your_commune",
        "tìm xã, phường của bạn",
        "find your commune or ward",
    ),
    (
        "see_each_unit",
        "xem trang của từng đơn vị",
        "see each unit's page",
    ),
    (
        "no_adding_across_plans",
        "Không cộng giữa các kế hoạch: kế hoạch của cơ quan cấp dưới có thể lặp lại nhiệm vụ đã có trong kế hoạch cấp trên.",
        "Not added across plans: a lower body's plan may repeat tasks already in a higher body's plan.",
    ),
    (
        "bars_summary",
        "Biểu đồ thanh ngang, {n} mục. Lớn nhất: {largest} ({largest_value}); nhỏ nhất: {smallest} ({smallest_value}). Số liệu đầy đủ ở bảng bên dưới.",
        "Horizontal bar chart, {n} items. Largest: {largest} ({largest_value}); smallest: {smallest} ({smallest_value}). All figures are in the table below.",
    ),
    (
        "bars_summary_one",
        "Biểu đồ thanh ngang: {label} ({value}).",
        "Horizontal bar chart: {label} ({value}).",
    ),
    (
        "bars_summary_none",
        "Chưa có số liệu để vẽ biểu đồ.",
        "There are no figures to draw yet.",
    ),
    ("reported_result", "Kết quả báo cáo", "Reported result"),
    (
        "no_diamond",
        "Không có hình thoi: chưa có số liệu kết quả",
        "No diamond: no result yet",
    ),
    (
        "target_chart_summary",
        "{with}/{n} chỉ tiêu có kết quả được báo cáo; {baseline} có số liệu ban đầu. Thang đo: {scale}. Vạch đứng là mục tiêu{range}, vòng tròn là số liệu ban đầu, hình thoi là kết quả; chỉ tiêu chưa có kết quả ghi “{unknown}”. Chi tiết ở bảng bên dưới.",
        "{with} of {n} targets have a reported result; {baseline} have a baseline. Scale: {scale}. The upright tick is the goal{range}, the circle the baseline, the diamond the result; a target without a result reads “{unknown}”. Details are in the table below.",
    ),
    (
        "range_is_two_ticks",
        " (khoảng mục tiêu là hai vạch nối nhau)",
        " (a goal range is two joined ticks)",
    ),
    ("axis_years", "Năm ({from}–{to})", "Year ({from}–{to})"),
    ("axis_months_year", "Tháng (năm {year})", "Month ({year})"),
    (
        "axis_months_years",
        "Tháng (năm {from}–{to})",
        "Month ({from}–{to})",
    ),
    (
        "timeline_summary",
        "Dòng thời gian {n} nhiệm vụ theo thời hạn{as_of}; mỗi nhiệm vụ ghi rõ tình trạng bằng chữ. Chi tiết ở bảng bên dưới.",
        "Timeline of {n} task{s} by deadline{as_of}; each task's status is written in words. Details are in the table below.",
    ),
    (
        "timeline_as_of_line",
        ", vạch đứt là ngày số liệu của báo cáo ({label})",
        ", the dashed line is the report's as-of date ({label})",
    ),
    ("dataset_units_title", "Đơn vị", "Units"),
    (
        "dataset_units_description",
        "Danh mục đơn vị: tỉnh, huyện, xã, phường, sở, ngành, phòng ban và các cách gọi chung mà văn bản dùng. Các bảng khác tham chiếu đơn vị bằng `unit_id`. Các đơn vị hành chính cấp huyện chấm dứt hoạt động từ 01/7/2025 được giữ lại với `valid_to` và đơn vị kế thừa khi nguồn có ghi.",
        "The list of units: provinces, districts, communes, wards, departments, sectors, offices and the collective names documents use. Other tables refer to units by `unit_id`. District-level administrative units that ceased to exist on 1 July 2025 are kept, with `valid_to` and their successor units where the sources give them.",
    ),
    ("dataset_plans_title", "Kế hoạch", "Plans"),
    (
        "dataset_plans_description",
        "Các kế hoạch trong bộ dữ liệu: số hiệu, cơ quan ban hành, cấp, ngày ban hành, quan hệ triển khai và thay thế giữa các kế hoạch.",
        "The plans in the data set: number, issuing body, level, date of issue, and which plans implement or replace which.",
    ),
    ("dataset_targets_title", "Chỉ tiêu", "Targets"),
    (
        "dataset_targets_description",
        "Các chỉ tiêu của các kế hoạch, mỗi dòng là một mức chỉ tiêu: một chỉ tiêu đặt giá trị riêng cho cấp tỉnh, cấp huyện, cấp xã (hoặc cho nhiều đối tượng) được tách thành nhiều dòng, mã dòng là mã chỉ tiêu thêm hậu tố; `parent_target_id` là mã chỉ tiêu dùng trên trang web. Giá trị trống nghĩa là văn bản không nêu số (chỉ tiêu mốc), không phải 0.",
        "The targets of the plans, one row per target level: a target that sets its own value for the province, district and commune levels (or for several subjects) is split into several rows, each row's id being the target's id with a suffix; `parent_target_id` is the target id the website uses. An empty value means the document states no number (a milestone target), not 0.",
    ),
    (
        "dataset_target_values_title",
        "Hiện trạng và kết quả thực hiện chỉ tiêu",
        "Baselines and results of targets",
    ),
    (
        "dataset_target_values_description",
        "Các số liệu hiện trạng (baseline, nêu trong kế hoạch) và kết quả thực hiện (actual, nêu trong báo cáo) của các chỉ tiêu, mỗi số liệu dẫn về dòng văn bản nêu nó. `target_id` trỏ tới dòng chỉ tiêu (bảng targets) có cùng cấp và đối tượng; nếu chỉ tiêu không có mức nào như vậy thì trỏ tới mức đầu tiên. Giá trị trống nghĩa là văn bản không nêu số, không phải 0.",
        "The baseline figures (stated in plans) and results (stated in reports) of the targets, each linked to the line of the document that states it. `target_id` points to the row of the targets table with the same level and subject; if the target has no such level, to its first level. An empty value means the document states no number, not 0.",
    ),
    ("dataset_budget_lines_title", "Kinh phí", "Budget"),
    (
        "dataset_budget_lines_description",
        "Từng dòng kinh phí của các kế hoạch (mục và phần của mục), triệu đồng. Cộng cột `amount_million_vnd` theo kế hoạch, theo huyện (`district_id`) hoặc theo đơn vị chủ trì (`agency_id`) cho đúng tổng các mục của văn bản: mục được chia thành phần để trống số tiền, tiền nằm ở các phần. Ô số tiền trống là văn bản không ghi số (chưa có số liệu), không phải 0. Tổng văn bản tự ghi và chênh lệch nằm ở bảng budget-totals.",
        "Each budget line of the plans (items and parts of items), in million VND. Add up `amount_million_vnd` by plan, by district (`district_id`) or by lead unit (`agency_id`) for the sums of the document's items: an item split into parts leaves its amount empty and the money is in its parts. An empty amount means the document states no number (no data yet), not 0. The totals the document states itself, and the differences, are in the budget-totals table.",
    ),
    (
        "dataset_budget_totals_title",
        "Tổng kinh phí văn bản ghi và tổng các mục",
        "Stated budget totals and sums of items",
    ),
    (
        "dataset_budget_totals_description",
        "Mọi tổng kinh phí mà văn bản tự ghi (theo kế hoạch, nhóm, đơn vị, nguồn), đặt cạnh tổng các mục cộng lại và chênh lệch (tổng các mục − tổng văn bản ghi). Chênh lệch khác 0 là sai khác có trong văn bản gốc; cả hai con số đều được công bố, không sửa cho khớp.",
        "Every budget total the documents state themselves (by plan, group, unit or source), next to the sum of the items and the difference (sum of items − stated total). A difference other than 0 is a discrepancy in the original document; both figures are published and neither is corrected to match.",
    ),
    ("dataset_tasks_title", "Nhiệm vụ", "Tasks"),
    (
        "dataset_tasks_description",
        "Các nhiệm vụ của các kế hoạch: nội dung, đơn vị chủ trì, phối hợp, thời hạn, và trạng thái đánh giá theo báo cáo tiến độ mới nhất (kể cả nhiệm vụ chưa được báo cáo nào nói tới: no-report, hoặc late nếu đã quá hạn).",
        "The tasks of the plans: content, lead and coordinating units, deadline, and the status judged from the latest progress report (including tasks no report mentions: no-report, or late if overdue).",
    ),
    (
        "dataset_progress_title",
        "Tiến độ thực hiện nhiệm vụ",
        "Task progress",
    ),
    (
        "dataset_progress_description",
        "Kết quả thực hiện nhiệm vụ mà các báo cáo tiến độ nêu: mỗi dòng là một đoạn kết quả báo cáo gán cho một nhiệm vụ, kèm trạng thái đánh giá của nhiệm vụ. Nhiệm vụ không được báo cáo nào nói tới không có dòng ở đây (không có kết quả nào để công bố); trạng thái của chúng (no-report hoặc late) nằm ở cột `status` của bảng tasks.",
        "The results the progress reports state: each row is a passage of a report assigned to a task, with the task's judged status. Tasks no report mentions have no row here (there is no result to publish); their status (no-report or late) is in the `status` column of the tasks table.",
    ),
    ("share_below_tenth", "dưới 0,1 %", "under 0.1 %"),
    ("share_of_total", "Tỷ lệ trong tổng", "Share of total"),
    ("appendix_ii", "Phụ lục II", "Appendix II"),
    ("targets_appendix", "Phụ lục chỉ tiêu", "targets appendix"),
    (
        "axis_budget_million",
        "Kinh phí (triệu đồng)",
        "Budget (million VND)",
    ),
    ("unit_million_suffix", " triệu đồng", " million VND"),
    (
        "axis_budget_billion",
        "Kinh phí (tỷ đồng, làm tròn; số chính xác ở bảng dưới)",
        "Budget (billion VND, rounded; exact figures in the table below)",
    ),
    ("unit_billion_suffix", " tỷ đồng", " billion VND"),
    (
        "chart_by_district",
        "Kinh phí theo huyện, thị xã, thành phố — {plan}",
        "Budget by district — {plan}",
    ),
    ("col_district", "Huyện, thị xã, thành phố", "District"),
    ("col_note", "Ghi chú", "Note"),
    ("col_since_july_2025", "Sau 01/7/2025", "Since 1 July 2025"),
    (
        "units_ended_on",
        "Các đơn vị này chấm dứt hoạt động từ {dates}",
        "These units ceased to exist on {dates}",
    ),
    (
        "units_unattested",
        "; văn bản nguồn không ghi địa bàn của {n} đơn vị nay thuộc xã, phường nào",
        "; the sources do not say which communes or wards the territory of {n} of them now belongs to",
    ),
    (
        "chart_by_province",
        "Kinh phí theo tỉnh, thành phố — {plan}",
        "Budget by province — {plan}",
    ),
    (
        "chart_by_commune",
        "Kinh phí theo xã, phường, đặc khu — {plan}",
        "Budget by commune, ward and special zone — {plan}",
    ),
    ("col_province", "Tỉnh, thành phố", "Province"),
    (
        "col_commune",
        "Xã, phường, đặc khu",
        "Commune, ward, special zone",
    ),
    (
        "chart_by_agency",
        "Kinh phí theo cơ quan chủ trì — {plan}",
        "Budget by lead agency — {plan}",
    ),
    ("col_lead_agency", "Cơ quan chủ trì", "Lead agency"),
    (
        "no_funding_stated",
        "Không ghi nguồn vốn",
        "Funding not stated",
    ),
    (
        "chart_by_source",
        "Kinh phí theo nguồn vốn — {plan}",
        "Budget by funding source — {plan}",
    ),
    (
        "chart_by_group",
        "Kinh phí theo nhóm cơ quan — {plan}",
        "Budget by group of bodies — {plan}",
    ),
    ("col_group", "Nhóm", "Group"),
    (
        "chart_by_plan_largest",
        "Kinh phí theo kế hoạch: {n} kế hoạch có tổng các mục lớn nhất trong {all} kế hoạch",
        "Budget by plan: the {n} plans with the largest sums of items, of {all} plans",
    ),
    (
        "chart_by_plan",
        "Kinh phí theo kế hoạch (tổng các mục của từng kế hoạch)",
        "Budget by plan (sum of each plan's items)",
    ),
    (
        "plans_figure_source",
        "Nguồn: văn bản gốc của từng kế hoạch. Không cộng giữa các kế hoạch: kế hoạch của cơ quan cấp dưới có thể lặp lại nhiệm vụ đã có trong kế hoạch cấp trên.",
        "Source: each plan's original document. Not added across plans: a lower body's plan may repeat tasks already in a higher body's plan.",
    ),
    ("col_declared_total", "Văn bản ghi tổng", "Stated total"),
    ("target_short", "CT {n}", "T {n}"),
    ("baseline", "Ban đầu", "Baseline"),
    ("result", "Kết quả", "Result"),
    ("percentage_targets", "Chỉ tiêu tỷ lệ", "Percentage targets"),
    (
        "targets_of_measure",
        "Chỉ tiêu {measure}",
        "Targets: {measure}",
    ),
    (
        "targets_in_unit",
        "Chỉ tiêu đo bằng {unit}",
        "Targets measured in {unit}",
    ),
    (
        "target_chart_title",
        "{what}: mục tiêu, số liệu ban đầu và kết quả — {plan}",
        "{what}: goals, baselines and results — {plan}",
    ),
    ("percentage_in", "Tỷ lệ ({unit})", "Percentage ({unit})"),
    ("col_text", "Nội dung", "Text"),
    (
        "status_due",
        "{status} — hạn {date}",
        "{status} — due {date}",
    ),
    ("figures_of_date", "Số liệu {date}", "Figures of {date}"),
    (
        "timeline_source_no_report",
        "Nguồn: thời hạn theo kế hoạch; chưa có báo cáo tiến độ.",
        "Source: deadlines from the plan; no progress report yet.",
    ),
    ("short_done", "Đã xong", "Done"),
    ("short_in_progress", "Đang làm", "In progress"),
    ("short_not_started", "Chưa triển khai", "Not started"),
    ("short_late", "Quá hạn", "Overdue"),
    ("short_reported", "Có báo cáo", "Reported"),
    ("short_no_report", "Chưa báo cáo", "Not reported"),
    (
        "home_find_place",
        "Tìm xã, phường nơi bạn sống",
        "Find the commune or ward where you live",
    ),
    (
        "home_find_place_why",
        "kế hoạch, nhiệm vụ và kinh phí liên quan, cả khi bạn chỉ nhớ tên xã cũ.",
        "the plans, tasks and budget that concern it, even if you only remember the old commune's name.",
    ),
    (
        "q_how_much",
        "Dự kiến chi bao nhiêu?",
        "How much is planned?",
    ),
    (
        "home_total_of",
        "tổng các mục kinh phí của",
        "the sum of the budget items of",
    ),
    ("issued_on", "ban hành {date}", "issued {date}"),
    ("source", "Nguồn", "Source"),
    (
        "home_declared_differs",
        "Văn bản ghi tổng {declared} triệu đồng ({human}); các mục cộng lại chênh {difference} triệu đồng so với tổng văn bản ghi. Trang công bố cả hai, xem",
        "The document states a total of {declared} million VND ({human}); its items differ from that total by {difference} million VND. This site publishes both; see",
    ),
    (
        "budget_details",
        "chi tiết kinh phí",
        "the budget in detail",
    ),
    (
        "home_items_unknown",
        "{n} mục trong văn bản không ghi số tiền ({unknown}).",
        "{n} item{s} in the document with no amount ({unknown}).",
    ),
    ("q_where", "Tiền đi về đâu?", "Where does the money go?"),
    (
        "home_by_district",
        "Theo huyện, thị xã, thành phố. Các huyện đã chấm dứt hoạt động từ 01/7/2025 khi chuyển sang chính quyền địa phương hai cấp; đây là số liệu kế hoạch lập cho các huyện.",
        "By district. Districts ceased to exist on 1 July 2025, when local government moved to two levels; these are the figures the plan set for the districts.",
    ),
    ("home_by_agency", "Theo cơ quan chủ trì.", "By lead agency."),
    ("q_how_far", "Đã làm đến đâu?", "How far along is it?"),
    ("according_to", "Theo", "According to"),
    ("data_as_of", "số liệu {date}", "figures as of {date}"),
    ("n_results", "{n} kết quả", "{n} result{s}"),
    ("reporting_on", "báo cáo về", "reporting on"),
    (
        "home_progress_elsewhere",
        "Lưu ý: số tiền ở trên và tiến độ ở đây lấy từ hai văn bản khác nhau; báo cáo này không nói về {plan}.",
        "Note: the amount above and the progress here come from two different documents; this report does not speak of {plan}.",
    ),
    (
        "no_progress_report",
        "Chưa có báo cáo tiến độ nào.",
        "There is no progress report yet.",
    ),
    (
        "home_tasks_in_plans",
        "{n} nhiệm vụ trong các kế hoạch:",
        "{n} task{s} in the plans:",
    ),
    (
        "home_see_progress",
        "Xem tiến độ từng nhiệm vụ",
        "See the progress of each task",
    ),
    ("q_what_promised", "Hứa đạt những gì?", "What was promised?"),
    (
        "targets_with_results",
        "{with}/{n} chỉ tiêu có kết quả được báo cáo",
        "{with} of {n} targets have a reported result",
    ),
    (
        "targets_with_baseline",
        "{n} chỉ tiêu có số liệu ban đầu.",
        "{n} target{s} with a baseline.",
    ),
    (
        "targets_unknown_never_met",
        "Chỉ tiêu chưa có kết quả được ghi “{unknown}”, không bao giờ được coi là đã đạt.",
        "A target with no result reads “{unknown}” and is never counted as met.",
    ),
    ("home_see_targets", "Xem các chỉ tiêu", "See the targets"),
    ("plans_heading", "Các kế hoạch", "Plans"),
    ("number_n", "Số {n}", "No. {n}"),
    (
        "no_number",
        "Văn bản để trống số",
        "Document number left blank",
    ),
    (
        "budget_items_add_up_to",
        "kinh phí các mục cộng lại {amount}",
        "budget items add up to {amount}",
    ),
    (
        "see_all_n_plans",
        "Xem tất cả {n} kế hoạch",
        "See all {n} plans",
    ),
    (
        "n_plans_not_shown",
        "{n} kế hoạch khác không hiện ở đây",
        "{n} other plan{s} not shown here",
    ),
    (
        "home_no_adding_plans",
        "Không cộng kinh phí giữa các kế hoạch: kế hoạch của các cấp, các ngành có thể ghi cùng một nhiệm vụ, đôi khi với số tiền khác nhau.",
        "Budgets are not added across plans: plans of different levels and sectors may record the same task, sometimes with different amounts.",
    ),
    ("next_steps", "Đi tiếp", "Where next"),
    ("home_path_targets", "các chỉ tiêu", "the targets"),
    (
        "home_path_budget",
        "kinh phí theo huyện, cơ quan, nguồn vốn",
        "budget by district, agency, funding source",
    ),
    (
        "home_path_progress",
        "tiến độ nhiệm vụ",
        "progress of the tasks",
    ),
    (
        "home_path_units",
        "Các huyện, xã, sở ngành",
        "Districts, communes, departments",
    ),
    ("last_updated", "Cập nhật lần cuối", "Last updated"),
    (
        "update_date_unknown",
        "Ngày cập nhật: văn bản nguồn không ghi ngày",
        "Date of update: the source documents give no date",
    ),
    ("update_log", "Nhật ký cập nhật", "Update log"),
    (
        "report_error_on_page",
        "Báo sai sót trên trang này",
        "Report an error on this page",
    ),
    ("report_error", "Báo sai sót", "Report an error"),
    ("error_subject", "Sai sót", "Error"),
    ("corrected_on", "Đã sửa", "Corrected"),
    (
        "update_log_lead",
        "Những gì thay đổi ở mỗi lần cập nhật: kế hoạch mới, báo cáo tiến độ mới và số liệu được đính chính. Ngày ghi ở đây là ngày của văn bản, không phải ngày đăng lên trang.",
        "What changed with each update: new plans, new progress reports and corrected figures. The dates here are the documents' dates, not the dates they were published on this site.",
    ),
    (
        "no_corrections",
        "Chưa có số liệu nào được đính chính.",
        "No figure has been corrected yet.",
    ),
    (
        "document_without_date",
        "Văn bản không ghi ngày",
        "Document without a date",
    ),
    ("new_plan", "Kế hoạch mới", "New plan"),
    (
        "known_from_citation_in",
        "biết qua trích dẫn trong",
        "known from a citation in",
    ),
    ("document_lower", "văn bản", "document"),
    ("new_report", "Báo cáo tiến độ mới", "New progress report"),
    ("about", "về", "on"),
    (
        "first_report_nothing_to_compare",
        "báo cáo đầu tiên, chưa có báo cáo trước để so sánh",
        "the first report, with no earlier report to compare with",
    ),
    ("correction_of", "Đính chính", "Correction of"),
    (
        "and_n_more_that_day",
        "Và {n} mục khác trong ngày này: xem",
        "And {n} more that day: see",
    ),
    (
        "the_list_of_plans",
        "danh sách kế hoạch",
        "the list of plans",
    ),
    (
        "progress_reports_lower",
        "báo cáo tiến độ",
        "progress reports",
    ),
    (
        "update_log_left_out",
        "Trang này chỉ liệt kê những lần cập nhật gần nhất; {n} mục cũ hơn có trong",
        "This page lists only the latest updates; {n} older entries are in",
    ),
    (
        "nothing_to_log",
        "Nội dung chưa có kế hoạch, báo cáo hay đính chính nào.",
        "The content has no plan, report or correction yet.",
    ),
    ("chart", "Biểu đồ", "Chart"),
    (
        "chart_appears_on",
        "Biểu đồ này có trên:",
        "This chart appears on:",
    ),
    (
        "source_and_citation",
        "Nguồn và cách trích dẫn",
        "Source and how to cite it",
    ),
    ("figures_from", "Số liệu lấy từ:", "Figures from:"),
    (
        "each_row_links",
        "Mỗi dòng của bảng dẫn về mục tương ứng, và từ đó về dòng văn bản gốc.",
        "Each row of the table links to its item, and from there to the line of the original document.",
    ),
    (
        "please_cite",
        "Khi dùng biểu đồ hoặc số liệu này, xin ghi nguồn:",
        "When you use this chart or its figures, please cite:",
    ),
    (
        "embed_chart",
        "Nhúng biểu đồ vào trang web khác",
        "Embed the chart in another website",
    ),
    (
        "embed_help",
        "Chép đoạn mã dưới đây vào trang của bạn: biểu đồ hiện kèm tên, tóm tắt, nguồn và bảng số liệu, không dùng JavaScript.",
        "Copy the code below into your page: the chart shows with its title, summary, source and table of figures, without JavaScript.",
    ),
    (
        "embed_preview",
        "Xem trước trang nhúng",
        "Preview the embedded page",
    ),
    ("figures_table", "Bảng số liệu", "Table of figures"),
    ("view_on", "Xem trên", "View on"),
    ("download_image", "Tải hình:", "Download the image:"),
    (
        "link_to_chart",
        "Liên kết đến biểu đồ này",
        "Link to this chart",
    ),
    (
        "chart_own_page",
        "Trang riêng của biểu đồ (trích dẫn, nhúng)",
        "The chart's own page (citation, embedding)",
    ),
    ("nav_search", "Tìm kiếm", "Search"),
    (
        "cite_each_plan",
        "văn bản gốc của từng kế hoạch trong bảng số liệu",
        "the original document of each plan in the table",
    ),
    (
        "breakdown_page_n",
        "{title}, trang {n}",
        "{title}, page {n}",
    ),
    (
        "figures_from_each_plan",
        "Số liệu lấy từ văn bản gốc của từng kế hoạch; mỗi dòng của bảng dẫn về kế hoạch đó.",
        "The figures come from each plan's original document; each row of the table links to its plan.",
    ),
    ("retrieved_from", "truy cập từ", "retrieved from"),
    (
        "range_open",
        "{low_sign} {low} và {high_sign} {high}",
        "{low_sign} {low} and {high_sign} {high}",
    ),
    (
        "commitment_see_text",
        "Cam kết bằng lời (xem nội dung)",
        "Commitment in words (see the text)",
    ),
    (
        "open_data_lead",
        "Mọi con số trên trang web này đều tải về được ở dạng mở, để nhà báo, nhà nghiên cứu và các cổng dữ liệu mở dùng lại. Ô trống nghĩa là văn bản không ghi (chưa có số liệu), không bao giờ là 0. Số tiền tính bằng triệu đồng, dấu chấm là dấu thập phân, không có dấu phân cách hàng nghìn.",
        "Every figure on this site can be downloaded in open formats, for journalists, researchers and open-data portals to reuse. An empty cell means the document states nothing (no data yet), never 0. Amounts are in million VND, with a decimal point and no thousands separator. The data files are the same in both languages: their cells are the documents' Vietnamese text, and the column descriptions inside them are in Vietnamese; this page gives them in English.",
    ),
    ("publisher", "Cơ quan công bố", "Publisher"),
    (
        "updated_with_content",
        "Cập nhật theo nội dung",
        "Updated with the content",
    ),
    ("data_package", "Gói dữ liệu", "Data package"),
    (
        "catalog_for_portals",
        "Danh mục cho cổng dữ liệu",
        "Catalogue for data portals",
    ),
    (
        "all_in_one_workbook",
        "Tất cả trong một tệp Excel",
        "Everything in one Excel workbook",
    ),
    ("datasets", "Các bộ dữ liệu", "Datasets"),
    ("n_rows", "{n} dòng", "{n} row{s}"),
    ("download_files", "Tải về", "Download"),
    ("table_structure", "Cấu trúc bảng", "Table structure"),
    ("n_columns", "{n} cột", "{n} column{s}"),
    (
        "columns_of_table",
        "Các cột của bảng {name}",
        "Columns of the table {name}",
    ),
    ("col_column", "Cột", "Column"),
    ("col_name", "Tên", "Name"),
    ("col_type", "Kiểu", "Type"),
    ("col_required", "Bắt buộc", "Required"),
    ("col_description", "Mô tả", "Description"),
    ("yes", "có", "yes"),
    ("no", "không", "no"),
    ("values", "Giá trị", "Values"),
    ("table_name", "Tên bảng", "Table name"),
    ("primary_key", "Khóa chính", "Primary key"),
    (
        "workbook_all_tables",
        "Tệp Excel gồm mọi bảng",
        "Excel workbook with every table",
    ),
    (
        "csv_for_excel",
        "CSV cho Excel (UTF-8 có BOM)",
        "CSV for Excel (UTF-8 with BOM)",
    ),
    ("type_string", "chữ", "text"),
    ("type_number", "số thập phân", "decimal number"),
    ("type_integer", "số nguyên", "whole number"),
    ("type_boolean", "đúng/sai", "true/false"),
    ("type_date", "ngày", "date"),
    ("type_uri", "địa chỉ web", "web address"),
    (
        "package_files",
        "Mỗi bảng là một tệp CSV (UTF-8 không BOM, dấu phẩy, có dòng tiêu đề, dấu chấm thập phân, không phân cách hàng nghìn) kèm bản JSON cùng tên (data/<bảng>.json), bản CSV cho Excel (UTF-8 có BOM, data/excel/<bảng>.csv) và sổ tính data/minhbach.xlsx gồm mọi bảng. Ô trống nghĩa là chưa có số liệu, không bao giờ là 0. Các mã nhiều giá trị cách nhau bởi dấu chấm phẩy. Số tiền tính bằng triệu đồng. Mọi con số dẫn về dòng văn bản nguồn (cột source, dạng mã-văn-bản:số-dòng).",
        "Each table is a CSV file (UTF-8 without BOM, commas, a header row, a decimal point, no thousands separator) with a JSON copy of the same name (data/<table>.json), a CSV copy for Excel (UTF-8 with BOM, data/excel/<table>.csv) and the workbook data/minhbach.xlsx with every table. An empty cell means no data yet, never 0. Codes with several values are separated by semicolons. Amounts are in million VND. Every figure points to the line of its source document (column source, as document-id:line). Cells hold the documents' own Vietnamese text.",
    ),
    (
        "distribution_csv",
        "Tệp CSV chuẩn: UTF-8 không BOM, dấu phẩy, dòng tiêu đề, dấu chấm thập phân, không phân cách hàng nghìn; ô trống là chưa có số liệu. Lược đồ bảng (Table Schema) nằm trong data/datapackage.json.",
        "Standard CSV file: UTF-8 without BOM, commas, a header row, a decimal point, no thousands separator; an empty cell means no data yet. The Table Schema is in data/datapackage.json.",
    ),
    (
        "distribution_json",
        "Cùng các dòng với tệp CSV, dạng mảng JSON các đối tượng theo thứ tự cột; giá trị là chuỗi như trong CSV (số tiền giữ đúng số thập phân), ô trống là null.",
        "The same rows as the CSV file, as a JSON array of objects in column order; values are strings as in the CSV (amounts keep their exact decimals), an empty cell is null.",
    ),
    (
        "distribution_csv_excel",
        "Bản CSV để mở bằng Excel: UTF-8 có BOM; ô văn bản bắt đầu bằng =, +, -, @ được thêm dấu ' để Excel không chạy như công thức.",
        "A CSV copy to open in Excel: UTF-8 with BOM; text cells starting with =, +, - or @ get a leading ' so that Excel does not run them as formulas.",
    ),
    (
        "distribution_workbook",
        "Sổ tính Excel gồm mọi bảng của bộ dữ liệu; bảng này ở trang tính “{name}”, trang “gioi-thieu” giải thích từng cột.",
        "Excel workbook with every table of the data set; this table is on the sheet “{name}”, and the sheet “gioi-thieu” explains each column (in Vietnamese).",
    ),
    (
        "format_workbook",
        "Excel (sổ tính gồm mọi bảng)",
        "Excel (workbook with every table)",
    ),
    ("crumbs", "Vị trí", "You are here"),
    (
        "plan_sections",
        "Các phần của kế hoạch",
        "Parts of the plan",
    ),
    ("doc_number", "Số hiệu", "Number"),
    ("date_issued", "Ngày ban hành", "Date issued"),
    ("level", "Cấp", "Level"),
    ("plan_period", "Kỳ kế hoạch", "Plan period"),
    ("signed_by", "Người ký", "Signed by"),
    ("original_document", "Văn bản gốc", "Original document"),
    ("implements", "Thực hiện", "Implements"),
    ("replaces", "Thay thế", "Replaces"),
    ("implemented_by", "Được thực hiện bởi", "Implemented by"),
    ("replaced_by", "Bị thay thế bởi", "Replaced by"),
    (
        "plan_cited_only",
        "Bộ dữ liệu này không có toàn văn kế hoạch này; kế hoạch chỉ được biết qua trích dẫn",
        "This data set does not hold the full text of this plan; it is known only from a citation",
    ),
    ("at", "tại", "in"),
    ("items_add_up", "Các mục cộng lại", "Sum of the items"),
    ("n_items", "{n} mục", "{n} item{s}"),
    (
        "of_which_n_unknown",
        "trong đó {n} mục {unknown}",
        "of which {n}: {unknown}",
    ),
    (
        "declared_vs_computed",
        "“Văn bản ghi” là con số văn bản tự in ra; “các mục cộng lại” là tổng các mục của văn bản, do trang này cộng.",
        "“Stated” is the figure the document prints itself; “the items add up to” is the sum of the document's items, added up by this site.",
    ),
    ("document_states", "Văn bản ghi", "The document states"),
    (
        "items_differ_by",
        "các mục cộng lại chênh {n} triệu đồng so với tổng văn bản ghi",
        "the items differ from the stated total by {n} million VND",
    ),
    (
        "n_totals_differ",
        "Văn bản có {n} dòng tổng không khớp với tổng các mục. Trang công bố cả hai con số và chênh lệch; số liệu gốc không bị sửa.",
        "The document has {n} total{s} that do not match the sum of the items. This site publishes both figures and the difference; the original figures are not changed.",
    ),
    ("see_each_item", "Xem từng mục", "See each item"),
    (
        "progress_of_n_tasks",
        "Tiến độ {n} nhiệm vụ",
        "Progress of {n} task{s}",
    ),
    ("progress_details", "Tiến độ chi tiết", "Progress in detail"),
    (
        "changes_latest_report",
        "Thay đổi theo báo cáo mới nhất",
        "Changes in the latest report",
    ),
    (
        "figures_as_of",
        "số liệu tính đến {date}",
        "figures as of {date}",
    ),
    (
        "first_report_on_plan",
        "là báo cáo đầu tiên về kế hoạch này: mọi nội dung báo cáo nêu đều là mới, chưa có báo cáo trước để so sánh.",
        "is the first report on this plan: everything it states is new, with no earlier report to compare with.",
    ),
    (
        "compared_with_previous",
        "So với báo cáo trước",
        "Compared with the previous report",
    ),
    ("has_n_changes", "có {n} thay đổi", "has {n} change{s}"),
    (
        "first_n_of_which",
        ", trong đó {n} thay đổi đầu tiên là",
        ", of which the first {n} are",
    ),
    (
        "no_changes",
        "không có thay đổi về trạng thái nhiệm vụ hay kết quả chỉ tiêu.",
        "has no change in task status or target results.",
    ),
    (
        "see_all_n_changes",
        "Xem cả {n} thay đổi trên trang báo cáo",
        "See all {n} changes on the report's page",
    ),
    (
        "no_results_yet",
        "Chưa báo cáo nào nêu kết quả cho các chỉ tiêu này: biểu đồ chỉ cho thấy mục tiêu và số liệu ban đầu, không có chỉ tiêu nào được coi là đã đạt.",
        "No report states a result for these targets yet: the chart shows only the goals and baselines, and no target is counted as met.",
    ),
    (
        "plan_targets_caption",
        "Chỉ tiêu của kế hoạch, giá trị phấn đấu, số liệu đã biết và cơ quan chịu trách nhiệm",
        "The plan's targets, their goals, known figures and responsible bodies",
    ),
    ("col_no", "TT", "No."),
    ("col_target", "Chỉ tiêu", "Target"),
    ("col_goal", "Mục tiêu", "Goal"),
    ("known_figures", "Số liệu đã biết", "Known figures"),
    ("part_of_target", "Thuộc chỉ tiêu {n}", "Part of target {n}"),
    ("year_n", "năm {n}", "{n}"),
    (
        "declared_totals_caption",
        "Tổng kinh phí văn bản ghi và tổng các mục cộng lại (triệu đồng)",
        "Totals stated in the document and the sums of the items (million VND)",
    ),
    (
        "total_line_in_document",
        "Dòng tổng trong văn bản",
        "Total line in the document",
    ),
    ("col_declared", "Văn bản ghi", "Stated"),
    ("col_difference", "Chênh lệch", "Difference"),
    (
        "n_totals_differ_detail",
        "Có {n} dòng tổng trong văn bản không khớp với tổng các mục. Trang công bố cả hai con số và chênh lệch (các mục cộng lại trừ văn bản ghi); số liệu gốc không bị sửa.",
        "{n} total{s} in the document do not match the sum of the items. This site publishes both figures and the difference (sum of items minus stated); the original figures are not changed.",
    ),
    (
        "budget_groups_help",
        "Số tiền tính bằng triệu đồng. Mỗi nhóm mở ra để xem từng mục; mỗi mục dẫn về dòng văn bản ghi nó.",
        "Amounts in million VND. Open each group to see its items; each item links to the line of the document that states it.",
    ),
    (
        "declared_n_difference",
        "văn bản ghi {declared}, chênh {difference}",
        "stated {declared}, difference {difference}",
    ),
    (
        "budget_items_million",
        "các mục kinh phí (triệu đồng)",
        "budget items (million VND)",
    ),
    (
        "budget_items_million_cap",
        "Các mục kinh phí (triệu đồng)",
        "Budget items (million VND)",
    ),
    (
        "col_item_source_line",
        "Nội dung, nguồn vốn, dòng văn bản",
        "Item, funding, document line",
    ),
    (
        "tasks_caption",
        "Nhiệm vụ, cơ quan chủ trì, phối hợp và thời hạn",
        "Tasks, lead and coordinating bodies, and deadlines",
    ),
    ("col_task", "Nhiệm vụ", "Task"),
    ("col_deadline", "Thời hạn", "Deadline"),
    ("col_status", "Tình trạng", "Status"),
    ("output", "Sản phẩm", "Output"),
    (
        "not_stated",
        "văn bản không ghi",
        "not stated in the document",
    ),
    (
        "summary_intro",
        "Một trang tóm tắt để in hoặc chia sẻ: chi tiết và nguồn của mọi con số ở các trang khác của kế hoạch.",
        "A one-page summary to print or share: the details and sources of every figure are on the plan's other pages.",
    ),
    ("summary_what", "{kind} là gì?", "{kind}: what is it?"),
    ("by", "của", "by"),
    ("period_lower", "thời kỳ", "period"),
    ("summary_how_much", "Bao nhiêu tiền?", "How much money?"),
    (
        "is_the_sum_of_n_items",
        "là tổng {n} mục kinh phí",
        "is the sum of {n} budget item{s}",
    ),
    (
        "document_states_total",
        "Văn bản ghi tổng {n} triệu đồng",
        "The document states a total of {n} million VND",
    ),
    (
        "items_differ_from_it",
        "các mục cộng lại chênh {n} triệu đồng so với con số này",
        "the items differ from it by {n} million VND",
    ),
    ("summary_where", "Chi ở đâu?", "Where is it spent?"),
    (
        "summary_old_districts",
        "Theo các huyện, thị xã, thành phố của kế hoạch (các đơn vị này chấm dứt hoạt động từ 01/7/2025).",
        "By the plan's districts (these ceased to exist on 1 July 2025).",
    ),
    ("summary_who", "Ai chủ trì chi?", "Who leads the spending?"),
    (
        "summary_what_by_when",
        "Làm gì, đến khi nào?",
        "What is to be done, and by when?",
    ),
    (
        "of_which_n_ongoing",
        "trong đó {n} thường xuyên hoặc không ghi thời hạn",
        "of which {n} ongoing or without a stated deadline",
    ),
    ("due_when", "Hạn {when}", "Due {when}"),
    (
        "leads_most_tasks",
        "Chủ trì nhiều nhiệm vụ nhất",
        "Leading the most tasks",
    ),
    (
        "n_of_m_reported",
        "{with}/{n} có kết quả được báo cáo",
        "{with} of {n} with a reported result",
    ),
    ("view_online", "Xem trực tuyến", "View online"),
    (
        "plans_caption",
        "Danh sách kế hoạch và văn bản được trích dẫn",
        "Plans and the documents they cite",
    ),
    ("col_plan", "Kế hoạch", "Plan"),
    ("col_issuer", "Cơ quan ban hành", "Issued by"),
    ("col_date", "Ngày", "Date"),
    ("col_tasks", "Nhiệm vụ", "Tasks"),
    (
        "col_budget_million",
        "Kinh phí (triệu đồng)",
        "Budget (million VND)",
    ),
    ("cited_only", "chỉ được trích dẫn", "cited only"),
    (
        "reason_done",
        "Báo cáo nêu đã hoàn thành.",
        "The report states it is done.",
    ),
    (
        "reason_in_progress",
        "Báo cáo nêu đang thực hiện.",
        "The report states it is in progress.",
    ),
    (
        "reason_not_started",
        "Báo cáo nêu chưa triển khai.",
        "The report states it has not started.",
    ),
    (
        "reason_result_no_status",
        "Báo cáo có nêu kết quả thực hiện nhưng không nêu trạng thái hoàn thành.",
        "The report states results but not whether the task is done.",
    ),
    (
        "reason_not_in_report",
        "Báo cáo tính đến {date} không nêu nhiệm vụ này.",
        "The report as of {date} does not mention this task.",
    ),
    (
        "reason_no_report",
        "Chưa có báo cáo tiến độ nào cho kế hoạch này.",
        "There is no progress report for this plan yet.",
    ),
    (
        "reason_late",
        "Thời hạn {deadline} đã qua so với ngày số liệu của báo cáo ({date}), và báo cáo không nêu đã hoàn thành.",
        "The deadline {deadline} had passed by the report's as-of date ({date}), and the report does not state it is done.",
    ),
    ("reason_late_undated", "Đã quá hạn.", "Overdue."),
    (
        "progress_lead",
        "Tình trạng chỉ lấy từ báo cáo; “quá hạn” nghĩa là thời hạn in trong kế hoạch đã qua so với ngày số liệu của báo cáo mới nhất, và báo cáo không nêu đã hoàn thành. Trang không dùng ngày hôm nay để tính.",
        "Statuses come only from reports; “overdue” means the deadline printed in the plan had passed by the as-of date of the latest report, and the report does not state the task is done. This site never uses today's date.",
    ),
    ("latest_report", "Báo cáo mới nhất", "Latest report"),
    (
        "progress_by_plan",
        "Tiến độ theo kế hoạch",
        "Progress by plan",
    ),
    (
        "n_plans_with_tasks",
        "{n} kế hoạch có nhiệm vụ. Trang nhiệm vụ của từng kế hoạch ghi tình trạng và lý do của từng nhiệm vụ.",
        "{n} plan{s} with tasks. Each plan's tasks page gives each task's status and the reason for it.",
    ),
    (
        "tasks_by_status_caption",
        "Số nhiệm vụ của từng kế hoạch theo tình trạng",
        "Tasks of each plan by status",
    ),
    ("col_report_used", "Báo cáo dùng để đánh giá", "Report used"),
    ("no_report_yet", "chưa có báo cáo", "no report yet"),
    (
        "no_report_for_plan",
        "Chưa có báo cáo tiến độ cho kế hoạch này.",
        "There is no progress report for this plan yet.",
    ),
    (
        "n_undated",
        "{n} nhiệm vụ không có thời hạn cụ thể (thường xuyên hoặc văn bản không ghi) nên không có trên dòng thời gian.",
        "{n} task{s} without a specific deadline (ongoing, or not stated in the document), so not on the timeline.",
    ),
    (
        "progress_table_caption",
        "Nhiệm vụ, thời hạn, tình trạng và kết quả được báo cáo",
        "Tasks, deadlines, status and reported results",
    ),
    (
        "col_reported_results",
        "Kết quả được báo cáo",
        "Reported results",
    ),
    ("not_stated_short", "không ghi", "not stated"),
    (
        "see_n_tasks",
        "Xem {n} nhiệm vụ của kế hoạch",
        "See the plan's {n} task{s}",
    ),
    (
        "find_commune_short",
        "Tìm xã, phường",
        "Find a commune or ward",
    ),
    (
        "choose_province",
        "Chọn tỉnh, thành phố nơi bạn sống.",
        "Choose the province where you live.",
    ),
    (
        "n_commune_units",
        "{n} đơn vị cấp xã",
        "{n} commune-level unit{s}",
    ),
    (
        "since_july_2025",
        "Từ ngày 01/7/2025,",
        "Since 1 July 2025,",
    ),
    (
        "has_n_commune_units",
        "có {n} đơn vị hành chính cấp xã",
        "has {n} commune-level administrative unit{s}",
    ),
    ("n_communes", "{n} xã", "{n} commune{s}"),
    ("n_wards", "{n} phường", "{n} ward{s}"),
    ("n_zones", "{n} đặc khu", "{n} special zone{s}"),
    (
        "choose_place",
        "Chọn nơi bạn sống để xem các kế hoạch, nhiệm vụ và kinh phí liên quan.",
        "Choose where you live to see the plans, tasks and budget that concern it.",
    ),
    (
        "if_old_name",
        "Nếu bạn chỉ nhớ tên xã, phường, thị trấn cũ (trước 01/7/2025), xem",
        "If you only remember the name of the former commune, ward or township (before 1 July 2025), see",
    ),
    (
        "list_by_old_district",
        "danh sách theo huyện cũ",
        "the list by former district",
    ),
    (
        "by_current_name",
        "Theo tên xã, phường, đặc khu hiện nay",
        "By current commune, ward or special zone",
    ),
    ("initial_letter", "Chữ cái đầu", "Initial letter"),
    (
        "by_old_district",
        "Theo huyện cũ (trước 01/7/2025)",
        "By former district (before 1 July 2025)",
    ),
    (
        "old_district_help",
        "Mỗi xã, phường, thị trấn cũ và đơn vị mà nó thuộc về từ 01/7/2025, theo nghị quyết sắp xếp đơn vị hành chính. Bấm vào tên huyện để mở danh sách.",
        "Each former commune, ward and township and the unit it has belonged to since 1 July 2025, under the reorganisation resolution. Open a district to see its list.",
    ),
    (
        "n_old_communes",
        "{n} xã, phường, thị trấn",
        "{n} communes, wards and townships",
    ),
    ("figures_of", "Số liệu của", "Figures of"),
    ("not_reorganised_short", "không sắp xếp", "not reorganised"),
    ("and", "và", "and"),
    (
        "split_among_n",
        "chia cho {n} đơn vị",
        "split among {n} units",
    ),
    (
        "source_not_stated",
        "tài liệu nguồn không ghi",
        "not stated in the sources",
    ),
    (
        "reports_lead",
        "Các báo cáo kết quả thực hiện nhiệm vụ. Tình trạng nhiệm vụ trên trang này chỉ lấy từ những báo cáo này.",
        "Reports on the results of the tasks. Task statuses on this site come only from these reports.",
    ),
    (
        "feed_follow",
        "Theo dõi báo cáo mới và những thay đổi qua nguồn tin Atom",
        "Follow new reports and changes with the Atom feed",
    ),
    ("feed_add_address", "Thêm địa chỉ", "Add the address"),
    (
        "feed_to_reader",
        "vào ứng dụng đọc tin để được báo khi có báo cáo mới.",
        "to a feed reader to hear of each new report.",
    ),
    (
        "figures_as_of_cap",
        "Số liệu tính đến {date}",
        "Figures as of {date}",
    ),
    ("first_report", "báo cáo đầu tiên", "first report"),
    (
        "n_changes_since_previous",
        "{n} thay đổi so với báo cáo trước",
        "{n} change{s} since the previous report",
    ),
    ("reports_short", "Báo cáo", "Reports"),
    ("reporting_body", "Cơ quan báo cáo", "Reporting body"),
    ("figures_as_of_label", "Số liệu tính đến", "Figures as of"),
    ("reports_on", "Báo cáo về", "Reports on"),
    (
        "changes_since_previous",
        "Thay đổi so với báo cáo trước",
        "Changes since the previous report",
    ),
    (
        "this_first_report_on",
        "Đây là báo cáo đầu tiên về",
        "This is the first report on",
    ),
    (
        "everything_new",
        "mọi nội dung báo cáo nêu đều là mới, chưa có báo cáo trước để so sánh.",
        "everything it states is new, with no earlier report to compare with.",
    ),
    (
        "previous_report_on",
        "Báo cáo trước về",
        "Previous report on",
    ),
    (
        "n_changes_since_it",
        "So với báo cáo đó có {n} thay đổi.",
        "{n} change{s} since that report.",
    ),
    (
        "no_changes_since_it",
        "So với báo cáo đó, không có thay đổi về trạng thái nhiệm vụ hay kết quả chỉ tiêu.",
        "Since that report, no task status or target result has changed.",
    ),
    (
        "changes_caption",
        "Thay đổi trong {plan} so với báo cáo tính đến {date}",
        "Changes in {plan} since the report as of {date}",
    ),
    ("col_task_target", "Nhiệm vụ, chỉ tiêu", "Task or target"),
    ("col_change", "Thay đổi", "Change"),
    ("col_before", "Trước", "Before"),
    ("col_now", "Nay", "Now"),
    (
        "results_by_task",
        "Kết quả theo nhiệm vụ",
        "Results by task",
    ),
    (
        "no_status_stated",
        "báo cáo không nêu trạng thái",
        "the report states no status",
    ),
    ("about_report", "Về báo cáo này", "About this report"),
    (
        "sources_lead",
        "Toàn văn các văn bản gốc, giữ nguyên từng dòng. Mỗi con số trên trang dẫn về một dòng của các văn bản này.",
        "The full text of the original documents, line by line as published. Every figure on this site links to a line of these documents.",
    ),
    ("n_lines", "{n} dòng", "{n} line{s}"),
    ("used_for", "Dùng cho", "Used for"),
    ("lines_from_to", "Dòng {from}–{to}", "Lines {from}–{to}"),
    ("official_copy", "Bản chính thức", "Official copy"),
    (
        "no_official_url",
        "chưa có địa chỉ bản chính thức trong bộ dữ liệu",
        "the data set has no address of the official copy yet",
    ),
    (
        "official_sha256",
        "Mã kiểm tra (SHA-256) của bản chính thức",
        "Checksum (SHA-256) of the official copy",
    ),
    (
        "text_on_this_site",
        "Bản chữ trên trang này",
        "The text on this site",
    ),
    ("licence", "Giấy phép", "Licence"),
    ("line_count", "Số dòng", "Lines"),
    (
        "source_help",
        "Văn bản được giữ nguyên từng dòng như bản trích xuất; số dòng là số được trích dẫn trong các trang số liệu. Bấm vào một số dòng để có liên kết tới đúng dòng đó.",
        "The document is kept line by line as extracted; line numbers are those the figures cite. Select a line number for a link to that very line.",
    ),
    ("contents", "Mục lục", "Contents"),
    (
        "document_parts",
        "Các phần của văn bản",
        "Parts of the document",
    ),
    ("part_n", "Phần {n}", "Part {n}"),
    (
        "official_page_n",
        "Trang {n} của bản chính thức",
        "Page {n} of the official copy",
    ),
    (
        "formed_from_rest",
        "được hình thành từ ngày 01/7/2025 trên địa bàn của:",
        "was formed on 1 July 2025 from the territory of:",
    ),
    (
        "not_reorganised_rest",
        "không sắp xếp lại năm 2025; trước 01/7/2025 thuộc",
        "was not reorganised in 2025; before 1 July 2025 it belonged to",
    ),
    (
        "nothing_for_pre",
        "Các văn bản đã công bố trên trang này chưa giao kế hoạch, chỉ tiêu, nhiệm vụ hay kinh phí nào cho",
        "The documents published on this site assign no plan, target, task or budget to",
    ),
    ("territory_of", "Địa bàn", "The territory of"),
    (
        "now_belongs_to_n",
        "nay thuộc {n} đơn vị:",
        "now belongs to {n} units:",
    ),
    (
        "had_n_communes_rest",
        "có {n} xã, phường, thị trấn",
        "had {n} communes, wards and townships",
    ),
    (
        "unit_changes_pre",
        "Thay đổi so với báo cáo trước ở các nhiệm vụ, chỉ tiêu",
        "Changes since the previous report in the tasks and targets that",
    ),
    ("unit_changes_post", "chủ trì", "leads"),
    (
        "timeline_source",
        "Nguồn: thời hạn theo kế hoạch; tình trạng theo",
        "Source: deadlines from the plan; status from",
    ),
    (
        "figures_of_date_lower",
        "số liệu {date}",
        "figures of {date}",
    ),
    ("status_label", "Trạng thái", "Status"),
    (
        "paged_title",
        "{title} (trang {n}/{pages})",
        "{title} (page {n} of {pages})",
    ),
    ("progress_heading", "Tiến độ thực hiện", "Progress"),
    (
        "timeline_title",
        "Thời hạn và tình trạng nhiệm vụ — {plan}",
        "Task deadlines and status — {plan}",
    ),
    ("sources_heading", "Văn bản nguồn", "Source documents"),
    (
        "source_part_title",
        "{title} (dòng {from}–{to})",
        "{title} (lines {from}–{to})",
    ),
    ("defunct_ceased", "đã chấm dứt", "ceased"),
    ("defunct_merged", "đã sáp nhập", "merged"),
    (
        "places_heading",
        "Tìm xã, phường, đặc khu",
        "Find a commune, ward or special zone",
    ),
    (
        "unknown_document_says",
        "{unknown} (văn bản ghi: “{text}”)",
        "{unknown} (the document says: “{text}”)",
    ),
    ("task_n", "Nhiệm vụ {n}", "Task {n}"),
    ("not_met_yet", "{value} (chưa đạt)", "{value} (not yet met)"),
    (
        "meets_goal",
        "{value} — đạt mục tiêu {goal}",
        "{value} — meets the goal {goal}",
    ),
    (
        "status_deadline",
        "{status} (thời hạn: {deadline})",
        "{status} (deadline: {deadline})",
    ),
    ("change_newly_met", "Mới đạt mục tiêu", "Newly met"),
    ("change_newly_late", "Mới quá hạn", "Newly overdue"),
    ("change_status", "Chuyển trạng thái", "Status changed"),
    ("change_new_value", "Kết quả mới", "New result"),
    ("change_value", "Kết quả thay đổi", "Result changed"),
    ("section_overview", "Tổng quan", "Overview"),
    ("section_targets", "Chỉ tiêu", "Targets"),
    ("section_budget", "Kinh phí", "Budget"),
    ("section_tasks", "Nhiệm vụ", "Tasks"),
    ("section_text", "Toàn văn", "Full text"),
    ("section_summary", "Tóm tắt để in", "Printable summary"),
    // Link-preview cards (src/render/preview.rs): a figure's value, then these words.
    ("card_budget", "kinh phí", "budget"),
    (
        "card_budget_sum",
        "kinh phí, cộng các mục",
        "budget, sum of the items",
    ),
    (
        "card_budget_sum_unknown",
        "kinh phí, cộng các mục ({n} mục chưa có số liệu)",
        "budget, sum of items ({n} without data)",
    ),
    ("card_budget_items", "mục kinh phí", "budget item{s}"),
    (
        "card_declared_total",
        "tổng do văn bản ghi",
        "total the document states",
    ),
    ("card_targets", "chỉ tiêu", "target{s}"),
    ("card_tasks", "nhiệm vụ", "task{s}"),
    (
        "card_kind_budget_of",
        "Kinh phí · {plan}",
        "Budget · {plan}",
    ),
    ("card_goal_by", "mục tiêu đến năm {n}", "goal for {n}"),
    ("card_goal", "mục tiêu", "goal"),
    (
        "card_result_as_of",
        "kết quả, tính đến {date}",
        "result as of {date}",
    ),
    ("card_result_year", "kết quả năm {n}", "result for {n}"),
    ("card_result", "kết quả", "result"),
    ("card_kind_target", "Chỉ tiêu · {plan}", "Target · {plan}"),
    (
        "card_budget_led",
        "kinh phí, cộng {n} mục chủ trì",
        "budget, sum of the {n} item{s} it leads",
    ),
    ("card_targets_led", "chỉ tiêu chủ trì", "target{s} it leads"),
    ("card_kind_unit", "Đơn vị", "Unit"),
    ("card_budget_of", "kinh phí của {plan}", "budget of {plan}"),
    ("card_plans", "kế hoạch", "plan{s}"),
    (
        "card_plans_with_budget",
        "kế hoạch có kinh phí",
        "plan{s} with a budget",
    ),
    ("card_kind_budget", "Kinh phí", "Budget"),
    (
        "card_budget_title",
        "Kinh phí theo kế hoạch",
        "Budget by plan",
    ),
    (
        "card_plans_in_breakdown",
        "kế hoạch có số liệu theo cách chia này",
        "plan{s} with figures in this breakdown",
    ),
    (
        "card_footer",
        "{host} · Mỗi con số dẫn về dòng văn bản gốc",
        "{host} · Every number links to its source",
    ),
    (
        "breakdown_by_district",
        "Kinh phí theo huyện, thị xã, thành phố",
        "Budget by district",
    ),
    (
        "breakdown_by_agency",
        "Kinh phí theo cơ quan chủ trì",
        "Budget by lead agency",
    ),
    (
        "breakdown_by_source",
        "Kinh phí theo nguồn vốn",
        "Budget by funding source",
    ),
    (
        "breakdown_by_commune",
        "Kinh phí theo xã, phường, đặc khu",
        "Budget by commune, ward and special zone",
    ),
    (
        "breakdown_by_province",
        "Kinh phí theo tỉnh, thành phố",
        "Budget by province",
    ),
    (
        "breakdown_link_district",
        "Theo huyện, thị xã, thành phố",
        "By district",
    ),
    (
        "breakdown_link_agency",
        "Theo cơ quan chủ trì",
        "By lead agency",
    ),
    (
        "breakdown_link_source",
        "Theo nguồn vốn (loại chi × nguồn ngân sách)",
        "By funding source (type of spending × budget)",
    ),
    (
        "breakdown_link_commune",
        "Theo xã, phường, đặc khu",
        "By commune, ward and special zone",
    ),
    (
        "breakdown_link_province",
        "Theo tỉnh, thành phố",
        "By province",
    ),
    (
        "targets_who_country",
        "Các bộ, ngành, địa phương",
        "What ministries, sectors and localities",
    ),
    (
        "targets_who_commune",
        "Xã và các bộ phận",
        "What the commune and its offices",
    ),
    (
        "targets_who_province",
        "Tỉnh và các cơ quan",
        "What the province and its agencies",
    ),
    (
        "targets_commit",
        "cam kết đạt những gì",
        "commit to achieve",
    ),
    ("by_end_of", "đến hết năm {n}", "by the end of {n}"),
    (
        "each_own_deadline",
        "(mỗi chỉ tiêu có thời hạn riêng)",
        "(each target has its own deadline)",
    ),
    (
        "targets_lead_rest",
        "xếp theo lĩnh vực. Mỗi chỉ tiêu có trang riêng với số liệu ban đầu, kết quả (nếu văn bản có) và nguồn.",
        "by area. Each target has its own page with its baseline, results (where documents give them) and sources.",
    ),
    (
        "one_row_per_goal",
        "mỗi mục tiêu theo cấp là một dòng",
        "one row per goal and level",
    ),
    (
        "n_targets_of_m_plans",
        "{n} chỉ tiêu của {m} kế hoạch. Mỗi kế hoạch có trang chỉ tiêu riêng, mỗi chỉ tiêu có trang riêng với số liệu ban đầu, kết quả (nếu văn bản có) và nguồn.",
        "{n} targets of {m} plans. Each plan has its own targets page, and each target its own page with its baseline, results (where documents give them) and sources.",
    ),
    (
        "targets_by_area_caption",
        "Số chỉ tiêu theo lĩnh vực, và số chỉ tiêu đã có kết quả được báo cáo",
        "Targets by area, and how many have a reported result",
    ),
    ("col_area", "Lĩnh vực", "Area"),
    ("col_with_result", "Có kết quả", "With a result"),
    ("col_with_baseline", "Có số liệu ban đầu", "With a baseline"),
    (
        "targets_by_plan",
        "Chỉ tiêu theo kế hoạch",
        "Targets by plan",
    ),
    (
        "targets_per_plan_caption",
        "Số chỉ tiêu của từng kế hoạch",
        "Number of targets of each plan",
    ),
    ("target_n", "chỉ tiêu {n}", "target {n}"),
    ("target_n_cap", "Chỉ tiêu {n}", "Target {n}"),
    (
        "commitment_in_words_lower",
        "cam kết bằng lời",
        "commitment in words",
    ),
    ("milestone_lower", "mốc hoàn thành", "milestone"),
    ("by_year_lower", "đến năm {n}", "by {n}"),
    (
        "has_known_figures",
        "Có số liệu đã biết",
        "Has known figures",
    ),
    (
        "target_charts_by_plan",
        "Biểu đồ chỉ tiêu theo kế hoạch",
        "Target charts by plan",
    ),
    ("measure", "Cách đo", "Measure"),
    (
        "lower_is_better_lower",
        "số nhỏ hơn là tốt hơn",
        "lower is better",
    ),
    ("part_of_target_label", "Thuộc chỉ tiêu", "Part of target"),
    (
        "commitment_no_number",
        "Cam kết bằng lời (không có con số): xem nội dung ở trên",
        "Commitment in words (no number): see the text above",
    ),
    (
        "milestone_no_number",
        "Mốc hoàn thành (không có con số)",
        "Milestone (no number)",
    ),
    ("sub_targets", "Các chỉ tiêu thành phần", "Sub-targets"),
    (
        "values_caption",
        "Số liệu ban đầu và kết quả có trong văn bản",
        "Baselines and results stated in the documents",
    ),
    ("col_kind", "Loại", "Kind"),
    ("col_level_subject", "Cấp / đối tượng", "Level / subject"),
    ("col_value", "Giá trị", "Value"),
    ("col_when", "Thời điểm", "When"),
    ("col_document_words", "Lời văn bản", "Document's words"),
    (
        "no_values",
        "văn bản chưa nêu số liệu ban đầu hay kết quả của chỉ tiêu này.",
        "the documents state no baseline or result for this target yet.",
    ),
    ("units_heading", "Các đơn vị", "Units"),
    (
        "units_lead",
        "Các đơn vị hành chính, cơ quan và tổ chức được nêu trong văn bản. Đơn vị đánh dấu “đã chấm dứt” hoặc “đã sáp nhập” không còn tồn tại. Mã đơn vị là mã hành chính chính thức khi văn bản nguồn có ghi.",
        "The administrative units, agencies and organisations named in the documents. Units marked “ceased” or “merged” no longer exist. A unit's code is its official administrative code where the source gives one.",
    ),
    ("code_n", "mã {n}", "code {n}"),
    ("short_name", "Tên viết tắt", "Short name"),
    (
        "other_names",
        "Tên khác trong văn bản",
        "Other names in the documents",
    ),
    ("unit_code", "Mã đơn vị", "Unit code"),
    ("parent_unit", "Trực thuộc", "Part of"),
    ("valid_from", "Bắt đầu hoạt động", "In operation since"),
    ("valid_to", "Chấm dứt hoạt động từ", "Ceased on"),
    ("predecessors", "Tiếp nhận từ", "Took over from"),
    ("successors", "Đơn vị kế thừa", "Succeeded by"),
    (
        "what_documents_say",
        "Các văn bản nói gì về địa bàn này",
        "What the documents say about this area",
    ),
    ("in_district", "thuộc", "in"),
    (
        "part_rest_in",
        "một phần; phần còn lại thuộc",
        "in part; the rest belongs to",
    ),
    (
        "nothing_for_old_units",
        ", cho các đơn vị cũ hợp thành",
        ", to the former units it was formed from",
    ),
    (
        "nothing_for_old_districts",
        "hay cho các huyện cũ của địa bàn",
        "or to the former districts of its territory",
    ),
    (
        "nothing_for_old_district",
        "hay cho huyện cũ của địa bàn",
        "or to the former district of its territory",
    ),
    (
        "nothing_yet_later",
        "Trang sẽ có số liệu khi có văn bản mới nói về địa bàn này.",
        "This page will have figures when a new document speaks of this area.",
    ),
    (
        "old_units_figures",
        "Số liệu của các đơn vị cũ",
        "Figures of the former units",
    ),
    (
        "old_units_figures_note",
        "Số liệu ghi cho đơn vị cũ, trước khi sắp xếp; giữ nguyên như văn bản, không chia hay cộng lại.",
        "Figures stated for the former units, before the reorganisation; kept as the documents give them, neither divided nor added up.",
    ),
    (
        "old_district_figures",
        "Số liệu của huyện cũ",
        "Figures of the former district",
    ),
    (
        "old_district_figures_note",
        "Số liệu ghi cho cả huyện, gồm cả địa bàn nay thuộc các xã, phường khác; không chia cho từng xã.",
        "Figures stated for the whole district, including territory that now belongs to other communes and wards; not divided by commune.",
    ),
    (
        "territory_before_after",
        "Địa bàn trước và sau 01/7/2025",
        "The territory before and after 1 July 2025",
    ),
    (
        "now_in_n_communes",
        "địa bàn nay thuộc {n} đơn vị cấp xã:",
        "its territory now belongs to {n} commune-level unit{s}:",
    ),
    (
        "each_old_commune",
        "Từng xã, phường, thị trấn cũ và đơn vị nay thuộc về",
        "Each former commune, ward and township and the unit it now belongs to",
    ),
    ("now_part_of", "nay thuộc", "now part of"),
    (
        "latest_changes_reports",
        "Thay đổi mới nhất qua các báo cáo",
        "Latest changes in the reports",
    ),
    (
        "latest_n_of_m_changes",
        "{n} thay đổi mới nhất trong {m}",
        "the latest {n} of {m} changes",
    ),
    ("plans_issued", "Kế hoạch ban hành", "Plans issued"),
    (
        "unit_targets_caption",
        "Chỉ tiêu đơn vị chủ trì hoặc phối hợp",
        "Targets the unit leads or coordinates",
    ),
    ("col_role", "Vai trò", "Role"),
    (
        "n_items_repeated",
        "{n} mục trùng với mục của kế hoạch khác trên trang này nên chỉ cộng một lần",
        "{n} item{s} repeating an item of another plan on this page, so added once",
    ),
    (
        "items_many_plans",
        "Các mục có thể thuộc nhiều kế hoạch khác nhau.",
        "The items may belong to several different plans.",
    ),
    (
        "unit_lines_caption",
        "Các mục kinh phí của đơn vị (triệu đồng)",
        "The unit's budget items (million VND)",
    ),
    ("col_item", "Nội dung", "Item"),
    ("col_funding", "Nguồn vốn", "Funding"),
    (
        "unit_tasks_caption",
        "Nhiệm vụ đơn vị chủ trì hoặc phối hợp",
        "Tasks the unit leads or coordinates",
    ),
    ("child_units", "Đơn vị trực thuộc", "Units under it"),
    ("Scope.country", "cả nước", "the whole country"),
    ("Scope.province", "tỉnh", "province"),
    ("Scope.commune", "xã", "commune"),
    ("UnitKind.province", "Tỉnh", "Province"),
    (
        "UnitKind.city",
        "Thành phố (cấp huyện)",
        "City (district level)",
    ),
    ("UnitKind.town", "Thị xã", "Town"),
    ("UnitKind.district", "Huyện", "District"),
    ("UnitKind.commune", "Xã", "Commune"),
    ("UnitKind.ward", "Phường", "Ward"),
    ("UnitKind.township", "Thị trấn", "Township"),
    ("UnitKind.special-zone", "Đặc khu", "Special zone"),
    (
        "UnitKind.people-committee",
        "Ủy ban nhân dân",
        "People's Committee",
    ),
    (
        "UnitKind.government",
        "Chính phủ, Thủ tướng Chính phủ",
        "Government, Prime Minister",
    ),
    (
        "UnitKind.ministry",
        "Bộ, cơ quan ngang bộ",
        "Ministries and ministry-level agencies",
    ),
    (
        "UnitKind.department",
        "Sở, ban, ngành",
        "Departments and sectors",
    ),
    ("UnitKind.agency", "Cơ quan nhà nước", "State agencies"),
    (
        "UnitKind.office",
        "Phòng, ban, bộ phận",
        "Offices and divisions",
    ),
    ("UnitKind.party-body", "Cơ quan Đảng", "Party bodies"),
    (
        "UnitKind.association",
        "Hội, đoàn thể",
        "Associations and mass organisations",
    ),
    ("UnitKind.school", "Trường học", "Schools"),
    (
        "UnitKind.collective",
        "Nhóm cơ quan (cách gọi chung)",
        "Groups of bodies (collective names)",
    ),
    (
        "PlanStatus.published",
        "Có văn bản gốc",
        "Original document published",
    ),
    ("PlanStatus.cited", "Chỉ được trích dẫn", "Cited only"),
    ("PlanLevel.central", "Trung ương", "Central"),
    ("PlanLevel.province", "Cấp tỉnh", "Province level"),
    ("PlanLevel.department", "Cấp sở, ngành", "Department level"),
    ("PlanLevel.district", "Cấp huyện", "District level"),
    ("PlanLevel.commune", "Cấp xã", "Commune level"),
    ("PlanLevel.party", "Cơ quan Đảng", "Party body"),
    ("PlanKind.plan", "Kế hoạch", "Plan"),
    ("PlanKind.resolution", "Nghị quyết", "Resolution"),
    (
        "PlanKind.programme",
        "Chương trình hành động",
        "Action programme",
    ),
    ("PlanKind.decision", "Quyết định", "Decision"),
    ("PlanKind.directive", "Chỉ thị", "Directive"),
    ("PlanKind.letter", "Công văn", "Official letter"),
    ("Measure.percent", "Tỷ lệ (%)", "Percentage (%)"),
    ("Measure.count", "Số lượng", "Count"),
    ("Measure.money", "Số tiền", "Amount of money"),
    (
        "Measure.rate",
        "Tỷ suất, tốc độ, mật độ",
        "Rate, speed or density",
    ),
    ("Measure.rank", "Thứ hạng", "Rank"),
    ("Measure.index", "Chỉ số", "Index"),
    ("Measure.milestone", "Mốc hoàn thành", "Milestone"),
    ("Measure.text", "Cam kết bằng lời", "Commitment in words"),
    ("GovLevel.all", "Chung", "Overall"),
    ("GovLevel.province", "Cấp tỉnh", "Province level"),
    ("GovLevel.district", "Cấp huyện", "District level"),
    ("GovLevel.commune", "Cấp xã", "Commune level"),
    ("Comparator.>=", "ít nhất", "at least"),
    ("Comparator.>", "trên", "more than"),
    ("Comparator.=", "đúng", "exactly"),
    ("Comparator.<=", "tối đa", "at most"),
    ("Comparator.<", "dưới", "less than"),
    ("ValueKind.baseline", "Số liệu ban đầu", "Baseline"),
    ("ValueKind.actual", "Kết quả", "Result"),
    ("Spending.CTX", "Chi thường xuyên", "Recurrent spending"),
    ("Spending.CĐT", "Chi đầu tư", "Investment spending"),
    (
        "BudgetSource.NSTW",
        "ngân sách trung ương",
        "central budget",
    ),
    ("BudgetSource.NST", "ngân sách tỉnh", "provincial budget"),
    ("BudgetSource.NSH", "ngân sách huyện", "district budget"),
    ("BudgetSource.NSX", "ngân sách xã", "commune budget"),
    ("BudgetSource.NSĐP", "ngân sách địa phương", "local budgets"),
    ("BudgetSource.NSNN", "ngân sách nhà nước", "state budget"),
    (
        "BudgetSource.ODA",
        "vốn ODA, vốn vay ưu đãi",
        "ODA and concessional loans",
    ),
    (
        "BudgetSource.XHH",
        "nguồn xã hội hóa",
        "private (socialised) funds",
    ),
    (
        "BudgetSource.KHÁC",
        "nguồn hợp pháp khác",
        "other lawful sources",
    ),
    ("StatedStatus.done", "Đã hoàn thành", "Done"),
    ("StatedStatus.in-progress", "Đang thực hiện", "In progress"),
    ("StatedStatus.not-started", "Chưa triển khai", "Not started"),
    (
        "Status.done",
        "Đã hoàn thành (theo báo cáo)",
        "Done (as reported)",
    ),
    (
        "Status.in-progress",
        "Đang thực hiện (theo báo cáo)",
        "In progress (as reported)",
    ),
    (
        "Status.late",
        "Quá hạn, chưa báo cáo hoàn thành",
        "Overdue, not reported done",
    ),
    (
        "Status.reported",
        "Có báo cáo kết quả, không nêu trạng thái",
        "Result reported, no status stated",
    ),
    (
        "Status.not-started",
        "Chưa triển khai (theo báo cáo)",
        "Not started (as reported)",
    ),
    ("Status.no-report", "Chưa có báo cáo", "No report yet"),
    // The change log's items.
    ("target_lower", "chỉ tiêu", "target"),
    ("budget_item_lower", "mục kinh phí", "budget item"),
    ("budget_item_n", "mục kinh phí {n}", "budget item {n}"),
    ("task_lower", "nhiệm vụ", "task"),
    ("task_n_lower", "nhiệm vụ {n}", "task {n}"),
    // The Atom feed of reports.
    (
        "feed_subtitle",
        "Các báo cáo tiến độ mới nhất và những gì thay đổi so với báo cáo trước: trạng thái nhiệm vụ, nhiệm vụ mới quá hạn, kết quả chỉ tiêu mới, chỉ tiêu mới đạt. {about}",
        "The latest progress reports and what changed since the previous report: task statuses, newly overdue tasks, new target results, targets newly met. {about}",
    ),
    (
        "feed_rights",
        "Dữ liệu công bố theo giấy phép {licence}",
        "Data published under the {licence} licence",
    ),
    (
        "feed_entry_as_of",
        "Số liệu tính đến {date}. Cơ quan báo cáo: {issuer}.",
        "Figures as of {date}. Reporting body: {issuer}.",
    ),
    (
        "feed_first_report",
        "Báo cáo đầu tiên về {plan}: mọi nội dung báo cáo nêu đều là mới, chưa có báo cáo trước để so sánh.",
        "First report on {plan}: everything it states is new, with no earlier report to compare with.",
    ),
    (
        "feed_no_changes",
        "So với báo cáo trước về {plan} ({previous}, số liệu tính đến {date}): không có thay đổi về trạng thái nhiệm vụ hay kết quả chỉ tiêu.",
        "Compared with the previous report on {plan} ({previous}, figures as of {date}): no change in task statuses or target results.",
    ),
    (
        "feed_n_changes",
        "So với báo cáo trước về {plan} ({previous}, số liệu tính đến {date}): {n} thay đổi.",
        "Compared with the previous report on {plan} ({previous}, figures as of {date}): {n} change{s}.",
    ),
    (
        "feed_row",
        "{kind}: {what} — trước: {before}; nay: {now}.",
        "{kind}: {what} — before: {before}; now: {now}.",
    ),
    (
        "feed_more",
        "… và {n} thay đổi khác: xem trang báo cáo.",
        "… and {n} more change{s}: see the report's page.",
    ),
    // The search page, its script's words and the A–Z lists.
    ("search_kind_unit", "Đơn vị", "Unit"),
    ("search_kind_plan", "Kế hoạch", "Plan"),
    ("search_kind_target", "Chỉ tiêu", "Target"),
    ("search_kind_task", "Nhiệm vụ", "Task"),
    ("search_kind_budget_item", "Mục kinh phí", "Budget item"),
    ("search_item_in_plan", "{plan}, mục {n}", "{plan}, item {n}"),
    (
        "search_lead",
        "Tìm đơn vị, kế hoạch, chỉ tiêu, nhiệm vụ và mục kinh phí theo bất kỳ từ nào, gõ có dấu hay không dấu đều được",
        "Find units, plans, targets, tasks and budget items by any of their words, typed with or without Vietnamese tone marks",
    ),
    ("search_finds", "tìm được", "finds"),
    ("search_label", "Từ cần tìm", "Words to find"),
    (
        "search_hint",
        "Kết quả hiện ra khi bạn gõ; mỗi kết quả chứa mọi từ đã gõ. Dùng phím Tab để đi tới các kết quả.",
        "Results appear as you type; each contains every word typed. Use the Tab key to reach them.",
    ),
    ("search_one", "Có 1 kết quả.", "1 result."),
    ("search_many", "Có {n} kết quả.", "{n} results."),
    (
        "search_shown",
        "Đang hiện {shown} kết quả đầu.",
        "Showing the first {shown}.",
    ),
    (
        "search_none",
        "Không có kết quả nào chứa đủ các từ đã gõ.",
        "No result contains every word typed.",
    ),
    ("search_loading", "Đang tìm…", "Searching…"),
    (
        "search_failed",
        "Không đọc được chỉ mục tìm kiếm. Hãy dùng các danh mục A–Z bên dưới.",
        "The search index could not be read. Please use the A–Z lists below.",
    ),
    ("search_more", "Xem thêm kết quả", "Show more results"),
    (
        "search_needs_js",
        "Ô tìm kiếm cần JavaScript, mà trình duyệt này đang tắt JavaScript. Các danh mục A–Z dưới đây dẫn tới mọi đơn vị, kế hoạch và chỉ tiêu mà ô tìm kiếm tìm được.",
        "The search box needs JavaScript, which this browser has turned off. The A–Z lists below lead to every unit, plan and target the search box finds.",
    ),
    ("az_heading", "Danh mục từ A đến Z", "Lists from A to Z"),
    (
        "az_intro",
        "Các danh mục này không cần JavaScript. Mỗi danh mục xếp theo thứ tự chữ cái tiếng Việt",
        "These lists need no JavaScript. Each is in Vietnamese alphabetical order",
    ),
    (
        "az_intro_end",
        "mỗi mục dẫn tới trang của nó.",
        "and each entry leads to its page.",
    ),
    ("az_list_units", "Đơn vị", "Units"),
    ("az_list_plans", "Kế hoạch", "Plans"),
    ("az_list_targets", "Chỉ tiêu", "Targets"),
    ("az_title", "{list} từ A đến Z", "{list} from A to Z"),
    (
        "az_target_in_plan",
        "{plan}, chỉ tiêu {n}",
        "{plan}, target {n}",
    ),
    (
        "az_count",
        "{n} mục, xếp theo thứ tự chữ cái tiếng Việt.",
        "{n} item{s}, in Vietnamese alphabetical order.",
    ),
    ("az_other_lists", "Các danh mục khác:", "Other lists:"),
    (
        "az_with_js",
        "Có JavaScript thì dùng",
        "With JavaScript, use",
    ),
    ("az_search_box", "ô tìm kiếm", "the search box"),
    ("az_continued", "(tiếp)", "(continued)"),
    ("az_none", "Chưa có mục nào.", "No entries yet."),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<&str> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .filter(|name| *name != "s")
            .collect()
    }

    #[test]
    fn every_key_is_unique_and_has_both_languages_with_the_same_placeholders() {
        let mut keys = BTreeSet::new();
        for (key, vi, en) in STRINGS {
            assert!(keys.insert(*key), "`{key}` twice");
            assert!(!vi.trim().is_empty(), "`{key}` has no Vietnamese");
            assert!(!en.trim().is_empty(), "`{key}` has no English");
            assert_eq!(placeholders(vi), placeholders(en), "`{key}`");
            assert!(!vi.contains("{s}"), "`{key}`: {{s}} is an English plural");
        }
    }

    #[test]
    fn no_english_value_is_the_vietnamese_one_unless_it_is_a_name_or_code() {
        for (key, vi, en) in STRINGS {
            if vi == en {
                assert!(
                    SAME_IN_BOTH.contains(key),
                    "`{key}` is not translated: {en}"
                );
            }
        }
    }

    #[test]
    fn english_values_are_written_without_vietnamese_letters() {
        // English may quote a code the documents use (`CĐT`), never Vietnamese words.
        let vietnamese =
            |c: char| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c);
        for (key, _, en) in STRINGS {
            assert!(!en.chars().any(vietnamese), "`{key}`: {en}");
        }
    }

    #[test]
    fn every_vocabulary_word_has_an_english_label_and_the_table_agrees_with_its_vietnamese() {
        use crate::model::*;
        macro_rules! all {
            ($($t:ident),*) => {$(
                for x in $t::ALL {
                    let key = format!("{}.{}", stringify!($t), x.as_str());
                    let entry = STRINGS.iter().find(|e| e.0 == key);
                    let entry = entry.unwrap_or_else(|| panic!("no `{key}`"));
                    assert_eq!(entry.1, x.vietnamese(), "`{key}`");
                    assert_eq!(x.label(Lang::En), entry.2);
                    assert_ne!(x.label(Lang::En), x.vietnamese(), "`{key}`");
                }
            )*};
        }
        use crate::progress::Status;
        all!(
            Scope,
            UnitKind,
            PlanStatus,
            PlanLevel,
            PlanKind,
            Measure,
            GovLevel,
            Comparator,
            ValueKind,
            Spending,
            BudgetSource,
            StatedStatus,
            Status
        );
        for s in crate::routes::PlanSection::ALL {
            assert_ne!(s.label(Lang::En), s.label(Lang::Vi));
        }
        for b in crate::routes::Breakdown::ALL {
            assert_ne!(b.label(Lang::En), b.label(Lang::Vi));
            assert_ne!(b.link_label(Lang::En), b.link_label(Lang::Vi));
        }
    }

    #[test]
    fn english_numbers_group_thousands_with_commas_and_use_a_decimal_point() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Lang::En.number(d("1400.5")), "1,400.5");
        assert_eq!(Lang::En.number(d("325188.50")), "325,188.5");
        assert_eq!(Lang::En.number(d("-2500")), "-2,500");
        assert_eq!(Lang::En.number(d("0.05")), "0.05");
        assert_eq!(Lang::Vi.number(d("1400.5")), "1.400,5");
        for s in ["1,400.5", "325,188.5", "-2,500", "95%", "40"] {
            let v = parse_english_number(s).unwrap();
            assert_eq!(Lang::En.number(v), s.trim_end_matches('%'));
        }
        for bad in ["1.400,5", "1,40", "14,00", "1,,400", "", "x", "1.2.3"] {
            assert_eq!(parse_english_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn english_money_reads_in_million_or_billion_vnd() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            Lang::En.million_vnd_human(d("325188.5")),
            "325.2 billion VND"
        );
        assert_eq!(Lang::En.million_vnd_human(d("840")), "840 million VND");
        assert_eq!(Lang::Vi.million_vnd_human(d("840")), "840 triệu đồng");
        assert_eq!(Lang::En.money(None), "no data yet");
        assert_eq!(Lang::Vi.money(None), "chưa có số liệu");
    }

    #[test]
    fn english_dates_keep_the_precision_the_document_gives() {
        use crate::dates::{PartialDate, Timeframe};
        let p = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(Lang::En.date(&p("2024-11-15")), "15 November 2024");
        assert_eq!(Lang::En.date(&p("2025-09")), "September 2025");
        assert_eq!(Lang::En.date(&p("2025")), "2025");
        assert_eq!(Lang::Vi.date(&p("2024-11-15")), "15/11/2024");
        assert_eq!(Lang::En.day((2025, 12, 31)), "31 December 2025");
        let tf = |s: &str| Lang::En.timeframe(&Timeframe::parse(s).unwrap());
        assert_eq!(tf("2025-Q3"), "Q3 2025");
        assert_eq!(tf("2025-H1"), "first half of 2025");
        assert_eq!(tf("2025/2030"), "2025–2030");
        assert_eq!(tf("ongoing"), "ongoing");
        assert_eq!(tf("from-2026"), "from 2026");
    }

    #[test]
    fn sentences_fill_their_placeholders_in_each_language_s_own_order() {
        assert_eq!(Lang::En.fill("n_targets", &[("n", &1)]), "1 target");
        assert_eq!(Lang::En.fill("n_targets", &[("n", &14)]), "14 targets");
        assert_eq!(Lang::Vi.fill("n_targets", &[("n", &14)]), "14 chỉ tiêu");
        assert_eq!(
            Lang::En.fill("targets_with_results", &[("with", &3), ("n", &16)]),
            "3 of 16 targets have a reported result"
        );
        assert_eq!(
            fill("{a} and {b}", &[("b", "B".into()), ("a", "A".into())]),
            "A and B"
        );
        assert_eq!(fill("keeps {unknown}", &[]), "keeps {unknown}");
    }
}
