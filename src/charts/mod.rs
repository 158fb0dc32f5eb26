//! Where charts are drawn: SVG made at build time with plotters, no client-side code. Every
//! chart has a title, labelled axes with units, Vietnamese number formatting, a text
//! alternative (`<title>` and `<desc>`), and is meant to sit next to a table of the same numbers.
//! Text uses Noto Sans (subset with full Vietnamese coverage, OFL), registered with plotters
//! for measuring and served from `static/fonts/` for display, so charts look the same
//! everywhere. Geometry is computed from the exact decimals; no money passes through a float.

pub mod catalog;

use std::sync::LazyLock;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::Lang;

/// The family name used in SVG `font-family` and in the site's `@font-face`.
pub const FONT_FAMILY: &str = "Noto Sans";

pub(crate) static FONT_REGULAR: &[u8] = include_bytes!("fonts/NotoSans-Regular-vi.ttf");
pub(crate) static FONT_BOLD: &[u8] = include_bytes!("fonts/NotoSans-Bold-vi.ttf");
static FONTS: Once = Once::new();

fn init_fonts() {
    FONTS.call_once(|| {
        // The fonts are compiled in; registering them cannot fail unless the files are corrupt,
        // which the tests of this module would show.
        let _ = plotters::style::register_font(FONT_FAMILY, FontStyle::Normal, FONT_REGULAR);
        let _ = plotters::style::register_font(FONT_FAMILY, FontStyle::Bold, FONT_BOLD);
    });
}

/// Chart width in SVG units. Charts scale to the page width (`width: 100%`); at 360 px the
/// 13-unit label text is about 11.7 px.
pub const WIDTH: u32 = 360;
const MARGIN: i32 = 8;
const LABEL_SIZE: f64 = 14.0;
const TITLE_SIZE: f64 = 16.0;

/// Bar colour: 7.1:1 against white, well above the 3:1 required for chart marks.
const BAR: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
/// Second series (e.g. a baseline marker): 5.9:1 against white, and drawn with another shape.
const ACCENT: RGBColor = RGBColor(0xa6, 0x3d, 0x00);
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);

/// A drawn chart with its text alternative.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Chart {
    pub id: String,
    pub title: String,
    /// One or two sentences saying what the chart shows, for screen readers and for people who
    /// skip charts.
    pub summary: String,
    /// Inline SVG, safe to embed: all text is escaped by the SVG writer.
    pub svg: String,
    /// The summary as escaped HTML with the names it quotes from content marked `lang="vi"`
    /// (empty when the summary names nothing from content).
    pub summary_html: String,
}

/// One bar of a bar chart.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    /// `None` when the documents give no amount: drawn as text, never as a zero bar.
    pub value: Option<Decimal>,
}

/// Text style drawn at `size` SVG units (plotters divides the style size by 1.24 when it
/// writes `font-size`, so the style size is scaled up by the same factor).
fn font(size: f64, bold: bool) -> TextStyle<'static> {
    let f = (FONT_FAMILY, size * 1.24).into_font();
    let f = if bold { f.style(FontStyle::Bold) } else { f };
    f.color(&INK)
}

/// Width of `text` in SVG units as browsers draw it (glyph advances and kerning of the same
/// font file the pages serve). plotters writes `font-size` as the style size divided by 1.24,
/// so the em measured here is that written size. plotters' own estimate is not used: it scales
/// by the font's full height rather than its em, and underestimates widths by about a quarter.
pub fn text_width(text: &str, style: &TextStyle) -> u32 {
    use ab_glyph::Font;
    let bold = matches!(style.font.get_style(), FontStyle::Bold);
    let em = (style.font.get_size() / 1.24) as f32;
    let Some(metrics) = (if bold {
        &*BOLD_METRICS
    } else {
        &*REGULAR_METRICS
    }) else {
        return (text.chars().count() as f32 * em * 0.6) as u32;
    };
    let font = &metrics.font;
    // ab_glyph scales by the font's full height (ascent − descent); CSS `font-size` is the em.
    // The factor is computed as ab_glyph's `ScaleFont` does, so widths are the same to the bit.
    let height = font.height_unscaled();
    let scale = em * height / font.units_per_em().unwrap_or(1000.0);
    let factor = scale / height;
    let mut width = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let (id, advance) = metrics.glyph(c);
        if let Some(p) = previous {
            width += factor * font.kern_unscaled(p, id);
        }
        width += factor * advance;
        previous = Some(id);
    }
    width.ceil() as u32
}

/// A chart font parsed once, with the glyph and advance of every character below U+2000 looked
/// up once: text is measured hundreds of thousands of times a build, and parsing the font and
/// its character map on every measurement was a fifth of the CPU of a national build.
struct Metrics {
    font: ab_glyph::FontRef<'static>,
    common: Vec<(ab_glyph::GlyphId, f32)>,
}

