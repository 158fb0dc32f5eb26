//! Link previews: the 1200×630 card a page shows when its address is pasted into Zalo, Facebook
//! or a chat — the page's key figures (a plan's budget in tỷ đồng, its targets and tasks), its
//! title and the site's name, so that the preview says the number rather than showing a blank
//! card — and the page's own description. Figures come from the same derived values the page
//! shows; what the documents do not give is written "chưa có số liệu". The card is an SVG drawn
//! here and turned into PNG by [`crate::raster`]; the route table names the file.
//!
//! English pages have English cards: the same figures with the words of the string table
//! ([`crate::i18n`]) and English numbers, money and dates; what the documents say (plan titles,
//! names) stays in Vietnamese, as on the English pages, and is marked `lang="vi"` in the SVG.

use std::sync::OnceLock;

use serde_json::Value;

use super::{Ctx, goal_text, pages};
use crate::charts::{FONT_FAMILY, text_width_at};
use crate::i18n::Lang;
use crate::model::*;
use crate::raster::Image;
use crate::routes::{Breakdown, PREVIEW_SIZE, PlanSection, Route};

/// A page's preview card: where it is written and what it says.
#[derive(Debug, Clone)]
pub(crate) struct Card {
    /// The language of the card's words (its page's).
    pub(crate) lang: Lang,
    /// The file, from the route table ([`Route::preview_image`]).
    pub(crate) path: String,
    /// A line above the title: what the page is (`Kế hoạch 223/KH-UBND`).
    pub(crate) kind: String,
    pub(crate) title: String,
    /// Whether the title is the documents' own words (Vietnamese on an English card).
    pub(crate) title_is_content: bool,
    /// Up to three key figures: (value, what it is).
    pub(crate) figures: Vec<(String, String)>,
    /// The documents' words quoted in `kind` and the labels (a plan without a number is named
    /// by its title): marked Vietnamese on an English card.
    pub(crate) content: Vec<String>,
}

impl Card {
    /// The card's text alternative (`og:image:alt`): everything it shows, in reading order.
    pub(crate) fn alt(&self, site: &Site) -> String {
        let mut parts: Vec<String> = Vec::new();
        let head = if self.kind.is_empty() {
            self.title.clone()
        } else {
            format!("{}: {}", self.kind, self.title)
        };
        parts.push(head);
        for (value, label) in &self.figures {
            parts.push(format!("{value} {label}"));
        }
        parts.push(site_name(site, self.lang).to_string());
        let mut alt = parts.join(". ");
        alt.push('.');
        alt
    }

    /// The card as an image to render.
    pub(crate) fn image(&self, site: &Site) -> Image {
        Image {
            svg: self.svg(site),
            scale: 1.0,
            title: self.alt(site),
        }
    }

