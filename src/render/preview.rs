//! Link previews: the 1200×630 card a page shows when its address is pasted into Zalo, Facebook
//! or a chat — the page's key figures (a plan's budget in tỷ đồng, its targets and tasks), its
//! title and the site's name, so that the preview says the number rather than showing a blank
//! card — and the page's own description. Figures come from the same derived values the page
//! shows; what the documents do not give is written "chưa có số liệu". The card is an SVG drawn
//! here and turned into PNG by [`crate::raster`]; the route table names the file.

use std::sync::OnceLock;

use serde_json::Value;

use super::{Ctx, UNKNOWN, goal_text, pages};
use crate::charts::{FONT_FAMILY, text_width_at};
use crate::model::*;
use crate::raster::Image;
use crate::routes::{Breakdown, PREVIEW_SIZE, PlanSection, Route};
use crate::vn_number;

/// A page's preview card: where it is written and what it says.
#[derive(Debug, Clone)]
pub(crate) struct Card {
    /// The file, from the route table ([`Route::preview_image`]).
    pub(crate) path: String,
    /// A line above the title: what the page is (`Kế hoạch 223/KH-UBND`).
    pub(crate) kind: String,
    pub(crate) title: String,
    /// Up to three key figures: (value, what it is).
    pub(crate) figures: Vec<(String, String)>,
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
        parts.push(site.config().title.clone());
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
        let text =
            |out: &mut String, x: f64, y: f64, size: f64, bold: bool, fill: &str, s: &str| {
                out.push_str(&format!(
                    "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{} fill=\"{fill}\">{}</text>",
                    if bold { " font-weight=\"bold\"" } else { "" },
                    super::escape_html(s)
                ));
            };
        text(
            &mut out,
            x,
            84.0,
            30.0,
            false,
            "#555555",
            &fit(&site.config().title, 30.0, false, inner),
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
            text(&mut out, x, y, size, true, "#1A1A1A", line);
        }
        y += 24.0;
        for (value, label) in self.figures.iter().take(3) {
            y += 72.0;
            let value = fit(value, 52.0, true, inner);
            text(&mut out, x, y, 52.0, true, "#1F4E79", &value);
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
                &format!("{host} · Mỗi con số dẫn về dòng văn bản gốc"),
                26.0,
                false,
                inner,
            ),
        );
        out.push_str("</svg>");
        out
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

/// The cards many pages share, made once per renderer.
#[derive(Default)]
pub(crate) struct SharedCards {
    site: OnceLock<Card>,
    budget: OnceLock<Card>,
}

/// "12" with its label, or nothing when there are none.
fn count(n: usize, label: &str) -> Option<(String, String)> {
    (n > 0).then(|| {
        (
            vn_number::format(rust_decimal::Decimal::from(n)),
            label.to_string(),
        )
    })
}

/// A budget total as the plan pages say it: in tỷ đồng when it reaches a billion, "chưa có số
/// liệu" when no line gives an amount, and how many lines give none.
fn budget_figure(b: Option<&Budget>) -> (String, String) {
    let Some(b) = b else {
        return (UNKNOWN.into(), "kinh phí".into());
    };
    let total = b.total();
    if total.unknown > 0 && total.unknown == b.leaves().count() {
        return (UNKNOWN.into(), "kinh phí".into());
    }
    let label = if total.unknown > 0 {
        format!(
            "kinh phí, cộng các mục ({} mục chưa có số liệu)",
            total.unknown
        )
    } else {
        "kinh phí, cộng các mục".into()
    };
    (vn_number::format_million_vnd_human(total.amount), label)
}

