//! The figures pages share: a chart, a text summary, where the numbers come from, and a table of
//! the same numbers with its download — budget by body, district, agency, funding source and
//! plan; targets against their known values; task deadlines and status.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::{Ctx, plan_href, unit_href};
use crate::budget::{PlaceLevel, Sum, total_checks};
use crate::charts::catalog::{self, ChartKind, TargetGroup};
use crate::charts::{self, Bar, TargetRow, TimelineRow};
use crate::model::*;
use crate::progress::{Status, TaskProgress};
use crate::routes::{Breakdown, Route};

/// A table row of a figure.
pub(crate) fn row(label: &str, href: Option<String>, cells: Vec<String>) -> Value {
    json!({"label": label, "href": href, "cells": cells, "vi": true})
}

/// A table row labelled in the interface's words whose cells at `content` (indexes among the
/// cells) are content in Vietnamese.
pub(crate) fn row_with_content(
    label: &str,
    href: Option<String>,
    cells: Vec<String>,
    content: &[usize],
) -> Value {
    json!({"label": label, "href": href, "cells": cells, "vi": false, "content": content})
}

/// A table row whose label is the interface's own words (a funding source), not content.
pub(crate) fn ui_row(label: &str, href: Option<String>, cells: Vec<String>) -> Value {
    json!({"label": label, "href": href, "cells": cells, "vi": false})
}

/// A chart with its table and provenance, as templates show it (`macros.html::figure`).
///
/// The table is shaped for a phone as well as a desk: the first numeric column is the key
/// amount, always shown; each row's share of the total follows it when there is a total; the
/// other columns are "wide" — shown on a desk, and on a phone listed under the row's name. A
/// column that says the same thing on every row (or nothing on any) is said once above the
/// table instead. The download keeps every column.
pub(crate) fn figure(
    ctx: &Ctx,
    chart: charts::Chart,
    source: Value,
    columns: Vec<&str>,
    rows: Vec<Value>,
    total: Option<Vec<String>>,
) -> Value {
    // A column is right-aligned (numbers) when every non-empty cell is a number.
    let width = columns.len().saturating_sub(1);
    let text = |r: &Value, i: usize| r["cells"][i].as_str().unwrap_or("").to_string();
    let numeric: Vec<bool> = (0..width)
        .map(|i| {
            rows.iter().all(|r| {
                let cell = text(r, i);
                cell.is_empty() || ctx.lang.parse_number(&cell).is_some()
            })
        })
        .collect();
    let download = figure_download(ctx, &chart.id, &columns, &rows, total.as_ref(), &numeric);
    // The chart as PNG, for articles and slides: twice the SVG's size, its title as its text,
    // drawn in the page's language (English pages draw their charts in English).
    let png = crate::routes::chart_png_path(ctx.lang, &chart.id);
    ctx.images.borrow_mut().push((
        png.clone(),
        crate::raster::Image {
            svg: chart.svg.clone(),
            scale: 2.0,
            title: chart.title.clone(),
        },
    ));

    // Columns said once above the table: the same text on every row, or nothing on any.
    let mut notes: Vec<Value> = Vec::new();
    let is_content = |i: usize| {
        rows.first().is_some_and(|r| {
            r["content"]
                .as_array()
                .is_some_and(|c| c.iter().any(|x| x.as_u64() == Some(i as u64)))
        })
    };
    let keep: Vec<bool> = (0..width)
        .map(|i| {
            let first = rows.first().map(|r| text(r, i)).unwrap_or_default();
            let uniform = rows.iter().all(|r| text(r, i) == first);
            let total_empty = total
                .as_ref()
                .is_none_or(|t| t.get(i).is_none_or(|c| c.is_empty()));
            if uniform && first.is_empty() && total_empty {
                return false;
            }
            if uniform && !numeric[i] && rows.len() > 1 && total_empty {
                notes.push(json!({"name": columns[i + 1], "text": first, "vi": is_content(i)}));
                return false;
            }
            true
        })
        .collect();
    let key = (0..width).find(|&i| keep[i] && numeric[i]);
    // Each row's share of the total, by the key amount.
    let total_key = key
        .and_then(|k| {
            total
                .as_ref()?
                .get(k)
                .and_then(|c| ctx.lang.parse_number(c))
        })
        .filter(|t| !t.is_zero());
    let share = |r: &Value| -> String {
        match (key, total_key) {
            (Some(k), Some(t)) => ctx
                .lang
                .parse_number(&text(r, k))
                .map(|v| {
                    let pct = v * rust_decimal::Decimal::from(100) / t;
                    if !v.is_zero() && pct < rust_decimal::Decimal::new(5, 2) {
                        ctx.lang.t("share_below_tenth").to_string()
                    } else {
                        format!("{} %", ctx.lang.number_rounded(pct, 1))
                    }
                })
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let mut header = vec![json!({"name": columns[0], "num": false})];
    for i in (0..width).filter(|&i| keep[i]) {
        header.push(json!({"name": columns[i + 1], "num": numeric[i], "wide": Some(i) != key}));
        if Some(i) == key && total_key.is_some() {
            header.push(json!({"name": ctx.lang.t("share_of_total"), "num": true, "wide": true}));
        }
    }
    let shape = |cells: Vec<String>,
                 share: Option<String>,
                 content: &[usize]|
     -> (Vec<Value>, Vec<Value>) {
        let mut out = Vec::new();
        let mut narrow = Vec::new();
        for i in (0..width).filter(|&i| keep[i]) {
            let cell = cells.get(i).cloned().unwrap_or_default();
            let wide = Some(i) != key;
            let vi = content.contains(&i);
            if wide && !cell.is_empty() {
                narrow.push(json!({"name": columns[i + 1], "text": cell, "vi": vi}));
            }
            out.push(json!({"text": cell, "num": numeric[i], "wide": wide, "vi": vi}));
            if Some(i) == key {
                if let Some(s) = &share {
                    if !s.is_empty() {
                        narrow.push(json!({"name": ctx.lang.t("share_of_total"), "text": s}));
                    }
                    out.push(json!({"text": s, "num": true, "wide": true}));
                }
            }
        }
        (out, narrow)
    };
    let has_share = total_key.is_some();
    let rows: Vec<Value> = rows
        .into_iter()
        .map(|mut r| {
            let cells: Vec<String> = (0..width).map(|i| text(&r, i)).collect();
            let content: Vec<usize> = r["content"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_u64())
                        .map(|x| x as usize)
                        .collect()
                })
                .unwrap_or_default();
            let (out, narrow) = shape(cells, has_share.then(|| share(&r)), &content);
            r["cells"] = json!(out);
            r["narrow"] = json!(narrow);
            r
        })
        .collect();
    let total = total.map(|t| shape(t, has_share.then(|| "100 %".to_string()), &[]).0);
    // The chart's own page and its image, when the site lists it (every chart it draws).
    let known = ctx.derived.charts.get(&chart.id).is_some();
    let page = known.then(|| Route::Chart(chart.id.clone()).path());
    let svg = known.then(|| crate::routes::chart_svg_path(ctx.lang, &chart.id));
    json!({"chart": chart, "source": source, "notes": notes, "columns": header, "rows": rows, "total": total, "download": download, "page": page, "svg": svg, "png": png})
}

