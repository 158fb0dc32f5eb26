//! The route table: every page of the site, its path and how deep it lies. It is the one owner
//! of URLs — pages are written at [`Route::file`], templates and data files link with
//! [`Route::path`], and `check` accepts a link in a narrative only if [`Route::parse`] reads it
//! as a route that [`Route::all`] lists. Paths are relative to the site root, end in `/` and
//! carry no diacritics (`ke-hoach/kh-223-ubnd-2024/kinh-phi/`).

use std::collections::HashSet;
use std::fmt;

use crate::i18n::Lang;
use crate::model::{Plan, Site};
use crate::slug::is_valid_id;

/// The tables of the data package, in package order: each has a page (`/du-lieu-mo/<name>/`) and
/// its files are named after it (`data/<name>.csv`).
pub const DATASETS: [&str; 8] = [
    "units",
    "plans",
    "targets",
    "target-values",
    "budget-lines",
    "budget-totals",
    "tasks",
    "progress",
];

/// Where the Atom feed of progress reports is written.
pub const FEED_PATH: &str = "bao-cao/feed.xml";

/// Where link-preview images are written (see [`Route::preview_image`]).
pub const PREVIEW_DIR: &str = "anh";

/// Size of link-preview images, as Open Graph asks for them.
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// The PNG copy of chart `id` in `lang` (`bieu-do/<id>.png`, `en/bieu-do/<id>.png`), one per chart
/// and language whatever pages show it: English pages draw their charts in English, so their
/// downloads are the English drawing.
pub fn chart_png_path(lang: Lang, id: &str) -> String {
    format!("{}bieu-do/{id}.png", lang_dir(lang))
}

/// Where a chart's standalone SVG file in `lang` is written (`bieu-do/<chart-id>.svg`, under
/// `en/` for English), next to the chart's page in that language.
pub fn chart_svg_path(lang: Lang, id: &str) -> String {
    format!("{}bieu-do/{id}.svg", lang_dir(lang))
}

/// The directory a language's pages and images live under: the root for Vietnamese, `en/`.
fn lang_dir(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "",
        Lang::En => ENGLISH_DIR,
    }
}

/// Source documents are published in parts of this many lines, so no page is too heavy.
pub const SOURCE_PART_LINES: usize = 300;

/// The part of a source document that shows line `line` (1-based).
pub fn source_part(line: usize) -> usize {
    line.saturating_sub(1) / SOURCE_PART_LINES + 1
}

/// How many parts a document of `lines` lines is published in (at least one).
pub fn source_parts(lines: usize) -> usize {
    lines.div_ceil(SOURCE_PART_LINES).max(1)
}

/// The sections of a plan, each its own page so that none is heavy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanSection {
    Overview,
    Targets,
    Budget,
    Tasks,
    Text,
    /// One printable page: what, how much, where, who, by when (a citizens' budget).
    Summary,
}

impl PlanSection {
    pub const ALL: [PlanSection; 6] = [
        PlanSection::Overview,
        PlanSection::Targets,
        PlanSection::Budget,
        PlanSection::Tasks,
        PlanSection::Text,
        PlanSection::Summary,
    ];

    /// The path segment below the plan (`""` for the overview).
    pub fn segment(self) -> &'static str {
        match self {
            PlanSection::Overview => "",
            PlanSection::Targets => "chi-tieu",
            PlanSection::Budget => "kinh-phi",
            PlanSection::Tasks => "nhiem-vu",
            PlanSection::Text => "noi-dung",
            PlanSection::Summary => "tom-tat",
        }
    }

    /// The key templates use to tell the sections apart.
    pub fn key(self) -> &'static str {
        match self {
            PlanSection::Overview => "overview",
            PlanSection::Targets => "targets",
            PlanSection::Budget => "budget",
            PlanSection::Tasks => "tasks",
            PlanSection::Text => "text",
            PlanSection::Summary => "summary",
        }
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            PlanSection::Overview => "Tổng quan",
            PlanSection::Targets => "Chỉ tiêu",
            PlanSection::Budget => "Kinh phí",
            PlanSection::Tasks => "Nhiệm vụ",
            PlanSection::Text => "Toàn văn",
            PlanSection::Summary => "Tóm tắt để in",
        }
    }

    /// The section's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vietnamese(),
            Lang::En => lang.t(match self {
                PlanSection::Overview => "section_overview",
                PlanSection::Targets => "section_targets",
                PlanSection::Budget => "section_budget",
                PlanSection::Tasks => "section_tasks",
                PlanSection::Text => "section_text",
                PlanSection::Summary => "section_summary",
            }),
        }
    }

    fn from_segment(s: &str) -> Option<PlanSection> {
        PlanSection::ALL
            .into_iter()
            .find(|x| !x.segment().is_empty() && x.segment() == s)
    }

    /// Whether the plan has something to show in this section (the overview always exists).
    pub fn applies(self, plan: &Plan) -> bool {
        match self {
            PlanSection::Overview => true,
            PlanSection::Targets => !plan.targets.is_empty(),
            PlanSection::Budget => plan.budget.is_some(),
            PlanSection::Tasks => !plan.tasks.is_empty(),
            PlanSection::Text => {
                !plan.body_markdown.trim().is_empty() || !plan.legal_bases.is_empty()
            }
            PlanSection::Summary => {
                plan.budget.is_some() || !plan.targets.is_empty() || !plan.tasks.is_empty()
            }
        }
    }
}

