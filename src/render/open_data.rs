//! The "Dữ liệu mở" pages: every dataset of the package with its description, formats, sizes,
//! licence, last modification and schema, and a page per dataset carrying schema.org `Dataset`
//! JSON-LD for search engines.

use serde_json::{Value, json};

use super::{Ctx, Page, base_context};
use crate::model::Site;
use crate::opendata::{self, meta, resources::FieldType};
use crate::routes::Route;

fn type_name(lang: crate::i18n::Lang, t: FieldType) -> &'static str {
    lang.t(match t {
        FieldType::String => "type_string",
        FieldType::Number => "type_number",
        FieldType::Integer => "type_integer",
        FieldType::Boolean => "type_boolean",
        FieldType::Date => "type_date",
        FieldType::Uri => "type_uri",
    })
}

fn human_size(lang: crate::i18n::Lang, bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!(
            "{} MB",
            lang.number_rounded(
                rust_decimal::Decimal::from(bytes) / rust_decimal::Decimal::from(1024 * 1024),
                1
            )
        )
    } else if bytes >= 1024 {
        format!(
            "{} KB",
            lang.number_rounded(
                rust_decimal::Decimal::from(bytes) / rust_decimal::Decimal::from(1024),
                1
            )
        )
    } else {
        format!("{bytes} byte")
    }
}

/// JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` are escaped so that
/// no content can close the block or open a tag.
pub fn json_ld_block(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// One dataset as the pages describe it.
fn dataset_view(ctx: &Ctx, r: &opendata::Resource) -> Value {
    let sizes = ctx.file_sizes;
    let formats = [
        ("CSV (UTF-8)", meta::csv_path(r.name)),
        ("JSON", meta::json_path(r.name)),
        (ctx.lang.t("csv_for_excel"), meta::excel_csv_path(r.name)),
    ];
    json!({
        "name": r.name,
        "title": r.title_in(ctx.lang),
        "description": r.description_in(ctx.lang),
        "href": Route::Dataset(r.name.to_string()).path(),
        "rows": r.rows.len(),
        "formats": formats.iter().map(|(label, path)| json!({"label": label, "href": path, "size": human_size(ctx.lang, sizes.get(path.as_str()).copied().unwrap_or(0))})).collect::<Vec<_>>(),
        "fields": r.fields.iter().map(|f| {
            // The columns' titles and descriptions in the page's language (the data files keep
            // their Vietnamese descriptors).
            let (title, description) = r.field_text_in(f, ctx.lang);
            json!({
                "name": f.name,
                "title": title,
                "type": type_name(ctx.lang, f.ty),
                "required": f.required,
                "description": description,
                "values": f.values,
            })
        }).collect::<Vec<_>>(),
        "primary_key": r.primary_key,
    })
}

fn publisher(site: &Site) -> String {
    site.config()
        .publisher
        .as_deref()
        .and_then(|p| site.unit(p))
        .map(|u| u.name.clone())
        .unwrap_or_default()
}

/// What both kinds of page say about the package as a whole.
fn common(ctx: &Ctx, c: &mut tera::Context) {
    let site = ctx.site;
    let sizes = ctx.file_sizes;
    c.insert("modified", &meta::modified(site).map(|d| ctx.lang.date(&d)));
    c.insert("publisher", &publisher(site));
    c.insert("workbook", &json!({"href": meta::WORKBOOK, "size": human_size(ctx.lang, sizes.get(meta::WORKBOOK).copied().unwrap_or(0))}));
    c.insert("package", &json!({"href": meta::DATAPACKAGE, "size": human_size(ctx.lang, sizes.get(meta::DATAPACKAGE).copied().unwrap_or(0))}));
    c.insert(
        "catalog",
        &json!({"jsonld": meta::CATALOG_JSONLD, "ttl": meta::CATALOG_TTL}),
    );
}

/// `/du-lieu-mo/`: every dataset with its formats, sizes and columns.
pub(crate) fn index(ctx: &Ctx, route: &Route) -> Page {
    let mut c = base_context(ctx.site, route, ctx.lang.t("nav_open_data"));
    let datasets: Vec<Value> = ctx
        .derived
        .resources
        .iter()
        .map(|r| dataset_view(ctx, r))
        .collect();
    c.insert("datasets", &datasets);
    common(ctx, &mut c);
    Page {
        template: "open_data.html",
        context: c,
    }
}

/// `/du-lieu-mo/<dataset>/`, with schema.org `Dataset` JSON-LD for search engines.
pub(crate) fn dataset(ctx: &Ctx, route: &Route, name: &str) -> Option<Page> {
    let site = ctx.site;
    let c = site.config();
    let (_, r) = ctx.derived.resource(name)?;
    let publisher = publisher(site);
    let mut p = base_context(site, route, r.title_in(ctx.lang));
    let ld = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": r.title,
        "description": r.description,
        "url": meta::url(site, &Route::Dataset(r.name.to_string()).path()),
        "identifier": meta::url(site, &format!("{}/{}", meta::DIR, r.name)),
        "inLanguage": "vi",
        "license": c.licence_url,
        "isAccessibleForFree": true,
        "dateModified": meta::modified(site).map(|d| d.iso()),
        "datePublished": meta::issued(site).map(|d| d.iso()),
        "creator": {"@type": "GovernmentOrganization", "name": publisher},
        "publisher": {"@type": "GovernmentOrganization", "name": publisher},
        "spatialCoverage": c.province.as_deref().and_then(|p| site.unit(p)).map(|u| json!({"@type": "Place", "name": u.name})),
        "variableMeasured": r.fields.iter().map(|f| f.title).collect::<Vec<_>>(),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": meta::url(site, &meta::csv_path(r.name))},
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": meta::url(site, &meta::json_path(r.name))},
        ],
    });
    p.insert("dataset", &dataset_view(ctx, r));
    p.insert("json_ld", &json_ld_block(&ld));
    common(ctx, &mut p);
    Some(Page {
        template: "dataset.html",
        context: p,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_ld_cannot_close_its_script_block() {
        let v = serde_json::json!({"name": "</script><script>alert(1)</script>"});
        let s = super::json_ld_block(&v);
        assert!(!s.contains("</script"));
        assert!(s.contains("\\u003c/script\\u003e"));
    }
}
