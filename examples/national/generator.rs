//! The synthetic national content set: every province of Việt Nam since 1 July 2025 with a
//! digital-transformation plan, every commune (xã, phường, đặc khu) with its own plan, and one
//! progress report per province — written in the content format of `docs/content-format.md`, so
//! that `minhbach check` accepts it.
//!
//! Names and codes of provinces and communes are real (Công văn 915/CTK-CSCL and 1027/CTK-CSCL of
//! the General Statistics Office, transcribed by dvhcvn/20250701, MIT; see `data/README.md`);
//! everything else — documents, numbers, signers — is invented, deterministically from the seed.
//!
//! Determinism: the output depends only on the options. Each plan draws from its own random
//! stream, seeded from (seed, official code), so a commune's plan is the same whatever the scale;
//! nothing iterates a hash map and nothing reads the clock.
//!
//! This file is shared: `examples/national/main.rs` (the command), `examples/bench/main.rs` and
//! `tests/national_set.rs` include it by path.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

#[path = "text.rs"]
pub mod text;
use text::{AREAS, Measure};

const PROVINCES_CSV: &str = include_str!("data/provinces-2025-915-CTK-CSCL.csv");
const COMMUNES_CSV: &str = include_str!("data/communes-2025-1027-CTK-CSCL.csv");

/// Seed used when none is given.
pub const DEFAULT_SEED: u64 = 2025;

/// File written at the top of a generated set; a directory holding it may be replaced. Names
/// starting with a dot are not content for minhbach.
pub const MARKER: &str = ".minhbach-national-set";

/// Id of the national plan every province plan implements (a cited plan).
const NATIONAL_PLAN: &str = "kh-02-bcdtw-2025";
/// Id of the excerpt of the official list of administrative units.
const UNIT_LIST_DOC: &str = "dm-dvhc-2025";

#[derive(Debug, Clone)]
pub struct Options {
    /// First N provinces in official order (default: all 34).
    pub provinces: Option<usize>,
    /// First M communes of each province in official order (default: all).
    pub communes_per_province: Option<usize>,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            provinces: None,
            communes_per_province: None,
            seed: DEFAULT_SEED,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub provinces: usize,
    pub communes: usize,
    pub plans: usize,
    pub reports: usize,
    pub targets: usize,
    pub tasks: usize,
    pub budget_lines: usize,
    pub files: usize,
    pub bytes: u64,
}

// ------------------------------------------------------------------------------------------------
// Administrative units

#[derive(Debug, Clone)]
pub struct Province {
    pub code: String,
    /// "Tỉnh Cao Bằng", "Thành phố Hà Nội".
    pub name: String,
    /// "Cao Bằng", "Hà Nội".
    pub short: String,
    /// "tỉnh" or "thành phố".
    pub dv: &'static str,
    /// "tinh-cao-bang".
    pub id: String,
    /// "cao-bang": suffix of the ids of its departments.
    pub slug: String,
    pub communes: Vec<Commune>,
}

#[derive(Debug, Clone)]
pub struct Commune {
    pub code: String,
    /// "Xã Tân Thành".
    pub name: String,
    /// "commune" | "ward" | "special-zone".
    pub kind: &'static str,
    /// "xã" | "phường" | "đặc khu".
    pub dv: &'static str,
    /// "xa-tan-thanh-12345": names repeat across the country, codes do not.
    pub id: String,
}

impl Commune {
    /// "xã Tân Thành", as written inside a sentence.
    pub fn ten(&self) -> String {
        let rest = self.name.split_once(' ').map(|x| x.1).unwrap_or("");
        let rest = if self.kind == "special-zone" {
            rest.split_once(' ').map(|x| x.1).unwrap_or(rest)
        } else {
            rest
        };
        format!("{} {rest}", self.dv)
    }
}

impl Province {
    pub fn ten(&self) -> String {
        format!("{} {}", self.dv, self.short)
    }
    pub fn ubnd_id(&self) -> String {
        format!("ubnd-{}", self.id)
    }
    pub fn unit_id(&self, role: &str) -> String {
        let base = text::DEPARTMENTS
            .iter()
            .find(|d| d.0 == role)
            .map(|d| slugify(&d.1.replace("{dv}", "")))
            .or_else(|| {
                text::COLLECTIVES
                    .iter()
                    .find(|c| c.0 == role)
                    .map(|_| match role {
                        "sbn" => "cac-so-ban-nganh".to_string(),
                        "xa" => "ubnd-cap-xa".to_string(),
                        _ => "doanh-nghiep-vien-thong".to_string(),
                    })
            })
            .unwrap_or_else(|| panic!("unknown role {role}"));
        format!("{base}-{}", self.slug)
    }
    /// The official name, as in units/*.toml: "Sở Nội vụ tỉnh Cao Bằng".
    pub fn unit_full_name(&self, role: &str) -> String {
        match text::DEPARTMENTS.iter().find(|d| d.0 == role) {
            Some((_, name, ..)) if name.contains("{dv}") => {
                format!("{} {}", name.replace("{dv}", self.dv), self.short)
            }
            Some((_, name, ..)) => format!("{name} {}", self.ten()),
            None => self.unit_name(role),
        }
    }
    pub fn unit_name(&self, role: &str) -> String {
        text::DEPARTMENTS
            .iter()
            .find(|d| d.0 == role)
            .map(|d| d.1)
            .or_else(|| text::COLLECTIVES.iter().find(|c| c.0 == role).map(|c| c.1))
            .map(|n| n.replace("{dv}", self.dv))
            .unwrap_or_default()
    }
}

/// All 34 provinces with all their communes, in official order.
pub fn all_units() -> Vec<Province> {
    let mut provinces: Vec<Province> = PROVINCES_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.trim_end_matches('\r').split(',').collect();
            assert_eq!(f.len(), 3, "bad province row {l:?}");
            let csv_name = f[2].trim();
            let (name, short, dv) = match csv_name.strip_prefix("Thành phố ") {
                Some(short) => (csv_name.to_string(), short.to_string(), "thành phố"),
                None => (format!("Tỉnh {csv_name}"), csv_name.to_string(), "tỉnh"),
            };
            Province {
                code: f[1].to_string(),
                id: slugify(&name),
                slug: slugify(&short),
                name,
                short,
                dv,
                communes: Vec::new(),
            }
        })
        .collect();
    for l in COMMUNES_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
    {
        let f: Vec<&str> = l.trim_end_matches('\r').split(',').collect();
        assert_eq!(f.len(), 4, "bad commune row {l:?}");
        let (kind, dv) = match f[2] {
            "commune" => ("commune", "xã"),
            "ward" => ("ward", "phường"),
            "special-zone" => ("special-zone", "đặc khu"),
            k => panic!("unknown kind {k}"),
        };
        let p = provinces
            .iter_mut()
            .find(|p| p.code == f[3])
            .unwrap_or_else(|| panic!("unknown province code {}", f[3]));
        p.communes.push(Commune {
            code: f[0].to_string(),
            name: f[1].to_string(),
            kind,
            dv,
            id: format!("{}-{}", slugify(f[1]), f[0]),
        });
    }
    provinces
}

/// The provinces and communes of a set of the given scale.
pub fn select(opts: &Options) -> Vec<Province> {
    let mut ps = all_units();
    if let Some(n) = opts.provinces {
        ps.truncate(n);
    }
    if let Some(m) = opts.communes_per_province {
        for p in &mut ps {
            p.communes.truncate(m);
        }
    }
    ps
}

// ------------------------------------------------------------------------------------------------
// Small helpers: random numbers, slugs, numbers, TOML strings

/// SplitMix64, seeded from the seed and a key (FNV-1a): one independent stream per entity.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, key: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for b in key.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1) as u64)) as i64
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next_u64() % xs.len() as u64) as usize]
    }
    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    /// `n` distinct indices of `0..len`, in increasing order.
    pub fn subset(&mut self, len: usize, n: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..len).collect();
        for i in (1..len).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            idx.swap(i, j);
        }
        idx.truncate(n.min(len));
        idx.sort_unstable();
        idx
    }
    pub fn person(&mut self) -> String {
        let f = self.pick(text::FAMILY);
        let m = self.pick(text::MIDDLE);
        let g = self.pick(text::GIVEN);
        format!("{f} {m} {g}")
    }
}

