//! `minhbach import` and `minhbach cite`: from the files staff have — the Excel appendices of a
//! plan, its Word document — to content that `check` accepts.
//!
//! - [`workbook`] reads `.xlsx`, `.xls` and `.ods` workbooks laid out like the printed appendices
//!   (or like the site's own `data/minhbach.xlsx`) into `budget.toml` / `targets.toml`;
//! - [`docx`] turns a `.docx` into the verbatim `documents/<id>.txt` with its registry entry;
//! - [`cite`] fills in the `line =` of each amount by finding it in the plan's document.
//!
//! Every problem is collected with the sheet, cell and text it concerns, and nothing is written
//! while there is an error.

pub mod cite;
pub mod docx;
pub mod workbook;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rust_decimal::Decimal;
use std::str::FromStr;

use crate::content::raw;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Funding, UnitKind};
use crate::slug::{is_valid_id, slugify};
use crate::vn_number;

pub use workbook::{WorkbookOptions, import_workbook};

/// What an import did: the files written (none when there are errors), what the user should know
/// and the problems found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub written: Vec<PathBuf>,
    pub notes: Vec<String>,
    pub diagnostics: Diagnostics,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        !self.diagnostics.has_errors()
    }
}

// --- units --------------------------------------------------------------------------------------

/// The units of the content, looked up by the names documents print (name, short name, aliases,
/// or the id itself), without regard to case, diacritics or punctuation.
pub struct Units {
    by_key: HashMap<String, Vec<usize>>,
    units: Vec<(String, String, Option<UnitKind>)>,
}

impl Units {
    pub fn new(raw_units: &[&raw::Unit]) -> Units {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut units = Vec::new();
        for (i, u) in raw_units.iter().enumerate() {
            units.push((
                u.id.get_ref().clone(),
                u.name.clone(),
                UnitKind::parse(u.kind.get_ref()),
            ));
            let mut keys = vec![slugify(&u.name), u.id.get_ref().clone()];
            if !u.short_name.is_empty() {
                keys.push(slugify(&u.short_name));
            }
            keys.extend(u.aliases.iter().map(|a| slugify(a)));
            keys.sort();
            keys.dedup();
            for k in keys.into_iter().filter(|k| !k.is_empty()) {
                by_key.entry(k).or_default().push(i);
            }
        }
        Units { by_key, units }
    }

    pub fn kind(&self, id: &str) -> Option<UnitKind> {
        self.units.iter().find(|u| u.0 == id).and_then(|u| u.2)
    }

    pub fn name(&self, id: &str) -> Option<&str> {
        self.units.iter().find(|u| u.0 == id).map(|u| u.1.as_str())
    }

    pub fn is_territory(&self, id: &str) -> bool {
        self.kind(id).is_some_and(|k| k.is_territory())
    }

    /// The unit a printed name means. `Err` carries the hint to show: the nearest name, or the
    /// ids between which the name hesitates.
    pub fn find(&self, text: &str) -> std::result::Result<String, String> {
        let key = slugify(text);
        if key.is_empty() {
            return Err("ô này trống".into());
        }
        let hit = |k: &str| self.by_key.get(k).cloned().unwrap_or_default();
        let mut found = hit(&key);
        if found.is_empty() {
            // Appendices print "Bình Sơn" for Huyện Bình Sơn, "UBND huyện Bình Sơn" for the
            // same territory, "Sở Y tế" in full.
            let bare = ["ubnd-", "uy-ban-nhan-dan-"]
                .iter()
                .find_map(|p| key.strip_prefix(p))
                .unwrap_or(&key);
            found.extend(hit(bare));
            for prefix in ["huyen-", "thi-xa-", "thanh-pho-", "tp-", "xa-", "phuong-"] {
                found.extend(hit(&format!("{prefix}{bare}")));
            }
            found.sort();
            found.dedup();
        }
        match found.as_slice() {
            [i] => Ok(self.units[*i].0.clone()),
            [] => {
                let keys: Vec<&str> = self.by_key.keys().map(String::as_str).collect();
                Err(
                    match crate::suggest::nearest(&key, keys).and_then(|k| self.by_key.get(k)) {
                        Some(ids) => {
                            let (id, name, _) = &self.units[ids[0]];
                            format!(
                                "có phải {name} (`{id}`)? Ghi tên đơn vị như trong content/units/, hoặc thêm tên này vào `aliases` của đơn vị"
                            )
                        }
                        None => "không có đơn vị nào gần tên này: thêm đơn vị vào content/units/ (hoặc thêm tên này vào `aliases` của đơn vị đúng) rồi nhập lại".into(),
                    },
                )
            }
            many => {
                let list: Vec<String> = many
                    .iter()
                    .map(|i| format!("`{}` ({})", self.units[*i].0, self.units[*i].1))
                    .collect();
                Err(format!(
                    "nhiều đơn vị mang tên này: {}; ghi mã đơn vị vào ô để chọn một",
                    list.join(", ")
                ))
            }
        }
    }
}

