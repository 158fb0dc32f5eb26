//! Ids that must be unique across the whole site.

use super::*;

/// Target and task ids must be unique across all plans (plan ids prefix them, but an explicit
/// local id could still collide with a derived one).
pub(super) fn check_global_ids(raw: &RawContent, site: &Site, diags: &mut Diagnostics) {
    let mut targets = HashSet::new();
    let mut tasks = HashSet::new();
    let raw_plans: HashMap<&str, &RawPlan> = raw.plans.iter().map(|p| (p.id.as_str(), p)).collect();
    for p in &site.plans {
        let file = raw_plans.get(p.id.as_str());
        for t in &p.targets {
            if !targets.insert(t.id.as_str()) {
                let loc = file
                    .and_then(|f| f.targets.as_ref())
                    .map(|f| f.file.line_location(0).clone());
                diags.push(
                    Diagnostic::error("duplicate-id", format!("mã chỉ tiêu `{}` bị trùng", t.id))
                        .at_opt(loc)
                        .hint("hai chỉ tiêu có cùng số thứ tự; đặt `id` riêng cho một chỉ tiêu"),
                );
            }
        }
        for t in &p.tasks {
            if !tasks.insert(t.id.as_str()) {
                let loc = file
                    .and_then(|f| f.tasks.as_ref())
                    .map(|f| f.file.line_location(t.source.line.min(1)));
                diags.push(
                    Diagnostic::error("duplicate-id", format!("mã nhiệm vụ `{}` bị trùng", t.id))
                        .at_opt(loc)
                        .hint("hai nhiệm vụ có cùng số thứ tự; đặt `id` riêng cho một nhiệm vụ"),
                );
            }
        }
    }
}
