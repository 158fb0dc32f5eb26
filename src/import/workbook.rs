//! Workbooks (`.xlsx`, `.xls`, `.ods`, read with calamine) into `budget.toml` and `targets.toml`.
//!
//! Two layouts are recognised:
//!
//! - **the printed appendix**: a header row found by its Vietnamese labels (STT, Nội dung, Đơn vị
//!   chủ trì, Kinh phí (triệu đồng), Nguồn vốn…), then numbered rows: groups `I`, `II`…, bodies
//!   `1`, `2`…, items `1.1`, `1.2`…; rows without a number under an item without an amount are
//!   its parts; "Tổng cộng" rows (and the rows under them that name a funding source) are
//!   declared totals, and a group's or body's own amount is its declared total. A sheet whose
//!   header has a value column and no amount column (Chỉ tiêu, So sánh, Giá trị, Đơn vị tính) is a
//!   table of targets.
//! - **the site's own export** (`data/minhbach.xlsx`): sheets `budget-lines` and `budget-totals`,
//!   one row per budget line with its id — importing it gives back the same budget.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, Result, bail};
use calamine::{Data, Reader};
use rust_decimal::Decimal;

use super::write::{
    BodyDraft, BudgetDraft, DeclaredDraft, GoalDraft, GroupDraft, ItemDraft, TargetDraft,
    ValueDraft,
};
use super::{AmountError, Outcome, Units, amount_from_number, amount_from_text, cell_error};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::slug::{is_valid_id, slugify};

/// Options of `minhbach import WORKBOOK --plan ID`.
#[derive(Debug, Clone)]
pub struct WorkbookOptions {
    pub input: PathBuf,
    pub plan: String,
    pub content: PathBuf,
    pub force: bool,
}

/// One sheet's cells, with where they sit in the sheet (for cell names like `D57`).
pub struct Sheet {
    pub name: String,
    start: (u32, u32),
    cells: Vec<Vec<Data>>,
}

const EMPTY: Data = Data::Empty;

impl Sheet {
    fn new(name: String, range: &calamine::Range<Data>) -> Sheet {
        Sheet {
            name,
            start: range.start().unwrap_or((0, 0)),
            cells: range.rows().map(|r| r.to_vec()).collect(),
        }
    }

    fn height(&self) -> usize {
        self.cells.len()
    }

    fn get(&self, r: usize, c: usize) -> &Data {
        self.cells
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&EMPTY)
    }

    /// The cell as displayed, whitespace collapsed (line breaks inside a cell are spaces).
    fn text(&self, r: usize, c: usize) -> String {
        let t = match self.get(r, c) {
            Data::Empty => return String::new(),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Float(f) => format!("{f}"),
            Data::Int(i) => i.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) => d.to_string(),
            Data::Error(e) => format!("{e}"),
        };
        // Line breaks typed inside a cell (Alt+Enter) are spaces; other spacing is kept as is.
        t.trim().replace("\r\n", " ").replace(['\n', '\r'], " ")
    }

    fn opt_text(&self, r: usize, c: Option<usize>) -> String {
        c.map(|c| self.text(r, c)).unwrap_or_default()
    }

    /// `Phụ lục II!D57`.
    pub fn cell(&self, r: usize, c: usize) -> String {
        format!(
            "{}!{}{}",
            self.name,
            column_name(self.start.1 + c as u32),
            self.start.0 as usize + r + 1
        )
    }

    /// `Phụ lục II, dòng 57`.
    fn row_name(&self, r: usize) -> String {
        format!("{}, dòng {}", self.name, self.start.0 as usize + r + 1)
    }

    fn row_is_empty(&self, r: usize) -> bool {
        self.cells
            .get(r)
            .is_none_or(|row| row.iter().all(|c| self.text_of(c).is_empty()))
    }

    fn text_of(&self, d: &Data) -> String {
        match d {
            Data::Empty => String::new(),
            Data::String(s) => s.trim().to_string(),
            _ => "x".into(),
        }
    }
}

/// `A`, `B`, … `Z`, `AA`…
pub fn column_name(mut c: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads every sheet of a workbook.
pub fn read_sheets(path: &Path) -> Result<Vec<Sheet>> {
    let mut wb = calamine::open_workbook_auto(path)
        .with_context(|| format!("không mở được sổ tính `{}`", path.display()))?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .with_context(|| format!("không đọc được trang tính `{name}`"))?;
        out.push(Sheet::new(name, &range));
    }
    Ok(out)
}

/// The amount in a cell, or the located problem with it.
fn amount_cell(sheet: &Sheet, r: usize, c: usize, diags: &mut Diagnostics) -> Option<Decimal> {
    let parsed = match sheet.get(r, c) {
        Data::Empty => return None,
        Data::Float(f) => amount_from_number(*f).map(Some),
        Data::Int(i) => amount_from_number(*i as f64).map(Some),
        Data::String(s) => amount_from_text(s),
        _ => Err(AmountError::NotANumber),
    };
    let text = sheet.text(r, c);
    match parsed {
        Ok(v) => v,
        Err(e) => {
            let d = match e {
                AmountError::NotANumber => cell_error("not-an-amount", &sheet.cell(r, c), &text, "không phải là số tiền")
                    .hint("ghi số tiền (triệu đồng) bằng số, không kèm chữ: 1.400 hoặc 1.400,5 hoặc 331,5; để trống nếu văn bản không ghi số tiền"),
                AmountError::Negative => cell_error("negative-amount", &sheet.cell(r, c), &text, "là số âm")
                    .hint("kinh phí dự kiến không thể âm; kiểm tra lại văn bản gốc"),
                AmountError::TooPrecise => cell_error("number-out-of-range", &sheet.cell(r, c), &text, "quá lớn hoặc có quá nhiều chữ số thập phân")
                    .hint("số tiền tính bằng triệu đồng, tối đa 15 chữ số phần nguyên và 6 chữ số thập phân; nếu ô là kết quả của công thức, làm tròn như văn bản in"),
            };
            diags.push(d);
            None
        }
    }
}

// --- header -------------------------------------------------------------------------------------

#[derive(Debug, Default, Clone, Copy)]
struct Cols {
    stt: Option<usize>,
    id: Option<usize>,
    content: Option<usize>,
    lead: Option<usize>,
    coordinating: Option<usize>,
    amount: Option<usize>,
    funding: Option<usize>,
    period: Option<usize>,
    note: Option<usize>,
    comparator: Option<usize>,
    value: Option<usize>,
    unit: Option<usize>,
    area: Option<usize>,
}

fn header_cols(sheet: &Sheet, r: usize) -> Cols {
    let mut cols = Cols::default();
    let width = sheet.cells.get(r).map(|row| row.len()).unwrap_or(0);
    for c in 0..width {
        let k = slugify(&sheet.text(r, c));
        if k.is_empty() {
            continue;
        }
        let slot = if matches!(k.as_str(), "stt" | "tt" | "so-tt" | "so-thu-tu") {
            &mut cols.stt
        } else if matches!(k.as_str(), "ma" | "ma-muc" | "ma-dong" | "id") {
            &mut cols.id
        } else if k.starts_with("don-vi-tinh") || k == "dvt" {
            &mut cols.unit
        } else if k.contains("phoi-hop") {
            &mut cols.coordinating
        } else if k.contains("chu-tri")
            || k.starts_with("don-vi-thuc-hien")
            || k.starts_with("co-quan-thuc-hien")
            || k == "don-vi"
        {
            &mut cols.lead
        } else if k.starts_with("nguon") {
            &mut cols.funding
        } else if (k.starts_with("kinh-phi")
            || k.starts_with("du-toan")
            || k.starts_with("so-tien")
            || k.starts_with("tong-kinh-phi")
            || k.contains("trieu-dong"))
            && !k.contains("nguon")
        {
            &mut cols.amount
        } else if k.starts_with("noi-dung")
            || k.starts_with("ten-")
            || k.starts_with("nhiem-vu")
            || k.starts_with("danh-muc")
            || k == "chi-tieu"
        {
            &mut cols.content
        } else if k.starts_with("thoi-gian") || k.starts_with("tien-do") {
            &mut cols.period
        } else if k.starts_with("ghi-chu") {
            &mut cols.note
        } else if k.contains("so-sanh") || k.contains("dieu-kien") || k == "toan-tu" {
            &mut cols.comparator
        } else if k.starts_with("gia-tri")
            || k.starts_with("muc")
            || k.starts_with("chi-tieu-nam")
            || k.starts_with("ke-hoach")
        {
            &mut cols.value
        } else if k.starts_with("linh-vuc") {
            &mut cols.area
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(c);
        }
    }
    cols
}