/// The id the catalog gives the chart of `kind` about `plan` (`fallback` for a chart it does not
/// list, which then has no page of its own).
fn chart_id(ctx: &Ctx, plan: Option<&Plan>, kind: ChartKind, fallback: String) -> String {
    ctx.derived
        .charts
        .id_of(plan.map(|p| p.id.as_str()), kind)
        .map(str::to_string)
        .unwrap_or(fallback)
}

/// The numbers of a figure's table as data files, every column, values in plain notation
/// (Vietnamese formatting is exact, so reading it back gives the same decimals).
fn figure_download(
    ctx: &Ctx,
    id: &str,
    columns: &[&str],
    rows: &[Value],
    total: Option<&Vec<String>>,
    numeric: &[bool],
) -> Value {
    let plain = |i: usize, text: &str| -> String {
        match ctx.lang.parse_number(text) {
            Some(d) if !text.is_empty() && numeric.get(i).copied().unwrap_or(true) => {
                d.normalize().to_string()
            }
            _ => text.to_string(),
        }
    };
    let width = columns.len().saturating_sub(1);
    let mut data: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut line = vec![r["label"].as_str().unwrap_or("").to_string()];
            line.extend((0..width).map(|i| plain(i, r["cells"][i].as_str().unwrap_or(""))));
            line
        })
        .collect();
    if let Some(t) = total {
        let mut line = vec![ctx.lang.t("total").to_string()];
        line.extend((0..width).map(|i| plain(i, t.get(i).map(String::as_str).unwrap_or(""))));
        data.push(line);
    }
    let mut numeric_columns = vec![false];
    numeric_columns.extend_from_slice(numeric);
    // English pages offer their figures' tables with English headers, under `en/`.
    let name = match ctx.lang {
        crate::i18n::Lang::Vi => format!("bieu-do-{id}"),
        crate::i18n::Lang::En => format!("en/bieu-do-{id}"),
    };
    ctx.register(&name, columns, &data, &numeric_columns)
}

/// "Nguồn: <document title>" for the document a plan's figures come from.
/// "Nguồn: <document title>, <part>." for the document a plan's figures come from; `part` is a
/// key of the string table ("" for none). The title is content: templates mark its language
/// (`macros.html::source_note`).
pub(crate) fn source_note(ctx: &Ctx, plan: &Plan, part: &str) -> Value {
    let lang = ctx.lang;
    let doc = plan.source_document().and_then(|d| ctx.site.document(d));
    let what = match doc {
        Some(d) => d.title.clone(),
        None => plan.label_in(lang),
    };
    let part = if part.is_empty() {
        ".".to_string()
    } else {
        format!(", {}.", lang.t(part))
    };
    json!({"label": lang.t("source"), "title": what, "part": part})
}

/// A note in the interface's words only.
pub(crate) fn plain_note(text: impl Into<String>) -> Value {
    json!({"text": text.into()})
}

/// Names the plan in a figure's caption apart from the interface's words, so that a plan known
/// only by its (Vietnamese) title is marked as such on English pages.
pub(crate) fn with_plan(mut fig: Value, plan: &Plan, lang: crate::i18n::Lang) -> Value {
    let label = plan.label_in(lang);
    let title = fig["chart"]["title"].as_str().unwrap_or("").to_string();
    if plan.number.is_none() {
        if let Some(prefix) = title.strip_suffix(&format!(" — {label}")) {
            fig["caption_text"] = json!(prefix);
            fig["caption_plan"] = json!(label);
        }
    }
    fig
}

