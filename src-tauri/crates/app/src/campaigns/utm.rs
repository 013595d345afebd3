//! A campaign's UTM template (`utm_source=print&utm_content={serial}` …) rendered for a row and
//! added to its destination's query: the row's fields (`{serial}`, `{row}`, `{campaign}`, any
//! column) filled in and URL-encoded, parameters the destination already has kept as they are.

use qrdesk_core::AppError;
use qrdesk_print::CaptionTemplate;

/// A parsed template: its `key=value` pairs, each value a template over the row.
#[derive(Debug, Clone)]
pub struct UtmTemplate {
    pairs: Vec<(String, CaptionTemplate)>,
}

impl UtmTemplate {
    /// Parses `text`; `columns` are the CSV's, so a misspelt column fails before any code is made.
    pub fn parse(text: &str, columns: &[String]) -> Result<UtmTemplate, AppError> {
        let mut known = columns.to_vec();
        known.push("campaign".into());
        let mut pairs = Vec::new();
        for part in text.trim().trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').ok_or_else(|| {
                AppError::bad_input(format!(
                    "The UTM template's part \"{part}\" has no '='; write it like \
                     utm_source=print&utm_content={{serial}}"
                ))
            })?;
            if key.trim().is_empty() {
                return Err(AppError::bad_input(format!(
                    "The UTM template's part \"{part}\" has no name before the '='"
                )));
            }
            let value = CaptionTemplate::parse(value, 1, Some(&known)).map_err(|e| {
                AppError::bad_input(e.to_string().replacen("caption template", "UTM value", 1))
            })?;
            pairs.push((key.trim().to_string(), value));
        }
        Ok(UtmTemplate { pairs })
    }
}

/// `destination` with the template's parameters for data row `row` (serial `serial`) added.
/// A destination that is not a URL is returned as it is (the destination check refuses it).
pub fn add_utm<'a>(
    destination: &str,
    template: &UtmTemplate,
    row: u64,
    serial: u64,
    campaign: &'a str,
    field: impl Fn(&str) -> Option<&'a str> + Copy,
) -> String {
    let Ok(mut url) = url::Url::parse(destination.trim()) else {
        return destination.to_string();
    };
    let existing: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    let lookup = |f: &str| if f == "campaign" { Some(campaign) } else { field(f) };
    let added: Vec<(String, String)> = template
        .pairs
        .iter()
        .filter(|(k, _)| !existing.iter().any(|e| e == k))
        .map(|(k, v)| (k.clone(), v.render(row, serial, lookup)))
        .collect();
    if !added.is_empty() {
        let mut query = url.query_pairs_mut();
        for (k, v) in &added {
            query.append_pair(k, v);
        }
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_filled_encoded_and_existing_parameters_kept() {
        let cols = vec!["name".to_string(), "url".to_string(), "table".to_string()];
        let t = UtmTemplate::parse(
            "utm_source=print&utm_campaign={campaign}&utm_content={serial}&utm_term={table}",
            &cols,
        )
        .unwrap();
        let field = |f: &str| (f == "table").then_some("Patio & bar");
        let url = add_utm("https://cafe.example/menu?lang=fr", &t, 3, 7, "Spring 26", field);
        assert_eq!(
            url,
            "https://cafe.example/menu?lang=fr&utm_source=print&utm_campaign=Spring+26\
             &utm_content=7&utm_term=Patio+%26+bar"
        );
        let kept = add_utm("https://cafe.example/?utm_source=qr", &t, 1, 1, "c", field);
        assert!(kept.starts_with("https://cafe.example/?utm_source=qr&utm_campaign=c"), "{kept}");
        assert!(UtmTemplate::parse("utm_source", &cols).is_err());
        let e = UtmTemplate::parse("utm_term={tabel}", &cols).unwrap_err();
        assert!(e.message.contains("\"tabel\""), "{}", e.message);
    }
}