// --- cells --------------------------------------------------------------------------------------

/// Why a cell is not an amount, for the message.
#[derive(Debug, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooPrecise,
}

/// An amount as displayed: a number cell's shortest round-trip text (so 331.5 stays 331.5, never
/// `Decimal::from_f64`'s 331.49999…), or a text cell in Vietnamese notation (`1.400,5`) or with a
/// plain decimal point (`331.5`). `None` for an empty cell (and a dash, which printed tables use
/// for "nothing").
pub fn amount_from_number(f: f64) -> std::result::Result<Decimal, AmountError> {
    if !f.is_finite() {
        return Err(AmountError::NotANumber);
    }
    let text = format!("{f}");
    let d = Decimal::from_str(&text).map_err(|_| AmountError::TooPrecise)?;
    check_amount(d, &text)
}

pub fn amount_from_text(s: &str) -> std::result::Result<Option<Decimal>, AmountError> {
    let t = s.trim().trim_matches('\u{a0}').trim();
    if t.is_empty() || matches!(t, "-" | "–" | "—") {
        return Ok(None);
    }
    let t = t.replace([' ', '\u{a0}'], "");
    let negative = t.starts_with('-');
    let d = match vn_number::parse(&t) {
        Some(d) if !t.ends_with('%') => d,
        _ => {
            // A plain decimal point (`331.5`, `0.25`) as some workbooks hold text.
            let body = t.trim_start_matches('-');
            let plain = body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && body.bytes().filter(|&b| b == b'.').count() <= 1
                && !body.starts_with('.')
                && !body.ends_with('.');
            if !plain || body.is_empty() {
                return Err(AmountError::NotANumber);
            }
            Decimal::from_str(&t).map_err(|_| AmountError::NotANumber)?
        }
    };
    if negative && !d.is_zero() {
        return Err(AmountError::Negative);
    }
    check_amount(d, &d.to_string()).map(Some)
}

fn check_amount(d: Decimal, text: &str) -> std::result::Result<Decimal, AmountError> {
    if d.is_sign_negative() && !d.is_zero() {
        return Err(AmountError::Negative);
    }
    let (int, frac) = vn_number::digit_counts(text);
    if int > vn_number::MAX_INTEGER_DIGITS || frac > vn_number::MAX_DECIMALS {
        return Err(AmountError::TooPrecise);
    }
    Ok(d.normalize())
}

/// A funding cell ("CTX, NST", "CĐT/NST", "Chi thường xuyên - ngân sách tỉnh") as the format
/// writes it ("CTX, NST").
pub fn funding_code(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(f) = Funding::parse(&t.replace(['/', '-', '+'], ",")) {
        return Some(f.code());
    }
    funding_from_words(t).map(|f| f.code())
}

/// The funding a label names in words ("Chi thường xuyên, ngân sách tỉnh").
pub fn funding_from_words(text: &str) -> Option<Funding> {
    let s = slugify(text);
    let spending = if s.contains("thuong-xuyen") {
        Some("CTX")
    } else if s.contains("dau-tu") {
        Some("CĐT")
    } else {
        None
    };
    let budget = [
        ("trung-uong", "NSTW"),
        ("ngan-sach-tinh", "NST"),
        ("ngan-sach-huyen", "NSH"),
        ("ngan-sach-xa", "NSX"),
        ("ngan-sach-dia-phuong", "NSĐP"),
        ("ngan-sach-nha-nuoc", "NSNN"),
        ("xa-hoi-hoa", "XHH"),
        ("oda", "ODA"),
    ]
    .iter()
    .find(|(k, _)| s.contains(k))
    .map(|(_, c)| *c);
    let code = [spending, budget]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    Funding::parse(&code)
}

