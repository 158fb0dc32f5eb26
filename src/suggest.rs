//! "Did you mean …?" for misspelt field names and ids.

/// The candidate most similar to `word`, if any is similar enough to be a plausible typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_the_near_name_and_nothing_for_nonsense() {
        assert_eq!(
            super::nearest("titel", ["title", "number", "line"]),
            Some("title")
        );
        assert_eq!(
            super::nearest("so-noi-vuu", ["so-noi-vu", "so-y-te"]),
            Some("so-noi-vu")
        );
        assert_eq!(super::nearest("zzz", ["title", "number"]), None);
    }
}
