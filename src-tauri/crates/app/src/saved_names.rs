//! The rules for naming things people save in the library (styles, label designs): a name is
//! trimmed, not empty, not too long, one line; and a `NAME|FILE` argument (`--style`,
//! `--design`) names a file when it is one or ends in `.toml`/`.json`, else a saved entry.

use qrdesk_core::AppError;

/// `name` trimmed, or the sentence saying what is wrong with it. `what` is "style", "design" …;
/// `example` is a name to suggest.
pub fn checked_name(name: &str, what: &str, example: &str, max: usize) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::bad_input(format!(
            "A {what} needs a name: type one, like {example}"
        )));
    }
    if name.chars().count() > max {
        return Err(AppError::bad_input(format!(
            "A {what}'s name has at most {max} characters; shorten it"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(AppError::bad_input(format!(
            "A {what}'s name cannot hold line breaks or tabs"
        )));
    }
    Ok(name.to_string())
}

/// Whether a `--style`/`--design` argument names a file rather than a saved entry.
pub fn arg_is_file(arg: &str) -> bool {
    let path = std::path::Path::new(arg);
    path.is_file()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json"))
}