/// `Sở Nội vụ` → `so-noi-vu` (as minhbach's own slugify).
pub fn slugify(s: &str) -> String {
    let ascii = deunicode::deunicode(&s.replace(['đ', 'Đ'], "d"));
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Integer part with `.` thousands separators.
fn group(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A fixed-point number with `scale` decimals (`value / 10^scale`), written the Vietnamese way
/// (`1.400`, `331,5`, `87,85`) and the TOML way (`1400`, `331.5`, `87.85`). Trailing zeros of the
/// fraction are dropped in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fixed {
    pub value: i64,
    pub scale: u32,
}

impl Fixed {
    pub fn int(v: i64) -> Fixed {
        Fixed { value: v, scale: 0 }
    }
    fn parts(&self) -> (i64, String) {
        let d = 10i64.pow(self.scale);
        let int = self.value / d;
        let mut frac = format!(
            "{:0width$}",
            (self.value % d).abs(),
            width = self.scale as usize
        );
        while frac.ends_with('0') {
            frac.pop();
        }
        (int, frac)
    }
    pub fn vn(&self) -> String {
        let (i, f) = self.parts();
        if f.is_empty() {
            group(i)
        } else {
            format!("{},{f}", group(i))
        }
    }
    pub fn toml(&self) -> String {
        let (i, f) = self.parts();
        if f.is_empty() {
            i.to_string()
        } else {
            format!("{i}.{f}")
        }
    }
}

/// Money in tenths of a million VND.
fn money(tenths: i64) -> Fixed {
    Fixed {
        value: tenths,
        scale: 1,
    }
}

/// A TOML basic string.
pub fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn q_list(xs: &[String]) -> String {
    let items: Vec<String> = xs.iter().map(|x| q(x)).collect();
    format!("[{}]", items.join(", "))
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn fill(template: &str, dv: &str, v: Option<u32>) -> String {
    let mut s = template.replace("{dv}", dv);
    if let Some(v) = v {
        s = s.replace("{v}", &v.to_string());
    }
    upper_first(&s)
}

/// Vietnamese date words: "ngày 15 tháng 7 năm 2025".
fn date_words(y: i32, m: u32, d: u32) -> String {
    format!("ngày {d} tháng {m} năm {y}")
}

/// A source document being written: lines are numbered from 1 as `check` counts them.
#[derive(Default)]
struct Doc {
    lines: Vec<String>,
}

impl Doc {
    fn push(&mut self, s: impl Into<String>) -> usize {
        let s: String = s.into();
        debug_assert!(!s.contains('\n'));
        self.lines.push(s);
        self.lines.len()
    }
    fn blank(&mut self) {
        self.lines.push(String::new());
    }
    fn text(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }
}

// ------------------------------------------------------------------------------------------------
// Writing

struct Writer {
    root: PathBuf,
    files: usize,
    bytes: u64,
}

impl Writer {
    fn write(&mut self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

/// Prepares `out`: creates it, or empties it if it holds a previous generated set. Refuses any
/// other non-empty directory.
fn prepare(out: &Path) -> io::Result<()> {
    if out.exists() {
        let non_empty = std::fs::read_dir(out)?.next().is_some();
        if non_empty {
            if !out.join(MARKER).is_file() {
                return Err(io::Error::other(format!(
                    "`{}` is not empty and was not written by this generator (no `{MARKER}`); choose another directory",
                    out.display()
                )));
            }
            std::fs::remove_dir_all(out)?;
        }
    }
    std::fs::create_dir_all(out)
}

/// Generates the set into `out` (the content directory).
pub fn generate(out: &Path, opts: &Options) -> io::Result<Summary> {
    let provinces = select(opts);
    prepare(out)?;
    let mut w = Writer {
        root: out.to_path_buf(),
        files: 0,
        bytes: 0,
    };
    let seed = opts.seed;
    let mut summary = Summary {
        provinces: provinces.len(),
        communes: provinces.iter().map(|p| p.communes.len()).sum(),
        ..Summary::default()
    };
    w.write(
        MARKER,
        &format!(
            "minhbach national set: provinces={:?} communes_per_province={:?} seed={}\n",
            opts.provinces, opts.communes_per_province, seed
        ),
    )?;
    w.write("site.toml", &site_toml(&provinces, opts))?;
    w.write("areas.toml", &areas_toml())?;

    // The excerpt of the official list: the source of every province and commune unit.
    let (list_doc, unit_lines) = unit_list_doc(&provinces);
    w.write(&format!("documents/{UNIT_LIST_DOC}.txt"), &list_doc)?;

    let mut registry = String::new();
    registry.push_str(
        "# Văn bản nguồn của bộ dữ liệu giả lập toàn quốc (sinh bởi examples/national).\n\
         # Tên và mã số đơn vị hành chính là thật; nội dung các kế hoạch, báo cáo và mọi con số là giả lập.\n",
    );
    doc_entry(
        &mut registry,
        UNIT_LIST_DOC,
        "Danh mục và mã số các đơn vị hành chính từ ngày 01/7/2025 (trích Công văn số 915/CTK-CSCL và Công văn số 1027/CTK-CSCL ngày 25/6/2025 của Cục Thống kê)",
        "2025-06-25",
        None,
        "Bản trích từ bản chép lại của dự án công khai dvhcvn/20250701 (giấy phép MIT), chỉ gồm các đơn vị có trong bộ dữ liệu.",
        "MIT",
    );

    w.write("units/quoc-gia.toml", NATIONAL_UNITS)?;

    // The national plan every province plan implements; cited in the first province plan.
    let mut national_cited_in = None;

    for (pi, p) in provinces.iter().enumerate() {
        w.write(
            &format!("units/{}.toml", p.id),
            &units_toml(p, &unit_lines[pi]),
        )?;
        let plan = province_plan(p, seed);
        if national_cited_in.is_none() {
            national_cited_in = Some(format!("{}:{}", plan.id, plan.national_line));
        }
        summary.targets += plan.targets.len();
        summary.tasks += plan.tasks.len();
        summary.budget_lines += plan.budget_lines;
        summary.plans += 1;
        write_plan(&mut w, &mut registry, &plan)?;

        let report = province_report(p, &plan, seed);
        summary.reports += 1;
        doc_entry(
            &mut registry,
            &report.id,
            &report.doc_title,
            &report.date,
            Some(&p.ubnd_id()),
            SYNTHETIC_ORIGIN,
            "",
        );
        w.write(&format!("documents/{}.txt", report.id), &report.doc)?;
        w.write(
            &format!("reports/{}/report.md", report.id),
            &report.report_md,
        )?;
        w.write(
            &format!("reports/{}/progress.toml", report.id),
            &report.progress,
        )?;

        for c in &p.communes {
            let plan = commune_plan(p, c, &plan.id, seed);
            summary.targets += plan.targets.len();
            summary.tasks += plan.tasks.len();
            summary.budget_lines += plan.budget_lines;
            summary.plans += 1;
            write_plan(&mut w, &mut registry, &plan)?;
        }
    }
    if let Some(cited_in) = national_cited_in {
        w.write(
            &format!("plans/{NATIONAL_PLAN}/plan.md"),
            &national_plan_md(&cited_in),
        )?;
        summary.plans += 1;
    }
    w.write("documents/documents.toml", &registry)?;
    summary.files = w.files;
    summary.bytes = w.bytes;
    Ok(summary)
}

const SYNTHETIC_ORIGIN: &str = "Văn bản giả lập do examples/national của minhbach sinh ra để đo hiệu năng: tên và mã số đơn vị hành chính là thật, nội dung và số liệu là giả.";

fn doc_entry(
    out: &mut String,
    id: &str,
    title: &str,
    date: &str,
    issuer: Option<&str>,
    origin: &str,
    licence: &str,
) {
    let _ = writeln!(
        out,
        "\n[[document]]\nid = {}\nfile = {}",
        q(id),
        q(&format!("{id}.txt"))
    );
    let _ = writeln!(out, "title = {}\ndate = {}", q(title), q(date));
    if let Some(i) = issuer {
        let _ = writeln!(out, "issuer = {}", q(i));
    }
    let _ = writeln!(out, "origin = {}", q(origin));
    if !licence.is_empty() {
        let _ = writeln!(out, "licence = {}", q(licence));
    }
}

fn site_toml(provinces: &[Province], opts: &Options) -> String {
    let communes: usize = provinces.iter().map(|p| p.communes.len()).sum();
    format!(
        "# Bộ dữ liệu giả lập toàn quốc để đo hiệu năng (examples/national, seed {seed}).\n\
         title = \"Minh bạch chuyển đổi số — bộ dữ liệu giả lập toàn quốc\"\n\
         description = {desc}\n\
         base_url = \"https://minhbach.example.org/quoc-gia\"\n\
         language = \"vi\"\n\
         publisher = \"bo-khoa-hoc-va-cong-nghe\"\n\
         licence = \"CC-BY-4.0\"\n\
         licence_url = \"https://creativecommons.org/licenses/by/4.0/\"\n",
        seed = opts.seed,
        desc = q(&format!(
            "Dữ liệu giả lập (không phải số liệu thật) về kế hoạch chuyển đổi số năm 2025 của {} tỉnh, thành phố và {} xã, phường, đặc khu, dùng để đo hiệu năng của minhbach. Tên và mã số đơn vị hành chính là thật.",
            provinces.len(),
            communes
        )),
    )
}

fn areas_toml() -> String {
    let mut s = String::from("# Lĩnh vực (như content/areas.toml của bộ nội dung Quảng Ngãi).\n");
    for (i, (id, name)) in AREAS.iter().enumerate() {
        let _ = write!(
            s,
            "\n[[area]]\nid = {}\nname = {}\norder = {}\n",
            q(id),
            q(name),
            i + 1
        );
    }
    s
}

const NATIONAL_UNITS: &str = "# Cơ quan trung ương được nhắc đến trong bộ dữ liệu giả lập.\n\n\
[[unit]]\n\
id = \"bo-khoa-hoc-va-cong-nghe\"\n\
name = \"Bộ Khoa học và Công nghệ\"\n\
short_name = \"Bộ KH&CN\"\n\
kind = \"agency\"\n\n\
[[unit]]\n\
id = \"ban-chi-dao-trung-uong\"\n\
name = \"Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\"\n\
short_name = \"BCĐTW\"\n\
kind = \"party-body\"\n";

fn national_plan_md(cited_in: &str) -> String {
    format!(
        "+++\n\
         number = \"02-KH/BCĐTW\"\n\
         title = \"Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\"\n\
         issuer = \"ban-chi-dao-trung-uong\"\n\
         level = \"central\"\n\
         issued = \"2025-06-19\"\n\
         status = \"cited\"\n\
         cited_in = {}\n\
         summary = \"Kế hoạch của Trung ương mà kế hoạch chuyển đổi số năm 2025 của các tỉnh, thành phố thực hiện; bộ dữ liệu không có văn bản này, chỉ biết đến qua trích dẫn.\"\n\
         +++\n\n\
         Bộ dữ liệu không có văn bản của Kế hoạch này; các kế hoạch cấp tỉnh trích dẫn nó trong phần căn cứ.\n",
        q(cited_in)
    )
}

/// The excerpt of the official list; returns its text and, per province, the line of its
/// heading and the line of each of its communes.
fn unit_list_doc(provinces: &[Province]) -> (String, Vec<(usize, Vec<usize>)>) {
    let mut d = Doc::default();
    d.push("Phụ lục I");
    d.push("DANH MỤC VÀ MÃ SỐ CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ");
    d.push(
        "(Ban hành kèm theo Công văn số 1027/CTK-CSCL ngày 25 tháng 6 năm 2025 của Cục Thống kê)",
    );
    d.push("(Bản trích: chỉ gồm các tỉnh, thành phố và các đơn vị cấp xã có trong bộ dữ liệu; mã số tỉnh theo Công văn số 915/CTK-CSCL.)");
    d.blank();
    d.push("Stt\tMã số\tTên đơn vị hành chính\tTỉnh (thành phố)");
    let mut stt = 0;
    let mut out = Vec::new();
    for p in provinces {
        let head = d.push(format!("\t{}\t{}\t", p.code, p.name.to_uppercase()));
        let mut lines = Vec::new();
        for c in &p.communes {
            stt += 1;
            lines.push(d.push(format!("{stt}\t{}\t{}\t{}", c.code, c.name, p.name)));
        }
        out.push((head, lines));
    }
    (d.text(), out)
}

fn units_toml(p: &Province, lines: &(usize, Vec<usize>)) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}: đơn vị cấp tỉnh, các sở, ngành (giả lập) và {} đơn vị hành chính cấp xã (tên, mã số thật).",
        p.name,
        p.communes.len()
    );
    let _ = write!(
        s,
        "\n[[unit]]\nid = {}\nname = {}\nkind = \"province\"\ncode = {}\nvalid_from = \"2025-07-01\"\nsource = {}\n",
        q(&p.id),
        q(&p.name),
        q(&p.code),
        q(&format!("{UNIT_LIST_DOC}:{}", lines.0))
    );
    let _ = write!(
        s,
        "\n[[unit]]\nid = {}\nname = {}\nshort_name = {}\nkind = \"people-committee\"\nparent = {}\n",
        q(&p.ubnd_id()),
        q(&format!("Ủy ban nhân dân {}", p.ten())),
        q(&format!("UBND {}", p.dv)),
        q(&p.id)
    );
    for (role, _, short, kind) in text::DEPARTMENTS {
        let _ = write!(
            s,
            "\n[[unit]]\nid = {}\nname = {}\n",
            q(&p.unit_id(role)),
            q(&p.unit_full_name(role))
        );
        if !short.is_empty() {
            let _ = writeln!(s, "short_name = {}", q(&short.replace("{dv}", p.dv)));
        }
        let _ = writeln!(s, "kind = {}\nparent = {}", q(kind), q(&p.ubnd_id()));
    }
    for (role, name) in text::COLLECTIVES {
        let _ = write!(
            s,
            "\n[[unit]]\nid = {}\nname = {}\nkind = \"collective\"\nparent = {}\n",
            q(&p.unit_id(role)),
            q(&format!("{} ({})", name.replace("{dv}", p.dv), p.name)),
            q(&p.id)
        );
    }
    for (c, line) in p.communes.iter().zip(&lines.1) {
        let _ = write!(
            s,
            "\n[[unit]]\nid = {}\nname = {}\nkind = {}\nparent = {}\ncode = {}\nvalid_from = \"2025-07-01\"\nsource = {}\n",
            q(&c.id),
            q(&c.name),
            q(c.kind),
            q(&p.id),
            q(&c.code),
            q(&format!("{UNIT_LIST_DOC}:{line}"))
        );
    }
    s
}

// ------------------------------------------------------------------------------------------------
// Plans

pub struct TargetInfo {
    pub number: String,
    pub template: usize,
    pub measure: Measure,
    pub goal: Option<u32>,
    pub baseline: Option<Fixed>,
}

pub struct TaskInfo {
    pub number: String,
    pub title: String,
    pub timeframe: &'static str,
}

pub struct PlanOut {
    pub id: String,
    pub doc_title: String,
    pub date: String,
    pub issuer: String,
    pub doc: String,
    pub plan_md: String,
    pub targets_toml: String,
    pub tasks_toml: String,
    pub budget_toml: String,
    pub targets: Vec<TargetInfo>,
    pub tasks: Vec<TaskInfo>,
    pub budget_lines: usize,
    /// Line of the document citing the national plan.
    pub national_line: usize,
    pub number: String,
}

fn write_plan(w: &mut Writer, registry: &mut String, plan: &PlanOut) -> io::Result<()> {
    doc_entry(
        registry,
        &plan.id,
        &plan.doc_title,
        &plan.date,
        Some(&plan.issuer),
        SYNTHETIC_ORIGIN,
        "",
    );
    w.write(&format!("documents/{}.txt", plan.id), &plan.doc)?;
    w.write(&format!("plans/{}/plan.md", plan.id), &plan.plan_md)?;
    w.write(
        &format!("plans/{}/targets.toml", plan.id),
        &plan.targets_toml,
    )?;
    w.write(&format!("plans/{}/budget.toml", plan.id), &plan.budget_toml)?;
    w.write(&format!("plans/{}/tasks.toml", plan.id), &plan.tasks_toml)
}

/// Who a plan is by, in the words its document uses.
struct Issuer {
    /// "tỉnh" / "thành phố" / "xã" / "phường" / "đặc khu".
    dv: &'static str,
    /// "tỉnh Cao Bằng" / "xã Tân Thành".
    ten: String,
    /// Place line of the header: "Cao Bằng".
    place: String,
}

fn header(d: &mut Doc, iss: &Issuer, number: &str, date: (i32, u32, u32)) {
    d.push("ỦY BAN NHÂN DÂN");
    d.push(iss.ten.to_uppercase());
    d.push(format!("Số: {number}"));
    d.push("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    d.push("Độc lập - Tự do - Hạnh phúc");
    d.push(format!(
        "{}, {}",
        iss.place,
        date_words(date.0, date.1, date.2)
    ));
    d.blank();
}

fn signature(d: &mut Doc, signer: &str, dv: &str) {
    let party = match dv {
        "tỉnh" => "Tỉnh ủy".to_string(),
        "thành phố" => "Thành ủy".to_string(),
        _ => format!("Đảng ủy {dv}"),
    };
    d.blank();
    d.push("Nơi nhận:");
    d.push("- Như trên;");
    d.push(format!("- Thường trực {party}, Thường trực HĐND {dv};"));
    d.push(format!("- CT, các PCT UBND {dv};"));
    d.push("- Các cơ quan, đơn vị liên quan;");
    d.push("- Lưu: VT.");
    d.blank();
    d.push("TM. ỦY BAN NHÂN DÂN");
    d.push("KT. CHỦ TỊCH");
    d.push("PHÓ CHỦ TỊCH");
    d.blank();
    d.push(signer.to_string());
    d.blank();
}

/// One task as the document lists it.
struct TaskLine {
    number: String,
    title: String,
    lead: String,
    coord: String,
    time: &'static str,
    details: Vec<&'static str>,
}

/// The narrative of a plan (sections I–VI), written into the source document and, as Markdown,
/// into plan.md: the same text in both places, as in the bundled plans.
struct Narrative<'a> {
    dv: &'static str,
    ten: String,
    intro: String,
    assessment: Vec<&'static str>,
    /// Results of 2024 that targets cite as baselines.
    baselines: Vec<String>,
    aims: &'a [&'static str],
    n_targets: usize,
    sections: Vec<(usize, Vec<TaskLine>)>,
    total: Fixed,
    duties: Vec<(String, Vec<String>)>,
}