const COMMON_CHARS: u32 = 0x2000;

impl Metrics {
    fn of(bytes: &'static [u8]) -> Option<Metrics> {
        use ab_glyph::Font;
        let font = ab_glyph::FontRef::try_from_slice(bytes).ok()?;
        let common = (0..COMMON_CHARS)
            .map(|u| {
                let id = char::from_u32(u).map_or(ab_glyph::GlyphId(0), |c| font.glyph_id(c));
                (id, font.h_advance_unscaled(id))
            })
            .collect();
        Some(Metrics { font, common })
    }

    fn glyph(&self, c: char) -> (ab_glyph::GlyphId, f32) {
        use ab_glyph::Font;
        match self.common.get(c as usize) {
            Some(&g) => g,
            None => {
                let id = self.font.glyph_id(c);
                (id, self.font.h_advance_unscaled(id))
            }
        }
    }
}

static REGULAR_METRICS: LazyLock<Option<Metrics>> = LazyLock::new(|| Metrics::of(FONT_REGULAR));
static BOLD_METRICS: LazyLock<Option<Metrics>> = LazyLock::new(|| Metrics::of(FONT_BOLD));

/// Width of `text` in SVG units at font size `size` (as written in `font-size`), regular or bold:
/// for SVG drawn without plotters (link-preview cards).
pub fn text_width_at(text: &str, size: f64, bold: bool) -> u32 {
    text_width(text, &font(size, bold))
}

