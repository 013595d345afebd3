//! Physical lengths as people type them (`30mm`, `1.2in`, `85pt`, `3cm`) and page sizes.

use qrdesk_core::rules::print::MAX_SCALE_DEVIATION;

use crate::error::PrintError;

/// Millimetres per PostScript point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// Millimetres to points.
pub fn pt(mm: f64) -> f32 {
    (mm / MM_PER_PT) as f32
}

/// Parses `30mm`, `3cm`, `1.25in`, `85pt`; a bare number is millimetres.
pub fn parse_length(text: &str) -> Result<f64, PrintError> {
    let t = text.trim().to_ascii_lowercase();
    let (number, factor) = if let Some(n) = t.strip_suffix("mm") {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix("cm") {
        (n, 10.0)
    } else if let Some(n) = t.strip_suffix("in") {
        (n, 25.4)
    } else if let Some(n) = t.strip_suffix("pt") {
        (n, MM_PER_PT)
    } else {
        (t.as_str(), 1.0)
    };
    match number.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v * factor),
        Ok(v) if v < 0.0 => Err(PrintError::option(format!(
            "\"{text}\" is negative; this length must be 0 or more, like 30mm"
        ))),
        _ => Err(PrintError::option(format!(
            "\"{text}\" is not a length; write it like 30mm, 3cm, 1.2in or 85pt"
        ))),
    }
}

/// Parses `X,Y` as two lengths (calibration offset, `--offset 0.5mm,-1mm`).
pub fn parse_pair(text: &str) -> Result<(f64, f64), PrintError> {
    let (a, b) = split_pair(text)?;
    Ok((parse_signed_length(a)?, parse_signed_length(b)?))
}

/// Parses `X,Y` as two plain factors (calibration scale, `--scale 1.002,0.998`) or one for both.
pub fn parse_scale(text: &str) -> Result<(f64, f64), PrintError> {
    let bad = || {
        PrintError::option(format!(
            "\"{text}\" is not a scale; write one factor like 1.002 or two like 1.002,0.998"
        ))
    };
    let parse = |s: &str| match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && (v - 1.0).abs() <= MAX_SCALE_DEVIATION => Ok(v),
        _ => Err(bad()),
    };
    match text.split_once(',') {
        Some((a, b)) => Ok((parse(a)?, parse(b)?)),
        None => {
            let v = parse(text)?;
            Ok((v, v))
        }
    }
}

fn split_pair(text: &str) -> Result<(&str, &str), PrintError> {
    text.split_once(',').ok_or_else(|| {
        PrintError::option(format!(
            "\"{text}\" needs two values separated by a comma, like 0.5mm,-1mm"
        ))
    })
}

fn parse_signed_length(text: &str) -> Result<f64, PrintError> {
    let t = text.trim();
    match t.strip_prefix('-') {
        Some(rest) => Ok(-parse_length(rest)?),
        None => parse_length(t),
    }
}

/// A page size in millimetres (width, height), portrait.
pub fn parse_page(text: &str) -> Result<(f64, f64), PrintError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "a4" => Ok((210.0, 297.0)),
        "a3" => Ok((297.0, 420.0)),
        "a5" => Ok((148.0, 210.0)),
        "letter" => Ok((215.9, 279.4)),
        "legal" => Ok((215.9, 355.6)),
        other => {
            let (w, h) = other.split_once('x').ok_or_else(|| {
                PrintError::option(format!(
                    "\"{text}\" is not a page size; use a4, a3, letter, legal or WxH like 100x150mm"
                ))
            })?;
            // `100x150mm`: the unit written once at the end applies to both.
            let unit: String = h.chars().skip_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let w = if w.chars().all(|c| c.is_ascii_digit() || c == '.') {
                format!("{w}{unit}")
            } else {
                w.to_string()
            };
            let (w, h) = (parse_length(&w)?, parse_length(h)?);
            if !(10.0..=2000.0).contains(&w) || !(10.0..=2000.0).contains(&h) {
                return Err(PrintError::option(format!(
                    "page size \"{text}\" must be between 10 mm and 2 m on each side"
                )));
            }
            Ok((w, h))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_in_every_unit() {
        assert_eq!(parse_length("30mm").unwrap(), 30.0);
        assert_eq!(parse_length("3cm").unwrap(), 30.0);
        assert!((parse_length("1in").unwrap() - 25.4).abs() < 1e-9);
        assert!((parse_length("72pt").unwrap() - 25.4).abs() < 1e-9);
        assert!(parse_length("thirty").is_err());
        assert_eq!(parse_pair("0.5mm,-1mm").unwrap(), (0.5, -1.0));
    }

    #[test]
    fn pages_by_name_and_size() {
        assert_eq!(parse_page("A4").unwrap(), (210.0, 297.0));
        assert_eq!(parse_page("100x150mm").unwrap(), (100.0, 150.0));
        assert!((parse_page("4x6in").unwrap().0 - 101.6).abs() < 1e-9);
        assert!(parse_page("huge").is_err());
    }
}
