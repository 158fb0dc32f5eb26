//! `cap-nhat.toml`: corrections of published figures. Each names the corrected item by id (a
//! target, a budget line or a task), the date, the value before and after, and the source line
//! that justifies it — a correction without a source would be a number that traces to nothing.

use super::*;

pub(super) fn resolve_corrections(
    raw: &RawContent,
    reg: &Registry,
    site: &mut Site,
    diags: &mut Diagnostics,
) {
    if raw.corrections.is_empty() {
        return;
    }
    // Every correctable item, by id: (kind, plan id).
    let mut items: HashMap<&str, (CorrectedKind, &str)> = HashMap::new();
    for p in &site.plans {
        for t in &p.targets {
            items.insert(&t.id, (CorrectedKind::Target, &p.id));
        }
        for t in &p.tasks {
            items.insert(&t.id, (CorrectedKind::Task, &p.id));
        }
        for l in p.budget.iter().flat_map(|b| &b.lines) {
            items.insert(&l.id, (CorrectedKind::BudgetLine, &p.id));
        }
    }
    let mut out = Vec::new();
    for c in &raw.corrections {
        let (file, v) = (&c.file, &c.value);
        let date = date(file, &v.date, diags);
        let item = items.get(v.item.get_ref().as_str()).copied();
        if item.is_none() && !reg.in_broken_plan(v.item.get_ref()) {
            let hint = match nearest(v.item.get_ref(), items.keys().copied()) {
                Some(s) => format!(
                    "có phải `{s}`? `item` là mã của một chỉ tiêu, mục kinh phí hoặc nhiệm vụ (xem mã ở cuối địa chỉ trang, sau dấu #)"
                ),
                None => "`item` là mã của một chỉ tiêu, mục kinh phí hoặc nhiệm vụ".into(),
            };
            diags.push(
                Diagnostic::error(
                    "unknown-item",
                    format!(
                        "không có chỉ tiêu, mục kinh phí hay nhiệm vụ `{}`",
                        v.item.get_ref()
                    ),
                )
                .at(file.location(v.item.span()))
                .hint(hint),
            );
        }
        for (value, key) in [(&v.before, "before"), (&v.after, "after")] {
            if value.get_ref().trim().is_empty() {
                diags.push(
                    Diagnostic::error(
                        "missing-field",
                        format!("đính chính phải ghi `{key}` (con số {})", if key == "before" { "đã công bố trước khi sửa" } else { "sau khi sửa" }),
                    )
                    .at(file.location(value.span()))
                    .hint("ghi đúng con số như trang hiển thị, ví dụ before = \"1.000\", after = \"1.200\""),
                );
            }
        }
        if v.before.get_ref().trim() == v.after.get_ref().trim()
            && !v.before.get_ref().trim().is_empty()
        {
            diags.push(
                Diagnostic::error(
                    "correction-unchanged",
                    format!(
                        "đính chính ghi trước và sau cùng là `{}`",
                        v.after.get_ref()
                    ),
                )
                .at(file.location(v.after.span()))
                .hint("ghi con số đã công bố ở `before` và con số đúng ở `after`"),
            );
        }
        let source = source_ref(reg, file, &v.source, diags);
        if let (Some(date), Some((kind, plan)), Some(source)) = (date, item, source) {
            out.push(Correction {
                date,
                item: v.item.get_ref().clone(),
                kind,
                plan: plan.to_string(),
                before: v.before.get_ref().trim().to_string(),
                after: v.after.get_ref().trim().to_string(),
                source,
                note: v.note.clone(),
            });
        }
    }
    site.corrections = out;
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    const C: &str = "cap-nhat.toml";

    fn correction(item: &str, source: &str) -> String {
        format!(
            "[[correction]]\ndate = \"2025-10-01\"\nitem = \"{item}\"\nbefore = \"1.000\"\nafter = \"1.200\"\nsource = \"{source}\"\nnote = \"Đính chính.\"\n"
        )
    }

    #[test]
    fn a_correction_of_a_known_target_with_a_source_line_is_accepted() {
        let site = Content::minimal()
            .append(C, &correction("kh-1-2025-ct-1", "kh-1-2025:3"))
            .check()
            .accepted();
        assert_eq!(site.corrections.len(), 1);
        assert_eq!(site.corrections[0].plan, "kh-1-2025");
        assert_eq!(site.corrections[0].after, "1.200");
    }

    #[test]
    fn a_correction_of_an_unknown_item_is_refused_at_the_id() {
        let c = Content::minimal()
            .append(C, &correction("kh-1-2025-ct-99", "kh-1-2025:3"))
            .check();
        assert_eq!(
            c.located("unknown-item"),
            ("cap-nhat.toml:3".into(), "\"kh-1-2025-ct-99\"".into())
        );
    }

    #[test]
    fn a_correction_must_cite_a_line_that_exists() {
        let c = Content::minimal()
            .append(C, &correction("kh-1-2025-ct-1", "kh-1-2025:9999"))
            .check();
        assert_eq!(c.located("line-out-of-range").0, "cap-nhat.toml:6");
        let c = Content::minimal()
            .append(C, &correction("kh-1-2025-ct-1", "kh-1-2025"))
            .check();
        assert_eq!(c.located("invalid-source").0, "cap-nhat.toml:6");
    }

    #[test]
    fn a_correction_without_a_source_or_with_an_unknown_field_is_refused() {
        let c = Content::minimal()
            .append(C, "[[correction]]\ndate = \"2025-10-01\"\nitem = \"kh-1-2025-ct-1\"\nbefore = \"1\"\nafter = \"2\"\n")
            .check();
        assert!(!c.errors().is_empty());
        let c = Content::minimal()
            .append(
                C,
                &correction("kh-1-2025-ct-1", "kh-1-2025:3").replace("note", "ghi_chu"),
            )
            .check();
        assert!(!c.errors().is_empty());
    }

    #[test]
    fn a_correction_dated_on_no_real_day_is_refused() {
        let c = Content::minimal()
            .append(
                C,
                &correction("kh-1-2025-ct-1", "kh-1-2025:3").replace("2025-10-01", "2025-02-30"),
            )
            .check();
        assert_eq!(c.located("invalid-date").0, "cap-nhat.toml:2");
    }
}
