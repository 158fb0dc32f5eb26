//! Targets (chỉ tiêu): goals read from their text, baselines and actual values read from their
//! cited lines.

use super::*;

pub(super) fn check_percent(
    file: &SourceFile,
    measure: Measure,
    value: Decimal,
    n: &Spanned<RawNumber>,
    diags: &mut Vec<Diagnostic>,
) {
    if measure == Measure::Percent && (value > Decimal::from(100) || value.is_sign_negative()) {
        diags.push(
            Diagnostic::error("percent-out-of-range", format!("tỷ lệ {}% nằm ngoài khoảng 0–100%", vn_number::format(value)))
                .at(file.location(n.span()))
                .hint("chỉ tiêu đo bằng phần trăm (measure = \"percent\") phải từ 0 đến 100; nếu là số lượng, dùng measure = \"count\""),
        );
    }
}

pub(super) fn resolve_target(
    reg: &Registry,
    file: &SourceFile,
    plan: &str,
    doc: Option<&str>,
    t: &raw::Target,
    claims: &mut Vec<Claim>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let (local, at) = local_id(
        file,
        &t.id,
        Some(&t.number),
        "ct-",
        "chỉ tiêu",
        diags,
        t.line.span(),
    )?;
    check_area(reg, file, &t.area, diags);
    let measure = Measure::parse(t.measure.get_ref()).unwrap_or_else(|| {
        diags.push(enum_error(file, &t.measure, "cách đo", Measure::NAMES));
        Measure::Count
    });
    let source = line_number(reg, file, doc, &t.line, diags);
    let mut goals = Vec::new();
    for g in &t.goal {
        let comparator = g.comparator.as_ref().and_then(|c| {
            Comparator::read(c.get_ref()).or_else(|| {
                diags.push(enum_error(file, c, "phép so sánh", Comparator::NAMES));
                None
            })
        });
        let value = g.value.as_ref().and_then(|v| {
            let d = number(file, v, "giá trị chỉ tiêu", diags)?;
            check_percent(file, measure, d, v, diags);
            let in_text = vn_number::numbers_in(&t.text).contains(&d);
            if !in_text {
                diags.push(
                    Diagnostic::error("goal-not-in-text", format!("giá trị {} không có trong lời văn của chỉ tiêu", vn_number::format(d)))
                        .at(file.location(v.span()))
                        .hint("giá trị chỉ tiêu phải lấy từ chính lời văn (text) của chỉ tiêu; kiểm tra lại số hoặc lời văn"),
                );
            }
            Some(d)
        });
        if measure != Measure::Milestone && g.value.is_none() {
            diags.push(
                Diagnostic::error("missing-field", "mục tiêu thiếu `value`")
                    .at(file.location(t.line.span()))
                    .hint("ghi giá trị văn bản đặt ra (value = 95), hoặc đổi measure = \"milestone\" nếu là mốc hoàn thành"),
            );
        }
        goals.push(Goal {
            level: gov_level(file, &g.level, diags),
            subject: g.subject.clone(),
            comparator,
            value,
        });
    }
    let mut values = Vec::new();
    for v in &t.value {
        let Some(kind) = ValueKind::parse(v.kind.get_ref()) else {
            diags.push(enum_error(file, &v.kind, "loại số liệu", ValueKind::NAMES));
            continue;
        };
        let Some(source) = source_ref(reg, file, &v.source, diags) else {
            continue;
        };
        let value = v.value.as_ref().and_then(|n| {
            let d = number(file, n, "số liệu", diags)?;
            check_percent(file, measure, d, n, diags);
            check_amount_on_line(reg, file, &source, d, n.span(), diags);
            Some(d)
        });
        if v.value.is_none() && v.text.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    "missing-field",
                    "số liệu không có `value` cũng không có `text`",
                )
                .at(file.location(v.source.span()))
                .hint("ghi con số (value = 87.85) hoặc lời văn bản (text = \"...\")"),
            );
        }
        let as_of = v.as_of.as_ref().and_then(|s| date(file, s, diags));
        values.push(TargetValue {
            kind,
            level: gov_level(file, &v.level, diags),
            subject: v.subject.clone(),
            value,
            text: v.text.clone(),
            year: v.year.as_ref().and_then(|y| {
                let year = *y.get_ref();
                if i32::try_from(year).is_ok_and(|y| crate::dates::YEARS.contains(&y)) {
                    Some(year)
                } else {
                    diags.push(
                        Diagnostic::error(
                            "invalid-date",
                            format!(
                                "năm {year} nằm ngoài khoảng {}–{} mà kế hoạch có thể nói tới",
                                crate::dates::YEARS.start(),
                                crate::dates::YEARS.end()
                            ),
                        )
                        .at(file.location(y.span()))
                        .hint("viết năm của số liệu đủ bốn chữ số, ví dụ year = 2024"),
                    );
                    None
                }
            }),
            as_of,
            source,
            note: v.note.clone(),
            report: None,
        });
    }
    let target = Target {
        id: format!("{plan}-{local}"),
        plan: plan.into(),
        number: t.number.get_ref().clone(),
        area: t.area.get_ref().clone(),
        text: t.text.clone(),
        measure,
        lead: units_list(reg, file, &t.lead, diags),
        coordinating: units_list(reg, file, &t.coordinating, diags),
        source,
        interpretation: t.interpretation.clone(),
        goals,
        values,
    };
    // The target's page and its goal rows in the data package (`…-ct-8-1`, `…-ct-8-province`).
    let mut ids = vec![target.id.clone()];
    ids.extend(
        crate::opendata::resources::goal_row_ids(&target)
            .into_iter()
            .filter(|r| *r != target.id),
    );
    claims.extend(ids.into_iter().map(|id| Claim {
        ns: Namespace::Target,
        id,
        at: at.clone(),
    }));
    Some(target)
}