/// Lines of a document that data files cite.
struct Cited {
    national: usize,
    baselines: Vec<usize>,
    tasks: Vec<usize>,
}

impl Narrative<'_> {
    fn write_doc(&self, d: &mut Doc) -> Cited {
        let mut cited = Cited {
            national: 0,
            baselines: Vec::new(),
            tasks: Vec::new(),
        };
        for b in text::LEGAL_BASES {
            let l = d.push(format!("Căn cứ {b};"));
            if b.contains("02-KH/BCĐTW") {
                cited.national = l;
            }
        }
        d.push(self.intro.clone());
        d.blank();
        d.push("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024");
        d.push(format!(
            "Năm 2024, công tác chuyển đổi số trên địa bàn {} (số liệu tổng hợp của các đơn vị hành chính trước sắp xếp) đạt được nhiều kết quả tích cực; hạ tầng số tiếp tục được đầu tư, dịch vụ công trực tuyến được người dân, doanh nghiệp sử dụng ngày càng nhiều.",
            self.ten
        ));
        for a in &self.assessment {
            d.push(a.replace("{dv}", self.dv));
        }
        if !self.baselines.is_empty() {
            d.push("Một số kết quả chủ yếu:");
            for b in &self.baselines {
                cited.baselines.push(d.push(format!("- {b}.")));
            }
        }
        d.push("Bên cạnh kết quả đạt được, công tác chuyển đổi số còn một số tồn tại, hạn chế: nhân lực chuyên trách còn thiếu, nhất là ở cấp xã; dữ liệu chưa được kết nối, chia sẻ đầy đủ; tỷ lệ hồ sơ trực tuyến toàn trình ở một số lĩnh vực còn thấp; kinh phí bố trí cho chuyển đổi số chưa tương xứng với nhiệm vụ.");
        d.blank();
        d.push("II. MỤC TIÊU");
        d.push("1. Mục tiêu chung");
        for a in self.aims {
            d.push(format!("- {a}"));
        }
        d.push("2. Chỉ tiêu cụ thể");
        d.push(format!(
            "Phấn đấu hoàn thành {} chỉ tiêu chủ yếu đến hết năm 2025 tại Phụ lục I kèm theo Kế hoạch này.",
            self.n_targets
        ));
        d.blank();
        d.push("III. NHIỆM VỤ");
        for (si, (area, tasks)) in self.sections.iter().enumerate() {
            d.push(format!("{}. {}", si + 1, AREAS[*area].1));
            for p in text::AREA_PARAGRAPHS[*area] {
                d.push(p.replace("{dv}", self.dv));
            }
            for t in tasks {
                cited
                    .tasks
                    .push(d.push(format!("{}. {}", t.number, t.title)));
                for x in &t.details {
                    d.push(format!("- {x}"));
                }
                d.push(format!("- Cơ quan chủ trì: {}.", t.lead));
                d.push(format!("- Cơ quan phối hợp: {}.", t.coord));
                d.push(format!("- Thời gian thực hiện: {}.", t.time));
            }
            d.blank();
        }
        d.push("IV. GIẢI PHÁP");
        for (i, (h, p)) in text::SOLUTIONS.iter().enumerate() {
            d.push(format!("{}. {h}", i + 1));
            d.push(p.to_string());
        }
        d.blank();
        d.push("V. KINH PHÍ THỰC HIỆN");
        d.push(format!(
            "Tổng kinh phí dự kiến năm 2025 là {} triệu đồng (chi tiết tại Phụ lục II). Kinh phí được bố trí từ ngân sách nhà nước theo phân cấp hiện hành và lồng ghép các nguồn hợp pháp khác.",
            self.total.vn()
        ));
        d.blank();
        d.push("VI. TỔ CHỨC THỰC HIỆN");
        for (i, (who, duties)) in self.duties.iter().enumerate() {
            d.push(format!("{}. {who}", i + 1));
            for (j, x) in duties.iter().enumerate() {
                d.push(format!("{}) {x}", (b'a' + j as u8) as char));
            }
        }
        for p in text::ORGANISATION {
            d.push(p.to_string());
        }
        cited
    }

    fn markdown(&self, links: &str) -> String {
        let mut m = String::new();
        let _ = writeln!(m, "{}\n", self.intro);
        let _ = writeln!(m, "## I. CĂN CỨ LẬP KẾ HOẠCH\n");
        for b in text::LEGAL_BASES {
            let _ = writeln!(m, "- {b};");
        }
        let _ = writeln!(m, "\n## II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024\n");
        for a in &self.assessment {
            let _ = writeln!(m, "{}\n", a.replace("{dv}", self.dv));
        }
        if !self.baselines.is_empty() {
            let _ = writeln!(m, "Một số kết quả chủ yếu:\n");
            for b in &self.baselines {
                let _ = writeln!(m, "- {b}.");
            }
            m.push('\n');
        }
        let _ = writeln!(m, "## III. MỤC TIÊU\n\n### 1. Mục tiêu chung\n");
        for a in self.aims {
            let _ = writeln!(m, "- {a}");
        }
        let _ = writeln!(
            m,
            "\n### 2. Chỉ tiêu cụ thể\n\nKế hoạch đặt {} chỉ tiêu phấn đấu hoàn thành đến hết năm 2025 tại **Phụ lục I**; mỗi chỉ tiêu có cơ quan chủ trì, cơ quan phối hợp và được theo dõi, đánh giá bằng dữ liệu số.\n",
            self.n_targets
        );
        let _ = writeln!(m, "## IV. NHIỆM VỤ\n");
        for (si, (area, tasks)) in self.sections.iter().enumerate() {
            let _ = writeln!(m, "### {}. {}\n", si + 1, AREAS[*area].1);
            for p in text::AREA_PARAGRAPHS[*area] {
                let _ = writeln!(m, "{}\n", p.replace("{dv}", self.dv));
            }
            for t in tasks {
                let _ = writeln!(m, "**{}.** {}\n", t.number, t.title);
                for x in &t.details {
                    let _ = writeln!(m, "- {x}");
                }
                let _ = writeln!(
                    m,
                    "- *Cơ quan chủ trì:* {}.\n- *Cơ quan phối hợp:* {}.\n- *Thời gian thực hiện:* {}.\n",
                    t.lead, t.coord, t.time
                );
            }
        }
        let _ = writeln!(m, "## V. GIẢI PHÁP\n");
        for (i, (h, p)) in text::SOLUTIONS.iter().enumerate() {
            let _ = writeln!(m, "### {}. {h}\n\n{p}\n", i + 1);
        }
        let _ = writeln!(
            m,
            "## VI. KINH PHÍ THỰC HIỆN\n\nTổng kinh phí dự kiến năm 2025 là **{} triệu đồng**, chi tiết tại **Phụ lục II**. Kinh phí được bố trí từ ngân sách nhà nước theo phân cấp hiện hành và lồng ghép các nguồn hợp pháp khác.\n",
            self.total.vn()
        );
        let _ = writeln!(m, "## VII. TỔ CHỨC THỰC HIỆN\n");
        for (i, (who, duties)) in self.duties.iter().enumerate() {
            let _ = writeln!(m, "### {}. {who}\n", i + 1);
            for (j, x) in duties.iter().enumerate() {
                let _ = writeln!(m, "{}) {x}\n", (b'a' + j as u8) as char);
            }
        }
        for p in text::ORGANISATION {
            let _ = writeln!(m, "{p}\n");
        }
        m.push_str(links);
        m
    }
}