/// A located problem of a cell: `Phụ lục II!D57: "1.400,5 tr" không phải là số tiền`.
pub fn cell_error(code: &'static str, cell: &str, text: &str, what: &str) -> Diagnostic {
    if text.is_empty() {
        Diagnostic::error(code, format!("{cell}: {what}"))
    } else {
        Diagnostic::error(code, format!("{cell}: \"{text}\" {what}"))
    }
}

// --- documents ----------------------------------------------------------------------------------

/// Options of `minhbach import FILE.docx --document ID`.
#[derive(Debug, Clone)]
pub struct DocumentOptions {
    pub input: PathBuf,
    pub id: String,
    pub content: PathBuf,
    pub title: Option<String>,
    pub date: Option<String>,
    pub force: bool,
}

/// Writes `documents/<id>.txt` from a `.docx` and appends its entry to `documents.toml`.
pub fn import_document(opts: &DocumentOptions) -> Result<Outcome> {
    let mut out = Outcome::default();
    if !is_valid_id(&opts.id) {
        bail!(
            "mã văn bản `{}` không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và gạch ngang, ví dụ `{}`",
            opts.id,
            slugify(&opts.id)
        );
    }
    if let Some(d) = &opts.date {
        if crate::dates::PartialDate::parse(d).is_err() {
            bail!(
                "ngày `{d}` không hợp lệ: ghi theo dạng năm-tháng-ngày như văn bản cho, ví dụ 2024-11-15, 2025-09 hoặc 2025"
            );
        }
    }
    let ext = extension(&opts.input);
    match ext.as_str() {
        "docx" => {}
        "pdf" => bail!(
            "chưa đọc được tệp PDF: hãy mở tệp bằng Word hoặc LibreOffice và lưu thành .docx (Tệp → Lưu thành → Word .docx), rồi chạy lại lệnh với tệp .docx. Với bản PDF chỉ có ảnh quét, cần nhận dạng chữ (OCR) trước"
        ),
        "doc" => bail!(
            "tệp .doc (Word 97–2003) chưa đọc được: mở bằng Word hoặc LibreOffice và lưu thành .docx rồi chạy lại"
        ),
        _ => bail!(
            "không nhận dạng được loại tệp `{}`: lệnh import đọc sổ tính .xlsx, .xls, .ods (với --plan) và văn bản .docx (với --document)",
            opts.input.display()
        ),
    }
    let bytes = std::fs::read(&opts.input)
        .with_context(|| format!("không đọc được `{}`", opts.input.display()))?;
    let lines = docx::docx_lines(&bytes)?;
    if lines.iter().all(|l| l.trim().is_empty()) {
        bail!(
            "tài liệu `{}` không có chữ nào (có thể chỉ có ảnh quét): cần bản có lớp chữ",
            opts.input.display()
        );
    }
    let sha256 = {
        use sha2::{Digest, Sha256};
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let docs_dir = opts.content.join("documents");
    let registry = docs_dir.join("documents.toml");
    let file_name = format!("{}.txt", opts.id);
    let txt = docs_dir.join(&file_name);
    let registry_text = std::fs::read_to_string(&registry).unwrap_or_default();
    let already = registered_ids(&registry_text)?;
    let registered = already.iter().any(|i| i == &opts.id);
    if (txt.exists() || registered) && !opts.force {
        bail!(
            "văn bản `{}` đã có ({}): thêm --force để ghi đè tệp văn bản",
            opts.id,
            if registered {
                registry.display().to_string()
            } else {
                txt.display().to_string()
            }
        );
    }
    let title = match &opts.title {
        Some(t) => t.trim().to_string(),
        None => lines
            .iter()
            .map(|l| l.replace('\t', " ").trim().to_string())
            .find(|l| !l.is_empty())
            .unwrap_or_default(),
    };
    std::fs::create_dir_all(&docs_dir)
        .with_context(|| format!("không tạo được `{}`", docs_dir.display()))?;
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(&txt, text).with_context(|| format!("không ghi được `{}`", txt.display()))?;
    out.written.push(txt.clone());
    if registered {
        out.notes.push(format!(
            "`{}` đã có mục `{}`: giữ nguyên mục đó — nhớ cập nhật `sha256 = \"{sha256}\"` nếu tệp gốc đã đổi",
            registry.display(),
            opts.id
        ));
    } else {
        let entry = write::document_entry(
            &opts.id,
            &file_name,
            &title,
            opts.date.as_deref(),
            &opts.input,
            &sha256,
        );
        let mut new_text = registry_text;
        if !new_text.is_empty() && !new_text.ends_with('\n') {
            new_text.push('\n');
        }
        if !new_text.is_empty() {
            new_text.push('\n');
        }
        new_text.push_str(&entry);
        std::fs::write(&registry, new_text)
            .with_context(|| format!("không ghi được `{}`", registry.display()))?;
        out.written.push(registry);
    }
    out.notes.push(format!(
        "{} dòng; tiêu đề: \"{title}\". Dẫn chiếu số dòng theo tệp `{}`",
        lines.len(),
        txt.display()
    ));
    Ok(out)
}

/// The ids a `documents.toml` already declares.
fn registered_ids(text: &str) -> Result<Vec<String>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let v: toml::Table = toml::from_str(text).context("documents.toml không đọc được")?;
    Ok(v.get("document")
        .and_then(|d| d.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|d| d.get("id")?.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default())
}

pub fn extension(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_are_read_as_displayed() {
        assert_eq!(amount_from_number(331.5), Ok(d("331.5")));
        assert_eq!(
            amount_from_number(0.1 + 0.2).map(|x| x.to_string()),
            Err(AmountError::TooPrecise)
        );
        assert_eq!(amount_from_number(244939.5), Ok(d("244939.5")));
        assert_eq!(amount_from_number(-1.0), Err(AmountError::Negative));
        assert_eq!(amount_from_text("1.400,5"), Ok(Some(d("1400.5"))));
        assert_eq!(amount_from_text("1.400"), Ok(Some(d("1400"))));
        assert_eq!(amount_from_text("331.5"), Ok(Some(d("331.5"))));
        assert_eq!(amount_from_text(" - "), Ok(None));
        assert_eq!(amount_from_text("1.400,5 tr"), Err(AmountError::NotANumber));
        assert_eq!(amount_from_text("-5"), Err(AmountError::Negative));
        assert_eq!(amount_from_text("50%"), Err(AmountError::NotANumber));
    }

    #[test]
    fn units_are_found_by_the_names_appendices_print() {
        let toml = r#"
[[unit]]
id = "huyen-binh-son"
name = "Huyện Bình Sơn"
kind = "district"
[[unit]]
id = "so-thong-tin-va-truyen-thong"
name = "Sở Thông tin và Truyền thông"
short_name = "Sở TT&TT"
kind = "department"
"#;
        #[derive(serde::Deserialize)]
        struct F {
            unit: Vec<raw::Unit>,
        }
        let f: F = toml::from_str(toml).unwrap();
        let units = Units::new(&f.unit.iter().collect::<Vec<_>>());
        for name in [
            "Bình Sơn",
            "UBND huyện Bình Sơn",
            "HUYỆN BÌNH SƠN",
            "huyen-binh-son",
        ] {
            assert_eq!(units.find(name).as_deref(), Ok("huyen-binh-son"), "{name}");
        }
        assert_eq!(
            units.find("Sở TT&TT").as_deref(),
            Ok("so-thong-tin-va-truyen-thong")
        );
        let hint = units.find("Sở Thông tin và Truyền thôngg").unwrap_err();
        assert!(hint.contains("Sở Thông tin và Truyền thông"), "{hint}");
    }

    #[test]
    fn funding_is_written_as_the_format_does() {
        assert_eq!(funding_code("CTX, NST").as_deref(), Some("CTX, NST"));
        assert_eq!(funding_code("CĐT/NST").as_deref(), Some("CĐT, NST"));
        assert_eq!(
            funding_code("Chi thường xuyên, ngân sách huyện").as_deref(),
            Some("CTX, NSH")
        );
        assert_eq!(funding_code("abc"), None);
    }
}
