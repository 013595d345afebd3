//! Writes the rows a lab checked as Markdown table rows (`docs/bad-inputs.md`), when
//! `QRDESK_BAD_INPUTS_DOC` names a file.

use std::io::Write;

use super::Lab;

impl Lab {
    pub(crate) fn write_doc(&self, section: &str) {
        if let Ok(path) = std::env::var("QRDESK_BAD_INPUTS_DOC") {
            let mut f =
                std::fs::OpenOptions::new().create(true).append(true).open(path).expect("doc file");
            let _ = writeln!(
                f,
                "\n## {section}\n\n| input | message | exit | kind |\n|---|---|---|---|"
            );
            for row in &self.doc {
                let _ = writeln!(f, "{row}");
            }
        }
    }
}