#[allow(clippy::too_many_arguments)]
fn target_toml(
    s: &mut String,
    plan_id: &str,
    number: &str,
    area: usize,
    text: &str,
    measure: Measure,
    lead: &[String],
    coord: &[String],
    line: usize,
    goal: Option<(u32, &str)>,
    baseline: Option<(Fixed, &str, usize)>,
) {
    let _ = write!(
        s,
        "\n[[target]]\nnumber = {}\narea = {}\ntext = {}\nmeasure = {}\nlead = {}\ncoordinating = {}\nline = {line}\n",
        q(number),
        q(AREAS[area].0),
        q(text),
        q(match measure {
            Measure::Percent => "percent",
            Measure::Count => "count",
            Measure::Milestone => "milestone",
        }),
        q_list(lead),
        q_list(coord),
    );
    if let Some((_, cmp)) = goal {
        let why = match cmp {
            ">" => "“trên” đọc là lớn hơn hẳn (>).",
            "=" => "“đạt 100%” là mức tối đa của một tỷ lệ, ghi so sánh “= 100”.",
            _ => "“đạt”, “tối thiểu”, “ít nhất” đọc là mức tối thiểu phải đạt (≥).",
        };
        let _ = writeln!(s, "interpretation = {}", q(why));
    }
    if let Some((v, cmp)) = goal {
        let _ = write!(
            s,
            "\n[[target.goal]]\ncomparator = {}\nvalue = {v}\n",
            q(cmp)
        );
    }
    if let Some((v, words, l)) = baseline {
        let _ = write!(
            s,
            "\n[[target.value]]\nkind = \"baseline\"\nvalue = {}\ntext = {}\nyear = 2024\nas_of = \"2024-12\"\nsource = {}\nnote = \"Số liệu năm 2024 tổng hợp của các đơn vị hành chính trước sắp xếp.\"\n",
            v.toml(),
            q(words),
            q(&format!("{plan_id}:{l}"))
        );
    }
}

fn baseline_for(rng: &mut Rng, measure: Measure, goal: u32) -> Fixed {
    match measure {
        Measure::Percent => {
            let g = goal as i64 * 100;
            let v = (g - rng.range(100, 2500)).max(500);
            Fixed { value: v, scale: 2 }
        }
        _ => Fixed::int((goal as i64 * rng.range(40, 90) / 100).max(1)),
    }
}

fn baseline_words(t: &text::TargetT, v: Fixed) -> String {
    match t.measure {
        Measure::Percent => format!("{} năm 2024 đạt {}%", upper_first(t.short), v.vn()),
        _ => format!("{} năm 2024: {}", upper_first(t.short), v.vn()),
    }
}