/// The budget breakdowns that have their own page (when some plan has something to show there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Breakdown {
    /// By the districts of the pre-2025 three-level government.
    ByDistrict,
    ByAgency,
    BySource,
    /// By commune, ward and special zone: the local level since 1 July 2025.
    ByCommune,
    /// By province: for plans whose lines are spent across provinces.
    ByProvince,
}

impl Breakdown {
    pub const ALL: [Breakdown; 5] = [
        Breakdown::ByDistrict,
        Breakdown::ByAgency,
        Breakdown::BySource,
        Breakdown::ByCommune,
        Breakdown::ByProvince,
    ];

    pub fn segment(self) -> &'static str {
        match self {
            Breakdown::ByDistrict => "theo-huyen",
            Breakdown::ByAgency => "theo-co-quan",
            Breakdown::BySource => "theo-nguon",
            Breakdown::ByCommune => "theo-xa",
            Breakdown::ByProvince => "theo-tinh",
        }
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            Breakdown::ByDistrict => "Kinh phí theo huyện, thị xã, thành phố",
            Breakdown::ByAgency => "Kinh phí theo cơ quan chủ trì",
            Breakdown::BySource => "Kinh phí theo nguồn vốn",
            Breakdown::ByCommune => "Kinh phí theo xã, phường, đặc khu",
            Breakdown::ByProvince => "Kinh phí theo tỉnh, thành phố",
        }
    }

    /// The breakdown's page title in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vietnamese(),
            Lang::En => lang.t(match self {
                Breakdown::ByDistrict => "breakdown_by_district",
                Breakdown::ByAgency => "breakdown_by_agency",
                Breakdown::BySource => "breakdown_by_source",
                Breakdown::ByCommune => "breakdown_by_commune",
                Breakdown::ByProvince => "breakdown_by_province",
            }),
        }
    }

    /// How the budget page names the way to this breakdown, in `lang`.
    pub fn link_label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.link_text(),
            Lang::En => lang.t(match self {
                Breakdown::ByDistrict => "breakdown_link_district",
                Breakdown::ByAgency => "breakdown_link_agency",
                Breakdown::BySource => "breakdown_link_source",
                Breakdown::ByCommune => "breakdown_link_commune",
                Breakdown::ByProvince => "breakdown_link_province",
            }),
        }
    }

    /// The territory level of a breakdown by place.
    pub fn place_level(self) -> Option<crate::budget::PlaceLevel> {
        use crate::budget::PlaceLevel;
        match self {
            Breakdown::ByDistrict => Some(PlaceLevel::District),
            Breakdown::ByCommune => Some(PlaceLevel::Commune),
            Breakdown::ByProvince => Some(PlaceLevel::Province),
            Breakdown::ByAgency | Breakdown::BySource => None,
        }
    }

    /// Whether this breakdown shows a figure for plan `p`: by place when its lines are spent in
    /// such places, by agency when at least two agencies lead lines, by source for any budget.
    pub fn shows(self, site: &Site, p: &Plan) -> bool {
        let Some(b) = &p.budget else {
            return false;
        };
        match self.place_level() {
            Some(level) => level.speaks_of(site, b),
            None if self == Breakdown::ByAgency => {
                let mut agencies = b
                    .leaves()
                    .filter_map(|l| site.unit(&l.lead))
                    .filter(|u| !u.kind.is_district_level())
                    .map(|u| u.id.as_str());
                agencies
                    .next()
                    .is_some_and(|first| agencies.any(|u| u != first))
            }
            None => true,
        }
    }

    /// Whether the site has this breakdown's page: when some plan has a figure there (a site of
    /// post-2025 plans has no page by district).
    pub fn applies(self, site: &Site) -> bool {
        site.plans.iter().any(|p| self.shows(site, p))
    }

    /// How the budget page names the way to this breakdown.
    pub fn link_text(self) -> &'static str {
        match self {
            Breakdown::ByDistrict => "Theo huyện, thị xã, thành phố",
            Breakdown::ByAgency => "Theo cơ quan chủ trì",
            Breakdown::BySource => "Theo nguồn vốn (loại chi × nguồn ngân sách)",
            Breakdown::ByCommune => "Theo xã, phường, đặc khu",
            Breakdown::ByProvince => "Theo tỉnh, thành phố",
        }
    }
}

