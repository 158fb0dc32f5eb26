//! Source documents: the registry entries and their verbatim texts.

use super::*;

/// The declared documents with their texts, and the ids of those whose text file is missing.
pub(super) fn resolve_documents(
    raw: &RawContent,
    diags: &mut Diagnostics,
) -> (HashMap<String, Document>, HashSet<String>) {
    let mut documents = HashMap::new();
    let mut missing_texts = HashSet::new();
    let mut seen = HashMap::new();
    for d in &raw.documents {
        if !check_id(&d.file, &d.value.id, "văn bản", &mut seen, diags) {
            continue;
        }
        // A registry names its files relative to its own folder below `documents/`.
        let file_name = match d.file.rel_dir().strip_prefix("documents") {
            Some(sub) if !sub.is_empty() => {
                format!("{}/{}", sub.trim_start_matches('/'), d.value.file.get_ref())
            }
            _ => d.value.file.get_ref().clone(),
        };
        let file_name = &file_name;
        let path = raw
            .document_texts
            .get(file_name.as_str())
            .map(|f| f.display.clone())
            .unwrap_or_default();
        let text = match raw.document_texts.get(file_name.as_str()) {
            Some(f) if f.text.trim().is_empty() => {
                diags.push(
                    Diagnostic::error(
                        "empty-document",
                        format!("tệp văn bản `documents/{file_name}` rỗng"),
                    )
                    .at(d.file.location(d.value.file.span()))
                    .hint("dán toàn văn văn bản gốc vào tệp này: mọi số liệu dẫn chiếu tới các dòng của nó, nên một văn bản rỗng không thể kiểm tra được"),
                );
                None
            }
            Some(f) => Some(f.clone()),
            None => {
                missing_texts.insert(d.value.id.get_ref().clone());
                diags.push(
                    Diagnostic::error("missing-document-file", format!("không có tệp văn bản `documents/{file_name}`"))
                        .at(d.file.location(d.value.file.span()))
                        .hint("đặt bản văn bản gốc (dạng .txt hoặc .md) vào content/documents/ với đúng tên này"),
                );
                None
            }
        };
        let official_url = d.value.official_url.as_ref().map(|u| {
            let diagnostics_before = diags.error_count();
            let url = web_url(&d.file, u, "official_url", false, diags);
            (diags.error_count() == diagnostics_before).then_some(url)
        });
        let sha256 = d.value.sha256.as_ref().and_then(|h| {
            let hex = h.get_ref().trim().to_ascii_lowercase();
            if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                Some(hex)
            } else {
                diags.push(
                    Diagnostic::error(
                        "invalid-value",
                        format!("sha256 `{}` không phải mã SHA-256", h.get_ref()),
                    )
                    .at(d.file.location(h.span()))
                    .hint("64 chữ số thập lục phân, ví dụ kết quả của lệnh `sha256sum tep.pdf`"),
                );
                None
            }
        });
        let mut page_starts = Vec::new();
        for p in &d.value.page_starts {
            let n = *p.get_ref();
            if n < 1
                || page_starts
                    .last()
                    .is_some_and(|&last: &usize| n as usize <= last)
            {
                diags.push(
                    Diagnostic::error("invalid-value", format!("dòng bắt đầu trang `{n}` không hợp lệ"))
                        .at(d.file.location(p.span()))
                        .hint("page_starts liệt kê dòng đầu tiên của từng trang, tăng dần và từ 1: [1, 48, 97]"),
                );
                continue;
            }
            page_starts.push(n as usize);
        }
        let date = d.value.date.as_ref().and_then(|s| date(&d.file, s, diags));
        documents.insert(
            d.value.id.get_ref().clone(),
            Document {
                id: d.value.id.get_ref().clone(),
                file: file_name.clone(),
                title: d.value.title.clone(),
                date,
                issuer: d.value.issuer.as_ref().map(|s| s.get_ref().clone()),
                origin: d.value.origin.clone(),
                licence: d.value.licence.clone(),
                official_url: official_url.flatten(),
                sha256,
                page_starts,
                text,
                path,
            },
        );
    }

    (documents, missing_texts)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::Content;

    #[test]
    fn a_document_whose_text_file_is_missing_is_refused_at_its_entry() {
        let c = Content::minimal().remove("documents/kh-1-2025.txt").check();
        assert!(
            c.located("missing-document-file")
                .0
                .starts_with("documents/documents.toml:")
        );
    }

    #[test]
    fn an_empty_document_is_refused_rather_than_disabling_the_checks_into_it() {
        let c = Content::minimal()
            .remove("documents/kh-1-2025.txt")
            .append("documents/kh-1-2025.txt", "")
            .check();
        c.the_error("empty-document");
    }
}
