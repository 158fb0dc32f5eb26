//! Plans: front matter, and the targets, budget and tasks they own.

use super::*;

/// A plan with its targets, budget and tasks, and the ids its entries claim.
pub(super) fn resolve_plan(
    reg: &Registry,
    p: &RawPlan,
    claims: &mut Vec<Claim>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let f = &p.front;
    let file = &p.file;
    check_unit(reg, file, &f.issuer, diags);
    let level = PlanLevel::parse(f.level.get_ref()).unwrap_or_else(|| {
        diags.push(enum_error(
            file,
            &f.level,
            "cấp kế hoạch",
            &PlanLevel::NAMES,
        ));
        PlanLevel::Province
    });
    let kind = match &f.kind {
        None => PlanKind::Plan,
        Some(k) => PlanKind::parse(k.get_ref()).unwrap_or_else(|| {
            diags.push(enum_error(file, k, "loại văn bản", PlanKind::NAMES));
            PlanKind::Plan
        }),
    };
    let status = match &f.status {
        None => PlanStatus::Published,
        Some(s) => PlanStatus::parse(s.get_ref()).unwrap_or_else(|| {
            diags.push(enum_error(
                file,
                s,
                "trạng thái kế hoạch",
                PlanStatus::NAMES,
            ));
            PlanStatus::Published
        }),
    };
    let issued = f.issued.as_ref().and_then(|s| date(file, s, diags));
    let document = f.document.as_ref().and_then(|d| {
        if reg.documents.contains_key(d.get_ref()) {
            Some(d.get_ref().clone())
        } else {
            known_document(reg, file, d.get_ref(), d.span(), diags);
            None
        }
    });
    let cited_in = f
        .cited_in
        .as_ref()
        .and_then(|c| source_ref(reg, file, c, diags));
    match status {
        PlanStatus::Published if f.document.is_none() => diags.push(
            Diagnostic::error("missing-field", "kế hoạch thiếu trường `document` (văn bản nguồn)")
                .at(file.location(0..3))
                .hint("thêm document = \"mã-văn-bản\"; nếu kế hoạch chỉ được trích dẫn trong văn bản khác, ghi status = \"cited\" và cited_in = \"mã:dòng\""),
        ),
        PlanStatus::Cited if f.cited_in.is_none() => diags.push(
            Diagnostic::error("missing-field", "kế hoạch được trích dẫn (status = \"cited\") thiếu trường `cited_in`")
                .at(file.location(0..3))
                .hint("ghi nơi trích dẫn: cited_in = \"mã-văn-bản:số-dòng\""),
        ),
        _ => {}
    }
    for r in f.implements.iter().chain(&f.replaces) {
        check_plan_ref(reg, file, r, diags);
        if r.get_ref() == &p.id {
            diags.push(
                Diagnostic::error(
                    "self-reference",
                    "kế hoạch không thể thực hiện hay thay thế chính nó",
                )
                .at(file.location(r.span())),
            );
        }
    }
    let doc = document
        .clone()
        .or(cited_in.as_ref().map(|c| c.document.clone()));
    let doc = doc.as_deref();

    let mut plan = Plan {
        id: p.id.clone(),
        kind,
        number: f.number.clone().filter(|n| !n.trim().is_empty()),
        title: required_text(file, &f.title, "title", "kế hoạch", diags),
        issuer: f.issuer.get_ref().clone(),
        level,
        issued,
        period: f.period.clone(),
        signer: f.signer.clone(),
        signer_title: f.signer_title.clone(),
        document: document.clone(),
        implements: f.implements.iter().map(|s| s.get_ref().clone()).collect(),
        replaces: f.replaces.iter().map(|s| s.get_ref().clone()).collect(),
        implemented_by: Vec::new(),
        replaced_by: Vec::new(),
        legal_bases: f.legal_bases.clone(),
        status,
        cited_in,
        summary: f.summary.clone(),
        body_markdown: p.body.clone(),
        targets: Vec::new(),
        budget: None,
        tasks: Vec::new(),
    };
    if let Some(t) = &p.targets {
        let mut parts = Vec::new();
        plan.targets = t
            .value
            .iter()
            .filter_map(|x| {
                let target = resolve_target(reg, &t.file, &plan, doc, x, claims, diags)?;
                if let Some(parent) = &x.parent {
                    parts.push((target.id.clone(), parent));
                }
                Some(target)
            })
            .collect();
        link_target_parts(&t.file, &plan.id, &parts, &mut plan.targets, diags);
    }
    if let Some(b) = &p.budget {
        let (budget, budget_claims) = resolve_budget(reg, &b.file, &plan, doc, &b.value, diags);
        plan.budget = Some(budget);
        claims.extend(budget_claims);
    }
    if let Some(t) = &p.tasks {
        plan.tasks = t
            .value
            .iter()
            .filter_map(|x| resolve_task(reg, &t.file, &plan.id, doc, x, claims, diags))
            .collect();
    }
    Some(plan)
}

