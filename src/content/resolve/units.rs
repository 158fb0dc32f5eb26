//! Units: parent chains without cycles, and the links derived from `parent` and `successors`.

use super::*;

pub(super) fn check_parent_cycles(
    site: &Site,
    files: &HashMap<&str, &In<raw::Unit>>,
    diags: &mut Diagnostics,
) {
    for u in &site.units {
        let mut current = u.parent.as_deref();
        let mut steps = 0;
        while let Some(p) = current {
            if p == u.id || steps > site.units.len() {
                let f = files[u.id.as_str()];
                diags.push(
                    Diagnostic::error(
                        "parent-cycle",
                        format!(
                            "đơn vị `{}` là cấp trên của chính nó (qua chuỗi `parent`)",
                            u.id
                        ),
                    )
                    .at(f
                        .file
                        .location(f.value.parent.as_ref().map(|p| p.span()).unwrap_or(0..0)))
                    .hint("kiểm tra lại trường parent của các đơn vị trong chuỗi"),
                );
                break;
            }
            current = site.unit(p).and_then(|x| x.parent.as_deref());
            steps += 1;
        }
    }
}

pub(super) fn link_units(site: &mut Site) {
    let mut preds: HashMap<String, Vec<String>> = HashMap::new();
    let mut children: HashMap<String, Vec<String>> = HashMap::new();
    for u in &site.units {
        for s in &u.successors {
            preds.entry(s.clone()).or_default().push(u.id.clone());
        }
        if let Some(p) = &u.parent {
            children.entry(p.clone()).or_default().push(u.id.clone());
        }
    }
    for u in &mut site.units {
        u.predecessors = preds.remove(&u.id).unwrap_or_default();
        u.children = children.remove(&u.id).unwrap_or_default();
    }
}

/// The unit entries by id, the first of each id (duplicates are reported): every reference to a
/// unit is checked against these.
pub(super) fn unit_entries<'r>(
    raw: &'r RawContent,
    diags: &mut Diagnostics,
) -> HashMap<&'r str, &'r In<raw::Unit>> {
    let mut unit_files: HashMap<&str, &In<raw::Unit>> = HashMap::new();
    let mut seen = HashMap::new();
    for u in &raw.units {
        if check_id(&u.file, &u.value.id, "đơn vị", &mut seen, diags) {
            unit_files.insert(u.value.id.get_ref(), u);
        }
    }
    unit_files
}

/// The units, resolved, with their derived links (children, predecessors).
pub(super) fn resolve_units(
    raw: &RawContent,
    registry: &Registry,
    unit_files: &HashMap<&str, &In<raw::Unit>>,
    site: &mut Site,
    diags: &mut Diagnostics,
) {
    for u in &raw.units {
        let r = &u.value;
        if unit_files
            .get(r.id.get_ref().as_str())
            .map(|x| std::ptr::eq(*x, u))
            != Some(true)
        {
            continue;
        }
        let kind = match UnitKind::parse(r.kind.get_ref()) {
            Some(k) => k,
            None => {
                diags.push(enum_error(&u.file, &r.kind, "loại đơn vị", UnitKind::NAMES));
                UnitKind::Collective
            }
        };
        if let Some(p) = &r.parent {
            check_unit(registry, &u.file, p, diags);
        }
        for s in &r.successors {
            check_unit(registry, &u.file, s, diags);
        }
        if let Some(p) = &r.former_parent {
            check_unit(registry, &u.file, p, diags);
        }
        let valid_from = r.valid_from.as_ref().and_then(|s| date(&u.file, s, diags));
        let valid_to = r.valid_to.as_ref().and_then(|s| date(&u.file, s, diags));
        if let (Some(f), Some(t)) = (valid_from, valid_to) {
            if f.first_day() >= t.first_day() {
                diags.push(
                    Diagnostic::error(
                        "date-order",
                        format!(
                            "đơn vị `{}` hết hiệu lực ({}) trước khi có hiệu lực ({})",
                            r.id.get_ref(),
                            t.iso(),
                            f.iso()
                        ),
                    )
                    .at(u.file.location(r.valid_to.as_ref().unwrap().span()))
                    .hint(
                        "valid_to là ngày đầu tiên đơn vị không còn tồn tại; phải sau valid_from",
                    ),
                );
            }
        }
        let source = r
            .source
            .as_ref()
            .and_then(|s| source_ref(registry, &u.file, s, diags));
        site.unit_index
            .insert(r.id.get_ref().clone(), site.units.len());
        site.units.push(Unit {
            id: r.id.get_ref().clone(),
            name: r.name.clone(),
            short_name: r.short_name.clone(),
            aliases: r.aliases.clone(),
            kind,
            parent: r.parent.as_ref().map(|p| p.get_ref().clone()),
            code: r.code.clone(),
            valid_from,
            valid_to,
            successors: r.successors.iter().map(|s| s.get_ref().clone()).collect(),
            former_parent: r.former_parent.as_ref().map(|p| p.get_ref().clone()),
            predecessors: Vec::new(),
            children: Vec::new(),
            note: r.note.clone(),
            source,
            page: r.page,
        });
    }
    check_parent_cycles(site, unit_files, diags);
    link_units(site);
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    const U: &str = "units/units.toml";

    #[test]
    fn a_unit_that_is_its_own_ancestor_is_refused() {
        let c = Content::minimal()
            .replace(
                U,
                "kind = \"province\"",
                "kind = \"province\"\nparent = \"so-noi-vu\"",
            )
            .check();
        assert!(
            c.errors().iter().any(|e| e.starts_with("parent-cycle")),
            "{:?}",
            c.errors()
        );
    }

    #[test]
    fn an_unknown_parent_is_refused_with_the_nearest_id() {
        let c = Content::minimal()
            .replace(U, "parent = \"tinh-thu\"", "parent = \"tinh-thuu\"")
            .check();
        let d = c.the_error("unknown-unit");
        assert!(
            d.hint.as_ref().unwrap().contains("tinh-thu"),
            "{:?}",
            d.hint
        );
    }

    #[test]
    fn ministries_and_the_government_are_kinds_of_unit() {
        Content::minimal()
            .append(U, "\n[[unit]]\nid = \"chinh-phu\"\nname = \"Chính phủ\"\nkind = \"government\"\n\n[[unit]]\nid = \"bo-khcn\"\nname = \"Bộ Khoa học và Công nghệ\"\nkind = \"ministry\"\nparent = \"chinh-phu\"\n")
            .check()
            .accepted();
    }
}
