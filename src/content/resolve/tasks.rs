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

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;
    use crate::dates::Timeframe;

    const T: &str = "plans/kh-1-2025/tasks.toml";

    #[test]
    fn a_task_keeps_its_expected_output_as_printed() {
        let site = Content::minimal()
            .replace(
                T,
                "line = 7",
                "line = 7\noutput = \"Quyết định của Thủ tướng Chính phủ\"",
            )
            .check()
            .accepted();
        assert_eq!(
            site.plans[0].tasks[0].output,
            "Quyết định của Thủ tướng Chính phủ"
        );
    }

    #[test]
    fn deadlines_in_every_spelling_are_typed() {
        for (written, expected) in [
            ("2025-Q2", Timeframe::parse("2025-Q2").unwrap()),
            (
                "2025/2030",
                Timeframe::Years {
                    from: 2025,
                    to: 2030,
                },
            ),
            (
                "2025-H1",
                Timeframe::Half {
                    year: 2025,
                    half: 1,
                },
            ),
            ("yearly", Timeframe::Yearly),
            ("from-2026", Timeframe::From(2026)),
        ] {
            let site = Content::minimal()
                .replace(T, "\"2025-Q2\"", &format!("\"{written}\""))
                .check()
                .accepted();
            assert_eq!(
                site.plans[0].tasks[0].timeframe,
                Some(expected),
                "{written}"
            );
        }
    }

    #[test]
    fn a_deadline_in_no_known_form_is_refused_with_the_forms_listed() {
        let c = Content::minimal()
            .replace(T, "\"2025-Q2\"", "\"2025-2030\"")
            .check();
        let (at, text) = c.located("invalid-date");
        assert_eq!(
            (at.as_str(), text.as_str()),
            ("plans/kh-1-2025/tasks.toml:7", "\"2025-2030\"")
        );
        assert!(
            c.the_error("invalid-date")
                .hint
                .as_ref()
                .unwrap()
                .contains("2025/2030")
        );
    }
}