pub(crate) fn sum_cells(lang: crate::i18n::Lang, s: &Sum) -> Vec<String> {
    vec![
        lang.number(s.amount),
        s.lines.to_string(),
        if s.unknown > 0 {
            lang.fill(
                "n_unknown",
                &[("n", &s.unknown), ("unknown", &lang.t("unknown"))],
            )
        } else {
            String::new()
        },
    ]
}

/// Units with their sums, largest first (ties by name), for sorted bar charts.
fn units_by_amount<'a>(site: &'a Site, sums: &BTreeMap<String, Sum>) -> Vec<(&'a Unit, Sum)> {
    let mut entries: Vec<(&Unit, Sum)> = sums
        .iter()
        .filter_map(|(id, s)| Some((site.unit(id)?, *s)))
        .collect();
    entries.sort_by(|a, b| {
        b.1.amount
            .cmp(&a.1.amount)
            .then_with(|| a.0.name.cmp(&b.0.name))
    });
    entries
}

/// One bar per unit, named in full.
fn unit_bars(entries: &[(&Unit, Sum)]) -> Vec<Bar> {
    entries
        .iter()
        .map(|(u, s)| Bar {
            label: u.name.clone(),
            value: Some(s.amount),
        })
        .collect()
}

/// A bar chart of money. Sums of a billion đồng and more are drawn in tỷ đồng, rounded so that
/// a citizen reads "169,9" rather than "169.900"; the exact million-VND figures stay in the
/// table beside the chart.
fn money_chart(lang: crate::i18n::Lang, id: &str, title: &str, bars: &[Bar]) -> charts::Chart {
    let chart = money_chart_of(lang, id, title, bars);
    match lang {
        // A Vietnamese page needs no mark: its `<html lang>` says it.
        crate::i18n::Lang::Vi => chart,
        crate::i18n::Lang::En => content_labels(chart, bars),
    }
}

/// A money chart whose bar labels are interface words (funding sources), not content.
fn money_chart_ui(lang: crate::i18n::Lang, id: &str, title: &str, bars: &[Bar]) -> charts::Chart {
    money_chart_of(lang, id, title, bars)
}

/// Marks the bar labels a chart's summary quotes (its largest and smallest) as Vietnamese
/// content, for the summary under the chart.
fn content_labels(mut chart: charts::Chart, bars: &[Bar]) -> charts::Chart {
    let known: Vec<&Bar> = bars.iter().filter(|b| b.value.is_some()).collect();
    let mut html = super::escape_html(&chart.summary);
    let mut named = false;
    let mut labels: Vec<&str> = known
        .first()
        .map(|b| b.label.as_str())
        .into_iter()
        .collect();
    if let Some(last) = known.last().filter(|_| known.len() > 1) {
        labels.push(&last.label);
    }
    labels.dedup();
    for label in labels {
        let escaped = super::escape_html(label);
        if !escaped.is_empty() && html.contains(&escaped) {
            html = html.replacen(&escaped, &format!("<span lang=\"vi\">{escaped}</span>"), 1);
            named = true;
        }
    }
    if named {
        chart.summary_html = html;
    }
    chart
}

fn money_chart_of(lang: crate::i18n::Lang, id: &str, title: &str, bars: &[Bar]) -> charts::Chart {
    let thousand = Decimal::from(1000);
    let max = bars
        .iter()
        .filter_map(|b| b.value)
        .max()
        .unwrap_or_default();
    if max < thousand {
        return charts::horizontal_bars(
            lang,
            id,
            title,
            lang.t("axis_budget_million"),
            "",
            lang.t("unit_million_suffix"),
            bars,
        );
    }
    let in_billions: Vec<Bar> = bars
        .iter()
        .map(|b| Bar {
            label: b.label.clone(),
            value: b.value.map(|v| billions(v, thousand)),
        })
        .collect();
    charts::horizontal_bars(
        lang,
        id,
        title,
        lang.t("axis_budget_billion"),
        "",
        lang.t("unit_billion_suffix"),
        &in_billions,
    )
}

/// An amount in million VND as billions, rounded to what a reader needs: one decimal from 10
/// tỷ, two from 1 tỷ, three below — and never rounded to zero when it is not zero.
fn billions(million: Decimal, thousand: Decimal) -> Decimal {
    use rust_decimal::RoundingStrategy::MidpointAwayFromZero;
    let b = million / thousand;
    let dp = if b >= Decimal::TEN {
        1
    } else if b >= Decimal::ONE {
        2
    } else {
        3
    };
    let mut rounded = b.round_dp_with_strategy(dp, MidpointAwayFromZero);
    let mut more = dp;
    while rounded.is_zero() && !b.is_zero() && more < 9 {
        more += 1;
        rounded = b.round_dp_with_strategy(more, MidpointAwayFromZero);
    }
    rounded.normalize()
}

/// The total of a breakdown's rows.
fn sum_of(entries: &[(&Unit, Sum)]) -> Sum {
    entries.iter().fold(Sum::default(), |mut acc, (_, s)| {
        acc.amount += s.amount;
        acc.lines += s.lines;
        acc.unknown += s.unknown;
        acc
    })
}