/// The header row of a sheet and its columns: the first row (of the first 40) with a number
/// column (STT) and a content column.
fn find_header(sheet: &Sheet) -> Option<(usize, Cols)> {
    (0..sheet.height().min(40)).find_map(|r| {
        let c = header_cols(sheet, r);
        (c.stt.is_some() && c.content.is_some()).then_some((r, c))
    })
}

// --- entry point --------------------------------------------------------------------------------

/// Reads the workbook and writes the plan's `budget.toml` / `targets.toml` (nothing when there
/// is an error).
pub fn import_workbook(opts: &WorkbookOptions) -> Result<Outcome> {
    if !is_valid_id(&opts.plan) {
        bail!(
            "mã kế hoạch `{}` không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và gạch ngang, ví dụ `{}`",
            opts.plan,
            slugify(&opts.plan)
        );
    }
    let ext = super::extension(&opts.input);
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => {}
        "docx" | "pdf" | "doc" => bail!(
            "`{}` là văn bản, không phải sổ tính: dùng `minhbach import {} --document MÃ-VĂN-BẢN`",
            opts.input.display(),
            opts.input.display()
        ),
        _ => bail!(
            "không nhận dạng được loại tệp `{}`: lệnh import đọc sổ tính .xlsx, .xls, .ods",
            opts.input.display()
        ),
    }
    let sheets = read_sheets(&opts.input)?;
    let (raw, _) = crate::content::load::load(&opts.content);
    let unit_refs: Vec<&crate::content::raw::Unit> = raw.units.iter().map(|u| &u.value).collect();
    if unit_refs.is_empty() {
        bail!(
            "không đọc được danh sách đơn vị trong `{}/units/`: cần có để nhận ra các đơn vị chủ trì",
            opts.content.display()
        );
    }
    let units = Units::new(&unit_refs);
    let plan = raw.plans.iter().find(|p| p.id == opts.plan);
    let issuer = plan.map(|p| p.front.issuer.get_ref().clone());
    let areas: Vec<(String, String)> = raw
        .areas
        .iter()
        .map(|a| (a.value.id.get_ref().clone(), a.value.name.clone()))
        .collect();
    let place = default_place(&raw, &units, issuer.as_deref());

    let mut out = Outcome::default();
    let file_name = opts
        .input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut budget: Option<BudgetDraft> = None;
    let mut targets: Vec<TargetDraft> = Vec::new();
    let mut read_targets = false;

    let ctx = Ctx {
        units: &units,
        issuer: issuer.as_deref(),
        areas: &areas,
    };
    if let Some(sheet) = sheets.iter().find(|s| s.name == "targets") {
        let values = sheets.iter().find(|s| s.name == "target-values");
        let t = export_targets(&opts.plan, sheet, values, &mut out.diagnostics);
        if !t.is_empty() {
            targets = t;
            read_targets = true;
        }
    }
    if let Some(lines) = sheets.iter().find(|s| s.name == "budget-lines") {
        let totals = sheets.iter().find(|s| s.name == "budget-totals");
        let has_rows = |s: &Sheet| {
            let c = export_columns(s).get("plan_id").copied();
            (1..s.height()).any(|r| c.is_some_and(|c| s.text(r, c) == opts.plan))
        };
        // A plan without a budget in the export: only its targets come back.
        if has_rows(lines) || totals.is_some_and(has_rows) || !read_targets {
            budget = Some(export_budget(
                &ctx,
                &opts.plan,
                lines,
                totals,
                place.clone(),
                &mut out.diagnostics,
            ));
        }
        out.notes.push(format!(
            "đọc theo bố cục tệp dữ liệu mở của trang (trang tính budget-lines, budget-totals)"
        ));
    } else {
        let mut found_any = false;
        let mut missing = Vec::new();
        for sheet in &sheets {
            if sheet.height() == 0 || (0..sheet.height()).all(|r| sheet.row_is_empty(r)) {
                continue;
            }
            let Some((h, cols)) = find_header(sheet) else {
                missing.push(sheet);
                continue;
            };
            if cols.amount.is_some() {
                found_any = true;
                let b = budget.get_or_insert_with(|| BudgetDraft {
                    place: place.clone(),
                    ..BudgetDraft::default()
                });
                appendix_budget(&ctx, sheet, h, cols, b, &mut out.diagnostics);
            } else if cols.value.is_some() {
                found_any = true;
                read_targets = true;
                appendix_targets(&ctx, sheet, h, cols, &mut targets, &mut out.diagnostics);
            } else {
                out.diagnostics.push(
                    Diagnostic::error(
                        "missing-header",
                        format!(
                            "{}: dòng tiêu đề không có cột kinh phí hay cột giá trị chỉ tiêu",
                            sheet.row_name(h)
                        ),
                    )
                    .hint("bảng kinh phí cần cột \"Kinh phí (triệu đồng)\" (hoặc \"Dự toán\"); bảng chỉ tiêu cần cột \"Giá trị\" (và \"So sánh\", \"Đơn vị tính\")"),
                );
                found_any = true;
            }
        }
        if !found_any || (!missing.is_empty() && budget.is_none() && !read_targets) {
            for sheet in missing {
                out.diagnostics.push(
                    Diagnostic::error(
                        "missing-header",
                        format!("{}: không tìm thấy dòng tiêu đề của bảng", sheet.name),
                    )
                    .hint("bảng cần một dòng tiêu đề có các cột STT, Nội dung, Đơn vị chủ trì, Kinh phí (triệu đồng), Nguồn vốn (bảng chỉ tiêu: STT, Chỉ tiêu, So sánh, Giá trị, Đơn vị tính) trong 40 dòng đầu"),
                );
            }
            if !out.diagnostics.has_errors() {
                out.diagnostics.push(
                    Diagnostic::error(
                        "missing-header",
                        format!("`{file_name}` không có trang tính nào có dữ liệu"),
                    )
                    .hint("kiểm tra lại tệp: cần ít nhất một bảng kinh phí hoặc chỉ tiêu"),
                );
            }
        } else {
            for sheet in missing {
                out.notes.push(format!(
                    "bỏ qua trang tính `{}`: không có dòng tiêu đề STT, Nội dung",
                    sheet.name
                ));
            }
        }
    }
    if out.diagnostics.has_errors() {
        return Ok(out);
    }

    let dir = opts.content.join("plans").join(&opts.plan);
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let header = format!(
        "Nhập từ `{file_name}` bằng `minhbach import`. Đơn vị tiền: triệu đồng.\n\
         Số dòng (`line`) dẫn chiếu văn bản gốc của kế hoạch: điền bằng `minhbach cite --plan {}`, rồi `minhbach check`.",
        opts.plan
    );
    if let Some(b) = &budget {
        files.push((
            dir.join("budget.toml"),
            super::write::budget_toml(b, &header),
        ));
    }
    if read_targets {
        files.push((
            dir.join("targets.toml"),
            super::write::targets_toml(&targets, &header),
        ));
    }
    for (path, _) in &files {
        if path.exists() && !opts.force {
            out.diagnostics.push(
                Diagnostic::error("file-exists", format!("`{}` đã có", path.display()))
                    .hint("không ghi đè tệp đang có; thêm --force để thay thế (nên xem lại bằng git diff sau đó)"),
            );
        }
    }
    if out.diagnostics.has_errors() {
        return Ok(out);
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("không tạo được `{}`", dir.display()))?;
    for (path, text) in files {
        std::fs::write(&path, text)
            .with_context(|| format!("không ghi được `{}`", path.display()))?;
        out.written.push(path);
    }
    if plan.is_none() {
        out.notes.push(format!(
            "chưa có `{}`: cần tạo tệp này (thông tin kế hoạch, `document = ...`) trước khi `check`",
            dir.join("plan.md").display()
        ));
    }
    if let Some(b) = &budget {
        let n = count_lines(b);
        out.notes.push(format!(
            "kinh phí: {} nhóm, {} dòng kinh phí, {} tổng văn bản ghi",
            b.groups.len(),
            n,
            b.declared.len()
        ));
    }
    if read_targets {
        out.notes.push(format!("chỉ tiêu: {}", targets.len()));
    }
    Ok(out)
}

