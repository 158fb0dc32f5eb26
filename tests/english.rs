//! The English mirror under `/en/`: every page has its English twin, the two name each other
//! (`hreflang`) both ways, and no Vietnamese interface string is left on an English page once the
//! content marked `lang="vi"` (titles, names, narratives, documents) is set aside.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use minhbach::i18n::{Lang, STRINGS};
use minhbach::routes::Route;

/// The bundled site, built once for these tests.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = std::env::temp_dir().join(format!("minhbach-english-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        common::build(&common::content(), &out);
        out
    })
}

fn pages() -> &'static BTreeMap<String, String> {
    static PAGES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    PAGES.get_or_init(|| common::quality::html_pages(site()))
}

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "path",
];

/// The text a reader sees in the interface's language: the body's text and the labels of its
/// landmarks (`aria-label`), without the content marked `lang="vi"`, scripts and the charts'
/// drawings (their text is said again below each chart).
fn interface_text(html: &str) -> String {
    let body = html.split_once("<body").map(|(_, b)| b).unwrap_or(html);
    let mut out = String::new();
    // Open elements: (name, hidden because Vietnamese content or not shown).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = body;
    let hidden = |stack: &[(String, bool)]| stack.iter().any(|(_, h)| *h);
    while let Some(lt) = rest.find('<') {
        if !hidden(&stack) {
            out.push_str(&rest[..lt]);
            out.push(' ');
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            if let Some(i) = stack.iter().rposition(|(n, _)| *n == name) {
                stack.truncate(i);
            }
            continue;
        }
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let vi = tag.contains("lang=\"vi\"");
        if !vi
            && !hidden(&stack)
            && let Some(label) = tag.split("aria-label=\"").nth(1)
        {
            out.push_str(label.split('"').next().unwrap_or(""));
            out.push(' ');
        }
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        // Code (the embed snippet, addresses) is not prose in either language.
        let hide = vi || matches!(name.as_str(), "script" | "svg" | "style" | "code" | "pre");
        stack.push((name, hide));
    }
    out
}

/// The Vietnamese interface strings of the table that cannot be mistaken for content: those
/// written with Vietnamese letters, cut at their placeholders, of at least two words.
fn vietnamese_ui_strings() -> Vec<String> {
    let mut v: Vec<String> = STRINGS
        .iter()
        .filter(|(_, vi, en)| vi != en)
        .flat_map(|(_, vi, _)| vi.split(['{', '}']).collect::<Vec<_>>())
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || ",.:;()“”—".contains(c)))
        .filter(|s| !s.is_ascii() && s.split_whitespace().count() >= 2)
        .map(str::to_string)
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn every_vietnamese_page_has_an_english_twin_and_so_does_the_feed() {
    let pages = pages();
    let vietnamese: Vec<&String> = pages.keys().filter(|p| !p.starts_with("en/")).collect();
    let mut mirrored = 0;
    for p in &vietnamese {
        // Every page of the route table has its twin.
        let twin = Route::parse(p).is_none_or(|r| r.mirrored());
        assert_eq!(pages.contains_key(&format!("en/{p}")), twin, "{p}");
        mirrored += usize::from(twin);
    }
    assert_eq!(pages.len(), vietnamese.len() + mirrored);
    assert!(
        mirrored * 10 > vietnamese.len() * 9,
        "most pages have a twin"
    );
    assert!(site().join("bao-cao/feed.xml").is_file());
    assert!(site().join("en/bao-cao/feed.xml").is_file());
}

/// The pages that were Vietnamese only until they were mirrored one by one: each of them must
/// have its English twin, the two naming each other, and speak English.
fn late_mirrored_pages() -> Vec<String> {
    let mut v: Vec<String> = [
        "cap-nhat/index.html",
        "tim-kiem/index.html",
        "tim-kiem/a-z/don-vi/index.html",
        "tim-kiem/a-z/ke-hoach/index.html",
        "tim-kiem/a-z/chi-tieu/index.html",
    ]
    .map(String::from)
    .to_vec();
    let embed = pages()
        .keys()
        .find(|p| p.starts_with("bieu-do/") && p.ends_with("/nhung/index.html"))
        .expect("the bundled site has chart embed pages");
    v.push(embed.clone());
    v
}

