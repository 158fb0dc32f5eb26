//! The narratives of plans and reports, written in Markdown. [`inspect`] is what `check` reads:
//! every link and image — in Markdown syntax or in raw HTML `<a href>` / `<img src>` — with its
//! place, and whatever makes a narrative too costly to publish. [`to_safe_html`] is what the
//! pages show: CommonMark with tables and footnotes, sanitised with ammonia so that raw HTML can
//! never carry script, event handlers, iframes or forms, and site links made relative to the
//! page.
//!
//! Links to other pages are written from the site root (`[Kế hoạch 223](/ke-hoach/kh-223-ubnd-2024/)`);
//! `check` verifies they lead to a page of the route table.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// A narrative larger than this is refused: a plan's narrative is tens of kilobytes; a megabyte
/// is a pasted export, and would make every build slower.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Raw HTML elements may nest this deep (a hundred thousand nested `<div>` make the sanitiser
/// quadratic).
pub const MAX_HTML_DEPTH: usize = 32;
/// At most this many raw HTML tags per narrative.
pub const MAX_HTML_TAGS: usize = 2_000;
/// Lists and block quotes may nest this deep.
pub const MAX_NESTING: usize = 32;
/// A table has at most this many columns (no phone shows more; a million columns take
/// gigabytes to render).
pub const MAX_TABLE_COLUMNS: usize = 64;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// What a link destination is.
#[derive(Debug, PartialEq, Eq)]
pub enum Destination<'a> {
    /// `https://…`, `http://…`, `mailto:…`: not checked (no network at build time).
    External,
    /// `#…` within the same page.
    Anchor,
    /// `/path/…` inside the site: the path without the leading `/`, and the `#fragment` if any.
    Site(&'a str, Option<&'a str>),
    /// Anything else (relative paths, `javascript:`, `file:`…), with the reason.
    Refused(&'static str),
}

pub fn classify(dest: &str) -> Destination<'_> {
    let lower = dest.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        match url::Url::parse(dest.trim()) {
            Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => Destination::External,
            _ => Destination::Refused("địa chỉ web không hợp lệ (thiếu tên miền hoặc có ký tự lạ)"),
        }
    } else if lower.starts_with("mailto:") {
        if lower.len() > "mailto:".len() && lower.contains('@') {
            Destination::External
        } else {
            Destination::Refused("địa chỉ thư điện tử không hợp lệ")
        }
    } else if dest.starts_with('#') {
        Destination::Anchor
    } else if let Some(path) = dest.strip_prefix('/') {
        if path.starts_with('/') {
            return Destination::Refused("liên kết bắt đầu bằng // trỏ ra ngoài trang");
        }
        match path.split_once('#') {
            Some((p, f)) => Destination::Site(p, Some(f)),
            None => Destination::Site(path, None),
        }
    } else if lower.contains(':') {
        Destination::Refused(
            "chỉ chấp nhận liên kết http, https, mailto hoặc đường dẫn trong trang bắt đầu bằng /",
        )
    } else {
        Destination::Refused("đường dẫn tương đối phụ thuộc vị trí trang")
    }
}

/// Why a narrative cannot be published as written, with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub range: Range<usize>,
    pub message: String,
    pub hint: &'static str,
}

/// What `check` needs to know about a narrative.
#[derive(Debug, Default)]
pub struct Inspection {
    /// Every link and image destination, with the byte range where it is written.
    pub links: Vec<(Range<usize>, String)>,
    pub problems: Vec<Problem>,
}

