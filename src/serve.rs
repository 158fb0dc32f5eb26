//! `minhbach serve`: a live preview for the staff who edit content.
//!
//! The site is never written to disk. A renderer thread keeps the last content that `check`
//! accepted (model, derived data, templates) and renders each page when the browser asks for it,
//! from its route — so a change costs one `check` of the content plus the page being viewed,
//! whatever the size of the site. A watcher on `content/`, `templates/` and `static/` re-checks
//! after every change; when the content has errors the pages keep showing the last good build
//! with the errors, exactly as `check` prints them, laid over the top, and the browser tabs reload
//! themselves when a new build (good or bad) is ready.
//!
//! The reload script and the error overlay exist only here: `serve` relaxes the pages' Content
//! Security Policy from `script-src 'none'` to `script-src 'self'` for its own script, and the
//! published pages stay script-free.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::build::{self, Options};
use crate::derive::Derived;
use crate::model::Site;
use crate::project::Theme;
use crate::render::{Renderer, escape_html};
use crate::routes::Route;

/// Where the preview's own files live; no page of a site can have this path (ids are ASCII
/// lower-case letters, digits and hyphens).
const PREFIX: &str = "/__minhbach/";
/// How long a browser's wait for the next build is held open before it asks again.
const LONG_POLL: Duration = Duration::from_secs(25);
/// Changes closer together than this are checked once.
const SETTLE: Duration = Duration::from_millis(40);

/// Options of `serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub content: PathBuf,
    /// Address to listen on; 127.0.0.1 by default so that the preview is not on the network.
    pub address: String,
}

/// The state every HTTP worker can read: the number of the latest build and whether it failed.
#[derive(Default)]
struct Status {
    /// Incremented after every check, good or bad.
    generation: u64,
    /// The `check` report when the latest content has errors (the last good build is shown).
    errors: Option<String>,
    /// Whether some content was ever accepted.
    has_site: bool,
}

struct Shared {
    status: Mutex<Status>,
    changed: Condvar,
}

impl Shared {
    fn snapshot(&self) -> (u64, Option<String>, bool) {
        let s = self.status.lock().unwrap();
        (s.generation, s.errors.clone(), s.has_site)
    }
}

/// What the renderer thread is asked to do.
enum Job {
    /// Render the file at this site path (`ke-hoach/x/index.html`, `data/tasks.csv`…).
    Get(String, Sender<Option<Served>>),
    /// Content, templates or static files changed: check again.
    Reload,
}

/// A response body and its type.
struct Served {
    bytes: Vec<u8>,
    mime: &'static str,
}

/// A running preview server (used by `main` and by the tests, which stop it).
pub struct Server {
    pub url: String,
    http: Arc<tiny_http::Server>,
    jobs: Sender<Job>,
    shared: Arc<Shared>,
    _watcher: Option<notify::RecommendedWatcher>,
}

impl Server {
    /// Checks the content, starts the renderer, the watcher and the HTTP server, and returns
    /// once the first check is done.
    pub fn start(opts: &ServeOptions) -> Result<Server> {
        let http = Arc::new(
            tiny_http::Server::http(opts.address.as_str())
                .map_err(|e| anyhow::anyhow!("không mở được cổng {}: {e}", opts.address))?,
        );
        let url = match http.server_addr() {
            tiny_http::ListenAddr::IP(a) => format!("http://{a}/"),
            #[allow(unreachable_patterns)]
            _ => format!("http://{}/", opts.address),
        };
        let shared = Arc::new(Shared {
            status: Mutex::new(Status::default()),
            changed: Condvar::new(),
        });
        let (jobs, inbox) = mpsc::channel();
        {
            let shared = shared.clone();
            let content = opts.content.clone();
            std::thread::Builder::new()
                .name("minhbach-render".into())
                .spawn(move || renderer(content, inbox, shared))?;
        }
        // The first check: wait for it so that the first page asked for is ready.
        jobs.send(Job::Reload).ok();
        {
            let mut s = shared.status.lock().unwrap();
            while s.generation == 0 {
                s = shared.changed.wait(s).unwrap();
            }
        }
        let watcher = watch(&opts.content, jobs.clone())?;
        for _ in 0..4 {
            let http = http.clone();
            let jobs = jobs.clone();
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("minhbach-http".into())
                .spawn(move || {
                    while let Ok(request) = http.recv() {
                        let jobs = jobs.clone();
                        let shared = shared.clone();
                        // Waiting browsers hold their request open: each gets its own thread.
                        if request.url().starts_with("/__minhbach/wait") {
                            std::thread::spawn(move || answer(request, &jobs, &shared));
                        } else {
                            answer(request, &jobs, &shared);
                        }
                    }
                })?;
        }
        Ok(Server {
            url,
            http,
            jobs,
            shared,
            _watcher: Some(watcher),
        })
    }