/// Budget by district-level place, for plans whose lines are spent in districts.
pub(crate) fn district_figure(ctx: &Ctx, plan: &Plan) -> Option<Value> {
    let site = ctx.site;
    let b = plan.budget.as_ref()?;
    let sums: BTreeMap<String, Sum> = b.sum_by(|l| {
        let place = l.place.as_deref()?;
        let unit = site.unit(place)?;
        unit.kind.is_district_level().then(|| unit.id.clone())
    });
    if sums.is_empty() {
        return None;
    }
    let entries = units_by_amount(site, &sums);
    let bars = unit_bars(&entries);
    let lang = ctx.lang;
    let title = lang.fill("chart_by_district", &[("plan", &plan.label_in(lang))]);
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Breakdown(Breakdown::ByDistrict),
        format!("{}-theo-huyen", plan.id),
    );
    let chart = money_chart(lang, &id, &title, &bars);
    let checks = total_checks(plan);
    let rows: Vec<Value> = entries
        .iter()
        .map(|(u, s)| {
            let body = b
                .bodies
                .iter()
                .find(|x| x.place.as_deref() == Some(u.id.as_str()));
            let declared = body.and_then(|x| checks.iter().find(|c| c.scope_id == x.id));
            // That the districts ended on 1 July 2025 is said once above the table; each row
            // names the units its territory belongs to now, as far as the sources attest
            // (its communes' successors, from the merger resolution).
            let successor = {
                let names: Vec<String> = crate::places::district_successors(site, u)
                    .into_iter()
                    .map(|s| s.name.clone())
                    .collect();
                if names.is_empty() {
                    String::new()
                } else {
                    names.join(", ")
                }
            };
            let mut cells = sum_cells(lang, s);
            cells.insert(
                1,
                declared
                    .map(|c| lang.number(c.declared))
                    .unwrap_or_default(),
            );
            cells.push(successor);
            let href = body.map(|x| format!("{}kinh-phi/#{}", plan_href(&plan.id), x.id));
            // The units a district's territory belongs to now are named as the sources name them.
            let mut r = row(&u.name, href, cells);
            r["content"] = json!([4]);
            r
        })
        .collect();
    let total: Sum = sum_of(&entries);
    let mut total_cells = sum_cells(lang, &total);
    total_cells.insert(1, String::new());
    total_cells.push(String::new());
    let ended: Vec<String> = entries
        .iter()
        .filter_map(|(u, _)| u.valid_to)
        .map(|d| lang.date(&d))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let unattested = entries
        .iter()
        .filter(|(u, _)| {
            u.valid_to.is_some() && crate::places::district_successors(site, u).is_empty()
        })
        .count();
    let mut fig = figure(
        ctx,
        chart,
        source_note(ctx, plan, "appendix_ii"),
        vec![
            lang.t("col_district"),
            lang.t("col_items_add_up_million"),
            lang.t("col_declared"),
            lang.t("col_items"),
            lang.t("col_note"),
            lang.t("col_since_july_2025"),
        ],
        rows,
        Some(total_cells),
    );
    if !ended.is_empty() {
        let note = format!(
            "{}{}.",
            lang.fill("units_ended_on", &[("dates", &ended.join(", "))]),
            if unattested > 0 {
                lang.fill("units_unattested", &[("n", &unattested)])
            } else {
                String::new()
            }
        );
        if let Some(notes) = fig["notes"].as_array_mut() {
            notes.insert(0, json!({"text": note}));
        }
    }
    Some(with_plan(fig, plan, lang))
}

/// Budget by commune (xã, phường, đặc khu) or by province: for plans made after the 2025
/// reorganisation, whose lines are spent in the new communes, or national ones spent across
/// provinces. Shown only when lines are spent in at least two such places.
pub(crate) fn place_figure(ctx: &Ctx, plan: &Plan, level: PlaceLevel) -> Option<Value> {
    let site = ctx.site;
    let b = plan.budget.as_ref()?;
    if !level.speaks_of(site, b) {
        return None;
    }
    let sums = level.sums(site, b);
    let entries = units_by_amount(site, &sums);
    let bars = unit_bars(&entries);
    let lang = ctx.lang;
    let (slug, title_key, column) = match level {
        PlaceLevel::Province => ("theo-tinh", "chart_by_province", "col_province"),
        _ => ("theo-xa", "chart_by_commune", "col_commune"),
    };
    let title = lang.fill(title_key, &[("plan", &plan.label_in(lang))]);
    let breakdown = match level {
        PlaceLevel::Province => Breakdown::ByProvince,
        PlaceLevel::Commune => Breakdown::ByCommune,
        PlaceLevel::District => Breakdown::ByDistrict,
    };
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Breakdown(breakdown),
        format!("{}-{slug}", plan.id),
    );
    let chart = money_chart(lang, &id, &title, &bars);
    let rows = entries
        .iter()
        .map(|(u, s)| row(&u.name, unit_href(u), sum_cells(lang, s)))
        .collect();
    let total = sum_of(&entries);
    let _ = site;
    Some(with_plan(
        figure(
            ctx,
            chart,
            source_note(ctx, plan, ""),
            vec![
                lang.t(column),
                lang.t("col_items_add_up_million"),
                lang.t("col_items"),
                lang.t("col_note"),
            ],
            rows,
            Some(sum_cells(lang, &total)),
        ),
        plan,
        ctx.lang,
    ))
}

