//! What an import writes: `budget.toml`, `targets.toml` and a `documents.toml` entry, laid out
//! like the bundled content (one table per entry, keys in the order of docs/content-format.md).

use std::fmt::Write as _;
use std::path::Path;

use rust_decimal::Decimal;

/// A budget as read from a workbook, before it is written.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BudgetDraft {
    pub place: Option<String>,
    pub declared: Vec<DeclaredDraft>,
    pub groups: Vec<GroupDraft>,
    /// Items of a flat annex.
    pub items: Vec<ItemDraft>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct DeclaredDraft {
    pub label: String,
    pub funding: Option<String>,
    pub amount: Decimal,
    pub line: i64,
    /// Where it was read (`Phụ lục II!D80`), written as a comment.
    pub from: String,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct GroupDraft {
    pub number: String,
    pub id: Option<String>,
    pub title: String,
    pub declared_total: Option<Decimal>,
    pub line: i64,
    pub bodies: Vec<BodyDraft>,
    pub items: Vec<ItemDraft>,
    pub from: String,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct BodyDraft {
    pub number: String,
    pub id: Option<String>,
    pub unit: String,
    pub title: String,
    pub place: Option<String>,
    pub declared_total: Option<Decimal>,
    pub line: i64,
    pub items: Vec<ItemDraft>,
    pub from: String,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct ItemDraft {
    pub number: Option<String>,
    pub id: Option<String>,
    pub title: String,
    pub amount: Option<Decimal>,
    pub funding: Option<String>,
    pub period: String,
    pub lead: Option<String>,
    pub coordinating: Vec<String>,
    pub place: Option<String>,
    pub note: String,
    pub interpretation: String,
    pub same_as: Option<String>,
    pub line: i64,
    pub parts: Vec<ItemDraft>,
    pub from: String,
}

/// Targets as read from a workbook.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TargetDraft {
    pub number: String,
    pub id: Option<String>,
    pub area: String,
    pub text: String,
    pub measure: String,
    pub unit: Option<String>,
    pub better: Option<String>,
    pub horizon: Option<i64>,
    pub parent: Option<String>,
    pub lead: Vec<String>,
    pub coordinating: Vec<String>,
    pub line: i64,
    pub interpretation: String,
    pub goals: Vec<GoalDraft>,
    pub values: Vec<ValueDraft>,
    pub from: String,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct GoalDraft {
    pub level: Option<String>,
    pub subject: String,
    pub comparator: Option<String>,
    pub value: Option<Decimal>,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub low_inclusive: Option<bool>,
    pub high_inclusive: Option<bool>,
    pub year: Option<i64>,
}

/// A baseline figure of a target (`[[target.value]]`).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ValueDraft {
    pub kind: String,
    pub level: Option<String>,
    pub subject: String,
    pub value: Option<Decimal>,
    pub text: String,
    pub year: Option<i64>,
    pub as_of: Option<String>,
    pub source: String,
    pub note: String,
}

/// A TOML string literal.
fn s(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// An amount as the format wants it: a TOML number with a plain `.` (never three decimals
/// alone, which `check` refuses as ambiguous: `1.425` is written `1.4250`).
pub fn number(d: Decimal) -> String {
    let t = d.normalize().to_string();
    match t.split_once('.') {
        Some((_, frac)) if frac.len() == 3 => format!("{t}0"),
        _ => t,
    }
}

fn line_value(line: i64) -> String {
    if line > 0 {
        format!("line = {line}")
    } else {
        format!("line = 0  {} điền số dòng", super::cite::UNFILLED)
    }
}

fn opt_str(out: &mut String, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        let _ = writeln!(out, "{key} = {}", s(v));
    }
}

fn from_comment(out: &mut String, from: &str) {
    if !from.is_empty() {
        let _ = writeln!(out, "# {from}");
    }
}

pub fn budget_toml(b: &BudgetDraft, header: &str) -> String {
    let mut out = String::new();
    for l in header.lines() {
        let _ = writeln!(out, "# {l}");
    }
    out.push('\n');
    if let Some(p) = &b.place {
        let _ = writeln!(out, "place = {}\n", s(p));
    }
    for d in &b.declared {
        from_comment(&mut out, &d.from);
        out.push_str("[[declared]]\n");
        let _ = writeln!(out, "label = {}", s(&d.label));
        opt_str(&mut out, "funding", &d.funding);
        let _ = writeln!(out, "amount = {}", number(d.amount));
        let _ = writeln!(out, "{}\n", line_value(d.line));
    }
    for g in &b.groups {
        out.push_str(
            "# ==========================================================================================\n",
        );
        from_comment(&mut out, &g.from);
        out.push_str("[[group]]\n");
        let _ = writeln!(out, "number = {}", s(&g.number));
        opt_str(&mut out, "id", &g.id);
        let _ = writeln!(out, "title = {}", s(&g.title));
        if let Some(t) = g.declared_total {
            let _ = writeln!(out, "declared_total = {}", number(t));
        }
        let _ = writeln!(out, "{}\n", line_value(g.line));
        for it in &g.items {
            item(&mut out, it, "group.item");
        }
        for bd in &g.bodies {
            from_comment(&mut out, &bd.from);
            out.push_str("[[group.body]]\n");
            let _ = writeln!(out, "number = {}", s(&bd.number));
            opt_str(&mut out, "id", &bd.id);
            let _ = writeln!(out, "unit = {}", s(&bd.unit));
            let _ = writeln!(out, "title = {}", s(&bd.title));
            opt_str(&mut out, "place", &bd.place);
            if let Some(t) = bd.declared_total {
                let _ = writeln!(out, "declared_total = {}", number(t));
            }
            let _ = writeln!(out, "{}\n", line_value(bd.line));
            for it in &bd.items {
                item(&mut out, it, "group.body.item");
            }
        }
    }
    for it in &b.items {
        item(&mut out, it, "item");
    }
    out
}

fn item(out: &mut String, it: &ItemDraft, table: &str) {
    from_comment(out, &it.from);
    let _ = writeln!(out, "[[{table}]]");
    opt_str(out, "number", &it.number);
    opt_str(out, "id", &it.id);
    let _ = writeln!(out, "title = {}", s(&it.title));
    if let Some(a) = it.amount {
        let _ = writeln!(out, "amount = {}", number(a));
    }
    opt_str(out, "funding", &it.funding);
    if !it.period.is_empty() {
        let _ = writeln!(out, "period = {}", s(&it.period));
    }
    opt_str(out, "lead", &it.lead);
    if !it.coordinating.is_empty() {
        let list: Vec<String> = it.coordinating.iter().map(|c| s(c)).collect();
        let _ = writeln!(out, "coordinating = [{}]", list.join(", "));
    }
    opt_str(out, "place", &it.place);
    if !it.note.is_empty() {
        let _ = writeln!(out, "note = {}", s(&it.note));
    }
    if !it.interpretation.is_empty() {
        let _ = writeln!(out, "interpretation = {}", s(&it.interpretation));
    }
    opt_str(out, "same_as", &it.same_as);
    let _ = writeln!(out, "{}\n", line_value(it.line));
    for p in &it.parts {
        item(out, p, &format!("{table}.part"));
    }
}

pub fn targets_toml(targets: &[TargetDraft], header: &str) -> String {
    let mut out = String::new();
    for l in header.lines() {
        let _ = writeln!(out, "# {l}");
    }
    out.push('\n');
    let list = |v: &[String]| v.iter().map(|c| s(c)).collect::<Vec<_>>().join(", ");
    for t in targets {
        from_comment(&mut out, &t.from);
        out.push_str("[[target]]\n");
        let _ = writeln!(out, "number = {}", s(&t.number));
        opt_str(&mut out, "id", &t.id);
        let _ = writeln!(out, "area = {}", s(&t.area));
        let _ = writeln!(out, "text = {}", s(&t.text));
        let _ = writeln!(out, "measure = {}", s(&t.measure));
        opt_str(&mut out, "unit", &t.unit);
        opt_str(&mut out, "better", &t.better);
        if let Some(h) = t.horizon {
            let _ = writeln!(out, "horizon = {h}");
        }
        opt_str(&mut out, "parent", &t.parent);
        let _ = writeln!(out, "lead = [{}]", list(&t.lead));
        if !t.coordinating.is_empty() {
            let _ = writeln!(out, "coordinating = [{}]", list(&t.coordinating));
        }
        let _ = writeln!(out, "{}", line_value(t.line));
        if !t.interpretation.is_empty() {
            let _ = writeln!(out, "interpretation = {}", s(&t.interpretation));
        }
        out.push('\n');
        for g in &t.goals {
            out.push_str("[[target.goal]]\n");
            opt_str(&mut out, "level", &g.level);
            if !g.subject.is_empty() {
                let _ = writeln!(out, "subject = {}", s(&g.subject));
            }
            opt_str(&mut out, "comparator", &g.comparator);
            for (k, v) in [("value", g.value), ("low", g.low), ("high", g.high)] {
                if let Some(v) = v {
                    let _ = writeln!(out, "{k} = {}", number(v));
                }
            }
            for (k, v) in [
                ("low_inclusive", g.low_inclusive),
                ("high_inclusive", g.high_inclusive),
            ] {
                if let Some(v) = v {
                    let _ = writeln!(out, "{k} = {v}");
                }
            }
            if let Some(y) = g.year {
                let _ = writeln!(out, "year = {y}");
            }
            out.push('\n');
        }
        for v in &t.values {
            out.push_str("[[target.value]]\n");
            let _ = writeln!(out, "kind = {}", s(&v.kind));
            opt_str(&mut out, "level", &v.level);
            if !v.subject.is_empty() {
                let _ = writeln!(out, "subject = {}", s(&v.subject));
            }
            if let Some(x) = v.value {
                let _ = writeln!(out, "value = {}", number(x));
            }
            if !v.text.is_empty() {
                let _ = writeln!(out, "text = {}", s(&v.text));
            }
            if let Some(y) = v.year {
                let _ = writeln!(out, "year = {y}");
            }
            opt_str(&mut out, "as_of", &v.as_of);
            let _ = writeln!(out, "source = {}", s(&v.source));
            if !v.note.is_empty() {
                let _ = writeln!(out, "note = {}", s(&v.note));
            }
            out.push('\n');
        }
    }
    out
}

pub fn document_entry(
    id: &str,
    file: &str,
    title: &str,
    date: Option<&str>,
    original: &Path,
    sha256: &str,
) -> String {
    let mut out = String::new();
    out.push_str("[[document]]\n");
    let _ = writeln!(out, "id = {}", s(id));
    let _ = writeln!(out, "file = {}", s(file));
    let _ = writeln!(out, "title = {}", s(title));
    if let Some(d) = date {
        let _ = writeln!(out, "date = {}", s(d));
    }
    let name = original
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "origin = {}",
        s(&format!(
            "Trích xuất văn bản từ tệp {name} bằng `minhbach import`: mỗi đoạn một dòng; mỗi hàng bảng một dòng, các ô cách nhau bằng dấu tab."
        ))
    );
    let _ = writeln!(out, "sha256 = {}  # của tệp gốc {}", s(sha256), name);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_never_look_like_vietnamese_thousands() {
        assert_eq!(number(Decimal::from_str("1400").unwrap()), "1400");
        assert_eq!(number(Decimal::from_str("331.50").unwrap()), "331.5");
        assert_eq!(number(Decimal::from_str("1.425").unwrap()), "1.4250");
    }
}
