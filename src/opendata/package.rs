//! `data/datapackage.json`: a Frictionless Tabular Data Package (v1 descriptors) whose resources
//! are the canonical CSV files, each with its Table Schema (types, required fields, enumerations,
//! patterns, primary key, foreign keys), its byte size and its `sha256:` hash.

use serde_json::{Map, Value, json};

use super::meta;
use super::resources::{Field, FieldType, Resource};
use crate::model::Site;

/// Size and hash of a written file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub bytes: usize,
    /// Lower-case hex SHA-256.
    pub sha256: String,
}

impl FileInfo {
    pub fn of(bytes: &[u8]) -> FileInfo {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(bytes);
        FileInfo {
            bytes: bytes.len(),
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// Package name: `minhbach-<province id>` (or just `minhbach`).
pub fn package_name(site: &Site) -> String {
    match &site.config().province {
        Some(p) => format!("minhbach-{p}"),
        None => "minhbach".into(),
    }
}

/// Keywords of the whole package.
pub fn keywords(site: &Site) -> Vec<String> {
    let mut k = vec![
        "minh bạch".to_string(),
        "kế hoạch".into(),
        "chỉ tiêu".into(),
        "kinh phí".into(),
        "nhiệm vụ".into(),
        "tiến độ".into(),
    ];
    if let Some(p) = site.config().province.as_deref().and_then(|p| site.unit(p)) {
        k.push(p.name.clone());
    }
    k
}

pub fn description(site: &Site) -> String {
    let c = site.config();
    let mut d = c.description.trim().to_string();
    if !d.is_empty() && !d.ends_with('.') {
        d.push('.');
    }
    if !d.is_empty() {
        d.push(' ');
    }
    d.push_str(crate::i18n::Lang::Vi.t("package_files"));
    d
}

/// The package's description in English: the site's English description when the content gives
/// one, then how the files are made (from the string table).
pub fn description_en(site: &Site) -> String {
    let c = site.config();
    let mut d = c.description_en.clone();
    if !d.is_empty() && !d.ends_with('.') {
        d.push('.');
    }
    if !d.is_empty() {
        d.push(' ');
    }
    d.push_str(crate::i18n::Lang::En.t("package_files"));
    d
}

/// A title or description in both languages, as CKAN's multilingual fields (ckanext-fluent's
/// `title_translated`) write them: Frictionless keeps the Vietnamese in `title` and
/// `description` and accepts these extra properties.
fn translated(vi: &str, en: &str) -> Value {
    if en.is_empty() {
        json!({ "vi": vi })
    } else {
        json!({ "vi": vi, "en": en })
    }
}

/// The descriptor, given the canonical CSV bytes of each resource.
pub fn datapackage_bytes(site: &Site, resources: &[(&Resource, FileInfo)]) -> Vec<u8> {
    let c = site.config();
    let base = meta::base(site);
    let mut contributors = Vec::new();
    if let Some(p) = c.publisher.as_deref().and_then(|p| site.unit(p)) {
        contributors.push(json!({
            "title": p.name,
            "role": "publisher",
            "path": format!("{base}/don-vi/{}/", p.id),
        }));
    }
    let sources: Vec<Value> = site
        .documents
        .iter()
        .map(|d| json!({ "title": d.title, "path": format!("{base}/nguon/{}/", d.id) }))
        .collect();
    let mut pkg = Map::new();
    pkg.insert("profile".into(), json!("tabular-data-package"));
    pkg.insert("name".into(), json!(package_name(site)));
    pkg.insert("id".into(), json!(meta::url(site, meta::DATAPACKAGE)));
    pkg.insert("title".into(), json!(c.title));
    pkg.insert("description".into(), json!(description(site)));
    pkg.insert("title_translated".into(), translated(&c.title, &c.title_en));
    pkg.insert(
        "description_translated".into(),
        translated(&description(site), &description_en(site)),
    );
    pkg.insert("homepage".into(), json!(meta::url(site, &meta::page())));
    pkg.insert("keywords".into(), json!(keywords(site)));
    pkg.insert(
        "licenses".into(),
        json!([{ "name": c.licence, "path": c.licence_url, "title": c.licence }]),
    );
    if !contributors.is_empty() {
        pkg.insert("contributors".into(), Value::Array(contributors));
    }
    if !sources.is_empty() {
        pkg.insert("sources".into(), Value::Array(sources));
    }
    pkg.insert(
        "resources".into(),
        Value::Array(
            resources
                .iter()
                .map(|(r, info)| resource_descriptor(r, info))
                .collect(),
        ),
    );
    let mut out = serde_json::to_vec_pretty(&Value::Object(pkg)).expect("JSON into memory");
    out.push(b'\n');
    out
}

fn resource_descriptor(r: &Resource, info: &FileInfo) -> Value {
    let mut d = Map::new();
    d.insert("profile".into(), json!("tabular-data-resource"));
    d.insert("name".into(), json!(r.name));
    d.insert("path".into(), json!(format!("{}.csv", r.name)));
    d.insert("title".into(), json!(r.title));
    d.insert("description".into(), json!(r.description));
    let en = crate::i18n::Lang::En;
    d.insert(
        "title_translated".into(),
        translated(&r.title, r.title_in(en)),
    );
    d.insert(
        "description_translated".into(),
        translated(&r.description, r.description_in(en)),
    );
    d.insert("format".into(), json!("csv"));
    d.insert("mediatype".into(), json!("text/csv"));
    d.insert("encoding".into(), json!("utf-8"));
    d.insert("bytes".into(), json!(info.bytes));
    d.insert("hash".into(), json!(format!("sha256:{}", info.sha256)));
    d.insert("schema".into(), table_schema(r));
    Value::Object(d)
}

/// The Table Schema of a resource.
pub fn table_schema(r: &Resource) -> Value {
    let fields: Vec<Value> = r
        .fields
        .iter()
        .map(|f| field_descriptor(f, r.primary_key.contains(&f.name)))
        .collect();
    let foreign_keys: Vec<Value> = r
        .fields
        .iter()
        .filter_map(|f| {
            let (resource, field) = f.references?;
            Some(json!({
                "fields": f.name,
                "reference": { "resource": resource, "fields": field },
            }))
        })
        .collect();
    let mut s = Map::new();
    s.insert("fields".into(), Value::Array(fields));
    s.insert("missingValues".into(), json!([""]));
    s.insert("primaryKey".into(), json!(r.primary_key));
    if !foreign_keys.is_empty() {
        s.insert("foreignKeys".into(), Value::Array(foreign_keys));
    }
    Value::Object(s)
}

fn field_descriptor(f: &Field, in_primary_key: bool) -> Value {
    let mut d = Map::new();
    d.insert("name".into(), json!(f.name));
    d.insert("title".into(), json!(f.title));
    d.insert("description".into(), json!(f.description));
    let (ty, format) = match f.ty {
        FieldType::String => ("string", None),
        FieldType::Number => ("number", None),
        FieldType::Integer => ("integer", None),
        FieldType::Boolean => ("boolean", None),
        FieldType::Date => ("date", None),
        FieldType::Uri => ("string", Some("uri")),
    };
    d.insert("type".into(), json!(ty));
    if let Some(format) = format {
        d.insert("format".into(), json!(format));
    }
    if f.ty == FieldType::Boolean {
        d.insert("trueValues".into(), json!(["true"]));
        d.insert("falseValues".into(), json!(["false"]));
    }
    if f.ty == FieldType::Number {
        // No `groupChar`: numbers are written without thousands grouping.
        d.insert("decimalChar".into(), json!("."));
    }
    let mut c = Map::new();
    if f.required || in_primary_key {
        c.insert("required".into(), json!(true));
    }
    if !f.values.is_empty() {
        c.insert("enum".into(), json!(f.values));
    }
    if let Some(p) = f.pattern {
        // Table Schema patterns are implicitly anchored (XML Schema regular expressions).
        let p = p.trim_start_matches('^').trim_end_matches('$');
        c.insert("pattern".into(), json!(p));
    }
    if !c.is_empty() {
        d.insert("constraints".into(), Value::Object(c));
    }
    Value::Object(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lower_case_hex() {
        let info = FileInfo::of(b"abc");
        assert_eq!(info.bytes, 3);
        assert_eq!(
            info.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