pub(super) fn link_plans(site: &mut Site) {
    let mut by: HashMap<String, Vec<String>> = HashMap::new();
    let mut replaced: HashMap<String, Vec<String>> = HashMap::new();
    for p in &site.plans {
        for i in &p.implements {
            by.entry(i.clone()).or_default().push(p.id.clone());
        }
        for r in &p.replaces {
            replaced.entry(r.clone()).or_default().push(p.id.clone());
        }
    }
    for p in &mut site.plans {
        p.implemented_by = by.remove(&p.id).unwrap_or_default();
        p.replaced_by = replaced.remove(&p.id).unwrap_or_default();
    }
}

/// The plan ids of the content (folder names), each checked to be usable as an id, with those of
/// plans whose `plan.md` did not parse.
pub(super) fn plan_ids<'r>(raw: &'r RawContent, diags: &mut Diagnostics) -> HashSet<&'r str> {
    let mut plan_ids = HashSet::new();
    for p in &raw.plans {
        if !is_valid_id(&p.id) {
            diags.push(
                Diagnostic::error(
                    "invalid-id",
                    format!("tên thư mục kế hoạch `{}` không dùng được làm mã", p.id),
                )
                .at(p.file.location(0..0))
                .hint(format!(
                    "đổi tên thư mục thành chữ thường không dấu, nối bằng gạch ngang, ví dụ `{}`",
                    slugify(&p.id)
                )),
            );
        }
        plan_ids.insert(p.id.as_str());
    }
    plan_ids.extend(raw.broken_plans.iter().map(String::as_str));
    plan_ids
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;
    use crate::model::PlanKind;

    const P: &str = "plans/kh-1-2025/plan.md";

    #[test]
    fn a_resolution_is_called_a_resolution() {
        let site = Content::minimal()
            .replace(
                P,
                "level = \"province\"",
                "level = \"province\"\nkind = \"resolution\"",
            )
            .replace(P, "number = \"1/KH-UBND\"", "number = \"1/NQ-HĐND\"")
            .check()
            .accepted();
        assert_eq!(site.plans[0].kind, PlanKind::Resolution);
        assert_eq!(site.plans[0].label(), "Nghị quyết 1/NQ-HĐND");
    }

    #[test]
    fn a_plan_kind_outside_the_vocabulary_is_refused_with_the_choices() {
        let c = Content::minimal()
            .replace(
                P,
                "level = \"province\"",
                "level = \"province\"\nkind = \"nghi-quyet\"",
            )
            .check();
        let d = c.the_error("invalid-value");
        assert!(
            d.hint.as_ref().unwrap().contains("resolution"),
            "{:?}",
            d.hint
        );
    }

    #[test]
    fn a_plan_without_a_title_is_refused_at_the_title() {
        let c = Content::minimal()
            .replace(
                P,
                "title = \"Kế hoạch Chuyển đổi số tỉnh Thử năm 2025\"",
                "title = \"\"",
            )
            .check();
        assert_eq!(
            c.located("missing-field"),
            ("plans/kh-1-2025/plan.md:3".into(), "\"\"".into())
        );
    }

    #[test]
    fn the_period_end_is_the_last_year_it_names() {
        let site = Content::minimal()
            .replace(P, "period = \"2025\"", "period = \"2025–2030\"")
            .check()
            .accepted();
        assert_eq!(site.plans[0].period_end(), Some(2030));
        assert_eq!(site.plans[0].targets[0].horizon, Some(2030));
    }
}
