//! SVG → PNG, for link-preview images and the PNG copy of every chart. Drawn with resvg (a pure
//! Rust SVG renderer, no system libraries) using only the Noto Sans files compiled into the
//! binary — never the machine's fonts — so the same SVG gives the same bytes on every machine
//! and at any thread count.
//!
//! Rendering costs tens of milliseconds an image, so [`Raster`] keeps every PNG it makes in a
//! cache directory outside the output (`.minhbach-cache/png/` under the project, or
//! `MINHBACH_CACHE_DIR`), named by a hash of everything that decides the image: the SVG text, the
//! scale, the fonts and [`RENDERER_VERSION`]. A rebuild of unchanged content renders nothing; the
//! bytes written are the same whether the cache answered or not. The cache can be deleted at any
//! time.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

use anyhow::{Context, Result, anyhow};
use resvg::{tiny_skia, usvg};
use sha2::{Digest, Sha256};

/// Changes whenever the way an SVG becomes a PNG changes (resvg's version, options, the PNG
/// chunks written), so that no stale image is taken from the cache.
pub const RENDERER_VERSION: &str = "minhbach-raster-1 resvg-0.49";

/// The directory under the project root that holds the cache (git-ignored; safe to delete).
pub const CACHE_DIR: &str = ".minhbach-cache";

/// The environment variable that moves the cache elsewhere (tests use it).
pub const CACHE_ENV: &str = "MINHBACH_CACHE_DIR";

/// The symbols the Vietnamese subset of Noto Sans lacks (≥ ≤ ○ ● ◆ ┆ →), from DejaVu Sans: on a
/// page the browser finds them in a system font; an image takes them from here.
static SYMBOLS_REGULAR: &[u8] = include_bytes!("charts/fonts/DejaVuSans-symbols.ttf");
static SYMBOLS_BOLD: &[u8] = include_bytes!("charts/fonts/DejaVuSans-Bold-symbols.ttf");

/// The fonts the images are drawn with: the site's Noto Sans and the symbols, nothing from the
/// system.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(crate::charts::FONT_REGULAR.to_vec());
    db.load_font_data(crate::charts::FONT_BOLD.to_vec());
    db.load_font_data(SYMBOLS_REGULAR.to_vec());
    db.load_font_data(SYMBOLS_BOLD.to_vec());
    db.set_sans_serif_family(crate::charts::FONT_FAMILY);
    Arc::new(db)
});

/// What else than the SVG decides an image's bytes: the renderer and the fonts.
static SALT: LazyLock<[u8; 32]> = LazyLock::new(|| {
    let mut h = Sha256::new();
    h.update(RENDERER_VERSION.as_bytes());
    h.update(crate::charts::FONT_REGULAR);
    h.update(crate::charts::FONT_BOLD);
    h.update(SYMBOLS_REGULAR);
    h.update(SYMBOLS_BOLD);
    h.finalize().into()
});