/// The card of the page at `route`, given the page's own data (`context`), or `None` for a page
/// without one (the feed).
pub(crate) fn card(
    ctx: &Ctx,
    shared: &SharedCards,
    route: &Route,
    context: &tera::Context,
) -> Option<Card> {
    let site = ctx.site;
    let path = route.preview_image()?;
    let card = match route {
        Route::Plan(id, section) => {
            let p = site.plan(id)?;
            let mut figures = vec![budget_figure(p.budget.as_ref())];
            if *section == PlanSection::Budget {
                let b = p.budget.as_ref()?;
                figures.extend(count(b.leaves().count(), "mục kinh phí"));
                // The document's own total, beside the sum of its lines, as the page shows both.
                figures.extend(b.declared.iter().find(|d| d.funding.is_none()).map(|d| {
                    (
                        vn_number::format_million_vnd_human(d.amount),
                        "tổng do văn bản ghi".to_string(),
                    )
                }));
            } else {
                figures.extend(count(p.targets.len(), "chỉ tiêu"));
                figures.extend(count(p.tasks.len(), "nhiệm vụ"));
            }
            Card {
                path,
                kind: if *section == PlanSection::Budget {
                    format!("Kinh phí · {}", p.label())
                } else {
                    p.label()
                },
                title: p.title.clone(),
                figures,
            }
        }
        Route::Target(id) => {
            let &(pi, ti) = ctx.derived.targets_by_id.get(id.as_str())?;
            let p = &site.plans[pi];
            let t = &p.targets[ti];
            let mut figures = Vec::new();
            if let Some(g) = t.goals.first() {
                let label = match t.horizon {
                    Some(y) => format!("mục tiêu đến năm {y}"),
                    None => "mục tiêu".to_string(),
                };
                figures.push((goal_text(crate::i18n::Lang::Vi, t, g), label));
                let latest = super::figures::latest_value(t, g, ValueKind::Actual);
                figures.push(match latest {
                    Some(v) => (
                        super::with_unit(&vn_number::format(v.value.unwrap_or_default()), &t.unit),
                        match (v.as_of, v.year) {
                            (Some(d), _) => format!("kết quả, tính đến {}", d.vietnamese()),
                            (None, Some(y)) => format!("kết quả năm {y}"),
                            _ => "kết quả".into(),
                        },
                    ),
                    None => (UNKNOWN.into(), "kết quả".into()),
                });
            }
            Card {
                path,
                kind: format!("Chỉ tiêu · {}", p.label()),
                title: t.text.clone(),
                figures,
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
                let total = context
                    .get("lines_total_human")
                    .and_then(Value::as_str)
                    .unwrap_or(UNKNOWN);
                figures.push((
                    if all_unknown {
                        UNKNOWN.to_string()
                    } else {
                        total.to_string()
                    },
                    format!("kinh phí, cộng {lines} mục chủ trì"),
                ));
            }
            figures.extend(count(len("targets"), "chỉ tiêu chủ trì"));
            figures.extend(count(len("tasks"), "nhiệm vụ"));
            Card {
                path,
                kind: "Đơn vị".into(),
                title: u.name.clone(),
                figures,
            }
        }
        Route::Budget | Route::ListPage(crate::routes::List::Budget, _) => {
            shared.budget.get_or_init(|| budget_card(ctx, path)).clone()
        }
        Route::BudgetBreakdown(b) | Route::ListPage(crate::routes::List::Breakdown(b), _) => {
            breakdown_card(ctx, *b, path)
        }
        _ => shared.site.get_or_init(|| site_card(ctx, path)).clone(),
    };
    Some(card)
}

/// The headline plan's total, as the home page leads with it.
fn headline_figure(p: &Plan) -> (String, String) {
    let (value, _) = budget_figure(p.budget.as_ref());
    (value, format!("kinh phí của {}", p.label()))
}

/// The site's card (the home page and the pages without their own): the headline budget, and
/// how many plans, targets and tasks the published plans hold — the home page's figures.
fn site_card(ctx: &Ctx, path: String) -> Card {
    let published = pages::published_plans(ctx.site);
    let mut figures: Vec<(String, String)> = Vec::new();
    figures.extend(crate::budget::headline_plan(ctx.site).map(headline_figure));
    figures.extend(count(published.len(), "kế hoạch"));
    figures.extend(count(
        published.iter().map(|p| p.targets.len()).sum(),
        "chỉ tiêu",
    ));
    if figures.len() < 3 {
        figures.extend(count(ctx.derived.judged.len(), "nhiệm vụ"));
    }
    Card {
        path,
        kind: String::new(),
        title: ctx.site.config().description.clone(),
        figures,
    }
}

/// The budget page's card: how many plans have a budget, and the headline plan's total.
fn budget_card(ctx: &Ctx, path: String) -> Card {
    let mut figures: Vec<(String, String)> = Vec::new();
    figures.extend(crate::budget::headline_plan(ctx.site).map(headline_figure));
    figures.extend(count(
        pages::budget_plans(ctx.site).len(),
        "kế hoạch có kinh phí",
    ));
    Card {
        path,
        kind: "Kinh phí".into(),
        title: "Kinh phí theo kế hoạch".into(),
        figures,
    }
}

/// A breakdown page's card: its name and how many plans it shows.
fn breakdown_card(ctx: &Ctx, b: Breakdown, path: String) -> Card {
    let site = ctx.site;
    let shown = site.plans.iter().filter(|p| b.shows(site, p)).count();
    let mut figures: Vec<(String, String)> = Vec::new();
    figures.extend(
        crate::budget::headline_plan(site)
            .filter(|p| b.shows(site, p))
            .map(headline_figure),
    );
    figures.extend(count(shown, "kế hoạch có số liệu theo cách chia này"));
    Card {
        path,
        kind: "Kinh phí".into(),
        title: b.vietnamese().into(),
        figures,
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
