//! Progress reports: task results and target actual values, checked against the plans.

use super::*;

/// The task and target ids of every plan, built once for all reports.
struct PlanIndex<'s> {
    tasks: HashSet<&'s str>,
    /// Target id → (plan index, target index, measure).
    targets: HashMap<&'s str, (usize, usize, Measure)>,
}

/// An actual value a report states, to be attached to target `.1` of plan `.0`.
type Actual = (usize, usize, TargetValue);

/// Resolves every report (in parallel) and attaches the actual values they state to their
/// targets.
pub(super) fn resolve_reports(
    raw: &RawContent,
    reg: &Registry,
    site: &mut Site,
    diags: &mut Diagnostics,
) {
    let index = PlanIndex {
        tasks: site
            .plans
            .iter()
            .flat_map(|p| p.tasks.iter().map(|t| t.id.as_str()))
            .collect(),
        targets: site
            .plans
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| {
                p.targets
                    .iter()
                    .enumerate()
                    .map(move |(ti, t)| (t.id.as_str(), (pi, ti, t.measure)))
            })
            .collect(),
    };
    let mut seen = HashSet::new();
    let unique: Vec<&RawReport> = raw
        .reports
        .iter()
        .filter(|r| seen.insert(r.id.as_str()))
        .collect();
    let resolved: Vec<(Option<Report>, Vec<Actual>, Vec<Diagnostic>)> = unique
        .par_iter()
        .map(|r| resolve_report(reg, &index, r))
        .collect();
    drop(index);
    for (report, actuals, ds) in resolved {
        diags.extend(ds);
        for (pi, ti, v) in actuals {
            site.plans[pi].targets[ti].values.push(v);
        }
        site.reports.extend(report);
    }
    site.reports.sort_by(|a, b| a.id.cmp(&b.id));
}

fn resolve_report(
    reg: &Registry,
    index: &PlanIndex,
    r: &RawReport,
) -> (Option<Report>, Vec<Actual>, Vec<Diagnostic>) {
    let mut ds = Vec::new();
    let f = &r.front;
    let file = &r.file;
    required_text(file, &f.title, "title", "báo cáo", &mut ds);
    if !is_valid_id(&r.id) {
        ds.push(
            Diagnostic::error(
                "invalid-id",
                format!("tên thư mục báo cáo `{}` không dùng được làm mã", r.id),
            )
            .at(file.location(0..0))
            .hint(format!("ví dụ `{}`", slugify(&r.id))),
        );
    }
    check_unit(reg, file, &f.issuer, &mut ds);
    let as_of = date(file, &f.as_of, &mut ds);
    let document = known_document(reg, file, f.document.get_ref(), f.document.span(), &mut ds)
        .map(|d| d.id.clone());
    for p in &f.plans {
        check_plan_ref(reg, file, p, &mut ds);
    }
    let mut results = Vec::new();
    let mut actuals = Vec::new();
    if let Some(progress) = &r.progress {
        let pfile = &progress.file;
        let (raw_results, raw_actuals) = &progress.value;
        for res in raw_results {
            if !index.tasks.contains(res.task.get_ref().as_str()) {
                if reg.in_broken_plan(res.task.get_ref()) {
                    continue;
                }
                let hint = match nearest(res.task.get_ref(), index.tasks.iter().copied()) {
                    Some(s) => {
                        format!("có phải `{s}`? Mã nhiệm vụ = mã kế hoạch + \"-nv-\" + số thứ tự")
                    }
                    None => {
                        "mã nhiệm vụ = mã kế hoạch + \"-nv-\" + số thứ tự (hoặc id riêng)".into()
                    }
                };
                ds.push(
                    Diagnostic::error(
                        "unknown-task",
                        format!("không có nhiệm vụ `{}`", res.task.get_ref()),
                    )
                    .at(pfile.location(res.task.span()))
                    .hint(hint),
                );
                continue;
            }
            let status = res.status.as_ref().and_then(|s| {
                StatedStatus::parse(s.get_ref()).or_else(|| {
                    ds.push(enum_error(pfile, s, "trạng thái", StatedStatus::NAMES));
                    None
                })
            });
            results.push(TaskResult {
                task: res.task.get_ref().clone(),
                status,
                text: res.text.clone(),
                evidence: res.evidence.clone(),
                source: line_number(reg, pfile, document.as_deref(), &res.line, &mut ds),
                interpretation: res.interpretation.clone(),
            });
        }
        for a in raw_actuals {
            let Some(&(pi, ti, measure)) = index.targets.get(a.target.get_ref().as_str()) else {
                if reg.in_broken_plan(a.target.get_ref()) {
                    continue;
                }
                let hint = match nearest(a.target.get_ref(), index.targets.keys().copied()) {
                    Some(s) => format!("có phải `{s}`?"),
                    None => "mã chỉ tiêu = mã kế hoạch + \"-ct-\" + số thứ tự".into(),
                };
                ds.push(
                    Diagnostic::error(
                        "unknown-target",
                        format!("không có chỉ tiêu `{}`", a.target.get_ref()),
                    )
                    .at(pfile.location(a.target.span()))
                    .hint(hint),
                );
                continue;
            };
            let source = line_number(reg, pfile, document.as_deref(), &a.line, &mut ds);
            let value = a.value.as_ref().and_then(|n| {
                let d = number(pfile, n, "số liệu", &mut ds)?;
                check_percent(pfile, measure, d, n, &mut ds);
                check_amount_on_line(reg, pfile, &source, d, n.span(), &mut ds);
                Some(d)
            });
            let level = gov_level(pfile, &a.level, &mut ds);
            actuals.push((
                pi,
                ti,
                TargetValue {
                    kind: ValueKind::Actual,
                    level,
                    subject: a.subject.clone(),
                    value,
                    text: a.text.clone(),
                    year: as_of.map(|d| d.year as i64),
                    as_of,
                    source,
                    note: a.note.clone(),
                    report: Some(r.id.clone()),
                },
            ));
        }
    }
    let ok = !ds
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error)
        || as_of.is_some();
    let report = as_of.filter(|_| ok).map(|as_of| Report {
        id: r.id.clone(),
        title: f.title.get_ref().clone(),
        number: f.number.clone().filter(|n| !n.trim().is_empty()),
        issuer: f.issuer.get_ref().clone(),
        as_of,
        document: document.unwrap_or_default(),
        plans: f.plans.iter().map(|p| p.get_ref().clone()).collect(),
        summary: f.summary.clone(),
        body_markdown: r.body.clone(),
        results,
    });
    (report, actuals, ds)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    const R: &str = "reports/bc-1-2025/progress.toml";

    #[test]
    fn a_result_for_an_unknown_task_is_refused_at_the_reference() {
        let c = Content::minimal()
            .replace(R, "\"kh-1-2025-nv-1\"", "\"kh-1-2025-nv-7\"")
            .check();
        assert_eq!(
            c.located("unknown-task"),
            (
                "reports/bc-1-2025/progress.toml:2".into(),
                "\"kh-1-2025-nv-7\"".into()
            )
        );
    }

    #[test]
    fn an_actual_value_for_an_unknown_target_is_refused_at_the_reference() {
        let c = Content::minimal()
            .replace(R, "\"kh-1-2025-ct-1\"", "\"kh-1-2025-ct-3\"")
            .check();
        assert_eq!(c.located("unknown-target").1, "\"kh-1-2025-ct-3\"");
    }

    #[test]
    fn an_actual_value_must_be_on_its_cited_line() {
        let c = Content::minimal()
            .replace(R, "value = 92", "value = 9")
            .check();
        assert_eq!(c.located("amount-not-on-line").1, "9");
    }
}
