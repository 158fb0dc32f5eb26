//! URL- and file-safe identifiers. Content ids are checked to be slugs already; `slugify` makes one
//! from Vietnamese text (`Sở Nội vụ` → `so-noi-vu`, `2.đ` → `2-d`).

/// Lower-case ASCII letters, digits and single dashes, without diacritics.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(&text.replace(['đ', 'Đ'], "d"));
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

/// Whether `id` may be used as an id: it becomes a path segment and a file name, so it must be
/// a non-empty slug of at most 80 characters (no dots, slashes, backslashes, NUL or spaces).
pub fn is_valid_id(id: &str) -> bool {
    !is_reserved_name(id)
        && !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// Names Windows reserves for devices: a directory called `con` or `nul` cannot be copied to,
/// or served from, a Windows machine, so such ids are refused everywhere.
pub fn is_reserved_name(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ((id.starts_with("com") || id.starts_with("lpt"))
            && id.len() == 4
            && id.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_names_become_plain_slugs() {
        assert_eq!(slugify("Sở Nội vụ"), "so-noi-vu");
        assert_eq!(slugify("Đắk Pxi"), "dak-pxi");
        assert_eq!(slugify("Phòng BCVT&CĐS"), "phong-bcvt-cds");
        assert_eq!(slugify("2.đ"), "2-d");
        assert_eq!(slugify("III"), "iii");
    }

    #[test]
    fn ids_that_could_escape_a_directory_are_refused() {
        for bad in [
            "", "../etc", "a/b", "a\\b", "A", "con.txt", "a b", "-a", "a\0b", "tên", "con", "nul",
            "com1", "lpt9",
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
        assert!(is_valid_id("kh-223-ubnd-2024"));
    }
}