    /// The number of builds so far (1 after the first check).
    pub fn generation(&self) -> u64 {
        self.shared.snapshot().0
    }

    /// Asks for a check now, as the watcher does after a change.
    pub fn reload(&self) {
        self.jobs.send(Job::Reload).ok();
    }

    /// Blocks until the server stops (never, unless the listener fails).
    pub fn run(self) {
        loop {
            std::thread::park();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.http.unblock();
    }
}

/// Starts the preview and serves until interrupted.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let server = Server::start(opts)?;
    eprintln!(
        "Đang xem trước tại {} — trang tự tải lại khi bạn lưu một tệp trong `{}`, templates/ hoặc static/. Không ghi gì ra public/. Dừng: Ctrl+C.",
        server.url,
        opts.content.display()
    );
    server.run();
    Ok(())
}

/// Watches the content directory and the project's `templates/` and `static/`.
fn watch(content: &Path, jobs: Sender<Job>) -> Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).context("theo dõi thư mục nội dung")?;
    let root = build::project_root(content);
    watcher
        .watch(content, RecursiveMode::Recursive)
        .with_context(|| format!("theo dõi {}", content.display()))?;
    for dir in ["templates", "static"] {
        let d = root.join(dir);
        if d.is_dir() {
            watcher
                .watch(&d, RecursiveMode::Recursive)
                .with_context(|| format!("theo dõi {}", d.display()))?;
        }
    }
    std::thread::Builder::new()
        .name("minhbach-watch".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                if !matters(&first) {
                    continue;
                }
                // An editor's save is often several events: wait until they settle.
                while rx.recv_timeout(SETTLE).is_ok() {}
                if jobs.send(Job::Reload).is_err() {
                    break;
                }
            }
        })?;
    Ok(watcher)
}

/// Whether a file-system event can change the site (reads and metadata-only events cannot).
fn matters(event: &notify::Result<notify::Event>) -> bool {
    use notify::EventKind;
    match event {
        Ok(e) => {
            matches!(
                e.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
            ) && !matches!(
                e.kind,
                EventKind::Modify(notify::event::ModifyKind::Metadata(_))
            )
        }
        Err(_) => true,
    }
}

/// A site that `check` accepted, with what rendering it needs.
struct Good {
    site: Site,
    theme: Theme,
    tera: tera::Tera,
}

/// The renderer thread: owns the last good build and answers page requests from it.
fn renderer(content: PathBuf, inbox: Receiver<Job>, shared: Arc<Shared>) {
    let mut good: Option<Good> = None;
    // Pages asked for while a check ran: answered first from the new build.
    let mut waiting: Vec<(String, Sender<Option<Served>>)> = Vec::new();
    loop {
        // Serve from the current build until something changes.
        {
            let derived = good.as_ref().map(|g| Derived::of(&g.site));
            let mut files: Option<Files> = None;
            for (path, reply) in waiting.drain(..) {
                reply
                    .send(from_build(&good, &derived, &mut files, &path))
                    .ok();
            }
            loop {
                let Ok(job) = inbox.recv() else { return };
                match job {
                    Job::Reload => break,
                    Job::Get(path, reply) => {
                        reply
                            .send(from_build(&good, &derived, &mut files, &path))
                            .ok();
                    }
                }
            }
        }
        // Changes already queued are covered by this one check.
        while let Ok(job) = inbox.try_recv() {
            if let Job::Get(path, reply) = job {
                waiting.push((path, reply));
            }
        }
        let started = Instant::now();
        let outcome = check(&content);
        {
            let mut s = shared.status.lock().unwrap();
            match outcome {
                Ok(g) => {
                    good = Some(g);
                    s.errors = None;
                }
                Err(report) => s.errors = Some(report),
            }
            s.has_site = good.is_some();
            s.generation += 1;
            if s.generation > 1 {
                let said = if s.errors.is_some() {
                    "nội dung có lỗi, đang hiện bản đúng gần nhất"
                } else {
                    "đã cập nhật"
                };
                eprintln!(
                    "[{}] {said} ({} ms)",
                    s.generation,
                    started.elapsed().as_millis()
                );
            }
        }
        shared.changed.notify_all();
    }
}

