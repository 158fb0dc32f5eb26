//! Budgets (kinh phí): groups, bodies, items and their parts, every amount read exactly from its
//! cited line.

use super::*;

pub(super) fn place_default(reg: &Registry, unit: &str) -> Option<String> {
    let kind = reg
        .units
        .get(unit)
        .and_then(|u| UnitKind::parse(u.kind.get_ref()))?;
    kind.is_territory().then(|| unit.to_string())
}

pub(super) fn resolve_budget(
    reg: &Registry,
    file: &SourceFile,
    plan: &Plan,
    doc: Option<&str>,
    b: &RawBudget,
    diags: &mut Vec<Diagnostic>,
) -> (Budget, Vec<Claim>) {
    let place = b
        .header
        .place
        .as_ref()
        .and_then(|p| check_unit(reg, file, p, diags).then(|| p.get_ref().clone()));
    let mut budget = Budget {
        place: place.clone(),
        declared: Vec::new(),
        groups: Vec::new(),
        bodies: Vec::new(),
        lines: Vec::new(),
    };
    // A declared total is one row of `budget-totals`, keyed by what it totals and its line:
    // the same total declared twice on one line is a copy-paste slip.
    let mut declared_at: HashMap<(Option<Funding>, usize), crate::source::Location> =
        HashMap::new();
    // Where each funding source's total is first declared: its scope id is claimed below.
    let mut funding_scopes: Vec<(Funding, crate::source::Location)> = Vec::new();
    for d in &b.header.declared {
        let source = line_number(reg, file, doc, &d.line, diags);
        let Some(value) = amount(file, &d.amount, diags) else {
            continue;
        };
        check_amount_on_line(reg, file, &source, value, d.amount.span(), diags);
        let funding = funding(file, &d.funding, diags);
        let at = file.location(d.line.span());
        if let Some(first) = declared_at.get(&(funding, source.line)) {
            diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    "tổng này đã được khai báo ở cùng dòng văn bản",
                )
                .at(at)
                .related(first.clone(), "đã khai báo lần đầu ở đây")
                .hint("mỗi tổng văn bản ghi chỉ khai báo một lần; xóa mục [[declared]] lặp lại"),
            );
            continue;
        }
        declared_at.insert((funding, source.line), at.clone());
        if let Some(f) = funding {
            if !funding_scopes.iter().any(|(g, _)| *g == f) {
                funding_scopes.push((f, at));
            }
        }
        budget.declared.push(Declared {
            label: d.label.clone(),
            funding,
            amount: value,
            source,
        });
    }
    let prefix = format!("{}-kp-", plan.id);
    // Ids in the order they are claimed, for the site-wide check; `seen` finds duplicates
    // within the plan at once, so that a duplicate line is not added to the budget.
    let mut claims: Vec<Claim> = Vec::new();
    let mut seen: HashMap<String, crate::source::Location> = HashMap::new();
    let mut unique = |id: String,
                      loc: crate::source::Location,
                      diags: &mut Vec<Diagnostic>|
     -> bool {
        if let Some(first) = seen.get(&id) {
            diags.push(
                Diagnostic::error("duplicate-id", format!("mã dòng kinh phí `{id}` bị trùng"))
                    .at(loc)
                    .related(first.clone(), "đã dùng lần đầu ở đây")
                    .hint("hai mục có cùng số thứ tự trong một nhóm; đặt `id` riêng cho một mục"),
            );
            false
        } else {
            seen.insert(id.clone(), loc.clone());
            claims.push(Claim {
                ns: Namespace::Budget,
                id,
                at: loc,
            });
            true
        }
    };
    // The scopes of the totals the data package publishes are ids too: the plan's own (its id)
    // and one per funding source (`<plan>-kp-nguon-ctx-nst`).
    unique(plan.id.clone(), file.location(0..0), diags);
    for (f, at) in funding_scopes {
        unique(crate::budget::funding_scope_id(&plan.id, f), at, diags);
    }
    let ctx = BudgetCtx {
        reg,
        file,
        doc,
        prefix: &prefix,
    };
    for rg in &b.groups {
        let g = &rg.group;
        let Some((glocal, gloc)) = local_id(
            file,
            &g.id,
            Some(&g.number),
            "",
            "nhóm kinh phí",
            diags,
            g.line.span(),
        ) else {
            continue;
        };
        let source = line_number(reg, file, doc, &g.line, diags);
        let declared_total = g.declared_total.as_ref().and_then(|n| {
            let v = amount(file, n, diags)?;
            check_amount_on_line(reg, file, &source, v, n.span(), diags);
            Some(v)
        });
        if !unique(format!("{prefix}{glocal}"), gloc, diags) {
            continue;
        }
        let gi = budget.groups.len();
        budget.groups.push(BudgetGroup {
            id: format!("{prefix}{glocal}"),
            number: g.number.get_ref().clone(),
            title: g.title.clone(),
            declared_total,
            source,
        });
        for ri in &rg.items {
            ctx.item(
                &mut budget,
                ri,
                &glocal,
                Some(gi),
                None,
                place.clone(),
                plan.issuer.clone(),
                &mut unique,
                diags,
            );
        }
        for rb in &rg.bodies {
            let bd = &rb.body;
            let blocal = match &bd.id {
                Some(_) => local_id(file, &bd.id, None, "", "cơ quan", diags, bd.line.span()),
                None => local_id(
                    file,
                    &None,
                    Some(&bd.number),
                    &format!("{glocal}-"),
                    "cơ quan",
                    diags,
                    bd.line.span(),
                ),
            };
            let Some((blocal, bloc)) = blocal else {
                continue;
            };
            check_unit(reg, file, &bd.unit, diags);
            let source = line_number(reg, file, doc, &bd.line, diags);
            let declared_total = bd.declared_total.as_ref().and_then(|n| {
                let v = amount(file, n, diags)?;
                check_amount_on_line(reg, file, &source, v, n.span(), diags);
                Some(v)
            });
            let bplace = match &bd.place {
                Some(p) => check_unit(reg, file, p, diags).then(|| p.get_ref().clone()),
                None => place_default(reg, bd.unit.get_ref()).or(place.clone()),
            };
            if !unique(format!("{prefix}{blocal}"), bloc, diags) {
                continue;
            }
            let bi = budget.bodies.len();
            budget.bodies.push(BudgetBody {
                id: format!("{prefix}{blocal}"),
                group: Some(gi),
                number: bd.number.get_ref().clone(),
                unit: bd.unit.get_ref().clone(),
                title: bd.title.clone(),
                place: bplace.clone(),
                declared_total,
                source,
            });
            for ri in &rb.items {
                ctx.item(
                    &mut budget,
                    ri,
                    &glocal,
                    Some(gi),
                    Some(bi),
                    bplace.clone(),
                    bd.unit.get_ref().clone(),
                    &mut unique,
                    diags,
                );
            }
        }
    }
    for ri in &b.items {
        ctx.item(
            &mut budget,
            ri,
            "",
            None,
            None,
            place.clone(),
            plan.issuer.clone(),
            &mut unique,
            diags,
        );
    }
    (budget, claims)
}