fn count_lines(b: &BudgetDraft) -> usize {
    fn items(v: &[ItemDraft]) -> usize {
        v.iter().map(|i| 1 + i.parts.len()).sum()
    }
    items(&b.items)
        + b.groups
            .iter()
            .map(|g| items(&g.items) + g.bodies.iter().map(|bd| items(&bd.items)).sum::<usize>())
            .sum::<usize>()
}

/// Where the money of the plan is spent by default: its issuer when it is a territory, else the
/// territory the issuer belongs to (the province of a provincial People's Committee), else the
/// site's province.
fn default_place(
    raw: &crate::content::load::RawContent,
    units: &Units,
    issuer: Option<&str>,
) -> Option<String> {
    if let Some(i) = issuer {
        if units.is_territory(i) {
            return Some(i.to_string());
        }
        let parent = raw
            .units
            .iter()
            .find(|u| u.value.id.get_ref() == i)
            .and_then(|u| u.value.parent.as_ref())
            .map(|p| p.get_ref().clone());
        if let Some(p) = parent.filter(|p| units.is_territory(p)) {
            return Some(p);
        }
    }
    raw.site
        .as_ref()
        .and_then(|s| s.value.province.as_ref())
        .map(|p| p.get_ref().clone())
}

struct Ctx<'a> {
    units: &'a Units,
    issuer: Option<&'a str>,
    areas: &'a [(String, String)],
}

// --- the printed appendix -----------------------------------------------------------------------

