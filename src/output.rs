//! The one place that writes the published site. A build is written into a fresh sibling
//! directory ([`Staging`]) as pages are made — nothing is held in memory until the end — and
//! swapped in when complete, so a failed or killed build leaves the previous output exactly as it
//! was. Every path comes from ids checked to be slugs; [`Staging::write`] checks again so that
//! nothing can be written outside the output directory, and refuses to write one path twice.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Name of the marker file that identifies a directory as minhbach output (safe to replace).
pub const MARKER: &str = ".minhbach-build";

/// A relative, forward-slash path of plain segments: no `..`, no absolute or drive paths, no
/// backslashes, NUL or control characters.
pub fn check_relative_path(path: &str) -> Result<()> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path.chars().any(|c| c.is_control())
        || path
            .split('/')
            .any(|seg| seg.is_empty() || seg == "." || seg == "..")
        || Path::new(path)
            .components()
            .any(|c| !matches!(c, Component::Normal(_)));
    if bad {
        bail!("từ chối ghi ra ngoài thư mục đầu ra: `{path}`");
    }
    Ok(())
}

/// Checks that `out` may be replaced by a build: not `/`, the home directory, the content
/// directory, the project root or any of their ancestors, and — if it exists and is not empty —
/// a previous minhbach build (it has the marker file).
pub fn check_output_dir(out: &Path, content: &Path, project_root: &Path) -> Result<()> {
    let abs = absolute(out)?;
    let mut forbidden = vec![
        PathBuf::from("/"),
        absolute(content)?,
        absolute(project_root)?,
    ];
    if let Some(home) = std::env::var_os("HOME") {
        forbidden.push(absolute(Path::new(&home))?);
    }
    for f in &forbidden {
        if &abs == f || f.starts_with(&abs) {
            bail!(
                "không dùng `{}` làm thư mục đầu ra: đó là (hoặc chứa) {}; hãy chọn một thư mục trống hoặc mới, ví dụ `public/`",
                out.display(),
                f.display()
            );
        }
    }
    if abs.starts_with(absolute(content)?) {
        bail!(
            "không ghi trang web vào bên trong thư mục nội dung `{}`",
            content.display()
        );
    }
    for read in ["static", "templates"] {
        let dir = absolute(&project_root.join(read))?;
        if abs.starts_with(&dir) {
            bail!(
                "không ghi trang web vào bên trong `{}`: thư mục này được đọc khi dựng trang",
                dir.display()
            );
        }
    }
    if abs.exists() {
        if !abs.is_dir() {
            bail!("`{}` đã tồn tại và không phải thư mục", out.display());
        }
        let non_empty = fs::read_dir(&abs)?.next().is_some();
        if non_empty && !abs.join(MARKER).exists() {
            bail!(
                "không thay thế `{}`: thư mục không trống và không do minhbach tạo ra (không có tệp `{MARKER}`); hãy chọn thư mục khác hoặc làm trống nó",
                out.display()
            );
        }
    }
    Ok(())
}

fn absolute(p: &Path) -> Result<PathBuf> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    // Normalise `.` and `..` lexically: the directory may not exist yet.
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(fs::canonicalize(&out).unwrap_or(out))
}

