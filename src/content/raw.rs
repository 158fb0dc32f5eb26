//! The content files exactly as written, typed with serde. Every table is closed
//! (`deny_unknown_fields`). Values that need checking against the source text (amounts, ids that
//! must resolve, dates) keep their span so that problems point at the offending characters.
//! `docs/content-format.md` is the user-facing description of these types.

use serde::Deserialize;
use toml::Spanned;

/// A value whose exact spelling matters: amounts (read exactly from the source characters, never
/// through a float), dates and references.
pub type S<T> = Spanned<T>;

/// A number as written in TOML. Integers and floats are re-read from their source characters as
/// exact decimals; strings are refused with a hint (`"1.400"` → write `1400`). Integers too large
/// for 64 bits are kept too, so that they are refused as too large where they are written.
#[derive(Debug, Clone)]
pub enum RawNumber {
    Integer(i64),
    Wide(i128),
    Float(f64),
    Text(String),
    Other(toml::Value),
}

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawNumber, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawNumber, E> {
                Ok(RawNumber::Integer(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawNumber, E> {
                Ok(RawNumber::Wide(v.into()))
            }
            fn visit_i128<E>(self, v: i128) -> Result<RawNumber, E> {
                Ok(RawNumber::Wide(v))
            }
            fn visit_u128<E>(self, v: u128) -> Result<RawNumber, E> {
                Ok(RawNumber::Wide(i128::try_from(v).unwrap_or(i128::MAX)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawNumber, E> {
                Ok(RawNumber::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawNumber, E> {
                Ok(RawNumber::Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawNumber, E> {
                Ok(RawNumber::Other(toml::Value::Boolean(v)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<RawNumber, A::Error> {
                let v =
                    toml::Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
                Ok(RawNumber::Other(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawNumber, A::Error> {
                let v =
                    toml::Value::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawNumber::Other(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The site's title and description in English, for the `/en/` mirror and the data
    /// package's English metadata (optional: without them English pages show the Vietnamese).
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub description_en: String,
    pub base_url: S<String>,
    #[serde(default = "default_language")]
    pub language: String,
    pub publisher: Option<S<String>>,
    pub province: Option<S<String>>,
    /// country, province or commune; defaults to province when `province` is set, else country.
    pub scope: Option<S<String>>,
    #[serde(default = "default_licence")]
    pub licence: String,
    pub licence_url: Option<S<String>>,
    /// Where readers send "Báo sai sót" (report a mistake) e-mails; no links without it.
    pub feedback_email: Option<S<String>>,
}

fn default_language() -> String {
    "vi".into()
}
fn default_licence() -> String {
    "CC-BY-4.0".into()
}
/// The licence URL when `site.toml` names none.
pub const DEFAULT_LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: S<String>,
    pub name: String,
    #[serde(default)]
    pub order: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: S<String>,
    pub file: S<String>,
    pub title: String,
    pub date: Option<S<String>>,
    pub issuer: Option<S<String>>,
    #[serde(default)]
    pub origin: String,
    #[serde(default)]
    pub licence: String,
    /// Where the official copy lives (the PDF on the issuer's site, the gazette entry).
    pub official_url: Option<S<String>>,
    /// SHA-256 of that official file, in hex, when known.
    pub sha256: Option<S<String>>,
    /// The first line of each page of the official file (`[1, 48, 97]`: page 2 starts at line
    /// 48), when known: pages then say which page of the official copy a cited line is on.
    #[serde(default)]
    pub page_starts: Vec<S<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: S<String>,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: S<String>,
    pub parent: Option<S<String>>,
    #[serde(default)]
    pub code: String,
    pub valid_from: Option<S<String>>,
    pub valid_to: Option<S<String>>,
    #[serde(default)]
    pub successors: Vec<S<String>>,
    /// The district-level unit a commune lay in before the two-level reform of 1 July 2025, for
    /// a commune that kept its territory (and so has no predecessor to say it).
    pub former_parent: Option<S<String>>,
    #[serde(default)]
    pub note: String,
    pub source: Option<S<String>>,
    /// Whether the unit has a page of its own (`/don-vi/<id>/`). An office or a collective name
    /// ("các đơn vị liên quan") that thousands of plans mention needs an id, not a page.
    #[serde(default = "yes")]
    pub page: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFrontMatter {
    /// plan (default), resolution, programme, decision, directive, letter.
    pub kind: Option<S<String>>,
    pub number: Option<String>,
    pub title: S<String>,
    pub issuer: S<String>,
    pub level: S<String>,
    pub issued: Option<S<String>>,
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub signer: String,
    #[serde(default)]
    pub signer_title: String,
    pub document: Option<S<String>>,
    #[serde(default)]
    pub implements: Vec<S<String>>,
    #[serde(default)]
    pub replaces: Vec<S<String>>,
    #[serde(default)]
    pub legal_bases: Vec<String>,
    pub status: Option<S<String>>,
    pub cited_in: Option<S<String>>,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub number: S<String>,
    pub id: Option<S<String>>,
    pub area: S<String>,
    pub text: String,
    pub measure: S<String>,
    /// The unit of measure as printed ("% GDP", "Tbps").
    pub unit: Option<S<String>>,
    /// "lower" when a smaller number is better (implied for ranks), "higher" otherwise.
    pub better: Option<S<String>>,
    /// The year the target is due; defaults to the last year of the plan's period.
    pub horizon: Option<S<i64>>,
    /// The number (or id) of the target this one is a part of, in the same plan.
    pub parent: Option<S<String>>,
    #[serde(default)]
    pub lead: Vec<S<String>>,
    #[serde(default)]
    pub coordinating: Vec<S<String>>,
    pub line: S<i64>,
    #[serde(default)]
    pub interpretation: String,
    #[serde(default)]
    pub goal: Vec<Goal>,
    #[serde(default)]
    pub value: Vec<TargetValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub level: Option<S<String>>,
    #[serde(default)]
    pub subject: String,
    pub comparator: Option<S<String>>,
    pub value: Option<S<RawNumber>>,
    /// A range instead of a value: both ends, each included unless said otherwise.
    pub low: Option<S<RawNumber>>,
    pub high: Option<S<RawNumber>>,
    pub low_inclusive: Option<bool>,
    pub high_inclusive: Option<bool>,
    /// The year this goal is due, when it differs from the target's horizon.
    pub year: Option<S<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetValue {
    pub kind: S<String>,
    pub level: Option<S<String>>,
    #[serde(default)]
    pub subject: String,
    pub value: Option<S<RawNumber>>,
    #[serde(default)]
    pub text: String,
    pub year: Option<S<i64>>,
    pub as_of: Option<S<String>>,
    pub source: S<String>,
    #[serde(default)]
    pub note: String,
}

/// `budget.toml` without its nested arrays, which are read entry by entry (see `load`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetHeader {
    pub place: Option<S<String>>,
    #[serde(default)]
    pub declared: Vec<Declared>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    pub label: String,
    pub funding: Option<S<String>>,
    pub amount: S<RawNumber>,
    pub line: S<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub number: S<String>,
    pub id: Option<S<String>>,
    pub title: String,
    pub declared_total: Option<S<RawNumber>>,
    pub line: S<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub number: S<String>,
    pub id: Option<S<String>>,
    pub unit: S<String>,
    #[serde(default)]
    pub title: String,
    pub place: Option<S<String>>,
    pub declared_total: Option<S<RawNumber>>,
    pub line: S<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub number: Option<S<String>>,
    pub id: Option<S<String>>,
    pub title: String,
    pub amount: Option<S<RawNumber>>,
    pub funding: Option<S<String>>,
    #[serde(default)]
    pub period: String,
    pub lead: Option<S<String>>,
    #[serde(default)]
    pub coordinating: Vec<S<String>>,
    pub place: Option<S<String>>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    pub line: S<i64>,
    #[serde(default)]
    pub interpretation: String,
    /// The id of the line of another plan that records the same commitment.
    pub same_as: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub number: Option<S<String>>,
    pub id: Option<S<String>>,
    pub area: S<String>,
    pub title: String,
    #[serde(default)]
    pub lead: Vec<S<String>>,
    #[serde(default)]
    pub coordinating: Vec<S<String>>,
    pub timeframe: Option<S<String>>,
    #[serde(default)]
    pub timeframe_text: String,
    /// What the task is to produce, as printed.
    #[serde(default)]
    pub output: String,
    pub line: S<i64>,
    #[serde(default)]
    pub interpretation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFrontMatter {
    pub title: S<String>,
    pub number: Option<String>,
    pub issuer: S<String>,
    pub as_of: S<String>,
    pub document: S<String>,
    #[serde(default)]
    pub plans: Vec<S<String>>,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskResult {
    pub task: S<String>,
    pub status: Option<S<String>>,
    pub text: String,
    #[serde(default)]
    pub evidence: String,
    pub line: S<i64>,
    #[serde(default)]
    pub interpretation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub target: S<String>,
    pub level: Option<S<String>>,
    #[serde(default)]
    pub subject: String,
    pub value: Option<S<RawNumber>>,
    #[serde(default)]
    pub text: String,
    pub line: S<i64>,
    #[serde(default)]
    pub note: String,
}

/// One `[[correction]]` of `cap-nhat.toml`: a published figure that was corrected, when, from
/// what to what, and the source line that justifies it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub date: S<String>,
    /// The id of the corrected target, budget line or task.
    pub item: S<String>,
    pub before: S<String>,
    pub after: S<String>,
    /// `"document-id:line"`.
    pub source: S<String>,
    #[serde(default)]
    pub note: String,
}