    /// The card as SVG, 1200×630: a blue band, the site's name, what the page is, its title (two
    /// lines, or three smaller, cut with "…"), each figure in bold blue with its label, and the
    /// site's address at the foot.
    pub(crate) fn svg(&self, site: &Site) -> String {
        let (w, h) = PREVIEW_SIZE;
        let x = 72.0;
        let inner = f64::from(w) - 2.0 * x;
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\"><rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/><rect width=\"24\" height=\"{h}\" fill=\"#1F4E79\"/>"
        );
        // On an English card, the documents' words are marked Vietnamese: a whole line (`vi`),
        // or where they are quoted inside one.
        let english = self.lang == Lang::En;
        let mark = |s: &str, vi: bool| -> String {
            let escaped = super::escape_html(s);
            if !english {
                return escaped;
            }
            if vi {
                return format!("<tspan lang=\"vi\">{escaped}</tspan>");
            }
            self.content
                .iter()
                .filter(|c| !c.is_empty())
                .fold(escaped, |text, c| {
                    let c = super::escape_html(c);
                    text.replace(&c, &format!("<tspan lang=\"vi\">{c}</tspan>"))
                })
        };
        let text = |out: &mut String,
                    x: f64,
                    y: f64,
                    size: f64,
                    bold: bool,
                    fill: &str,
                    s: &str,
                    vi: bool| {
            out.push_str(&format!(
                "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{} fill=\"{fill}\">{}</text>",
                if bold { " font-weight=\"bold\"" } else { "" },
                mark(s, vi)
            ));
        };
        let name = site_name(site, self.lang);
        text(
            &mut out,
            x,
            84.0,
            30.0,
            false,
            "#555555",
            &fit(name, 30.0, false, inner),
            name == site.config().title,
        );
        let mut y = 84.0;
        if !self.kind.is_empty() {
            y += 56.0;
            text(
                &mut out,
                x,
                y,
                30.0,
                true,
                "#A63D00",
                &fit(&self.kind, 30.0, true, inner),
                false,
            );
        }
        let (size, lines) = match wrap(&self.title, 54.0, inner, 2) {
            Some(lines) => (54.0, lines),
            None => (
                44.0,
                wrap(&self.title, 44.0, inner, 3)
                    .unwrap_or_else(|| cut(&self.title, 44.0, inner, 3)),
            ),
        };
        y += 16.0;
        for line in &lines {
            y += size * 1.2;
            text(
                &mut out,
                x,
                y,
                size,
                true,
                "#1A1A1A",
                line,
                self.title_is_content,
            );
        }
        y += 24.0;
        for (value, label) in self.figures.iter().take(3) {
            y += 72.0;
            let value = fit(value, 52.0, true, inner);
            text(&mut out, x, y, 52.0, true, "#1F4E79", &value, false);
            let vw = f64::from(text_width_at(&value, 52.0, true)) + 20.0;
            let room = inner - vw;
            if room > 120.0 {
                text(
                    &mut out,
                    x + vw,
                    y,
                    30.0,
                    false,
                    "#1A1A1A",
                    &fit(label, 30.0, false, room),
                    false,
                );
            }
        }
        let host = site
            .config()
            .base_url
            .split("://")
            .nth(1)
            .unwrap_or(&site.config().base_url)
            .trim_end_matches('/')
            .to_string();
        text(
            &mut out,
            x,
            f64::from(h) - 40.0,
            26.0,
            false,
            "#555555",
            &fit(
                &self.lang.fill("card_footer", &[("host", &host)]),
                26.0,
                false,
                inner,
            ),
            false,
        );
        out.push_str("</svg>");
        out
    }
}

/// The site's name in `lang`: its English name when the content gives one, else its own.
fn site_name(site: &Site, lang: Lang) -> &str {
    let config = site.config();
    match lang {
        Lang::En if !config.title_en.is_empty() => &config.title_en,
        _ => &config.title,
    }
}

/// `s` on one line no wider than `width`, cut with "…" if need be.
fn fit(s: &str, size: f64, bold: bool, width: f64) -> String {
    if f64::from(text_width_at(s, size, bold)) <= width {
        return s.to_string();
    }
    let mut chars: Vec<char> = s.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
        if f64::from(text_width_at(&candidate, size, bold)) <= width {
            return candidate;
        }
    }
    "…".into()
}

/// `s` in at most `max` lines of `width` at `size` (bold), or `None` if it needs more.
fn wrap(s: &str, size: f64, width: f64, max: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && f64::from(text_width_at(&candidate, size, true)) > width {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    (lines.len() <= max
        && lines
            .iter()
            .all(|l| f64::from(text_width_at(l, size, true)) <= width))
    .then_some(lines)
}

/// `s` in `max` lines, the last cut with "…".
fn cut(s: &str, size: f64, width: f64, max: usize) -> Vec<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    // The longest prefix of words that wraps into `max - 1` lines, the rest on the last line.
    let mut head = 0;
    for n in (0..=words.len()).rev() {
        if wrap(&words[..n].join(" "), size, width, max - 1).is_some() {
            head = n;
            break;
        }
    }
    let mut lines = wrap(&words[..head].join(" "), size, width, max - 1).unwrap_or_default();
    lines.push(fit(&words[head..].join(" "), size, true, width));
    lines
}

/// The cards many pages share, made once per renderer and language.
#[derive(Default)]
pub(crate) struct SharedCards {
    site: [OnceLock<Card>; 2],
    budget: [OnceLock<Card>; 2],
}

/// A language's slot in [`SharedCards`].
fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Vi => 0,
        Lang::En => 1,
    }
}

/// "12" with its label (`key`, filled with the count), or nothing when there are none.
fn count(lang: Lang, n: usize, key: &str) -> Option<(String, String)> {
    (n > 0).then(|| {
        (
            lang.number(rust_decimal::Decimal::from(n)),
            lang.fill(key, &[("n", &n)]),
        )
    })
}

