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
    checked_year(
        file,
        y,
        "viết năm đủ bốn chữ số, ví dụ horizon = 2030",
        diags,
    )
}

/// A year the content gives, refused (located, with `hint`) outside the years plans speak of.
fn checked_year(
    file: &SourceFile,
    y: &Spanned<i64>,
    hint: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<i32> {
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
                .hint(hint),
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
    let mut links: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
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
            Some(p) => links.push((c, p, reference.span())),
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
    for (c, p, _) in &links {
        targets[*c].parent = Some(targets[*p].id.clone());
    }
    // A chain of parents that comes back to its start is refused, at the first target on it.
    for (c, _, at) in &links {
        let c = *c;
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
                    .at(file.location(at.clone()))
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
                checked_year(
                    file,
                    y,
                    "viết năm của số liệu đủ bốn chữ số, ví dụ year = 2024",
                    diags,
                )
                .map(i64::from)
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

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;
    use crate::model::Measure;

    const T: &str = "plans/kh-1-2025/targets.toml";

    /// A second target cited on line 4, with the given fields after `text`.
    fn with_target(text: &str, fields: &str) -> Content {
        Content::minimal().append(
            T,
            &format!("\n[[target]]\nnumber = \"2\"\narea = \"chinh-quyen-so\"\ntext = \"{text}\"\nline = 4\n{fields}\n"),
        )
    }

    #[test]
    fn a_range_is_one_goal_with_both_ends() {
        let site = with_target(
            "Tỷ trọng đạt 40 – 50% GDP.",
            "measure = \"percent\"\nunit = \"% GDP\"\n[[target.goal]]\nlow = 40\nhigh = 50\nhigh_inclusive = false",
        )
        .check()
        .accepted();
        let t = &site.plans[0].targets[1];
        assert_eq!(t.unit, "% GDP");
        assert_eq!(t.goals.len(), 1);
        let r = t.goals[0].range.as_ref().unwrap();
        assert_eq!(
            (r.low.to_string(), r.high.to_string()),
            ("40".into(), "50".into())
        );
        assert!(r.low_inclusive && !r.high_inclusive);
    }

    #[test]
    fn a_range_whose_low_end_is_not_below_its_high_end_is_refused_at_the_low_end() {
        let c = with_target(
            "Đạt 40 – 50.",
            "measure = \"count\"\n[[target.goal]]\nlow = 50\nhigh = 40",
        )
        .check();
        assert_eq!(c.located("invalid-value").1, "50");
    }

    #[test]
    fn a_rank_is_lower_is_better_and_cannot_be_said_higher() {
        let site = with_target(
            "Xếp hạng trong nhóm 50.",
            "measure = \"rank\"\n[[target.goal]]\ncomparator = \"<=\"\nvalue = 50",
        )
        .check()
        .accepted();
        assert!(site.plans[0].targets[1].lower_is_better);
        let c = with_target(
            "Xếp hạng trong nhóm 50.",
            "measure = \"rank\"\nbetter = \"higher\"\n[[target.goal]]\ncomparator = \"<=\"\nvalue = 50",
        )
        .check();
        assert_eq!(c.located("invalid-value").1, "\"higher\"");
    }

    #[test]
    fn a_text_commitment_has_no_unit_and_no_value() {
        let site = with_target("Đạt mức tiên tiến ở nhiều lĩnh vực.", "measure = \"text\"")
            .check()
            .accepted();
        assert_eq!(site.plans[0].targets[1].measure, Measure::Text);
        let c = with_target("Đạt mức tiên tiến.", "measure = \"text\"\nunit = \"%\"").check();
        assert_eq!(c.located("invalid-value").1, "\"%\"");
    }

    #[test]
    fn decimal_commas_and_zero_padded_numbers_in_the_text_are_read_exactly() {
        let site = with_target(
            "Đạt 05 trung tâm và 87,85 điểm.",
            "measure = \"count\"\n[[target.goal]]\nsubject = \"trung tâm\"\nvalue = 5\n[[target.goal]]\nsubject = \"điểm\"\nvalue = 87.85",
        )
        .check()
        .accepted();
        let goals = &site.plans[0].targets[1].goals;
        assert_eq!(goals[0].value.unwrap().to_string(), "5");
        assert_eq!(goals[1].value.unwrap().to_string(), "87.85");
        // 87,8 is a fragment of 87,85, not a number of the text.
        let c = with_target(
            "Đạt 87,85 điểm.",
            "measure = \"count\"\n[[target.goal]]\nvalue = 87.8",
        )
        .check();
        assert_eq!(c.located("goal-not-in-text").1, "87.8");
    }

    #[test]
    fn a_goal_value_must_be_in_the_target_text() {
        let c = with_target(
            "Đạt 40.",
            "measure = \"count\"\n[[target.goal]]\nvalue = 45",
        )
        .check();
        assert_eq!(c.located("goal-not-in-text").1, "45");
    }

    #[test]
    fn the_horizon_defaults_to_the_end_of_the_plan_period_and_must_be_a_year() {
        let site = Content::minimal().check().accepted();
        assert_eq!(site.plans[0].targets[0].horizon, Some(2025));
        let c = with_target(
            "Đạt 40.",
            "measure = \"count\"\nhorizon = 30\n[[target.goal]]\nvalue = 40",
        )
        .check();
        assert_eq!(c.located("invalid-date").1, "30");
    }

    #[test]
    fn sub_targets_link_to_their_parent_and_the_parent_lists_them() {
        let site = with_target(
            "Đạt 40.",
            "measure = \"count\"\nparent = \"1\"\n[[target.goal]]\nvalue = 40",
        )
        .check()
        .accepted();
        let ts = &site.plans[0].targets;
        assert_eq!(ts[1].parent.as_deref(), Some(ts[0].id.as_str()));
        assert_eq!(ts[0].children, vec![ts[1].id.clone()]);
    }

    #[test]
    fn an_unknown_parent_and_a_cycle_of_parents_are_refused_where_parent_is_written() {
        let c = with_target(
            "Đạt 40.",
            "measure = \"count\"\nparent = \"9\"\n[[target.goal]]\nvalue = 40",
        )
        .check();
        let (at, text) = c.located("unknown-reference");
        assert!(at.starts_with("plans/kh-1-2025/targets.toml:"), "{at}");
        assert_eq!(text, "\"9\"");
        let c = with_target(
            "Đạt 40.",
            "measure = \"count\"\nparent = \"1\"\n[[target.goal]]\nvalue = 40",
        )
        .replace(
            T,
            "measure = \"percent\"\n",
            "measure = \"percent\"\nparent = \"2\"\n",
        )
        .check();
        assert!(
            c.errors().iter().any(|e| e.starts_with("parent-cycle")),
            "{:?}",
            c.errors()
        );
        assert!(
            c.diagnostics
                .iter()
                .filter(|d| d.code == "parent-cycle")
                .all(|d| d.location.as_ref().unwrap().line > 1)
        );
    }
}
