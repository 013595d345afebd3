//! Turning what a person types into a safe FTS5 query.
//!
//! Every word becomes a quoted prefix term (`"word"*`), so punctuation in URLs, quotes and FTS
//! operators typed by the user can never produce a syntax error or change the query's meaning.
//! All words must match (AND).

/// The FTS5 MATCH expression for `input`, or `None` when it holds no searchable word.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn quotes_every_word_as_a_prefix() {
        assert_eq!(fts_query("spring  menu").as_deref(), Some("\"spring\"* \"menu\"*"));
        assert_eq!(fts_query("qr.example.com/r/Ab3").as_deref(), Some("\"qr.example.com/r/Ab3\"*"));
        assert_eq!(
            fts_query("say \"hi\" OR x").as_deref(),
            Some("\"say\"* \"hi\"* \"OR\"* \"x\"*")
        );
        assert_eq!(fts_query("  ** ").as_deref(), None);
    }
}
