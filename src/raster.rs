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
pub const RENDERER_VERSION: &str = "minhbach-raster-2 resvg-0.49 png-indexed-balanced";

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
    encode(&draw(svg, scale)?, title)
}

/// Draws `svg` at `scale` times its own size onto opaque white.
fn draw(svg: &str, scale: f32) -> Result<tiny_skia::Pixmap> {
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
    Ok(pixmap)
}

/// The pixmap as PNG bytes, with `title` in an `iTXt` chunk. The images are drawn on opaque
/// white with few colours (a card has about a hundred: its text's anti-aliased edges), so they
/// are written as 8-bit indexed PNG of their exact colours — lossless, about half the encoding
/// time and two thirds the size of RGBA. An image with more than 256 colours is written as RGB,
/// one with any transparency (none is drawn so) as RGBA: never a colour changed.
fn encode(pixmap: &tiny_skia::Pixmap, title: &str) -> Result<Vec<u8>> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let rgba = pixmap.data();
    let opaque = rgba.chunks_exact(4).all(|p| p[3] == 255);
    let (color, palette, data) = match (opaque, opaque.then(|| indexed(rgba)).flatten()) {
        (_, Some((palette, indices))) => (png::ColorType::Indexed, Some(palette), indices),
        (true, None) => (
            png::ColorType::Rgb,
            None,
            rgba.chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect(),
        ),
        // Premultiplied alpha back to straight, as tiny-skia's own encoder does.
        (false, None) => (
            png::ColorType::Rgba,
            None,
            pixmap
                .pixels()
                .iter()
                .flat_map(|p| {
                    let c = p.demultiply();
                    [c.red(), c.green(), c.blue(), c.alpha()]
                })
                .collect(),
        ),
    };
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    if let Some(palette) = palette {
        encoder.set_palette(palette);
    }
    if !title.is_empty() {
        encoder
            .add_itxt_chunk("Title".into(), title.into())
            .map_err(|e| anyhow!("PNG: {e}"))?;
    }
    let mut writer = encoder.write_header().map_err(|e| anyhow!("PNG: {e}"))?;
    writer
        .write_image_data(&data)
        .map_err(|e| anyhow!("PNG: {e}"))?;
    writer.finish().map_err(|e| anyhow!("PNG: {e}"))?;
    Ok(out)
}

/// The opaque RGBA pixels as a palette (RGB triples, in order of first appearance, so the same
/// image always gives the same palette) and one index a pixel; `None` past 256 colours.
fn indexed(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut seen: std::collections::HashMap<[u8; 3], u8> = std::collections::HashMap::new();
    let mut palette: Vec<u8> = Vec::new();
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    // Runs of one colour (the white ground, filled shapes) skip the lookup.
    let mut last: Option<([u8; 3], u8)> = None;
    for p in rgba.chunks_exact(4) {
        let rgb = [p[0], p[1], p[2]];
        let index = match last {
            Some((c, i)) if c == rgb => i,
            _ => {
                let i = match seen.get(&rgb) {
                    Some(&i) => i,
                    None => {
                        let i = u8::try_from(seen.len()).ok()?;
                        seen.insert(rgb, i);
                        palette.extend_from_slice(&rgb);
                        i
                    }
                };
                last = Some((rgb, i));
                i
            }
        };
        indices.push(index);
    }
    Some((palette, indices))
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
        if let Some(p) = &path
            && let Ok(bytes) = std::fs::read(p)
            && is_whole_png(&bytes)
        {
            self.cached.fetch_add(1, Ordering::Relaxed);
            return Ok(bytes);
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

    /// A card's layout: 1200×630, a blue band, text in three colours and sizes.
    const CARD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="Noto Sans"><rect width="1200" height="630" fill="#FFFFFF"/><rect width="24" height="630" fill="#1F4E79"/><text x="72" y="84" font-size="30" fill="#555555">Minh bạch kế hoạch tỉnh Quảng Ngãi</text><text x="72" y="200" font-size="54" font-weight="bold" fill="#1A1A1A">Kế hoạch chuyển đổi số năm 2025</text><text x="72" y="320" font-size="52" font-weight="bold" fill="#1F4E79">325,7 tỷ đồng</text><text x="72" y="590" font-size="26" fill="#555555">opendata.quangngai.gov.vn · Mỗi con số dẫn về dòng văn bản gốc</text></svg>"##;

    /// Decodes a PNG to RGBA pixels, with its size and its `Title` text.
    fn decode(bytes: &[u8]) -> ((u32, u32), Vec<u8>, Option<String>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        pixels.truncate(frame.buffer_size());
        reader.finish().unwrap();
        let info = reader.info();
        let title = info
            .utf8_text
            .iter()
            .find(|t| t.keyword == "Title")
            .map(|t| t.get_text().unwrap());
        ((info.width, info.height), pixels, title)
    }

    #[test]
    fn a_card_is_written_as_an_indexed_png_with_exactly_the_pixels_drawn_and_its_title() {
        let title = "Kế hoạch “chuyển đổi số”: 325,7 tỷ đồng";
        let bytes = png(CARD, 1.0, title).unwrap();
        assert_eq!(bytes[25], 3, "colour type 3: indexed");
        let (size, pixels, said) = decode(&bytes);
        assert_eq!(size, (1200, 630));
        assert_eq!(png_size(&bytes), Some((1200, 630)));
        assert_eq!(pixels, draw(CARD, 1.0).unwrap().data());
        assert_eq!(said.as_deref(), Some(title));
        assert!(is_whole_png(&bytes));
    }

    #[test]
    fn an_image_of_more_than_256_colours_is_written_as_rgb_without_losing_one() {
        // A gradient: one colour a column, 600 of them.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="4"><defs><linearGradient id="g"><stop offset="0" stop-color="#000000"/><stop offset="1" stop-color="#FF80FF"/></linearGradient></defs><rect width="600" height="4" fill="url(#g)"/></svg>"##;
        let bytes = png(svg, 1.0, "").unwrap();
        assert_eq!(bytes[25], 2, "colour type 2: RGB");
        let (size, pixels, title) = decode(&bytes);
        assert_eq!(size, (600, 4));
        assert_eq!(pixels, draw(svg, 1.0).unwrap().data());
        assert_eq!(title, None);
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
