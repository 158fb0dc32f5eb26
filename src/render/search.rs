//! The search page and the A–Z lists. The search page is the only page that runs a script (its
//! own `search.js`, allowed by its CSP alone); without JavaScript it leads to the A–Z lists, which
//! reach every unit, plan and target page.

use serde_json::{Value, json};

use super::pages::{page_of, paged_title, pager};
use super::{Ctx, Page, base_context};
use crate::i18n::Lang;
use crate::model::{PlanKind, UnitKind};
use crate::routes::{AzList, List, Route};
use crate::search::{Az, Kind};

pub(crate) fn search(ctx: &Ctx, route: &Route) -> Page {
    let site = ctx.site;
    let lang = ctx.lang;
    let mut c = base_context(site, route, lang.t("nav_search"));
    // The one page that runs a script: its own file, which base.html's CSP then lets run
    // (`script-src 'self'`; every other page keeps `script-src 'none'`).
    c.insert("script", "search.js");
    c.insert("index_dir", &format!("{}/", crate::search::INDEX_DIR));
    c.insert("lists", &az_links(ctx));
    // The script's words in the page's language, as data attributes (no inline script): the
    // index is shared by both languages and holds codes, not words.
    let codes = |pairs: Vec<(&str, &str)>| -> String {
        let map: serde_json::Map<String, Value> = pairs
            .into_iter()
            .map(|(code, label)| (code.to_string(), json!(label)))
            .collect();
        Value::Object(map).to_string()
    };
    c.insert(
        "words",
        &json!({
            "kinds": json!(Kind::ALL.map(|k| k.label(lang))).to_string(),
            "unit_kinds": codes(UnitKind::ALL.iter().map(|k| (k.as_str(), k.label(lang))).collect()),
            "plan_kinds": codes(PlanKind::ALL.iter().map(|k| (k.as_str(), k.label(lang))).collect()),
            "locale": match lang {
                Lang::Vi => "vi-VN",
                Lang::En => "en-GB",
            },
            // Results lead to the pages in the page's language (`en/` on the English page).
            "pages": Route::Home.in_lang(lang).map(|r| r.path()).unwrap_or_default(),
            // Names and titles are content: the English page marks them as Vietnamese.
            "content_lang": if lang == Lang::Vi { "" } else { "vi" },
        }),
    );
    Page {
        template: "search.html",
        context: c,
    }
}

/// The three A–Z lists, with how many entries each has.
fn az_links(ctx: &Ctx) -> Vec<Value> {
    AzList::ALL
        .iter()
        .map(|&a| {
            json!({
                "name": a.label(ctx.lang),
                "href": Route::Az(a).path(),
                "count": ctx.derived.az.get(a).entries.len(),
            })
        })
        .collect()
}

/// Page `n` of an A–Z list: its entries grouped by first letter, and the letters of the whole
/// list, each linking to the page where it starts.
pub(crate) fn az(ctx: &Ctx, route: &Route, list: AzList, n: usize) -> Page {
    let site = ctx.site;
    let az: &Az = ctx.derived.az.get(list);
    let l = List::Az(list);
    let lang = ctx.lang;
    let title = lang.fill("az_title", &[("list", &list.label(lang))]);
    let mut c = base_context(site, route, &paged_title(ctx, l, &title, n));
    c.insert("pager", &pager(ctx, l, n));
    c.insert("list_name", list.label(lang));
    c.insert("lists", &az_links(ctx));
    let range = l.slice(site, n);
    let per = crate::routes::AZ_PER_PAGE;
    let letters: Vec<Value> = az
        .letters
        .iter()
        .enumerate()
        .map(|(k, (letter, first))| {
            json!({
                "letter": letter,
                "href": format!("{}#{}", l.page(first / per + 1).path(), Az::anchor(k)),
            })
        })
        .collect();
    c.insert("letters", &letters);
    // The entries of this page, under their letters (a letter begun on the page before is
    // continued).
    let mut groups: Vec<Value> = Vec::new();
    let mut k = az
        .letters
        .partition_point(|(_, first)| *first <= range.start)
        .saturating_sub(1);
    let entries = page_of(ctx, l, n, &az.entries);
    let mut current: Option<(usize, Vec<Value>)> = None;
    for (i, e) in entries.iter().enumerate() {
        let at = range.start + i;
        while k + 1 < az.letters.len() && az.letters[k + 1].1 <= at {
            k += 1;
        }
        if current.as_ref().is_none_or(|(ck, _)| *ck != k) {
            if let Some((ck, items)) = current.take() {
                groups.push(group(az, ck, items, range.start));
            }
            current = Some((k, Vec::new()));
        }
        if let Some((_, items)) = current.as_mut() {
            let context: Vec<Value> = e
                .context
                .iter()
                .flat_map(|x| x.parts(lang))
                .map(|(text, vi)| json!({"text": text, "vi": vi}))
                .collect();
            items.push(json!({"title": e.title, "href": e.href, "context": context}));
        }
    }
    if let Some((ck, items)) = current.take() {
        groups.push(group(az, ck, items, range.start));
    }
    c.insert("groups", &groups);
    c.insert("count", &az.entries.len());
    Page {
        template: "az.html",
        context: c,
    }
}

fn group(az: &Az, k: usize, items: Vec<Value>, page_start: usize) -> Value {
    json!({
        "letter": az.letters[k].0,
        "anchor": Az::anchor(k),
        "continued": az.letters[k].1 < page_start,
        "items": items,
    })
}
