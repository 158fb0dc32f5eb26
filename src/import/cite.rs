//! `minhbach cite --plan ID`: fills in the `line =` of each amount of a plan's `budget.toml` and
//! `targets.toml` by finding it in the plan's document — with the very rule `check` applies (a
//! number read whole, in Vietnamese notation, `đồng`/`tỷ đồng` converted: see
//! [`crate::vn_number::line_states_million_vnd`]).
//!
//! One line states it: the line is filled in. Several do: those whose neighbourhood also carries
//! the entry's title are kept; if one remains it is filled in, else they are listed and the
//! entry is left as it was. None: said so. A line already written that states the amount is
//! kept; one that does not is never overwritten, only reported with the lines that would do.
//! Everything else in the files — comments, order, layout — stays as it was: only the numbers
//! after `line =` change.

use std::path::PathBuf;
use std::str::FromStr;

use anyhow::{Context, Result, bail};
use rust_decimal::Decimal;
use toml::Spanned;

use crate::content::load::{RawItem, load};
use crate::content::raw::{self, RawNumber};
use crate::slug::slugify;
use crate::source::SourceFile;
use crate::vn_number;

/// The comment `import` writes after a line still to be cited.
pub const UNFILLED: &str = "# chưa có: `minhbach cite`";

#[derive(Debug, Clone)]
pub struct CiteOptions {
    pub plan: String,
    pub content: PathBuf,
    /// Report only; write nothing.
    pub dry_run: bool,
}

/// What `cite` found, entry by entry.
#[derive(Debug, Default)]
pub struct CiteReport {
    pub filled: usize,
    pub kept: usize,
    pub ambiguous: usize,
    pub not_found: usize,
    /// Lines already written that do not state their amount.
    pub wrong: usize,
    pub messages: Vec<String>,
    pub written: Vec<PathBuf>,
}

/// One entry to cite: what it is called, its amount (or the words to look for), its `line`.
struct Entry<'a> {
    what: String,
    amount: Option<Decimal>,
    /// Words of the entry (title, label, target text) that narrow several candidates.
    words: String,
    /// Goal values that a target's line states.
    values: Vec<Decimal>,
    line: &'a Spanned<i64>,
}

/// An amount exactly as written in the TOML (the characters, never through a float).
fn exact(file: &SourceFile, n: &Spanned<RawNumber>) -> Option<Decimal> {
    match n.get_ref() {
        RawNumber::Integer(i) => Some(Decimal::from(*i)),
        RawNumber::Float(_) => {
            let t = file.text.get(n.span())?.replace('_', "");
            Decimal::from_str(t.trim_start_matches('+')).ok()
        }
        _ => None,
    }
}

fn budget_entries<'a>(file: &SourceFile, b: &'a crate::content::load::RawBudget) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for d in &b.header.declared {
        out.push(Entry {
            what: format!("tổng \"{}\"", d.label),
            amount: exact(file, &d.amount),
            words: d.label.clone(),
            values: Vec::new(),
            line: &d.line,
        });
    }
    fn items<'a>(file: &SourceFile, list: &'a [RawItem], out: &mut Vec<Entry<'a>>) {
        for ri in list {
            let it = &ri.item;
            let name = it
                .number
                .as_ref()
                .map(|n| n.get_ref().clone())
                .or_else(|| it.id.as_ref().map(|i| i.get_ref().clone()))
                .unwrap_or_default();
            out.push(item_entry(file, it, format!("mục {name}")));
            for p in &ri.parts {
                let pid =
                    p.id.as_ref()
                        .map(|i| i.get_ref().clone())
                        .unwrap_or_default();
                out.push(item_entry(file, p, format!("phần `{pid}` của mục {name}")));
            }
        }
    }
    fn item_entry<'a>(file: &SourceFile, it: &'a raw::Item, what: String) -> Entry<'a> {
        Entry {
            what,
            amount: it.amount.as_ref().and_then(|a| exact(file, a)),
            words: it.title.clone(),
            values: Vec::new(),
            line: &it.line,
        }
    }
    for g in &b.groups {
        out.push(Entry {
            what: format!("nhóm {}", g.group.number.get_ref()),
            amount: g.group.declared_total.as_ref().and_then(|a| exact(file, a)),
            words: g.group.title.clone(),
            values: Vec::new(),
            line: &g.group.line,
        });
        items(file, &g.items, &mut out);
        for bd in &g.bodies {
            out.push(Entry {
                what: format!("cơ quan {} ({})", bd.body.number.get_ref(), bd.body.title),
                amount: bd.body.declared_total.as_ref().and_then(|a| exact(file, a)),
                words: bd.body.title.clone(),
                values: Vec::new(),
                line: &bd.body.line,
            });
            items(file, &bd.items, &mut out);
        }
    }
    items(file, &b.items, &mut out);
    out
}