/// Budget by agency: the lead unit of each line, leaving out district-level territories (they
/// have their own chart).
pub(crate) fn agency_figure(ctx: &Ctx, plan: &Plan) -> Option<Value> {
    let site = ctx.site;
    let b = plan.budget.as_ref()?;
    let sums: BTreeMap<String, Sum> = b.sum_by(|l| {
        let unit = site.unit(&l.lead)?;
        (!unit.kind.is_district_level()).then(|| unit.id.clone())
    });
    if sums.len() < 2 {
        return None;
    }
    let entries = units_by_amount(site, &sums);
    let bars = unit_bars(&entries);
    let lang = ctx.lang;
    let title = lang.fill("chart_by_agency", &[("plan", &plan.label_in(lang))]);
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Breakdown(Breakdown::ByAgency),
        format!("{}-theo-co-quan", plan.id),
    );
    let chart = money_chart(lang, &id, &title, &bars);
    let rows = entries
        .iter()
        .map(|(u, s)| row(&u.name, unit_href(u), sum_cells(lang, s)))
        .collect();
    let total = sum_of(&entries);
    Some(with_plan(
        figure(
            ctx,
            chart,
            source_note(ctx, plan, ""),
            vec![
                lang.t("col_lead_agency"),
                lang.t("col_items_add_up_million"),
                lang.t("col_items"),
                lang.t("col_note"),
            ],
            rows,
            Some(sum_cells(lang, &total)),
        ),
        plan,
        ctx.lang,
    ))
}

/// Budget by funding source (recurrent/investment × provincial/district/state budget), with
/// each by-source total the document declares.
pub(crate) fn funding_figure(ctx: &Ctx, plan: &Plan) -> Option<Value> {
    let site = ctx.site;
    let b = plan.budget.as_ref()?;
    let sums: BTreeMap<Option<Funding>, Sum> = b.sum_by(|l| Some(l.funding));
    let mut entries: Vec<(Option<Funding>, Sum)> = sums.into_iter().collect();
    entries.sort_by(|a, b| b.1.amount.cmp(&a.1.amount).then_with(|| a.0.cmp(&b.0)));
    let lang = ctx.lang;
    let label = |f: &Option<Funding>| match f {
        Some(f) => format!("{} ({})", f.label(lang), f.code()),
        None => lang.t("no_funding_stated").to_string(),
    };
    let bars: Vec<Bar> = entries
        .iter()
        .map(|(f, s)| Bar {
            label: label(f),
            value: Some(s.amount),
        })
        .collect();
    let title = lang.fill("chart_by_source", &[("plan", &plan.label_in(lang))]);
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Breakdown(Breakdown::BySource),
        format!("{}-theo-nguon", plan.id),
    );
    let chart = money_chart_ui(lang, &id, &title, &bars);
    let rows = entries
        .iter()
        .map(|(f, s)| {
            let declared = f.and_then(|f| b.declared.iter().find(|d| d.funding == Some(f)));
            let mut cells = sum_cells(lang, s);
            cells.insert(
                1,
                declared.map(|d| lang.number(d.amount)).unwrap_or_default(),
            );
            cells.insert(
                2,
                declared
                    .map(|d| lang.number(s.amount - d.amount))
                    .unwrap_or_default(),
            );
            ui_row(&label(f), None, cells)
        })
        .collect();
    let total = b.total();
    let mut total_cells = sum_cells(lang, &total);
    total_cells.insert(1, String::new());
    total_cells.insert(2, String::new());
    let _ = site;
    Some(with_plan(
        figure(
            ctx,
            chart,
            source_note(ctx, plan, ""),
            vec![
                lang.t("col_funding"),
                lang.t("col_items_add_up_million"),
                lang.t("col_declared"),
                lang.t("col_difference"),
                lang.t("col_items"),
                lang.t("col_note"),
            ],
            rows,
            Some(total_cells),
        ),
        plan,
        ctx.lang,
    ))
}

/// Budget by body (cơ quan, đơn vị, địa phương) for plans with grouped annexes.
pub(crate) fn body_figure(ctx: &Ctx, plan: &Plan) -> Option<Value> {
    let site = ctx.site;
    let b = plan.budget.as_ref()?;
    if b.groups.is_empty() {
        return None;
    }
    let mut entries: Vec<(usize, Sum)> = (0..b.groups.len()).map(|i| (i, b.group_sum(i))).collect();
    entries.sort_by(|a, b| b.1.amount.cmp(&a.1.amount));
    let bars: Vec<Bar> = entries
        .iter()
        .map(|(i, s)| Bar {
            label: format!("{}. {}", b.groups[*i].number, b.groups[*i].title),
            value: Some(s.amount),
        })
        .collect();
    let lang = ctx.lang;
    let title = lang.fill("chart_by_group", &[("plan", &plan.label_in(lang))]);
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Bodies,
        format!("{}-theo-nhom", plan.id),
    );
    let chart = money_chart(lang, &id, &title, &bars);
    let rows = entries
        .iter()
        .map(|(i, s)| {
            let g = &b.groups[*i];
            let mut cells = sum_cells(lang, s);
            cells.insert(
                1,
                g.declared_total.map(|d| lang.number(d)).unwrap_or_default(),
            );
            cells.insert(
                2,
                g.declared_total
                    .map(|d| lang.number(s.amount - d))
                    .unwrap_or_default(),
            );
            row(
                &format!("{}. {}", g.number, g.title),
                Some(format!("{}kinh-phi/#{}", plan_href(&plan.id), g.id)),
                cells,
            )
        })
        .collect();
    let total = b.total();
    let mut total_cells = sum_cells(lang, &total);
    total_cells.insert(1, String::new());
    total_cells.insert(2, String::new());
    let _ = site;
    Some(with_plan(
        figure(
            ctx,
            chart,
            source_note(ctx, plan, ""),
            vec![
                lang.t("col_group"),
                lang.t("col_items_add_up_million"),
                lang.t("col_declared"),
                lang.t("col_difference"),
                lang.t("col_items"),
                lang.t("col_note"),
            ],
            rows,
            Some(total_cells),
        ),
        plan,
        ctx.lang,
    ))
}

