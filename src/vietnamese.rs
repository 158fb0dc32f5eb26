//! Vietnamese alphabetical order. Lists people scan by name (communes, units) follow the
//! alphabet they learnt at school — a, ă, â, b, c, d, đ, e, ê, … — with tone marks deciding only
//! between names that are otherwise equal, not the byte order of UTF-8 (which puts "Đ" after
//! "Z") nor the diacritic-free order (which mixes "Đ" into "D").

/// The vowels by letter, each row the letter without a tone then with huyền, sắc, hỏi, ngã, nặng.
const VOWELS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// Letters in alphabetical order (f, j, w, z, absent from Vietnamese, at their Latin places).
const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// The letter (lower case, without tone) of `c` and its tone (0 for none), when `c` is a letter
/// of the alphabet.
fn letter_and_tone(c: char) -> Option<(char, u8)> {
    let c = c.to_lowercase().next().unwrap_or(c);
    for row in VOWELS {
        if let Some(tone) = row.chars().position(|v| v == c) {
            return Some((row.chars().next()?, tone as u8));
        }
    }
    ALPHABET.contains(c).then_some((c, 0))
}

/// A key that sorts Vietnamese text alphabetically: by letters first (digits and other
/// characters by code point, after spaces), then by tones, then as written.
pub fn sort_key(text: &str) -> (Vec<u32>, Vec<u8>, String) {
    let mut letters = Vec::with_capacity(text.len());
    let mut tones = Vec::with_capacity(text.len());
    for c in text.chars() {
        match letter_and_tone(c) {
            Some((l, t)) => {
                let rank = ALPHABET.chars().position(|a| a == l).unwrap_or(0) as u32;
                letters.push(0x10_0000 + rank);
                tones.push(t);
            }
            None => {
                letters.push(c.to_lowercase().next().unwrap_or(c) as u32);
                tones.push(0);
            }
        }
    }
    (letters, tones, text.to_string())
}

/// The letter a name is listed under in an A–Z index: its first letter in upper case, without
/// tone but with its own shape (`Đ`, `Ă`, `Ô` are letters of their own).
pub fn initial(text: &str) -> String {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .and_then(letter_and_tone)
        .map(|(l, _)| l.to_uppercase().collect())
        .unwrap_or_else(|| "#".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by_cached_key(|n| sort_key(n));
        v
    }

    #[test]
    fn d_with_stroke_comes_after_every_d_and_before_e() {
        assert_eq!(
            sorted(&["Đức Phổ", "Ea Súp", "Duy Tân", "Đăk Long", "Dung Quất"]),
            ["Dung Quất", "Duy Tân", "Đăk Long", "Đức Phổ", "Ea Súp"]
        );
    }

    #[test]
    fn tones_decide_only_between_names_with_the_same_letters() {
        assert_eq!(
            sorted(&["Bình Thạnh", "Bình Thanh", "Bình Tân", "Ba Tơ"]),
            ["Ba Tơ", "Bình Tân", "Bình Thanh", "Bình Thạnh"]
        );
        // "ơ" is a letter after "ô" and "o", whatever the tones.
        assert_eq!(
            sorted(&["Sơn Hà", "Sông Vệ", "Số 1"]),
            ["Số 1", "Sông Vệ", "Sơn Hà"]
        );
    }

    #[test]
    fn initials_keep_the_letters_of_their_own() {
        assert_eq!(initial("Đăk Pxi"), "Đ");
        assert_eq!(initial("Ân Phú"), "Â");
        assert_eq!(initial("ấp"), "Â");
        assert_eq!(initial("Ô Loan"), "Ô");
        assert_eq!(initial("Ia Đal"), "I");
        assert_eq!(initial("1 Tháng 5"), "#");
    }
}