#[test]
fn the_change_log_search_and_chart_embeds_have_english_twins_named_both_ways() {
    let base = base_url();
    for vi in late_mirrored_pages() {
        let en = format!("en/{vi}");
        let en_html = pages()
            .get(&en)
            .unwrap_or_else(|| panic!("{vi} has no English twin {en}"));
        let vi_alt = alternates(&pages()[&vi]);
        let en_alt = alternates(en_html);
        let url = |p: &str| format!("{base}/{}", p.trim_end_matches("index.html"));
        assert_eq!(vi_alt.get("en"), Some(&url(&en)), "{vi} names its twin");
        assert_eq!(en_alt.get("vi"), Some(&url(&vi)), "{en} names its twin");
        assert!(en_html.contains("<html lang=\"en\">"), "{en}");
        assert!(
            en_html.contains("hreflang=\"vi\" lang=\"vi\""),
            "{en}: a switch"
        );
    }
    let log = &pages()["en/cap-nhat/index.html"];
    assert!(log.contains("<h1>Update log</h1>"), "{log}");
    assert!(log.contains(">New plan<"), "{log}");
    // Dates in English words, the plans and reports it names in English pages.
    assert!(log.contains(">10 September 2025</time>"), "{log}");
    assert!(log.contains("href=\"../../en/ke-hoach/"), "{log}");
    assert!(!log.contains("href=\"../../ke-hoach/"), "{log}");
    // The search page speaks English to its script too, and leads to the English A–Z lists.
    let search = &pages()["en/tim-kiem/index.html"];
    assert!(search.contains("<h1>Search</h1>"), "{search}");
    assert!(search.contains("data-none=\"No result contains every word typed.\""));
    assert!(search.contains("data-kinds=\"[&quot;Unit&quot;,&quot;Plan&quot;"));
    assert!(search.contains("href=\"../../en/tim-kiem/a-z/chi-tieu/\""));
    assert!(search.contains("<script src=\"../../search.js\" defer></script>"));
    let az = &pages()["en/tim-kiem/a-z/chi-tieu/index.html"];
    assert!(az.contains("<h1>Targets from A to Z</h1>"), "{az}");
    assert!(az.contains(", target 1</span>"), "{az}");
    // Every English page's footer leads to the English change log.
    assert!(pages()["en/index.html"].contains("href=\"../en/cap-nhat/\""));
}

#[test]
fn english_open_data_pages_describe_every_column_in_english() {
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site().join("data/datapackage.json")).unwrap())
            .unwrap();
    let index = &pages()["en/du-lieu-mo/index.html"];
    for r in package["resources"].as_array().unwrap() {
        let name = r["name"].as_str().unwrap();
        let page = &pages()[&format!("en/du-lieu-mo/{name}/index.html")];
        let vietnamese = &pages()[&format!("du-lieu-mo/{name}/index.html")];
        for f in r["schema"]["fields"].as_array().unwrap() {
            // The data file keeps its Vietnamese descriptor; the English pages do not show it.
            let description = f["description"].as_str().unwrap();
            let shown = minhbach::render::escape_html(description);
            assert!(vietnamese.contains(&shown), "{name}.{}", f["name"]);
            for html in [page, index] {
                assert!(
                    !html.contains(&shown),
                    "{name}.{}: {description}",
                    f["name"]
                );
            }
        }
    }
    let units = &pages()["en/du-lieu-mo/units/index.html"];
    assert!(units.contains("<td>Unit name</td>"), "{units}");
    assert!(
        units.contains("<td>Official name, with diacritics.</td>"),
        "{units}"
    );
}

