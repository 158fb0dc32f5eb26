//! National-scale benchmark (issue 10): minhbach against Hugo on the same number of pages.
//!
//! ```sh
//! cargo run --release --example bench -- [--provinces N] [--communes-per-province M] [--runs 3] [--work DIR]
//! ```
//!
//! 1. generates the synthetic national set (`examples/national`) at the given scale;
//! 2. builds `target/release/minhbach` (`cargo build --release --bin minhbach`, a no-op when it
//!    is fresh) and times `minhbach check`;
//! 3. times a first `minhbach build` from an empty image cache (`MINHBACH_CACHE_DIR` under the
//!    work directory, emptied first): it draws every PNG image (preview cards, chart copies), the
//!    cost a site pays once. It counts the `.html` pages it wrote and their text, and generates a
//!    Hugo site with the same number of pages and about the same amount of text per page
//!    (Markdown with headings, paragraphs, lists and a table; a minimal layout of our own);
//! 4. runs `minhbach build` (with the cache the first build filled: a normal rebuild) and `hugo`
//!    alternately, `--runs` times each, measuring each child's wall time, user+sys CPU time and
//!    peak RSS with `wait4`, and the images each build drew and took from the cache (from its
//!    summary line);
//! 5. prints Markdown tables (machine, set, check, first build, build, ratio, output size with
//!    its PNGs) on stdout; progress on stderr.
//!
//! See `docs/performance.md`.

#[path = "../national/generator.rs"]
mod generator;

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str =
    "usage: bench [--provinces N] [--communes-per-province M] [--runs R] [--check-runs C]
             [--work DIR] [--seed S] [--minhbach PATH] [--hugo PATH] [--no-build]

Generates the synthetic national set (default: the whole country), then times `minhbach check`
(C times, default 1), a first `minhbach build` from an empty image cache (drawing every image),
and `minhbach build` (warm cache) against `hugo` on a generated Hugo site with the same number
of pages, alternately, R times each (default 3). Prints Markdown on stdout.

  --work DIR       scratch directory (default: <target dir>/bench-national); replaced pieces only
  --minhbach PATH  time this binary instead of building target/release/minhbach
  --no-build       do not run `cargo build --release --bin minhbach` first
  --hugo PATH      the hugo binary (default: `hugo` on PATH; Debian: apt-get install -y hugo)
  --wait-idle S    before each run, wait up to S seconds until other processes use under 10% of
                   the CPUs (default 0: do not wait; the report shows the other load anyway)";

struct Args {
    set: generator::Options,
    runs: usize,
    check_runs: usize,
    work: Option<PathBuf>,
    minhbach: Option<PathBuf>,
    hugo: PathBuf,
    no_build: bool,
    /// Before each run, wait up to this many seconds for the machine to be idle.
    wait_idle: u64,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        set: generator::Options::default(),
        runs: 3,
        check_runs: 1,
        work: None,
        minhbach: None,
        hugo: PathBuf::from("hugo"),
        no_build: false,
        wait_idle: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        let num = |name: &str, v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{name}: `{v}` is not a non-negative integer"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--provinces" => a.set.provinces = Some(num(&arg, val(&arg)?)? as usize),
            "--communes-per-province" => {
                a.set.communes_per_province = Some(num(&arg, val(&arg)?)? as usize)
            }
            "--seed" => a.set.seed = num(&arg, val(&arg)?)?,
            "--runs" => a.runs = num(&arg, val(&arg)?)?.max(1) as usize,
            "--check-runs" => a.check_runs = num(&arg, val(&arg)?)? as usize,
            "--work" => a.work = Some(PathBuf::from(val(&arg)?)),
            "--minhbach" => a.minhbach = Some(PathBuf::from(val(&arg)?)),
            "--hugo" => a.hugo = PathBuf::from(val(&arg)?),
            "--no-build" => a.no_build = true,
            "--wait-idle" => a.wait_idle = num(&arg, val(&arg)?)?,
            s => return Err(format!("unknown argument `{s}`")),
        }
    }
    if a.set.provinces == Some(0) {
        return Err("--provinces must be at least 1".into());
    }
    Ok(a)
}

// ------------------------------------------------------------------------------------------------
// Measuring a child process

#[derive(Debug, Clone)]
struct Run {
    tool: &'static str,
    wall: f64,
    user: f64,
    sys: f64,
    /// Peak resident set size of the child, bytes.
    max_rss: u64,
    /// CPU time the rest of the machine used during the run (system-wide busy time from
    /// /proc/stat minus the child's): other work competing for the cores.
    other_cpu: f64,
    ok: bool,
    /// For a minhbach build: the images it drew and took from the cache.
    images: Option<Images>,
}

