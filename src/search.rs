//! Search without a server: a static index written at build time, read by one small script on
//! the search page (`static/search.js`), and A–Z lists of units, plans and targets that reach the
//! same pages with JavaScript off.
//!
//! **Folding.** Readers type without tone marks ("da nang" for "Đà Nẵng", "so hoa" for "số
//! hóa"), so both the index and the query are folded the same way by [`fold`]: canonical
//! decomposition (NFD, which also reads text whose tone marks were typed as separate characters),
//! combining marks dropped, lower case, `đ` read as `d`, and anything but `a-z0-9` a word break.
//! The script does exactly the same with `String.prototype.normalize('NFD')`; the pairs in
//! `tests/search-folding.json` are checked against both so that they cannot drift.
//!
//! **Index.** Sized for the whole country (about 120,000 entries): a query must load a few small
//! files, not the whole index. Entries ("documents") are numbered in a fixed order (units, plans,
//! targets, tasks, budget items) and written in chunks of [`CHUNK`] (`d-<n>.json`); the words are
//! written in shards by their first two letters (`t-<ab>.json`, split further by the next letters
//! when heavy: `t-tra.json`), each word with the numbers of the entries that contain it. A query
//! of two words loads a few shards plus the chunks of the results it shows. Everything is written in a stable order, so the same content gives the same
//! bytes.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::i18n::Lang;
use crate::model::{Plan, PlanKind, Site, UnitKind};
use crate::routes::{AzList, PlanSection, Route};

/// Where the index files are written.
pub const INDEX_DIR: &str = "tim-kiem/chi-muc";
/// Entries per chunk file.
pub const CHUNK: usize = 100;
/// Titles longer than this are shortened in the index (the words of the whole title are indexed).
const TITLE_CHARS: usize = 160;

/// Folds text for search: lower case, without tone marks or other diacritics, `đ` as `d`, words
/// of `a-z0-9` separated by one space ("Đà Nẵng" → "da nang", "Sở KH&CN" → "so kh cn").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.nfd() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        for l in c.to_lowercase() {
            let l = if l == 'đ' { 'd' } else { l };
            if l.is_ascii_lowercase() || l.is_ascii_digit() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(l);
            } else {
                gap = true;
            }
        }
    }
    out
}

/// What an entry is: the order is the order of the index and of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Unit,
    Plan,
    Target,
    Task,
    BudgetItem,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Unit,
        Kind::Plan,
        Kind::Target,
        Kind::Task,
        Kind::BudgetItem,
    ];

    pub fn vietnamese(self) -> &'static str {
        self.label(Lang::Vi)
    }

    /// What the search page calls an entry of this kind, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Kind::Unit => "search_kind_unit",
            Kind::Plan => "search_kind_plan",
            Kind::Target => "search_kind_target",
            Kind::Task => "search_kind_task",
            Kind::BudgetItem => "search_kind_budget_item",
        })
    }
}

/// A plan as a search result or an A–Z entry names it: by its kind and number ("Kế hoạch
/// 223/KH-UBND", "Plan 223/KH-UBND"), or by its title (content) when it has no number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanName {
    Numbered { kind: PlanKind, number: String },
    Titled(String),
}

impl PlanName {
    pub fn of(p: &Plan) -> PlanName {
        match &p.number {
            Some(n) => PlanName::Numbered {
                kind: p.kind,
                number: n.clone(),
            },
            None => PlanName::Titled(p.title.clone()),
        }
    }

    /// The name in `lang`, and whether it is content (a Vietnamese title).
    fn text(&self, lang: Lang) -> (String, bool) {
        match self {
            PlanName::Numbered { kind, number } => {
                (format!("{} {number}", kind.label(lang)), false)
            }
            PlanName::Titled(t) => (t.clone(), true),
        }
    }

    /// As the index writes it: `["plan", "223/KH-UBND"]`, or the title.
    fn json(&self) -> serde_json::Value {
        match self {
            PlanName::Numbered { kind, number } => serde_json::json!([kind.as_str(), number]),
            PlanName::Titled(t) => serde_json::json!(t),
        }
    }
}