#[test]
fn the_english_chart_page_embeds_the_english_embed_page() {
    let (path, html) = pages()
        .iter()
        .find(|(p, _)| p.starts_with("en/bieu-do/") && p.matches('/').count() == 3)
        .expect("an English chart page");
    let id = path.split('/').nth(2).unwrap();
    let snippet = format!(
        "&lt;iframe src=&quot;{}/en/bieu-do/{id}/nhung/&quot;",
        base_url()
    );
    assert!(html.contains(&snippet), "{path}: {snippet}");
    assert!(html.contains(&format!("href=\"../../../en/bieu-do/{id}/nhung/\"")));
    let vi = &pages()[&path["en/".len()..]];
    let snippet = format!(
        "&lt;iframe src=&quot;{}/bieu-do/{id}/nhung/&quot;",
        base_url()
    );
    assert!(
        vi.contains(&snippet),
        "the Vietnamese page embeds the Vietnamese embed"
    );
    // The embed page itself leads back to the English chart page.
    let embed = &pages()[&format!("en/bieu-do/{id}/nhung/index.html")];
    assert!(embed.contains(&format!(
        "href=\"../../../../en/bieu-do/{id}/\" target=\"_top\""
    )));
    // Its canonical address is the English chart page, the page to share.
    let canonical = format!(
        "<link rel=\"canonical\" href=\"{}/en/bieu-do/{id}/\">",
        base_url()
    );
    assert!(embed.contains(&canonical), "{canonical}");
}

#[test]
fn the_english_feed_is_atom_in_english_linked_from_english_pages() {
    let bytes = std::fs::read(site().join("en/bao-cao/feed.xml")).unwrap();
    let feed = atom_syndication::Feed::read_from(&bytes[..]).expect("the feed parses as Atom");
    let base = base_url();
    assert_eq!(feed.id(), format!("{base}/en/bao-cao/feed.xml"));
    assert_eq!(feed.lang(), Some("en"));
    assert!(feed.title().as_str().starts_with("Progress reports — "));
    let alternate = feed
        .links()
        .iter()
        .find(|l| l.rel() == "alternate")
        .unwrap();
    assert_eq!(alternate.href(), format!("{base}/en/bao-cao/"));
    assert!(!feed.entries().is_empty());
    for e in feed.entries() {
        let href = e.links()[0].href();
        assert!(href.starts_with(&format!("{base}/en/bao-cao/")), "{href}");
        let summary = e.summary().unwrap().as_str();
        assert!(summary.starts_with("Figures as of "), "{summary}");
    }
    // No sentence of the feed's Vietnamese interface is left in it.
    let text = String::from_utf8(bytes).unwrap();
    for (key, vi, _) in STRINGS.iter().filter(|(k, _, _)| k.starts_with("feed_")) {
        for part in vi
            .split(['{', '}'])
            .filter(|s| s.split_whitespace().count() >= 2)
        {
            assert!(!text.contains(part.trim()), "`{key}`: {part}");
        }
    }
    // English pages name the English feed, Vietnamese pages the Vietnamese one.
    let link = "<link rel=\"alternate\" type=\"application/atom+xml\"";
    let en = &pages()["en/index.html"];
    assert!(
        en.contains(link) && en.contains("href=\"../en/bao-cao/feed.xml\""),
        "{en}"
    );
    let reports = &pages()["en/bao-cao/index.html"];
    assert!(reports.contains(&format!("{base}/en/bao-cao/feed.xml</code>")));
    let vi = &pages()["index.html"];
    assert!(vi.contains(link) && vi.contains("href=\"./bao-cao/feed.xml\""));
}

#[test]
fn no_vietnamese_interface_string_is_left_on_an_english_page() {
    assert_no_leaks(pages());
}

