//! Markdown narrative to safe HTML: CommonMark with tables and footnotes, then sanitised with
//! ammonia so raw HTML in content can never carry script, event handlers, iframes or forms.

use pulldown_cmark::{Event, Options, Parser, Tag, html};

/// Renders Markdown; links written from the site root (`/don-vi/x/`) become relative to the
/// page through `root` (`../../`), so the site works under any base path and from disk.
pub fn to_safe_html(markdown: &str, root: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let relative = |url: pulldown_cmark::CowStr<'_>| -> pulldown_cmark::CowStr<'static> {
        match url.strip_prefix('/') {
            Some(rest) if !rest.starts_with('/') => format!("{root}{rest}").into(),
            _ => url.into_string().into(),
        }
    };
    let parser = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: relative(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: relative(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id"])
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_safe_html_root(md: &str) -> String {
        to_safe_html(md, "../../")
    }

    #[test]
    fn site_links_become_relative_to_the_page() {
        let html = to_safe_html(
            "[x](/don-vi/so-noi-vu/) [y](https://example.org/)",
            "../../",
        );
        assert!(html.contains("href=\"../../don-vi/so-noi-vu/\""), "{html}");
        assert!(html.contains("href=\"https://example.org/\""));
    }

    #[test]
    fn script_and_event_handlers_do_not_survive() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <iframe src=x></iframe><form></form>",
            "../../",
        );
        for bad in ["<script", "onerror", "javascript:", "<iframe", "<form"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_safe_html_root("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note\n");
        assert!(html.contains("<table>"));
        assert!(html.contains("Note"));
    }
}