/// What an entry belongs to, shown under its title: kept apart from the words of any language,
/// so that one index serves the search page in each language (the page gives the words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// A unit: its kind ("Sở, ban, ngành").
    Unit(UnitKind),
    /// A plan: its number (when the title is not its name already) and its issuer (content).
    Plan {
        name: Option<PlanName>,
        issuer: String,
    },
    /// A target, task or budget item of a plan, with its number there: "…, mục 1.2".
    Item {
        plan: PlanName,
        number: Option<String>,
    },
    /// A target in its A–Z list: "…, chỉ tiêu 3".
    Target { plan: PlanName, number: String },
}

impl Context {
    /// The context in `lang` as parts of text, each marked whether it is content (Vietnamese
    /// as written) or the interface's words.
    pub fn parts(&self, lang: Lang) -> Vec<(String, bool)> {
        // "{plan}, mục {n}": the words around the plan's name, the name apart (it may be content).
        let with_number = |plan: &PlanName, key: &str, number: Option<&str>| {
            let (name, vi) = plan.text(lang);
            let Some(n) = number.filter(|n| !n.is_empty()) else {
                return vec![(name, vi)];
            };
            let filled = lang.fill(key, &[("n", &n)]);
            let (before, after) = filled.split_once("{plan}").unwrap_or(("", &filled));
            [
                (before.to_string(), false),
                (name, vi),
                (after.to_string(), false),
            ]
            .into_iter()
            .filter(|(t, _)| !t.is_empty())
            .collect()
        };
        match self {
            Context::Unit(kind) => vec![(kind.label(lang).to_string(), false)],
            Context::Plan { name, issuer } => {
                let mut v: Vec<(String, bool)> = name.iter().map(|n| n.text(lang)).collect();
                if !issuer.is_empty() {
                    if !v.is_empty() {
                        v.push((" · ".into(), false));
                    }
                    v.push((issuer.clone(), true));
                }
                v
            }
            Context::Item { plan, number } => {
                with_number(plan, "search_item_in_plan", number.as_deref())
            }
            Context::Target { plan, number } => {
                with_number(plan, "az_target_in_plan", Some(number))
            }
        }
    }

    /// The context in `lang` as plain text.
    pub fn text(&self, lang: Lang) -> String {
        self.parts(lang).into_iter().map(|(t, _)| t).collect()
    }

    /// As the index writes it, without words of any language: `["department"]` for a unit,
    /// `[plan-or-null, "issuer"]` for a plan, `[plan, "1.2"]` for an item, where a plan is
    /// `["plan", "223/KH-UBND"]` or its title.
    fn json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Context::Unit(kind) => json!([kind.as_str()]),
            Context::Plan { name, issuer } => {
                json!([name.as_ref().map(PlanName::json), issuer])
            }
            Context::Item { plan, number } => {
                json!([plan.json(), number.as_deref().unwrap_or("")])
            }
            Context::Target { plan, number } => json!([plan.json(), number]),
        }
    }
}

/// One thing search can find: its title as written, what it belongs to, and the address of its
/// page and row (`ke-hoach/x/kinh-phi/#line-id`), relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub title: String,
    pub context: Context,
    pub href: String,
    /// The text whose words find the entry.
    pub words: String,
}

