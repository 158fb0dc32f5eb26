//! The DCAT catalog the provincial portal harvests (`data/catalog.jsonld`, `data/catalog.ttl`):
//! DCAT-AP 3.0, one `dcat:Dataset` per resource, one `dcat:Distribution` per format (CSV, JSON,
//! CSV for Excel, the Excel workbook) with download and access URLs, IANA media type, byte size
//! and SHA-256 checksum. Every node is named by a stable IRI under the site's base URL (CKAN's
//! harvester deletes datasets whose identifiers disappear) and carries its `rdf:type`, as the
//! DCAT-AP SHACL shapes check classes without inference. Dates come from the content.

use super::meta;
use super::package::FileInfo;
use super::rdf::{Graph, Node, Object};
use super::resources::Resource;
use crate::dates::PartialDate;
use crate::model::Site;

/// EU language authority: Vietnamese.
pub const LANGUAGE_VIE: &str = "http://publications.europa.eu/resource/authority/language/VIE";
/// EU country authority: Việt Nam (the spatial coverage when the site names no province).
pub const COUNTRY_VNM: &str = "http://publications.europa.eu/resource/authority/country/VNM";
const DATA_THEME: &str = "http://publications.europa.eu/resource/authority/data-theme";
const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type";
const IANA: &str = "http://www.iana.org/assignments/media-types";
const SHA256: &str = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";
const REGIONAL_AUTHORITY: &str = "http://purl.org/adms/publishertype/RegionalAuthority";

/// One downloadable format of every resource.
#[derive(Debug, Clone, Copy)]
pub struct Format {
    /// Fragment of the distribution IRI (`{dataset}#csv`).
    pub key: &'static str,
    pub label: &'static str,
    pub media_type: &'static str,
    /// Code in the EU file-type authority table.
    pub file_type: &'static str,
}

pub const FORMATS: [Format; 4] = [
    Format {
        key: "csv",
        label: "CSV (UTF-8)",
        media_type: "text/csv",
        file_type: "CSV",
    },
    Format {
        key: "json",
        label: "JSON",
        media_type: "application/json",
        file_type: "JSON",
    },
    Format {
        key: "csv-excel",
        label: "CSV cho Excel (UTF-8 có BOM)",
        media_type: "text/csv",
        file_type: "CSV",
    },
    Format {
        key: "xlsx",
        label: "Excel (sổ tính gồm mọi bảng)",
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        file_type: "XLSX",
    },
];

/// A distribution of a resource: which format, which file (path relative to the site root),
/// and that file's size and hash.
pub struct Distribution<'a> {
    pub format: Format,
    pub path: String,
    pub info: &'a FileInfo,
}

pub fn catalog_iri(site: &Site) -> String {
    format!("{}/data/catalog", meta::base(site))
}

pub fn dataset_iri(site: &Site, resource: &str) -> String {
    format!("{}/data/{resource}", meta::base(site))
}

/// An xsd literal for a date with the precision the content gives.
fn date_literal(d: PartialDate) -> Object {
    let datatype = match (d.month, d.day) {
        (Some(_), Some(_)) => "xsd:date",
        (Some(_), None) => "xsd:gYearMonth",
        _ => "xsd:gYear",
    };
    Object::Typed(d.iso(), datatype)
}

fn dates(node: &mut Node, site: &Site) {
    if let Some(d) = meta::issued(site) {
        node.add("dct:issued", date_literal(d));
    }
    if let Some(d) = meta::modified(site) {
        node.add("dct:modified", date_literal(d));
    }
}