/// Item sums of every published plan with a budget.
pub(crate) fn plans_figure(ctx: &Ctx, largest: Option<usize>) -> Option<Value> {
    let site = ctx.site;
    let mut entries: Vec<(&Plan, Sum)> = site
        .plans
        .iter()
        .filter_map(|p| Some((p, p.budget.as_ref()?.total())))
        .collect();
    if entries.is_empty() {
        return None;
    }
    entries.sort_by(|a, b| {
        b.1.amount
            .cmp(&a.1.amount)
            .then_with(|| a.0.id.cmp(&b.0.id))
    });
    let all = entries.len();
    if let Some(n) = largest {
        entries.truncate(n);
    }
    let bars: Vec<Bar> = entries
        .iter()
        .map(|(p, s)| Bar {
            label: p.distinct_name(site),
            value: Some(s.amount),
        })
        .collect();
    let lang = ctx.lang;
    let title = match largest {
        Some(n) if n < all => lang.fill(
            "chart_by_plan_largest",
            &[("n", &entries.len()), ("all", &all)],
        ),
        _ => lang.t("chart_by_plan").to_string(),
    };
    let id = chart_id(ctx, None, ChartKind::BudgetByPlan, "theo-ke-hoach".into());
    let chart = money_chart(lang, &id, &title, &bars);
    let rows = entries
        .iter()
        .map(|(p, s)| {
            let declared: Vec<String> = p
                .budget
                .as_ref()
                .map(|b| {
                    b.declared
                        .iter()
                        .filter(|d| d.funding.is_none())
                        .map(|d| lang.number(d.amount))
                        .collect()
                })
                .unwrap_or_default();
            let mut cells = sum_cells(lang, s);
            cells.insert(1, declared.join("; "));
            row(
                &p.distinct_name(site),
                Some(format!("{}kinh-phi/", plan_href(&p.id))),
                cells,
            )
        })
        .collect();
    Some(figure(
        ctx,
        chart,
        plain_note(lang.t("plans_figure_source")),
        vec![
            lang.t("col_plan"),
            lang.t("col_items_add_up_million"),
            lang.t("col_declared_total"),
            lang.t("col_items"),
            lang.t("col_note"),
        ],
        rows,
        None,
    ))
}

pub(crate) use catalog::latest_value;

/// A stated value and when it holds: (85.5, "năm 2024: 85,5%").
fn value_text(
    lang: crate::i18n::Lang,
    t: &Target,
    v: &TargetValue,
) -> (rust_decimal::Decimal, String) {
    let value = v.value.unwrap_or_default();
    let when = v
        .as_of
        .map(|d| lang.date(&d))
        .or(v.year.map(|y| lang.fill("year_n", &[("n", &y)])));
    let number = super::with_unit(&lang.number(value), &t.unit);
    match when {
        Some(w) => (value, format!("{w}: {number}")),
        None => (value, number),
    }
}

/// The numeric targets of a plan against their baselines and reported results: one chart per
/// unit of measure (percent targets on one 0–100 % scale, "% GDP" on its own, ranks on their own
/// with their direction stated), never two units on one axis (see [`charts::target_chart`]: no
/// target is ever drawn as if achieved). A chart that would say nothing — a single target with
/// neither a baseline nor a result, on a scale made from its own goal — is left out; the target
/// is still in the tables.
pub(crate) fn target_figures(ctx: &Ctx, plan: &Plan) -> Vec<Value> {
    catalog::target_groups(plan)
        .iter()
        .enumerate()
        .filter_map(|(i, g)| target_figure(ctx, plan, i, g))
        .collect()
}