/// The A–Z lists of the search pages (`/tim-kiem/a-z/<list>/`): with JavaScript off they reach
/// every unit, plan and target page that search finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AzList {
    Units,
    Plans,
    Targets,
}

impl AzList {
    pub const ALL: [AzList; 3] = [AzList::Units, AzList::Plans, AzList::Targets];

    pub fn segment(self) -> &'static str {
        match self {
            AzList::Units => "don-vi",
            AzList::Plans => "ke-hoach",
            AzList::Targets => "chi-tieu",
        }
    }

    pub fn vietnamese(self) -> &'static str {
        self.label(Lang::Vi)
    }

    /// The list's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            AzList::Units => "az_list_units",
            AzList::Plans => "az_list_plans",
            AzList::Targets => "az_list_targets",
        })
    }

    /// How many entries the list has: units with a page, plans, targets.
    pub fn len(self, site: &Site) -> usize {
        match self {
            AzList::Units => site.units.iter().filter(|u| u.page).count(),
            AzList::Plans => site.plans.len(),
            AzList::Targets => site.plans.iter().map(|p| p.targets.len()).sum(),
        }
    }
}

/// Entries on one page of an A–Z list: a page of long target names stays well under 200 KB.
pub const AZ_PER_PAGE: usize = 400;

/// The pages that list many things. At national scale they are split into numbered pages
/// (`/ke-hoach/trang-2.html`), and some switch from listing every entry to a summary by plan —
/// so that every page stays light (200 KB) whatever the size of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    Plans,
    Targets,
    Budget,
    Breakdown(Breakdown),
    Progress,
    Units,
    Reports,
    Sources,
    Az(AzList),
}

/// Up to this many targets, `/chi-tieu/` lists every target; beyond, it summarises by plan.
pub const TARGETS_IN_FULL: usize = 80;
/// Up to this many tasks, `/tien-do/` shows every plan's timeline and tasks; beyond, it
/// summarises by plan (each plan's tasks page has its statuses).
pub const TASKS_IN_FULL: usize = 300;
/// Up to this many plans with a budget, `/kinh-phi/` charts them all; beyond, it charts the
/// largest and lists the others.
pub const BUDGETS_IN_FULL: usize = 30;
/// How many plans one page of a budget breakdown shows: four, so that a page of the largest
/// plans' figures, each with its table, download and chart links and "Báo sai sót" links, stays
/// within the 200 KB page weight (five went over at 6 provinces × 40 communes).
pub const BREAKDOWN_PLANS_PER_PAGE: usize = 4;

impl List {
    pub const ALL: [List; 15] = [
        List::Plans,
        List::Targets,
        List::Budget,
        List::Breakdown(Breakdown::ByDistrict),
        List::Breakdown(Breakdown::ByAgency),
        List::Breakdown(Breakdown::BySource),
        List::Breakdown(Breakdown::ByCommune),
        List::Breakdown(Breakdown::ByProvince),
        List::Progress,
        List::Units,
        List::Reports,
        List::Sources,
        List::Az(AzList::Units),
        List::Az(AzList::Plans),
        List::Az(AzList::Targets),
    ];

    /// The first page of the list.
    pub fn route(self) -> Route {
        match self {
            List::Plans => Route::Plans,
            List::Targets => Route::Targets,
            List::Budget => Route::Budget,
            List::Breakdown(b) => Route::BudgetBreakdown(b),
            List::Progress => Route::Progress,
            List::Units => Route::Units,
            List::Reports => Route::Reports,
            List::Sources => Route::Sources,
            List::Az(a) => Route::Az(a),
        }
    }

    fn of(route: &Route) -> Option<List> {
        List::ALL.into_iter().find(|l| l.route() == *route)
    }