/// Reads a narrative once: its links (Markdown and raw HTML) and what exceeds the limits. Stops
/// at the first limit exceeded, so that pathological input costs no more than the limit.
pub fn inspect(markdown: &str) -> Inspection {
    let mut out = Inspection::default();
    if markdown.len() > MAX_BYTES {
        out.problems.push(Problem {
            range: 0..0,
            message: format!(
                "phần nội dung dài {} KB, quá giới hạn {} KB",
                markdown.len() / 1024,
                MAX_BYTES / 1024
            ),
            hint: "phần Markdown chỉ là lời giới thiệu; toàn văn văn bản đặt trong content/documents/",
        });
        return out;
    }
    let mut html_depth = 0usize;
    let mut html_tags = 0usize;
    let mut nesting = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let problem = match &event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                out.links.push((range.clone(), dest_url.to_string()));
                None
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::Item) => {
                nesting += 1;
                (nesting > MAX_NESTING).then(|| Problem {
                    range: range.start..range.start,
                    message: format!("danh sách hoặc trích dẫn lồng nhau quá {MAX_NESTING} cấp"),
                    hint: "viết lại thành các đoạn hoặc danh sách ít cấp hơn",
                })
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::Item) => {
                nesting = nesting.saturating_sub(1);
                None
            }
            Event::Start(Tag::Table(columns)) => (columns.len() > MAX_TABLE_COLUMNS).then(|| Problem {
                range: range.start..range.start,
                message: format!("bảng có {} cột, quá giới hạn {MAX_TABLE_COLUMNS} cột", columns.len()),
                hint: "chia bảng thành nhiều bảng nhỏ, hoặc đặt số liệu vào các tệp dữ liệu (targets.toml, budget.toml)",
            }),
            Event::Html(_) | Event::InlineHtml(_) => {
                let text = &markdown[range.clone()];
                for (r, url) in html_urls(text) {
                    out.links
                        .push((range.start + r.start..range.start + r.end, url));
                }
                let (tags, depth) = html_tags_and_depth(text, html_depth);
                html_tags += tags;
                html_depth = depth.1;
                if depth.0 > MAX_HTML_DEPTH {
                    Some(Problem {
                        range: range.clone(),
                        message: format!("các thẻ HTML lồng nhau quá {MAX_HTML_DEPTH} cấp"),
                        hint: "dùng cú pháp Markdown thay cho HTML; HTML trong nội dung chỉ nên là vài thẻ đơn giản",
                    })
                } else if html_tags > MAX_HTML_TAGS {
                    Some(Problem {
                        range: range.clone(),
                        message: format!("phần nội dung có hơn {MAX_HTML_TAGS} thẻ HTML"),
                        hint: "dùng cú pháp Markdown thay cho HTML; HTML trong nội dung chỉ nên là vài thẻ đơn giản",
                    })
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(p) = problem {
            out.problems.push(p);
            break;
        }
    }
    out
}