/// The chart of group `index` of a plan's numeric targets (see [`target_figures`]).
pub(crate) fn target_figure(
    ctx: &Ctx,
    plan: &Plan,
    index: usize,
    group: &TargetGroup,
) -> Option<Value> {
    let lang = ctx.lang;
    if !group.says_something() {
        return None;
    }
    let (measure, unit, lower) = (group.measure, group.unit, group.lower_is_better);
    let percent = measure == Measure::Percent && unit == "%";
    let mut rows = Vec::new();
    let mut table = Vec::new();
    for (t, g) in group.goals() {
        let goal = match (g.range, g.value) {
            (Some(r), _) => charts::GoalMark::Range(r.low, r.high),
            (None, Some(v)) => charts::GoalMark::Value(v),
            (None, None) => continue,
        };
        let mut label = lang.fill("target_short", &[("n", &t.number)]);
        if g.level != GovLevel::All {
            label.push_str(&format!(" — {}", g.level.label(lang).to_lowercase()));
        }
        // The table names the subject (content) apart, so that it can be marked.
        let table_label = label.clone();
        if !g.subject.is_empty() {
            label.push_str(&format!(" — {}", g.subject));
        }
        let goal_text = super::goal_text(lang, t, g);
        let baseline = latest_value(t, g, ValueKind::Baseline).map(|v| value_text(lang, t, v));
        let actual = latest_value(t, g, ValueKind::Actual).map(|v| value_text(lang, t, v));
        let labelled = |kind: &str, v: &Option<(rust_decimal::Decimal, String)>| {
            v.as_ref().map(|(x, t)| (*x, format!("{kind} {t}")))
        };
        let mut table_row = row_with_content(
            &table_label,
            Some(Route::Target(t.id.clone()).path()),
            vec![
                t.text.clone(),
                goal_text.clone(),
                baseline.as_ref().map(|b| b.1.clone()).unwrap_or_default(),
                actual
                    .as_ref()
                    .map(|a| a.1.clone())
                    .unwrap_or_else(|| lang.t("unknown").to_string()),
            ],
            &[0],
        );
        if !g.subject.is_empty() {
            table_row["label_content"] = json!(g.subject);
        }
        table.push(table_row);
        rows.push(TargetRow {
            label,
            goal,
            goal_text,
            baseline: labelled(lang.t("baseline"), &baseline),
            actual: labelled(lang.t("result"), &actual),
        });
    }
    let what = if percent {
        lang.t("percentage_targets").to_string()
    } else if unit.is_empty() {
        lang.fill(
            "targets_of_measure",
            &[("measure", &measure.label(lang).to_lowercase())],
        )
    } else {
        lang.fill("targets_in_unit", &[("unit", &unit)])
    };
    let title = lang.fill(
        "target_chart_title",
        &[("what", &what), ("plan", &plan.label_in(lang))],
    );
    let axis_title = match (percent, unit.is_empty()) {
        (true, _) => lang.t("Measure.percent").to_string(),
        (false, true) => measure.label(lang).to_string(),
        // "Tỷ lệ (% GDP)", not "Tỷ lệ (%) (% GDP)".
        (false, false) if measure == Measure::Percent => {
            lang.fill("percentage_in", &[("unit", &unit)])
        }
        (false, false) => format!("{} ({unit})", measure.label(lang)),
    };
    let axis_title = if lower {
        format!("{axis_title} — {}", lang.t("lower_is_better_lower"))
    } else {
        axis_title
    };
    let scale = charts::TargetScale {
        axis_title,
        tick_unit: if unit.starts_with('%') && unit.len() <= 2 {
            unit.to_string()
        } else {
            String::new()
        },
        percent,
    };
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Targets(index),
        format!("{}-chi-tieu-{index}", plan.id),
    );
    let chart = charts::target_chart(lang, &id, &title, &scale, &rows);
    Some(with_plan(
        figure(
            ctx,
            chart,
            source_note(ctx, plan, "targets_appendix"),
            vec![
                lang.t("col_target"),
                lang.t("col_text"),
                lang.t("col_goal"),
                lang.t("baseline"),
                lang.t("result"),
            ],
            table,
            None,
        ),
        plan,
        lang,
    ))
}

/// The timeline of a plan's tasks as the progress page draws it: deadlines, and each task's
/// status by its latest report.
pub(crate) fn plan_timeline(ctx: &Ctx, plan: &Plan) -> Option<Value> {
    let tasks: Vec<&TaskProgress> = ctx.derived.judged_of_plan(&plan.id).iter().collect();
    let report = tasks.iter().find_map(|t| t.report);
    let id = chart_id(
        ctx,
        Some(plan),
        ChartKind::Timeline,
        format!("{}-tien-do", plan.id),
    );
    timeline_figure(
        ctx,
        &tasks,
        report,
        &id,
        &ctx.lang
            .fill("timeline_title", &[("plan", &plan.label_in(ctx.lang))]),
    )
    .map(|f| with_plan(f, plan, ctx.lang))
}

/// The figure of a chart of the catalog, made from the derived data alone (its own page and its
/// embed page draw it without rendering the pages it appears on).
pub(crate) fn chart_figure(ctx: &Ctx, entry: &catalog::ChartEntry) -> Option<Value> {
    let site = ctx.site;
    let plan = entry.plan.and_then(|i| site.plans.get(i));
    match (entry.kind, plan) {
        (ChartKind::BudgetByPlan, _) => {
            let largest = (!crate::routes::List::Budget.in_full(site))
                .then_some(catalog::BUDGET_CHART_LARGEST);
            plans_figure(ctx, largest)
        }
        (ChartKind::Bodies, Some(p)) => body_figure(ctx, p),
        (ChartKind::Breakdown(b), Some(p)) => match b {
            Breakdown::ByDistrict => district_figure(ctx, p),
            Breakdown::ByAgency => agency_figure(ctx, p),
            Breakdown::BySource => funding_figure(ctx, p),
            Breakdown::ByCommune => place_figure(ctx, p, PlaceLevel::Commune),
            Breakdown::ByProvince => place_figure(ctx, p, PlaceLevel::Province),
        },
        (ChartKind::Targets(i), Some(p)) => {
            let groups = catalog::target_groups(p);
            target_figure(ctx, p, i, groups.get(i)?)
        }
        (ChartKind::Timeline, Some(p)) => plan_timeline(ctx, p),
        (_, None) => None,
    }
}

