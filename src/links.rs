//! Links written in content Markdown. Links to other pages of the site are written from the site
//! root (`[Kế hoạch 223](/ke-hoach/kh-223-ubnd-2024/)`); `check` verifies they lead to a page
//! that will exist, and the renderer turns them into relative links so the site works under any
//! base path and from disk.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Every link and image destination of a Markdown text, with its byte range in the text.
pub fn markdown_links(markdown: &str) -> Vec<(Range<usize>, String)> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some((range, dest_url.into_string())),
            _ => None,
        })
        .collect()
}

/// What a link destination is.
#[derive(Debug, PartialEq, Eq)]
pub enum Destination<'a> {
    /// `https://…`, `http://…`, `mailto:…`: not checked (no network at build time).
    External,
    /// `#…` within the same page.
    Anchor,
    /// `/path/…` inside the site: the path without the leading `/` and without `#fragment`.
    Site(&'a str),
    /// Anything else (relative paths, `javascript:`, `file:`…), with the reason.
    Refused(&'static str),
}

pub fn classify(dest: &str) -> Destination<'_> {
    let lower = dest.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
    {
        Destination::External
    } else if dest.starts_with('#') {
        Destination::Anchor
    } else if let Some(path) = dest.strip_prefix('/') {
        if path.starts_with('/') {
            return Destination::Refused("liên kết bắt đầu bằng // trỏ ra ngoài trang");
        }
        Destination::Site(path.split('#').next().unwrap_or(""))
    } else if lower.contains(':') {
        Destination::Refused(
            "chỉ chấp nhận liên kết http, https, mailto hoặc đường dẫn trong trang bắt đầu bằng /",
        )
    } else {
        Destination::Refused("đường dẫn tương đối phụ thuộc vị trí trang")
    }
}

/// The ids a site path may name.
pub struct KnownIds<'a> {
    pub plans: HashSet<&'a str>,
    pub units: HashSet<&'a str>,
    pub targets: HashSet<&'a str>,
    pub reports: HashSet<&'a str>,
    pub documents: HashSet<&'a str>,
}

/// Whether `path` (no leading `/`) is a page the build will write.
pub fn page_exists(path: &str, ids: &KnownIds) -> bool {
    let segments: Vec<&str> = path
        .trim_end_matches("index.html")
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    match segments.as_slice() {
        []
        | ["ke-hoach"]
        | ["don-vi"]
        | ["chi-tieu"]
        | ["kinh-phi"]
        | ["tien-do"]
        | ["du-lieu-mo"] => true,
        ["kinh-phi", "theo-huyen" | "theo-co-quan" | "theo-nguon"] => true,
        ["ke-hoach", p] => ids.plans.contains(p),
        [
            "ke-hoach",
            p,
            "chi-tieu" | "kinh-phi" | "nhiem-vu" | "noi-dung",
        ] => ids.plans.contains(p),
        ["don-vi", u] => ids.units.contains(u),
        ["chi-tieu", t] => ids.targets.contains(t),
        ["bao-cao", r] => ids.reports.contains(r),
        ["nguon", d] => ids.documents.contains(d),
        ["nguon", d, n] => ids.documents.contains(d) && n.parse::<usize>().is_ok_and(|n| n >= 1),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_classified() {
        assert_eq!(classify("https://example.org"), Destination::External);
        assert_eq!(classify("#muc-tieu"), Destination::Anchor);
        assert_eq!(
            classify("/don-vi/so-noi-vu/#x"),
            Destination::Site("don-vi/so-noi-vu/")
        );
        assert!(matches!(
            classify("javascript:alert(1)"),
            Destination::Refused(_)
        ));
        assert!(matches!(classify("../plan.md"), Destination::Refused(_)));
        assert!(matches!(
            classify("//evil.example/x"),
            Destination::Refused(_)
        ));
    }

    #[test]
    fn links_are_found_with_their_place() {
        let md = "Xem [kế hoạch](/ke-hoach/x/) và ![ảnh](/a.png).";
        let links = markdown_links(md);
        assert_eq!(links.len(), 2);
        assert_eq!(&md[links[0].0.clone()], "[kế hoạch](/ke-hoach/x/)");
    }
}