/// `I`, `II`, `XIV`…
fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 8 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// `1`, `1.2`, `12.3.1` (a trailing dot allowed: `1.`).
fn is_numbering(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_total_label(label: &str) -> bool {
    let k = slugify(label);
    k == "tong" || k.starts_with("tong-cong") || k.starts_with("tong-so") || k == "cong"
}

/// The column-number row under a header: `(1) (2) (3)` or `1 2 3`.
fn is_column_numbers(sheet: &Sheet, r: usize, cols: &Cols) -> bool {
    let content = sheet.opt_text(r, cols.content);
    let numeric = |t: &str| {
        let t = t.trim_matches(['(', ')']);
        !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
    };
    numeric(&content)
}

/// Where an entry was read from, written as a comment above it.
fn from(sheet: &Sheet, r: usize) -> String {
    format!("{}", sheet.row_name(r))
}

fn appendix_budget(
    ctx: &Ctx,
    sheet: &Sheet,
    header: usize,
    cols: Cols,
    b: &mut BudgetDraft,
    diags: &mut Diagnostics,
) {
    let stt_col = cols.stt.unwrap_or(0);
    let content_col = cols.content.unwrap_or(0);
    let amount_col = cols.amount.unwrap_or(0);
    // Items are numbered `1.1` under bodies `1`: a sheet without dotted numbers is a flat list.
    let dotted = (header + 1..sheet.height()).any(|r| {
        let s = sheet.text(r, stt_col);
        is_numbering(&s) && s.trim_end_matches('.').contains('.')
    });
    // Ids claimed so far (as the format derives them) and the cell that claimed each.
    let mut claimed = Claims::default();
    let mut in_totals = false;
    // The group, body and item rows go into (indices into `b`).
    let mut group: Option<usize> = None;
    let mut body: Option<usize> = None;
    let mut last_item_has_amount = true;
    let mut last_was_part = false;

    for r in header + 1..sheet.height() {
        if sheet.row_is_empty(r) || is_column_numbers(sheet, r, &cols) {
            continue;
        }
        let mut stt = sheet.text(r, stt_col);
        let mut content = sheet.text(r, content_col);
        if content.is_empty() && !stt.is_empty() && !is_roman(&stt) && !is_numbering(&stt) {
            // A title merged across the number and content columns ("I. CƠ QUAN KHỐI ĐẢNG").
            let merged = std::mem::take(&mut stt);
            match split_number(&merged) {
                Some((n, rest)) => {
                    stt = n;
                    content = rest;
                }
                None => content = merged,
            }
        }
        let stt = stt.trim_end_matches('.').to_string();
        let stt_cell = sheet.cell(r, stt_col);
        let amount = amount_cell(sheet, r, amount_col, diags);
        let lead_text = sheet.opt_text(r, cols.lead);
        let funding_text = sheet.opt_text(r, cols.funding);
        let id_text = sheet.opt_text(r, cols.id);
        let funding = match super::funding_code(&funding_text) {
            Some(f) => Some(f),
            None if funding_text.is_empty() => None,
            None => {
                let c = cols.funding.unwrap_or(0);
                diags.push(
                    cell_error("invalid-funding", &sheet.cell(r, c), &funding_text, "không đọc được là nguồn vốn")
                        .hint("ghi như văn bản: loại chi CTX (thường xuyên) hoặc CĐT (đầu tư), và nguồn NSTW, NST, NSH, NSX, NSNN…, ví dụ \"CTX, NST\""),
                );
                None
            }
        };

        // Totals: "TỔNG CỘNG" and the funding lines under it.
        if is_total_label(&content) && !is_numbering(&stt) && !is_roman(&stt) {
            in_totals = true;
            if let Some(a) = amount {
                b.declared.push(DeclaredDraft {
                    label: content.clone(),
                    funding: funding.clone(),
                    amount: a,
                    line: 0,
                    from: from(sheet, r),
                });
            }
            continue;
        }
        if in_totals && stt.is_empty() {
            if let Some(a) = amount {
                let label = content
                    .trim_start_matches(['-', '+', '*', '–', ' '])
                    .trim()
                    .to_string();
                let funding =
                    funding.or_else(|| super::funding_from_words(&label).map(|f| f.code()));
                b.declared.push(DeclaredDraft {
                    label,
                    funding,
                    amount: a,
                    line: 0,
                    from: from(sheet, r),
                });
            }
            continue;
        }
        if content.is_empty() && stt.is_empty() {
            continue;
        }
        let k = slugify(&content);
        if stt.is_empty() && amount.is_none() && (k.starts_with("trong-do") || k.is_empty()) {
            continue;
        }
        in_totals = false;

        if is_roman(&stt) {
            if let Err(first) = claimed.claim(slugify(&stt), &stt_cell) {
                diags.push(duplicate(&stt_cell, &stt, &first));
                continue;
            }
            b.groups.push(GroupDraft {
                number: stt.clone(),
                title: content,
                declared_total: amount,
                line: 0,
                from: from(sheet, r),
                ..GroupDraft::default()
            });
            group = Some(b.groups.len() - 1);
            body = None;
            last_item_has_amount = true;
            continue;
        }
        let group_local = group.map(|g| slugify(&b.groups[g].number));
        let local_of = |number: &str| match &group_local {
            Some(g) => format!("{g}-{}", slugify(number)),
            None => slugify(number),
        };

        if is_numbering(&stt) && dotted && !stt.contains('.') {
            // A body: its unit from the lead column, else from its title.
            let local = local_of(&stt);
            if let Some(first) = claimed.get(&local) {
                diags.push(duplicate(&stt_cell, &stt, first));
                continue;
            }
            let unit = if !lead_text.is_empty() {
                match ctx.units.find(&lead_text) {
                    Ok(u) => Some(u),
                    Err(hint) => {
                        diags.push(unknown_unit(
                            &sheet.cell(r, cols.lead.unwrap_or(0)),
                            &lead_text,
                            hint,
                        ));
                        None
                    }
                }
            } else {
                match ctx.units.find(&content) {
                    Ok(u) => Some(u),
                    Err(hint) => {
                        diags.push(
                            unknown_unit(&sheet.cell(r, content_col), &content, hint).hint_append(
                                "hoặc ghi tên đơn vị vào cột \"Đơn vị chủ trì\" của dòng này",
                            ),
                        );
                        None
                    }
                }
            };
            claimed.insert(local, stt_cell.clone());
            let Some(unit) = unit else { continue };
            let bd = BodyDraft {
                number: stt.clone(),
                unit,
                title: content,
                declared_total: amount,
                line: 0,
                from: from(sheet, r),
                ..BodyDraft::default()
            };
            match group {
                Some(g) => {
                    b.groups[g].bodies.push(bd);
                    body = Some(b.groups[g].bodies.len() - 1);
                }
                None => {
                    // Bodies without a group: a group of their own would change ids; refuse.
                    diags.push(
                        cell_error("missing-group", &stt_cell, &stt, "là một cơ quan (số nguyên) nhưng chưa thuộc nhóm nào (I, II…)")
                            .hint("thêm dòng nhóm (số La Mã) phía trên, hoặc đánh số các mục dạng 1.1, 1.2 dưới cơ quan"),
                    );
                    continue;
                }
            }
            last_item_has_amount = true;
            continue;
        }

        // Default lead of the rows here: the body's unit, else the plan's issuer.
        let default_lead = match (group, body) {
            (Some(g), Some(bi)) => Some(b.groups[g].bodies[bi].unit.clone()),
            _ => ctx.issuer.map(String::from),
        };
        let lead = if lead_text.is_empty() {
            None
        } else {
            match ctx.units.find(&lead_text) {
                Ok(u) if Some(&u) == default_lead.as_ref() => None,
                Ok(u) => Some(u),
                Err(hint) => {
                    diags.push(unknown_unit(
                        &sheet.cell(r, cols.lead.unwrap_or(0)),
                        &lead_text,
                        hint,
                    ));
                    None
                }
            }
        };
        let coordinating: Vec<String> = sheet
            .opt_text(r, cols.coordinating)
            .split([';', ','])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .filter_map(|t| match ctx.units.find(t) {
                Ok(u) => Some(u),
                Err(hint) => {
                    diags.push(unknown_unit(
                        &sheet.cell(r, cols.coordinating.unwrap_or(0)),
                        t,
                        hint,
                    ));
                    None
                }
            })
            .collect();
        let mut item = ItemDraft {
            title: content.clone(),
            amount,
            funding,
            period: sheet.opt_text(r, cols.period),
            lead,
            coordinating,
            note: sheet.opt_text(r, cols.note),
            line: 0,
            from: from(sheet, r),
            ..ItemDraft::default()
        };
        if !id_text.is_empty() {
            if is_valid_id(&id_text) {
                item.id = Some(id_text.clone());
            } else {
                diags.push(
                    cell_error(
                        "invalid-id",
                        &sheet.cell(r, cols.id.unwrap_or(0)),
                        &id_text,
                        "không phải mã hợp lệ",
                    )
                    .hint(format!(
                        "mã chỉ gồm chữ thường không dấu, chữ số và gạch ngang, ví dụ `{}`",
                        slugify(&id_text)
                    )),
                );
            }
        }
        let scope = match (group, body) {
            (Some(g), Some(bi)) => local_of(&b.groups[g].bodies[bi].number),
            (Some(_), None) => group_local.clone().unwrap_or_default(),
            _ => String::new(),
        };
        let items: &mut Vec<ItemDraft> = match (group, body) {
            (Some(g), Some(bi)) => &mut b.groups[g].bodies[bi].items,
            (Some(g), None) => &mut b.groups[g].items,
            _ => &mut b.items,
        };
        if is_numbering(&stt) {
            let local = item.id.clone().unwrap_or_else(|| local_of(&stt));
            if let Err(first) = claimed.claim(local, &stt_cell) {
                diags.push(duplicate(&stt_cell, &stt, &first));
                continue;
            }
            item.number = Some(stt.clone());
            last_item_has_amount = item.amount.is_some();
            last_was_part = false;
            items.push(item);
            continue;
        }
        // No number: a part of the item above when that item has no amount of its own (its
        // money is in its parts), else an item the document printed without a number.
        let parent_takes_parts = !items.is_empty() && (!last_item_has_amount || last_was_part);
        if parent_takes_parts {
            let parent = items.last_mut().expect("checked");
            let pid = item.id.clone().unwrap_or_else(|| short_slug(&content));
            let parent_local = parent
                .id
                .clone()
                .or_else(|| parent.number.as_deref().map(local_of))
                .unwrap_or_default();
            let local = format!("{parent_local}-{pid}");
            if let Err(first) = claimed.claim(local, &sheet.cell(r, content_col)) {
                diags.push(
                    cell_error(
                        "duplicate-id",
                        &sheet.cell(r, content_col),
                        &content,
                        "trùng mã với một phần khác của cùng mục",
                    )
                    .hint(format!("phần đầu ở {first}; ghi mã riêng vào cột \"Mã\"")),
                );
                continue;
            }
            item.id = Some(pid);
            item.lead = None;
            parent.parts.push(item);
            last_was_part = true;
            continue;
        }
        let id = item.id.clone().unwrap_or_else(|| {
            let s = short_slug(&content);
            if scope.is_empty() {
                s
            } else {
                format!("{scope}-{s}")
            }
        });
        if let Err(first) = claimed.claim(id.clone(), &sheet.cell(r, content_col)) {
            diags.push(
                cell_error(
                    "duplicate-id",
                    &sheet.cell(r, content_col),
                    &content,
                    "trùng mã với một mục khác",
                )
                .hint(format!("mục đầu ở {first}; ghi mã riêng vào cột \"Mã\"")),
            );
            continue;
        }
        if item.id.is_none() {
            diags.push(
                Diagnostic::warning(
                    "unnumbered-item",
                    format!("{}: mục \"{content}\" không có số thứ tự; đặt mã `{id}`", sheet.row_name(r)),
                )
                .hint("kiểm tra lại mã trong budget.toml (hoặc ghi mã vào cột \"Mã\" của sổ tính) và ghi `interpretation` nói vì sao"),
            );
        }
        item.id = Some(id);
        if item.interpretation.is_empty() {
            item.interpretation =
                "Văn bản in dòng này không có số thứ tự; mã mục do người nhập liệu đặt.".into();
        }
        last_item_has_amount = true;
        last_was_part = false;
        items.push(item);
    }
}

/// `I. Cơ quan Khối Đảng` → (`I`, `Cơ quan Khối Đảng`); `1.2) Đào tạo` → (`1.2`, `Đào tạo`).
fn split_number(text: &str) -> Option<(String, String)> {
    let (head, rest) = text.split_once(char::is_whitespace)?;
    let n = head.trim_end_matches([')', ':']).trim_end_matches('.');
    let rest = rest.trim();
    ((is_roman(n) || is_numbering(n)) && !rest.is_empty())
        .then(|| (n.to_string(), rest.to_string()))
}

/// A short id from a title: its first words (`dau-tu-ha-tang` from "Đầu tư hạ tầng trang
/// thiết bị…").
fn short_slug(title: &str) -> String {
    let s = slugify(title);
    let words: Vec<&str> = s.split('-').take(4).collect();
    let id = words.join("-");
    if id.is_empty() { "muc".into() } else { id }
}

/// The ids claimed so far (as the format derives them) and the cell that claimed each.
#[derive(Default)]
struct Claims(HashMap<String, String>);

impl Claims {
    /// Claims `id` for `cell`; the cell that claimed it first when it is taken.
    fn claim(&mut self, id: String, cell: &str) -> Result<(), String> {
        match self.0.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => Err(e.get().clone()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(cell.to_string());
                Ok(())
            }
        }
    }

    fn get(&self, id: &str) -> Option<&String> {
        self.0.get(id)
    }

    fn insert(&mut self, id: String, cell: String) {
        self.0.insert(id, cell);
    }
}