/// A budget total as the plan pages say it: in tỷ đồng (billion VND) when it reaches a billion,
/// "chưa có số liệu" when no line gives an amount, and how many lines give none.
fn budget_figure(lang: Lang, b: Option<&Budget>) -> (String, String) {
    let unknown = || {
        (
            lang.t("unknown").to_string(),
            lang.t("card_budget").to_string(),
        )
    };
    let Some(b) = b else {
        return unknown();
    };
    let total = b.total();
    if total.unknown > 0 && total.unknown == b.leaves().count() {
        return unknown();
    }
    let label = if total.unknown > 0 {
        lang.fill("card_budget_sum_unknown", &[("n", &total.unknown)])
    } else {
        lang.t("card_budget_sum").to_string()
    };
    (lang.million_vnd_human(total.amount), label)
}

/// The card of the page at `route` (in the route's language), given the page's own data
/// (`context`), or `None` for a page without one (the feed).
pub(crate) fn card(
    ctx: &Ctx,
    shared: &SharedCards,
    route: &Route,
    context: &tera::Context,
) -> Option<Card> {
    let site = ctx.site;
    let lang = route.lang();
    let path = route.preview_image()?;
    let blank = |path: String| Card {
        lang,
        path,
        kind: String::new(),
        title: String::new(),
        title_is_content: true,
        figures: Vec::new(),
        content: Vec::new(),
    };
    let card = match route.base() {
        Route::Plan(id, section) => {
            let p = site.plan(id)?;
            let mut figures = vec![budget_figure(lang, p.budget.as_ref())];
            if *section == PlanSection::Budget {
                let b = p.budget.as_ref()?;
                figures.extend(count(lang, b.leaves().count(), "card_budget_items"));
                // The document's own total, beside the sum of its lines, as the page shows both.
                figures.extend(b.declared.iter().find(|d| d.funding.is_none()).map(|d| {
                    (
                        lang.million_vnd_human(d.amount),
                        lang.t("card_declared_total").to_string(),
                    )
                }));
            } else {
                figures.extend(count(lang, p.targets.len(), "card_targets"));
                figures.extend(count(lang, p.tasks.len(), "card_tasks"));
            }
            let label = p.label_in(lang);
            Card {
                kind: if *section == PlanSection::Budget {
                    lang.fill("card_kind_budget_of", &[("plan", &label)])
                } else {
                    label
                },
                title: p.title.clone(),
                figures,
                content: plan_content(p),
                ..blank(path)
            }
        }
        Route::Target(id) => {
            let &(pi, ti) = ctx.derived.targets_by_id.get(id.as_str())?;
            let p = &site.plans[pi];
            let t = &p.targets[ti];
            let mut figures = Vec::new();
            if let Some(g) = t.goals.first() {
                let label = match t.horizon {
                    Some(y) => lang.fill("card_goal_by", &[("n", &y)]),
                    None => lang.t("card_goal").to_string(),
                };
                figures.push((goal_text(lang, t, g), label));
                let latest = super::figures::latest_value(t, g, ValueKind::Actual);
                figures.push(match latest {
                    Some(v) => (
                        super::with_unit(&lang.number(v.value.unwrap_or_default()), &t.unit),
                        match (v.as_of, v.year) {
                            (Some(d), _) => {
                                lang.fill("card_result_as_of", &[("date", &lang.date(&d))])
                            }
                            (None, Some(y)) => lang.fill("card_result_year", &[("n", &y)]),
                            _ => lang.t("card_result").into(),
                        },
                    ),
                    None => (lang.t("unknown").into(), lang.t("card_result").into()),
                });
            }
            Card {
                kind: lang.fill("card_kind_target", &[("plan", &p.label_in(lang))]),
                title: t.text.clone(),
                figures,
                content: plan_content(p),
                ..blank(path)
            }
        }
        Route::Unit(id) => {
            let u = site.unit(id)?;
            let len = |key: &str| {
                context
                    .get(key)
                    .and_then(Value::as_array)
                    .map(Vec::len)
                    .unwrap_or(0)
            };
            let mut figures = Vec::new();
            let lines = len("lines");
            if lines > 0 {
                let all_unknown =
                    context.get("lines_unknown").and_then(Value::as_u64) == Some(lines as u64);
                let unknown = lang.t("unknown");
                // The page's own total, already written in the page's language.
                let total = context
                    .get("lines_total_human")
                    .and_then(Value::as_str)
                    .unwrap_or(unknown);
                figures.push((
                    if all_unknown { unknown } else { total }.to_string(),
                    lang.fill("card_budget_led", &[("n", &lines)]),
                ));
            }
            figures.extend(count(lang, len("targets"), "card_targets_led"));
            figures.extend(count(lang, len("tasks"), "card_tasks"));
            Card {
                kind: lang.t("card_kind_unit").into(),
                title: u.name.clone(),
                figures,
                ..blank(path)
            }
        }
        Route::Budget | Route::ListPage(crate::routes::List::Budget, _) => shared.budget
            [slot(lang)]
        .get_or_init(|| budget_card(ctx, lang, path))
        .clone(),
        Route::BudgetBreakdown(b) | Route::ListPage(crate::routes::List::Breakdown(b), _) => {
            breakdown_card(ctx, lang, *b, path)
        }
        _ => shared.site[slot(lang)]
            .get_or_init(|| site_card(ctx, lang, path))
            .clone(),
    };
    Some(card)
}