/// The catalog graph.
pub fn graph(site: &Site, datasets: &[(&Resource, Vec<Distribution<'_>>)]) -> Graph {
    let c = site.config();
    let base = meta::base(site);
    let mut g = Graph::new();

    // Shared nodes.
    let publisher = c.publisher.as_deref().and_then(|p| site.unit(p));
    let publisher_iri = publisher.map(|p| format!("{base}/don-vi/{}/", p.id));
    let province = c.province.as_deref().and_then(|p| site.unit(p));
    let province_iri = province.map(|p| format!("{base}/don-vi/{}/", p.id));
    let page = meta::url(site, &meta::page());
    let home = format!("{base}/");

    let mut catalog = Node::new(catalog_iri(site), &["dcat:Catalog"]);
    catalog.lang("dct:title", &c.title, "vi").lang(
        "dct:description",
        super::package::description(site),
        "vi",
    );
    // English beside the Vietnamese: the title when the content gives one, the description
    // always (what the files are is the generator's own words).
    if !c.title_en.is_empty() {
        catalog.lang("dct:title", &c.title_en, "en");
    }
    catalog.lang(
        "dct:description",
        super::package::description_en(site),
        "en",
    );
    if let Some(p) = &publisher_iri {
        catalog.iri("dct:publisher", p);
    }
    catalog
        .iri("foaf:homepage", &home)
        .iri("dct:language", LANGUAGE_VIE)
        .iri("dct:license", &c.licence_url);
    dates(&mut catalog, site);
    let spatial = province_iri
        .clone()
        .unwrap_or_else(|| COUNTRY_VNM.to_string());
    catalog
        .iri("dct:spatial", &spatial)
        .iri("dcat:themeTaxonomy", DATA_THEME);
    for (r, _) in datasets {
        catalog.iri("dcat:dataset", dataset_iri(site, r.name));
    }
    g.add(catalog);

    for (r, distributions) in datasets {
        g.add(dataset(
            site,
            r,
            distributions,
            publisher_iri.as_deref(),
            &spatial,
            &page,
        ));
        for d in distributions {
            for n in distribution(site, r, d, &page) {
                g.add(n);
            }
        }
    }

    // The nodes every dataset points at, each with its type.
    if let (Some(p), Some(iri)) = (publisher, &publisher_iri) {
        let mut agent = Node::new(iri, &["foaf:Agent", "foaf:Organization"]);
        agent
            .lang("foaf:name", &p.name, "vi")
            .iri("dct:type", REGIONAL_AUTHORITY);
        g.add(agent);
        let mut kind = Node::new(REGIONAL_AUTHORITY, &["skos:Concept"]);
        kind.lang("skos:prefLabel", "Regional authority", "en");
        g.add(kind);
        let mut contact = Node::new(
            format!("{iri}#lien-he"),
            &["vcard:Kind", "vcard:Organization"],
        );
        contact
            .lang("vcard:fn", &p.name, "vi")
            .iri("vcard:hasURL", &home);
        g.add(contact);
    }
    if let (Some(p), Some(iri)) = (province, &province_iri) {
        let mut loc = Node::new(iri, &["dct:Location"]);
        loc.lang("skos:prefLabel", &p.name, "vi")
            .lang("locn:geographicName", &p.name, "vi");
        g.add(loc);
    }
    if province_iri.is_none() {
        let mut vn = Node::new(COUNTRY_VNM, &["dct:Location"]);
        vn.lang("skos:prefLabel", "Việt Nam", "vi");
        g.add(vn);
    }
    let mut lang = Node::new(LANGUAGE_VIE, &["dct:LinguisticSystem"]);
    lang.lang("skos:prefLabel", "Tiếng Việt", "vi");
    g.add(lang);
    let mut licence = Node::new(&c.licence_url, &["dct:LicenseDocument"]);
    licence
        .add("dct:identifier", Object::Str(c.licence.clone()))
        .add("rdfs:label", Object::Str(c.licence.clone()));
    g.add(licence);
    for iri in [&home, &page] {
        g.add(Node::new(iri.clone(), &["foaf:Document"]));
    }
    let mut scheme = Node::new(DATA_THEME, &["skos:ConceptScheme"]);
    scheme.lang("dct:title", "Data theme", "en");
    g.add(scheme);
    for (code, en, vi) in THEMES {
        let mut t = Node::new(format!("{DATA_THEME}/{code}"), &["skos:Concept"]);
        t.lang("skos:prefLabel", *en, "en")
            .lang("skos:prefLabel", *vi, "vi")
            .iri("skos:inScheme", DATA_THEME);
        g.add(t);
    }
    let mut algo = Node::new(SHA256, &["spdx:ChecksumAlgorithm"]);
    algo.add("rdfs:label", Object::Str("SHA-256".into()));
    g.add(algo);
    for f in FORMATS {
        let mut mt = Node::new(format!("{IANA}/{}", f.media_type), &["dct:MediaType"]);
        mt.add("rdfs:label", Object::Str(f.media_type.into()));
        g.add(mt);
        let mut ft = Node::new(
            format!("{FILE_TYPE}/{}", f.file_type),
            &["dct:MediaTypeOrExtent"],
        );
        ft.add("rdfs:label", Object::Str(f.file_type.into()));
        g.add(ft);
    }
    g
}

/// EU data themes used: (code, English label, Vietnamese label).
const THEMES: &[(&str, &str, &str)] = &[
    (
        "GOVE",
        "Government and public sector",
        "Chính phủ và khu vực công",
    ),
    ("ECON", "Economy and finance", "Kinh tế và tài chính"),
];

fn themes(resource: &str) -> &'static [&'static str] {
    match resource {
        "budget-lines" | "budget-totals" => &["GOVE", "ECON"],
        _ => &["GOVE"],
    }
}

fn dataset_keywords(resource: &str) -> &'static [&'static str] {
    match resource {
        "units" => &["đơn vị hành chính", "cơ quan nhà nước"],
        "plans" => &["kế hoạch"],
        "targets" => &["chỉ tiêu", "kế hoạch"],
        "target-values" => &["chỉ tiêu", "kết quả thực hiện", "hiện trạng"],
        "budget-lines" => &["kinh phí", "ngân sách"],
        "budget-totals" => &["kinh phí", "ngân sách", "đối chiếu tổng"],
        "tasks" => &["nhiệm vụ", "kế hoạch"],
        "progress" => &["tiến độ", "báo cáo", "nhiệm vụ"],
        _ => &[],
    }
}