/// What a minhbach build did with its PNG images, from its summary line.
#[derive(Debug, Clone, Copy)]
struct Images {
    drawn: u64,
    cached: u64,
}

impl Images {
    /// Reads the counts from the summary line `build` prints last ("… (ảnh PNG: vẽ mới 2572, lấy
    /// lại từ bộ nhớ đệm 105) …"), the line `tests/link_previews.rs` reads too, so its wording
    /// cannot change unnoticed.
    fn from_log(log: &Path) -> Option<Images> {
        let text = fs::read_to_string(log).ok()?;
        let line = text
            .lines()
            .rev()
            .find(|l| l.contains("ảnh PNG: vẽ mới "))?;
        let number_after = |words: &str| -> Option<u64> {
            let rest = &line[line.find(words)? + words.len()..];
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()
        };
        Some(Images {
            drawn: number_after("vẽ mới ")?,
            cached: number_after("bộ nhớ đệm ")?,
        })
    }
}

impl Run {
    fn cpu(&self) -> f64 {
        self.user + self.sys
    }
}

/// Runs `cmd` to completion (stdout and stderr into `log`) and measures it with `wait4`: wall
/// time, user and system CPU time, and peak RSS of that child alone. Dirty pages are synced to
/// disk first.
fn measure(tool: &'static str, cmd: &mut Command, log: &Path) -> io::Result<Run> {
    // Flush what earlier steps wrote or deleted (a removed output tree is hundreds of MB) so that
    // its write-back is not charged to this run.
    // SAFETY: sync has no preconditions.
    unsafe { libc::sync() };
    let busy_before = busy_cpu_seconds();
    let out = fs::File::create(log)?;
    let err = out.try_clone()?;
    let start = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for the child we just spawned and reaps it
    // (the `Child` handle is never waited on afterwards).
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
        if r == pid {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let busy = busy_cpu_seconds() - busy_before;
    drop(child);
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let (user, sys) = (tv(ru.ru_utime), tv(ru.ru_stime));
    Ok(Run {
        tool,
        wall,
        user,
        sys,
        other_cpu: (busy - user - sys).max(0.0),
        // Linux reports ru_maxrss in KiB.
        max_rss: ru.ru_maxrss as u64 * 1024,
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        images: None,
    })
}

/// CPU time all cores have spent busy since boot (user, nice, system, irq, softirq, steal), from
/// the first line of /proc/stat; 0 where it cannot be read.
fn busy_cpu_seconds() -> f64 {
    let stat = fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(line) = stat.lines().next().and_then(|l| l.strip_prefix("cpu ")) else {
        return 0.0;
    };
    let f: Vec<f64> = line
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    if f.len() < 8 {
        return 0.0;
    }
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    // user nice system idle iowait irq softirq steal
    (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / hz
}

/// Waits until the rest of the machine uses less than 10% of the CPUs over one second, for at
/// most `max_secs`. Returns whether it became idle.
fn wait_idle(max_secs: u64) -> bool {
    if max_secs == 0 {
        return true;
    }
    let ncpu = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1) as f64;
    let start = Instant::now();
    let mut said = false;
    // SAFETY: sync has no preconditions.
    unsafe { libc::sync() };
    loop {
        let before = busy_cpu_seconds();
        std::thread::sleep(std::time::Duration::from_secs(1));
        if busy_cpu_seconds() - before < 0.1 * ncpu {
            return true;
        }
        if start.elapsed().as_secs() >= max_secs {
            eprintln!("bench:   the machine is still busy after {max_secs} s; measuring anyway");
            return false;
        }
        if !said {
            eprintln!("bench:   waiting for the machine to be idle (up to {max_secs} s)");
            said = true;
        }
    }
}

fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = xs.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn min(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::INFINITY, f64::min)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let v: Vec<&str> = text.lines().collect();
    v[v.len().saturating_sub(lines)..].join("\n")
}

// ------------------------------------------------------------------------------------------------
// The machine and the tools

/// How many one-file changes the serve measurement makes.
const SERVE_CHANGES: usize = 7;