/// The same on the fixtures CI checks: a national programme (ranges, ranks, ministries) and two
/// reports with what changed between them.
#[test]
fn no_vietnamese_interface_string_is_left_on_the_fixtures_english_pages() {
    for fixture in ["national-programme", "two-reports"] {
        let out =
            std::env::temp_dir().join(format!("minhbach-english-{fixture}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let content = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        common::build(&content, &out);
        assert_no_leaks(&common::quality::html_pages(&out));
        std::fs::remove_dir_all(&out).unwrap();
    }
}

fn assert_no_leaks(pages: &BTreeMap<String, String>) {
    let strings = vietnamese_ui_strings();
    assert!(strings.len() > 200, "{}", strings.len());
    // Each leaked string: the pages it is on, and the words around it on the first.
    let mut leaks: BTreeMap<&str, (Vec<&str>, String)> = BTreeMap::new();
    for (path, html) in pages.iter().filter(|(p, _)| p.starts_with("en/")) {
        let text = interface_text(html);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in &strings {
            if let Some(at) = text.find(s.as_str()) {
                let before: Vec<char> = text[..at].chars().rev().take(60).collect();
                let around: String = before.into_iter().rev().collect::<String>()
                    + &text[at..]
                        .chars()
                        .take(60 + s.chars().count())
                        .collect::<String>();
                let e = leaks.entry(s.as_str()).or_insert((Vec::new(), around));
                e.0.push(path.as_str());
            }
        }
    }
    let report: Vec<String> = leaks
        .iter()
        .map(|(s, (pages, around))| {
            format!(
                "“{s}” on {} pages, e.g. {}: …{around}…",
                pages.len(),
                pages[0]
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn english_pages_speak_english_and_say_so() {
    for (path, html) in pages().iter().filter(|(p, _)| p.starts_with("en/")) {
        assert!(html.contains("<html lang=\"en\">"), "{path}");
        assert!(html.contains("content=\"en_GB\""), "{path}");
    }
    let home = &pages()["en/index.html"];
    assert!(home.contains(">Where does the money go?<"), "{home}");
    assert!(home.contains("billion VND"));
    // The open-data pages name the sizes of the shared files, as the Vietnamese ones do.
    let data = &pages()["en/du-lieu-mo/index.html"];
    assert!(
        !data.contains("(0 byte)"),
        "English open-data page without file sizes"
    );
    let vi = &pages()["index.html"];
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains(">English</a>"));
}

/// The absolute address of a page of the built site, as `base_url` makes it.
fn base_url() -> String {
    let html = &pages()["index.html"];
    let canonical = html
        .split("<link rel=\"canonical\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    canonical.trim_end_matches('/').to_string()
}

fn alternates(html: &str) -> BTreeMap<String, String> {
    html.split("<link rel=\"alternate\" hreflang=\"")
        .skip(1)
        .map(|s| {
            let lang = s.split('"').next().unwrap().to_string();
            let href = s
                .split("href=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            (lang, href.to_string())
        })
        .collect()
}

#[test]
fn hreflang_links_name_the_twin_page_and_it_names_this_one_back() {
    let base = base_url();
    let file_of = |url: &str| -> String {
        let path = url.strip_prefix(&base).unwrap().trim_start_matches('/');
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        }
    };
    for (path, html) in pages() {
        let alt = alternates(html);
        if Route::parse(path).is_some_and(|r| !r.base().mirrored()) {
            assert!(alt.is_empty(), "{path} has no twin and names none");
            continue;
        }
        assert_eq!(
            alt.keys().map(String::as_str).collect::<Vec<_>>(),
            ["en", "vi", "x-default"],
            "{path}"
        );
        assert_eq!(alt["x-default"], alt["vi"], "{path}");
        let own = if path.starts_with("en/") { "en" } else { "vi" };
        let other = if own == "en" { "vi" } else { "en" };
        assert_eq!(file_of(&alt[own]), *path, "{path} names itself");
        let twin = file_of(&alt[other]);
        let twin_html = pages()
            .get(&twin)
            .unwrap_or_else(|| panic!("{path}: hreflang {other} leads to no page {twin}"));
        assert_eq!(alternates(twin_html), alt, "{twin} names {path} back");
        assert!(
            twin_html.contains(&format!("hreflang=\"{own}\" lang=\"{own}\"")),
            "{twin} has a visible switch back"
        );
    }
}

#[test]
fn english_pages_link_to_english_pages_and_share_the_files() {
    let html = &pages()["en/ke-hoach/index.html"];
    assert!(html.contains("href=\"../../style.css\""), "style is shared");
    assert!(
        html.contains("href=\"../../data/plans.csv\""),
        "data is shared"
    );
    assert!(
        html.contains("href=\"../../en/chi-tieu/\""),
        "menu stays in English"
    );
    assert!(
        html.contains("href=\"../../ke-hoach/\" hreflang=\"vi\""),
        "switch"
    );
    assert!(
        common::quality::problems(site()).is_empty(),
        "{:?}",
        common::quality::problems(site())
    );
}

#[test]
fn english_charts_write_english_numbers() {
    let html = &pages()["en/index.html"];
    // 325,688.5 million VND = 325.7 billion VND, the sum of plan 223's items.
    assert!(html.contains("325,688.5"), "table in English notation");
    assert!(!html.contains("325.688,5"));
    let vi = &pages()["index.html"];
    assert!(vi.contains("325.688,5"));
    let _ = Lang::En;
}

/// The `content` of `<meta property="{property}">` in `html`.
fn meta<'a>(html: &'a str, property: &str) -> Option<&'a str> {
    let open = format!("<meta property=\"{property}\" content=\"");
    let rest = &html[html.find(&open)? + open.len()..];
    Some(&rest[..rest.find('"')?])
}

#[test]
fn english_pages_show_english_preview_cards_that_exist_at_1200_by_630() {
    let base = "https://opendata.quangngai.gov.vn/minhbach/";
    let mut cards = std::collections::BTreeSet::new();
    for (rel, html) in pages().iter().filter(|(p, _)| p.starts_with("en/")) {
        let image = meta(html, "og:image").unwrap_or_else(|| panic!("{rel}: no og:image"));
        let file = image.strip_prefix(base).unwrap();
        assert!(file.starts_with("en/anh/"), "{rel}: {file}");
        let bytes = std::fs::read(site().join(file)).unwrap_or_else(|_| panic!("{file} missing"));
        assert_eq!(
            minhbach::raster::png_size(&bytes),
            Some((1200, 630)),
            "{file}"
        );
        // The twin's card is the Vietnamese one, at the same path without `en/`.
        let twin = &pages()[rel.strip_prefix("en/").unwrap()];
        assert_eq!(
            meta(twin, "og:image"),
            Some(format!("{base}{}", file.strip_prefix("en/").unwrap()).as_str())
        );
        cards.insert(file.to_string());
    }
    // Plans, a plan's budget, targets, units and the budget pages have their own.
    for own in [
        "en/anh/ke-hoach/kh-223-ubnd-2024.png",
        "en/anh/ke-hoach/kh-223-ubnd-2024/kinh-phi.png",
        "en/anh/don-vi/so-noi-vu.png",
        "en/anh/kinh-phi.png",
        "en/anh/trang-chu.png",
    ] {
        assert!(cards.contains(own), "{own}");
    }
    assert!(cards.iter().any(|c| c.starts_with("en/anh/chi-tieu/")));
    assert!(cards.iter().any(|c| c.starts_with("en/anh/kinh-phi/")));
    // The text alternative is English too.
    let plan = &pages()["en/ke-hoach/kh-223-ubnd-2024/index.html"];
    let alt = meta(plan, "og:image:alt").unwrap();
    assert!(alt.starts_with("Plan 223/KH-UBND: "), "{alt}");
    assert!(alt.contains(" billion VND budget"), "{alt}");
}

/// The SVG text of every English card of the bundled site, by path, as the renderer draws it.
fn english_cards() -> BTreeMap<String, String> {
    let (site, diagnostics) = minhbach::content::read_site(&common::content());
    let site = site.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let derived = minhbach::derive::Derived::of(&site).unwrap();
    let tera = minhbach::render::templates(&[]).unwrap();
    let sizes = BTreeMap::new();
    let renderer = minhbach::render::Renderer::new(&site, &derived, &tera, &sizes);
    let mut cards = BTreeMap::new();
    for route in Route::all(&site).iter().filter(|r| r.lang() == Lang::En) {
        let Some(path) = route.preview_image() else {
            continue;
        };
        if cards.contains_key(&path) {
            continue;
        }
        let page = renderer.page(route).unwrap().unwrap();
        let (_, card) = page.images.into_iter().find(|(p, _)| *p == path).unwrap();
        cards.insert(path, card.svg);
    }
    cards
}

/// The text of an SVG a reader sees in the interface's language: its text without the
/// documents' own words (marked `lang="vi"`).
fn svg_interface_text(svg: &str) -> String {
    let mut out = String::new();
    let mut rest = svg;
    while let Some(at) = rest.find("<tspan lang=\"vi\">") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = &rest[rest.find("</tspan>").unwrap() + 8..];
        out.push(' ');
    }
    out.push_str(rest);
    let mut text = String::new();
    for part in out.split('<').skip(1) {
        text.push_str(part.split_once('>').map(|(_, t)| t).unwrap_or(""));
        text.push(' ');
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn english_cards_say_their_figures_in_english_words_and_numbers() {
    let cards = english_cards();
    assert!(cards.len() > 20, "{}", cards.len());
    let strings = vietnamese_ui_strings();
    for (path, svg) in &cards {
        let text = svg_interface_text(svg);
        for s in &strings {
            assert!(!text.contains(s.as_str()), "{path}: “{s}” in {text}");
        }
        assert!(!text.contains("chưa có số liệu"), "{path}: {text}");
        assert!(
            text.contains("Every number links to its source"),
            "{path}: {text}"
        );
    }
    // Plan 223: its items add up to 325,688.5 million VND, said as the English pages say it.
    let plan = svg_interface_text(&cards["en/anh/ke-hoach/kh-223-ubnd-2024.png"]);
    assert!(plan.contains("325.7 billion VND"), "{plan}");
    assert!(plan.contains("Plan 223/KH-UBND"), "{plan}");
    assert!(!plan.contains("325,7"), "{plan}");
}

#[test]
fn english_chart_downloads_are_the_english_drawings_under_en() {
    let mut charts = 0;
    for (rel, html) in pages().iter().filter(|(p, _)| p.starts_with("en/")) {
        for part in html.split("<figure class=\"chart-figure\" id=\"").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            let figure = &part[..part.find("</figure>").unwrap()];
            let root = "../".repeat(rel.matches('/').count());
            let png = format!("en/bieu-do/{id}.png");
            assert!(
                figure.contains(&format!("href=\"{root}{png}\" download>PNG</a>")),
                "{rel}: {id} links no English PNG"
            );
            let bytes = std::fs::read(site().join(&png)).unwrap_or_else(|_| panic!("{png}"));
            assert_ne!(
                bytes,
                std::fs::read(site().join(format!("bieu-do/{id}.png"))).unwrap(),
                "{png} is the Vietnamese drawing"
            );
            // The standalone SVG, when the chart has its own page: the English drawing.
            let svg = format!("en/bieu-do/{id}.svg");
            if figure.contains(&format!("href=\"{root}{svg}\" download>SVG</a>")) {
                let english = std::fs::read_to_string(site().join(&svg)).unwrap();
                let vietnamese =
                    std::fs::read_to_string(site().join(format!("bieu-do/{id}.svg"))).unwrap();
                assert_ne!(english, vietnamese, "{svg}");
            } else {
                assert!(!figure.contains("download>SVG</a>"), "{rel}: {id}");
            }
            charts += 1;
        }
    }
    assert!(charts > 20, "only {charts} charts");
    // A chart's own English page offers its English files.
    let page = &pages()["en/bieu-do/kh-223-ubnd-2024-theo-huyen/index.html"];
    assert!(
        page.contains(
            "href=\"../../../en/bieu-do/kh-223-ubnd-2024-theo-huyen.svg\" download>SVG</a>"
        )
    );
    assert!(
        page.contains(
            "href=\"../../../en/bieu-do/kh-223-ubnd-2024-theo-huyen.png\" download>PNG</a>"
        )
    );
}
