//! The route table is the one owner of page paths: every route parses back from its path, the
//! build writes exactly the pages of the table, and no two routes share a file.

mod common;
use std::collections::BTreeSet;

use minhbach::content::read_site;
use minhbach::routes::Route;

fn bundled() -> minhbach::model::Site {
    let (site, diags) = read_site(&common::content());
    assert!(!diags.has_errors(), "{}", diags.render());
    site.unwrap()
}

#[test]
fn every_route_of_the_bundled_site_parses_back_from_its_path_and_its_file() {
    let site = bundled();
    for r in Route::all(&site) {
        assert_eq!(Route::parse(&r.path()), Some(r.clone()), "{r}");
        assert_eq!(Route::parse(&r.file()), Some(r.clone()), "{r}");
    }
}

#[test]
fn no_two_routes_write_the_same_file() {
    let site = bundled();
    let routes = Route::all(&site);
    let files: BTreeSet<String> = routes.iter().map(Route::file).collect();
    assert_eq!(files.len(), routes.len());
}

#[test]
fn the_pages_written_are_exactly_the_route_table() {
    let site = bundled();
    let out = std::env::temp_dir().join(format!("minhbach-routes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    common::build(&common::content(), &out);
    let written: BTreeSet<String> = common::snapshot(&out)
        .into_keys()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".html") || p.ends_with(".xml"))
        .collect();
    let routes: BTreeSet<String> = Route::all(&site).iter().map(Route::file).collect();
    std::fs::remove_dir_all(&out).unwrap();
    assert_eq!(written, routes);
    // The site has a report, so the route table has its feed.
    assert!(routes.contains("bao-cao/feed.xml"));
}

/// An office every commune's plan names needs an id, not a page of its own.
#[test]
fn a_unit_declared_without_a_page_gets_none_and_is_named_as_text() {
    let site = common::site::Site::new();
    site.replace(
        "units/units.toml",
        "id = \"so-noi-vu\"\nname = \"Sở Nội vụ\"",
        "id = \"so-noi-vu\"\nname = \"Sở Nội vụ\"\npage = false",
    );
    let out = site.root.join("public");
    site.build(&out).passes();
    assert!(!out.join("don-vi/so-noi-vu").exists());
    let task_page =
        std::fs::read_to_string(out.join("ke-hoach/kh-1-2025/nhiem-vu/index.html")).unwrap();
    assert!(task_page.contains("Sở Nội vụ"));
    assert!(!task_page.contains("don-vi/so-noi-vu/"));
    site.append("plans/kh-1-2025/plan.md", "\n[Sở](/don-vi/so-noi-vu/)\n");
    site.check().fails().has("[broken-link]");
}