pub(crate) fn progress_row(ctx: &Ctx, tp: &TaskProgress) -> Value {
    let mut v = ctx.task(tp.task);
    v["plan"] = ctx.plan_ref(&tp.task.plan);
    v["status"] = json!(tp.status.label(ctx.lang));
    v["status_slug"] = json!(tp.status.slug());
    v["reason"] = json!(tp.reason(ctx.lang));
    v["deadline"] = json!(
        tp.task
            .timeframe
            .and_then(|t| t.deadline())
            .map(|d| ctx.lang.day(d))
    );
    v["results"] = json!(tp.results.iter().map(|r| json!({"text": r.text, "evidence": r.evidence, "interpretation": r.interpretation, "source": ctx.source(&r.source)})).collect::<Vec<_>>());
    v["report"] = json!(tp.report.map(|r| json!({"title": r.title, "href": super::report_href(&r.id), "as_of": ctx.lang.date(&r.as_of)})));
    v
}

/// Counts of tasks by status, in a fixed order.
pub(crate) fn status_counts(lang: crate::i18n::Lang, all: &[TaskProgress]) -> Vec<Value> {
    Status::ALL
        .iter()
        .map(|s| json!({"status": s.label(lang), "slug": s.slug(), "count": all.iter().filter(|t| t.status == *s).count()}))
        .collect()
}

pub(crate) fn timeline_figure(
    ctx: &Ctx,
    tasks: &[&TaskProgress],
    report: Option<&Report>,
    id: &str,
    title: &str,
) -> Option<Value> {
    let mut dated: Vec<&&TaskProgress> = tasks
        .iter()
        .filter(|t| t.task.timeframe.and_then(|f| f.deadline()).is_some())
        .collect();
    if dated.is_empty() {
        return None;
    }
    dated.sort_by_key(|t| {
        (
            t.task.timeframe.and_then(|f| f.deadline()),
            t.task.id.clone(),
        )
    });
    let lang = ctx.lang;
    let rows: Vec<TimelineRow> = dated
        .iter()
        .map(|t| TimelineRow {
            label: format!(
                "{} {}",
                t.task
                    .number
                    .clone()
                    .map(|n| format!("{n}."))
                    .unwrap_or_default(),
                shorten(&t.task.title, 90)
            )
            .trim()
            .to_string(),
            deadline: t
                .task
                .timeframe
                .and_then(|f| f.deadline())
                .unwrap_or((0, 1, 1)),
            mark: mark(t.status),
            status_text: lang.fill(
                "status_due",
                &[
                    ("status", &short_status(lang, t.status)),
                    (
                        "date",
                        &lang.day(
                            t.task
                                .timeframe
                                .and_then(|f| f.deadline())
                                .unwrap_or((0, 1, 1)),
                        ),
                    ),
                ],
            ),
        })
        .collect();
    let as_of = report.map(|r| {
        (
            r.as_of.first_day(),
            lang.fill("figures_of_date", &[("date", &lang.date(&r.as_of))]),
        )
    });
    let chart = charts::timeline(lang, id, title, &rows, as_of);
    let table = dated
        .iter()
        .map(|t| {
            row(
                &t.task.title,
                Some(format!(
                    "{}nhiem-vu/#{}",
                    plan_href(&t.task.plan),
                    t.task.id
                )),
                vec![
                    t.task
                        .timeframe
                        .and_then(|f| f.deadline())
                        .map(|d| lang.day(d))
                        .unwrap_or_default(),
                    t.status.label(lang).into(),
                ],
            )
        })
        .collect();
    let source = match report {
        Some(r) => json!({
            "label": lang.t("timeline_source"),
            "title": r.title,
            "part": format!(" ({}).", lang.fill("figures_of_date_lower", &[("date", &lang.date(&r.as_of))])),
        }),
        None => plain_note(lang.t("timeline_source_no_report")),
    };
    let _ = ctx;
    Some(figure(
        ctx,
        chart,
        source,
        vec![
            lang.t("col_task"),
            lang.t("col_deadline"),
            lang.t("col_status"),
        ],
        table,
        None,
    ))
}

/// How a task status is drawn on a timeline.
fn mark(status: Status) -> charts::Mark {
    use charts::Mark;
    match status {
        Status::Done => Mark::Done,
        Status::InProgress => Mark::InProgress,
        Status::NotStarted => Mark::NotStarted,
        Status::Late => Mark::Late,
        Status::Reported => Mark::Reported,
        Status::NoReport => Mark::NoReport,
    }
}

pub(crate) fn short_status(lang: crate::i18n::Lang, s: Status) -> &'static str {
    lang.t(match s {
        Status::Done => "short_done",
        Status::InProgress => "short_in_progress",
        Status::NotStarted => "short_not_started",
        Status::Late => "short_late",
        Status::Reported => "short_reported",
        Status::NoReport => "short_no_report",
    })
}

pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// Task status counts of one plan, for its overview.
pub(crate) fn plan_progress(lang: crate::i18n::Lang, tasks: &[TaskProgress]) -> Value {
    json!({"counts": status_counts(lang, tasks), "total": tasks.len()})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(million: &str) -> String {
        crate::vn_number::format(billions(million.parse().unwrap(), Decimal::from(1000)))
    }

    #[test]
    fn large_sums_read_in_billions_rounded_to_what_a_reader_needs_and_never_to_zero() {
        assert_eq!(b("169900"), "169,9");
        assert_eq!(b("28021"), "28");
        assert_eq!(b("1427.5"), "1,43");
        assert_eq!(b("100"), "0,1");
        assert_eq!(b("18"), "0,018");
        assert_eq!(b("0.2"), "0,0002");
    }
}
