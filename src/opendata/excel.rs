//! The Excel workbook of all resources (`data/minhbach.xlsx`): a first sheet that explains every
//! table and column in Vietnamese, then one sheet per resource named like it. Text cells are
//! written as strings — never as formulas, whatever they start with — and the cells of number
//! fields as numbers (Excel stores every number as a double; the exact decimals are in the CSV).
//! The workbook's creation date is the content's modification date, so the same content gives
//! the same bytes (the zip entries carry a fixed timestamp).

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use super::resources::Resource;
use crate::dates::PartialDate;

/// The most data rows a sheet holds (Excel's 1,048,576 rows, less the header).
pub const MAX_ROWS: usize = 1_048_575;

/// Name of the explanatory first sheet.
pub const README_SHEET: &str = "gioi-thieu";

/// The workbook's bytes.
pub fn workbook_bytes(
    title: &str,
    description: &str,
    publisher: &str,
    created: Option<PartialDate>,
    resources: &[Resource],
) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let (y, m, d) = created.map(|c| c.first_day()).unwrap_or((2000, 1, 1));
    let created = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8)
        .context("ngày tạo sổ tính không hợp lệ")?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_subject(description)
            .set_author(publisher)
            .set_company(publisher)
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    let readme = wb.add_worksheet();
    readme.set_name(README_SHEET)?;
    write_readme(readme, title, description, resources, &bold, &wrap)?;

    for r in resources {
        // Rows go to a temporary file as they are written, not into memory: at national scale
        // the tables hold hundreds of thousands of cells.
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name(r.name)?;
        write_resource(ws, r, &bold)?;
    }
    wb.save_to_buffer().context("ghi sổ tính Excel")
}

fn write_readme(
    ws: &mut Worksheet,
    title: &str,
    description: &str,
    resources: &[Resource],
    bold: &Format,
    wrap: &Format,
) -> Result<()> {
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 26)?;
    ws.set_column_width(2, 30)?;
    ws.set_column_width(3, 100)?;
    ws.write_string_with_format(0, 0, title, bold)?;
    ws.write_string(1, 0, description)?;
    ws.write_string(
        2,
        0,
        "Mỗi bảng nằm ở một trang tính cùng tên. Ô trống nghĩa là chưa có số liệu, không phải 0. \
         Số tiền tính bằng triệu đồng. Các mã nhiều giá trị cách nhau bởi dấu chấm phẩy.",
    )?;
    let mut row = 4;
    for (col, h) in ["Bảng", "Cột", "Tên cột", "Mô tả"].iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *h, bold)?;
    }
    row += 1;
    for r in resources {
        ws.write_string_with_format(row, 0, r.name, bold)?;
        ws.write_string_with_format(row, 2, &r.title, bold)?;
        ws.write_string_with_format(row, 3, &r.description, wrap)?;
        row += 1;
        for f in &r.fields {
            ws.write_string(row, 0, r.name)?;
            ws.write_string(row, 1, f.name)?;
            ws.write_string(row, 2, f.title)?;
            ws.write_string_with_format(row, 3, &f.description, wrap)?;
            row += 1;
        }
    }
    Ok(())
}

fn write_resource(ws: &mut Worksheet, r: &Resource, bold: &Format) -> Result<()> {
    for (col, f) in r.fields.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, f.name, bold)?;
        let width = if f.ty.is_numeric() { 14 } else { 22 };
        ws.set_column_width(col, width)?;
    }
    for (i, row) in r.rows.iter().enumerate() {
        let excel_row = (i + 1) as u32;
        for (col, (f, cell)) in r.fields.iter().zip(row).enumerate() {
            if cell.is_empty() {
                continue;
            }
            let col = col as u16;
            match cell.parse::<f64>() {
                Ok(n) if f.ty.is_numeric() && n.is_finite() => {
                    ws.write_number(excel_row, col, n)?;
                }
                _ => {
                    ws.write_string(excel_row, col, cell.as_str())?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !r.fields.is_empty() {
        ws.autofilter(0, 0, r.rows.len() as u32, (r.fields.len() - 1) as u16)?;
    }
    Ok(())
}