/// The province plan.
fn province_plan(p: &Province, seed: u64) -> PlanOut {
    let mut rng = Rng::new(seed, &format!("province:{}", p.code));
    let id = format!("kh-cds-2025-{}", p.id);
    let number = format!("{}/KH-UBND", rng.range(95, 420));
    let day = rng.range(8, 25) as u32;
    let date = (2025, 7, day);
    let signer = rng.person();
    let iss = Issuer {
        dv: p.dv,
        ten: p.ten(),
        place: p.short.clone(),
    };

    // Targets: 20 of the province templates.
    let candidates: Vec<usize> = (0..text::TARGETS.len())
        .filter(|&i| text::TARGETS[i].province)
        .collect();
    let chosen: Vec<usize> = rng
        .subset(candidates.len(), 20)
        .into_iter()
        .map(|i| candidates[i])
        .collect();
    let mut targets = Vec::new();
    for (n, &ti) in chosen.iter().enumerate() {
        let t = &text::TARGETS[ti];
        let goal = (t.measure != Measure::Milestone).then(|| *rng.pick(t.values));
        let baseline = match goal {
            Some(g) if rng.chance(70) => Some(baseline_for(&mut rng, t.measure, g)),
            _ => None,
        };
        targets.push(TargetInfo {
            number: (n + 1).to_string(),
            template: ti,
            measure: t.measure,
            goal,
            baseline,
        });
    }

    // Tasks: 50 of the province templates, grouped by area.
    let candidates: Vec<usize> = (0..text::TASKS.len())
        .filter(|&i| text::TASKS[i].province)
        .collect();
    let chosen: Vec<usize> = rng
        .subset(candidates.len(), 50)
        .into_iter()
        .map(|i| candidates[i])
        .collect();
    let mut sections: Vec<(usize, Vec<TaskLine>)> = Vec::new();
    let mut task_meta = Vec::new(); // (template, number, timeframe, lead id, coord ids)
    for &ti in &chosen {
        let t = &text::TASKS[ti];
        if sections.last().map(|s| s.0) != Some(t.area) {
            sections.push((t.area, Vec::new()));
        }
        let si = sections.len();
        let number = format!("{si}.{}", sections[si - 1].1.len() + 1);
        let tf = *rng.pick(text::TIMEFRAMES);
        let coord_names: Vec<String> = t.coord.iter().map(|r| p.unit_name(r)).collect();
        let n_details = rng.range(1, 2) as usize;
        let details = rng
            .subset(text::TASK_DETAILS.len(), n_details)
            .into_iter()
            .map(|i| text::TASK_DETAILS[i])
            .collect();
        sections[si - 1].1.push(TaskLine {
            number: number.clone(),
            title: fill(t.title, p.dv, None),
            lead: p.unit_name(t.lead),
            coord: coord_names.join("; "),
            time: tf.1,
            details,
        });
        task_meta.push((
            ti,
            number,
            tf,
            p.unit_id(t.lead),
            t.coord.iter().map(|r| p.unit_id(r)).collect::<Vec<_>>(),
        ));
    }

    // Budget.
    let budget = province_budget(p, &mut rng);
    let total = money(budget.total);

    // Document.
    let mut d = Doc::default();
    header(&mut d, &iss, &number, date);
    d.push("KẾ HOẠCH");
    d.push(format!("Chuyển đổi số {} năm 2025", p.ten()));
    d.blank();
    let intro = format!(
        "Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương và sau khi sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương hai cấp từ ngày 01/7/2025, Ủy ban nhân dân {} ban hành Kế hoạch Chuyển đổi số năm 2025 như sau:",
        p.ten()
    );
    let with_baseline: Vec<usize> = (0..targets.len())
        .filter(|&i| targets[i].baseline.is_some())
        .collect();
    let narrative = Narrative {
        dv: p.dv,
        ten: p.ten(),
        intro,
        assessment: rng
            .subset(text::ASSESSMENT.len(), 6)
            .into_iter()
            .map(|i| text::ASSESSMENT[i])
            .collect(),
        baselines: with_baseline
            .iter()
            .map(|&i| {
                baseline_words(
                    &text::TARGETS[targets[i].template],
                    targets[i].baseline.unwrap(),
                )
            })
            .collect(),
        aims: text::AIMS,
        n_targets: targets.len(),
        sections,
        total,
        duties: text::DEPARTMENT_DUTIES
            .iter()
            .map(|(role, duty)| (p.unit_name(role), vec![duty.replace("{dv}", p.dv)]))
            .collect(),
    };
    let cited = narrative.write_doc(&mut d);
    let national_line = cited.national;
    let task_lines = cited.tasks;
    let mut baseline_lines = vec![0usize; targets.len()];
    for (&i, &l) in with_baseline.iter().zip(&cited.baselines) {
        baseline_lines[i] = l;
    }
    signature(&mut d, &signer, p.dv);

    // Phụ lục I: targets.
    d.push("Phụ lục I");
    d.push("DANH MỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ PHẤN ĐẤU HOÀN THÀNH ĐẾN HẾT NĂM 2025");
    d.push(format!(
        "(Kèm theo Kế hoạch số {number} ngày {day}/7/2025 của UBND {})",
        p.ten()
    ));
    d.push("TT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp");
    let mut targets_toml = format!(
        "# Phụ lục I của Kế hoạch số {number} (giả lập): chỉ tiêu phấn đấu hoàn thành đến hết năm 2025.\n"
    );
    let lead_roles = ["vp", "khcn", "nv", "tc", "ct", "vh", "ca"];
    for (i, t) in targets.iter().enumerate() {
        let tt = &text::TARGETS[t.template];
        let text = fill(tt.text, p.dv, t.goal);
        let lead_role = match tt.area {
            0 | 8 => "vp",
            2 | 3 | 5 | 6 | 11 => "khcn",
            4 => "nv",
            7 => "ca",
            9 => "ct",
            10 => "ca",
            12 => "tc",
            _ => lead_roles[i % lead_roles.len()],
        };
        let line = d.push(format!(
            "{}\t{text}\t{}\t{}",
            t.number,
            p.unit_name(lead_role),
            p.unit_name("sbn")
        ));
        let words = t.baseline.map(|v| baseline_words(tt, v));
        target_toml(
            &mut targets_toml,
            &id,
            &t.number,
            tt.area,
            &text,
            t.measure,
            &[p.unit_id(lead_role)],
            &[p.unit_id("sbn"), p.unit_id("xa")],
            line,
            t.goal.map(|g| (g, tt.cmp)),
            t.baseline
                .zip(words.as_deref())
                .map(|(v, w)| (v, w, baseline_lines[i])),
        );
    }
    d.blank();

    // Phụ lục II: budget.
    d.push("Phụ lục II");
    d.push("DỰ KIẾN NHIỆM VỤ CHUYỂN ĐỔI SỐ VÀ KINH PHÍ NĂM 2025");
    d.push(format!(
        "(Kèm theo Kế hoạch số {number} ngày {day}/7/2025 của UBND {})",
        p.ten()
    ));
    d.push("Đơn vị tính: triệu đồng");
    d.push("TT\tNội dung\tKinh phí\tNguồn vốn\tThời gian thực hiện");
    let budget_toml = budget.write(&mut d, &id, p, &number);

    // Tasks TOML.
    let mut tasks_toml = format!(
        "# Nhiệm vụ tại mục III của Kế hoạch số {number} (giả lập); mỗi nhiệm vụ có cơ quan chủ trì, phối hợp và thời gian.\n"
    );
    let mut tasks = Vec::new();
    for ((ti, number, tf, lead, coord), line) in task_meta.iter().zip(&task_lines) {
        let t = &text::TASKS[*ti];
        let title = fill(t.title, p.dv, None);
        let _ = write!(
            tasks_toml,
            "\n[[task]]\nnumber = {}\narea = {}\ntitle = {}\nlead = {}\ncoordinating = {}\ntimeframe = {}\ntimeframe_text = {}\nline = {line}\n",
            q(number),
            q(AREAS[t.area].0),
            q(&title),
            q_list(std::slice::from_ref(lead)),
            q_list(coord),
            q(tf.0),
            q(tf.1)
        );
        tasks.push(TaskInfo {
            number: number.clone(),
            title,
            timeframe: tf.0,
        });
    }

    let links = format!(
        "---\n\nKế hoạch do [Ủy ban nhân dân {}](/don-vi/{}/) ban hành, thực hiện [Kế hoạch số 02-KH/BCĐTW](/ke-hoach/{NATIONAL_PLAN}/). Xem [chỉ tiêu](/ke-hoach/{id}/chi-tieu/), [kinh phí](/ke-hoach/{id}/kinh-phi/), [nhiệm vụ](/ke-hoach/{id}/nhiem-vu/) và [văn bản gốc](/nguon/{id}/).\n",
        p.ten(),
        p.ubnd_id()
    );
    let md_body = narrative.markdown(&links);
    let plan_md = format!(
        "+++\nnumber = {}\ntitle = {}\nissuer = {}\nlevel = \"province\"\nissued = \"2025-07-{day:02}\"\nperiod = \"2025\"\nsigner = {}\nsigner_title = \"KT. Chủ tịch – Phó Chủ tịch\"\ndocument = {}\nimplements = [{}]\nlegal_bases = {}\nsummary = {}\n+++\n\n{md_body}",
        q(&number),
        q(&format!("Kế hoạch Chuyển đổi số {} năm 2025", p.ten())),
        q(&p.ubnd_id()),
        q(&signer),
        q(&id),
        q(NATIONAL_PLAN),
        q_list(
            &text::LEGAL_BASES
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        ),
        q(&format!(
            "Kế hoạch chuyển đổi số năm 2025 của UBND {} (dữ liệu giả lập): {} chỉ tiêu, {} nhiệm vụ và {} khoản kinh phí với tổng dự kiến {} triệu đồng.",
            p.ten(),
            targets.len(),
            tasks.len(),
            budget.lines,
            total.vn()
        )),
    );
    PlanOut {
        doc_title: format!(
            "Kế hoạch số {number} ngày {day}/7/2025 của UBND {} về Chuyển đổi số năm 2025 (giả lập)",
            p.ten()
        ),
        date: format!("2025-07-{day:02}"),
        issuer: p.ubnd_id(),
        doc: d.text(),
        plan_md,
        targets_toml,
        tasks_toml,
        budget_toml,
        targets,
        tasks,
        budget_lines: budget.lines,
        national_line,
        number,
        id,
    }
}

/// An investment project: title and parts (id, title, tenths).
type Project = (String, Vec<(&'static str, &'static str, i64)>);