pub(super) struct BudgetCtx<'a> {
    reg: &'a Registry<'a>,
    file: &'a SourceFile,
    doc: Option<&'a str>,
    prefix: &'a str,
}

impl BudgetCtx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn item(
        &self,
        budget: &mut Budget,
        ri: &RawItem,
        group_local: &str,
        group: Option<usize>,
        body: Option<usize>,
        place: Option<String>,
        default_lead: String,
        unique: &mut impl FnMut(String, crate::source::Location, &mut Vec<Diagnostic>) -> bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        let it = &ri.item;
        let prefix = if group_local.is_empty() {
            String::new()
        } else {
            format!("{group_local}-")
        };
        let local = match &it.id {
            Some(_) => local_id(
                self.file,
                &it.id,
                None,
                "",
                "mục kinh phí",
                diags,
                it.line.span(),
            ),
            None => local_id(
                self.file,
                &None,
                it.number.as_ref(),
                &prefix,
                "mục kinh phí",
                diags,
                it.line.span(),
            ),
        };
        let Some((local, loc)) = local else { return };
        let id = format!("{}{local}", self.prefix);
        if !unique(id.clone(), loc, diags) {
            return;
        }
        let parent = budget.lines.len();
        let line = self.line(
            budget.lines.len(),
            it,
            id,
            group,
            body,
            place.clone(),
            default_lead.clone(),
            None,
            diags,
        );
        budget.lines.push(line);
        budget.lines[parent].has_parts = !ri.parts.is_empty();
        if !ri.parts.is_empty() {
            if let Some(a) = &it.amount {
                diags.push(
                    Diagnostic::warning("amount-with-parts", "mục có các phần con (part) nhưng cũng ghi số tiền; tổng được tính theo các phần con")
                        .at(self.file.location(a.span()))
                        .hint("nếu văn bản chỉ ghi tiền ở các dòng con, bỏ `amount` của mục cha"),
                );
            }
        }
        for part in &ri.parts {
            let Some((plocal, ploc)) = local_id(
                self.file,
                &part.id,
                None,
                "",
                "phần của mục kinh phí",
                diags,
                part.line.span(),
            ) else {
                continue;
            };
            let pid = format!("{}{local}-{plocal}", self.prefix);
            if !unique(pid.clone(), ploc, diags) {
                continue;
            }
            let lead = budget.lines[parent].lead.clone();
            let pplace = budget.lines[parent].place.clone();
            let l = self.line(
                budget.lines.len(),
                part,
                pid,
                group,
                body,
                pplace,
                lead,
                Some(parent),
                diags,
            );
            budget.lines.push(l);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn line(
        &self,
        _index: usize,
        it: &raw::Item,
        id: String,
        group: Option<usize>,
        body: Option<usize>,
        place: Option<String>,
        default_lead: String,
        parent: Option<usize>,
        diags: &mut Vec<Diagnostic>,
    ) -> BudgetLine {
        let source = line_number(self.reg, self.file, self.doc, &it.line, diags);
        let amount = it.amount.as_ref().and_then(|n| {
            let v = amount(self.file, n, diags)?;
            check_amount_on_line(self.reg, self.file, &source, v, n.span(), diags);
            Some(v)
        });
        let lead = match &it.lead {
            Some(l) => {
                check_unit(self.reg, self.file, l, diags);
                l.get_ref().clone()
            }
            None => default_lead,
        };
        let place = match &it.place {
            Some(p) => check_unit(self.reg, self.file, p, diags).then(|| p.get_ref().clone()),
            None => place,
        };
        BudgetLine {
            id,
            number: it.number.as_ref().map(|n| n.get_ref().clone()),
            title: it.title.clone(),
            amount,
            funding: funding(self.file, &it.funding, diags),
            period: it.period.clone(),
            lead,
            coordinating: units_list(self.reg, self.file, &it.coordinating, diags),
            place,
            note: it.note.clone(),
            legal_basis: it.legal_basis.clone(),
            interpretation: it.interpretation.clone(),
            same_as: it.same_as.as_ref().map(|x| x.get_ref().clone()),
            source,
            group,
            body,
            parent,
            has_parts: false,
        }
    }
}

/// Every `same_as` of a budget item must name a budget line of another plan: the two lines are
/// then one commitment that two plans record, shown side by side and never added twice.
pub(super) fn check_same_items(raw: &RawContent, site: &Site, diags: &mut Diagnostics) {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for p in &site.plans {
        for l in p.budget.iter().flat_map(|b| &b.lines) {
            owner.insert(l.id.as_str(), p.id.as_str());
        }
    }
    for p in &raw.plans {
        let Some(b) = &p.budget else { continue };
        let items = b
            .value
            .items
            .iter()
            .chain(b.value.groups.iter().flat_map(|g| {
                g.items
                    .iter()
                    .chain(g.bodies.iter().flat_map(|body| body.items.iter()))
            }))
            .flat_map(|i| std::iter::once(&i.item).chain(&i.parts));
        for it in items {
            let Some(target) = &it.same_as else { continue };
            let problem = match owner.get(target.get_ref().as_str()) {
                None => Some((
                    format!("không có dòng kinh phí `{}` để ghi là cùng một mục", target.get_ref()),
                    match nearest(target.get_ref(), owner.keys().copied()) {
                        Some(n) => format!("có phải `{n}`? same_as là mã dòng kinh phí của kế hoạch khác (xem cột budget_line_id trong dữ liệu mở)"),
                        None => "same_as là mã dòng kinh phí của kế hoạch khác, dạng `<mã-kế-hoạch>-kp-<số>`".to_string(),
                    },
                )),
                Some(plan) if *plan == p.id => Some((
                    format!("dòng `{}` thuộc chính kế hoạch này", target.get_ref()),
                    "same_as chỉ nối hai kế hoạch khác nhau ghi cùng một nhiệm vụ; trong một kế hoạch, dùng số thứ tự của mục".to_string(),
                )),
                Some(_) => None,
            };
            if let Some((message, hint)) = problem {
                diags.push(
                    Diagnostic::error("unknown-reference", message)
                        .at(b.file.location(target.span()))
                        .hint(hint),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    const B: &str = "plans/kh-1-2025/budget.toml";

    #[test]
    fn a_fragment_of_the_printed_amount_is_not_accepted() {
        let c = Content::minimal()
            .replace(B, "amount = 331.5", "amount = 331")
            .check();
        assert_eq!(c.located("amount-not-on-line").1, "331");
    }

    #[test]
    fn funding_of_every_level_is_read() {
        for code in ["NSTW", "NSX", "ODA", "XHH"] {
            Content::minimal()
                .replace(
                    B,
                    "funding = \"CTX, NST\"\nline = 13",
                    &format!("funding = \"CTX, {code}\"\nline = 13"),
                )
                .check()
                .accepted();
        }
        let c = Content::minimal()
            .replace(
                B,
                "funding = \"CTX, NST\"\nline = 13",
                "funding = \"CTX, NSQ\"\nline = 13",
            )
            .check();
        assert_eq!(
            c.located("invalid-funding").0,
            "plans/kh-1-2025/budget.toml:33"
        );
    }

    #[test]
    fn same_as_must_name_a_line_of_another_plan() {
        let c = Content::minimal()
            .replace(B, "line = 13", "line = 13\nsame_as = \"kh-9-kp-1\"")
            .check();
        assert_eq!(c.located("unknown-reference").1, "\"kh-9-kp-1\"");
        let c = Content::minimal()
            .replace(
                B,
                "line = 13",
                "line = 13\nsame_as = \"kh-1-2025-kp-i-1-1\"",
            )
            .check();
        assert!(
            c.the_error("unknown-reference")
                .message
                .contains("thuộc chính kế hoạch này")
        );
    }
}