fn duplicate(cell: &str, number: &str, first: &str) -> Diagnostic {
    cell_error("duplicate-number", cell, number, "trùng số thứ tự")
        .hint(format!("số thứ tự này đã dùng ở {first}; mỗi mục trong một nhóm cần số riêng (sửa số, hoặc ghi mã riêng vào cột \"Mã\")"))
}

fn unknown_unit(cell: &str, text: &str, hint: String) -> Diagnostic {
    cell_error(
        "unknown-unit",
        cell,
        text,
        "không khớp đơn vị nào trong content/units/",
    )
    .hint(hint)
}

trait HintAppend {
    fn hint_append(self, more: &str) -> Self;
}

impl HintAppend for Diagnostic {
    fn hint_append(mut self, more: &str) -> Diagnostic {
        self.hint = Some(match self.hint.take() {
            Some(h) => format!("{h}; {more}"),
            None => more.to_string(),
        });
        self
    }
}

// --- targets ------------------------------------------------------------------------------------

fn comparator(text: &str) -> Option<&'static str> {
    let t = text.trim();
    Some(match t {
        "" => ">=",
        "≥" | ">=" => ">=",
        "≤" | "<=" => "<=",
        ">" => ">",
        "<" => "<",
        "=" => "=",
        _ => {
            let k = slugify(t);
            if k.starts_with("dat")
                || k.starts_with("toi-thieu")
                || k.starts_with("it-nhat")
                || k.contains("tro-len")
            {
                ">="
            } else if k.starts_with("tren") || k.starts_with("hon") {
                ">"
            } else if k.starts_with("toi-da")
                || k.contains("tro-xuong")
                || k.starts_with("khong-qua")
            {
                "<="
            } else if k.starts_with("duoi") {
                "<"
            } else if k.starts_with("bang") {
                "="
            } else {
                return None;
            }
        }
    })
}

fn level_of(text: &str) -> Option<String> {
    let k = slugify(text);
    [
        ("cap-tinh", "province"),
        ("cap-huyen", "district"),
        ("cap-xa", "commune"),
    ]
    .iter()
    .find(|(w, _)| k.contains(w))
    .map(|(_, l)| l.to_string())
}

fn appendix_targets(
    ctx: &Ctx,
    sheet: &Sheet,
    header: usize,
    cols: Cols,
    out: &mut Vec<TargetDraft>,
    diags: &mut Diagnostics,
) {
    let stt_col = cols.stt.unwrap_or(0);
    let content_col = cols.content.unwrap_or(0);
    let value_col = cols.value.unwrap_or(0);
    let mut area: Option<String> = None;
    let mut claimed = Claims::default();
    let find_area = |text: &str| {
        let k = slugify(text);
        ctx.areas
            .iter()
            .find(|(id, name)| slugify(name) == k || *id == k)
            .map(|(id, _)| id.clone())
    };
    for r in header + 1..sheet.height() {
        if sheet.row_is_empty(r) || is_column_numbers(sheet, r, &cols) {
            continue;
        }
        let stt = sheet.text(r, stt_col).trim_end_matches('.').to_string();
        let content = sheet.text(r, content_col);
        let value_text = sheet.text(r, value_col);
        // A value: a number cell as displayed, a text cell in Vietnamese notation (`90%`).
        let value = match sheet.get(r, value_col) {
            Data::Empty => None,
            Data::Float(f) => match amount_from_number(*f) {
                Ok(v) => Some(v),
                Err(_) => {
                    diags.push(cell_error(
                        "not-a-number",
                        &sheet.cell(r, value_col),
                        &value_text,
                        "không phải là số",
                    ));
                    continue;
                }
            },
            Data::Int(i) => Some(Decimal::from(*i)),
            _ => match crate::vn_number::parse(&value_text)
                .or_else(|| Decimal::from_str(value_text.trim_end_matches('%').trim()).ok())
            {
                Some(v) => Some(v.normalize()),
                None if value_text.trim().is_empty() => None,
                None => {
                    diags.push(
                        cell_error("not-a-number", &sheet.cell(r, value_col), &value_text, "không phải là số")
                            .hint("ghi giá trị chỉ tiêu bằng số theo cách viết Việt Nam: 90 hoặc 87,5 hoặc 1.000; để trống nếu chỉ tiêu là một mốc hoàn thành"),
                    );
                    continue;
                }
            },
        };
        let area_cell = sheet.opt_text(r, cols.area);
        if !area_cell.is_empty() {
            match find_area(&area_cell) {
                Some(a) => area = Some(a),
                None => {
                    let names: Vec<&str> = ctx.areas.iter().map(|(_, n)| n.as_str()).collect();
                    let hint = match crate::suggest::nearest(&area_cell, names) {
                        Some(n) => {
                            format!("có phải \"{n}\"? Các lĩnh vực nằm trong content/areas.toml")
                        }
                        None => "các lĩnh vực nằm trong content/areas.toml".into(),
                    };
                    diags.push(
                        cell_error(
                            "unknown-area",
                            &sheet.cell(r, cols.area.unwrap_or(0)),
                            &area_cell,
                            "không phải lĩnh vực nào",
                        )
                        .hint(hint),
                    );
                    continue;
                }
            }
        }
        if !is_numbering(&stt) {
            if value.is_none() {
                // A heading row: the area of the targets below.
                if let Some(a) = find_area(&content) {
                    area = Some(a);
                }
                continue;
            }
            // A further goal of the target above ("cấp huyện đạt 80%").
            if let Some(t) = out.last_mut() {
                let cmp = comparator(&sheet.opt_text(r, cols.comparator)).unwrap_or(">=");
                t.goals.push(GoalDraft {
                    level: level_of(&content),
                    comparator: Some(cmp.into()),
                    value,
                    ..GoalDraft::default()
                });
            }
            continue;
        }
        let cell = sheet.cell(r, stt_col);
        if let Err(first) = claimed.claim(stt.clone(), &cell) {
            diags.push(duplicate(&cell, &stt, &first));
            continue;
        }
        let Some(area_id) = area.clone() else {
            diags.push(
                cell_error("missing-area", &cell, &stt, "chưa biết thuộc lĩnh vực nào")
                    .hint("thêm cột \"Lĩnh vực\", hoặc một dòng tiêu đề mang tên lĩnh vực (như trong content/areas.toml) phía trên các chỉ tiêu"),
            );
            continue;
        };
        let unit_text = sheet.opt_text(r, cols.unit);
        let cmp_text = sheet.opt_text(r, cols.comparator);
        let Some(cmp) = comparator(&cmp_text) else {
            diags.push(
                cell_error(
                    "invalid-comparator",
                    &sheet.cell(r, cols.comparator.unwrap_or(0)),
                    &cmp_text,
                    "không đọc được là phép so sánh",
                )
                .hint("ghi ≥ (đạt, tối thiểu), >, =, ≤ (tối đa) hoặc <"),
            );
            continue;
        };
        let unit_key = slugify(&unit_text);
        let percent = unit_text.trim() == "%" || value_text.trim_end().ends_with('%');
        let measure = if value.is_none() {
            "milestone"
        } else if percent {
            "percent"
        } else if unit_key.contains("dong") {
            "money"
        } else {
            "count"
        };
        let mut coordinating = Vec::new();
        for t in sheet
            .opt_text(r, cols.coordinating)
            .split([';', ','])
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            match ctx.units.find(t) {
                Ok(u) => coordinating.push(u),
                Err(hint) => diags.push(unknown_unit(
                    &sheet.cell(r, cols.coordinating.unwrap_or(0)),
                    t,
                    hint,
                )),
            }
        }
        let lead_text = sheet.opt_text(r, cols.lead);
        let mut lead = Vec::new();
        for t in lead_text
            .split([';', ','])
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            match ctx.units.find(t) {
                Ok(u) => lead.push(u),
                Err(hint) => diags.push(unknown_unit(
                    &sheet.cell(r, cols.lead.unwrap_or(0)),
                    t,
                    hint,
                )),
            }
        }
        out.push(TargetDraft {
            number: stt,
            area: area_id,
            text: content.clone(),
            measure: measure.into(),
            unit: (!percent && !unit_text.is_empty()).then_some(unit_text),
            lead,
            coordinating,
            goals: value
                .map(|v| GoalDraft {
                    comparator: Some(cmp.into()),
                    value: Some(v),
                    ..GoalDraft::default()
                })
                .into_iter()
                .collect(),
            line: 0,
            from: from(sheet, r),
            ..TargetDraft::default()
        });
    }
}