/// Every entry of the site, in index order: units with a page, plans, then each plan's targets,
/// tasks and budget items (each linking to its row in the plan's section page).
pub fn entries(site: &Site) -> Vec<Entry> {
    let mut out = Vec::new();
    for u in site.units.iter().filter(|u| u.page) {
        let mut words = u.name.clone();
        for a in std::iter::once(&u.short_name).chain(&u.aliases) {
            words.push(' ');
            words.push_str(a);
        }
        out.push(Entry {
            kind: Kind::Unit,
            title: u.name.clone(),
            context: Context::Unit(u.kind),
            href: Route::Unit(u.id.clone()).path(),
            words,
        });
    }
    for p in &site.plans {
        let issuer = site.unit(&p.issuer).map(|u| u.label()).unwrap_or("");
        out.push(Entry {
            kind: Kind::Plan,
            title: p.title.clone(),
            context: Context::Plan {
                name: p.number.is_some().then(|| PlanName::of(p)),
                issuer: if issuer == p.title { "" } else { issuer }.to_string(),
            },
            href: Route::Plan(p.id.clone(), PlanSection::Overview).path(),
            words: format!("{} {}", p.title, p.number.as_deref().unwrap_or("")),
        });
    }
    for p in &site.plans {
        let row = |section: PlanSection, id: &str| {
            format!("{}#{id}", Route::Plan(p.id.clone(), section).path())
        };
        let in_plan = |number: Option<&str>| Context::Item {
            plan: PlanName::of(p),
            number: number.filter(|n| !n.is_empty()).map(str::to_string),
        };
        for t in &p.targets {
            out.push(Entry {
                kind: Kind::Target,
                title: t.text.clone(),
                context: in_plan(Some(&t.number)),
                href: row(PlanSection::Targets, &t.id),
                words: t.text.clone(),
            });
        }
        for t in &p.tasks {
            out.push(Entry {
                kind: Kind::Task,
                title: t.title.clone(),
                context: in_plan(t.number.as_deref()),
                href: row(PlanSection::Tasks, &t.id),
                words: t.title.clone(),
            });
        }
        for l in p.budget.iter().flat_map(|b| &b.lines) {
            out.push(Entry {
                kind: Kind::BudgetItem,
                title: l.title.clone(),
                context: in_plan(l.number.as_deref()),
                href: row(PlanSection::Budget, &l.id),
                words: l.title.clone(),
            });
        }
    }
    out
}

/// A shard of words over this many bytes is split by one more letter (`t-tr.json` into
/// `t-tra.json`, `t-tre.json`…), so that a query loads small files even at national scale.
pub const SHARD_BYTES: usize = 24 * 1024;

/// Which shard each word is written in: words are grouped by their first two letters (one for a
/// one-letter word), and a group heavier than [`SHARD_BYTES`] is split by the next letter, again
/// and again, its shorter words staying under the shorter key. Every word's key is a prefix of
/// it, so the script finds a word in the keys that begin it, and the words that begin with what
/// is being typed in those keys and the keys that begin with it.
pub fn shard_keys<'w>(words: &[(&'w str, usize)]) -> BTreeMap<String, Vec<&'w str>> {
    fn place<'w>(
        key: String,
        words: Vec<(&'w str, usize)>,
        out: &mut BTreeMap<String, Vec<&'w str>>,
    ) {
        let bytes: usize = words.iter().map(|(_, b)| b).sum();
        if bytes <= SHARD_BYTES || words.iter().all(|(w, _)| w.len() <= key.len()) {
            out.insert(key, words.into_iter().map(|(w, _)| w).collect());
            return;
        }
        let mut longer: BTreeMap<String, Vec<(&'w str, usize)>> = BTreeMap::new();
        let mut here = Vec::new();
        for (w, b) in words {
            if w.len() <= key.len() {
                here.push(w);
            } else {
                longer
                    .entry(w[..key.len() + 1].to_string())
                    .or_default()
                    .push((w, b));
            }
        }
        if !here.is_empty() {
            out.insert(key, here);
        }
        for (k, ws) in longer {
            place(k, ws, out);
        }
    }
    let mut groups: BTreeMap<String, Vec<(&'w str, usize)>> = BTreeMap::new();
    for &(w, b) in words {
        groups
            .entry(w[..w.len().min(2)].to_string())
            .or_default()
            .push((w, b));
    }
    let mut out = BTreeMap::new();
    for (k, ws) in groups {
        place(k, ws, &mut out);
    }
    out
}

/// A word's entries as its shard writes them: each number the gap from the previous entry (the
/// first from 0), and a run of `k` entries that follow one another as `-k` — which keeps the
/// lists of common words ("so", in most entries of a national site) short.
pub fn encode_ids(ids: &[u32]) -> Vec<i64> {
    let mut out = Vec::new();
    let mut prev = 0i64;
    let mut run = 0i64;
    for &id in ids {
        let gap = i64::from(id) - prev;
        prev = i64::from(id);
        if gap == 1 {
            run += 1;
            continue;
        }
        match run {
            0 => {}
            1 => out.push(1),
            k => out.push(-k),
        }
        run = 0;
        out.push(gap);
    }
    match run {
        0 => {}
        1 => out.push(1),
        k => out.push(-k),
    }
    out
}

/// The entries of a word back from [`encode_ids`] (what the script does).
pub fn decode_ids(list: &[i64]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut id = 0i64;
    for &v in list {
        if v < 0 {
            for _ in 0..-v {
                id += 1;
                out.push(id as u32);
            }
        } else {
            id += v;
            out.push(id as u32);
        }
    }
    out
}

/// The files of the index, each (path from the site root, bytes), in a stable order: the manifest
/// `index.json`, the word shards `t-<key>.json` and the entry chunks `d-<n>.json`.
pub fn index_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let entries = entries(site);
    // word → the entries that contain it, ascending (entries are visited in order).
    let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for w in fold(&e.words).split(' ').filter(|w| !w.is_empty()) {
            let v = postings.entry(w.to_string()).or_default();
            if v.last() != Some(&(i as u32)) {
                v.push(i as u32);
            }
        }
    }
    let encoded: BTreeMap<&str, String> = postings
        .iter()
        .map(|(w, ids)| {
            // a-z0-9 only: nothing to escape
            let list: Vec<String> = encode_ids(ids).iter().map(i64::to_string).collect();
            (w.as_str(), format!("\"{w}\":[{}]", list.join(",")))
        })
        .collect();
    let sizes: Vec<(&str, usize)> = encoded.iter().map(|(w, e)| (*w, e.len() + 1)).collect();
    let shards = shard_keys(&sizes);
    let mut files = Vec::new();
    let manifest = serde_json::json!({
        "version": 1,
        "entries": entries.len(),
        "chunk": CHUNK,
        "shards": shards.keys().collect::<Vec<_>>(),
    });
    files.push((
        format!("{INDEX_DIR}/index.json"),
        serde_json::to_vec(&manifest).expect("plain JSON"),
    ));
    for (key, words) in &shards {
        let body: Vec<&str> = words.iter().map(|w| encoded[w].as_str()).collect();
        files.push((
            format!("{INDEX_DIR}/t-{key}.json"),
            format!("{{{}}}", body.join(",")).into_bytes(),
        ));
    }
    for (n, chunk) in entries.chunks(CHUNK).enumerate() {
        let rows: Vec<serde_json::Value> = chunk
            .iter()
            .map(|e| {
                serde_json::json!([
                    Kind::ALL.iter().position(|k| *k == e.kind),
                    shorten(&e.title, TITLE_CHARS),
                    e.context.json(),
                    e.href
                ])
            })
            .collect();
        files.push((
            format!("{INDEX_DIR}/d-{n}.json"),
            serde_json::to_vec(&rows).expect("plain JSON"),
        ));
    }
    files
}