    /// Whether the list shows every entry in full (small sites) rather than a summary by plan.
    pub fn in_full(self, site: &Site) -> bool {
        match self {
            List::Targets => {
                site.plans.iter().map(|p| p.targets.len()).sum::<usize>() <= TARGETS_IN_FULL
            }
            List::Progress => {
                site.plans.iter().map(|p| p.tasks.len()).sum::<usize>() <= TASKS_IN_FULL
            }
            List::Budget => {
                site.plans.iter().filter(|p| p.budget.is_some()).count() <= BUDGETS_IN_FULL
            }
            _ => true,
        }
    }

    /// How many entries one page holds, and how many entries the list has.
    fn size(self, site: &Site) -> (usize, usize) {
        let plans_with = |f: fn(&Plan) -> bool| site.plans.iter().filter(|p| f(p)).count();
        match self {
            List::Plans => (200, site.plans.len()),
            List::Targets if self.in_full(site) => (usize::MAX, 1),
            List::Targets => (100, plans_with(|p| !p.targets.is_empty())),
            List::Budget if self.in_full(site) => (usize::MAX, 1),
            List::Budget => (100, plans_with(|p| p.budget.is_some())),
            List::Breakdown(b) => (
                BREAKDOWN_PLANS_PER_PAGE,
                site.plans.iter().filter(|p| b.shows(site, p)).count(),
            ),
            List::Progress if self.in_full(site) => (usize::MAX, 1),
            List::Progress => (100, plans_with(|p| !p.tasks.is_empty())),
            List::Units => (800, site.units.len()),
            List::Reports => (100, site.reports.len()),
            List::Sources => (100, site.documents.len()),
            List::Az(a) => (AZ_PER_PAGE, a.len(site)),
        }
    }

    /// How many pages the list has (at least one).
    pub fn pages(self, site: &Site) -> usize {
        let (per, n) = self.size(site);
        n.div_ceil(per).max(1)
    }

    /// The range of entries page `n` (1-based) shows.
    pub fn slice(self, site: &Site, n: usize) -> std::ops::Range<usize> {
        let (per, len) = self.size(site);
        let start = per.saturating_mul(n.saturating_sub(1)).min(len);
        start..start.saturating_add(per).min(len)
    }

    /// Page `n` of the list.
    pub fn page(self, n: usize) -> Route {
        if n <= 1 {
            self.route()
        } else {
            Route::ListPage(self, n)
        }
    }
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    Home,
    Plans,
    Plan(String, PlanSection),
    Targets,
    Target(String),
    Budget,
    BudgetBreakdown(Breakdown),
    Progress,
    Units,
    Unit(String),
    /// The place finder: where to find your commune, now and before 1 July 2025.
    Places,
    /// The place finder of one province, when the site has several.
    PlacesIn(String),
    Reports,
    Report(String),
    /// The Atom feed of progress reports and what changed in each (when the site has reports).
    Feed,
    Sources,
    Source(String),
    SourcePart(String, usize),
    OpenData,
    Dataset(String),
    /// The change log: what changed at each update (new plans, reports, corrected figures).
    Updates,
    /// Page `n` (2 and more) of a list; page 1 is the list's own route.
    ListPage(List, usize),
    /// The search page: a box that searches as you type (one small script), and the A–Z lists.
    Search,
    /// An A–Z list of units, plans or targets, for readers without JavaScript.
    Az(AzList),
    /// A chart's own page: the chart, its table, source, downloads, citation and embed code
    /// (ids from [`crate::charts::catalog`]).
    Chart(String),
    /// A chart alone, to be shown in an `<iframe>` on another site.
    ChartEmbed(String),
    /// The English mirror of a page, under `en/` (see [`Route::mirrored`]).
    En(Box<Route>),
}

/// Where the English mirror lives.
pub const ENGLISH_DIR: &str = "en/";