/// Elements that never have a closing tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Counts the tags of a raw HTML fragment and follows the nesting depth from `depth`: returns
/// the number of tags and (deepest depth reached, depth at the end).
fn html_tags_and_depth(text: &str, mut depth: usize) -> (usize, (usize, usize)) {
    let mut tags = 0;
    let mut deepest = depth;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        let start = i + off + 1;
        i = start;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = if closing { start + 1 } else { start };
        let name: String = text[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        tags += 1;
        let tag_end = text[start..].find('>').map(|e| start + e);
        let self_closing = tag_end.is_some_and(|e| e > 0 && bytes[e - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    (tags, (deepest, depth))
}

/// The `href`, `src` and `cite` values (the URLs the sanitiser keeps) of the tags of a raw HTML fragment, with their byte ranges.
fn html_urls(text: &str) -> Vec<(Range<usize>, String)> {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for attr in ["href", "src", "cite"] {
        let mut from = 0;
        while let Some(off) = lower[from..].find(attr) {
            let at = from + off;
            from = at + attr.len();
            // A whole attribute name: preceded by whitespace, followed by `=`.
            let before_ok = at > 0 && bytes[at - 1].is_ascii_whitespace();
            let mut j = from;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if !before_ok || bytes.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let (start, end) = match bytes.get(j) {
                Some(q @ (b'"' | b'\'')) => {
                    let end = text[j + 1..]
                        .find(*q as char)
                        .map(|e| j + 1 + e)
                        .unwrap_or(text.len());
                    (j + 1, end)
                }
                Some(_) => {
                    let end = text[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map(|e| j + e)
                        .unwrap_or(text.len());
                    (j, end)
                }
                None => continue,
            };
            out.push((start..end, decode_entities(&text[start..end])));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Decodes the character references a browser would (`&#106;` → `j`, `&amp;` → `&`), so that
/// `&#106;avascript:` is seen for what it is.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "colon" => Some(':'),
                    "sol" => Some('/'),
                    _ => None,
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Renders a narrative as safe HTML. Links written from the site root (`/don-vi/x/`) — in
/// Markdown or in raw HTML — become relative to the page through `root` (`../../`), so the site
/// works under any base path and from disk.
pub fn to_safe_html(markdown: &str, root: &str) -> String {
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options()));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::Custom(Box::new(relative_to(
            root.to_string(),
        ))))
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id"])
        .clean(&unsafe_html)
        .to_string()
}

/// Site links (`/x/`) made relative to the page through `root`; in-page anchors kept; any other
/// relative URL (which `check` refuses) dropped.
fn relative_to(root: String) -> impl Fn(&str) -> Option<std::borrow::Cow<'_, str>> + Send + Sync {
    move |url| match url.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => Some(format!("{root}{rest}").into()),
        _ if url.starts_with('#') => Some(url.into()),
        _ => None,
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
            Destination::Site("don-vi/so-noi-vu/", Some("x"))
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
        for bad in [
            "https://",
            "https://exa mple.org/",
            "http://[::1",
            "mailto:",
        ] {
            assert!(matches!(classify(bad), Destination::Refused(_)), "{bad}");
        }
        assert_eq!(classify("mailto:a@b.vn"), Destination::External);
    }

    #[test]
    fn links_are_found_with_their_place_in_markdown_and_in_raw_html() {
        let md = "Xem [kế hoạch](/ke-hoach/x/) và ![ảnh](/a.png).\n\n<p>Hoặc <a class=\"x\" href=\"/don-vi/y/\">đây</a> <img src='&#106;avascript:1'></p>\n";
        let links = inspect(md).links;
        let dests: Vec<&str> = links.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(
            dests,
            ["/ke-hoach/x/", "/a.png", "/don-vi/y/", "javascript:1"]
        );
        assert_eq!(&md[links[0].0.clone()], "[kế hoạch](/ke-hoach/x/)");
        assert_eq!(&md[links[2].0.clone()], "/don-vi/y/");
    }

    #[test]
    fn site_links_become_relative_to_the_page_in_markdown_and_raw_html() {
        let html = to_safe_html(
            "[x](/don-vi/so-noi-vu/) [y](https://example.org/) <a href=\"/ke-hoach/k/\">z</a> [a](#muc)",
            "../../",
        );
        assert!(html.contains("href=\"../../don-vi/so-noi-vu/\""), "{html}");
        assert!(html.contains("href=\"https://example.org/\""));
        assert!(html.contains("href=\"../../ke-hoach/k/\""), "{html}");
        assert!(html.contains("href=\"#muc\""), "{html}");
    }

    #[test]
    fn script_and_event_handlers_do_not_survive() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <iframe src=x></iframe><form></form> <a href=\"&#106;avascript:alert(1)\">j</a>",
            "../../",
        );
        for bad in ["<script", "onerror", "javascript:", "<iframe", "<form"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_safe_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note\n",
            "../../",
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("Note"));
    }

    #[test]
    fn pathological_narratives_are_refused_quickly() {
        let divs = "<div>".repeat(100_000);
        assert_eq!(inspect(&divs).problems.len(), 1);
        let wide = format!("|{}\n|{}\n", "a|".repeat(1000), "-|".repeat(1000));
        assert_eq!(inspect(&wide).problems.len(), 1);
        let quotes = format!("{}x", "> ".repeat(1000));
        assert_eq!(inspect(&quotes).problems.len(), 1);
        let lists = (0..100)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect::<String>();
        assert_eq!(inspect(&lists).problems.len(), 1);
    }

    #[test]
    fn html_depth_follows_open_and_close_tags() {
        assert_eq!(
            html_tags_and_depth("<div><p>a</p><br></div>", 0),
            (5, (2, 0))
        );
        assert_eq!(html_tags_and_depth("<img src=x/>", 3), (1, (3, 3)));
    }
}