/// `text` cut to at most `max` characters, at a word break, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

/// One line of an A–Z list: a name, where it leads and what it belongs to.
#[derive(Debug, Clone)]
pub struct AzEntry {
    pub title: String,
    pub href: String,
    /// What it belongs to (none for a plan known by its title).
    pub context: Option<Context>,
    /// The letter it is listed under (`Đ`, `Ă`, `#` for digits).
    pub letter: String,
}

/// A list in Vietnamese alphabetical order, with where each letter starts.
#[derive(Debug, Default)]
pub struct Az {
    pub entries: Vec<AzEntry>,
    /// Each letter and the index of its first entry, in order.
    pub letters: Vec<(String, usize)>,
}

impl Az {
    fn of(mut entries: Vec<AzEntry>) -> Az {
        entries.sort_by_cached_key(|e| (crate::vietnamese::sort_key(&e.title), e.href.clone()));
        let mut letters: Vec<(String, usize)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if letters.last().is_none_or(|(l, _)| *l != e.letter) {
                letters.push((e.letter.clone(), i));
            }
        }
        Az { entries, letters }
    }

    /// The anchor of letter number `k` (0-based) of the list: `chu-1`, `chu-2`… (letters such as
    /// `Đ` are not written in ids).
    pub fn anchor(k: usize) -> String {
        format!("chu-{}", k + 1)
    }
}

/// The three A–Z lists, made once per build: every unit with a page, every plan, every target.
#[derive(Debug, Default)]
pub struct AzLists {
    pub units: Az,
    pub plans: Az,
    pub targets: Az,
}