// --- the site's export --------------------------------------------------------------------------

/// The columns of an export sheet by their names (row 1).
fn export_columns(sheet: &Sheet) -> HashMap<String, usize> {
    let width = sheet.cells.first().map(|r| r.len()).unwrap_or(0);
    (0..width).map(|c| (sheet.text(0, c), c)).collect()
}

fn line_of_source(source: &str) -> i64 {
    source
        .rsplit_once(':')
        .and_then(|(_, l)| l.trim().parse().ok())
        .unwrap_or(0)
}

struct ExportLine {
    local: String,
    parent: Option<String>,
    number: Option<String>,
    agency: String,
    title: String,
    amount: Option<Decimal>,
    funding: Option<String>,
    period: String,
    note: String,
    place: Option<String>,
    coordinating: Vec<String>,
    line: i64,
    interpretation: String,
    same_as: Option<String>,
    from: String,
}

/// Rebuilds the plan's budget from the `budget-lines` and `budget-totals` sheets of the export.
fn export_budget(
    ctx: &Ctx,
    plan: &str,
    lines: &Sheet,
    totals: Option<&Sheet>,
    place: Option<String>,
    diags: &mut Diagnostics,
) -> BudgetDraft {
    let prefix = format!("{plan}-kp-");
    let mut b = BudgetDraft {
        place,
        ..BudgetDraft::default()
    };
    // Declared totals of groups and bodies, by local id: (number, title, amount, line).
    let mut scoped: HashMap<String, (String, String, Decimal, i64)> = HashMap::new();
    if let Some(t) = totals {
        let cols = export_columns(t);
        let col = |n: &str| cols.get(n).copied();
        let (Some(plan_c), Some(scope_c), Some(decl_c)) =
            (col("plan_id"), col("scope_id"), col("declared_million_vnd"))
        else {
            diags.push(
                Diagnostic::error(
                    "missing-header",
                    "budget-totals: thiếu cột plan_id, scope_id hoặc declared_million_vnd",
                )
                .hint("trang tính này phải giữ nguyên dòng tiêu đề như khi tải về"),
            );
            return b;
        };
        let funding_scopes: Vec<(String, String)> = funding_codes()
            .into_iter()
            .filter_map(|code| {
                let f = crate::model::Funding::parse(&code)?;
                Some((crate::budget::funding_scope_id(plan, f), code))
            })
            .collect();
        for r in 1..t.height() {
            if t.text(r, plan_c) != plan {
                continue;
            }
            let scope = t.text(r, scope_c);
            let Some(amount) = amount_cell(t, r, decl_c, diags) else {
                continue;
            };
            let label = t.opt_text(r, col("label"));
            let line = line_of_source(&t.opt_text(r, col("source")));
            if scope == plan {
                b.declared.push(DeclaredDraft {
                    label,
                    funding: None,
                    amount,
                    line,
                    from: String::new(),
                });
            } else if let Some((_, code)) = funding_scopes.iter().find(|(s, _)| *s == scope) {
                b.declared.push(DeclaredDraft {
                    label,
                    funding: Some(code.clone()),
                    amount,
                    line,
                    from: String::new(),
                });
            } else if let Some(local) = scope.strip_prefix(&prefix) {
                let (number, title) = label
                    .split_once(' ')
                    .map(|(n, t)| (n.to_string(), t.trim().to_string()))
                    .unwrap_or((label.clone(), String::new()));
                scoped.insert(local.to_string(), (number, title, amount, line));
            }
        }
    }

    let cols = export_columns(lines);
    let col = |n: &str| cols.get(n).copied();
    let (Some(id_c), Some(plan_c)) = (col("line_id"), col("plan_id")) else {
        diags.push(
            Diagnostic::error(
                "missing-header",
                "budget-lines: thiếu cột line_id hoặc plan_id",
            )
            .hint("trang tính này phải giữ nguyên dòng tiêu đề như khi tải về"),
        );
        return b;
    };
    let mut rows = Vec::new();
    let mut plans_seen: Vec<String> = Vec::new();
    for r in 1..lines.height() {
        let p = lines.text(r, plan_c);
        if p != plan {
            if !p.is_empty() && !plans_seen.contains(&p) {
                plans_seen.push(p);
            }
            continue;
        }
        let id = lines.text(r, id_c);
        let Some(local) = id.strip_prefix(&prefix) else {
            diags.push(cell_error(
                "invalid-id",
                &lines.cell(r, id_c),
                &id,
                &format!("không bắt đầu bằng `{prefix}`"),
            ));
            continue;
        };
        let parent = lines.opt_text(r, col("parent_line_id"));
        let funding = [
            lines.opt_text(r, col("spending")),
            lines.opt_text(r, col("budget")),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        let amount = col("amount_million_vnd").and_then(|c| amount_cell(lines, r, c, diags));
        let opt = |s: String| (!s.is_empty()).then_some(s);
        rows.push(ExportLine {
            local: local.to_string(),
            parent: opt(parent),
            number: opt(lines.opt_text(r, col("number"))),
            agency: lines.opt_text(r, col("agency_id")),
            title: lines.opt_text(r, col("title")),
            amount,
            funding: opt(funding),
            period: lines.opt_text(r, col("period")),
            note: lines.opt_text(r, col("note")),
            place: opt(lines.opt_text(r, col("place_id"))),
            coordinating: lines
                .opt_text(r, col("coordinating_ids"))
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            line: line_of_source(&lines.opt_text(r, col("source"))),
            interpretation: lines.opt_text(r, col("interpretation")),
            same_as: opt(lines.opt_text(r, col("same_as_line_id"))),
            from: lines.row_name(r),
        });
    }
    if rows.is_empty() && b.declared.is_empty() {
        diags.push(
            Diagnostic::error(
                "no-rows",
                format!("budget-lines: không có dòng kinh phí nào của kế hoạch `{plan}`"),
            )
            .hint(if plans_seen.is_empty() {
                "sổ tính không có dòng kinh phí nào".to_string()
            } else {
                format!("các kế hoạch có trong sổ tính: {}", plans_seen.join(", "))
            }),
        );
        return b;
    }

    // Where each item goes: (group local, body local) by the ids the format derives.
    #[derive(Clone, PartialEq)]
    struct Slot {
        group: Option<String>,
        body: Option<String>,
    }
    let mut current = Slot {
        group: None,
        body: None,
    };
    let mut placed: Vec<(Slot, ExportLine, Vec<ExportLine>)> = Vec::new();
    for row in rows {
        if let Some(parent) = &row.parent {
            let parent_local = parent.strip_prefix(&prefix).unwrap_or(parent).to_string();
            match placed
                .iter_mut()
                .rev()
                .find(|(_, it, _)| it.local == parent_local)
            {
                Some((_, _, parts)) => parts.push(row),
                None => diags.push(Diagnostic::error(
                    "orphan-part",
                    format!(
                        "{}: phần `{}` đứng trước hoặc không có mục cha `{parent}`",
                        row.from, row.local
                    ),
                )),
            }
            continue;
        }
        let slot = match &row.number {
            Some(n) => {
                let ns = slugify(n);
                if row.local == ns {
                    Slot {
                        group: None,
                        body: None,
                    }
                } else if let Some(g) = row.local.strip_suffix(&format!("-{ns}")) {
                    let g = g.to_string();
                    let body = n
                        .split_once('.')
                        .map(|(bn, _)| format!("{g}-{}", slugify(bn)));
                    Slot {
                        group: Some(g),
                        body,
                    }
                } else {
                    current.clone()
                }
            }
            None => current.clone(),
        };
        current = slot.clone();
        placed.push((slot, row, Vec::new()));
    }

    // Groups and bodies in the order their items come.
    let mut group_order: Vec<String> = Vec::new();
    let mut body_order: Vec<(String, String)> = Vec::new();
    for (slot, _, _) in &placed {
        if let Some(g) = &slot.group {
            if !group_order.contains(g) {
                group_order.push(g.clone());
            }
            if let Some(bd) = &slot.body {
                if !body_order.iter().any(|(_, x)| x == bd) {
                    body_order.push((g.clone(), bd.clone()));
                }
            }
        }
    }
    let most_common = |values: Vec<&str>| -> Option<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for v in values {
            match counts.iter_mut().find(|(x, _)| *x == v) {
                Some((_, n)) => *n += 1,
                None => counts.push((v, 1)),
            }
        }
        counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(std::cmp::Ordering::Greater))
            .map(|(v, _)| v.to_string())
    };
    let issuer = ctx.issuer.map(String::from);
    let make_item = |row: ExportLine,
                     parts: Vec<ExportLine>,
                     slot: &Slot,
                     default_lead: &Option<String>,
                     default_place: &Option<String>|
     -> ItemDraft {
        let derived = match (&slot.group, &row.number) {
            (Some(g), Some(n)) => Some(format!("{g}-{}", slugify(n))),
            (None, Some(n)) => Some(slugify(n)),
            _ => None,
        };
        let lead = (Some(&row.agency) != default_lead.as_ref() && !row.agency.is_empty())
            .then(|| row.agency.clone());
        let place = (row.place != *default_place)
            .then(|| row.place.clone())
            .flatten();
        let item_lead = lead.clone().or_else(|| default_lead.clone());
        let item_place = row.place.clone();
        let parts = parts
            .into_iter()
            .map(|p| {
                let pid = p
                    .local
                    .strip_prefix(&format!("{}-", row.local))
                    .unwrap_or(&p.local)
                    .to_string();
                ItemDraft {
                    number: None,
                    id: Some(pid),
                    title: p.title,
                    amount: p.amount,
                    funding: p.funding,
                    period: p.period,
                    lead: (Some(&p.agency) != item_lead.as_ref()).then(|| p.agency.clone()),
                    coordinating: p.coordinating,
                    place: (p.place != item_place).then(|| p.place.clone()).flatten(),
                    note: p.note,
                    interpretation: p.interpretation,
                    same_as: p.same_as,
                    line: p.line,
                    parts: Vec::new(),
                    from: String::new(),
                }
            })
            .collect();
        ItemDraft {
            id: (derived.as_deref() != Some(row.local.as_str())).then(|| row.local.clone()),
            number: row.number,
            title: row.title,
            amount: row.amount,
            funding: row.funding,
            period: row.period,
            lead,
            coordinating: row.coordinating,
            place,
            note: row.note,
            interpretation: row.interpretation,
            same_as: row.same_as,
            line: row.line,
            parts,
            from: String::new(),
        }
    };

    for g in &group_order {
        let (number, title, amount, line) = match scoped.get(g) {
            Some((n, t, a, l)) => (n.clone(), t.clone(), Some(*a), *l),
            None => (g.to_uppercase(), g.to_uppercase(), None, 0),
        };
        let first_line = placed
            .iter()
            .find(|(s, _, _)| s.group.as_ref() == Some(g))
            .map(|(_, r, _)| r.line)
            .unwrap_or(0);
        b.groups.push(GroupDraft {
            number: number.clone(),
            id: (slugify(&number) != *g).then(|| g.clone()),
            title,
            declared_total: amount,
            line: if amount.is_some() { line } else { first_line },
            ..GroupDraft::default()
        });
    }
    for (g, bd) in &body_order {
        let members: Vec<&ExportLine> = placed
            .iter()
            .filter(|(s, _, _)| s.body.as_ref() == Some(bd))
            .map(|(_, r, _)| r)
            .collect();
        let unit =
            most_common(members.iter().map(|r| r.agency.as_str()).collect()).unwrap_or_default();
        let bnum = bd.strip_prefix(&format!("{g}-")).unwrap_or(bd).to_string();
        let (number, title, amount, line) = match scoped.get(bd) {
            Some((n, t, a, l)) => (n.clone(), t.clone(), Some(*a), *l),
            None => (
                bnum.clone(),
                ctx.units.name(&unit).unwrap_or_default().to_string(),
                None,
                members.first().map(|r| r.line).unwrap_or(0),
            ),
        };
        let default_place = if ctx.units.is_territory(&unit) {
            Some(unit.clone())
        } else {
            b.place.clone()
        };
        let common_place = most_common(members.iter().filter_map(|r| r.place.as_deref()).collect());
        let place = (common_place.is_some() && common_place != default_place)
            .then(|| common_place.clone())
            .flatten();
        let gi = group_order.iter().position(|x| x == g).expect("listed");
        b.groups[gi].bodies.push(BodyDraft {
            number: number.clone(),
            id: (format!("{g}-{}", slugify(&number)) != *bd).then(|| bd.clone()),
            unit,
            title,
            place,
            declared_total: amount,
            line,
            items: Vec::new(),
            from: String::new(),
        });
    }
    for (slot, row, parts) in placed {
        match (&slot.group, &slot.body) {
            (Some(g), Some(bd)) => {
                let gi = group_order.iter().position(|x| x == g).expect("listed");
                let bi = b.groups[gi]
                    .bodies
                    .iter()
                    .position(|x| {
                        x.id.as_ref()
                            .unwrap_or(&format!("{g}-{}", slugify(&x.number)))
                            == bd
                    })
                    .expect("listed");
                let body = &b.groups[gi].bodies[bi];
                let lead = Some(body.unit.clone());
                let place = body.place.clone().or_else(|| {
                    if ctx.units.is_territory(&body.unit) {
                        Some(body.unit.clone())
                    } else {
                        b.place.clone()
                    }
                });
                let it = make_item(row, parts, &slot, &lead, &place);
                b.groups[gi].bodies[bi].items.push(it);
            }
            (Some(g), None) => {
                let gi = group_order.iter().position(|x| x == g).expect("listed");
                let it = make_item(row, parts, &slot, &issuer, &b.place.clone());
                b.groups[gi].items.push(it);
            }
            _ => {
                let it = make_item(row, parts, &slot, &issuer, &b.place.clone());
                b.items.push(it);
            }
        }
    }
    b
}