/// Splits text into lines no wider than `width`, measured with the chart font.
fn wrap(
    _area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    text: &str,
    style: &TextStyle,
    width: u32,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        let w = text_width(&candidate, style);
        if w > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Scales `value` of `max` to `length` pixels, exactly in decimals, rounded to whole pixels.
fn scale(value: Decimal, max: Decimal, length: i32) -> i32 {
    if max.is_zero() {
        return 0;
    }
    (value * Decimal::from(length) / max)
        .round()
        .to_i32()
        .unwrap_or(0)
}

/// "Nice" axis steps: 1, 2 or 5 × 10^k, the smallest giving at most 6 intervals.
fn nice_step(max: Decimal) -> Decimal {
    if max <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut base = Decimal::ONE;
    while max >= base * Decimal::from(10) {
        base *= Decimal::from(10);
    }
    while max < base && base > Decimal::new(1, 6) {
        base /= Decimal::from(10);
    }
    for m in ["0.1", "0.2", "0.5", "1", "2", "5", "10"] {
        let s = base * m.parse::<Decimal>().unwrap_or(Decimal::ONE);
        if max / s <= Decimal::from(6) {
            return s;
        }
    }
    base * Decimal::from(10)
}

/// Draws lines of text from `y` down, left-aligned at the margin; returns the `y` below them.
fn draw_lines(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    lines: &[String],
    y: i32,
    style: &TextStyle,
    line_height: i32,
) -> i32 {
    let mut y = y;
    for line in lines {
        let _ = root.draw(&Text::new(
            line.clone(),
            (MARGIN, y),
            style.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        y += line_height;
    }
    y
}

/// Wraps plotters' SVG output as an accessible inline image.
fn finish(svg: String, id: &str, title: &str, summary: &str, height: u32) -> String {
    let body_start = svg.find('>').map(|i| i + 1).unwrap_or(0);
    let body = svg[body_start..].trim_end().trim_end_matches("</svg>");
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-family=\"{FONT_FAMILY}\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>{body}</svg>",
        escape(title),
        escape(summary),
    )
}

impl Chart {
    /// The chart's size in SVG units (width, height), from the `viewBox` [`finish`] writes.
    pub fn size(&self) -> (u32, u32) {
        let view_box = self
            .svg
            .split_once("viewBox=\"0 0 ")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(v, _)| v);
        let mut numbers = view_box
            .unwrap_or_default()
            .split(' ')
            .map(|n| n.parse::<u32>().ok());
        match (numbers.next().flatten(), numbers.next().flatten()) {
            (Some(w), Some(h)) => (w, h),
            _ => (WIDTH, 0),
        }
    }

    /// The chart as a standalone SVG document (`bieu-do/<id>.svg`): an XML declaration, its
    /// size in pixels as well as its `viewBox`, its title and description, the font named by
    /// family with a generic fallback (the file is opened without the site's stylesheet). Every
    /// chart paints its own white background, so it reads the same in any viewer.
    pub fn standalone_svg(&self) -> String {
        let (width, height) = self.size();
        let body = self
            .svg
            .find('>')
            .map(|i| &self.svg[i + 1..])
            .unwrap_or_default();
        let family = format!("font-family=\"{FONT_FAMILY}\"");
        let fallback = format!("font-family=\"{FONT_FAMILY}, Arial, sans-serif\"");
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {fallback}>{}\n",
            body.replace(&family, &fallback)
        )
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart: one labelled bar per row, the value written at the end of each bar,
/// and an axis with its unit at the bottom. Labels sit above their bars, so long Vietnamese
/// names stay readable on a 360 px screen. Bars are drawn in the order given.
pub fn horizontal_bars(
    lang: Lang,
    id: &str,
    title: &str,
    axis_label: &str,
    unit_suffix: &str,
    summary_unit: &str,
    bars: &[Bar],
) -> Chart {
    init_fonts();
    let max = bars
        .iter()
        .filter_map(|b| b.value)
        .max()
        .unwrap_or(Decimal::ZERO);
    let step = nice_step(max);
    let axis_max = if max.is_zero() {
        step
    } else {
        (max / step).ceil() * step
    };
    let label_style = font(LABEL_SIZE, false);
    let title_style = font(TITLE_SIZE, true);
    let value_style = font(LABEL_SIZE, true);

    // Measure first (plotters needs the canvas size up front), then draw.
    let mut probe_buf = String::new();
    let probe = SVGBackend::with_string(&mut probe_buf, (WIDTH, 10)).into_drawing_area();
    let inner = WIDTH as i32 - 2 * MARGIN;
    let title_lines = wrap(&probe, title, &title_style, inner as u32);
    let value_width = bars
        .iter()
        .map(|b| {
            let t = b
                .value
                .map(|v| format!("{}{unit_suffix}", lang.number(v)))
                .unwrap_or_else(|| lang.t("unknown").into());
            text_width(&t, &value_style) as i32
        })
        .max()
        .unwrap_or(60);
    let bar_length = (inner - value_width - 6).max(60);
    let label_lines: Vec<Vec<String>> = bars
        .iter()
        .map(|b| wrap(&probe, &b.label, &label_style, inner as u32))
        .collect();
    drop(probe);

    let line_h = 17;
    let bar_h = 14;
    let title_h = title_lines.len() as i32 * 20 + 6;
    let rows_h: i32 = label_lines
        .iter()
        .map(|l| l.len() as i32 * line_h + bar_h + 10)
        .sum();
    let axis_h = 44;
    let height = (title_h + rows_h + axis_h + MARGIN) as u32;

    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let mut y = draw_lines(&root, &title_lines, MARGIN, &title_style, 20);
        y += 6;
        let chart_top = y;
        // Gridlines and ticks first, so bars are drawn over them.
        let rows_bottom = chart_top + rows_h;
        let mut tick = Decimal::ZERO;
        while tick <= axis_max {
            let x = MARGIN + scale(tick, axis_max, bar_length);
            let _ = root.draw(&PathElement::new(
                vec![(x, chart_top), (x, rows_bottom)],
                GRID.stroke_width(1),
            ));
            let _ = root.draw(&Text::new(
                lang.number(tick),
                (x, rows_bottom + 4),
                font(12.0, false).color(&MUTED).pos(Pos::new(
                    if tick.is_zero() {
                        HPos::Left
                    } else {
                        HPos::Center
                    },
                    VPos::Top,
                )),
            ));
            tick += step;
        }
        let _ = root.draw(&PathElement::new(
            vec![(MARGIN, rows_bottom), (MARGIN + bar_length, rows_bottom)],
            INK.stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            axis_label.to_string(),
            (MARGIN, rows_bottom + 22),
            font(12.0, false).pos(Pos::new(HPos::Left, VPos::Top)),
        ));

        for (bar, lines) in bars.iter().zip(&label_lines) {
            for line in lines {
                let _ = root.draw(&Text::new(
                    line.clone(),
                    (MARGIN, y),
                    label_style.clone().pos(Pos::new(HPos::Left, VPos::Top)),
                ));
                y += line_h;
            }
            match bar.value {
                Some(v) => {
                    let len = scale(v, axis_max, bar_length).max(if v.is_zero() { 0 } else { 1 });
                    let _ = root.draw(&Rectangle::new(
                        [(MARGIN, y), (MARGIN + len, y + bar_h)],
                        BAR.filled(),
                    ));
                    let _ = root.draw(&Text::new(
                        format!("{}{unit_suffix}", lang.number(v)),
                        (MARGIN + len + 4, y + bar_h / 2),
                        value_style.clone().pos(Pos::new(HPos::Left, VPos::Center)),
                    ));
                }
                None => {
                    let _ = root.draw(&Text::new(
                        lang.t("unknown").to_string(),
                        (MARGIN, y + bar_h / 2),
                        font(LABEL_SIZE, false)
                            .color(&MUTED)
                            .pos(Pos::new(HPos::Left, VPos::Center)),
                    ));
                }
            }
            y += bar_h + 10;
        }
        let _ = root.present();
    }
    let known: Vec<&Bar> = bars.iter().filter(|b| b.value.is_some()).collect();
    let summary = match (known.first(), known.last()) {
        (Some(first), Some(last)) if known.len() > 1 => lang.fill(
            "bars_summary",
            &[
                ("n", &bars.len()),
                ("largest", &first.label),
                (
                    "largest_value",
                    &format!(
                        "{}{unit_suffix}{summary_unit}",
                        lang.number(first.value.unwrap_or_default())
                    ),
                ),
                ("smallest", &last.label),
                (
                    "smallest_value",
                    &format!(
                        "{}{unit_suffix}{summary_unit}",
                        lang.number(last.value.unwrap_or_default())
                    ),
                ),
            ],
        ),
        (Some(only), _) => lang.fill(
            "bars_summary_one",
            &[
                ("label", &only.label),
                (
                    "value",
                    &format!(
                        "{}{unit_suffix}{summary_unit}",
                        lang.number(only.value.unwrap_or_default())
                    ),
                ),
            ],
        ),
        _ => lang.t("bars_summary_none").to_string(),
    };
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        svg: finish(buf, id, title, &summary, height),
        summary,
        summary_html: String::new(),
    }
}