impl Route {
    /// The page's path from the site root, as a directory (`ke-hoach/x/`; `""` for the home page).
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Plans => "ke-hoach/".into(),
            Route::Plan(id, PlanSection::Overview) => format!("ke-hoach/{id}/"),
            Route::Plan(id, s) => format!("ke-hoach/{id}/{}/", s.segment()),
            Route::Targets => "chi-tieu/".into(),
            Route::Target(id) => format!("chi-tieu/{id}/"),
            Route::Budget => "kinh-phi/".into(),
            Route::BudgetBreakdown(b) => format!("kinh-phi/{}/", b.segment()),
            Route::Progress => "tien-do/".into(),
            Route::Units => "don-vi/".into(),
            Route::Unit(id) => format!("don-vi/{id}/"),
            Route::Places => "dia-ban/".into(),
            Route::PlacesIn(id) => format!("dia-ban/{id}/"),
            Route::Reports => "bao-cao/".into(),
            Route::Report(id) => format!("bao-cao/{id}/"),
            Route::Feed => FEED_PATH.into(),
            Route::Sources => "nguon/".into(),
            Route::Source(id) => format!("nguon/{id}/"),
            Route::SourcePart(id, n) => format!("nguon/{id}/{n}/"),
            Route::OpenData => "du-lieu-mo/".into(),
            Route::Dataset(name) => format!("du-lieu-mo/{name}/"),
            Route::Updates => "cap-nhat/".into(),
            Route::ListPage(list, n) => format!("{}trang-{n}.html", list.route().path()),
            Route::Search => "tim-kiem/".into(),
            Route::Az(a) => format!("tim-kiem/a-z/{}/", a.segment()),
            Route::Chart(id) => format!("bieu-do/{id}/"),
            Route::ChartEmbed(id) => format!("bieu-do/{id}/nhung/"),
            Route::En(r) => format!("{ENGLISH_DIR}{}", r.path()),
        }
    }

    /// The language of the page.
    pub fn lang(&self) -> Lang {
        match self {
            Route::En(_) => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// The page in its default language (the route itself for a Vietnamese page).
    pub fn base(&self) -> &Route {
        match self {
            Route::En(r) => r,
            r => r,
        }
    }

    /// The same page in `lang`: `None` if the page has no such language.
    pub fn in_lang(&self, lang: Lang) -> Option<Route> {
        let base = self.base();
        match lang {
            Lang::Vi => Some(base.clone()),
            Lang::En => base.mirrored().then(|| Route::En(Box::new(base.clone()))),
        }
    }

    /// Whether the page has an English mirror under `en/`: every page the string table
    /// covers, the Atom feed included (its interface words in English, the reports' own words
    /// as written).
    pub fn mirrored(&self) -> bool {
        match self {
            Route::En(_) => false,
            Route::ListPage(list, _) => list.route().mirrored(),
            _ => true,
        }
    }

    /// The file the page is written to.
    pub fn file(&self) -> String {
        let path = self.path();
        if path.ends_with(".html") || path.ends_with(".xml") {
            path
        } else {
            format!("{path}index.html")
        }
    }

    /// How many directories below the root the page lies.
    pub fn depth(&self) -> usize {
        self.path().matches('/').count()
    }

    /// The relative prefix from the page back to the site root (`./`, `../../`).
    pub fn root(&self) -> String {
        match self.depth() {
            0 => "./".into(),
            d => "../".repeat(d),
        }
    }

    /// The link from this page to `to`, relative, so that the site works under any base path
    /// and from disk.
    pub fn link_to(&self, to: &Route) -> String {
        format!("{}{}", self.root(), to.path())
    }

    /// Reads a site path (`ke-hoach/x/`, `ke-hoach/x/index.html`, `""`), without a leading `/` or
    /// a `#fragment`. Only the exact spellings [`Route::path`] and [`Route::file`] write are
    /// routes: `ke-hoach/xindex.html`, `ke-hoach/x` (no final `/`), `nguon/d/01/` are not.
    pub fn parse(path: &str) -> Option<Route> {
        if let Some(rest) = path.strip_prefix(ENGLISH_DIR) {
            return Route::parse(rest)
                .filter(Route::mirrored)
                .map(|r| Route::En(Box::new(r)));
        }
        if path == FEED_PATH {
            return Some(Route::Feed);
        }
        let (dir, file) = match path.rsplit_once('/') {
            Some((d, f)) => (&path[..d.len() + 1], f),
            None => ("", path),
        };
        if let Some(n) = file
            .strip_prefix("trang-")
            .and_then(|f| f.strip_suffix(".html"))
        {
            let canonical = !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit());
            let n: usize = n.parse().ok().filter(|n| canonical && *n >= 2)?;
            return Some(Route::ListPage(List::of(&Route::parse(dir)?)?, n));
        }
        let dir = match path.strip_suffix("index.html") {
            Some(d) => d,
            None => path,
        };
        if !(dir.is_empty() || dir.ends_with('/')) {
            return None;
        }
        let segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
        if segments.len() != dir.matches('/').count() {
            return None; // `a//b/`
        }
        let id = |s: &str| is_valid_id(s).then(|| s.to_string());
        Some(match segments.as_slice() {
            [] => Route::Home,
            ["ke-hoach"] => Route::Plans,
            ["ke-hoach", p] => Route::Plan(id(p)?, PlanSection::Overview),
            ["ke-hoach", p, s] => Route::Plan(id(p)?, PlanSection::from_segment(s)?),
            ["chi-tieu"] => Route::Targets,
            ["chi-tieu", t] => Route::Target(id(t)?),
            ["kinh-phi"] => Route::Budget,
            ["kinh-phi", b] => {
                Route::BudgetBreakdown(*Breakdown::ALL.iter().find(|x| x.segment() == *b)?)
            }
            ["tien-do"] => Route::Progress,
            ["don-vi"] => Route::Units,
            ["don-vi", u] => Route::Unit(id(u)?),
            ["dia-ban"] => Route::Places,
            ["dia-ban", p] => Route::PlacesIn(id(p)?),
            ["bao-cao"] => Route::Reports,
            ["bao-cao", r] => Route::Report(id(r)?),
            ["nguon"] => Route::Sources,
            ["nguon", d] => Route::Source(id(d)?),
            ["nguon", d, n] => {
                let canonical = !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit());
                Route::SourcePart(id(d)?, n.parse().ok().filter(|_| canonical)?)
            }
            ["du-lieu-mo"] => Route::OpenData,
            ["du-lieu-mo", name] => Route::Dataset(id(name)?),
            ["tim-kiem"] => Route::Search,
            ["tim-kiem", "a-z", a] => Route::Az(*AzList::ALL.iter().find(|x| x.segment() == *a)?),
            ["bieu-do", c] => Route::Chart(chart_id(c)?),
            ["bieu-do", c, "nhung"] => Route::ChartEmbed(chart_id(c)?),
            ["cap-nhat"] => Route::Updates,
            _ => return None,
        })
    }

    /// Every page the site has, in a stable order.
    pub fn all(site: &Site) -> Vec<Route> {
        let mut out = vec![
            Route::Home,
            Route::Plans,
            Route::Targets,
            Route::Budget,
            Route::Progress,
            Route::Units,
            Route::Reports,
            Route::Sources,
            Route::OpenData,
            Route::Search,
            Route::Updates,
        ];
        out.extend(AzList::ALL.map(Route::Az));
        out.extend(
            Breakdown::ALL
                .into_iter()
                .filter(|b| b.applies(site))
                .map(Route::BudgetBreakdown),
        );
        for p in &site.plans {
            out.extend(
                PlanSection::ALL
                    .into_iter()
                    .filter(|s| s.applies(p))
                    .map(|s| Route::Plan(p.id.clone(), s)),
            );
            out.extend(p.targets.iter().map(|t| Route::Target(t.id.clone())));
        }
        out.extend(
            site.units
                .iter()
                .filter(|u| u.page)
                .map(|u| Route::Unit(u.id.clone())),
        );
        let provinces = crate::places::provinces(site);
        if !provinces.is_empty() {
            out.push(Route::Places);
        }
        if provinces.len() > 1 {
            out.extend(provinces.iter().map(|p| Route::PlacesIn(p.id.clone())));
        }
        out.extend(site.reports.iter().map(|r| Route::Report(r.id.clone())));
        if !site.reports.is_empty() {
            out.push(Route::Feed);
        }
        for d in &site.documents {
            out.push(Route::Source(d.id.clone()));
            out.extend(
                (1..=source_parts(d.line_count())).map(|n| Route::SourcePart(d.id.clone(), n)),
            );
        }
        out.extend(DATASETS.iter().map(|n| Route::Dataset(n.to_string())));
        for c in crate::charts::catalog::Catalog::of(site).entries() {
            out.push(Route::Chart(c.id.clone()));
            out.push(Route::ChartEmbed(c.id.clone()));
        }
        for list in List::ALL {
            if let List::Breakdown(b) = list
                && !b.applies(site)
            {
                continue;
            }
            out.extend((2..=list.pages(site)).map(|n| Route::ListPage(list, n)));
        }
        // The English mirror, page for page.
        let english: Vec<Route> = out
            .iter()
            .filter(|r| r.mirrored())
            .map(|r| Route::En(Box::new(r.clone())))
            .collect();
        out.extend(english);
        out
    }

    /// The link-preview image (Open Graph, 1200×630 PNG) of the page, from the site root. Plans,
    /// a plan's budget, targets, units and the budget pages have their own; every other page
    /// shows the site's (`anh/trang-chu.png`); the feed has none. English pages have English
    /// cards under `en/` (`en/anh/ke-hoach/<id>.png`).
    pub fn preview_image(&self) -> Option<String> {
        Some(match self {
            Route::Feed => return None,
            Route::Plan(id, PlanSection::Budget) => {
                format!("{PREVIEW_DIR}/ke-hoach/{id}/kinh-phi.png")
            }
            Route::Plan(id, _) => format!("{PREVIEW_DIR}/ke-hoach/{id}.png"),
            Route::Target(id) => format!("{PREVIEW_DIR}/chi-tieu/{id}.png"),
            Route::Unit(id) => format!("{PREVIEW_DIR}/don-vi/{id}.png"),
            Route::Budget => format!("{PREVIEW_DIR}/kinh-phi.png"),
            Route::BudgetBreakdown(b) => format!("{PREVIEW_DIR}/kinh-phi/{}.png", b.segment()),
            Route::ListPage(list, _) => return list.route().preview_image(),
            Route::En(r) => return r.preview_image().map(|p| format!("{ENGLISH_DIR}{p}")),
            _ => format!("{PREVIEW_DIR}/trang-chu.png"),
        })
    }

    /// The anchor of cited line `line` on its source page (`nguon/d/2/#L345`).
    pub fn source_line(document: &str, line: usize) -> (Route, String) {
        (
            Route::SourcePart(document.to_string(), source_part(line)),
            format!("L{line}"),
        )
    }
}