impl AzLists {
    pub fn of(site: &Site) -> AzLists {
        let entry = |title: &str, href: String, context: Option<Context>| AzEntry {
            // Names that begin with a digit ("100% …") are listed under "0–9".
            letter: match crate::vietnamese::initial(title) {
                l if l == "#" => "0–9".to_string(),
                l => l,
            },
            title: title.to_string(),
            href,
            context,
        };
        let units = site
            .units
            .iter()
            .filter(|u| u.page)
            .map(|u| {
                entry(
                    &u.name,
                    Route::Unit(u.id.clone()).path(),
                    Some(Context::Unit(u.kind)),
                )
            })
            .collect();
        let plans = site
            .plans
            .iter()
            .map(|p| {
                entry(
                    &p.title,
                    Route::Plan(p.id.clone(), PlanSection::Overview).path(),
                    p.number.is_some().then(|| Context::Plan {
                        name: Some(PlanName::of(p)),
                        issuer: String::new(),
                    }),
                )
            })
            .collect();
        let targets = site
            .plans
            .iter()
            .flat_map(|p| {
                p.targets.iter().map(move |t| {
                    entry(
                        &t.text,
                        Route::Target(t.id.clone()).path(),
                        Some(Context::Target {
                            plan: PlanName::of(p),
                            number: t.number.clone(),
                        }),
                    )
                })
            })
            .collect();
        AzLists {
            units: Az::of(units),
            plans: Az::of(plans),
            targets: Az::of(targets),
        }
    }

    pub fn get(&self, list: AzList) -> &Az {
        match list {
            AzList::Units => &self.units,
            AzList::Plans => &self.plans,
            AzList::Targets => &self.targets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_follows_the_vectors_the_browser_script_is_checked_against() {
        let v: serde_json::Value =
            serde_json::from_str(include_str!("../tests/search-folding.json")).unwrap();
        let pairs = v["pairs"].as_array().unwrap();
        assert!(pairs.len() > 10);
        for p in pairs {
            let (from, to) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
            assert_eq!(fold(from), to, "{from:?}");
        }
    }

    #[test]
    fn split_tone_marks_fold_like_precomposed_letters() {
        // "Quảng Ngãi" typed as letters followed by combining marks.
        let split = "Qua\u{309}ng Nga\u{303}i";
        assert_ne!(split, "Quảng Ngãi");
        assert_eq!(fold(split), fold("Quảng Ngãi"));
        assert_eq!(fold("D\u{300}"), "d");
    }

    #[test]
    fn words_are_sharded_by_their_first_two_letters_and_heavy_shards_split_further() {
        let light = [("quang", 10), ("qui", 10), ("y", 5), ("2025", 10)];
        let keys = shard_keys(&light);
        assert_eq!(
            keys.into_iter().collect::<Vec<_>>(),
            [
                ("20".to_string(), vec!["2025"]),
                ("qu".to_string(), vec!["quang", "qui"]),
                ("y".to_string(), vec!["y"]),
            ]
        );
        let heavy = [
            ("tr", SHARD_BYTES),
            ("tra", SHARD_BYTES),
            ("trang", 10),
            ("tre", 10),
            ("to", 10),
        ];
        let keys: Vec<(String, Vec<&str>)> = shard_keys(&heavy).into_iter().collect();
        assert_eq!(
            keys,
            [
                ("to".to_string(), vec!["to"]),
                ("tr".to_string(), vec!["tr"]),
                ("tra".to_string(), vec!["tra"]),
                ("tran".to_string(), vec!["trang"]),
                ("tre".to_string(), vec!["tre"]),
            ]
        );
    }

    #[test]
    fn entry_lists_are_written_as_gaps_and_runs_and_read_back_the_same() {
        assert_eq!(encode_ids(&[0, 1, 2, 3, 7, 8, 20]), [0, -3, 4, 1, 12]);
        assert_eq!(encode_ids(&[1, 2, 3]), [-3]);
        assert_eq!(encode_ids(&[5]), [5]);
        for ids in [
            vec![],
            vec![0],
            vec![0, 1, 2, 3, 7, 8, 20],
            vec![4, 6, 7, 8, 9, 30, 31],
        ] {
            assert_eq!(decode_ids(&encode_ids(&ids)), ids);
        }
    }

    #[test]
    fn long_titles_are_shortened_at_a_word_break() {
        assert_eq!(shorten("một hai ba", 20), "một hai ba");
        assert_eq!(shorten("một hai ba bốn năm", 12), "một hai ba…");
    }
}
