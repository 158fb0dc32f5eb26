//! The resolved content model: every reference checked, every id global, every amount an exact
//! decimal. Renderers and the data package read only these types.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::dates::{PartialDate, Timeframe};

/// Defines an enumeration with its one table of values: the code content and data files write
/// (`parse`, `as_str`, `NAMES`) and the Vietnamese label pages show, so parsing, pages and data
/// files can never disagree.
#[macro_export]
macro_rules! vocabulary {
    ($(#[$m:meta])* $vis:vis enum $name:ident {
        $($(#[$vm:meta])* $variant:ident = ($code:literal, $vi:literal)),+ $(,)?
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            /// Every value, in table order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The codes, in table order (what content and data files write).
            pub const NAMES: &'static [&'static str] = &[$($code),+];

            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn vietnamese(&self) -> &'static str {
                match self {
                    $($name::$variant => $vi),+
                }
            }

            /// The label pages show in `lang` (English from the string table, `Type.code`).
            pub fn label(&self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::Vi => self.vietnamese(),
                    $crate::i18n::Lang::En => match self {
                        $($name::$variant => lang.t(concat!(stringify!($name), ".", $code))),+
                    },
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

/// A line of a source document: where a number or a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub document: String,
    pub line: usize,
}

vocabulary! {
    /// What a site publishes plans of.
    pub enum Scope {
        Country = ("country", "cả nước"),
        Province = ("province", "tỉnh"),
        Commune = ("commune", "xã"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// The title in English ("" when the content gives none).
    pub title_en: String,
    /// The description in English ("" when the content gives none).
    pub description_en: String,
    pub base_url: String,
    pub language: String,
    pub publisher: Option<String>,
    pub province: Option<String>,
    /// What the site covers: the country, a province or a commune; pages word themselves after it.
    pub scope: Scope,
    pub licence: String,
    pub licence_url: String,
    /// Where "Báo sai sót" links write to; `None`: the site shows no such links.
    pub feedback_email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub order: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: String,
    pub file: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub issuer: Option<String>,
    pub origin: String,
    pub licence: String,
    /// Where the official copy lives, when known.
    pub official_url: Option<String>,
    /// SHA-256 (hex) of the official file, when known.
    pub sha256: Option<String>,
    /// The first line of each page of the official file, when known (ascending).
    pub page_starts: Vec<usize>,
    /// The verbatim text with its line index, shared with the loader (never copied line by
    /// line: at national scale the documents are most of the content). `None` when the file is
    /// missing or empty (both reported).
    #[serde(skip)]
    pub text: Option<std::sync::Arc<crate::source::SourceFile>>,
    /// Where the text was read from, as shown in diagnostics.
    #[serde(skip)]
    pub path: String,
}

impl Document {
    /// The page of the official file that line `n` is on, when the content says where pages
    /// start.
    pub fn page_of(&self, n: usize) -> Option<usize> {
        if self.page_starts.is_empty() {
            return None;
        }
        Some(self.page_starts.partition_point(|&start| start <= n).max(1))
    }

    /// How many lines the document has.
    pub fn line_count(&self) -> usize {
        self.text.as_ref().map(|t| t.line_count()).unwrap_or(0)
    }

    /// Line `n` (1-based), without its line ending.
    pub fn line(&self, n: usize) -> Option<&str> {
        self.text.as_ref()?.line(n)
    }

    /// The location of a cited line, for diagnostics that concern the document itself.
    pub fn location(&self, line: usize) -> Option<crate::source::Location> {
        let text = self.line(line)?;
        Some(crate::source::Location {
            file: self.path.clone(),
            line,
            column: 1,
            line_text: text.to_string(),
            width: text.chars().count().max(1),
        })
    }
}

vocabulary! {
    pub enum UnitKind {
        Province = ("province", "Tỉnh"),
        City = ("city", "Thành phố (cấp huyện)"),
        Town = ("town", "Thị xã"),
        District = ("district", "Huyện"),
        Commune = ("commune", "Xã"),
        Ward = ("ward", "Phường"),
        Township = ("township", "Thị trấn"),
        SpecialZone = ("special-zone", "Đặc khu"),
        PeopleCommittee = ("people-committee", "Ủy ban nhân dân"),
        Government = ("government", "Chính phủ, Thủ tướng Chính phủ"),
        Ministry = ("ministry", "Bộ, cơ quan ngang bộ"),
        Department = ("department", "Sở, ban, ngành"),
        Agency = ("agency", "Cơ quan nhà nước"),
        Office = ("office", "Phòng, ban, bộ phận"),
        PartyBody = ("party-body", "Cơ quan Đảng"),
        Association = ("association", "Hội, đoàn thể"),
        School = ("school", "Trường học"),
        Collective = ("collective", "Nhóm cơ quan (cách gọi chung)"),
    }
}

impl UnitKind {
    /// Commune-level territories: xã, phường, đặc khu (the lower of the two levels since 2025).
    pub fn is_commune_level(&self) -> bool {
        matches!(
            self,
            UnitKind::Commune | UnitKind::Ward | UnitKind::Township | UnitKind::SpecialZone
        )
    }

    /// District-level territories of the pre-2025 three-level local government.
    pub fn is_district_level(&self) -> bool {
        matches!(self, UnitKind::City | UnitKind::Town | UnitKind::District)
    }

    pub fn is_territory(&self) -> bool {
        matches!(
            self,
            UnitKind::Province
                | UnitKind::City
                | UnitKind::Town
                | UnitKind::District
                | UnitKind::Commune
                | UnitKind::Ward
                | UnitKind::Township
                | UnitKind::SpecialZone
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    pub parent: Option<String>,
    pub code: String,
    pub valid_from: Option<PartialDate>,
    pub valid_to: Option<PartialDate>,
    pub successors: Vec<String>,
    /// The district a commune that kept its territory lay in before 1 July 2025.
    pub former_parent: Option<String>,
    /// Units whose `successors` name this one.
    pub predecessors: Vec<String>,
    pub children: Vec<String>,
    pub note: String,
    pub source: Option<SourceRef>,
    /// Whether the unit has a page of its own.
    pub page: bool,
}

impl Unit {
    /// The name to show in tables: the short name documents use, else the official name.
    pub fn label(&self) -> &str {
        if self.short_name.is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }
}

vocabulary! {
    pub enum PlanStatus {
        Published = ("published", "Có văn bản gốc"),
        Cited = ("cited", "Chỉ được trích dẫn"),
    }
}

vocabulary! {
    pub enum PlanLevel {
        Central = ("central", "Trung ương"),
        Province = ("province", "Cấp tỉnh"),
        Department = ("department", "Cấp sở, ngành"),
        District = ("district", "Cấp huyện"),
        Commune = ("commune", "Cấp xã"),
        Party = ("party", "Cơ quan Đảng"),
    }
}

vocabulary! {
    /// The kind of document a plan is: most are kế hoạch, but national programmes are resolutions
    /// (nghị quyết), action programmes (chương trình hành động) or decisions (quyết định).
    pub enum PlanKind {
        Plan = ("plan", "Kế hoạch"),
        Resolution = ("resolution", "Nghị quyết"),
        Programme = ("programme", "Chương trình hành động"),
        Decision = ("decision", "Quyết định"),
        Directive = ("directive", "Chỉ thị"),
        Letter = ("letter", "Công văn"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub id: String,
    pub kind: PlanKind,
    pub number: Option<String>,
    pub title: String,
    pub issuer: String,
    pub level: PlanLevel,
    pub issued: Option<PartialDate>,
    pub period: String,
    pub signer: String,
    pub signer_title: String,
    pub document: Option<String>,
    pub implements: Vec<String>,
    pub replaces: Vec<String>,
    pub implemented_by: Vec<String>,
    pub replaced_by: Vec<String>,
    pub legal_bases: Vec<String>,
    pub status: PlanStatus,
    pub cited_in: Option<SourceRef>,
    pub summary: String,
    pub body_markdown: String,
    pub targets: Vec<Target>,
    pub budget: Option<Budget>,
    pub tasks: Vec<Task>,
}

impl Plan {
    /// The document whose line numbers this plan's entries cite.
    pub fn source_document(&self) -> Option<&str> {
        self.document
            .as_deref()
            .or(self.cited_in.as_ref().map(|c| c.document.as_str()))
    }

    /// A name that tells the plan apart from others with the same title: its number, else its
    /// title and who issued it.
    pub fn distinct_name(&self, site: &Site) -> String {
        match &self.number {
            Some(_) => format!("{} — {}", self.label(), self.title),
            None => match site.unit(&self.issuer) {
                Some(u) => format!("{} — {}", self.title, u.label()),
                None => self.title.clone(),
            },
        }
    }

    /// How the plan is named in running text: its kind and number, else its title.
    pub fn label(&self) -> String {
        self.label_in(crate::i18n::Lang::Vi)
    }

    /// The plan's label with its kind in `lang` ("Plan 223/KH-UBND"); the title (content, in
    /// Vietnamese) when it has no number.
    pub fn label_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.number {
            Some(n) => format!("{} {n}", self.kind.label(lang)),
            None => self.title.clone(),
        }
    }

    /// The last year of the plan's period ("2025", "2021–2025", "2025-2030"), if it names one.
    pub fn period_end(&self) -> Option<i32> {
        self.period
            .split(|c: char| !c.is_ascii_digit())
            .filter(|y| y.len() == 4)
            .filter_map(|y| y.parse::<i32>().ok())
            .filter(|y| crate::dates::YEARS.contains(y))
            .max()
    }
}

vocabulary! {
    /// What a target measures. Numeric kinds carry a unit of measure as printed (`unit`); two
    /// targets are drawn on one axis only when their kind and unit are the same.
    pub enum Measure {
        Percent = ("percent", "Tỷ lệ (%)"),
        Count = ("count", "Số lượng"),
        Money = ("money", "Số tiền"),
        Rate = ("rate", "Tỷ suất, tốc độ, mật độ"),
        Rank = ("rank", "Thứ hạng"),
        Index = ("index", "Chỉ số"),
        Milestone = ("milestone", "Mốc hoàn thành"),
        Text = ("text", "Cam kết bằng lời"),
    }
}

impl Measure {
    /// Reads a measure as content writes it; `yes-no` is another name of a milestone.
    pub fn read(s: &str) -> Option<Measure> {
        match s {
            "yes-no" => Some(Measure::Milestone),
            _ => Measure::parse(s),
        }
    }

    /// Whether the target's goals are numbers (and can be drawn).
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Measure::Milestone | Measure::Text)
    }

    /// The unit of measure when the content gives none.
    pub fn default_unit(&self) -> &'static str {
        match self {
            Measure::Percent => "%",
            Measure::Money => "triệu đồng",
            _ => "",
        }
    }
}

vocabulary! {
    pub enum GovLevel {
        All = ("all", "Chung"),
        Province = ("province", "Cấp tỉnh"),
        District = ("district", "Cấp huyện"),
        Commune = ("commune", "Cấp xã"),
    }
}

vocabulary! {
    /// How a value compares with a goal. The codes are ASCII (`>=`); documents and content may
    /// also write `≥` and `≤` ([`Comparator::read`]).
    pub enum Comparator {
        AtLeast = (">=", "ít nhất"),
        MoreThan = (">", "trên"),
        Exactly = ("=", "đúng"),
        AtMost = ("<=", "tối đa"),
        LessThan = ("<", "dưới"),
    }
}

impl Comparator {
    /// Reads a comparator as content writes it: the ASCII code or the mathematical sign.
    pub fn read(s: &str) -> Option<Comparator> {
        match s {
            "≥" => Some(Comparator::AtLeast),
            "≤" => Some(Comparator::AtMost),
            _ => Comparator::parse(s),
        }
    }

    /// Whether `value` stands in this relation to `goal` (`95 >= 90`).
    pub fn holds(&self, value: Decimal, goal: Decimal) -> bool {
        match self {
            Comparator::AtLeast => value >= goal,
            Comparator::MoreThan => value > goal,
            Comparator::Exactly => value == goal,
            Comparator::AtMost => value <= goal,
            Comparator::LessThan => value < goal,
        }
    }

    /// The sign pages show.
    pub fn symbol(&self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::AtMost => "≤",
            other => other.as_str(),
        }
    }
}

/// A goal between two values ("40 – 50", "16 – 18 %"), each end included or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub level: GovLevel,
    pub subject: String,
    pub comparator: Option<Comparator>,
    pub value: Option<Decimal>,
    /// A goal between two values, instead of `value` and `comparator`.
    pub range: Option<Range>,
    /// The year the goal is due, when it differs from the target's horizon ("đến 2045").
    pub year: Option<i32>,
}

impl Goal {
    /// Whether the goal has a number (or a range) to draw.
    pub fn is_numeric(&self) -> bool {
        self.value.is_some() || self.range.is_some()
    }

    /// Whether a stated value meets the goal, by the goal's own comparator or range: `None` when
    /// the goal gives no way to tell (a milestone, words, a number without a comparator). A
    /// target with no stated value is never met: callers pass only values a source states.
    pub fn met_by(&self, value: Decimal) -> Option<bool> {
        if let Some(r) = self.range {
            let low = if r.low_inclusive {
                value >= r.low
            } else {
                value > r.low
            };
            let high = if r.high_inclusive {
                value <= r.high
            } else {
                value < r.high
            };
            return Some(low && high);
        }
        Some(self.comparator?.holds(value, self.value?))
    }

    /// Whether a value stated for `level` and `subject` speaks of this goal.
    pub fn is_for(&self, v: &TargetValue) -> bool {
        v.level == self.level && v.subject == self.subject
    }
}

vocabulary! {
    pub enum ValueKind {
        Baseline = ("baseline", "Số liệu ban đầu"),
        Actual = ("actual", "Kết quả"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetValue {
    pub kind: ValueKind,
    pub level: GovLevel,
    pub subject: String,
    pub value: Option<Decimal>,
    pub text: String,
    pub year: Option<i64>,
    pub as_of: Option<PartialDate>,
    pub source: SourceRef,
    pub note: String,
    /// The report that states an actual value, if it came from one.
    pub report: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub id: String,
    pub plan: String,
    pub number: String,
    pub area: String,
    pub text: String,
    pub measure: Measure,
    /// The unit of measure as printed ("%", "% GDP", "Tbps", "người/vạn dân"); empty for
    /// counts of things, milestones and text commitments.
    pub unit: String,
    /// True when a smaller number is better (ranks always; others when the content says so).
    pub lower_is_better: bool,
    /// The year the target is due ("đến năm 2030"), when the content or the plan's period says.
    pub horizon: Option<i32>,
    /// The target this one is a part of (`1.a` of `1`), by id.
    pub parent: Option<String>,
    /// Its parts, by id, in content order.
    pub children: Vec<String>,
    pub lead: Vec<String>,
    pub coordinating: Vec<String>,
    pub source: SourceRef,
    pub interpretation: String,
    pub goals: Vec<Goal>,
    pub values: Vec<TargetValue>,
}

vocabulary! {
    /// Chi thường xuyên (recurrent) or chi đầu tư (investment).
    pub enum Spending {
        Recurrent = ("CTX", "Chi thường xuyên"),
        Investment = ("CĐT", "Chi đầu tư"),
    }
}

vocabulary! {
    /// Which budget or source pays, as plans abbreviate it: the central, provincial, district or
    /// commune budget, the state budget without a level, local budgets together, ODA loans,
    /// socialised (private) funds, or other sources.
    pub enum BudgetSource {
        Central = ("NSTW", "ngân sách trung ương"),
        Provincial = ("NST", "ngân sách tỉnh"),
        District = ("NSH", "ngân sách huyện"),
        Commune = ("NSX", "ngân sách xã"),
        Local = ("NSĐP", "ngân sách địa phương"),
        State = ("NSNN", "ngân sách nhà nước"),
        Oda = ("ODA", "vốn ODA, vốn vay ưu đãi"),
        Socialised = ("XHH", "nguồn xã hội hóa"),
        Other = ("KHÁC", "nguồn hợp pháp khác"),
    }
}

impl Spending {
    pub fn code(&self) -> &'static str {
        self.as_str()
    }
}

impl BudgetSource {
    pub fn code(&self) -> &'static str {
        self.as_str()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Funding {
    pub spending: Option<Spending>,
    pub budget: Option<BudgetSource>,
}

impl Funding {
    /// `"CTX, NST"`, `"CĐT, NST"`, `"NSNN"` … as documents print them.
    pub fn parse(text: &str) -> Option<Funding> {
        let mut f = Funding {
            spending: None,
            budget: None,
        };
        for token in text
            .split([',', ';', ' '])
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let token = match token.to_uppercase().as_str() {
                "CDT" => "CĐT".to_string(),
                "NSDP" => "NSĐP".to_string(),
                "KHAC" => "KHÁC".to_string(),
                t => t.to_string(),
            };
            match (Spending::parse(&token), BudgetSource::parse(&token)) {
                (Some(s), _) if f.spending.is_none() => f.spending = Some(s),
                (_, Some(b)) if f.budget.is_none() => f.budget = Some(b),
                _ => return None,
            }
        }
        (f.spending.is_some() || f.budget.is_some()).then_some(f)
    }

    pub fn code(&self) -> String {
        match (self.spending, self.budget) {
            (Some(s), Some(b)) => format!("{}, {}", s.code(), b.code()),
            (Some(s), None) => s.code().into(),
            (None, Some(b)) => b.code().into(),
            (None, None) => String::new(),
        }
    }

    pub fn vietnamese(&self) -> String {
        self.label(crate::i18n::Lang::Vi)
    }

    /// The funding in words, in `lang`.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match (self.spending, self.budget) {
            (Some(s), Some(b)) => format!("{}, {}", s.label(lang), b.label(lang)),
            (Some(s), None) => lang.fill("funding_no_source", &[("spending", &s.label(lang))]),
            (None, Some(b)) => {
                let mut t = b.label(lang).to_string();
                if let Some(first) = t.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                lang.fill("funding_no_spending", &[("source", &t)])
            }
            (None, None) => lang.t("funding_none").into(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Declared {
    pub label: String,
    pub funding: Option<Funding>,
    pub amount: Decimal,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetGroup {
    pub id: String,
    pub number: String,
    pub title: String,
    pub declared_total: Option<Decimal>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetBody {
    pub id: String,
    pub group: Option<usize>,
    pub number: String,
    pub unit: String,
    pub title: String,
    pub place: Option<String>,
    pub declared_total: Option<Decimal>,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetLine {
    pub id: String,
    pub number: Option<String>,
    pub title: String,
    /// `None`: the document leaves the amount empty (unknown, never 0).
    pub amount: Option<Decimal>,
    pub funding: Option<Funding>,
    pub period: String,
    pub lead: String,
    pub coordinating: Vec<String>,
    pub place: Option<String>,
    pub note: String,
    pub legal_basis: Vec<String>,
    pub interpretation: String,
    /// The line of another plan that records the same commitment (a department's plan repeating
    /// an item of the province's plan), by id: shown side by side, never added twice.
    pub same_as: Option<String>,
    pub source: SourceRef,
    pub group: Option<usize>,
    pub body: Option<usize>,
    /// Index (in `Budget::lines`) of the item this part splits.
    pub parent: Option<usize>,
    /// True when the line is split into parts: its money is counted through them.
    pub has_parts: bool,
}

impl BudgetLine {
    /// Leaves carry the money: an item without parts, or a part.
    pub fn is_leaf(&self) -> bool {
        !self.has_parts
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    pub place: Option<String>,
    pub declared: Vec<Declared>,
    pub groups: Vec<BudgetGroup>,
    pub bodies: Vec<BudgetBody>,
    pub lines: Vec<BudgetLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: String,
    pub plan: String,
    pub number: Option<String>,
    pub area: String,
    pub title: String,
    pub lead: Vec<String>,
    pub coordinating: Vec<String>,
    pub timeframe: Option<Timeframe>,
    pub timeframe_text: String,
    /// What the task is to produce, as printed ("Quyết định của Thủ tướng Chính phủ").
    pub output: String,
    pub source: SourceRef,
    pub interpretation: String,
}

vocabulary! {
    pub enum StatedStatus {
        Done = ("done", "Đã hoàn thành"),
        InProgress = ("in-progress", "Đang thực hiện"),
        NotStarted = ("not-started", "Chưa triển khai"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskResult {
    pub task: String,
    pub status: Option<StatedStatus>,
    pub text: String,
    pub evidence: String,
    pub source: SourceRef,
    pub interpretation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub id: String,
    pub title: String,
    pub number: Option<String>,
    pub issuer: String,
    pub as_of: PartialDate,
    pub document: String,
    pub plans: Vec<String>,
    pub summary: String,
    pub body_markdown: String,
    pub results: Vec<TaskResult>,
}

/// What a correction corrects: a target, a budget line or a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CorrectedKind {
    Target,
    BudgetLine,
    Task,
}

impl CorrectedKind {
    pub fn vietnamese(self) -> &'static str {
        match self {
            CorrectedKind::Target => "chỉ tiêu",
            CorrectedKind::BudgetLine => "mục kinh phí",
            CorrectedKind::Task => "nhiệm vụ",
        }
    }
}

/// A published figure that was corrected: when, from what to what, and the source line that
/// justifies it. Written by staff in `cap-nhat.toml`; shown on the item's page and in the
/// change log.
#[derive(Debug, Clone, Serialize)]
pub struct Correction {
    pub date: PartialDate,
    pub item: String,
    pub kind: CorrectedKind,
    /// The plan the item belongs to.
    pub plan: String,
    pub before: String,
    pub after: String,
    pub source: SourceRef,
    pub note: String,
}

/// The whole site, with id lookups.
#[derive(Debug, Default)]
pub struct Site {
    pub config: Option<SiteConfig>,
    pub areas: Vec<Area>,
    pub documents: Vec<Document>,
    pub units: Vec<Unit>,
    pub plans: Vec<Plan>,
    pub reports: Vec<Report>,
    /// Corrections of published figures (`cap-nhat.toml`), in content order.
    pub corrections: Vec<Correction>,
    pub unit_index: HashMap<String, usize>,
    pub plan_index: HashMap<String, usize>,
    pub document_index: HashMap<String, usize>,
    pub area_index: HashMap<String, usize>,
}

impl Site {
    pub fn config(&self) -> &SiteConfig {
        self.config
            .as_ref()
            .expect("site config is checked during loading")
    }
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plan_index.get(id).map(|&i| &self.plans[i])
    }
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.document_index.get(id).map(|&i| &self.documents[i])
    }
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.area_index.get(id).map(|&i| &self.areas[i])
    }
    /// The province a place lies in, or the place itself.
    pub fn province_of(&self, place: &str) -> Option<&Unit> {
        let mut current = self.unit(place)?;
        for _ in 0..16 {
            if current.kind == UnitKind::Province {
                return Some(current);
            }
            current = self.unit(current.parent.as_deref()?)?;
        }
        None
    }

    /// The district-level unit (huyện, thị xã, thành phố) a place lies in, or the place itself.
    pub fn district_of(&self, place: &str) -> Option<&Unit> {
        let mut current = self.unit(place)?;
        for _ in 0..16 {
            if current.kind.is_district_level() {
                return Some(current);
            }
            current = self.unit(current.parent.as_deref()?)?;
        }
        None
    }
}