/// Renders `svg` at `scale` times its own size onto white, as PNG bytes with `title` in an
/// `iTXt` chunk (the image's text alternative, for programs that show it).
pub fn png(svg: &str, scale: f32, title: &str) -> Result<Vec<u8>> {
    let options = usvg::Options {
        font_family: crate::charts::FONT_FAMILY.to_string(),
        languages: vec!["vi".to_string()],
        fontdb: FONTS.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| anyhow!("SVG: {e}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| anyhow!("SVG có kích thước 0"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| anyhow!("ảnh quá lớn: {}×{}", size.width(), size.height()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(|e| anyhow!("PNG: {e}"))?;
    Ok(with_title(bytes, title))
}

/// Inserts an `iTXt` chunk with keyword `Title` after the PNG's header chunk.
fn with_title(png: Vec<u8>, title: &str) -> Vec<u8> {
    const IHDR_END: usize = 8 + 4 + 4 + 13 + 4;
    if title.is_empty() || png.len() < IHDR_END {
        return png;
    }
    // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated
    // keyword NUL, UTF-8 text.
    let mut data = b"Title\0\0\0\0\0".to_vec();
    data.extend_from_slice(title.as_bytes());
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = chunk.len();
    chunk.extend_from_slice(b"iTXt");
    chunk.extend_from_slice(&data);
    let crc = crc32(&chunk[start..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend_from_slice(&png[..IHDR_END]);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&png[IHDR_END..]);
    out
}

/// The CRC-32 of PNG chunks (ISO 3309), bit by bit: a few hundred bytes an image.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Width and height of a PNG, read from its header (`None` if it is not a PNG).
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let word = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    Some((word(16), word(20)))
}

/// An image to make: the SVG it is drawn from, at what scale, and its text alternative.
#[derive(Debug, Clone)]
pub struct Image {
    pub svg: String,
    pub scale: f32,
    pub title: String,
}

impl Image {
    /// The cache key: a hash of the SVG, the scale, the title and the renderer with its fonts.
    fn key(&self) -> String {
        let mut h = Sha256::new();
        h.update(*SALT);
        h.update(self.scale.to_bits().to_be_bytes());
        h.update((self.title.len() as u64).to_be_bytes());
        h.update(self.title.as_bytes());
        h.update(self.svg.as_bytes());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Renders images through the cache, counting what it did for the build's summary.
#[derive(Debug, Default)]
pub struct Raster {
    dir: Option<PathBuf>,
    rendered: AtomicUsize,
    cached: AtomicUsize,
    nanos: AtomicU64,
}

/// What a [`Raster`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RasterCounts {
    /// Images drawn (not found in the cache).
    pub rendered: usize,
    /// Images taken from the cache.
    pub cached: usize,
    /// Time spent drawing and encoding, in milliseconds (summed over threads).
    pub millis: u64,
}

impl Raster {
    /// A raster with its cache in `dir` (`None`: no cache, every image is drawn).
    pub fn new(dir: Option<PathBuf>) -> Raster {
        Raster {
            dir,
            ..Raster::default()
        }
    }

    /// The cache of the project at `root`: `MINHBACH_CACHE_DIR` if set, else
    /// `<root>/.minhbach-cache/png`.
    pub fn for_project(root: &Path) -> Raster {
        let dir = match std::env::var_os(CACHE_ENV) {
            Some(d) if !d.is_empty() => PathBuf::from(d).join("png"),
            _ => root.join(CACHE_DIR).join("png"),
        };
        Raster::new(Some(dir))
    }

    /// The PNG of `image`: from the cache when it holds one, else drawn and stored. A cache that
    /// cannot be read or written is only a slower build, never an error.
    pub fn png(&self, image: &Image) -> Result<Vec<u8>> {
        let path = self
            .dir
            .as_ref()
            .map(|d| d.join(format!("{}.png", image.key())));
        if let Some(p) = &path {
            if let Ok(bytes) = std::fs::read(p) {
                if is_whole_png(&bytes) {
                    self.cached.fetch_add(1, Ordering::Relaxed);
                    return Ok(bytes);
                }
            }
        }
        let started = std::time::Instant::now();
        let bytes = png(&image.svg, image.scale, &image.title)
            .with_context(|| format!("vẽ ảnh PNG “{}”", image.title))?;
        self.nanos
            .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        self.rendered.fetch_add(1, Ordering::Relaxed);
        if let Some(p) = &path {
            let _ = store(p, &bytes);
        }
        Ok(bytes)
    }

    pub fn counts(&self) -> RasterCounts {
        RasterCounts {
            rendered: self.rendered.load(Ordering::Relaxed),
            cached: self.cached.load(Ordering::Relaxed),
            millis: self.nanos.load(Ordering::Relaxed) / 1_000_000,
        }
    }
}

/// A PNG that was written to the end (a file cut short by a killed build is not taken).
fn is_whole_png(bytes: &[u8]) -> bool {
    png_size(bytes).is_some() && bytes.ends_with(b"IEND\xae\x42\x60\x82")
}

/// Writes a cache file under a temporary name and renames it, so that a reader (another thread,
/// another build) sees the whole file or none.
fn store(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}-{:?}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("png"),
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" font-family="Noto Sans"><text x="4" y="24" font-size="16" font-weight="bold" fill="#1F4E79">Kinh phí 325,2 tỷ đồng</text></svg>"##;

    #[test]
    fn an_svg_becomes_a_png_of_its_size_times_the_scale() {
        let bytes = png(SVG, 2.0, "Kinh phí").unwrap();
        assert_eq!(png_size(&bytes), Some((240, 80)));
        assert!(is_whole_png(&bytes));
    }

    #[test]
    fn the_same_svg_gives_the_same_bytes_every_time() {
        let a = png(SVG, 2.0, "x").unwrap();
        let b = std::thread::spawn(|| png(SVG, 2.0, "x").unwrap())
            .join()
            .unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn vietnamese_text_is_drawn_with_the_compiled_in_font() {
        // The text is drawn: the image is not blank white.
        let bytes = png(SVG, 1.0, "").unwrap();
        let blank = png(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>"#,
            1.0,
            "",
        )
        .unwrap();
        assert_ne!(bytes, blank);
        assert!(FONTS.faces().any(|f| {
            f.families
                .iter()
                .any(|(n, _)| n == crate::charts::FONT_FAMILY)
        }));
    }

    #[test]
    fn the_title_chunk_is_valid_png() {
        let bytes = png(SVG, 1.0, "Biểu đồ “kinh phí”").unwrap();
        let i = bytes.windows(4).position(|w| w == b"iTXt").unwrap();
        let len = u32::from_be_bytes(bytes[i - 4..i].try_into().unwrap()) as usize;
        let crc = u32::from_be_bytes(bytes[i + 4 + len..i + 8 + len].try_into().unwrap());
        assert_eq!(crc, crc32(&bytes[i..i + 4 + len]));
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
    }

    #[test]
    fn a_second_request_comes_from_the_cache_with_the_same_bytes() {
        let dir = std::env::temp_dir().join(format!("minhbach-raster-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let image = Image {
            svg: SVG.into(),
            scale: 1.0,
            title: "t".into(),
        };
        let first = Raster::new(Some(dir.clone()));
        let a = first.png(&image).unwrap();
        assert_eq!((first.counts().rendered, first.counts().cached), (1, 0));
        let second = Raster::new(Some(dir.clone()));
        let b = second.png(&image).unwrap();
        assert_eq!((second.counts().rendered, second.counts().cached), (0, 1));
        assert_eq!(a, b);
        let changed = Image {
            svg: SVG.replace("325,2", "325,3"),
            ..image
        };
        second.png(&changed).unwrap();
        assert_eq!(second.counts().rendered, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[cfg(test)]
mod symbols {
    use super::*;

    #[test]
    fn symbols_missing_from_noto_sans_are_drawn_from_the_symbol_font() {
        // "≥" alone: drawn (not blank) only if some compiled-in font has it.
        let svg = |t: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" font-family="Noto Sans"><text x="4" y="30" font-size="30">{t}</text></svg>"#
            )
        };
        let blank = png(&svg(" "), 1.0, "").unwrap();
        for symbol in ["≥", "≤", "○", "◆", "┆"] {
            assert_ne!(png(&svg(symbol), 1.0, "").unwrap(), blank, "{symbol}");
        }
    }
}
