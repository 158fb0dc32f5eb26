//! The checks every entity uses: ids, references to units, areas, plans and documents, dates,
//! exact numbers and the line a number cites.

use super::*;

/// Checks id syntax and uniqueness; returns whether the entry should be kept.
pub(super) fn check_id(
    file: &SourceFile,
    id: &Spanned<String>,
    what: &str,
    seen: &mut HashMap<String, crate::source::Location>,
    diags: &mut Diagnostics,
) -> bool {
    let loc = file.location(id.span());
    if !is_valid_id(id.get_ref()) {
        diags.push(
            Diagnostic::error("invalid-id", format!("mã {what} `{}` không hợp lệ", id.get_ref()))
                .at(loc)
                .hint(format!(
                    "mã chỉ gồm chữ thường không dấu, chữ số và gạch ngang (tối đa 80 ký tự), ví dụ `{}`",
                    slugify(id.get_ref())
                )),
        );
        return false;
    }
    if let Some(first) = seen.get(id.get_ref()) {
        diags.push(
            Diagnostic::error(
                "duplicate-id",
                format!("mã {what} `{}` bị trùng", id.get_ref()),
            )
            .at(loc)
            .related(first.clone(), "đã dùng lần đầu ở đây")
            .hint("mỗi mã chỉ được dùng một lần; đổi một trong hai mã"),
        );
        return false;
    }
    seen.insert(id.get_ref().clone(), loc);
    true
}

pub(super) fn check_unit(
    reg: &Registry,
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) -> bool {
    if reg.units.contains_key(id.get_ref().as_str()) {
        return true;
    }
    if reg.units_incomplete {
        return false;
    }
    diags.extend([Diagnostic::error(
        "unknown-unit",
        format!("không có đơn vị `{}`", id.get_ref()),
    )
    .at(file.location(id.span()))
    .hint(reg.unit_hint(id.get_ref()))]);
    false
}

pub(super) fn check_area(
    reg: &Registry,
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut Vec<Diagnostic>,
) {
    if !reg.areas.contains(id.get_ref().as_str()) {
        let hint = match nearest(id.get_ref(), reg.areas.iter().copied()) {
            Some(s) => format!("có phải `{s}`? Các lĩnh vực khai báo trong content/areas.toml"),
            None => "khai báo lĩnh vực trong content/areas.toml".into(),
        };
        diags.push(
            Diagnostic::error(
                "unknown-area",
                format!("không có lĩnh vực `{}`", id.get_ref()),
            )
            .at(file.location(id.span()))
            .hint(hint),
        );
    }
}

pub(super) fn check_plan_ref(
    reg: &Registry,
    file: &SourceFile,
    id: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) {
    if !reg.plans.contains(id.get_ref().as_str()) {
        let hint = match nearest(id.get_ref(), reg.plans.iter().copied()) {
            Some(s) => format!("có phải `{s}`?"),
            None => "nếu văn bản chỉ được trích dẫn, tạo plans/<mã>/plan.md với status = \"cited\""
                .into(),
        };
        diags.extend([Diagnostic::error(
            "unknown-plan",
            format!("không có kế hoạch `{}`", id.get_ref()),
        )
        .at(file.location(id.span()))
        .hint(hint)]);
    }
}

pub(super) fn enum_error(
    file: &SourceFile,
    value: &Spanned<String>,
    what: &str,
    allowed: &[&str],
) -> Diagnostic {
    let list = allowed
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match nearest(value.get_ref(), allowed.iter().copied()) {
        Some(s) => format!("có phải `{s}`? Giá trị hợp lệ: {list}"),
        None => format!("giá trị hợp lệ: {list}"),
    };
    Diagnostic::error(
        "invalid-value",
        format!("{what} `{}` không hợp lệ", value.get_ref()),
    )
    .at(file.location(value.span()))
    .hint(hint)
}

