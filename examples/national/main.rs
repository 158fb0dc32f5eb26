//! Generates the synthetic national content set (issue 10):
//!
//! ```sh
//! cargo run --release --example national -- OUT [--provinces N] [--communes-per-province M] [--seed S]
//! cargo run --release -- check --content OUT
//! ```
//!
//! OUT becomes a content directory. By default: all 34 provinces with all 3,321 communes
//! (3,355 plans + 1 cited national plan, 34 progress reports). The same arguments always give
//! byte-identical output. See `docs/performance.md`.

mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: national OUT [--provinces N] [--communes-per-province M] [--seed S]

Writes a synthetic national content set into OUT (a content directory for `minhbach check/build
--content OUT`). Defaults: all 34 provinces, every commune of each, seed 2025. OUT must be empty,
missing, or a set written earlier by this command (it is then replaced).";

fn parse() -> Result<(PathBuf, generator::Options), String> {
    let mut out = None;
    let mut opts = generator::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            let v = args.next().ok_or_else(|| format!("{name} needs a value"))?;
            v.parse::<u64>()
                .map_err(|_| format!("{name}: `{v}` is not a non-negative integer"))
        };
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--provinces" => opts.provinces = Some(value("--provinces")? as usize),
            "--communes-per-province" => {
                opts.communes_per_province = Some(value("--communes-per-province")? as usize)
            }
            "--seed" => opts.seed = value("--seed")?,
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s if out.is_none() => out = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument `{s}`")),
        }
    }
    let out = out.ok_or_else(|| "missing OUT".to_string())?;
    if opts.provinces == Some(0) {
        return Err("--provinces must be at least 1".into());
    }
    Ok((out, opts))
}

fn main() -> ExitCode {
    let (out, opts) = match parse() {
        Ok(x) => x,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}\n");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if e.is_empty() { 0 } else { 2 });
        }
    };
    let t = Instant::now();
    match generator::generate(&out, &opts) {
        Ok(s) => {
            eprintln!(
                "Wrote {} provinces, {} communes: {} plans ({} targets, {} tasks, {} budget lines), {} reports — {} files, {:.1} MB into `{}` in {:.1} s.",
                s.provinces,
                s.communes,
                s.plans,
                s.targets,
                s.tasks,
                s.budget_lines,
                s.reports,
                s.files,
                s.bytes as f64 / 1e6,
                out.display(),
                t.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