fn target_entries<'a>(file: &SourceFile, targets: &'a [raw::Target]) -> Vec<Entry<'a>> {
    targets
        .iter()
        .map(|t| Entry {
            what: format!("chỉ tiêu {}", t.number.get_ref()),
            amount: None,
            words: t.text.clone(),
            values: t
                .goal
                .iter()
                .filter_map(|g| g.value.as_ref().and_then(|v| exact(file, v)))
                .collect(),
            line: &t.line,
        })
        .collect()
}

/// The first words of a text as a slug, to look for in the document's lines.
fn key_words(text: &str, n: usize) -> String {
    slugify(text)
        .split('-')
        .take(n)
        .collect::<Vec<_>>()
        .join("-")
}

struct Doc<'a> {
    text: &'a SourceFile,
    /// Slugs of each line (index 0 = line 1).
    slugs: Vec<String>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a SourceFile) -> Doc<'a> {
        let slugs = (1..=text.line_count())
            .map(|n| slugify(text.line(n).unwrap_or("")))
            .collect();
        Doc { text, slugs }
    }

    fn count(&self) -> usize {
        self.slugs.len()
    }

    fn states(&self, n: usize, amount: Decimal) -> bool {
        vn_number::line_states_million_vnd(|i| self.text.line(i), n, amount)
    }

    /// Whether line `n` states `amount` as money: as `check` reads it, but not as a percentage
    /// ("đạt 100%" is no budget line of 100 triệu đồng).
    fn states_money(&self, n: usize, amount: Decimal) -> bool {
        self.states(n, amount)
            && vn_number::numbers_on_line(|i| self.text.line(i), n).is_some_and(|(text, w)| {
                w.iter().any(|w| {
                    w.states_million_vnd(amount)
                        && !text[w.span.end..].trim_start().starts_with('%')
                })
            })
    }

    /// Whether `key` is written on line `n` or on the few lines before it (a table printed one
    /// cell per line puts the title a few lines above the amount).
    fn near(&self, n: usize, key: &str, before: usize) -> bool {
        !key.is_empty()
            && (n.saturating_sub(before).max(1)..=n)
                .any(|i| self.slugs.get(i - 1).is_some_and(|s| s.contains(key)))
    }

    fn show(&self, n: usize) -> String {
        let t: String = self
            .text
            .line(n)
            .unwrap_or("")
            .replace('\t', " ")
            .trim()
            .chars()
            .take(70)
            .collect();
        format!("{n}: \"{t}\"")
    }

    /// The lines an entry may cite.
    fn candidates(&self, e: &Entry) -> Vec<usize> {
        let key = key_words(&e.words, 4);
        match e.amount {
            Some(a) => {
                // A line that is a piece of the entry's own title ("100 người/lớp)" of a title
                // printed over several lines) is not where its amount is.
                let title = slugify(&e.words);
                let in_title = |n: usize| {
                    let l = &self.slugs[n - 1];
                    l.contains('-') && title.contains(l.as_str())
                };
                let all: Vec<usize> = (1..=self.count())
                    .filter(|&n| self.states_money(n, a) && !in_title(n))
                    .collect();
                if all.len() <= 1 {
                    return all;
                }
                // The title on the amount's own line (a table row), else a few lines above it
                // (a table printed one cell per line).
                for before in [0, 8, 12] {
                    let near: Vec<usize> = all
                        .iter()
                        .copied()
                        .filter(|&n| self.near(n, &key, before))
                        .collect();
                    if !near.is_empty() {
                        return near;
                    }
                }
                all
            }
            None => {
                let key = key_words(&e.words, 6);
                let all: Vec<usize> = (1..=self.count())
                    .filter(|&n| self.near(n, &key, 0))
                    .collect();
                if all.len() <= 1 || e.values.is_empty() {
                    return all;
                }
                let with_values: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&n| {
                        let nums = vn_number::numbers_in(self.text.line(n).unwrap_or(""));
                        e.values.iter().all(|v| nums.contains(v))
                    })
                    .collect();
                if with_values.is_empty() {
                    all
                } else {
                    with_values
                }
            }
        }
    }
}