fn dataset(
    site: &Site,
    r: &Resource,
    distributions: &[Distribution<'_>],
    publisher: Option<&str>,
    spatial: &str,
    page: &str,
) -> Node {
    let iri = dataset_iri(site, r.name);
    let mut n = Node::new(&iri, &["dcat:Dataset"]);
    let en = crate::i18n::Lang::En;
    n.lang("dct:title", &r.title, "vi")
        .lang("dct:title", r.title_in(en), "en")
        .lang("dct:description", &r.description, "vi")
        .lang("dct:description", r.description_in(en), "en")
        .add("dct:identifier", Object::Str(iri.clone()));
    if let Some(p) = publisher {
        n.iri("dct:publisher", p);
        n.iri("dcat:contactPoint", format!("{p}#lien-he"));
    }
    dates(&mut n, site);
    n.iri("dct:language", LANGUAGE_VIE);
    n.iri("dct:spatial", spatial);
    let mut kw: Vec<String> = dataset_keywords(r.name)
        .iter()
        .map(|k| k.to_string())
        .collect();
    kw.push("minh bạch".into());
    if let Some(p) = site.config().province.as_deref().and_then(|p| site.unit(p)) {
        kw.push(p.name.clone());
    }
    for k in kw {
        n.lang("dcat:keyword", k, "vi");
    }
    for t in themes(r.name) {
        n.iri("dcat:theme", format!("{DATA_THEME}/{t}"));
    }
    n.iri("dcat:landingPage", page);
    for d in distributions {
        n.iri("dcat:distribution", format!("{iri}#{}", d.format.key));
    }
    n
}

fn distribution(site: &Site, r: &Resource, d: &Distribution<'_>, page: &str) -> Vec<Node> {
    let c = site.config();
    let iri = format!("{}#{}", dataset_iri(site, r.name), d.format.key);
    let download = meta::url(site, &d.path);
    let checksum_iri = format!("{iri}-sha256");
    let description = match d.format.key {
        "csv" => "Tệp CSV chuẩn: UTF-8 không BOM, dấu phẩy, dòng tiêu đề, dấu chấm thập phân, không phân cách hàng nghìn; ô trống là chưa có số liệu. Lược đồ bảng (Table Schema) nằm trong data/datapackage.json.".to_string(),
        "json" => "Cùng các dòng với tệp CSV, dạng mảng JSON các đối tượng theo thứ tự cột; giá trị là chuỗi như trong CSV (số tiền giữ đúng số thập phân), ô trống là null.".to_string(),
        "csv-excel" => "Bản CSV để mở bằng Excel: UTF-8 có BOM; ô văn bản bắt đầu bằng =, +, -, @ được thêm dấu ' để Excel không chạy như công thức.".to_string(),
        _ => format!("Sổ tính Excel gồm mọi bảng của bộ dữ liệu; bảng này ở trang tính “{}”, trang “gioi-thieu” giải thích từng cột.", r.name),
    };
    let en = crate::i18n::Lang::En;
    let description_en = match d.format.key {
        "csv" => en.t("distribution_csv").to_string(),
        "json" => en.t("distribution_json").to_string(),
        "csv-excel" => en.t("distribution_csv_excel").to_string(),
        _ => en.fill("distribution_workbook", &[("name", &r.name)]),
    };
    let mut n = Node::new(&iri, &["dcat:Distribution"]);
    n.lang(
        "dct:title",
        format!("{} — {}", r.title, d.format.label),
        "vi",
    )
    .lang(
        "dct:title",
        format!(
            "{} — {}",
            r.title_in(en),
            match d.format.key {
                "csv-excel" => en.t("csv_for_excel"),
                "xlsx" => en.t("format_workbook"),
                _ => d.format.label,
            }
        ),
        "en",
    )
    .lang("dct:description", description, "vi")
    .lang("dct:description", description_en, "en")
    .iri("dcat:accessURL", page)
    .iri("dcat:downloadURL", &download)
    .iri("dcat:mediaType", format!("{IANA}/{}", d.format.media_type))
    .iri("dct:format", format!("{FILE_TYPE}/{}", d.format.file_type))
    .typed(
        "dcat:byteSize",
        d.info.bytes.to_string(),
        "xsd:nonNegativeInteger",
    )
    .iri("spdx:checksum", &checksum_iri)
    .iri("dct:license", &c.licence_url)
    .iri("dct:language", LANGUAGE_VIE);
    dates(&mut n, site);

    let mut checksum = Node::new(checksum_iri, &["spdx:Checksum"]);
    checksum.iri("spdx:algorithm", SHA256).typed(
        "spdx:checksumValue",
        &d.info.sha256,
        "xsd:hexBinary",
    );
    let access = Node::new(page, &["rdfs:Resource", "foaf:Document"]);
    let file = Node::new(download, &["rdfs:Resource"]);
    vec![n, checksum, access, file]
}