/// Budget of a province plan, before its lines are known.
struct ProvinceBudget {
    /// Group I: (department role, items (title, tenths)).
    depts: Vec<(&'static str, Vec<(String, i64)>)>,
    /// Group II: (commune index, title, tenths).
    communes: Vec<(usize, String, i64)>,
    /// Group III: (department role, projects).
    projects: Vec<(&'static str, Vec<Project>)>,
    /// Declared total of group I differs from its items by this much (a document error).
    group_i_off: i64,
    total: i64,
    lines: usize,
}

fn province_budget(p: &Province, rng: &mut Rng) -> ProvinceBudget {
    let mut lines = 0;
    let mut depts = Vec::new();
    for (role, ..) in text::DEPARTMENTS {
        let mut items = Vec::new();
        for i in rng.subset(text::PROVINCE_ITEMS.len(), 12) {
            let tenths = if rng.chance(15) {
                rng.range(50, 4000) * 10 + 5
            } else {
                rng.range(5, 400) * 100
            };
            items.push((text::PROVINCE_ITEMS[i].to_string(), tenths));
            lines += 1;
        }
        depts.push((*role, items));
    }
    let mut communes = Vec::new();
    for (ci, c) in p.communes.iter().enumerate() {
        let tenths = rng.range(20, 150) * 100;
        communes.push((
            ci,
            format!(
                "Trang thiết bị công nghệ thông tin cho Trung tâm Phục vụ hành chính công {}",
                c.ten()
            ),
            tenths,
        ));
        lines += 1;
    }
    let mut projects: Vec<(&'static str, Vec<_>)> = Vec::new();
    for i in rng.subset(text::PROJECTS.len(), 4) {
        let role = match i {
            3 => "nn",
            4 => "yt",
            5 => "gd",
            6 => "ca",
            _ => "khcn",
        };
        let parts: Vec<_> = text::PROJECT_PARTS
            .iter()
            .map(|(pid, title)| {
                let t = match *pid {
                    "dau-tu-ha-tang" => rng.range(50, 400) * 1000,
                    "phan-mem" => rng.range(20, 200) * 1000,
                    _ => rng.range(10, 80) * 100 + 5,
                };
                lines += 1;
                (*pid, *title, t)
            })
            .collect();
        lines += 1;
        let title = text::PROJECTS[i].replace("{dv}", p.dv);
        match projects.iter_mut().find(|(r, _)| *r == role) {
            Some(x) => x.1.push((title, parts)),
            None => projects.push((role, vec![(title, parts)])),
        }
    }
    let group_i_off = if rng.chance(20) { 5000 } else { 0 };
    let total = depts
        .iter()
        .flat_map(|d| d.1.iter().map(|x| x.1))
        .sum::<i64>()
        + communes.iter().map(|x| x.2).sum::<i64>()
        + projects
            .iter()
            .flat_map(|p| p.1.iter().flat_map(|x| x.1.iter().map(|y| y.2)))
            .sum::<i64>();
    ProvinceBudget {
        depts,
        communes,
        projects,
        group_i_off,
        total,
        lines,
    }
}

impl ProvinceBudget {
    /// Writes Phụ lục II into the document and returns budget.toml.
    fn write(&self, d: &mut Doc, plan_id: &str, p: &Province, number: &str) -> String {
        let mut s = format!(
            "# Phụ lục II của Kế hoạch số {number} (giả lập): dự kiến nhiệm vụ và kinh phí năm 2025.\n# Đơn vị: triệu đồng. Tổng nhóm văn bản ghi có thể khác tổng các mục: giữ nguyên cả hai.\n\nplace = {}\n",
            q(&p.id)
        );
        let _ = plan_id;
        let mut recurrent = 0;
        let mut investment = 0;
        let mut groups = String::new();

        // Group I.
        let gi: i64 = self
            .depts
            .iter()
            .flat_map(|d| d.1.iter().map(|x| x.1))
            .sum();
        let declared = gi + self.group_i_off;
        let l = d.push(format!(
            "I\tCÁC SỞ, BAN, NGÀNH\t{}\t\t",
            money(declared).vn()
        ));
        let _ = write!(
            groups,
            "\n[[group]]\nnumber = \"I\"\ntitle = \"Các sở, ban, ngành\"\ndeclared_total = {}\nline = {l}\n",
            money(declared).toml()
        );
        for (bi, (role, items)) in self.depts.iter().enumerate() {
            let sum: i64 = items.iter().map(|x| x.1).sum();
            let l = d.push(format!(
                "{}\t{}\t{}\t\t",
                bi + 1,
                p.unit_name(role),
                money(sum).vn()
            ));
            let _ = write!(
                groups,
                "\n[[group.body]]\nnumber = \"{}\"\nunit = {}\ntitle = {}\ndeclared_total = {}\nline = {l}\n",
                bi + 1,
                q(&p.unit_id(role)),
                q(&p.unit_name(role)),
                money(sum).toml()
            );
            for (ii, (title, t)) in items.iter().enumerate() {
                let l = d.push(format!(
                    "{}.{}\t{title}\t{}\tCTX, NST\t2025",
                    bi + 1,
                    ii + 1,
                    money(*t).vn()
                ));
                recurrent += t;
                let _ = write!(
                    groups,
                    "\n[[group.body.item]]\nnumber = \"{}.{}\"\ntitle = {}\namount = {}\nfunding = \"CTX, NST\"\nperiod = \"2025\"\nline = {l}\n",
                    bi + 1,
                    ii + 1,
                    q(title),
                    money(*t).toml()
                );
            }
        }

        // Group II.
        if !self.communes.is_empty() {
            let gii: i64 = self.communes.iter().map(|x| x.2).sum();
            let l = d.push(format!(
                "II\tCÁC XÃ, PHƯỜNG, ĐẶC KHU\t{}\t\t",
                money(gii).vn()
            ));
            let _ = write!(
                groups,
                "\n[[group]]\nnumber = \"II\"\ntitle = \"Các xã, phường, đặc khu\"\ndeclared_total = {}\nline = {l}\n",
                money(gii).toml()
            );
            for (bi, (ci, title, t)) in self.communes.iter().enumerate() {
                let c = &p.communes[*ci];
                let l = d.push(format!("{}\t{}\t{}\t\t", bi + 1, c.name, money(*t).vn()));
                let _ = write!(
                    groups,
                    "\n[[group.body]]\nnumber = \"{}\"\nunit = {}\ntitle = {}\ndeclared_total = {}\nline = {l}\n",
                    bi + 1,
                    q(&c.id),
                    q(&c.name),
                    money(*t).toml()
                );
                let l = d.push(format!(
                    "{}.1\t{title}\t{}\tCTX, NST\t2025",
                    bi + 1,
                    money(*t).vn()
                ));
                recurrent += t;
                let _ = write!(
                    groups,
                    "\n[[group.body.item]]\nnumber = \"{}.1\"\ntitle = {}\namount = {}\nfunding = \"CTX, NST\"\nperiod = \"2025\"\nline = {l}\n",
                    bi + 1,
                    q(title),
                    money(*t).toml()
                );
            }
        }

        // Group III.
        let giii: i64 = self
            .projects
            .iter()
            .flat_map(|p| p.1.iter().flat_map(|x| x.1.iter().map(|y| y.2)))
            .sum();
        let l = d.push(format!("III\tDỰ ÁN ĐẦU TƯ\t{}\t\t", money(giii).vn()));
        let _ = write!(
            groups,
            "\n[[group]]\nnumber = \"III\"\ntitle = \"Dự án đầu tư\"\ndeclared_total = {}\nline = {l}\n",
            money(giii).toml()
        );
        for (bi, (role, projects)) in self.projects.iter().enumerate() {
            let sum: i64 = projects.iter().flat_map(|x| x.1.iter().map(|y| y.2)).sum();
            let l = d.push(format!(
                "{}\t{}\t{}\t\t",
                bi + 1,
                p.unit_name(role),
                money(sum).vn()
            ));
            let _ = write!(
                groups,
                "\n[[group.body]]\nnumber = \"{}\"\nunit = {}\ntitle = {}\ndeclared_total = {}\nline = {l}\n",
                bi + 1,
                q(&p.unit_id(role)),
                q(&p.unit_name(role)),
                money(sum).toml()
            );
            for (ii, (title, parts)) in projects.iter().enumerate() {
                let l = d.push(format!(
                    "{}.{}\t{title}\t\tCĐT, NST\t2025-2026",
                    bi + 1,
                    ii + 1
                ));
                let _ = write!(
                    groups,
                    "\n[[group.body.item]]\nnumber = \"{}.{}\"\ntitle = {}\nfunding = \"CĐT, NST\"\nperiod = \"2025-2026\"\nline = {l}\n",
                    bi + 1,
                    ii + 1,
                    q(title)
                );
                for (pid, ptitle, t) in parts {
                    let l = d.push(format!("\t- {ptitle}\t{}\tCĐT, NST\t", money(*t).vn()));
                    investment += t;
                    let _ = write!(
                        groups,
                        "\n[[group.body.item.part]]\nid = {}\ntitle = {}\namount = {}\nfunding = \"CĐT, NST\"\nline = {l}\n",
                        q(pid),
                        q(ptitle),
                        money(*t).toml()
                    );
                }
            }
        }

        // Declared totals.
        let l_total = d.push(format!("\tTỔNG CỘNG\t{}\t\t", money(self.total).vn()));
        d.push("\tTrong đó:\t\t\t");
        let l_rec = d.push(format!(
            "\t- Chi thường xuyên, ngân sách {}\t{}\tCTX, NST\t",
            p.dv,
            money(recurrent).vn()
        ));
        let l_inv = d.push(format!(
            "\t- Chi đầu tư, ngân sách {}\t{}\tCĐT, NST\t",
            p.dv,
            money(investment).vn()
        ));
        d.blank();
        let _ = write!(
            s,
            "\n[[declared]]\nlabel = \"Tổng cộng\"\namount = {}\nline = {l_total}\n\n[[declared]]\nlabel = {}\nfunding = \"CTX, NST\"\namount = {}\nline = {l_rec}\n\n[[declared]]\nlabel = {}\nfunding = \"CĐT, NST\"\namount = {}\nline = {l_inv}\n",
            money(self.total).toml(),
            q(&format!("Chi thường xuyên, ngân sách {}", p.dv)),
            money(recurrent).toml(),
            q(&format!("Chi đầu tư, ngân sách {}", p.dv)),
            money(investment).toml()
        );
        s.push_str(&groups);
        s
    }
}

/// A commune plan.
fn commune_plan(p: &Province, c: &Commune, province_plan: &str, seed: u64) -> PlanOut {
    let mut rng = Rng::new(seed, &format!("commune:{}", c.code));
    let id = format!("kh-cds-2025-{}", c.id);
    let number = format!("{}/KH-UBND", rng.range(3, 160));
    let month = rng.range(7, 8) as u32;
    let day = rng.range(
        if month == 7 { 20 } else { 1 },
        if month == 7 { 31 } else { 29 },
    ) as u32;
    let signer = rng.person();
    let ten = c.ten();
    let iss = Issuer {
        dv: c.dv,
        ten: ten.clone(),
        place: c
            .name
            .split_once(' ')
            .map(|x| x.1)
            .unwrap_or("")
            .to_string(),
    };
    let ubnd_short = format!("UBND {}", c.dv);

    let candidates: Vec<usize> = (0..text::TARGETS.len())
        .filter(|&i| text::TARGETS[i].commune)
        .collect();
    let chosen: Vec<usize> = rng
        .subset(candidates.len(), 15)
        .into_iter()
        .map(|i| candidates[i])
        .collect();
    let mut targets = Vec::new();
    for (n, &ti) in chosen.iter().enumerate() {
        let t = &text::TARGETS[ti];
        let goal = (t.measure != Measure::Milestone).then(|| *rng.pick(t.values));
        let baseline = match goal {
            Some(g) if rng.chance(30) => Some(baseline_for(&mut rng, t.measure, g)),
            _ => None,
        };
        targets.push(TargetInfo {
            number: (n + 1).to_string(),
            template: ti,
            measure: t.measure,
            goal,
            baseline,
        });
    }

    let candidates: Vec<usize> = (0..text::TASKS.len())
        .filter(|&i| text::TASKS[i].commune)
        .collect();
    let chosen: Vec<usize> = rng
        .subset(candidates.len(), 10)
        .into_iter()
        .map(|i| candidates[i])
        .collect();
    let mut sections: Vec<(usize, Vec<TaskLine>)> = Vec::new();
    let mut task_meta = Vec::new();
    for &ti in &chosen {
        let t = &text::TASKS[ti];
        if sections.last().map(|s| s.0) != Some(t.area) {
            sections.push((t.area, Vec::new()));
        }
        let si = sections.len();
        let number = format!("{si}.{}", sections[si - 1].1.len() + 1);
        let tf = *rng.pick(text::TIMEFRAMES);
        let n_details = rng.range(1, 2) as usize;
        let details = rng
            .subset(text::TASK_DETAILS.len(), n_details)
            .into_iter()
            .map(|i| text::TASK_DETAILS[i])
            .collect();
        sections[si - 1].1.push(TaskLine {
            number: number.clone(),
            title: fill(t.title, c.dv, None),
            lead: format!("{ubnd_short} (Văn phòng HĐND và UBND {})", c.dv),
            coord: format!("{}; các thôn, tổ dân phố", p.unit_full_name(t.lead)),
            time: tf.1,
            details,
        });
        task_meta.push((ti, number, tf, p.unit_id(t.lead)));
    }

    // Budget: five items.
    let mut items = Vec::new();
    for i in rng.subset(text::COMMUNE_ITEMS.len(), 5) {
        let tenths = if rng.chance(10) {
            rng.range(5, 60) * 10 + 5
        } else {
            rng.range(1, 12) * 50
        };
        items.push((fill(text::COMMUNE_ITEMS[i], c.dv, None), tenths));
    }
    let sum: i64 = items.iter().map(|x| x.1).sum();
    let declared = if rng.chance(2) { sum + 100 } else { sum };
    let total = money(sum);

    let mut d = Doc::default();
    header(&mut d, &iss, &number, (2025, month, day));
    d.push("KẾ HOẠCH");
    d.push(format!("Chuyển đổi số {ten} năm 2025"));
    d.blank();
    let intro = format!(
        "Thực hiện Kế hoạch Chuyển đổi số {} năm 2025 của UBND {}, Ủy ban nhân dân {ten} ban hành Kế hoạch Chuyển đổi số năm 2025 (từ khi đơn vị hành chính mới đi vào hoạt động ngày 01/7/2025 đến hết năm 2025) như sau:",
        p.ten(),
        p.ten()
    );
    let with_baseline: Vec<usize> = (0..targets.len())
        .filter(|&i| targets[i].baseline.is_some())
        .collect();
    let narrative = Narrative {
        dv: c.dv,
        ten: ten.clone(),
        intro,
        assessment: rng
            .subset(text::ASSESSMENT.len(), 5)
            .into_iter()
            .map(|i| text::ASSESSMENT[i])
            .collect(),
        baselines: with_baseline
            .iter()
            .map(|&i| {
                baseline_words(
                    &text::TARGETS[targets[i].template],
                    targets[i].baseline.unwrap(),
                )
            })
            .collect(),
        aims: &text::AIMS[..2],
        n_targets: targets.len(),
        sections,
        total,
        duties: text::COMMUNE_OFFICES
            .iter()
            .map(|(who, duties)| {
                (
                    who.replace("{dv}", c.dv),
                    duties.iter().map(|x| x.replace("{dv}", c.dv)).collect(),
                )
            })
            .collect(),
    };
    let cited = narrative.write_doc(&mut d);
    let national_line = cited.national;
    let task_lines = cited.tasks;
    let mut baseline_lines = vec![0usize; targets.len()];
    for (&i, &l) in with_baseline.iter().zip(&cited.baselines) {
        baseline_lines[i] = l;
    }
    signature(&mut d, &signer, c.dv);

    d.push("Phụ lục I");
    d.push("DANH MỤC MỘT SỐ CHỈ TIÊU PHẤN ĐẤU HOÀN THÀNH ĐẾN HẾT NĂM 2025");
    d.push(format!(
        "(Kèm theo Kế hoạch số {number} ngày {day}/{month}/2025 của UBND {ten})"
    ));
    d.push("TT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp");
    let mut targets_toml =
        format!("# Phụ lục I của Kế hoạch số {number} của UBND {ten} (giả lập).\n");
    for (i, t) in targets.iter().enumerate() {
        let tt = &text::TARGETS[t.template];
        let text = fill(tt.text, c.dv, t.goal);
        let line = d.push(format!(
            "{}\t{text}\t{ubnd_short}\tCác bộ phận có liên quan",
            t.number
        ));
        let words = t.baseline.map(|v| baseline_words(tt, v));
        target_toml(
            &mut targets_toml,
            &id,
            &t.number,
            tt.area,
            &text,
            t.measure,
            std::slice::from_ref(&c.id),
            &[],
            line,
            t.goal.map(|g| (g, tt.cmp)),
            t.baseline
                .zip(words.as_deref())
                .map(|(v, w)| (v, w, baseline_lines[i])),
        );
    }
    d.blank();
    d.push("Phụ lục II");
    d.push("DỰ KIẾN NHIỆM VỤ CHUYỂN ĐỔI SỐ VÀ KINH PHÍ NĂM 2025");
    d.push(format!(
        "(Kèm theo Kế hoạch số {number} ngày {day}/{month}/2025 của UBND {ten})"
    ));
    d.push("TT\tNội dung\tKinh phí (triệu đồng)\tNguồn vốn");
    let mut budget_toml = format!(
        "# Phụ lục II của Kế hoạch số {number} của UBND {ten} (giả lập). Đơn vị: triệu đồng.\n\nplace = {}\n",
        q(&c.id)
    );
    let mut item_toml = String::new();
    for (i, (title, t)) in items.iter().enumerate() {
        let l = d.push(format!("{}\t{title}\t{}\tCTX, NSNN", i + 1, money(*t).vn()));
        let _ = write!(
            item_toml,
            "\n[[item]]\nnumber = \"{}\"\ntitle = {}\namount = {}\nfunding = \"CTX, NSNN\"\nline = {l}\n",
            i + 1,
            q(title),
            money(*t).toml()
        );
    }
    let l = d.push(format!("\tTổng cộng\t{}\t", money(declared).vn()));
    let _ = write!(
        budget_toml,
        "\n[[declared]]\nlabel = \"Tổng cộng\"\namount = {}\nline = {l}\n",
        money(declared).toml()
    );
    budget_toml.push_str(&item_toml);

    let mut tasks_toml =
        format!("# Nhiệm vụ tại mục III của Kế hoạch số {number} của UBND {ten} (giả lập).\n");
    let mut tasks = Vec::new();
    for ((ti, number, tf, coord), line) in task_meta.iter().zip(&task_lines) {
        let t = &text::TASKS[*ti];
        let title = fill(t.title, c.dv, None);
        let _ = write!(
            tasks_toml,
            "\n[[task]]\nnumber = {}\narea = {}\ntitle = {}\nlead = {}\ncoordinating = {}\ntimeframe = {}\ntimeframe_text = {}\nline = {line}\ninterpretation = {}\n",
            q(number),
            q(AREAS[t.area].0),
            q(&title),
            q_list(std::slice::from_ref(&c.id)),
            q_list(std::slice::from_ref(coord)),
            q(tf.0),
            q(tf.1),
            q(&format!(
                "Văn bản ghi cơ quan chủ trì “{ubnd_short} (Văn phòng HĐND và UBND {})”: ghi là {ten}.",
                c.dv
            ))
        );
        tasks.push(TaskInfo {
            number: number.clone(),
            title,
            timeframe: tf.0,
        });
    }

    let links = format!(
        "---\n\nKế hoạch do [{}](/don-vi/{}/) ban hành, thực hiện [Kế hoạch Chuyển đổi số {} năm 2025](/ke-hoach/{province_plan}/). Xem [chỉ tiêu](/ke-hoach/{id}/chi-tieu/), [kinh phí](/ke-hoach/{id}/kinh-phi/) và [văn bản gốc](/nguon/{id}/).\n",
        c.name,
        c.id,
        p.ten()
    );
    let md_body = narrative.markdown(&links);
    let plan_md = format!(
        "+++\nnumber = {}\ntitle = {}\nissuer = {}\nlevel = \"commune\"\nissued = \"2025-{month:02}-{day:02}\"\nperiod = \"2025\"\nsigner = {}\nsigner_title = \"KT. Chủ tịch – Phó Chủ tịch\"\ndocument = {}\nimplements = [{}]\nlegal_bases = {}\nsummary = {}\n+++\n\n{md_body}",
        q(&number),
        q(&format!("Kế hoạch Chuyển đổi số {ten} năm 2025")),
        q(&c.id),
        q(&signer),
        q(&id),
        q(province_plan),
        q_list(
            &text::LEGAL_BASES
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        ),
        q(&format!(
            "Kế hoạch chuyển đổi số năm 2025 của UBND {ten}, {} (dữ liệu giả lập): {} chỉ tiêu, {} nhiệm vụ và {} khoản kinh phí với tổng dự kiến {} triệu đồng.",
            p.name,
            targets.len(),
            tasks.len(),
            items.len(),
            total.vn()
        )),
    );
    PlanOut {
        doc_title: format!(
            "Kế hoạch số {number} ngày {day}/{month}/2025 của UBND {ten} ({}) về Chuyển đổi số năm 2025 (giả lập)",
            p.name
        ),
        date: format!("2025-{month:02}-{day:02}"),
        issuer: c.id.clone(),
        doc: d.text(),
        plan_md,
        targets_toml,
        tasks_toml,
        budget_toml,
        targets,
        tasks,
        budget_lines: items.len(),
        national_line,
        number,
        id,
    }
}

// ------------------------------------------------------------------------------------------------
// Progress reports

struct ReportOut {
    id: String,
    doc_title: String,
    date: String,
    doc: String,
    report_md: String,
    progress: String,
}

fn province_report(p: &Province, plan: &PlanOut, seed: u64) -> ReportOut {
    let mut rng = Rng::new(seed, &format!("report:{}", p.code));
    let id = format!("bc-cds-2025-11-{}", p.id);
    let number = format!("{}/BC-UBND", rng.range(300, 780));
    let day = rng.range(10, 28) as u32;
    let signer = rng.person();
    let iss = Issuer {
        dv: p.dv,
        ten: p.ten(),
        place: p.short.clone(),
    };
    let mut d = Doc::default();
    header(&mut d, &iss, &number, (2025, 11, day));
    d.push("BÁO CÁO");
    d.push(format!(
        "Kết quả thực hiện Kế hoạch Chuyển đổi số {} năm 2025 (đến tháng 11/2025)",
        p.ten()
    ));
    d.blank();
    d.push(format!(
        "Thực hiện Kế hoạch số {} của UBND {} về Chuyển đổi số năm 2025, UBND {} báo cáo kết quả thực hiện đến tháng 11 năm 2025 như sau:",
        plan.number,
        p.ten(),
        p.dv
    ));
    d.blank();
    d.push("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ");
    let mut progress = format!(
        "# Kết quả thực hiện theo Báo cáo số {number} của UBND {} (giả lập).\n",
        p.ten()
    );
    let (mut done, mut doing, mut waiting) = (0, 0, 0);
    for t in &plan.tasks {
        let roll = rng.range(0, 99);
        let (status, sentence) = if t.timeframe.starts_with("2026") || roll >= 90 {
            if roll % 2 == 0 {
                waiting += 1;
                ("not-started", *rng.pick(text::RESULT_NOT_STARTED))
            } else {
                doing += 1;
                ("in-progress", *rng.pick(text::RESULT_IN_PROGRESS))
            }
        } else if roll < 50 {
            done += 1;
            ("done", *rng.pick(text::RESULT_DONE))
        } else {
            doing += 1;
            ("in-progress", *rng.pick(text::RESULT_IN_PROGRESS))
        };
        let l = d.push(format!("{}. {}: {sentence}", t.number, t.title));
        let _ = write!(
            progress,
            "\n[[result]]\ntask = {}\nstatus = {}\ntext = {}\nline = {l}\n",
            q(&format!("{}-nv-{}", plan.id, t.number.replace('.', "-"))),
            q(status),
            q(sentence)
        );
    }
    d.blank();
    d.push("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    let mut actuals = 0;
    for t in &plan.targets {
        let Some(goal) = t.goal else { continue };
        if !rng.chance(60) {
            continue;
        }
        let tt = &text::TARGETS[t.template];
        let v = match t.measure {
            Measure::Percent => {
                let base = t
                    .baseline
                    .map(|b| b.value)
                    .unwrap_or(goal as i64 * 100 - 1500);
                let v = (base + rng.range(50, 2000)).clamp(0, 10000);
                Fixed { value: v, scale: 2 }
            }
            _ => Fixed::int((goal as i64 * rng.range(50, 120) / 100).max(0)),
        };
        let words = match t.measure {
            Measure::Percent => format!(
                "Chỉ tiêu {} ({}): đến tháng 11/2025 đạt {}%",
                t.number,
                tt.short,
                v.vn()
            ),
            _ => format!(
                "Chỉ tiêu {} ({}): đến tháng 11/2025 đạt {}",
                t.number,
                tt.short,
                v.vn()
            ),
        };
        let l = d.push(format!("- {words}."));
        actuals += 1;
        let _ = write!(
            progress,
            "\n[[actual]]\ntarget = {}\nvalue = {}\ntext = {}\nline = {l}\n",
            q(&format!("{}-ct-{}", plan.id, t.number)),
            v.toml(),
            q(&words)
        );
    }
    d.blank();
    d.push("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    d.push("Việc sắp xếp đơn vị hành chính, vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025 làm thay đổi đầu mối, quy trình giải quyết thủ tục hành chính; một số hệ thống thông tin phải nâng cấp, chuyển đổi dữ liệu; nhân lực chuyên trách chuyển đổi số ở cấp xã còn thiếu và chưa được đào tạo chuyên sâu.");
    d.push("Kinh phí cho một số nhiệm vụ chưa được bố trí kịp thời; việc kết nối, chia sẻ dữ liệu giữa các hệ thống còn chậm; hạ tầng tại một số xã vùng sâu, vùng xa chưa đáp ứng yêu cầu.");
    d.blank();
    d.push("IV. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI");
    d.push("Tập trung hoàn thành các nhiệm vụ, chỉ tiêu còn lại của Kế hoạch; ưu tiên dịch vụ công trực tuyến toàn trình, số hóa kết quả giải quyết thủ tục hành chính, bảo đảm an toàn thông tin; chuẩn bị xây dựng Kế hoạch chuyển đổi số năm 2026.");
    signature(&mut d, &signer, p.dv);

    let title = format!(
        "Báo cáo kết quả thực hiện Kế hoạch Chuyển đổi số {} năm 2025 (đến tháng 11/2025)",
        p.ten()
    );
    let report_md = format!(
        "+++\ntitle = {}\nnumber = {}\nissuer = {}\nas_of = \"2025-11\"\ndocument = {}\nplans = [{}]\nsummary = {}\n+++\n\nBáo cáo của [Ủy ban nhân dân {}](/don-vi/{}/) về kết quả thực hiện [Kế hoạch số {}](/ke-hoach/{}/) đến tháng 11 năm 2025 (dữ liệu giả lập).\n\n## Tóm tắt\n\n- {} nhiệm vụ đã hoàn thành, {} nhiệm vụ đang thực hiện, {} nhiệm vụ chưa triển khai.\n- {} chỉ tiêu có số liệu thực hiện đến tháng 11/2025.\n\n## Tồn tại, hạn chế\n\nViệc sắp xếp đơn vị hành chính, vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025 làm thay đổi đầu mối, quy trình giải quyết thủ tục hành chính; nhân lực chuyên trách chuyển đổi số ở cấp xã còn thiếu.\n",
        q(&title),
        q(&number),
        q(&p.ubnd_id()),
        q(&id),
        q(&plan.id),
        q(&format!(
            "Kết quả thực hiện {} nhiệm vụ và {} chỉ tiêu của Kế hoạch Chuyển đổi số {} năm 2025 đến tháng 11/2025 (dữ liệu giả lập).",
            plan.tasks.len(),
            actuals,
            p.ten()
        )),
        p.ten(),
        p.ubnd_id(),
        plan.number,
        plan.id,
        done,
        doing,
        waiting,
        actuals
    );
    ReportOut {
        doc_title: format!(
            "Báo cáo số {number} ngày {day}/11/2025 của UBND {}: {} (giả lập)",
            p.ten(),
            title.trim_start_matches("Báo cáo ")
        ),
        date: format!("2025-11-{day:02}"),
        doc: d.text(),
        report_md,
        progress,
        id,
    }
}

/// Walks a generated directory: (relative path, bytes) of every file, sorted — for comparing two
/// runs.
pub fn snapshot(root: &Path) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir)? {
            let e = e?;
            let path = e.path();
            if e.file_type()?.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path)?;
                out.push((path.strip_prefix(root).unwrap().to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    Ok(out)
}