/// Starts `minhbach serve` on `content`, changes a commune plan's `plan.md` several times and
/// returns, for each change, the seconds from the write until the page fetched after the
/// preview's reload signal shows it; and the number of plans.
fn serve_rebuild(
    minhbach: &Path,
    content: &Path,
    cache: &Path,
    logs: &Path,
) -> io::Result<(Vec<f64>, usize)> {
    use std::io::{BufRead, BufReader, Read, Write as _};
    let mut plans: Vec<PathBuf> = fs::read_dir(content.join("plans"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    plans.sort();
    let count = plans.len();
    // The last plan: a commune's (province plans come first in the generator's order).
    let plan_dir = plans
        .last()
        .cloned()
        .ok_or_else(|| io::Error::other("no plan"))?;
    let plan_id = plan_dir.file_name().unwrap().to_string_lossy().into_owned();
    let plan_md = plan_dir.join("plan.md");
    let original = fs::read_to_string(&plan_md)?;
    let mut child = Command::new(minhbach)
        .env("MINHBACH_CACHE_DIR", cache)
        .args(["serve", "--address", "127.0.0.1:0", "--content"])
        .arg(content)
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line)?;
    let log_path = logs.join("serve.log");
    let mut log = fs::File::create(&log_path)?;
    let _ = writeln!(log, "{line}");
    std::thread::spawn(move || io::copy(&mut stderr, &mut log));
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .map(str::to_string);
    let get = |address: &str, path: &str| -> io::Result<String> {
        let mut s = std::net::TcpStream::connect(address)?;
        // HTTP/1.0: the answer comes whole, never in chunks.
        write!(s, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n")?;
        let mut body = Vec::new();
        s.read_to_end(&mut body)?;
        Ok(String::from_utf8_lossy(&body).into_owned())
    };
    let result = (|| -> io::Result<Vec<f64>> {
        let address = address.ok_or_else(|| io::Error::other(format!("serve said: {line}")))?;
        let page = format!("/ke-hoach/{plan_id}/");
        get(&address, &page)?;
        let mut times = Vec::new();
        for i in 0..SERVE_CHANGES {
            let status = get(&address, "/__minhbach/status")?;
            let generation: u64 = status
                .split("\"generation\":")
                .nth(1)
                .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| io::Error::other(format!("no generation in {status}")))?;
            let marker = format!("Lần sửa thứ {} của bench", i + 1);
            let changed = original.replacen("summary = \"", &format!("summary = \"{marker}. "), 1);
            let t = Instant::now();
            fs::write(&plan_md, changed)?;
            loop {
                let answer = get(&address, &format!("/__minhbach/wait?since={generation}"))?;
                let now: u64 = answer
                    .rsplit("\r\n\r\n")
                    .next()
                    .and_then(|b| b.trim().parse().ok())
                    .unwrap_or(0);
                if now > generation {
                    break;
                }
            }
            let body = get(&address, &page)?;
            let secs = t.elapsed().as_secs_f64();
            if !body.contains(&marker) {
                return Err(io::Error::other("the page did not show the change"));
            }
            times.push(secs);
            std::thread::sleep(Duration::from_millis(300));
        }
        Ok(times)
    })();
    let _ = child.kill();
    let _ = child.wait();
    fs::write(&plan_md, original)?;
    result.map(|t| (t, count))
}

fn machine() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|r| r.trim_start_matches([' ', '\t', ':']))
        })
        .unwrap_or("unknown CPU")
        .to_string();
    let nproc = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mem_kib: u64 = fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|r| r.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{nproc} CPU (nproc), {model}; {:.1} GiB RAM; Linux {}",
        mem_kib as f64 / 1024.0 / 1024.0,
        kernel.trim()
    )
}

fn command_output(cmd: &mut Command) -> Option<String> {
    let o = cmd.stderr(Stdio::null()).output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

fn target_dir(manifest: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) if !d.is_empty() => {
            let d = PathBuf::from(d);
            if d.is_absolute() {
                d
            } else {
                std::env::current_dir().unwrap_or_default().join(d)
            }
        }
        _ => manifest.join("target"),
    }
}

// ------------------------------------------------------------------------------------------------
// Files

fn remove(p: &Path) -> io::Result<()> {
    match fs::remove_dir_all(p) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        r => r,
    }
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for e in fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}

#[derive(Default, Debug)]
struct Tree {
    files: u64,
    bytes: u64,
    html: u64,
    html_bytes: u64,
    /// Visible text of the HTML pages (tags, scripts and styles removed, spaces collapsed).
    html_text: u64,
    /// The PNG images (preview cards, chart copies).
    png: u64,
    png_bytes: u64,
}

fn scan(root: &Path, text: bool) -> io::Result<Tree> {
    let mut t = Tree::default();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir)? {
            let e = e?;
            let ft = e.file_type()?;
            if ft.is_dir() {
                stack.push(e.path());
                continue;
            }
            let len = e.metadata()?.len();
            t.files += 1;
            t.bytes += len;
            if e.path().extension().is_some_and(|x| x == "png") {
                t.png += 1;
                t.png_bytes += len;
            }
            if e.path().extension().is_some_and(|x| x == "html") {
                t.html += 1;
                t.html_bytes += len;
                if text {
                    t.html_text += visible_text_len(&fs::read_to_string(e.path())?) as u64;
                }
            }
        }
    }
    Ok(t)
}