/// The file at `path` in the current build, if there is a good one.
fn from_build(
    good: &Option<Good>,
    derived: &Option<Result<Derived>>,
    files: &mut Option<Files>,
    path: &str,
) -> Option<Served> {
    match (good, derived) {
        (Some(g), Some(Ok(d))) => get(g, d, files, path),
        _ => None,
    }
}

/// Checks the content and the project as `build` would; the report when they cannot be built.
fn check(content: &Path) -> std::result::Result<Good, String> {
    let checked = build::check(&Options {
        content: content.to_path_buf(),
        strict: false,
    });
    if !checked.ok {
        return Err(checked.diagnostics.render());
    }
    let tera =
        crate::render::templates(&checked.theme.overrides()).map_err(|e| format!("{e:#}"))?;
    Ok(Good {
        site: checked.site.expect("ok implies a site"),
        theme: checked.theme,
        tera,
    })
}

/// The files a page does not render by itself — the data package and the tables' downloads —
/// made once per build, in memory, the first time one of them is asked for.
struct Files {
    bytes: HashMap<String, Vec<u8>>,
    sizes: BTreeMap<String, usize>,
    /// The PNG images pages link to (chart copies, preview cards), drawn when asked for and
    /// never written to disk.
    images: HashMap<String, crate::raster::Image>,
}

fn files_of(g: &Good, derived: &Derived) -> Files {
    let mut bytes = HashMap::new();
    let sizes = crate::opendata::write_files(&g.site, &derived.resources, |path, b| {
        bytes.insert(path, b);
        Ok(())
    })
    .unwrap_or_default();
    let renderer = Renderer::new(&g.site, derived, &g.tera, &sizes);
    let made: Vec<(Vec<(String, Vec<u8>)>, Vec<(String, crate::raster::Image)>)> =
        Route::all(&g.site)
            .par_iter()
            .filter_map(|r| renderer.page(r).ok().flatten())
            .map(|p| (p.downloads, p.images))
            .collect();
    let mut images = HashMap::new();
    for (downloads, pictures) in made {
        bytes.extend(downloads);
        images.extend(pictures);
    }
    bytes.extend(crate::search::index_files(&g.site));
    Files {
        bytes,
        sizes,
        images,
    }
}