/// What a card quotes from a plan's document: its title (a plan without a number is named by
/// it in the card's kind and labels).
fn plan_content(p: &Plan) -> Vec<String> {
    vec![p.title.clone()]
}

/// The headline plan's total, as the home page leads with it.
fn headline_figure(lang: Lang, p: &Plan) -> (String, String) {
    let (value, _) = budget_figure(lang, p.budget.as_ref());
    (
        value,
        lang.fill("card_budget_of", &[("plan", &p.label_in(lang))]),
    )
}

/// The site's card (the home page and the pages without their own): the headline budget, and
/// how many plans, targets and tasks the published plans hold — the home page's figures.
fn site_card(ctx: &Ctx, lang: Lang, path: String) -> Card {
    let published = pages::published_plans(ctx.site);
    let headline = crate::budget::headline_plan(ctx.site);
    let mut figures: Vec<(String, String)> = Vec::new();
    figures.extend(headline.map(|p| headline_figure(lang, p)));
    figures.extend(count(lang, published.len(), "card_plans"));
    figures.extend(count(
        lang,
        published.iter().map(|p| p.targets.len()).sum(),
        "card_targets",
    ));
    if figures.len() < 3 {
        figures.extend(count(lang, ctx.derived.judged.len(), "card_tasks"));
    }
    // The site's description: in English when the content gives one.
    let config = ctx.site.config();
    let english = lang == Lang::En && !config.description_en.is_empty();
    Card {
        lang,
        path,
        kind: String::new(),
        title: if english {
            config.description_en.clone()
        } else {
            config.description.clone()
        },
        title_is_content: !english,
        figures,
        content: headline.map(plan_content).unwrap_or_default(),
    }
}

/// The budget page's card: how many plans have a budget, and the headline plan's total.
fn budget_card(ctx: &Ctx, lang: Lang, path: String) -> Card {
    let headline = crate::budget::headline_plan(ctx.site);
    let mut figures: Vec<(String, String)> = Vec::new();
    figures.extend(headline.map(|p| headline_figure(lang, p)));
    figures.extend(count(
        lang,
        pages::budget_plans(ctx.site).len(),
        "card_plans_with_budget",
    ));
    Card {
        lang,
        path,
        kind: lang.t("card_kind_budget").into(),
        title: lang.t("card_budget_title").into(),
        title_is_content: false,
        figures,
        content: headline.map(plan_content).unwrap_or_default(),
    }
}

/// A breakdown page's card: its name and how many plans it shows.
fn breakdown_card(ctx: &Ctx, lang: Lang, b: Breakdown, path: String) -> Card {
    let site = ctx.site;
    let shown = site.plans.iter().filter(|p| b.shows(site, p)).count();
    let headline = crate::budget::headline_plan(site).filter(|p| b.shows(site, p));
    let mut figures: Vec<(String, String)> = Vec::new();
    figures.extend(headline.map(|p| headline_figure(lang, p)));
    figures.extend(count(lang, shown, "card_plans_in_breakdown"));
    Card {
        lang,
        path,
        kind: lang.t("card_kind_budget").into(),
        title: b.label(lang).into(),
        title_is_content: false,
        figures,
        content: headline.map(plan_content).unwrap_or_default(),
    }
}

/// The page's description for link previews and search engines: a plan's summary, a target's
/// text, else the site's description.
pub(crate) fn description(ctx: &Ctx, route: &Route) -> String {
    let site = ctx.site;
    let own = match route {
        Route::Plan(id, _) => site.plan(id).map(|p| {
            if p.summary.trim().is_empty() {
                format!("{}: {}", p.label(), p.title)
            } else {
                p.summary.trim().to_string()
            }
        }),
        Route::Target(id) => ctx
            .derived
            .targets_by_id
            .get(id.as_str())
            .map(|&(pi, ti)| site.plans[pi].targets[ti].text.clone()),
        _ => None,
    };
    own.unwrap_or_else(|| site.config().description.clone())
}
