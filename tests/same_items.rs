//! The bundled department plans that repeat items of the province's plan 223 (issue 12): Sở
//! KH&CN's plan repeats items of plan 223's Sở TT&TT (merged into Sở KH&CN in 2025), Sở Nội vụ's
//! repeats items of plan 223's Sở Nội vụ and Sở LĐ-TB&XH (merged into Sở Nội vụ). The links
//! (`same_as`) are matched on what the item is, never on its amount; each plan keeps the amounts
//! and totals its own document prints.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::OnceLock;

use minhbach::budget::total_checks;
use minhbach::content::read_site;
use rust_decimal::Decimal;

const P223: &str = "kh-223-ubnd-2024";
const SKHCN: &str = "kh-skhcn-cds-2025";
const SNV: &str = "kh-snv-cds-2025";

/// Every link of the bundled content: (department plan, its item number, plan 223's item number).
const LINKS: [(&str, &str, &str); 23] = [
    (SKHCN, "1", "4.1"),
    (SKHCN, "2", "4.2"),
    (SKHCN, "3", "4.3"),
    (SKHCN, "4", "4.4"),
    (SKHCN, "5", "4.5"),
    (SKHCN, "6", "4.6"),
    (SKHCN, "7", "4.7"),
    (SKHCN, "8", "4.8"),
    (SKHCN, "9", "4.9"),
    (SKHCN, "10", "4.11"),
    (SKHCN, "11", "4.13"),
    (SKHCN, "12", "4.14"),
    (SKHCN, "15", "4.17"),
    (SKHCN, "16", "4.20"),
    (SKHCN, "17", "4.21"),
    (SKHCN, "18", "4.23"),
    (SKHCN, "19", "4.25"),
    (SNV, "1", "3.1"),
    (SNV, "2", "3.2"),
    (SNV, "3", "3.3"),
    (SNV, "10", "10.2"),
    (SNV, "11", "10.4"),
    (SNV, "12", "10.5"),
];

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn out() -> &'static PathBuf {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = std::env::temp_dir().join(format!("minhbach-same-items-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        common::build(&common::content(), &out);
        out
    })
}

/// The data package's budget lines, by line id.
fn lines() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(out().join("data/budget-lines.csv")).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let row: BTreeMap<String, String> = headers
                .iter()
                .zip(rec.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect();
            (row["line_id"].clone(), row)
        })
        .collect()
}

/// A page as text: tags dropped, whitespace collapsed.
fn text(path: &str) -> String {
    common::visible_text(&std::fs::read_to_string(out().join(path)).unwrap())
}

/// A plan-223 line id from its printed number ("4.13" → "kh-223-ubnd-2024-kp-iii-4-13").
fn line_223(number: &str) -> String {
    format!("{P223}-kp-iii-{}", number.replace('.', "-"))
}

#[test]
fn the_department_plans_link_17_and_6_items_to_plan_223_and_nothing_else_is_linked() {
    let lines = lines();
    let mut per_plan: BTreeMap<&str, usize> = BTreeMap::new();
    let mut targets: Vec<&str> = Vec::new();
    for l in lines.values() {
        if !l["same_as_line_id"].is_empty() {
            *per_plan.entry(l["plan_id"].as_str()).or_default() += 1;
            targets.push(l["same_as_line_id"].as_str());
        }
    }
    assert_eq!(per_plan, BTreeMap::from([(SKHCN, 17), (SNV, 6)]));
    for (plan, number, number_223) in LINKS {
        let id = format!("{plan}-kp-{number}");
        let l = &lines[&id];
        assert_eq!(l["number"], number, "{id}");
        assert_eq!(l["same_as_line_id"], line_223(number_223), "{id}");
        let target = &lines[&line_223(number_223)];
        assert_eq!(target["plan_id"], P223);
        assert_eq!(target["number"], number_223);
    }
    // No line of plan 223 is claimed twice.
    let n = targets.len();
    targets.sort_unstable();
    targets.dedup();
    assert_eq!(targets.len(), n);
    // Sở KH&CN's items link into plan 223's Sở TT&TT; Sở Nội vụ's into Sở Nội vụ and Sở LĐ-TB&XH.
    for (plan, _, number_223) in LINKS {
        let body = number_223.split('.').next().unwrap();
        match plan {
            SKHCN => assert_eq!(body, "4"),
            _ => assert!(body == "3" || body == "10", "{number_223}"),
        }
    }
}

