//! `site.toml`: the site settings and the URLs it gives.

use super::*;

pub(super) fn site_config(s: &In<raw::SiteFile>, diags: &mut Diagnostics) -> SiteConfig {
    let v = &s.value;
    let base_url = web_url(&s.file, &v.base_url, "base_url", true, diags);
    let licence_url = match &v.licence_url {
        Some(u) => web_url(&s.file, u, "licence_url", false, diags),
        None => raw::DEFAULT_LICENCE_URL.to_string(),
    };
    let scope = match &v.scope {
        Some(sc) => Scope::parse(sc.get_ref()).unwrap_or_else(|| {
            diags.push(enum_error(&s.file, sc, "phạm vi trang", Scope::NAMES));
            Scope::Province
        }),
        None if v.province.is_some() => Scope::Province,
        None => Scope::Country,
    };
    let feedback_email = v
        .feedback_email
        .as_ref()
        .and_then(|e| feedback_email(&s.file, e, diags));
    SiteConfig {
        feedback_email,
        scope,
        title: v.title.clone(),
        description: v.description.clone(),
        title_en: v.title_en.trim().to_string(),
        description_en: v.description_en.trim().to_string(),
        base_url: base_url.trim_end_matches('/').to_string(),
        language: v.language.clone(),
        publisher: v.publisher.as_ref().map(|p| p.get_ref().clone()),
        province: v.province.as_ref().map(|p| p.get_ref().clone()),
        licence: v.licence.clone(),
        licence_url,
    }
}

/// The address "Báo sai sót" links write to: a plain `name@domain.tld`, written so that it goes
/// into a `mailto:` link as is (letters, digits and `.` `_` `+` `-` before the `@`; a domain
/// name with at least one dot after it). Anything else is reported where it is written.
pub(super) fn feedback_email(
    file: &SourceFile,
    value: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<String> {
    let text = value.get_ref();
    let local_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('.')
            && !l.ends_with('.')
            && !l.contains("..")
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let ok = match text.split_once('@') {
        Some((local, domain)) => {
            local_ok(local)
                && domain.contains('.')
                && domain.len() <= 253
                && domain.split('.').all(label_ok)
        }
        None => false,
    };
    if ok {
        return Some(text.clone());
    }
    diags.push(
        Diagnostic::error(
            "invalid-email",
            format!("feedback_email `{text}` không phải địa chỉ thư điện tử dùng được"),
        )
        .at(file.location(value.span()))
        .hint("viết một địa chỉ dạng ten@ten-mien.vn, không dấu, không khoảng trắng, ví dụ feedback_email = \"gopy@example.org\" (thay bằng địa chỉ thật của cơ quan tiếp nhận); bỏ dòng này nếu chưa có địa chỉ"),
    );
    None
}

/// A URL the content gives for the web (pages link it, the catalog publishes it as an IRI):
/// absolute `http(s)://host/…`, without spaces, credentials or — for the site's own base
/// address — a query or fragment. Anything else is reported where it is written.
pub(super) fn web_url(
    file: &SourceFile,
    value: &Spanned<String>,
    key: &str,
    is_base: bool,
    diags: &mut Diagnostics,
) -> String {
    let text = value.get_ref();
    let problem = match url::Url::parse(text) {
        _ if text.trim().is_empty() => Some("trống".to_string()),
        _ if text.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            Some("có khoảng trắng hoặc ký tự điều khiển".into())
        }
        Err(e) => Some(format!("không phải địa chỉ tuyệt đối ({e})")),
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Some(format!(
            "dùng giao thức `{}:` — chỉ chấp nhận http hoặc https",
            u.scheme()
        )),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => Some("không có tên miền".into()),
        Ok(u) if !u.username().is_empty() || u.password().is_some() => {
            Some("chứa tên đăng nhập hoặc mật khẩu".into())
        }
        Ok(u) if is_base && (u.query().is_some() || u.fragment().is_some()) => {
            Some("có phần `?…` hoặc `#…`, không dùng được làm địa chỉ gốc".into())
        }
        Ok(_) => None,
    };
    if let Some(why) = problem {
        let example = if is_base {
            "https://opendata.quangngai.gov.vn/minhbach"
        } else {
            "https://creativecommons.org/licenses/by/4.0/"
        };
        diags.push(
            Diagnostic::error(
                "invalid-url",
                format!("{key} `{text}` không dùng được: {why}"),
            )
            .at(file.location(value.span()))
            .hint(format!(
                "viết địa chỉ web đầy đủ, ví dụ {key} = \"{example}\""
            )),
        );
    }
    text.clone()
}

/// Areas (lĩnh vực), in display order.
pub(super) fn resolve_areas(raw: &RawContent, site: &mut Site, diags: &mut Diagnostics) {
    let mut seen: HashMap<String, crate::source::Location> = HashMap::new();
    for a in &raw.areas {
        if check_id(&a.file, &a.value.id, "lĩnh vực", &mut seen, diags) {
            site.area_index
                .insert(a.value.id.get_ref().clone(), site.areas.len());
            site.areas.push(Area {
                id: a.value.id.get_ref().clone(),
                name: a.value.name.clone(),
                order: a.value.order,
            });
        }
    }
    site.areas
        .sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    site.area_index = site
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;
    use crate::model::Scope;

    #[test]
    fn a_site_with_a_province_is_a_province_site_unless_it_says_otherwise() {
        let site = Content::minimal().check().accepted();
        assert_eq!(site.config.unwrap().scope, Scope::Province);
        let site = Content::minimal()
            .append("site.toml", "scope = \"country\"\n")
            .check()
            .accepted();
        assert_eq!(site.config.unwrap().scope, Scope::Country);
    }

    #[test]
    fn a_scope_outside_the_vocabulary_is_refused() {
        let c = Content::minimal()
            .append("site.toml", "scope = \"tinh\"\n")
            .check();
        assert_eq!(c.located("invalid-value").1, "\"tinh\"");
    }

    #[test]
    fn a_feedback_address_is_kept_when_it_is_an_email_address() {
        let site = Content::minimal()
            .append("site.toml", "feedback_email = \"gopy@example.org\"\n")
            .check()
            .accepted();
        assert_eq!(
            site.config.unwrap().feedback_email.as_deref(),
            Some("gopy@example.org")
        );
    }

    #[test]
    fn a_malformed_feedback_address_is_refused_where_it_is_written() {
        for bad in [
            "gopy",
            "gopy@",
            "@example.org",
            "gó py@example.org",
            "gopy@localhost",
            "gopy@example..org",
            "a?subject=x@example.org",
        ] {
            let c = Content::minimal()
                .append("site.toml", &format!("feedback_email = \"{bad}\"\n"))
                .check();
            let (at, text) = c.located("invalid-email");
            assert_eq!(at, "site.toml:7", "{bad}");
            assert_eq!(text, format!("\"{bad}\""), "{bad}");
        }
    }

    #[test]
    fn only_http_and_https_urls_are_accepted() {
        let c = Content::minimal()
            .append("site.toml", "licence_url = \"javascript:alert(1)\"\n")
            .check();
        assert_eq!(c.located("invalid-url").0, "site.toml:7");
    }
}