/// Bytes of text a reader sees in an HTML page: outside tags, not inside `<style>`/`<script>`,
/// runs of white space counted as one.
fn visible_text_len(html: &str) -> usize {
    let mut n = 0;
    let mut rest = html;
    let mut space = true;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('<') {
            let lower: String = r.chars().take(7).collect::<String>().to_ascii_lowercase();
            let skip_to = if lower.starts_with("style") {
                Some("</style>")
            } else if lower.starts_with("script") {
                Some("</script>")
            } else {
                None
            };
            rest = match skip_to.and_then(|end| r.find(end).map(|i| &r[i + end.len()..])) {
                Some(after) => after,
                None => r.find('>').map(|i| &r[i + 1..]).unwrap_or(""),
            };
            continue;
        }
        let c = rest.chars().next().unwrap();
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            if !space {
                n += 1;
                space = true;
            }
        } else {
            n += c.len_utf8();
            space = false;
        }
    }
    n
}

// ------------------------------------------------------------------------------------------------
// The Hugo site

const HUGO_CONFIG: &str = r#"baseURL = "https://hugo.example.org/"
languageCode = "vi"
title = "Kế hoạch chuyển đổi số — so sánh với minhbach"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
"#;

const HUGO_BASEOF: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "/" | relURL }}">Trang chủ</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>Trang thử nghiệm sinh tự động để đo hiệu năng; dữ liệu giả lập.</p></footer>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
<article>
<p><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>
</article>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"#;

const HUGO_INDEX: &str = r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }} trang)</li>{{ end }}</ul>
{{ end }}
"#;

const HUGO_CSS: &str = "body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem}\n";

const PAGES_PER_SECTION: usize = 500;

/// Visible text the layout adds to a single page (site title twice, navigation, footer, the
/// parent, previous and next links, the summary): subtracted from the Markdown text so that the
/// pages end up with about as much text as minhbach's.
const HUGO_CHROME_TEXT: usize = 400;

/// Writes a Hugo site whose build gives `pages` HTML files (home + section lists + single
/// pages) with about `text_per_page` bytes of text each. Returns the number of Markdown pages.
fn write_hugo_site(dir: &Path, pages: usize, text_per_page: usize, seed: u64) -> io::Result<usize> {
    remove(dir)?;
    for (p, t) in [
        ("config.toml", HUGO_CONFIG),
        ("layouts/_default/baseof.html", HUGO_BASEOF),
        ("layouts/_default/single.html", HUGO_SINGLE),
        ("layouts/_default/list.html", HUGO_LIST),
        ("layouts/index.html", HUGO_INDEX),
        ("static/style.css", HUGO_CSS),
    ] {
        let path = dir.join(p);
        fs::create_dir_all(path.parent().unwrap())?;
        fs::write(path, t)?;
    }
    // pages = 1 (home) + sections + singles.
    let sections = pages
        .saturating_sub(1)
        .div_ceil(PAGES_PER_SECTION + 1)
        .max(1);
    let singles = pages.saturating_sub(1 + sections);
    let mut written = 0;
    for s in 0..sections {
        let sdir = dir.join(format!("content/s{:03}", s + 1));
        fs::create_dir_all(&sdir)?;
        fs::write(
            sdir.join("_index.md"),
            format!(
                "+++\ntitle = \"Nhóm trang {}\"\n+++\n\nCác trang kế hoạch, chỉ tiêu và kinh phí của nhóm {}.\n",
                s + 1,
                s + 1
            ),
        )?;
        let here = singles / sections + usize::from(s < singles % sections);
        for _ in 0..here {
            written += 1;
            fs::write(
                sdir.join(format!("p{written:06}.md")),
                hugo_page(written, text_per_page, seed),
            )?;
        }
    }
    Ok(written)
}