/// Fills in the citations of one plan.
pub fn cite(opts: &CiteOptions) -> Result<CiteReport> {
    let (raw, _) = load(&opts.content);
    let Some(plan) = raw.plans.iter().find(|p| p.id == opts.plan) else {
        let ids: Vec<&str> = raw.plans.iter().map(|p| p.id.as_str()).collect();
        let hint = match crate::suggest::nearest(&opts.plan, ids.iter().copied()) {
            Some(n) => format!(" — có phải `{n}`?"),
            None => String::new(),
        };
        bail!(
            "không có kế hoạch `{}` (tệp {}/plans/{}/plan.md){hint}",
            opts.plan,
            opts.content.display(),
            opts.plan
        );
    };
    let Some(doc_id) = plan.front.document.as_ref().map(|d| d.get_ref().clone()) else {
        bail!(
            "kế hoạch `{}` chưa ghi `document = \"...\"` trong plan.md: cần biết văn bản gốc để tìm số dòng",
            opts.plan
        );
    };
    let Some(entry) = raw
        .documents
        .iter()
        .find(|d| d.value.id.get_ref() == &doc_id)
    else {
        bail!(
            "không có văn bản `{doc_id}` trong documents.toml: nhập văn bản bằng `minhbach import TỆP.docx --document {doc_id}`"
        );
    };
    let file_name = match entry.file.rel_dir().strip_prefix("documents") {
        Some(sub) if !sub.is_empty() => {
            format!(
                "{}/{}",
                sub.trim_start_matches('/'),
                entry.value.file.get_ref()
            )
        }
        _ => entry.value.file.get_ref().clone(),
    };
    let Some(text) = raw.document_texts.get(file_name.as_str()) else {
        bail!("không có tệp văn bản `documents/{file_name}`");
    };
    let doc = Doc::new(text);
    let mut report = CiteReport::default();

    let mut jobs: Vec<(&SourceFile, Vec<Entry>)> = Vec::new();
    if let Some(b) = &plan.budget {
        jobs.push((&b.file, budget_entries(&b.file, &b.value)));
    }
    if let Some(t) = &plan.targets {
        jobs.push((&t.file, target_entries(&t.file, &t.value)));
    }
    if jobs.is_empty() {
        bail!(
            "kế hoạch `{}` chưa có budget.toml hay targets.toml để điền số dòng",
            opts.plan
        );
    }
    for (file, entries) in jobs {
        let mut edits: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        for e in &entries {
            let at = format!("{}:{}", file.display, file.location(e.line.span()).line);
            let cur = *e.line.get_ref();
            let shown = e
                .amount
                .map(|a| format!(" ({})", vn_number::format(a)))
                .unwrap_or_default();
            let in_range = cur > 0 && (cur as usize) <= doc.count();
            if in_range {
                let ok = match e.amount {
                    Some(a) => doc.states(cur as usize, a),
                    None => true,
                };
                if ok {
                    report.kept += 1;
                    continue;
                }
            }
            let found = doc.candidates(e);
            let list = || {
                found
                    .iter()
                    .take(8)
                    .map(|&n| doc.show(n))
                    .collect::<Vec<_>>()
                    .join("; ")
                    + if found.len() > 8 { "; …" } else { "" }
            };
            if cur > 0 {
                // A line someone wrote: never overwritten.
                report.wrong += 1;
                report.messages.push(match found.len() {
                    0 => format!("{at}: {}{shown}: dòng {cur} không ghi số này, và không tìm thấy dòng nào của `{doc_id}` ghi nó", e.what),
                    _ => format!("{at}: {}{shown}: dòng {cur} không ghi số này; các dòng ghi nó: {} — giữ nguyên, hãy sửa tay", e.what, list()),
                });
                continue;
            }
            match found.as_slice() {
                [n] => {
                    report.filled += 1;
                    edits.push((e.line.span(), *n));
                    report.messages.push(format!(
                        "{at}: {}{shown}: điền dòng {}",
                        e.what,
                        doc.show(*n)
                    ));
                }
                [] => {
                    report.not_found += 1;
                    report.messages.push(match e.amount {
                        Some(_) => format!("{at}: {}{shown}: không tìm thấy số này trong văn bản `{doc_id}` — kiểm tra số tiền, hoặc điền số dòng bằng tay", e.what),
                        None => format!("{at}: {}: không tìm thấy nội dung này trong văn bản `{doc_id}` — điền số dòng bằng tay", e.what),
                    });
                }
                _ => {
                    report.ambiguous += 1;
                    report.messages.push(format!(
                        "{at}: {}{shown}: {} dòng có thể đúng, chưa điền — {}",
                        e.what,
                        found.len(),
                        list()
                    ));
                }
            }
        }
        if edits.is_empty() || opts.dry_run {
            continue;
        }
        let mut text = file.text.clone();
        edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        for (span, n) in edits {
            // The `# chưa có: …` comment `import` writes after `line = 0` no longer applies.
            let line_end = text[span.end..]
                .find('\n')
                .map(|i| span.end + i)
                .unwrap_or(text.len());
            let line_end = if text[..line_end].ends_with('\r') {
                line_end - 1
            } else {
                line_end
            };
            let end = if text[span.end..line_end].trim_start().starts_with(UNFILLED) {
                line_end
            } else {
                span.end
            };
            text.replace_range(span.start..end, &n.to_string());
        }
        let original = std::fs::read(&file.path).unwrap_or_default();
        let bom = if original.starts_with("\u{feff}".as_bytes()) {
            "\u{feff}"
        } else {
            ""
        };
        std::fs::write(&file.path, format!("{bom}{text}"))
            .with_context(|| format!("không ghi được `{}`", file.display))?;
        report.written.push(file.path.clone());
    }
    Ok(report)
}