/// Where a goal sits on the scale: one value (a tick) or a range (a bracket from low to high).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoalMark {
    Value(Decimal),
    Range(Decimal, Decimal),
}

impl GoalMark {
    fn high(&self) -> Decimal {
        match self {
            GoalMark::Value(v) | GoalMark::Range(_, v) => *v,
        }
    }
}

/// What the axis of a target chart measures: one unit of measure per chart, never two.
#[derive(Debug, Clone)]
pub struct TargetScale {
    /// The axis title ("Tỷ lệ (%)", "% GDP", "Thứ hạng — số nhỏ hơn là tốt hơn").
    pub axis_title: String,
    /// The unit written after tick values ("%", "" …).
    pub tick_unit: String,
    /// A percent scale is always 0–100; other scales end at a round number above the largest
    /// value on the chart.
    pub percent: bool,
}

/// One target on the target chart: its goal, and the values documents state for it.
#[derive(Debug, Clone)]
pub struct TargetRow {
    pub label: String,
    pub goal: GoalMark,
    pub goal_text: String,
    /// The baseline (value, "Ban đầu năm 2024: 85,5%").
    pub baseline: Option<(Decimal, String)>,
    /// The latest actual value a report states (value, "Kết quả tháng 9/2025: 92%").
    pub actual: Option<(Decimal, String)>,
}

