//! Tasks (nhiệm vụ) and their timeframes.

use super::*;

pub(super) fn resolve_task(
    reg: &Registry,
    file: &SourceFile,
    plan: &str,
    doc: Option<&str>,
    t: &raw::Task,
    claims: &mut Vec<Claim>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Task> {
    let (local, at) = local_id(
        file,
        &t.id,
        t.number.as_ref(),
        "nv-",
        "nhiệm vụ",
        diags,
        t.line.span(),
    )?;
    check_area(reg, file, &t.area, diags);
    let timeframe = t
        .timeframe
        .as_ref()
        .and_then(|s| match Timeframe::parse(s.get_ref()) {
            Ok(tf) => Some(tf),
            Err(e) => {
                diags.push(
                    Diagnostic::error("invalid-date", e.message)
                        .at(file.location(s.span()))
                        .hint(e.hint),
                );
                None
            }
        });
    let id = format!("{plan}-{local}");
    claims.push(Claim {
        ns: Namespace::Task,
        id: id.clone(),
        at,
    });
    Some(Task {
        id,
        plan: plan.into(),
        number: t.number.as_ref().map(|n| n.get_ref().clone()),
        area: t.area.get_ref().clone(),
        title: t.title.clone(),
        lead: units_list(reg, file, &t.lead, diags),
        coordinating: units_list(reg, file, &t.coordinating, diags),
        timeframe,
        timeframe_text: t.timeframe_text.clone(),
        output: t.output.clone(),
        source: line_number(reg, file, doc, &t.line, diags),
        interpretation: t.interpretation.clone(),
    })
}
