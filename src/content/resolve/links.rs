//! Links written in narratives must lead to pages that exist.

use super::*;

/// Links in plan and report narratives must lead somewhere: site paths to pages that will exist,
/// and nothing but http(s) and mailto outside the site.
pub(super) fn check_markdown_links(
    raw: &RawContent,
    site: &Site,
    reg: &Registry,
    diags: &mut Diagnostics,
) {
    use crate::links::{Destination, KnownIds, classify, markdown_links, page_exists};
    let ids = KnownIds {
        plans: site.plans.iter().map(|p| p.id.as_str()).collect(),
        units: site.units.iter().map(|u| u.id.as_str()).collect(),
        targets: site
            .plans
            .iter()
            .flat_map(|p| p.targets.iter().map(|t| t.id.as_str()))
            .collect(),
        reports: raw.reports.iter().map(|r| r.id.as_str()).collect(),
        documents: reg.documents.keys().map(String::as_str).collect(),
    };
    let bodies = raw
        .plans
        .iter()
        .map(|p| (&p.file, &p.body))
        .chain(raw.reports.iter().map(|r| (&r.file, &r.body)));
    for (file, body) in bodies {
        let offset = file.text.len().saturating_sub(body.len());
        for (range, dest) in markdown_links(body) {
            let span = offset + range.start..offset + range.end;
            let problem = match classify(&dest) {
                Destination::External | Destination::Anchor => None,
                Destination::Site(path) if page_exists(path, &ids) => None,
                Destination::Site(_) => {
                    Some("liên kết tới trang không có trong trang web".to_string())
                }
                Destination::Refused(why) => Some(why.to_string()),
            };
            if let Some(why) = problem {
                diags.push(
                    Diagnostic::error("broken-link", format!("liên kết `{dest}` không dùng được: {why}"))
                        .at(file.location(span))
                        .hint("liên kết trong trang viết từ gốc trang web, ví dụ `/ke-hoach/kh-223-ubnd-2024/`, `/don-vi/so-noi-vu/`, `/chi-tieu/<mã chỉ tiêu>/`; liên kết ra ngoài viết đầy đủ https://…"),
                );
            }
        }
    }
}
