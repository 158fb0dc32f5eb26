//! A private copy of the minimal fixture site to break one thing in, the real binary run on it,
//! and assertions on its report: exit code, `file:line:column`, the offending text, the stable
//! code in brackets and the hint.
#![allow(dead_code)]
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");

/// A private copy of the fixture: `<tmp>/minhbach-bad-input-<pid>-<n>/content`. Removed on drop.
pub struct Site {
    pub root: PathBuf,
    pub content: PathBuf,
}

/// 1-based line and column (in characters), as diagnostics print them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    /// The position `chars` characters further on the same line.
    pub fn shift(self, chars: usize) -> Pos {
        Pos {
            col: self.col + chars,
            ..self
        }
    }
}

impl Site {
    pub fn new() -> Site {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let root =
            std::env::temp_dir().join(format!("minhbach-bad-input-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let content = root.join("content");
        copy_dir(Path::new(FIXTURE), &content);
        Site { root, content }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.content.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        std::fs::write(self.path(rel), bytes).unwrap();
    }

    /// Adds `text` at the end of `rel`.
    pub fn append(&self, rel: &str, text: &str) {
        let mut t = self.read(rel);
        t.push_str(text);
        self.write(rel, t);
    }

    /// Replaces the one occurrence of `from` in `rel`.
    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{from}` must occur once in {rel}"
        );
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Every position of `needle` in `rel` (as the file is now).
    pub fn positions(&self, rel: &str, needle: &str) -> Vec<Pos> {
        let text = self.read(rel);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        text.match_indices(needle)
            .map(|(i, _)| {
                let before = &text[..i];
                let line_start = before.rfind('\n').map_or(0, |j| j + 1);
                Pos {
                    line: before.matches('\n').count() + 1,
                    col: before[line_start..].chars().count() + 1,
                }
            })
            .collect()
    }

    /// The position of the one occurrence of `needle` in `rel`.
    pub fn pos(&self, rel: &str, needle: &str) -> Pos {
        let all = self.positions(rel, needle);
        assert_eq!(all.len(), 1, "`{needle}` must occur once in {rel}");
        all[0]
    }

    pub fn run(&self, args: &[&str]) -> Run {
        // Images are cached in one place for every copy of the fixture (not in the copy's
        // root, which tests list), so that only the first build draws them.
        let out = Command::new(env!("CARGO_BIN_EXE_minhbach"))
            .args(args)
            .env(
                "MINHBACH_CACHE_DIR",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("minhbach-cache"),
            )
            .current_dir(&self.root)
            .output()
            .expect("the binary runs");
        let run = Run {
            code: out.status.code(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert!(
            !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
            "minhbach panicked:\n{}",
            run.stderr
        );
        run
    }

    pub fn check(&self) -> Run {
        self.run(&["check", "--content", self.content.to_str().unwrap()])
    }

    pub fn check_strict(&self) -> Run {
        self.run(&[
            "check",
            "--strict",
            "--content",
            self.content.to_str().unwrap(),
        ])
    }

    pub fn build(&self, out: &Path) -> Run {
        self.run(&[
            "build",
            "--content",
            self.content.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
    }

    /// Names directly inside the temporary root (to spot stray build directories).
    pub fn root_entries(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// What one run of the binary printed.
pub struct Run {
    pub code: Option<i32>,
    pub stderr: String,
}

impl Run {
    pub fn fails(&self) -> &Run {
        assert_eq!(self.code, Some(1), "expected exit code 1:\n{}", self.stderr);
        self
    }

    pub fn passes(&self) -> &Run {
        assert_eq!(self.code, Some(0), "expected exit code 0:\n{}", self.stderr);
        self
    }

    /// The closing line, e.g. `1 lỗi, 1 cảnh báo.`
    pub fn counts(&self, errors: usize, warnings: usize) -> &Run {
        self.has(&format!("\n{errors} lỗi, {warnings} cảnh báo.\n"))
    }

    pub fn has(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "expected `{text}` in:\n{}",
            self.stderr
        );
        self
    }

    pub fn lacks(&self, text: &str) -> &Run {
        assert!(
            !self.stderr.contains(text),
            "did not expect `{text}` in:\n{}",
            self.stderr
        );
        self
    }

    /// The numbered diagnostic `(n) lỗi[code]: …` (or `cảnh báo[code]`) of this run that
    /// mentions `file`, from its heading to the next heading.
    pub fn diag(&self, code: &str, file: &str) -> Diag<'_> {
        let mut blocks: Vec<String> = Vec::new();
        for line in self.stderr.lines() {
            let numbered = line.starts_with('(')
                && line
                    .find(") ")
                    .is_some_and(|i| line[1..i].parse::<usize>().is_ok());
            let summary = line.ends_with(" cảnh báo.") && line.contains(" lỗi, ");
            if numbered {
                blocks.push(String::new());
            } else if summary {
                break;
            }
            if let Some(b) = blocks.last_mut() {
                b.push_str(line);
                b.push('\n');
            }
        }
        let tag = [format!("lỗi[{code}]: "), format!("cảnh báo[{code}]: ")];
        let block = blocks
            .into_iter()
            .find(|b| {
                let head = b.lines().next().unwrap_or("");
                tag.iter().any(|t| head.contains(t.as_str())) && b.contains(&format!("/{file}:"))
            })
            .unwrap_or_else(|| panic!("no [{code}] diagnostic for {file} in:\n{}", self.stderr));
        Diag { block, run: self }
    }
}

/// One diagnostic of a run.
pub struct Diag<'a> {
    pub block: String,
    run: &'a Run,
}

impl Diag<'_> {
    fn ok(&self, cond: bool, what: String) -> &Self {
        assert!(
            cond,
            "{what}\nin diagnostic:\n{}\nwhole report:\n{}",
            self.block, self.run.stderr
        );
        self
    }

    /// `--> …/file:line:col` (the main location or a related one).
    pub fn at(&self, file: &str, p: Pos) -> &Self {
        let loc = format!("/{file}:{}:{}\n", p.line, p.col);
        self.ok(
            self.block.contains(&loc),
            format!("expected location `{loc}`"),
        )
    }

    /// The message or the quoted source line contains `text`.
    pub fn shows(&self, text: &str) -> &Self {
        self.ok(self.block.contains(text), format!("expected `{text}`"))
    }

    /// The `= gợi ý: …` line contains `text`.
    pub fn hint(&self, text: &str) -> &Self {
        let hint = self
            .block
            .lines()
            .find(|l| l.trim_start().starts_with("= gợi ý: "));
        self.ok(
            hint.is_some_and(|h| h.contains(text)),
            format!("expected a hint containing `{text}`"),
        )
    }
}