/// Rebuilds the plan's targets from the `targets` sheet of the export (one row per goal) and the
/// baselines of the `target-values` sheet (actual values come from reports and stay there).
fn export_targets(
    plan: &str,
    sheet: &Sheet,
    values: Option<&Sheet>,
    diags: &mut Diagnostics,
) -> Vec<TargetDraft> {
    let cols = export_columns(sheet);
    let col = |n: &str| cols.get(n).copied();
    let (Some(plan_c), Some(tid_c)) = (col("plan_id"), col("parent_target_id")) else {
        diags.push(
            Diagnostic::error(
                "missing-header",
                "targets: thiếu cột plan_id hoặc parent_target_id",
            )
            .hint("trang tính này phải giữ nguyên dòng tiêu đề như khi tải về"),
        );
        return Vec::new();
    };
    let prefix = format!("{plan}-");
    let opt = |s: String| (!s.is_empty()).then_some(s);
    let dec = |r: usize, name: &str, diags: &mut Diagnostics| -> Option<Decimal> {
        let c = col(name)?;
        match sheet.get(r, c) {
            Data::Float(f) => amount_from_number(f.abs())
                .ok()
                .map(|d| if *f < 0.0 { -d } else { d }),
            Data::Int(i) => Some(Decimal::from(*i)),
            Data::Empty => None,
            _ => {
                let t = sheet.text(r, c);
                match Decimal::from_str(&t) {
                    Ok(d) => Some(d),
                    Err(_) if t.is_empty() => None,
                    Err(_) => {
                        diags.push(cell_error(
                            "not-a-number",
                            &sheet.cell(r, c),
                            &t,
                            "không phải là số",
                        ));
                        None
                    }
                }
            }
        }
    };
    let flag = |r: usize, name: &str| -> Option<bool> {
        match slugify(&sheet.opt_text(r, col(name))).as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    };
    let year = |r: usize, name: &str| -> Option<i64> {
        sheet
            .opt_text(r, col(name))
            .trim()
            .parse::<f64>()
            .ok()
            .map(|y| y as i64)
    };
    let list = |r: usize, name: &str| -> Vec<String> {
        sheet
            .opt_text(r, col(name))
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    // (global id, draft, goal years)
    let mut out: Vec<(String, TargetDraft, Vec<Option<i64>>)> = Vec::new();
    for r in 1..sheet.height() {
        if sheet.text(r, plan_c) != plan {
            continue;
        }
        let tid = sheet.text(r, tid_c);
        let comparator = opt(sheet.opt_text(r, col("comparator")));
        let value = dec(r, "target_value", diags);
        let low = dec(r, "low_value", diags);
        let high = dec(r, "high_value", diags);
        let level = sheet.opt_text(r, col("gov_level"));
        let goal = (comparator.is_some() || value.is_some() || low.is_some() || high.is_some())
            .then(|| GoalDraft {
                level: (!level.is_empty() && level != "all").then_some(level),
                subject: sheet.opt_text(r, col("subject")),
                comparator,
                value,
                low,
                high,
                low_inclusive: flag(r, "low_inclusive").filter(|_| low.is_some()),
                high_inclusive: flag(r, "high_inclusive").filter(|_| high.is_some()),
                year: None,
            });
        let horizon = year(r, "horizon_year");
        if let Some((_, t, years)) = out.iter_mut().find(|(id, _, _)| *id == tid) {
            if let Some(g) = goal {
                t.goals.push(g);
                years.push(horizon);
            }
            continue;
        }
        let number = sheet.opt_text(r, col("number"));
        let local = tid.strip_prefix(&prefix).unwrap_or(&tid).to_string();
        let measure = sheet.opt_text(r, col("measure"));
        let unit = sheet.opt_text(r, col("unit_of_measure"));
        let default_unit = match measure.as_str() {
            "percent" => "%",
            "money" => "triệu đồng",
            _ => "",
        };
        let lower = flag(r, "lower_is_better") == Some(true);
        let t = TargetDraft {
            id: (local != format!("ct-{}", slugify(&number))).then(|| local.clone()),
            number,
            area: sheet.opt_text(r, col("area_id")),
            text: sheet.opt_text(r, col("text")),
            unit: (unit != default_unit).then_some(unit),
            better: (lower && measure != "rank").then(|| "lower".to_string()),
            measure,
            horizon: None,
            parent: opt(sheet.opt_text(r, col("part_of_target_id"))),
            lead: list(r, "lead_id"),
            coordinating: list(r, "coordinating_ids"),
            line: line_of_source(&sheet.opt_text(r, col("source"))),
            interpretation: sheet.opt_text(r, col("interpretation")),
            goals: goal.into_iter().collect(),
            values: Vec::new(),
            from: String::new(),
        };
        out.push((tid, t, vec![horizon]));
    }
    // The target's horizon is its goals' common year; a goal due another year says so.
    for (_, t, years) in &mut out {
        let h = years.first().copied().flatten();
        t.horizon = h;
        for (g, y) in t.goals.iter_mut().zip(years.iter()) {
            if *y != h {
                g.year = *y;
            }
        }
    }
    // A parent is named by its number in the same plan.
    let numbers: HashMap<String, String> = out
        .iter()
        .map(|(id, t, _)| (id.clone(), t.number.clone()))
        .collect();
    for (_, t, _) in &mut out {
        if let Some(p) = &t.parent {
            if let Some(n) = numbers.get(p) {
                t.parent = Some(n.clone());
            }
        }
    }
    if let Some(v) = values {
        let vcols = export_columns(v);
        let vc = |n: &str| vcols.get(n).copied();
        for r in 1..v.height() {
            if !v.opt_text(r, vc("report_id")).is_empty() {
                continue;
            }
            let value_id = v.opt_text(r, vc("value_id"));
            let Some((_, t, _)) = out.iter_mut().find(|(id, _, _)| {
                value_id
                    .strip_prefix(id.as_str())
                    .is_some_and(|rest| rest.starts_with("-gt-"))
            }) else {
                continue;
            };
            let level = v.opt_text(r, vc("gov_level"));
            let value = vc("value").and_then(|c| match v.get(r, c) {
                Data::Float(f) => amount_from_number(f.abs())
                    .ok()
                    .map(|d| if *f < 0.0 { -d } else { d }),
                Data::Int(i) => Some(Decimal::from(*i)),
                _ => Decimal::from_str(&v.text(r, c)).ok(),
            });
            t.values.push(ValueDraft {
                kind: v.opt_text(r, vc("kind")),
                level: (!level.is_empty() && level != "all").then_some(level),
                subject: v.opt_text(r, vc("subject")),
                value,
                text: v.opt_text(r, vc("text")),
                year: v
                    .opt_text(r, vc("year"))
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .map(|y| y as i64),
                as_of: opt(v.opt_text(r, vc("as_of"))),
                source: v.opt_text(r, vc("source")),
                note: v.opt_text(r, vc("note")),
            });
        }
    }
    out.into_iter().map(|(_, t, _)| t).collect()
}

/// Every funding code the format knows ("CTX, NST", "CTX", "NST"…).
fn funding_codes() -> Vec<String> {
    use crate::model::{BudgetSource, Spending};
    let mut out = Vec::new();
    for s in Spending::ALL.iter().map(|s| Some(s.code())).chain([None]) {
        for b in BudgetSource::ALL
            .iter()
            .map(|b| Some(b.code()))
            .chain([None])
        {
            let code = [s, b].into_iter().flatten().collect::<Vec<_>>().join(", ");
            if !code.is_empty() {
                out.push(code);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_like_excel() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(3), "D");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    #[test]
    fn numbering_is_told_apart() {
        assert!(is_roman("II"));
        assert!(!is_roman("1"));
        assert!(is_numbering("1.2"));
        assert!(is_numbering("12"));
        assert!(!is_numbering("a"));
        assert!(is_total_label("TỔNG CỘNG"));
        assert!(is_total_label("Tổng"));
        assert!(!is_total_label("Tổng hợp dữ liệu"));
        assert_eq!(
            split_number("I. CƠ QUAN KHỐI ĐẢNG"),
            Some(("I".into(), "CƠ QUAN KHỐI ĐẢNG".into()))
        );
        assert_eq!(
            split_number("1.2) Đào tạo"),
            Some(("1.2".into(), "Đào tạo".into()))
        );
        assert_eq!(split_number("Trong đó: chi thường xuyên"), None);
    }
}