/// The file at `path` in the current build.
fn get(g: &Good, derived: &Derived, files: &mut Option<Files>, path: &str) -> Option<Served> {
    if let Some(f) = g.theme.static_files.iter().find(|f| f.rel == path) {
        return std::fs::read(&f.path).ok().map(|bytes| Served {
            bytes,
            mime: mime_of(path),
        });
    }
    if let Some((_, b)) = crate::project::ASSETS.iter().find(|(p, _)| *p == path) {
        return Some(Served {
            bytes: b.to_vec(),
            mime: mime_of(path),
        });
    }
    let page_path = path.strip_suffix("index.html").unwrap_or(path);
    if let Some(route) = Route::parse(page_path).filter(|r| r.file() == path) {
        let needs_sizes = matches!(route.base(), Route::OpenData | Route::Dataset(_));
        let no_sizes = BTreeMap::new();
        let sizes = if needs_sizes {
            &files.get_or_insert_with(|| files_of(g, derived)).sizes
        } else {
            &no_sizes
        };
        let page = Renderer::new(&g.site, derived, &g.tera, sizes)
            .page(&route)
            .ok()
            .flatten()?;
        return Some(Served {
            bytes: page.html.into_bytes(),
            mime: "text/html; charset=utf-8",
        });
    }
    let f = files.get_or_insert_with(|| files_of(g, derived));
    if let Some(image) = f.images.get(path) {
        return crate::raster::Raster::new(None)
            .png(image)
            .ok()
            .map(|bytes| Served {
                bytes,
                mime: mime_of(path),
            });
    }
    f.bytes.get(path).map(|b| Served {
        bytes: b.clone(),
        mime: mime_of(path),
    })
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, e)| e) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("csv") => "text/csv; charset=utf-8",
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("ttl") => "text/turtle; charset=utf-8",
        Some("xml") => "application/xml",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("txt") | Some("md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Answers one HTTP request.
fn answer(request: tiny_http::Request, jobs: &Sender<Job>, shared: &Shared) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let response = if let Some(own) = path.strip_prefix(PREFIX) {
        own_file(own, query, shared)
    } else {
        site_file(path, jobs, shared)
    };
    let _ = request.respond(response);
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn respond(status: u16, mime: &str, bytes: Vec<u8>) -> Response {
    tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// The preview's own files: the reload script, the overlay's style, and the wait for a build.
fn own_file(name: &str, query: &str, shared: &Shared) -> Response {
    match name {
        "reload.js" => respond(200, "text/javascript; charset=utf-8", RELOAD_JS.into()),
        "overlay.css" => respond(200, "text/css; charset=utf-8", OVERLAY_CSS.into()),
        "wait" => {
            let since: u64 = query
                .split('&')
                .find_map(|kv| kv.strip_prefix("since="))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let deadline = Instant::now() + LONG_POLL;
            let mut s = shared.status.lock().unwrap();
            while s.generation <= since {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                s = shared.changed.wait_timeout(s, left).unwrap().0;
            }
            respond(
                200,
                "text/plain; charset=utf-8",
                s.generation.to_string().into(),
            )
        }
        "status" => {
            let (generation, errors, _) = shared.snapshot();
            let body = serde_json::json!({ "generation": generation, "errors": errors });
            respond(200, "application/json", body.to_string().into())
        }
        _ => respond(404, "text/plain; charset=utf-8", b"404".to_vec()),
    }
}

/// A file of the site, rendered by the renderer thread.
fn site_file(url_path: &str, jobs: &Sender<Job>, shared: &Shared) -> Response {
    let Some(path) = site_path(url_path) else {
        return respond(
            400,
            "text/plain; charset=utf-8",
            "Đường dẫn không hợp lệ".into(),
        );
    };
    // `/ke-hoach/x` → `/ke-hoach/x/`, as a static file server does, so relative links work.
    if !path.is_empty()
        && !path.ends_with('/')
        && !path.rsplit('/').next().unwrap_or("").contains('.')
    {
        return tiny_http::Response::from_data(Vec::new())
            .with_status_code(301)
            .with_header(header("Location", &format!("{url_path}/")));
    }
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    let (generation, errors, has_site) = shared.snapshot();
    let (tx, rx) = mpsc::channel();
    let served = if jobs.send(Job::Get(file.clone(), tx)).is_ok() {
        rx.recv().ok().flatten()
    } else {
        None
    };
    match served {
        Some(s) if s.mime.starts_with("text/html") => {
            let html = String::from_utf8_lossy(&s.bytes);
            respond(
                200,
                s.mime,
                preview(&html, generation, errors.as_deref()).into_bytes(),
            )
        }
        Some(s) => respond(200, s.mime, s.bytes),
        None if file.ends_with(".html") => {
            let body = if has_site {
                "<h1>Không có trang này</h1><p>Trang này không có trong bản dựng hiện tại.</p>"
            } else {
                "<h1>Chưa dựng được trang nào</h1><p>Nội dung có lỗi; sửa các lỗi dưới đây, trang sẽ tự tải lại.</p>"
            };
            let page = format!(
                "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'\"><title>minhbach serve</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body><main id=\"noi-dung\">{body}</main></body></html>"
            );
            respond(
                404,
                "text/html; charset=utf-8",
                preview(&page, generation, errors.as_deref()).into_bytes(),
            )
        }
        None => respond(404, "text/plain; charset=utf-8", b"404".to_vec()),
    }
}

/// The site path of a URL path: percent-decoded, without the leading `/`; `None` for paths that
/// try to leave the site.
fn site_path(url_path: &str) -> Option<String> {
    let decoded = percent_decode(url_path.strip_prefix('/')?)?;
    if decoded.split('/').any(|s| s == ".." || s == ".")
        || decoded.contains('\\')
        || decoded.contains('\0')
    {
        return None;
    }
    Some(decoded)
}

fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A page as the preview serves it: its CSP lets the preview's own script run, the script that
/// reloads the tab after the next build is added, and the errors of the latest check (if any) are
/// laid over the last good page.
fn preview(html: &str, generation: u64, errors: Option<&str>) -> String {
    let mut out = html.replacen("script-src 'none'", "script-src 'self'", 1);
    let head = format!(
        "<script src=\"{PREFIX}reload.js?since={generation}\" defer></script><link rel=\"stylesheet\" href=\"{PREFIX}overlay.css\">"
    );
    if let Some(i) = out.find("</head>") {
        out.insert_str(i, &head);
    }
    if let Some(report) = errors {
        let overlay = format!(
            "<section id=\"minhbach-loi\" role=\"alert\" aria-labelledby=\"minhbach-loi-tieu-de\"><h2 id=\"minhbach-loi-tieu-de\">Nội dung có lỗi — bên dưới là bản dựng đúng gần nhất</h2><p>Sửa các lỗi này rồi lưu tệp; trang sẽ tự tải lại. Đây là đúng những gì <code>minhbach check</code> in ra.</p><pre>{}</pre></section>",
            escape_html(report)
        );
        match out.find("<body") {
            Some(i) => {
                let end = out[i..].find('>').map(|j| i + j + 1).unwrap_or(out.len());
                out.insert_str(end, &overlay);
            }
            None => out.push_str(&overlay),
        }
    }
    out
}

const RELOAD_JS: &str = r#"// minhbach serve: reloads this tab when the next build is ready (only in the preview).
(function () {
  var me = document.currentScript && document.currentScript.src;
  var since = me ? (new URL(me).searchParams.get("since") || "0") : "0";
  function wait() {
    fetch("/__minhbach/wait?since=" + since, { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (t) {
        if (parseInt(t, 10) > parseInt(since, 10)) { location.reload(); } else { wait(); }
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"#;

const OVERLAY_CSS: &str = "#minhbach-loi{position:sticky;top:0;z-index:1000;max-height:70vh;overflow:auto;margin:0;padding:1rem;background:#fff4f4;color:#1a1a1a;border-bottom:4px solid #b00020;font-size:1rem}\n#minhbach-loi h2{margin:0 0 .5rem;color:#8a0017;font-size:1.2rem}\n#minhbach-loi pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9rem;background:#fff;border:1px solid #d7b3b3;padding:.75rem}\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_leaves_the_site_is_refused() {
        assert_eq!(site_path("/ke-hoach/").as_deref(), Some("ke-hoach/"));
        assert_eq!(site_path("/d%E1%BB%AF").as_deref(), Some("dữ"));
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/%2e%2e/etc/passwd"), None);
        assert_eq!(site_path("/a%2"), None);
    }

    #[test]
    fn the_preview_adds_its_script_and_the_errors_only_to_what_it_serves() {
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\"></head><body class=\"x\"><main>m</main></body></html>";
        let out = preview(page, 3, Some("(1) lỗi <b>"));
        assert!(out.contains("script-src 'self'"));
        assert!(out.contains("reload.js?since=3"));
        assert!(out.contains("<body class=\"x\"><section id=\"minhbach-loi\""));
        assert!(out.contains("(1) lỗi &lt;b&gt;"));
        assert!(!preview(page, 3, None).contains("minhbach-loi\""));
    }
}