/// One Markdown page: headings, paragraphs, a list and budget tables, from the same Vietnamese
/// text the national set is made of, until it holds about `target` bytes of visible text.
fn hugo_page(n: usize, target: usize, seed: u64) -> String {
    use generator::text;
    let mut rng = generator::Rng::new(seed, &format!("hugo:{n}"));
    let pick = |rng: &mut generator::Rng, len: usize| rng.range(0, len as i64 - 1) as usize;
    let area = pick(&mut rng, text::AREAS.len());
    let t = &text::TARGETS[pick(&mut rng, text::TARGETS.len())];
    let title = format!("{} — trang {n}", text::AREAS[area].1);
    let mut body = String::new();
    let mut size = title.len() + t.short.len();
    // Blocks are added one at a time until the page holds `target` bytes of text; a table is
    // closed by a blank line when the page is full.
    let mut round = 0;
    'page: while size < target {
        let a = (area + round) % text::AREAS.len();
        let heading = format!("{}. {}", round + 1, text::AREAS[a].1);
        let para = text::AREA_PARAGRAPHS[a][0].replace("{dv}", "tỉnh");
        let item1 =
            text::ASSESSMENT[pick(&mut rng, text::ASSESSMENT.len())].replace("{dv}", "tỉnh");
        let item2 = text::TASKS[pick(&mut rng, text::TASKS.len())]
            .title
            .replace("{dv}", "tỉnh");
        for (block, len) in [
            (format!("## {heading}\n\n"), heading.len()),
            (format!("{para}\n\n"), para.len()),
            (format!("- {item1}\n"), item1.len()),
            (format!("- {item2}\n\n"), item2.len()),
        ] {
            body.push_str(&block);
            size += len;
            if size >= target {
                break 'page;
            }
        }
        body.push_str("| TT | Nội dung | Kinh phí (triệu đồng) | Nguồn vốn |\n|---|---|--:|---|\n");
        size += 50;
        for r in 0..8 {
            let item = text::PROVINCE_ITEMS[pick(&mut rng, text::PROVINCE_ITEMS.len())];
            let amount = generator::Fixed::int(rng.range(5, 4000) * 10).vn();
            let _ = writeln!(
                body,
                "| {}.{} | {item} | {amount} | CTX, NST |",
                round + 1,
                r + 1
            );
            size += item.len() + amount.len() + 14;
            if size >= target {
                break;
            }
        }
        body.push('\n');
        round += 1;
    }
    format!(
        "+++\ntitle = {}\nsummary = {}\n+++\n\n{body}",
        generator::q(&title),
        generator::q(&upper(t.short))
    )
}