/// A site being written: a temporary sibling of the output directory, held under the output's
/// lock. Pages, data files and downloads are written into it as they are made (from several
/// threads); [`Staging::commit`] swaps it in. Dropped without committing, it is removed.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    _lock: OutputLock,
    written: std::sync::Mutex<std::collections::HashSet<String>>,
    /// Directories already made, so that each file costs one `open`, not a `mkdir` too.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Takes the output's lock (waiting for another build into the same directory), removes the
    /// temporaries a killed build left, and starts a new, empty one.
    pub fn begin(out: &Path) -> Result<Staging> {
        let out = absolute(out)?;
        let parent = out
            .parent()
            .context("output directory has no parent")?
            .to_path_buf();
        let name = out
            .file_name()
            .context("output directory has no name")?
            .to_string_lossy()
            .into_owned();
        fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
        let lock = lock(&parent, &name)?;
        remove_stale_temporaries(&parent, &name);
        let tmp = parent.join(format!(".{name}.minhbach-tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        Ok(Staging {
            out,
            tmp,
            _lock: lock,
            written: Default::default(),
            made: Default::default(),
            committed: false,
        })
    }

    /// Writes one file of the site. Two writes of one path are a bug (two pages claiming one
    /// address), reported, never a silent overwrite.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        check_relative_path(rel)?;
        if !self.claim(rel) {
            bail!("hai trang sẽ ghi đè cùng một tệp `{rel}`");
        }
        self.put(rel, bytes)
    }

    fn put(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let dest = self.tmp.join(rel);
        if let Some(dir) = dest.parent() {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(dir) {
                fs::create_dir_all(dir)?;
                made.insert(dir.to_path_buf());
            }
        }
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&dest)
            .with_context(|| format!("ghi {}", dest.display()))?;
        f.write_all(bytes)?;
        Ok(())
    }

    /// Writes a file that several pages may produce with the same bytes (the download of a table
    /// shown on several pages): the first write wins, the others are skipped.
    pub fn write_shared(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        check_relative_path(rel)?;
        if self.claim(rel) {
            self.put(rel, bytes)?;
        }
        Ok(())
    }

    /// Like [`Staging::write_shared`] for bytes that are costly to make (a PNG): `make` runs only
    /// for the first writer of `rel`.
    pub fn write_shared_with(
        &self,
        rel: &str,
        make: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<()> {
        check_relative_path(rel)?;
        if self.claim(rel) {
            self.put(rel, &make()?)?;
        }
        Ok(())
    }

    fn claim(&self, rel: &str) -> bool {
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.to_string())
    }

    /// How many files have been written.
    pub fn len(&self) -> usize {
        self.written.lock().map(|w| w.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Marks the new site as minhbach's and swaps it in for the old one.
    pub fn commit(mut self) -> Result<()> {
        fs::write(self.tmp.join(MARKER), "minhbach\n")?;
        sync_dir(&self.tmp);
        swap_in(&self.tmp, &self.out)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// The lock of one output directory: a file `.<name>.minhbach-lock` beside it, held with an
/// exclusive `flock` for the whole write and removed when released, so nothing is left behind.
/// A build that finds it held waits (and says so). The file is removed before it is unlocked,
/// and a build that acquires a lock checks that its file is still the one at the path, retrying
/// otherwise — so two builds can never both hold the lock.
struct OutputLock {
    path: PathBuf,
    file: Option<fs::File>,
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Only where `same_file` can tell a removed lock file from the current one.
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
        drop(self.file.take());
    }
}

fn lock(parent: &Path, name: &str) -> Result<OutputLock> {
    let path = parent.join(format!(".{name}.minhbach-lock"));
    let mut said = false;
    loop {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("tạo tệp khóa {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                if !said {
                    eprintln!(
                        "Một lần dựng khác đang ghi vào `{}`: chờ nó xong rồi dựng tiếp…",
                        parent.join(name).display()
                    );
                    said = true;
                }
                file.lock()
                    .with_context(|| format!("chờ khóa {}", path.display()))?;
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("khóa {}", path.display()));
            }
        }
        if same_file(&file, &path) {
            return Ok(OutputLock {
                path,
                file: Some(file),
            });
        }
        // The previous holder removed the file while we waited: lock the current one.
    }
}

#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &fs::File, _path: &Path) -> bool {
    true
}

fn remove_stale_temporaries(parent: &Path, name: &str) {
    let prefixes = [
        format!(".{name}.minhbach-tmp-"),
        format!(".{name}.minhbach-old-"),
    ];
    if let Ok(entries) = fs::read_dir(parent) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if prefixes.iter().any(|p| n.starts_with(p.as_str())) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

/// Replaces `out` by `tmp`. With no previous output this is one rename. Otherwise, on Linux,
/// the two directories are exchanged in one atomic `renameat2(RENAME_EXCHANGE)`: at every instant
/// `out` is either the complete old site or the complete new one, even if the process is killed.
/// Elsewhere (or on file systems without exchange) the old output is moved aside first, and a
/// later build restores nothing but removes the leftover.
fn swap_in(tmp: &Path, out: &Path) -> Result<()> {
    if !out.exists() {
        fs::rename(tmp, out)
            .with_context(|| format!("moving the new site to {}", out.display()))?;
        return Ok(());
    }
    if exchange(tmp, out).is_ok() {
        // `tmp` now holds the previous site.
        fs::remove_dir_all(tmp).ok();
        return Ok(());
    }
    let name = out.file_name().unwrap().to_string_lossy();
    let old = out.with_file_name(format!(".{name}.minhbach-old-{}", std::process::id()));
    fs::rename(out, &old)
        .with_context(|| format!("moving the old site aside: {}", out.display()))?;
    if let Err(e) = fs::rename(tmp, out) {
        let _ = fs::rename(&old, out);
        return Err(e).with_context(|| format!("moving the new site to {}", out.display()));
    }
    fs::remove_dir_all(&old).ok();
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call; AT_FDCWD with
    // absolute paths names them directly.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_output_directory_are_refused() {
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "a\\b",
            "",
            "a//b",
            "./a",
            "a/\0",
        ] {
            assert!(check_relative_path(bad).is_err(), "{bad:?}");
        }
        assert!(check_relative_path("ke-hoach/kh-223/index.html").is_ok());
    }
}
