//! Your commune's page: since 1 July 2025 people identify with their new xã, phường or đặc khu.
//! Every current unit of the bundled province has a page, reachable from the home page in at most
//! three links, that says what the documents hold for it and for the old units it was formed
//! from; the place finder lists every old commune under its old district.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;
use std::sync::OnceLock;

use common::quality::{attributes, html_pages, resolve};
use minhbach::content::read_site;
use minhbach::model::Site;

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let (site, diags) = read_site(&common::content());
        assert!(!diags.has_errors(), "{}", diags.render());
        site.expect("site")
    })
}

/// The bundled site, built once for every test of this file.
fn pages() -> &'static BTreeMap<String, String> {
    static PAGES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let out: PathBuf =
            std::env::temp_dir().join(format!("minhbach-your-commune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        common::build(&common::content(), &out);
        let pages = html_pages(&out);
        let _ = std::fs::remove_dir_all(&out);
        pages
    })
}

/// The fewest links from the home page to every page.
fn link_distances() -> BTreeMap<String, usize> {
    let pages = pages();
    let mut dist = BTreeMap::from([("index.html".to_string(), 0)]);
    let mut queue = VecDeque::from(["index.html".to_string()]);
    while let Some(page) = queue.pop_front() {
        let d = dist[&page];
        for href in attributes(&pages[&page], "href") {
            let (target, _) = resolve(&page, href);
            if pages.contains_key(&target) && !dist.contains_key(&target) {
                dist.insert(target.clone(), d + 1);
                queue.push_back(target);
            }
        }
    }
    dist
}

fn current_communes() -> Vec<&'static minhbach::model::Unit> {
    minhbach::places::provinces(site())
        .into_iter()
        .flat_map(|p| minhbach::places::of_province(site(), p).current)
        .collect()
}

#[test]
fn every_current_commune_of_the_province_is_counted_as_the_resolution_says() {
    let communes = current_communes();
    // Nghị quyết 1677/NQ-UBTVQH15, Điều 1 khoản 92: 96 units, 86 xã, 9 phường, 1 đặc khu.
    assert_eq!(communes.len(), 96);
    let kind = |k: &str| communes.iter().filter(|u| u.kind.as_str() == k).count();
    assert_eq!(
        (kind("commune"), kind("ward"), kind("special-zone")),
        (86, 9, 1)
    );
}

#[test]
fn every_current_commune_has_a_page_within_three_links_of_the_home_page() {
    let dist = link_distances();
    for u in current_communes() {
        let file = format!("don-vi/{}/index.html", u.id);
        assert!(pages().contains_key(&file), "{} has no page", u.name);
        let d = dist.get(&file).copied();
        assert!(
            d.is_some_and(|d| d <= 3),
            "{} is {d:?} links from the home page",
            u.name
        );
    }
}

#[test]
fn every_unit_formed_in_2025_names_the_old_units_it_was_formed_from() {
    for u in current_communes() {
        let predecessors = minhbach::places::predecessors(site(), u);
        if u.former_parent.is_some() {
            // The five communes the resolution did not merge (khoản 92).
            assert!(predecessors.is_empty(), "{}", u.name);
        } else {
            assert!(!predecessors.is_empty(), "{} has no predecessor", u.name);
            for p in &predecessors {
                assert!(
                    p.district.is_some() || p.unit.kind.is_district_level(),
                    "{} (predecessor of {}) lies in no district",
                    p.unit.name,
                    u.name
                );
            }
        }
    }
    let kept: BTreeSet<&str> = current_communes()
        .iter()
        .filter(|u| u.former_parent.is_some())
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(
        kept,
        BTreeSet::from([
            "Xã Ba Xa",
            "Xã Ia Đal",
            "Xã Mô Rai",
            "Xã Rờ Kơi",
            "Xã Đăk Long"
        ])
    );
}

#[test]
fn every_old_commune_of_both_provinces_has_the_units_the_resolution_gave_it() {
    let site = site();
    let old: Vec<_> = site
        .units
        .iter()
        .filter(|u| u.kind.is_commune_level() && u.valid_to.is_some())
        .collect();
    // The pre-2025 list holds 272 communes, wards and townships in the two provinces; 5 kept
    // their territory and are current units.
    assert_eq!(old.len(), 267);
    for u in &old {
        assert!(!u.successors.is_empty(), "{} has no successor", u.name);
    }
    // Khoản 30 and 31: Trà Bùi was split between Cà Đam and Tây Trà Bồng.
    let tra_bui = site.unit("xa-tra-bui").unwrap();
    assert_eq!(tra_bui.successors, ["xa-ca-dam", "xa-tay-tra-bong"]);
    // Khoản 1: Tịnh Thiện, whose plan is bundled, is part of the new Tịnh Khê.
    assert!(
        site.unit("xa-tinh-khe")
            .unwrap()
            .predecessors
            .contains(&"xa-tinh-thien".to_string())
    );
}