fn upper(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

// ------------------------------------------------------------------------------------------------

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}\n");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if e.is_empty() { 0 } else { 2 });
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: Args) -> io::Result<ExitCode> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = target_dir(&manifest);
    let work = args
        .work
        .clone()
        .unwrap_or_else(|| target.join("bench-national"));
    fs::create_dir_all(&work)?;
    let work = work.canonicalize()?;
    let logs = work.join("logs");
    fs::create_dir_all(&logs)?;

    // The binary under test.
    let minhbach = match &args.minhbach {
        Some(p) => p.clone(),
        None => {
            if !args.no_build {
                eprintln!(
                    "bench: building the binary under test: cargo build --release --bin minhbach"
                );
                let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
                let st = Command::new(cargo)
                    .args(["build", "--release", "--bin", "minhbach"])
                    .current_dir(&manifest)
                    .status()?;
                if !st.success() {
                    return Err(io::Error::other(
                        "cargo build --release --bin minhbach failed",
                    ));
                }
            }
            target.join("release/minhbach")
        }
    };
    if !minhbach.is_file() {
        return Err(io::Error::other(format!(
            "no minhbach binary at {} (build it with `cargo build --release`, or pass --minhbach PATH)",
            minhbach.display()
        )));
    }
    let hugo_version = command_output(Command::new(&args.hugo).arg("version"));
    if hugo_version.is_none() {
        eprintln!(
            "bench: WARNING: `{}` not found or not runnable — Hugo will NOT be measured. Install it (Debian: `apt-get install -y hugo`) or pass --hugo PATH.",
            args.hugo.display()
        );
    }
    let commit = command_output(Command::new("git").arg("-C").arg(&manifest).args([
        "describe",
        "--always",
        "--dirty",
        "--abbrev=12",
    ]))
    .unwrap_or_else(|| "unknown".into());

    // 1. The national set.
    let site = work.join("site");
    let content = site.join("content");
    eprintln!(
        "bench: generating the national set into {}",
        content.display()
    );
    let t = Instant::now();
    let summary = generator::generate(&content, &args.set)?;
    let gen_secs = t.elapsed().as_secs_f64();
    // The project's static files, as `build` copies them from the project root.
    remove(&site.join("static"))?;
    let static_dir = manifest.join("static");
    if static_dir.is_dir() {
        copy_dir(&static_dir, &site.join("static"))?;
    }

    let mut out = String::new();
    let p = args
        .set
        .provinces
        .map_or("34 (all)".to_string(), |n| n.to_string());
    let m = args
        .set
        .communes_per_province
        .map_or("all".to_string(), |n| n.to_string());
    let _ = writeln!(
        out,
        "## minhbach vs Hugo — national set, {} provinces × {} communes per province\n",
        p, m
    );
    let _ = writeln!(out, "- machine: {}", machine());
    let _ = writeln!(out, "- load average at start: {}", loadavg());
    let _ = writeln!(
        out,
        "- minhbach: `{}` at commit `{commit}`",
        minhbach.display()
    );
    let _ = writeln!(
        out,
        "- hugo: {}",
        hugo_version
            .as_deref()
            .map(|v| format!("`{v}`"))
            .unwrap_or_else(|| "**not installed — not measured**".into())
    );
    let _ = writeln!(
        out,
        "- set: {} provinces, {} communes, {} plans ({} targets, {} tasks, {} budget lines), {} reports; {} files, {:.1} MB (generated in {:.1} s, seed {})",
        summary.provinces,
        summary.communes,
        summary.plans,
        summary.targets,
        summary.tasks,
        summary.budget_lines,
        summary.reports,
        summary.files,
        mb(summary.bytes),
        gen_secs,
        args.set.seed
    );

    // 2. check.
    let mut checks = Vec::new();
    for i in 0..args.check_runs {
        eprintln!("bench: minhbach check ({}/{})", i + 1, args.check_runs);
        wait_idle(args.wait_idle);
        let log = logs.join(format!("check-{}.log", i + 1));
        let r = measure(
            "minhbach check",
            Command::new(&minhbach)
                .arg("check")
                .arg("--content")
                .arg(&content),
            &log,
        )?;
        if !r.ok {
            eprintln!("{}", tail(&log, 40));
            return Err(io::Error::other(format!(
                "minhbach check failed on the generated set (log: {})",
                log.display()
            )));
        }
        checks.push(r);
    }

    // 3. The first build, from an empty image cache: it draws every image.
    let out_m = work.join("out-minhbach");
    let hugo_site = work.join("hugo-site");
    let out_h = work.join("out-hugo");
    let cache = work.join("image-cache");
    let build_minhbach = |tool: &'static str, log: &Path| -> io::Result<Run> {
        remove(&out_m)?;
        wait_idle(args.wait_idle);
        let mut r = measure(
            tool,
            Command::new(&minhbach)
                .env("MINHBACH_CACHE_DIR", &cache)
                .arg("build")
                .arg("--content")
                .arg(&content)
                .arg("--out")
                .arg(&out_m),
            log,
        )?;
        r.images = Images::from_log(log);
        let images = r
            .images
            .map(|i| format!(", {} images drawn, {} from the cache", i.drawn, i.cached))
            .unwrap_or_default();
        eprintln!(
            "bench:   {:.1} s wall, {:.1} s CPU, {:.0} MB peak RSS, other load {:.1} CPU s{images}",
            r.wall,
            r.cpu(),
            mb(r.max_rss),
            r.other_cpu
        );
        if !r.ok {
            eprintln!("{}", tail(log, 40));
            return Err(io::Error::other(format!(
                "minhbach build failed (log: {})",
                log.display()
            )));
        }
        Ok(r)
    };
    remove(&cache)?;
    eprintln!(
        "bench: minhbach build, first build from an empty image cache ({})",
        cache.display()
    );
    let first = build_minhbach(
        "minhbach, empty image cache",
        &logs.join("minhbach-build-first.log"),
    )?;
    let minhbach_tree = scan(&out_m, true)?;
    let mut hugo_tree = Tree::default();
    let mut hugo_ok = hugo_version.is_some();
    let mut hugo_pages_written = 0;
    if hugo_ok {
        let per_page = (minhbach_tree.html_text / minhbach_tree.html.max(1)) as usize;
        eprintln!(
            "bench: minhbach wrote {} HTML pages ({} bytes of text per page on average); generating a Hugo site with as many pages",
            minhbach_tree.html, per_page
        );
        // The layout adds about HUGO_CHROME_TEXT bytes of text to every page.
        hugo_pages_written = write_hugo_site(
            &hugo_site,
            minhbach_tree.html as usize,
            per_page.saturating_sub(HUGO_CHROME_TEXT),
            args.set.seed,
        )?;
    }

    // 4. Builds with the cache the first one filled (a normal rebuild), alternately with Hugo.
    let mut runs: Vec<Run> = Vec::new();
    for i in 0..args.runs {
        eprintln!("bench: minhbach build ({}/{})", i + 1, args.runs);
        let r = build_minhbach(
            "minhbach",
            &logs.join(format!("minhbach-build-{}.log", i + 1)),
        )?;
        runs.push(r);
        if hugo_ok {
            remove(&out_h)?;
            eprintln!("bench: hugo ({}/{})", i + 1, args.runs);
            wait_idle(args.wait_idle);
            let log = logs.join(format!("hugo-{}.log", i + 1));
            let r = measure(
                "Hugo",
                Command::new(&args.hugo)
                    .arg("--quiet")
                    .arg("-s")
                    .arg(&hugo_site)
                    .arg("-d")
                    .arg(&out_h),
                &log,
            )?;
            eprintln!(
                "bench:   {:.1} s wall, {:.1} s CPU, {:.0} MB peak RSS, other load {:.1} CPU s",
                r.wall,
                r.cpu(),
                mb(r.max_rss),
                r.other_cpu
            );
            if !r.ok {
                eprintln!("{}", tail(&log, 40));
                eprintln!(
                    "bench: hugo failed (log: {}); Hugo results dropped",
                    log.display()
                );
                hugo_ok = false;
            } else {
                if i == 0 {
                    hugo_tree = scan(&out_h, true)?;
                }
                runs.push(r);
            }
        }
    }

    // 5. Report.
    let c = &checks;
    if !c.is_empty() {
        let _ = writeln!(out, "\n### check\n");
        let _ = writeln!(
            out,
            "| command | runs | wall median (s) | wall min (s) | CPU user+sys median (s) | peak RSS median (MB) |"
        );
        let _ = writeln!(out, "|---|--:|--:|--:|--:|--:|");
        let _ = writeln!(
            out,
            "| `minhbach check` | {} | {:.2} | {:.2} | {:.2} | {:.0} |",
            c.len(),
            median(c.iter().map(|r| r.wall).collect()),
            min(&c.iter().map(|r| r.wall).collect::<Vec<_>>()),
            median(c.iter().map(Run::cpu).collect()),
            median(c.iter().map(|r| mb(r.max_rss)).collect())
        );
    }
    // The images' cost: the first build draws every one of them, a rebuild takes them from the
    // cache (see docs/performance.md, "The cost of images").
    let images = |r: &Run| match r.images {
        Some(i) => format!("{} / {}", i.drawn, i.cached),
        None => "— (no summary line)".into(),
    };
    let _ = writeln!(
        out,
        "\n### first build: every image drawn (empty image cache)\n\n`minhbach build` with `MINHBACH_CACHE_DIR` set to an emptied directory, so it draws every PNG image (preview cards in both languages, chart copies); the builds below reuse that cache, as any rebuild does.\n"
    );
    let _ = writeln!(
        out,
        "| build | wall (s) | CPU user+sys (s) | peak RSS (MB) | images drawn / from the cache |"
    );
    let _ = writeln!(out, "|---|--:|--:|--:|--:|");
    let warm: Vec<&Run> = runs.iter().filter(|r| r.tool == "minhbach").collect();
    let _ = writeln!(
        out,
        "| first (empty cache) | {:.2} | {:.2} | {:.0} | {} |",
        first.wall,
        first.cpu(),
        mb(first.max_rss),
        images(&first)
    );
    if !warm.is_empty() {
        let _ = writeln!(
            out,
            "| rebuild (warm cache), median of {} | {:.2} | {:.2} | {:.0} | {} |",
            warm.len(),
            median(warm.iter().map(|r| r.wall).collect()),
            median(warm.iter().map(|r| r.cpu()).collect()),
            median(warm.iter().map(|r| mb(r.max_rss)).collect()),
            images(warm[warm.len() / 2])
        );
    }
    let _ = writeln!(
        out,
        "\nThe images' cost: {:.2} s of CPU more than a rebuild ({:.1} ms an image drawn). Output: {:.1} MB in {} files, of which {} PNG images weigh {:.1} MB ({:.0} KB an image).",
        first.cpu() - median(warm.iter().map(|r| r.cpu()).collect()),
        first
            .images
            .filter(|i| i.drawn > 0)
            .map_or(f64::NAN, |i| (first.cpu()
                - median(warm.iter().map(|r| r.cpu()).collect()))
                * 1000.0
                / i.drawn as f64),
        mb(minhbach_tree.bytes),
        minhbach_tree.files,
        minhbach_tree.png,
        mb(minhbach_tree.png_bytes),
        minhbach_tree.png_bytes as f64 / 1e3 / minhbach_tree.png.max(1) as f64
    );
    let _ = writeln!(
        out,
        "\n### build ({} runs each, alternating minhbach, Hugo; minhbach with a warm image cache)\n",
        args.runs
    );
    let _ = writeln!(
        out,
        "| tool | HTML pages | text/page (bytes) | output (MB, files) | wall median (s) | wall min (s) | CPU user+sys median (s) | peak RSS median (MB) | pages/s (median wall) |"
    );
    let _ = writeln!(out, "|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    let mut rates = Vec::new();
    for (tool, tree) in [("minhbach", &minhbach_tree), ("Hugo", &hugo_tree)] {
        let rs: Vec<&Run> = runs.iter().filter(|r| r.tool == tool).collect();
        if rs.is_empty() {
            let _ = writeln!(out, "| {tool} | — | — | — | not measured | | | | |");
            continue;
        }
        let walls: Vec<f64> = rs.iter().map(|r| r.wall).collect();
        let wall = median(walls.clone());
        let rate = tree.html as f64 / wall;
        rates.push(rate);
        let _ = writeln!(
            out,
            "| {tool} | {} | {} | {:.1} MB, {} | {:.2} | {:.2} | {:.2} | {:.0} | {:.0} |",
            tree.html,
            tree.html_text / tree.html.max(1),
            mb(tree.bytes),
            tree.files,
            wall,
            min(&walls),
            median(rs.iter().map(|r| r.cpu()).collect()),
            median(rs.iter().map(|r| mb(r.max_rss)).collect()),
            rate
        );
    }
    if rates.len() == 2 {
        let _ = writeln!(
            out,
            "\n**Ratio minhbach pages/s ÷ Hugo pages/s: {:.3}** (above 1: minhbach is faster per page).",
            rates[0] / rates[1]
        );
        if hugo_tree.html != minhbach_tree.html {
            let _ = writeln!(
                out,
                "\nNote: Hugo wrote {} HTML pages for the {} asked ({} Markdown pages + home + sections).",
                hugo_tree.html, minhbach_tree.html, hugo_pages_written
            );
        }
    } else {
        let _ = writeln!(out, "\n**Hugo not measured: no ratio.**");
    }
    // Other work on the machine competes for the same cores and inflates wall times.
    let ncpu = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1) as f64;
    let all: Vec<&Run> = checks
        .iter()
        .chain(std::iter::once(&first))
        .chain(&runs)
        .collect();
    // A run is disturbed when the rest of the machine used more than 10% of the CPUs during it
    // (and more than a quarter second: kernel threads always use a little).
    let disturbed = |r: &Run| r.other_cpu > (0.1 * r.wall * ncpu).max(0.25);
    let marked: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(_, r)| disturbed(r))
        .map(|(i, _)| format!("#{}", i + 1))
        .collect();
    if marked.is_empty() {
        let _ = writeln!(
            out,
            "\nNo run was disturbed: other processes used under 10% of the CPUs throughout (load average at the end: {}).",
            loadavg()
        );
    } else {
        let _ = writeln!(
            out,
            "\n**{} of {} runs were disturbed** ({}): other processes used more than 10% of the CPUs during them, so their wall (and CPU) times are inflated and the medians above include them. Re-run on a quiet machine, or with `--wait-idle 600`. Load average at the end: {}.",
            marked.len(),
            all.len(),
            marked.join(", "),
            loadavg()
        );
    }
    // 5. serve: a one-file change until the browser has the new page.
    eprintln!("bench: minhbach serve, {} one-file changes", SERVE_CHANGES);
    match serve_rebuild(&minhbach, &content, &cache, &logs) {
        Ok((times, plans)) => {
            let ms: Vec<f64> = times.iter().map(|t| t * 1000.0).collect();
            let _ = writeln!(
                out,
                "\n### serve: one file changed → the open page shows it\n\n`minhbach serve` on this set ({plans} plans); {} times a commune plan's `plan.md` is changed on disk and the time is taken from the write until a browser waiting on the preview's reload endpoint has fetched the plan page and it shows the change (watcher + `check` of the whole content + rendering the page).\n\n| changes | median (ms) | min (ms) | max (ms) |\n|--:|--:|--:|--:|\n| {} | {:.0} | {:.0} | {:.0} |",
                ms.len(),
                ms.len(),
                median(ms.clone()),
                min(&ms),
                ms.iter().cloned().fold(0.0, f64::max)
            );
        }
        Err(e) => {
            let _ = writeln!(out, "\n### serve\n\n**Not measured: {e}**");
        }
    }
    let _ = writeln!(out, "\n<details><summary>Every run</summary>\n");
    let _ = writeln!(
        out,
        "| # | tool | wall (s) | user (s) | sys (s) | peak RSS (MB) | images drawn / from the cache | other load (CPU s) |"
    );
    let _ = writeln!(out, "|--:|---|--:|--:|--:|--:|--:|--:|");
    for (i, r) in all.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} | {:.2} | {:.2} | {:.0} | {} | {:.2}{} |",
            i + 1,
            r.tool,
            r.wall,
            r.user,
            r.sys,
            mb(r.max_rss),
            if r.tool.starts_with("minhbach") && r.tool != "minhbach check" {
                images(r)
            } else {
                String::new()
            },
            r.other_cpu,
            if disturbed(r) { " (disturbed)" } else { "" }
        );
    }
    let _ = writeln!(out, "\n</details>");
    print!("{out}");
    eprintln!("bench: work directory kept at {}", work.display());
    Ok(if hugo_version.is_some() && hugo_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}