/// Targets of one unit of measure on one scale, honestly: the goal is a tick on a thin track (a
/// bracket for a range) — never a filled bar that would read as achieved — the baseline a
/// hollow circle, the latest reported result a filled diamond; a target without a reported
/// result says "chưa có số liệu" in words and has no result mark. Every mark is also written as
/// text, so neither colour nor shape alone carries the meaning.
pub fn target_chart(
    lang: Lang,
    id: &str,
    title: &str,
    scale_of: &TargetScale,
    rows: &[TargetRow],
) -> Chart {
    init_fonts();
    let label_style = font(LABEL_SIZE, false);
    let title_style = font(TITLE_SIZE, true);
    let mut probe_buf = String::new();
    let probe = SVGBackend::with_string(&mut probe_buf, (WIDTH, 10)).into_drawing_area();
    let inner = WIDTH as i32 - 2 * MARGIN;
    let title_lines = wrap(&probe, title, &title_style, inner as u32);
    let label_lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(&probe, &r.label, &label_style, inner as u32))
        .collect();
    drop(probe);
    let line_h = 17;
    let track_h = 14;
    let legend_h = 44;
    let title_h = title_lines.len() as i32 * 20 + 6 + legend_h;
    let row_h = |lines: &Vec<String>, r: &TargetRow| -> i32 {
        lines.len() as i32 * line_h
            + track_h
            + 4
            + line_h * (2 + i32::from(r.baseline.is_some()))
            + 8
    };
    let rows_h: i32 = rows
        .iter()
        .zip(&label_lines)
        .map(|(r, l)| row_h(l, r))
        .sum();
    let axis_h = 44;
    let height = (title_h + rows_h + axis_h + MARGIN) as u32;
    let length = inner - 4;
    let (axis_max, ticks): (Decimal, Vec<Decimal>) = if scale_of.percent {
        (
            Decimal::from(100),
            [0, 25, 50, 75, 100].map(Decimal::from).to_vec(),
        )
    } else {
        let max = rows
            .iter()
            .flat_map(|r| {
                [
                    Some(r.goal.high()),
                    r.baseline.as_ref().map(|b| b.0),
                    r.actual.as_ref().map(|a| a.0),
                ]
            })
            .flatten()
            .max()
            .unwrap_or(Decimal::ONE)
            .max(Decimal::ZERO);
        let step = nice_step(max);
        let top = ((max / step).ceil() * step).max(step);
        let n = (top / step).to_i64().unwrap_or(1).clamp(1, 12);
        (top, (0..=n).map(|i| step * Decimal::from(i)).collect())
    };
    let hundred = axis_max;
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let mut y = draw_lines(&root, &title_lines, MARGIN, &title_style, 20);
        // Legend: the three marks and their names.
        let legend = font(12.0, false).pos(Pos::new(HPos::Left, VPos::Center));
        let _ = root.draw(&goal_tick((MARGIN + 4, y + 9), 8));
        let _ = root.draw(&Text::new(
            lang.t("col_goal"),
            (MARGIN + 14, y + 9),
            legend.clone(),
        ));
        let _ = root.draw(&Circle::new((MARGIN + 104, y + 9), 5, BAR.stroke_width(2)));
        let _ = root.draw(&Text::new(
            lang.t("baseline"),
            (MARGIN + 114, y + 9),
            legend.clone(),
        ));
        let _ = root.draw(&diamond((MARGIN + 194, y + 9), 6));
        let _ = root.draw(&Text::new(
            lang.t("reported_result"),
            (MARGIN + 205, y + 9),
            legend.clone(),
        ));
        let _ = root.draw(&Text::new(
            lang.t("no_diamond"),
            (MARGIN, y + 29),
            legend.clone().color(&MUTED),
        ));
        y += legend_h + 6;
        let top = y;
        let bottom = top + rows_h;
        let last_tick = ticks.len().saturating_sub(1);
        for (i, t) in ticks.iter().enumerate() {
            let x = MARGIN + scale(*t, hundred, length);
            let _ = root.draw(&PathElement::new(
                vec![(x, top), (x, bottom)],
                GRID.stroke_width(1),
            ));
            // Only some ticks are labelled when there are many, so that labels never overlap.
            if ticks.len() > 6 && i % 2 == 1 && i != last_tick {
                continue;
            }
            let label = format!("{}{}", lang.number(*t), scale_of.tick_unit);
            let _ = root.draw(&Text::new(
                label,
                (x, bottom + 4),
                font(12.0, false).color(&MUTED).pos(Pos::new(
                    if i == 0 {
                        HPos::Left
                    } else if i == last_tick {
                        HPos::Right
                    } else {
                        HPos::Center
                    },
                    VPos::Top,
                )),
            ));
        }
        let _ = root.draw(&PathElement::new(
            vec![(MARGIN, bottom), (MARGIN + length, bottom)],
            INK.stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            scale_of.axis_title.clone(),
            (MARGIN, bottom + 22),
            font(12.0, false).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let x_of = |v: Decimal| MARGIN + scale(v.min(hundred).max(Decimal::ZERO), hundred, length);
        for (row, lines) in rows.iter().zip(&label_lines) {
            for line in lines {
                let _ = root.draw(&Text::new(
                    line.clone(),
                    (MARGIN, y),
                    label_style.clone().pos(Pos::new(HPos::Left, VPos::Top)),
                ));
                y += line_h;
            }
            let mid = y + track_h / 2;
            // The track: the whole scale, thin, so that nothing reads as a filled amount.
            let _ = root.draw(&PathElement::new(
                vec![(MARGIN, mid), (MARGIN + length, mid)],
                MUTED.stroke_width(1),
            ));
            match row.goal {
                GoalMark::Value(v) => {
                    let _ = root.draw(&goal_tick((x_of(v), mid), track_h / 2 + 2));
                }
                GoalMark::Range(lo, hi) => {
                    // A bracket: both ends as ticks, joined above the track — a span, not a fill.
                    let (a, b) = (x_of(lo), x_of(hi));
                    let top_y = mid - track_h / 2 - 2;
                    let _ = root.draw(&goal_tick((a, mid), track_h / 2 + 2));
                    let _ = root.draw(&goal_tick((b, mid), track_h / 2 + 2));
                    let _ = root.draw(&PathElement::new(
                        vec![(a, top_y), (b, top_y)],
                        INK.stroke_width(3),
                    ));
                }
            }
            if let Some((v, _)) = &row.baseline {
                let _ = root.draw(&Circle::new((x_of(*v), mid), 5, BAR.stroke_width(2)));
            }
            if let Some((v, _)) = &row.actual {
                let _ = root.draw(&diamond((x_of(*v), mid), 7));
            }
            y += track_h + 4;
            let text = font(12.0, false).pos(Pos::new(HPos::Left, VPos::Top));
            let _ = root.draw(&Text::new(
                format!("{}: {}", lang.t("col_goal"), row.goal_text),
                (MARGIN, y),
                font(12.0, true).pos(Pos::new(HPos::Left, VPos::Top)),
            ));
            y += line_h;
            if let Some((_, t)) = &row.baseline {
                let _ = root.draw(&Text::new(format!("○ {t}"), (MARGIN, y), text.clone()));
                y += line_h;
            }
            let result = match &row.actual {
                Some((_, t)) => format!("◆ {t}"),
                None => format!("{}: {}", lang.t("result"), lang.t("unknown")),
            };
            let _ = root.draw(&Text::new(
                result,
                (MARGIN, y),
                text.clone().color(if row.actual.is_some() {
                    &ACCENT
                } else {
                    &MUTED
                }),
            ));
            y += line_h + 8;
        }
        let _ = root.present();
    }
    let with_actual = rows.iter().filter(|r| r.actual.is_some()).count();
    let with_baseline = rows.iter().filter(|r| r.baseline.is_some()).count();
    let summary = lang.fill(
        "target_chart_summary",
        &[
            ("with", &with_actual),
            ("n", &rows.len()),
            ("baseline", &with_baseline),
            ("scale", &scale_of.axis_title),
            (
                "range",
                &if rows.iter().any(|r| matches!(r.goal, GoalMark::Range(..))) {
                    lang.t("range_is_two_ticks")
                } else {
                    ""
                },
            ),
            ("unknown", &lang.t("unknown")),
        ],
    );
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        svg: finish(buf, id, title, &summary, height),
        summary,
        summary_html: String::new(),
    }
}