#[test]
fn the_place_finder_lists_old_communes_under_their_district_with_where_they_are_now() {
    let finder = &pages()["dia-ban/index.html"];
    let bình_sơn = finder
        .split("<details class=\"district\" id=\"huyen-binh-son\">")
        .nth(1)
        .and_then(|s| s.split("</details>").next())
        .expect("Bình Sơn on the finder");
    assert!(bình_sơn.contains("Xã Bình Thạnh"));
    assert!(bình_sơn.contains("Xã Bình Thanh"));
    let trà_bồng = finder
        .split("id=\"huyen-tra-bong\"")
        .nth(1)
        .and_then(|s| s.split("</details>").next())
        .unwrap();
    let tra_bui = trà_bồng
        .split("<li>")
        .find(|li| li.contains("Xã Trà Bùi"))
        .unwrap();
    assert!(tra_bui.contains("Xã Cà Đam") && tra_bui.contains("Xã Tây Trà Bồng"));
    assert!(tra_bui.contains("chia cho 2 đơn vị"));
    // A commune that kept its territory is listed under its old district, as itself.
    let ba_tơ = finder
        .split("id=\"huyen-ba-to\"")
        .nth(1)
        .and_then(|s| s.split("</details>").next())
        .unwrap();
    assert!(ba_tơ.contains("Xã Ba Xa</a> (không sắp xếp)"));
}

#[test]
fn a_commune_page_shows_the_old_units_figures_as_theirs_and_never_divided() {
    let page = &pages()["don-vi/xa-tinh-khe/index.html"];
    // Formed from five communes of the city of Quảng Ngãi.
    for old in [
        "Xã Tịnh Kỳ",
        "Xã Tịnh Châu",
        "Xã Tịnh Long",
        "Xã Tịnh Thiện",
    ] {
        assert!(page.contains(old), "{old}");
    }
    assert!(page.contains("Số liệu của các đơn vị cũ"));
    assert!(page.contains("Kế hoạch 02/KH-UBND"));
    assert!(page.contains("Số liệu của huyện cũ"));
    assert!(page.contains("không chia cho từng xã"));
    assert!(!page.contains("chưa giao kế hoạch"));
}

#[test]
fn a_commune_that_no_document_mentions_says_so_instead_of_showing_zero() {
    // Kon Tum's communes: no bundled document gives their old districts anything.
    let page = &pages()["don-vi/phuong-kon-tum/index.html"];
    assert!(page.contains("Chưa có số liệu"), "{page}");
    assert!(
        common::visible_text(page)
            .contains("chưa giao kế hoạch, chỉ tiêu, nhiệm vụ hay kinh phí nào cho Phường Kon Tum")
    );
    assert!(!page.contains(" 0 triệu"));
}

#[test]
fn an_old_district_page_says_which_units_its_territory_belongs_to_now() {
    let page = &pages()["don-vi/huyen-son-tinh/index.html"];
    assert!(page.contains("Địa bàn trước và sau 01/7/2025"));
    assert!(page.contains("nay thuộc 4 đơn vị cấp xã"), "{page}");
}

/// The paragraph of the merger resolution that starts at `line`, as one line of text.
fn paragraph(doc: &minhbach::model::Document, line: usize) -> String {
    let mut text = String::new();
    let mut n = line;
    while let Some(l) = doc.line(n).filter(|l| !l.trim().is_empty()) {
        text.push_str(l.trim());
        text.push(' ');
        n += 1;
    }
    text
}

#[test]
fn every_successor_is_the_one_the_resolution_names_for_that_commune() {
    let site = site();
    let resolution = site.document("nq-1677-ubtvqh15").unwrap();
    let mut checked = 0;
    for u in site
        .units
        .iter()
        .filter(|u| u.kind.is_commune_level() && u.valid_to.is_some())
    {
        // Each note cites the paragraphs (khoản) that merge the commune: `nq-1677-ubtvqh15:L`.
        let cited: Vec<usize> = u
            .note
            .split("nq-1677-ubtvqh15:")
            .skip(1)
            .filter_map(|s| s.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
            .filter(|&l| {
                resolution
                    .line(l)
                    .is_some_and(|t| t.contains("Sắp xếp toàn bộ"))
            })
            .collect();
        assert_eq!(cited.len(), u.successors.len(), "{}: {}", u.name, u.note);
        for (line, successor) in cited.iter().zip(&u.successors) {
            let text = paragraph(resolution, *line);
            let new = site.unit(successor).unwrap();
            let named = format!(
                "**{} {}",
                new.kind.vietnamese().to_lowercase(),
                minhbach::places::bare_name(new)
            );
            assert!(
                text.contains(&format!("{named}**")) || text.contains(&format!("{named}.**")),
                "{} → {}: line {line} says {text}",
                u.name,
                new.name
            );
            let own = minhbach::places::bare_name(u);
            let aliases = u
                .aliases
                .iter()
                .map(|a| a.split_once(' ').map(|x| x.1).unwrap_or(a));
            assert!(
                std::iter::once(own)
                    .chain(aliases)
                    .any(|n| text.contains(n))
                    || text.contains("huyện Lý Sơn"),
                "{} is not named at line {line}: {text}",
                u.name
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 268);
}
