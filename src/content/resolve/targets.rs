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

/// A year a target or goal is due, checked to be one a plan can speak of.
fn horizon_year(file: &SourceFile, y: &Spanned<i64>, diags: &mut Vec<Diagnostic>) -> Option<i32> {
    let year = *y.get_ref();
    match i32::try_from(year) {
        Ok(y) if crate::dates::YEARS.contains(&y) => Some(y),
        _ => {
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
                .hint("viết năm đủ bốn chữ số, ví dụ horizon = 2030"),
            );
            None
        }
    }
}

/// A number of a goal (value or end of a range), checked to be in the target's own words.
fn goal_number(
    file: &SourceFile,
    t: &raw::Target,
    measure: Measure,
    v: &Spanned<RawNumber>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Decimal> {
    let d = number(file, v, what, diags)?;
    check_percent(file, measure, d, v, diags);
    if !vn_number::numbers_in(&t.text).contains(&d) {
        diags.push(
            Diagnostic::error("goal-not-in-text", format!("giá trị {} không có trong lời văn của chỉ tiêu", vn_number::format(d)))
                .at(file.location(v.span()))
                .hint("giá trị chỉ tiêu phải lấy từ chính lời văn (text) của chỉ tiêu; kiểm tra lại số hoặc lời văn"),
        );
    }
    Some(d)
}

/// Links each target to the target it is a part of (`parent`: a number or id of the same plan),
/// and each parent to its parts, refusing unknown parents, self-references and cycles.
pub(super) fn link_target_parts(
    file: &SourceFile,
    plan: &str,
    parts: &[(String, &Spanned<String>)],
    targets: &mut [Target],
    diags: &mut Vec<Diagnostic>,
) {
    let index: HashMap<String, usize> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (child, reference) in parts {
        let r = reference.get_ref();
        let Some(&c) = index.get(child.as_str()) else {
            continue;
        };
        let found = targets
            .iter()
            .position(|t| t.number == *r)
            .or_else(|| index.get(r).copied())
            .or_else(|| index.get(&format!("{plan}-{r}")).copied());
        match found {
            Some(p) if p == c => diags.push(
                Diagnostic::error("self-reference", "chỉ tiêu không thể là một phần của chính nó")
                    .at(file.location(reference.span()))
                    .hint("parent là số thứ tự của chỉ tiêu lớn chứa chỉ tiêu này, ví dụ parent = \"1\" cho chỉ tiêu 1.a"),
            ),
            Some(p) => links.push((c, p)),
            None => {
                let numbers: Vec<&str> = targets.iter().map(|t| t.number.as_str()).take(12).collect();
                diags.push(
                    Diagnostic::error("unknown-reference", format!("không có chỉ tiêu `{r}` trong kế hoạch này để làm chỉ tiêu cha"))
                        .at(file.location(reference.span()))
                        .hint(format!("parent là số thứ tự (hoặc mã) của một chỉ tiêu trong cùng tệp; các số có: {}", numbers.join(", "))),
                );
            }
        }
    }
    for &(c, p) in &links {
        targets[c].parent = Some(targets[p].id.clone());
    }
    // A chain of parents that comes back to its start is refused, at the first target on it.
    for &(c, _) in &links {
        let mut current = targets[c].parent.clone();
        let mut steps = 0;
        while let Some(p) = current {
            if p == targets[c].id || steps > targets.len() {
                diags.push(
                    Diagnostic::error(
                        "parent-cycle",
                        format!(
                            "chỉ tiêu {} là một phần của chính nó (qua chuỗi `parent`)",
                            targets[c].number
                        ),
                    )
                    .at(file.location(0..0))
                    .hint("kiểm tra lại trường parent của các chỉ tiêu trong chuỗi"),
                );
                targets[c].parent = None;
                break;
            }
            current = index.get(&p).and_then(|&i| targets[i].parent.clone());
            steps += 1;
        }
    }
    for i in 0..targets.len() {
        if let Some(p) = targets[i].parent.clone() {
            let id = targets[i].id.clone();
            if let Some(&pi) = index.get(&p) {
                targets[pi].children.push(id);
            }
        }
    }
}

pub(super) fn resolve_target(
    reg: &Registry,
    file: &SourceFile,
    plan_ref: &Plan,
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
    let plan = plan_ref.id.as_str();
    check_area(reg, file, &t.area, diags);
    let measure = Measure::read(t.measure.get_ref()).unwrap_or_else(|| {
        diags.push(enum_error(file, &t.measure, "cách đo", Measure::NAMES));
        Measure::Count
    });
    let lower_is_better = match t.better.as_ref().map(|b| (b, b.get_ref().as_str())) {
        None => measure == Measure::Rank,
        Some((_, "lower")) => true,
        Some((b, "higher")) => {
            if measure == Measure::Rank {
                diags.push(
                    Diagnostic::error("invalid-value", "thứ hạng luôn là số nhỏ hơn thì tốt hơn")
                        .at(file.location(b.span()))
                        .hint("bỏ better = \"higher\"; nếu số lớn hơn là tốt hơn thì đây không phải thứ hạng, dùng measure = \"index\""),
                );
            }
            false
        }
        Some((b, _)) => {
            diags.push(enum_error(file, b, "hướng tốt hơn", &["higher", "lower"]));
            measure == Measure::Rank
        }
    };
    let unit = match &t.unit {
        Some(u) if !measure.is_numeric() => {
            diags.push(
                Diagnostic::error("invalid-value", format!("chỉ tiêu {} không có số nên không có đơn vị đo", measure.as_str()))
                    .at(file.location(u.span()))
                    .hint("bỏ trường unit, hoặc đổi measure thành loại có số (percent, count, rate, rank, index, money)"),
            );
            String::new()
        }
        Some(u) => u.get_ref().trim().to_string(),
        None => measure.default_unit().to_string(),
    };
    let horizon = match &t.horizon {
        Some(y) => horizon_year(file, y, diags),
        None => plan_ref.period_end(),
    };
    let source = line_number(reg, file, doc, &t.line, diags);
    let mut goals = Vec::new();
    for g in &t.goal {
        let comparator = g.comparator.as_ref().and_then(|c| {
            Comparator::read(c.get_ref()).or_else(|| {
                diags.push(enum_error(file, c, "phép so sánh", Comparator::NAMES));
                None
            })
        });
        let value = g
            .value
            .as_ref()
            .and_then(|v| goal_number(file, t, measure, v, "giá trị chỉ tiêu", diags));
        let range = match (&g.low, &g.high) {
            (None, None) => None,
            (Some(lo), Some(hi)) => {
                if let Some(x) = g
                    .value
                    .as_ref()
                    .map(|v| v.span())
                    .or(g.comparator.as_ref().map(|c| c.span()))
                {
                    diags.push(
                        Diagnostic::error("invalid-value", "mục tiêu có khoảng (low, high) thì không ghi thêm value hay comparator")
                            .at(file.location(x))
                            .hint("khoảng “40 – 50” ghi low = 40, high = 50; một giá trị “≥ 40” ghi comparator = \">=\", value = 40"),
                    );
                }
                let low = goal_number(file, t, measure, lo, "đầu dưới của khoảng", diags);
                let high = goal_number(file, t, measure, hi, "đầu trên của khoảng", diags);
                match (low, high) {
                    (Some(low), Some(high)) if low < high => Some(Range {
                        low,
                        high,
                        low_inclusive: g.low_inclusive.unwrap_or(true),
                        high_inclusive: g.high_inclusive.unwrap_or(true),
                    }),
                    (Some(_), Some(_)) => {
                        diags.push(
                            Diagnostic::error("invalid-value", "đầu dưới của khoảng phải nhỏ hơn đầu trên")
                                .at(file.location(lo.span()))
                                .hint("ghi low là số nhỏ, high là số lớn: “40 – 50” → low = 40, high = 50"),
                        );
                        None
                    }
                    _ => None,
                }
            }
            (Some(x), None) | (None, Some(x)) => {
                diags.push(
                    Diagnostic::error("missing-field", "khoảng cần cả `low` và `high`")
                        .at(file.location(x.span()))
                        .hint("khoảng “40 – 50” ghi low = 40, high = 50; một giá trị ghi value"),
                );
                None
            }
        };
        if !measure.is_numeric() {
            if let Some(x) = g
                .value
                .as_ref()
                .map(|v| v.span())
                .or(g.low.as_ref().map(|v| v.span()))
            {
                diags.push(
                    Diagnostic::error("invalid-value", format!("chỉ tiêu dạng {} không có giá trị số", measure.as_str()))
                        .at(file.location(x))
                        .hint("đổi measure thành loại có số (percent, count, rate, rank, index, money), hoặc bỏ value"),
                );
            }
        } else if g.value.is_none() && g.low.is_none() && g.high.is_none() {
            diags.push(
                Diagnostic::error("missing-field", "mục tiêu thiếu `value`")
                    .at(file.location(t.line.span()))
                    .hint("ghi giá trị văn bản đặt ra (value = 95) hoặc khoảng (low = 40, high = 50); nếu là mốc hoàn thành thì đổi measure = \"milestone\", nếu là cam kết bằng lời thì measure = \"text\""),
            );
        }
        goals.push(Goal {
            level: gov_level(file, &g.level, diags),
            subject: g.subject.clone(),
            comparator,
            value,
            range,
            year: g.year.as_ref().and_then(|y| horizon_year(file, y, diags)),
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
        unit,
        lower_is_better,
        horizon,
        parent: None,
        children: Vec::new(),
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