/// The goal's mark: a thick vertical tick.
fn goal_tick(center: (i32, i32), half: i32) -> PathElement<(i32, i32)> {
    let (x, y) = center;
    PathElement::new(vec![(x, y - half), (x, y + half)], BAR.stroke_width(3))
}

fn diamond(center: (i32, i32), r: i32) -> Polygon<(i32, i32)> {
    let (x, y) = center;
    Polygon::new(
        vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        ACCENT.filled(),
    )
}

/// Status of a task for the timeline, with the mark used to draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Done,
    InProgress,
    NotStarted,
    Late,
    Reported,
    NoReport,
}

/// One task on the timeline.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub label: String,
    /// Deadline as (year, month, day).
    pub deadline: (i32, u32, u32),
    pub mark: Mark,
    pub status_text: String,
}

/// Tasks placed at their deadlines over the months of the period, with a dashed line at the
/// report's as-of date. Each row says its status in words; the mark's shape repeats it.
/// The grid lines of a time axis that starts at month index `first` (year × 12 + month − 1) and
/// spans `months` months, with their labels: every month (labelled `m`, or `1/yyyy` in January
/// when the span crosses a year) up to two years; beyond, one line per year, labelled so that at
/// most about a dozen labels show. Bounded whatever the span: the years a plan can speak of
/// (1900–2100) give at most 201 lines.
fn time_ticks(first: i32, months: i32) -> Vec<(i32, Option<String>)> {
    let crosses = first.div_euclid(12) != (first + months - 1).div_euclid(12);
    if months <= 24 {
        return (0..months)
            .map(|mi| {
                let abs = first + mi;
                let month = abs.rem_euclid(12) + 1;
                let shown = months <= 12 || mi % 2 == 0;
                let label = match (shown, crosses && month == 1) {
                    (_, true) => Some(format!("1/{}", abs.div_euclid(12))),
                    (true, false) => Some(month.to_string()),
                    (false, false) => None,
                };
                (mi, label)
            })
            .collect();
    }
    let years = (first + months - 1).div_euclid(12) - first.div_euclid(12) + 1;
    let every = (years + 11) / 12;
    (0..months)
        .filter(|mi| (first + mi).rem_euclid(12) == 0 || *mi == 0)
        .map(|mi| {
            let year = (first + mi).div_euclid(12);
            let label = (year % every.max(1) == 0 || mi == 0).then(|| year.to_string());
            (mi, label)
        })
        .collect()
}