/// A chart id as a path segment: a slug like a content id, but longer (a plan id and what the
/// chart shows, `kh-223-ubnd-2024-theo-huyen`).
fn chart_id(s: &str) -> Option<String> {
    let ok = !s.is_empty()
        && s.len() <= 200
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    ok.then(|| s.to_string())
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/{}", self.path())
    }
}

/// The routes of a site as a set, to answer "does this page exist?" in constant time.
pub struct RouteSet {
    routes: HashSet<Route>,
}

impl RouteSet {
    pub fn of(site: &Site) -> RouteSet {
        RouteSet {
            routes: Route::all(site).into_iter().collect(),
        }
    }

    pub fn contains(&self, r: &Route) -> bool {
        self.routes.contains(r)
    }

    /// Whether a site path with an optional fragment leads somewhere: the page exists and, on a
    /// source page, a `#L<n>` fragment names a line of that part.
    pub fn accepts(&self, site: &Site, path: &str, fragment: Option<&str>) -> bool {
        let Some(route) = Route::parse(path) else {
            return false;
        };
        if !self.contains(&route) {
            return false;
        }
        match (&route, fragment) {
            (Route::SourcePart(doc, n), Some(f)) if f.starts_with('L') => {
                let lines = site.document(doc).map(|d| d.line_count()).unwrap_or(0);
                f[1..]
                    .parse::<usize>()
                    .is_ok_and(|line| line >= 1 && line <= lines && source_part(line) == *n)
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Route> {
        let mut v = vec![
            Route::Home,
            Route::Plans,
            Route::Targets,
            Route::Target("kh-1-ct-1".into()),
            Route::Budget,
            Route::Progress,
            Route::Units,
            Route::Unit("so-noi-vu".into()),
            Route::Places,
            Route::PlacesIn("tinh-quang-ngai".into()),
            Route::Reports,
            Route::Report("bc-1".into()),
            Route::Feed,
            Route::Sources,
            Route::Source("kh-1".into()),
            Route::SourcePart("kh-1".into(), 12),
            Route::OpenData,
            Route::Dataset("budget-lines".into()),
            Route::Search,
            Route::Chart("kh-1-theo-huyen".into()),
            Route::ChartEmbed("kh-1-theo-huyen".into()),
            Route::Chart("theo-ke-hoach".into()),
            Route::Updates,
        ];
        v.extend(AzList::ALL.map(Route::Az));
        v.extend(PlanSection::ALL.map(|s| Route::Plan("kh-1".into(), s)));
        v.extend(Breakdown::ALL.map(Route::BudgetBreakdown));
        v.extend(List::ALL.map(|l| Route::ListPage(l, 2)));
        v.push(Route::ListPage(List::Sources, 17));
        v.push(Route::Unit("ban-bien-tap-trang-tin".into()));
        v.push(Route::Plan("trang-2".into(), PlanSection::Budget));
        let english: Vec<Route> = v
            .iter()
            .filter(|r| r.mirrored())
            .map(|r| Route::En(Box::new(r.clone())))
            .collect();
        v.extend(english);
        v
    }

    #[test]
    fn every_page_has_an_english_twin_under_en_the_feed_too() {
        let plan = Route::Plan("kh-1".into(), PlanSection::Budget);
        let en = plan.in_lang(Lang::En).unwrap();
        assert_eq!(en.path(), "en/ke-hoach/kh-1/kinh-phi/");
        assert_eq!(en.lang(), Lang::En);
        assert_eq!(en.in_lang(Lang::Vi), Some(plan.clone()));
        assert_eq!(en.root(), "../../../../");
        assert_eq!(Route::En(Box::new(Route::Home)).path(), "en/");
        assert_eq!(
            Route::Feed.in_lang(Lang::En).map(|r| r.path()),
            Some("en/bao-cao/feed.xml".to_string())
        );
        assert_eq!(
            Route::En(Box::new(Route::Home)).link_to(&Route::Home),
            "../"
        );
    }

    #[test]
    fn every_route_parses_back_from_its_path_and_its_file() {
        for r in samples() {
            assert_eq!(Route::parse(&r.path()), Some(r.clone()), "{r}");
            assert_eq!(Route::parse(&r.file()), Some(r.clone()), "{r}");
        }
    }

    #[test]
    fn near_misses_are_not_routes() {
        for bad in [
            "ke-hoach/kh-1index.html",
            "chi-tieuindex.html",
            "ke-hoach/kh-1",
            "ke-hoach//kh-1/",
            "nguon/kh-1/01/",
            "nguon/kh-1/0/",
            "nguon/kh-1/x/",
            "ke-hoach/kh-1/khac/",
            "ke-hoach/KH-1/",
            "kinh-phi/theo-vung/",
            "ke-hoach/trang-1.html",
            "ke-hoach/trang-02.html",
            "ke-hoach/kh-1/trang-2.html",
            "trang-2.html",
            "ke-hoach/trang-x.html",
            "../etc/",
            "style.css",
            "bao-cao/feed.xml/",
            "bao-cao/feed.xmlindex.html",
            "feed.xml",
            "bao-cao/x/feed.xml",
            "en/bao-cao/feed.xml/",
            "en/en/",
            "en",
            "en/ke-hoach/kh-1",
            "vi/ke-hoach/",
            "tim-kiem/a-z/",
            "tim-kiem/a-z/khac/",
            "tim-kiem/chi-muc/",
            "bieu-do/",
            "bieu-do/Kh-1/",
            "bieu-do/kh-1/khac/",
            "bieu-do/kh-1.svg",
            "bieu-do/-kh-1/",
        ] {
            assert_eq!(Route::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn preview_images_are_named_by_the_route_without_diacritics_and_never_collide() {
        let mut seen = std::collections::HashMap::new();
        for r in samples() {
            let Some(img) = r.preview_image() else {
                assert_eq!(r.base(), &Route::Feed);
                continue;
            };
            assert!(img.is_ascii() && img.ends_with(".png"), "{img}");
            let english = r.lang() == Lang::En;
            assert!(
                img.starts_with(if english { "en/anh/" } else { "anh/" }),
                "{img}"
            );
            seen.entry(img).or_insert_with(Vec::new).push(r);
        }
        assert_eq!(
            Route::Plan("kh-1".into(), PlanSection::Budget).preview_image(),
            Some("anh/ke-hoach/kh-1/kinh-phi.png".into())
        );
        assert_eq!(
            Route::Plan("kh-1".into(), PlanSection::Tasks).preview_image(),
            Route::Plan("kh-1".into(), PlanSection::Overview).preview_image()
        );
        assert_eq!(
            Route::ListPage(List::Budget, 3).preview_image(),
            Route::Budget.preview_image()
        );
        assert_eq!(
            Route::En(Box::new(Route::Unit("so-noi-vu".into()))).preview_image(),
            Some("en/anh/don-vi/so-noi-vu.png".into())
        );
        assert_eq!(
            chart_png_path(Lang::Vi, "theo-ke-hoach"),
            "bieu-do/theo-ke-hoach.png"
        );
        assert_eq!(
            chart_svg_path(Lang::En, "theo-ke-hoach"),
            "en/bieu-do/theo-ke-hoach.svg"
        );
    }

    #[test]
    fn links_between_pages_are_relative_to_the_page() {
        let from = Route::Plan("kh-1".into(), PlanSection::Budget);
        assert_eq!(from.root(), "../../../");
        assert_eq!(from.link_to(&Route::Unit("x".into())), "../../../don-vi/x/");
        assert_eq!(Route::Home.root(), "./");
    }
}
