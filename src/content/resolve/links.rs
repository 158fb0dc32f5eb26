//! Narratives: links must lead to pages of the route table (or to the web), and a narrative must
//! stay within the limits that keep a build's work and memory bounded.

use super::*;
use crate::markdown::{Destination, classify, inspect};
use crate::routes::RouteSet;

/// Checks the narratives of plans and reports: every link — Markdown or raw HTML — leads to a
/// page the build writes, a line of a source page that exists, or an http(s)/mailto address.
pub(super) fn check_narratives(raw: &RawContent, site: &Site, diags: &mut Diagnostics) {
    let routes = RouteSet::of(site);
    let bodies = raw
        .plans
        .iter()
        .map(|p| (&p.file, &p.body))
        .chain(raw.reports.iter().map(|r| (&r.file, &r.body)));
    let found: Vec<Vec<Diagnostic>> = bodies
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(file, body)| {
            let mut ds = Vec::new();
            let offset = file.text.len().saturating_sub(body.len());
            let inspection = inspect(body);
            for p in inspection.problems {
                let span = offset + p.range.start..offset + p.range.end;
                ds.push(
                    Diagnostic::error("narrative-too-large", p.message)
                        .at(file.location(span))
                        .hint(p.hint),
                );
            }
            for (range, dest) in inspection.links {
                let span = offset + range.start..offset + range.end;
                let problem = match classify(&dest) {
                    Destination::External | Destination::Anchor => None,
                    Destination::Site(path, fragment) if routes.accepts(site, path, fragment) => {
                        None
                    }
                    Destination::Site(..) => {
                        Some("liên kết tới trang (hoặc dòng) không có trong trang web".to_string())
                    }
                    Destination::Refused(why) => Some(why.to_string()),
                };
                if let Some(why) = problem {
                    ds.push(
                        Diagnostic::error("broken-link", format!("liên kết `{dest}` không dùng được: {why}"))
                            .at(file.location(span))
                            .hint("liên kết trong trang viết từ gốc trang web và kết thúc bằng /, ví dụ `/ke-hoach/kh-223-ubnd-2024/`, `/don-vi/so-noi-vu/`, `/chi-tieu/<mã chỉ tiêu>/`, `/nguon/<mã văn bản>/1/#L12`; liên kết ra ngoài viết đầy đủ https://…"),
                    );
                }
            }
            ds
        })
        .collect();
    for ds in found {
        diags.extend(ds);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    const P: &str = "plans/kh-1-2025/plan.md";

    #[test]
    fn a_link_to_a_page_the_build_writes_is_accepted() {
        Content::minimal()
            .append(
                P,
                "\nXem [báo cáo](/bao-cao/), [nguồn](/nguon/) và [dữ liệu](/du-lieu-mo/units/).\n",
            )
            .check()
            .accepted();
    }

    #[test]
    fn a_link_to_no_page_is_refused_at_its_line() {
        let c = Content::minimal()
            .append(P, "\nXem [trang](/khong-co/).\n")
            .check();
        assert_eq!(c.located("broken-link").0, "plans/kh-1-2025/plan.md:16");
    }
}
