//! The invariant `check ⊇ build`: content that `check` accepts always builds. Generated plans
//! aim at the places where the two used to disagree — targets with several goals next to
//! sub-targets (`8` with two goals and `8.1`), repeated numbers, items with explicit ids that
//! look like derived ones, budget groups, bodies and parts, declared totals by funding source,
//! timeframes at the edges of the years a plan can name, long numbers — and every case where
//! `check` exits 0 must build with exit 0. Bounded by PROPTEST_CASES.

mod common;
use std::path::Path;
use std::process::Command;

use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(24);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

#[derive(Debug, Clone)]
struct Target {
    number: String,
    goals: Vec<(Option<&'static str>, u32)>,
    /// `percent`, `rank` or `rate` (with a unit).
    measure: &'static str,
    /// The first goal is a range `v – v+5` instead of `≥ v`.
    range: bool,
    /// The number of the target this one is a part of (may not exist, may be itself).
    parent: Option<String>,
}

#[derive(Debug, Clone)]
struct Item {
    number: String,
    explicit_id: Option<String>,
    amount: u32,
    parts: usize,
    /// A line of this or another plan it records the same commitment as (may not exist).
    same_as: Option<&'static str>,
}

#[derive(Debug, Clone)]
struct Plan {
    id: String,
    targets: Vec<Target>,
    tasks: Vec<(String, &'static str)>,
    groups: Vec<(String, Vec<Item>)>,
    declared_by_source: bool,
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..4).prop_map(|n| n.to_string()),
        (1u32..4, 1u32..3).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..3).prop_map(|n| format!("{n}-province")),
        Just("1.1.1".to_string()),
        Just("a".repeat(79)),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    let target = (
        number(),
        prop::collection::vec(
            (
                prop_oneof![Just(None), Just(Some("province")), Just(Some("commune"))],
                1u32..100,
            ),
            0..3,
        ),
        prop_oneof![Just("percent"), Just("rank"), Just("rate")],
        any::<bool>(),
        prop::option::of(number()),
    )
        .prop_map(|(number, goals, measure, range, parent)| Target {
            number,
            goals,
            measure,
            range,
            parent,
        });
    let item = (
        number(),
        prop::option::of(prop_oneof![
            Just("x-kp-1".to_string()),
            Just("i-1".to_string()),
            Just("nguon-ctx-nst".to_string())
        ]),
        1u32..5000,
        0usize..3,
        prop::option::of(prop_oneof![
            Just("kh-a-kp-i-1"),
            Just("kh-a-kp-x"),
            Just("kh-a-kp-x-kp-i-1"),
            Just("khong-co")
        ]),
    )
        .prop_map(|(number, explicit_id, amount, parts, same_as)| Item {
            number,
            explicit_id,
            amount,
            parts,
            same_as,
        });
    let timeframe = prop_oneof![
        Just("2025-Q2"),
        Just("1900"),
        Just("2100-12"),
        Just("ongoing"),
        Just("2025-06-30"),
        Just("2025/2030"),
        Just("2026-H1"),
        Just("yearly"),
        Just("from-2026"),
        Just("2030/2025")
    ];
    (
        prop_oneof![
            Just("kh-a".to_string()),
            Just("kh-a-kp-x".to_string()),
            Just("kh-a-kp-i".to_string())
        ],
        prop::collection::vec(target, 0..5),
        prop::collection::vec((number(), timeframe), 0..4),
        prop::collection::vec(
            (
                prop_oneof![
                    Just("I".to_string()),
                    Just("II".to_string()),
                    Just("x".to_string())
                ],
                prop::collection::vec(item, 0..4),
            ),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(|(id, targets, tasks, groups, declared_by_source)| Plan {
            id,
            targets,
            tasks,
            groups,
            declared_by_source,
        })
}

/// Writes a content directory with `plans`, each citing lines of its own document that hold
/// exactly the numbers it cites.
fn write_content(dir: &Path, plans: &[Plan]) {
    common::copy_dir(&common::fixture(), dir);
    std::fs::remove_dir_all(dir.join("plans")).unwrap();
    std::fs::remove_dir_all(dir.join("reports")).unwrap();
    let mut registry = String::new();
    for (pi, p) in plans.iter().enumerate() {
        let doc = format!("tl-{pi}");
        let mut lines: Vec<String> = vec!["KẾ HOẠCH".into()];
        let mut line = |text: String| {
            lines.push(text);
            lines.len()
        };
        let mut targets = String::new();
        for t in &p.targets {
            let values: Vec<String> = t
                .goals
                .iter()
                .map(|(_, v)| format!("{v}% – {}%", v + 5))
                .collect();
            let text = format!("Tỷ lệ đạt {}", values.join(", "));
            let l = line(text.clone());
            targets.push_str(&format!(
                "[[target]]\nnumber = \"{}\"\narea = \"chinh-quyen-so\"\ntext = \"{text}\"\nmeasure = \"{}\"\nline = {l}\n",
                t.number,
                if t.goals.is_empty() { "milestone" } else { t.measure }
            ));
            if t.measure == "rate" && !t.goals.is_empty() {
                targets.push_str("unit = \"%/năm\"\n");
            }
            if let Some(parent) = &t.parent {
                targets.push_str(&format!("parent = \"{parent}\"\n"));
            }
            for (i, (level, v)) in t.goals.iter().enumerate() {
                targets.push_str("[[target.goal]]\n");
                if let Some(level) = level {
                    targets.push_str(&format!("level = \"{level}\"\n"));
                }
                if t.range && i == 0 {
                    targets.push_str(&format!("low = {v}\nhigh = {}\nyear = 2030\n", v + 5));
                } else {
                    targets.push_str(&format!("comparator = \">=\"\nvalue = {v}\n"));
                }
            }
        }
        let mut tasks = String::new();
        for (n, tf) in &p.tasks {
            let l = line(format!("{n}. Nhiệm vụ"));
            tasks.push_str(&format!(
                "[[task]]\nnumber = \"{n}\"\narea = \"du-lieu-so\"\ntitle = \"Nhiệm vụ {n}\"\ntimeframe = \"{tf}\"\nline = {l}\n"
            ));
        }
        let mut budget = String::new();
        let mut total = 0u64;
        for (g, items) in &p.groups {
            let l = line(format!("{g} Nhóm"));
            budget.push_str(&format!(
                "[[group]]\nnumber = \"{g}\"\ntitle = \"Nhóm {g}\"\nline = {l}\n"
            ));
            for it in items {
                let l = line(format!("{} Mục CTX, NST {}", it.number, it.amount));
                budget.push_str("[[group.item]]\n");
                match &it.explicit_id {
                    Some(id) => budget.push_str(&format!("id = \"{id}\"\n")),
                    None => budget.push_str(&format!("number = \"{}\"\n", it.number)),
                }
                budget.push_str(&format!(
                    "title = \"Mục\"\nfunding = \"CTX, NST\"\nline = {l}\n"
                ));
                if let Some(same) = it.same_as {
                    budget.push_str(&format!("same_as = \"{same}\"\n"));
                }
                if it.parts == 0 {
                    budget.push_str(&format!("amount = {}\n", it.amount));
                    total += it.amount as u64;
                }
                for k in 0..it.parts {
                    let l = line(format!("phần {k}: {}", it.amount + k as u32));
                    budget.push_str(&format!(
                        "[[group.item.part]]\nid = \"p{k}\"\ntitle = \"Phần {k}\"\namount = {}\nline = {l}\n",
                        it.amount + k as u32
                    ));
                    total += (it.amount + k as u32) as u64;
                }
            }
        }
        if !p.groups.is_empty() {
            let l = line(format!("Tổng cộng {total}"));
            let mut header =
                format!("[[declared]]\nlabel = \"Tổng\"\namount = {total}\nline = {l}\n");
            if p.declared_by_source {
                header.push_str(&format!(
                    "[[declared]]\nlabel = \"CTX, NST\"\nfunding = \"CTX, NST\"\namount = {total}\nline = {l}\n"
                ));
            }
            budget = header + &budget;
        }
        let pdir = dir.join("plans").join(&p.id);
        if pdir.exists() {
            continue;
        }
        std::fs::create_dir_all(&pdir).unwrap();
        std::fs::write(
            pdir.join("plan.md"),
            format!(
                "+++\ntitle = \"Kế hoạch {pi}\"\nissuer = \"ubnd-tinh-thu\"\nlevel = \"province\"\ndocument = \"{doc}\"\n+++\n\nNội dung.\n"
            ),
        )
        .unwrap();
        for (name, text) in [
            ("targets.toml", targets),
            ("tasks.toml", tasks),
            ("budget.toml", budget),
        ] {
            if !text.is_empty() {
                std::fs::write(pdir.join(name), text).unwrap();
            }
        }
        std::fs::write(
            dir.join(format!("documents/{doc}.txt")),
            lines.join("\n") + "\n",
        )
        .unwrap();
        registry.push_str(&format!(
            "\n[[document]]\nid = \"{doc}\"\nfile = \"{doc}.txt\"\ntitle = \"Văn bản {pi}\"\n"
        ));
    }
    let reg = dir.join("documents/documents.toml");
    let mut text = std::fs::read_to_string(&reg).unwrap();
    text.push_str(&registry);
    std::fs::write(reg, text).unwrap();
}

fn run(args: &[&str], content: &Path, out: Option<&Path>) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    cmd.args(args).arg("--content").arg(content);
    if let Some(out) = out {
        cmd.arg("--out").arg(out);
    }
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (o.status.success(), stderr)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn content_that_check_accepts_always_builds(plans in prop::collection::vec(plan(), 1..3)) {
        let base = std::env::temp_dir().join(format!(
            "minhbach-accepted-{}-{}",
            std::process::id(),
            std::thread::current().name().unwrap_or("t").len()
        ));
        let _ = std::fs::remove_dir_all(&base);
        let content = base.join("content");
        write_content(&content, &plans);
        let (checked, report) = run(&["check"], &content, None);
        if checked {
            let (built, build_report) = run(&["build"], &content, Some(&base.join("public")));
            prop_assert!(built, "check accepted, build refused:\n{build_report}\n{plans:#?}");
        } else {
            // A refusal must be located: every error names a file and line.
            for block in report.split("\n(").skip(1) {
                if block.contains("lỗi[") {
                    prop_assert!(block.contains("-->"), "unlocated error:\n{block}");
                }
            }
        }
        std::fs::remove_dir_all(&base).unwrap();
    }
}
