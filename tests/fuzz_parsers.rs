//! Property tests of the parsers: whatever text they are given, they never panic, and Vietnamese
//! number formatting round-trips exactly. The number of cases is bounded (PROPTEST_CASES) so the
//! suite stays quick in CI; raise it locally for a longer run.

mod common;
use common::copy_dir;
use std::path::Path;
use std::str::FromStr;

use minhbach::dates::{PartialDate, Timeframe};
use minhbach::vn_number;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn formatting_then_parsing_gives_the_same_decimal(units in any::<i64>(), scale in 0u32..6) {
        let d = Decimal::new(units, scale);
        prop_assert_eq!(vn_number::parse(&vn_number::format(d)), Some(d.normalize()));
    }

    #[test]
    fn the_number_parser_never_panics(s in ".{0,40}") {
        let _ = vn_number::parse(&s);
        let _ = vn_number::numbers_in(&s);
    }

    #[test]
    fn vietnamese_notation_reads_as_its_plain_value(int in 0u64..10_000_000_000, frac in proptest::option::of(0u32..100)) {
        let plain = match frac { Some(f) => format!("{int}.{f:02}"), None => int.to_string() };
        let d = Decimal::from_str(&plain).unwrap();
        prop_assert_eq!(vn_number::parse(&vn_number::format(d)), Some(d.normalize()));
    }

    #[test]
    fn date_and_timeframe_parsers_never_panic(s in "[0-9Q\\-a-z]{0,14}") {
        let _ = PartialDate::parse(&s);
        let _ = Timeframe::parse(&s);
    }

    #[test]
    fn valid_dates_round_trip(y in 1900i32..2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        match PartialDate::parse(&text) {
            Ok(date) => prop_assert_eq!(date.iso(), text),
            Err(_) => prop_assert!(d > minhbach::dates::days_in_month(y, m)),
        }
    }
}

proptest! {
    // Whole-site loads are slower: fewer cases.
    #![proptest_config(ProptestConfig { cases: config().cases.min(48), ..ProptestConfig::default() })]

    #[test]
    fn the_content_loader_reports_instead_of_panicking_on_arbitrary_files(
        units in ".{0,300}",
        budget in "(\\[\\[item\\]\\]\\n|amount = |title = \"x\"\\n|line = 1\\n|number = \"1\"\\n|[0-9.\"=\\n]){0,40}",
    ) {
        let dir = std::env::temp_dir().join(format!("minhbach-fuzz-{}-{}", std::process::id(), rand_suffix(&units, &budget)));
        let _ = std::fs::remove_dir_all(&dir);
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        copy_dir(&fixture, &dir);
        std::fs::write(dir.join("units/fuzz.toml"), &units).unwrap();
        std::fs::write(dir.join("plans/kh-1-2025/budget.toml"), &budget).unwrap();
        let result = std::panic::catch_unwind(|| minhbach::content::read_site(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        prop_assert!(result.is_ok(), "the loader panicked");
    }
}

fn rand_suffix(a: &str, b: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (a, b).hash(&mut h);
    h.finish()
}
