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
//! written in shards by their first two letters (`t-<ab>.json`), each word with the numbers of the
//! entries that contain it. A query of two words loads at most two shards plus the chunks of the
//! results it shows. Everything is written in a stable order, so the same content gives the same
//! bytes.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::Site;
use crate::routes::{AzList, PlanSection, Route};

/// Where the index files are written.
pub const INDEX_DIR: &str = "tim-kiem/chi-muc";
/// Entries per chunk file.
pub const CHUNK: usize = 200;
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
        match self {
            Kind::Unit => "Đơn vị",
            Kind::Plan => "Kế hoạch",
            Kind::Target => "Chỉ tiêu",
            Kind::Task => "Nhiệm vụ",
            Kind::BudgetItem => "Mục kinh phí",
        }
    }
}

/// One thing search can find: its title as written, what it belongs to, and the address of its
/// page and row (`ke-hoach/x/kinh-phi/#line-id`), relative to the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub title: String,
    pub context: String,
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
            context: u.kind.vietnamese().to_string(),
            href: Route::Unit(u.id.clone()).path(),
            words,
        });
    }
    for p in &site.plans {
        let issuer = site.unit(&p.issuer).map(|u| u.label()).unwrap_or("");
        out.push(Entry {
            kind: Kind::Plan,
            title: p.title.clone(),
            context: [p.label(), issuer.to_string()]
                .into_iter()
                .filter(|s| !s.is_empty() && *s != p.title)
                .collect::<Vec<_>>()
                .join(" · "),
            href: Route::Plan(p.id.clone(), PlanSection::Overview).path(),
            words: format!("{} {}", p.title, p.number.as_deref().unwrap_or("")),
        });
    }
    for p in &site.plans {
        let row = |section: PlanSection, id: &str| {
            format!("{}#{id}", Route::Plan(p.id.clone(), section).path())
        };
        let in_plan = |number: Option<&str>| match number {
            Some(n) if !n.is_empty() => format!("{}, mục {n}", p.label()),
            _ => p.label(),
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

/// The shard a folded word is written in: its first two letters (one for a one-letter word).
pub fn shard_of(word: &str) -> &str {
    &word[..word.len().min(2)]
}

/// The files of the index, each (path from the site root, bytes), in a stable order: the manifest
/// `index.json`, the word shards `t-<ab>.json` and the entry chunks `d-<n>.json`.
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
    let mut shards: BTreeMap<&str, Vec<(&str, &[u32])>> = BTreeMap::new();
    for (w, v) in &postings {
        shards.entry(shard_of(w)).or_default().push((w, v));
    }
    let mut files = Vec::new();
    let manifest = serde_json::json!({
        "version": 1,
        "entries": entries.len(),
        "chunk": CHUNK,
        "kinds": Kind::ALL.map(Kind::vietnamese),
        "shards": shards.keys().collect::<Vec<_>>(),
    });
    files.push((
        format!("{INDEX_DIR}/index.json"),
        serde_json::to_vec(&manifest).expect("plain JSON"),
    ));
    for (key, words) in &shards {
        // {"word":[first, gap, gap…]}: entry numbers as gaps from the previous one, which keeps
        // the long lists of common words short.
        let mut out = String::from("{");
        for (n, (w, ids)) in words.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(w); // a-z0-9 only: nothing to escape
            out.push_str("\":[");
            let mut prev = 0;
            for (k, id) in ids.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                out.push_str(&(id - prev).to_string());
                prev = *id;
            }
            out.push(']');
        }
        out.push('}');
        files.push((format!("{INDEX_DIR}/t-{key}.json"), out.into_bytes()));
    }
    for (n, chunk) in entries.chunks(CHUNK).enumerate() {
        let rows: Vec<serde_json::Value> = chunk
            .iter()
            .map(|e| {
                serde_json::json!([
                    Kind::ALL.iter().position(|k| *k == e.kind),
                    shorten(&e.title, TITLE_CHARS),
                    e.context,
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
    pub context: String,
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
        let entry = |title: &str, href: String, context: String| AzEntry {
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
                    u.kind.vietnamese().to_string(),
                )
            })
            .collect();
        let plans = site
            .plans
            .iter()
            .map(|p| {
                let label = p.label();
                entry(
                    &p.title,
                    Route::Plan(p.id.clone(), PlanSection::Overview).path(),
                    if label == p.title { String::new() } else { label },
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
                        format!("{}, chỉ tiêu {}", p.label(), t.number),
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
    fn words_are_sharded_by_their_first_two_letters() {
        assert_eq!(shard_of("quang"), "qu");
        assert_eq!(shard_of("y"), "y");
        assert_eq!(shard_of("2025"), "20");
    }

    #[test]
    fn long_titles_are_shortened_at_a_word_break() {
        assert_eq!(shorten("một hai ba", 20), "một hai ba");
        assert_eq!(shorten("một hai ba bốn năm", 12), "một hai ba…");
    }
}
