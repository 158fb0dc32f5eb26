//! Ids that must be unique across the whole site. Plan ids prefix the ids of their entries, but a
//! local id can still collide with another plan's (`1-kp-1` in plan `a` is item 1 of plan
//! `a-kp-1`), and the row ids the data package derives (a target's goal rows `…-ct-8-1`) with
//! the ids of other entries (target `8.1`). Every entry claims its ids where it is written; the
//! second claim of an id is an error at its place, naming the first.

use super::*;

/// The spaces ids live in: each is one table of the data package and one set of page anchors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Namespace {
    /// Target ids and the goal row ids derived from them (`targets` table, `/chi-tieu/<id>/`).
    Target,
    /// Task ids (`tasks` table).
    Task,
    /// Budget group, body and line ids (`budget-lines` and `budget-totals` tables).
    Budget,
}

impl Namespace {
    fn what(self) -> &'static str {
        match self {
            Namespace::Target => "chỉ tiêu",
            Namespace::Task => "nhiệm vụ",
            Namespace::Budget => "kinh phí",
        }
    }
}

/// An id an entry takes, and where the entry writes it (its `id`, else its `number`).
#[derive(Debug, Clone)]
pub(super) struct Claim {
    pub ns: Namespace,
    pub id: String,
    pub at: crate::source::Location,
}

/// Reports every id claimed twice, at the second claim, in the order the claims are given.
pub(super) fn check_global_ids(claims: &[Claim], diags: &mut Diagnostics) {
    let mut first: HashMap<(Namespace, &str), &Claim> = HashMap::with_capacity(claims.len());
    for c in claims {
        match first.get(&(c.ns, c.id.as_str())) {
            None => {
                first.insert((c.ns, c.id.as_str()), c);
            }
            Some(earlier) => diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("mã {} `{}` bị trùng", c.ns.what(), c.id),
                )
                .at(c.at.clone())
                .related(earlier.at.clone(), "đã dùng lần đầu ở đây")
                .hint("mã được tạo từ mã kế hoạch và số thứ tự (hoặc `id`); hai mục, ở cùng hay khác kế hoạch, cho ra cùng một mã — đặt `id` riêng cho một trong hai"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    #[test]
    fn two_targets_with_one_number_are_refused_at_the_second() {
        let c = Content::minimal()
            .append(
                "plans/kh-1-2025/targets.toml",
                "\n[[target]]\nnumber = \"1\"\narea = \"chinh-quyen-so\"\ntext = \"Đạt 90%.\"\nmeasure = \"milestone\"\nline = 4\n",
            )
            .check();
        let d = c.the_error("duplicate-id");
        assert_eq!(d.location.as_ref().unwrap().line, 22);
        assert!(!d.related.is_empty(), "the first definition is shown");
    }
}