#[test]
fn seven_linked_items_carry_a_different_amount_and_the_pages_show_the_difference() {
    let lines = lines();
    let mut differing: Vec<(String, Decimal, Decimal)> = Vec::new();
    for l in lines.values() {
        let target = &l["same_as_line_id"];
        if target.is_empty() {
            continue;
        }
        let (own, other) = (
            d(&l["amount_million_vnd"]),
            d(&lines[target]["amount_million_vnd"]),
        );
        if own != other {
            differing.push((l["line_id"].clone(), own, other));
        }
    }
    differing.sort();
    let expect =
        |plan: &str, n: &str, own: &str, other: &str| (format!("{plan}-kp-{n}"), d(own), d(other));
    let mut expected = vec![
        // Sở KH&CN's amount, then plan 223's: four items of the same title, and the steering
        // committee (renamed in 2025; the link is a reading, see its `interpretation`).
        expect(SKHCN, "5", "100", "117"),
        expect(SKHCN, "6", "225", "450"),
        expect(SKHCN, "7", "18", "46"),
        expect(SKHCN, "8", "40", "47"),
        expect(SKHCN, "9", "300", "340"),
        // Sở Nội vụ asks for more than plan 223 gave it.
        expect(SNV, "1", "3463", "1932"),
        expect(SNV, "2", "239", "45"),
    ];
    expected.sort();
    assert_eq!(differing, expected);

    // The department's page shows plan 223's amount and the difference (223's minus its own) ...
    let skhcn = text(&format!("ke-hoach/{SKHCN}/kinh-phi/index.html"));
    for (n, other, diff) in [
        ("4.5", "117", "17"),
        ("4.6", "450", "225"),
        ("4.7", "46", "28"),
        ("4.8", "47", "7"),
        ("4.9", "340", "40"),
    ] {
        let s = format!(
            "Cùng mục với Kế hoạch 223/KH-UBND, mục {n} : {other} triệu đồng (chênh {diff})"
        );
        assert!(skhcn.contains(&s), "{s}");
    }
    assert!(
        skhcn.contains("Cùng mục với Kế hoạch 223/KH-UBND, mục 4.1 : 3.640 triệu đồng (bằng nhau)")
    );
    let snv = text(&format!("ke-hoach/{SNV}/kinh-phi/index.html"));
    assert!(
        snv.contains("mục 3.1 : 1.932 triệu đồng (chênh -1.531)"),
        "{snv}"
    );
    assert!(
        snv.contains("mục 3.2 : 45 triệu đồng (chênh -194)"),
        "{snv}"
    );
    // ... and plan 223's page shows the department's, the other way round.
    let p223 = text(&format!("ke-hoach/{P223}/kinh-phi/index.html"));
    assert!(p223.contains(
        "Cùng mục với Kế hoạch Chuyển đổi số Sở Khoa học và Công nghệ năm 2025 , mục 5 : 100 triệu đồng (chênh -17)"
    ));
    assert!(p223.contains(
        "Cùng mục với Kế hoạch Chuyển đổi số năm 2025 của Sở Nội vụ , mục 1 : 3.463 triệu đồng (chênh 1.531)"
    ));
    // Links that rest on a reading of differently worded items say so.
    for (plan, number) in [
        (SKHCN, "6"),
        (SKHCN, "11"),
        (SNV, "2"),
        (SNV, "10"),
        (SNV, "11"),
        (SNV, "12"),
    ] {
        let l = &lines[&format!("{plan}-kp-{number}")];
        assert!(l["interpretation"].contains("cách đọc"), "{plan} {number}");
    }
}

#[test]
fn every_plan_keeps_the_totals_its_document_prints() {
    let (site, diags) = read_site(&common::content());
    assert!(!diags.has_errors(), "{}", diags.render());
    let site = site.unwrap();
    for (id, computed) in [(SKHCN, "52538"), (SNV, "16478"), (P223, "325688.5")] {
        let p = site.plan(id).unwrap();
        assert_eq!(
            p.budget.as_ref().unwrap().total().amount,
            d(computed),
            "{id}"
        );
    }
    let checks = total_checks(site.plan(SKHCN).unwrap());
    assert!(checks.iter().all(|c| c.difference.is_zero()));
    let checks = total_checks(site.plan(SNV).unwrap());
    assert!(checks.iter().all(|c| c.difference.is_zero()));
    let grand = total_checks(site.plan(P223).unwrap())
        .into_iter()
        .find(|c| c.source.line == 1224)
        .unwrap();
    assert_eq!(
        (grand.declared, grand.computed),
        (d("325189"), d("325688.5"))
    );

    // The data package still adds each plan's own lines to the plan's own total.
    let lines = lines();
    let sum = |plan: &str| -> Decimal {
        lines
            .values()
            .filter(|l| l["plan_id"] == plan && l["has_parts"] != "true")
            .filter_map(|l| Decimal::from_str(&l["amount_million_vnd"]).ok())
            .sum()
    };
    assert_eq!(sum(SKHCN), d("52538"));
    assert_eq!(sum(SNV), d("16478"));
    assert_eq!(sum(P223), d("325688.5"));
    // The plans' pages print their own totals.
    assert!(text(&format!("ke-hoach/{SKHCN}/kinh-phi/index.html")).contains("52.538"));
    assert!(text(&format!("ke-hoach/{SNV}/kinh-phi/index.html")).contains("16.478"));
}

#[test]
fn a_page_holding_both_lines_of_a_link_adds_them_once() {
    // The province's page holds every line spent "tinh-quang-ngai", of all plans: 149 lines
    // whose amounts add to 323.155,5 when each is counted; the 23 department lines that repeat
    // a line of plan 223 are left out of the sum (plan 223's amount is counted).
    let lines = lines();
    let repeated: Decimal = LINKS
        .iter()
        .map(|(plan, n, _)| d(&lines[&format!("{plan}-kp-{n}")]["amount_million_vnd"]))
        .sum();
    assert_eq!(repeated, d("21704"));
    let province = text("don-vi/tinh-quang-ngai/index.html");
    assert!(province.contains("Kinh phí (149 mục)"), "{province}");
    assert!(
        province.contains(
            "Các mục cộng lại: 301.451,5 triệu đồng ; 23 mục trùng với mục của kế hoạch khác trên trang này nên chỉ cộng một lần"
        ),
        "{province}"
    );
    // A department's offices and Sở TT&TT hold only one side of each link: their sums are their
    // plan's lines, unchanged.
    let tttt = text("don-vi/so-thong-tin-va-truyen-thong/index.html");
    assert!(
        tttt.contains("Các mục cộng lại: 28.021 triệu đồng ."),
        "{tttt}"
    );
    assert!(!tttt.contains("trùng với mục"));
}