pub(super) fn date(
    file: &SourceFile,
    s: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<PartialDate> {
    match PartialDate::parse(s.get_ref()) {
        Ok(d) => Some(d),
        Err(e) => {
            diags.extend([Diagnostic::error("invalid-date", e.message)
                .at(file.location(s.span()))
                .hint(e.hint)]);
            None
        }
    }
}

/// Reads `"document-id:line"`.
pub(super) fn source_ref(
    reg: &Registry,
    file: &SourceFile,
    s: &Spanned<String>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<SourceRef> {
    let text = s.get_ref();
    let Some((doc, line)) = text.rsplit_once(':') else {
        diags.extend([Diagnostic::error(
            "invalid-source",
            format!("nguồn `{text}` phải có dạng \"mã-văn-bản:số-dòng\""),
        )
        .at(file.location(s.span()))
        .hint("ví dụ source = \"kh-223-ubnd-2024:31\"")]);
        return None;
    };
    let Ok(line) = line.trim().parse::<usize>() else {
        diags.extend([Diagnostic::error(
            "invalid-source",
            format!("số dòng `{line}` trong nguồn `{text}` không phải số nguyên"),
        )
        .at(file.location(s.span()))
        .hint("ví dụ source = \"kh-223-ubnd-2024:31\"")]);
        return None;
    };
    source_line(reg, file, doc, line, s.span(), diags)
}

/// Checks that document `doc` is declared; reports it with the nearest id otherwise.
pub(super) fn known_document<'r>(
    reg: &'r Registry,
    file: &SourceFile,
    doc: &str,
    span: std::ops::Range<usize>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<&'r Document> {
    let d = reg.documents.get(doc);
    if d.is_none() {
        let hint = match nearest(doc, reg.documents.keys().map(String::as_str)) {
            Some(s) => format!(
                "có phải `{s}`? Văn bản nguồn khai báo trong content/documents/documents.toml"
            ),
            None => "khai báo văn bản trong content/documents/documents.toml".into(),
        };
        diags.extend([Diagnostic::error(
            "unknown-document",
            format!("không có văn bản nguồn `{doc}`"),
        )
        .at(file.location(span))
        .hint(hint)]);
    }
    d
}

/// Checks that `line` exists in document `doc`.
pub(super) fn source_line(
    reg: &Registry,
    file: &SourceFile,
    doc: &str,
    line: usize,
    span: std::ops::Range<usize>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<SourceRef> {
    let d = known_document(reg, file, doc, span.clone(), diags)?;
    if !reg.missing_texts.contains(doc) && (line == 0 || line > d.line_count()) {
        diags.extend([Diagnostic::error(
            "line-out-of-range",
            format!(
                "văn bản `{doc}` không có dòng {line} (chỉ có {} dòng)",
                d.line_count()
            ),
        )
        .at(file.location(span))
        .hint("số dòng tính từ 1, theo tệp trong content/documents/")]);
        return None;
    }
    Some(SourceRef {
        document: doc.to_string(),
        line,
    })
}

/// Reads a number exactly from its source characters.
pub(super) fn number(
    file: &SourceFile,
    n: &Spanned<RawNumber>,
    what: &str,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<Decimal> {
    let span = n.span();
    let raw_text = file.text.get(span.clone()).unwrap_or("").trim();
    let loc = || file.location(span.clone());
    match n.get_ref() {
        RawNumber::Integer(_) | RawNumber::Wide(_) | RawNumber::Float(_) => {
            let plain = raw_text.replace('_', "");
            if plain.contains(['e', 'E']) || plain.contains("inf") || plain.contains("nan") {
                diags.extend([Diagnostic::error(
                    "invalid-number",
                    format!("{what} `{raw_text}` phải viết dạng thập phân thông thường"),
                )
                .at(loc())
                .hint("viết số đầy đủ, ví dụ 1400 hoặc 331.5")]);
                return None;
            }
            if looks_vietnamese_thousands(&plain) {
                let grouped = plain.replace('.', "");
                diags.extend([Diagnostic::error("ambiguous-thousands", format!("{what} `{raw_text}` có ba chữ số sau dấu chấm: TOML đọc là {}, không phải {grouped}", Decimal::from_str(plain.trim_start_matches('+')).map(|d| d.normalize().to_string()).unwrap_or_default()))
                    .at(loc())
                    .hint(format!("trong tệp dữ liệu dấu chấm là dấu thập phân: nếu là {} (một nghìn…) hãy viết `{grouped}`; nếu đúng là số thập phân, thêm một chữ số 0 ở cuối (`{plain}0`)", vn_number::format(Decimal::from_str(&grouped).unwrap_or_default())))]);
                return None;
            }
            let (int_digits, decimals) = vn_number::digit_counts(&plain);
            let parsed = Decimal::from_str(&plain).ok();
            match parsed {
                Some(d)
                    if int_digits <= vn_number::MAX_INTEGER_DIGITS
                        && decimals <= vn_number::MAX_DECIMALS =>
                {
                    Some(d)
                }
                _ => {
                    diags.extend([Diagnostic::error(
                        "number-out-of-range",
                        format!(
                            "{what} `{raw_text}` có {int_digits} chữ số phần nguyên và {decimals} chữ số thập phân: quá lớn hoặc quá chi tiết để đọc chính xác"
                        ),
                    )
                    .at(loc())
                    .hint(format!(
                        "số tiền tính bằng triệu đồng: tối đa {} chữ số phần nguyên và {} chữ số thập phân (52538 cho 52.538.000.000 đồng); kiểm tra lại đơn vị của văn bản",
                        vn_number::MAX_INTEGER_DIGITS,
                        vn_number::MAX_DECIMALS
                    ))]);
                    None
                }
            }
        }
        RawNumber::Text(s) => {
            let hint = match vn_number::parse(s) {
                Some(v) => format!(
                    "viết số không có ngoặc kép và không có dấu phân cách hàng nghìn, dấu thập phân là dấu chấm: `{}` (văn bản ghi \"{s}\" theo cách viết Việt Nam)",
                    v.normalize()
                ),
                None => "viết một số không có ngoặc kép, ví dụ 1400 hoặc 331.5; nếu văn bản để trống thì bỏ hẳn dòng này".into(),
            };
            let msg = if vn_number::parse(s).is_some() {
                format!("{what} \"{s}\" được viết như chữ, không phải số")
            } else {
                format!("{what} \"{s}\" không phải là số")
            };
            diags.extend([Diagnostic::error("not-a-number", msg).at(loc()).hint(hint)]);
            None
        }
        RawNumber::Other(v) => {
            diags.extend([Diagnostic::error(
                "not-a-number",
                format!("{what} phải là số, không phải {}", v.type_str()),
            )
            .at(loc())
            .hint("ví dụ amount = 1400")]);
            None
        }
    }
}

/// `1.400`: TOML reads 1.4, a Vietnamese writer means 1400.
pub(super) fn looks_vietnamese_thousands(plain: &str) -> bool {
    let p = plain.trim_start_matches(['+', '-']);
    match p.split_once('.') {
        Some((int, frac)) => {
            frac.len() == 3
                && !int.is_empty()
                && int.len() <= 3
                && !int.starts_with('0')
                && int.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

pub(super) fn amount(
    file: &SourceFile,
    n: &Spanned<RawNumber>,
    diags: &mut impl Extend<Diagnostic>,
) -> Option<Decimal> {
    let v = number(file, n, "số tiền", diags)?;
    if v.is_sign_negative() && !v.is_zero() {
        diags.extend([
            Diagnostic::error("negative-amount", format!("số tiền `{}` âm", v))
                .at(file.location(n.span()))
                .hint("kinh phí dự kiến không thể âm; kiểm tra lại văn bản gốc"),
        ]);
        return None;
    }
    Some(v)
}

pub(super) fn line_number(
    reg: &Registry,
    file: &SourceFile,
    doc: Option<&str>,
    line: &Spanned<i64>,
    diags: &mut impl Extend<Diagnostic>,
) -> SourceRef {
    let n = *line.get_ref();
    let doc = doc.unwrap_or("");
    if n <= 0 {
        diags.extend([Diagnostic::error(
            "line-out-of-range",
            format!("số dòng `{n}` phải từ 1 trở lên"),
        )
        .at(file.location(line.span()))]);
        return SourceRef {
            document: doc.into(),
            line: 0,
        };
    }
    if doc.is_empty() {
        return SourceRef {
            document: String::new(),
            line: n as usize,
        };
    }
    source_line(reg, file, doc, n as usize, line.span(), diags).unwrap_or(SourceRef {
        document: doc.into(),
        line: n as usize,
    })
}

/// The amount must be written on the line it cites: the check that keeps every published number
/// traceable.
pub(super) fn check_amount_on_line(
    reg: &Registry,
    file: &SourceFile,
    source: &SourceRef,
    value: Decimal,
    span: std::ops::Range<usize>,
    diags: &mut impl Extend<Diagnostic>,
) {
    let Some(doc) = reg.documents.get(&source.document) else {
        return;
    };
    // Numbers are read whole, in Vietnamese notation; a line that states đồng (or tỷ đồng) must
    // state exactly the amount converted to million VND.
    let Some((text, written)) = vn_number::numbers_on_line(|n| doc.line(n), source.line) else {
        return;
    };
    if written.iter().any(|w| w.states_million_vnd(value)) {
        return;
    }
    let on_line = if written.is_empty() {
        "dòng này không ghi số nào".to_string()
    } else {
        let list: Vec<&str> = written.iter().map(|w| &text[w.span.clone()]).collect();
        format!("các số đọc được trên dòng: {}", list.join("; "))
    };
    diags.extend([Diagnostic::error(
        "amount-not-on-line",
        format!(
            "số {} không có ở dòng {} của văn bản `{}`",
            vn_number::format(value),
            source.line,
            source.document
        ),
    )
    .at(file.location(span))
    .hint(format!(
        "dòng {} viết: \"{}\" — {on_line}. Số phải khớp trọn một số của dòng, đọc theo cách viết Việt Nam (số tiền tính bằng triệu đồng: dòng ghi \"52.538.000.000 đồng\" thì viết 52538); sửa số hoặc số dòng cho khớp văn bản gốc",
        source.line,
        text.trim()
    ))]);
}

/// The id of an entry local to its plan: its explicit `id`, else `prefix` + its printed number
/// made a slug (`1.2` → `ct-1-2`). Either must be a valid id (at most 80 characters: it becomes
/// part of a file name). Returns the id and where it is written, for the uniqueness checks.
pub(super) fn local_id(
    file: &SourceFile,
    explicit: &Option<Spanned<String>>,
    number: Option<&Spanned<String>>,
    prefix: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
    at: std::ops::Range<usize>,
) -> Option<(String, crate::source::Location)> {
    match (explicit, number) {
        (Some(id), _) => {
            if is_valid_id(id.get_ref()) {
                Some((id.get_ref().clone(), file.location(id.span())))
            } else {
                diags.push(
                    Diagnostic::error(
                        "invalid-id",
                        format!("mã {what} `{}` không hợp lệ", id.get_ref()),
                    )
                    .at(file.location(id.span()))
                    .hint(format!(
                        "mã chỉ gồm chữ thường không dấu, chữ số và gạch ngang (tối đa 80 ký tự), ví dụ `{}`",
                        slugify(id.get_ref())
                    )),
                );
                None
            }
        }
        (None, Some(n)) if !slugify(n.get_ref()).is_empty() => {
            let id = format!("{prefix}{}", slugify(n.get_ref()));
            if is_valid_id(&id) {
                return Some((id, file.location(n.span())));
            }
            diags.push(
                Diagnostic::error(
                    "invalid-id",
                    format!(
                        "số thứ tự `{}` tạo ra mã {what} dài {} ký tự (tối đa 80)",
                        n.get_ref().chars().take(40).collect::<String>(),
                        id.len()
                    ),
                )
                .at(file.location(n.span()))
                .hint("mã được tạo từ số thứ tự và dùng làm tên tệp; với số thứ tự dài như vậy, đặt thêm id = \"...\" ngắn gọn"),
            );
            None
        }
        _ => {
            diags.push(
                Diagnostic::error("missing-field", format!("{what} không có `number` cũng không có `id`"))
                    .at(file.location(at))
                    .hint("ghi số thứ tự như văn bản in (number = \"1.2\"); nếu văn bản không in số, đặt id = \"...\""),
            );
            None
        }
    }
}

pub(super) fn units_list(
    reg: &Registry,
    file: &SourceFile,
    ids: &[Spanned<String>],
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    ids.iter()
        .filter(|id| check_unit(reg, file, id, diags))
        .map(|s| s.get_ref().clone())
        .collect()
}

pub(super) fn gov_level(
    file: &SourceFile,
    l: &Option<Spanned<String>>,
    diags: &mut Vec<Diagnostic>,
) -> GovLevel {
    match l {
        None => GovLevel::All,
        Some(s) => GovLevel::parse(s.get_ref()).unwrap_or_else(|| {
            diags.push(enum_error(file, s, "cấp chính quyền", GovLevel::NAMES));
            GovLevel::All
        }),
    }
}

pub(super) fn funding(
    file: &SourceFile,
    f: &Option<Spanned<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Funding> {
    let s = f.as_ref()?;
    Funding::parse(s.get_ref()).or_else(|| {
        diags.push(
            Diagnostic::error("invalid-funding", format!("nguồn vốn `{}` không đọc được", s.get_ref()))
                .at(file.location(s.span()))
                .hint("ghi như văn bản: loại chi CTX (thường xuyên) hoặc CĐT (đầu tư), và nguồn NST, NSH hoặc NSNN, ví dụ \"CTX, NST\""),
        );
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_digits_after_a_dot_look_like_vietnamese_thousands() {
        assert!(looks_vietnamese_thousands("1.400"));
        assert!(looks_vietnamese_thousands("325.188"));
        assert!(!looks_vietnamese_thousands("1.4"));
        assert!(!looks_vietnamese_thousands("0.125"));
        assert!(!looks_vietnamese_thousands("1.4250"));
        assert!(!looks_vietnamese_thousands("1400"));
    }
}

/// A required text field of a front matter: refused, at the field, when it is empty.
pub(super) fn required_text(
    file: &SourceFile,
    value: &Spanned<String>,
    field: &str,
    of: &str,
    diags: &mut Vec<Diagnostic>,
) -> String {
    if value.get_ref().trim().is_empty() {
        diags.push(
            Diagnostic::error("missing-field", format!("{of} chưa có `{field}`"))
                .at(file.location(value.span()))
                .hint(format!("chép {field} đúng như in trên văn bản")),
        );
    }
    value.get_ref().clone()
}