pub fn timeline(
    lang: Lang,
    id: &str,
    title: &str,
    rows: &[TimelineRow],
    as_of: Option<((i32, u32, u32), String)>,
) -> Chart {
    init_fonts();
    let label_style = font(LABEL_SIZE, false);
    let title_style = font(TITLE_SIZE, true);
    let mut probe_buf = String::new();
    let probe = SVGBackend::with_string(&mut probe_buf, (WIDTH, 10)).into_drawing_area();
    let inner = WIDTH as i32 - 2 * MARGIN;
    let title_lines = wrap(&probe, title, &title_style, inner as u32);
    let label_lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(&probe, &r.label, &label_style, inner as u32))
        .collect();
    drop(probe);
    let month_index = |(y, m, _): (i32, u32, u32)| y * 12 + m as i32 - 1;
    let first = rows
        .iter()
        .map(|r| month_index(r.deadline))
        .chain(as_of.iter().map(|a| month_index(a.0)))
        .min()
        .unwrap_or(0);
    let last = rows
        .iter()
        .map(|r| month_index(r.deadline))
        .chain(as_of.iter().map(|a| month_index(a.0)))
        .max()
        .unwrap_or(0);
    let (first, last) = (first.min(last - 11).max(first - 11), last);
    let months = (last - first + 1).max(1);
    let length = inner - 4;
    let x_of = |(y, m, d): (i32, u32, u32)| -> i32 {
        let mi = y * 12 + m as i32 - 1 - first;
        MARGIN + (length * mi + length * (d as i32 - 1) / 31) / months
    };
    let line_h = 17;
    let title_h = title_lines.len() as i32 * 20 + 6;
    let rows_h: i32 = label_lines
        .iter()
        .map(|l| l.len() as i32 * line_h + 22 + 6)
        .sum();
    let axis_h = if as_of.is_some() { 62 } else { 44 };
    let height = (title_h + rows_h + axis_h + MARGIN) as u32;
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let mut y = draw_lines(&root, &title_lines, MARGIN, &title_style, 20);
        y += 6;
        let top = y;
        let bottom = top + rows_h;
        let (first_year, last_year) = (first.div_euclid(12), last.div_euclid(12));
        for (mi, label) in time_ticks(first, months) {
            let x = MARGIN + length * mi / months;
            let _ = root.draw(&PathElement::new(
                vec![(x, top), (x, bottom)],
                GRID.stroke_width(1),
            ));
            if let Some(label) = label {
                let _ = root.draw(&Text::new(
                    label,
                    (x + 2, bottom + 4),
                    font(11.0, false)
                        .color(&MUTED)
                        .pos(Pos::new(HPos::Left, VPos::Top)),
                ));
            }
        }
        let _ = root.draw(&PathElement::new(
            vec![(MARGIN, bottom), (MARGIN + length, bottom)],
            INK.stroke_width(1),
        ));
        let axis_title = if months > 24 {
            lang.fill("axis_years", &[("from", &first_year), ("to", &last_year)])
        } else if first_year == last_year {
            lang.fill("axis_months_year", &[("year", &first_year)])
        } else {
            lang.fill(
                "axis_months_years",
                &[("from", &first_year), ("to", &last_year)],
            )
        };
        let _ = root.draw(&Text::new(
            axis_title,
            (MARGIN, bottom + 22),
            font(12.0, false).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        // The as-of date: a dashed mark in each row's marker band (never across the task names),
        // and its label under the axis.
        let as_of_x = as_of.as_ref().map(|(date, _)| x_of(*date));
        if let (Some(x), Some((_, label))) = (as_of_x, &as_of) {
            let _ = root.draw(&PathElement::new(
                vec![(x, bottom - 4), (x, bottom + 4)],
                ACCENT.stroke_width(2),
            ));
            let _ = root.draw(&Text::new(
                format!("┆ {label}"),
                (x.min(WIDTH as i32 - MARGIN), bottom + 40),
                font(12.0, true).color(&ACCENT).pos(Pos::new(
                    if x > WIDTH as i32 / 2 {
                        HPos::Right
                    } else {
                        HPos::Left
                    },
                    VPos::Top,
                )),
            ));
        }
        for (row, lines) in rows.iter().zip(&label_lines) {
            for line in lines {
                let _ = root.draw(&Text::new(
                    line.clone(),
                    (MARGIN, y),
                    label_style.clone().pos(Pos::new(HPos::Left, VPos::Top)),
                ));
                y += line_h;
            }
            let x = x_of(row.deadline);
            let cy = y + 8;
            if let Some(ax) = as_of_x {
                let mut yy = cy - 10;
                while yy < cy + 10 {
                    let _ = root.draw(&PathElement::new(
                        vec![(ax, yy), (ax, yy + 4)],
                        ACCENT.stroke_width(2),
                    ));
                    yy += 7;
                }
            }
            let _ = match row.mark {
                Mark::Done => root.draw(&Circle::new((x, cy), 6, BAR.filled())),
                Mark::InProgress => root.draw(&Circle::new((x, cy), 6, BAR.stroke_width(2))),
                Mark::Late => root.draw(&Cross::new((x, cy), 6, ACCENT.stroke_width(3))),
                Mark::Reported => root.draw(&Rectangle::new(
                    [(x - 5, cy - 5), (x + 5, cy + 5)],
                    BAR.filled(),
                )),
                Mark::NotStarted => root.draw(&Rectangle::new(
                    [(x - 5, cy - 5), (x + 5, cy + 5)],
                    MUTED.stroke_width(2),
                )),
                Mark::NoReport => root.draw(&Circle::new((x, cy), 5, MUTED.stroke_width(2))),
            };
            let right = x > WIDTH as i32 / 2;
            let anchor = if right { HPos::Right } else { HPos::Left };
            let tx = if right { x - 10 } else { x + 10 };
            let _ = root.draw(&Text::new(
                row.status_text.clone(),
                (tx, cy),
                font(11.0, false).pos(Pos::new(anchor, VPos::Center)),
            ));
            y += 22 + 6;
        }
        let _ = root.present();
    }
    let summary = lang.fill(
        "timeline_summary",
        &[
            ("n", &rows.len()),
            (
                "as_of",
                &as_of
                    .as_ref()
                    .map(|(_, l)| lang.fill("timeline_as_of_line", &[("label", l)]))
                    .unwrap_or_default(),
            ),
        ],
    );
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        svg: finish(buf, id, title, &summary, height),
        summary,
        summary_html: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_time_axis_over_two_centuries_has_a_line_a_year_and_a_dozen_labels() {
        let first = 1900 * 12;
        let months = 201 * 12;
        let ticks = time_ticks(first, months);
        assert_eq!(ticks.len(), 201);
        let labels = ticks.iter().filter(|t| t.1.is_some()).count();
        assert!(labels <= 14, "{labels} labels");
    }

    #[test]
    fn a_time_axis_across_new_year_names_the_year_at_january() {
        let ticks = time_ticks(2024 * 12 + 9, 12); // October 2024 – September 2025
        let labels: Vec<String> = ticks.into_iter().filter_map(|t| t.1).collect();
        assert_eq!(labels[..4], ["10", "11", "12", "1/2025"]);
        let one_year: Vec<String> = time_ticks(2025 * 12, 12)
            .into_iter()
            .filter_map(|t| t.1)
            .collect();
        assert_eq!(one_year[0], "1");
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_bar_chart_is_an_accessible_svg_with_vietnamese_numbers() {
        let c = horizontal_bars(
            Lang::Vi,
            "c1",
            "Kinh phí theo huyện",
            "Kinh phí (triệu đồng)",
            "",
            " triệu đồng",
            &[
                Bar {
                    label: "Huyện Bình Sơn".into(),
                    value: Some(d("10090")),
                },
                Bar {
                    label: "Thị xã Đức Phổ".into(),
                    value: Some(d("2000")),
                },
                Bar {
                    label: "Trà Bồng 12.8".into(),
                    value: None,
                },
            ],
        );
        assert!(c.svg.starts_with("<svg"));
        assert!(c.svg.contains("role=\"img\""));
        assert!(
            c.svg
                .contains("<title id=\"c1-t\">Kinh phí theo huyện</title>")
        );
        assert!(c.svg.contains("10.090"));
        assert!(c.svg.contains("chưa có số liệu"));
        assert!(c.svg.contains("Kinh phí (triệu đồng)"));
        assert!(c.summary.contains("Huyện Bình Sơn"));
        assert!(!c.svg.contains("<script"));
    }

    #[test]
    fn a_chart_as_a_file_is_a_standalone_svg_with_its_size_title_and_a_font_fallback() {
        let c = horizontal_bars(
            Lang::Vi,
            "c2",
            "Kinh phí <theo> nguồn",
            "Kinh phí (triệu đồng)",
            "",
            " triệu đồng",
            &[Bar {
                label: "Chi đầu tư".into(),
                value: Some(d("1400.5")),
            }],
        );
        let (w, h) = c.size();
        assert_eq!(w, WIDTH);
        assert!(h > 0);
        let file = c.standalone_svg();
        assert!(file.starts_with(&format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"Noto Sans, Arial, sans-serif\"><title id=\"c2-t\">Kinh phí &lt;theo&gt; nguồn</title><desc id=\"c2-d\">"
        )));
        assert!(!file.contains("font-family=\"Noto Sans\""));
        assert!(!file.contains("class=\"chart\""));
        assert!(file.trim_end().ends_with("</svg>"));
        assert_eq!(file, c.standalone_svg());
    }

    #[test]
    fn chart_text_is_escaped() {
        let c = horizontal_bars(
            Lang::Vi,
            "x",
            "<script>alert(1)</script>",
            "a",
            "",
            "",
            &[Bar {
                label: "<img onerror=x>".into(),
                value: Some(d("1")),
            }],
        );
        assert!(!c.svg.contains("<script>"));
        assert!(!c.svg.contains("<img"));
    }

    #[test]
    fn text_is_measured_as_browsers_draw_it() {
        // Chromium measures this line at 364,2 units in Noto Sans 14 (getComputedTextLength).
        let w = text_width(
            "6. Tổ chức chương trình nâng cao kỹ năng số cho người",
            &font(14.0, false),
        );
        assert!((360..=368).contains(&w), "{w}");
    }

    #[test]
    fn axis_steps_are_round_numbers() {
        assert_eq!(nice_step(d("10090")), d("2000"));
        assert_eq!(nice_step(d("100")), d("20"));
        assert_eq!(nice_step(d("7")), d("2"));
    }

    #[test]
    fn the_same_data_draws_the_same_bytes() {
        let bars = [Bar {
            label: "A".into(),
            value: Some(d("1")),
        }];
        assert_eq!(
            horizontal_bars(Lang::Vi, "a", "T", "x", "", "", &bars).svg,
            horizontal_bars(Lang::Vi, "a", "T", "x", "", "", &bars).svg
        );
    }
}
