//! gLabels 3 template files (the `glabels-data` catalogue, or a file a shop names): each
//! `Template` (brand, part, paper, description, or `equiv` naming another part of the same
//! brand) with one `Label-rectangle`, `Label-round` or `Label-ellipse` and its `Layout` grid,
//! lengths in pt unless a unit (`mm`, `cm`, `in`, `pc`, `pt`) follows. Each becomes a sheet
//! layout named `brand-part` in lower case (`avery-l7162`).
//!
//! What QR Desk cannot print on is left out with its reason, never guessed at: CD/DVD labels
//! (the code would cover the hole), labels laid out in several grids, roll paper. Finding the
//! catalogue on disk and searching it is `catalogue.rs`.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{LabelShape, Layout, LayoutKind};
use crate::error::PrintError;

/// Paper sizes by gLabels id (mm), as `paper-sizes.xml` names them; that file, when found,
/// adds the rest.
pub const BUILTIN_PAPERS: [(&str, f64, f64); 7] = [
    ("A4", 210.0, 297.0),
    ("A3", 297.0, 420.0),
    ("A5", 148.0, 210.0),
    ("A6", 105.0, 148.0),
    ("US-Letter", 215.9, 279.4),
    ("US-Legal", 215.9, 355.6),
    ("US-Executive", 184.15, 266.7),
];

/// Paper sizes by id.
pub type Papers = HashMap<String, (f64, f64)>;

/// The built-in paper sizes.
pub fn builtin_papers() -> Papers {
    BUILTIN_PAPERS.iter().map(|(id, w, h)| (id.to_string(), (*w, *h))).collect()
}

/// What one template file gave.
#[derive(Debug, Default)]
pub struct TemplateFile {
    pub layouts: Vec<Layout>,
    /// Each layout's (brand, part) in lower case, in the same order (aliases point at these).
    pub keys: Vec<(String, String)>,
    /// Aliases whose part this file does not define (the catalogue resolves them across files).
    pub aliases: Vec<Alias>,
    /// Templates left out, each with the line and the reason.
    pub skipped: Vec<String>,
    /// Templates read (aliases included).
    pub templates: usize,
}

/// A template that is "the same as" another part of its brand.
#[derive(Debug, Clone)]
pub struct Alias {
    pub brand: String,
    pub part: String,
    pub equiv: String,
    /// `file line N`, for messages.
    pub at: String,
}

impl Alias {
    /// The key of the part it copies.
    pub fn target(&self) -> (String, String) {
        (self.brand.to_ascii_lowercase(), self.equiv.to_ascii_lowercase())
    }

    /// The alias as a layout of its own, with `target`'s sheet.
    pub fn layout(&self, target: &Layout) -> Layout {
        Layout {
            name: layout_name(&self.brand, &self.part),
            description: format!("{} {}, same as {}", self.brand, self.part, target.description),
            ..target.clone()
        }
    }
}

/// Reads the paper sizes of a `paper-sizes.xml` into `papers` (ids already there are kept).
pub fn read_papers(text: &str, papers: &mut Papers) {
    let Ok(doc) = Document::parse(text) else { return };
    for node in doc.root_element().children().filter(|n| n.has_tag_name("Paper-size")) {
        let (Some(id), Some(w), Some(h)) = (
            node.attribute("id"),
            node.attribute("width").and_then(length_mm),
            node.attribute("height").and_then(length_mm),
        ) else {
            continue;
        };
        papers.entry(id.to_string()).or_insert((w, h));
    }
}

/// A gLabels length in mm: a number, then `pt` (the default), `mm`, `cm`, `in` or `pc`.
pub fn length_mm(text: &str) -> Option<f64> {
    let t = text.trim();
    let units = [("pt", 25.4 / 72.0), ("mm", 1.0), ("cm", 10.0), ("in", 25.4), ("pc", 25.4 / 6.0)];
    // The unit is a suffix: a number may hold an exponent (`3.9e-16pt`).
    let (number, factor) = units
        .iter()
        .find_map(|(u, f)| t.strip_suffix(u).map(|n| (n, *f)))
        .unwrap_or((t, 25.4 / 72.0));
    let value: f64 = number.trim().parse().ok()?;
    let mm = value * factor;
    mm.is_finite().then_some(mm)
}

/// `brand-part` in lower case, anything but letters, digits and dots turned into dashes.
pub fn layout_name(brand: &str, part: &str) -> String {
    let mut name = String::new();
    for c in format!("{brand}-{part}").chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '.' {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    name.trim_matches('-').to_string()
}

/// Why a template does not become a sheet: written wrong (a file a person chose is refused), or
/// a kind QR Desk leaves out (skipped with its reason everywhere).
enum Unusable {
    Malformed(String),
    LeftOut(String),
}

impl From<String> for Unusable {
    fn from(why: String) -> Self {
        Unusable::Malformed(why)
    }
}

impl From<&str> for Unusable {
    fn from(why: &str) -> Self {
        Unusable::Malformed(why.to_string())
    }
}

fn left_out<T>(why: &str) -> Result<T, Unusable> {
    Err(Unusable::LeftOut(why.to_string()))
}

struct Geometry {
    page: (f64, f64),
    paper: String,
    shape: LabelShape,
    label: (f64, f64),
    grid: (u32, u32),
    origin: (f64, f64),
    pitch: (f64, f64),
    description: String,
}

/// Parses a template file. `strict`: the first template written wrong is an error naming the
/// file and line (a file a person chose); otherwise it is skipped with its reason (the system
/// catalogue, where one odd template must not hide the others). Kinds QR Desk leaves out (CD
/// labels, several grids, rolls) and aliases of parts the file lacks are skipped either way.
pub fn parse_templates(
    text: &str,
    shown: &str,
    papers: &Papers,
    strict: bool,
) -> Result<TemplateFile, PrintError> {
    let doc = Document::parse(text).map_err(|e| {
        PrintError::option(format!(
            "the gLabels template file {shown} is not valid XML ({e}); check the file, or \
             reinstall glabels-data"
        ))
    })?;
    let root = doc.root_element();
    if !root.has_tag_name("Glabels-templates") {
        return Err(PrintError::option(format!(
            "{shown} is not a gLabels template file (its root element is <{}>, not \
             <Glabels-templates>)",
            root.tag_name().name()
        )));
    }
    let mut out = TemplateFile::default();
    let mut aliases = Vec::new();
    for node in root.children().filter(|n| n.has_tag_name("Template")) {
        out.templates += 1;
        let line = doc.text_pos_at(node.range().start).row;
        let brand = node.attribute("brand").unwrap_or("").trim();
        let part = node.attribute("part").unwrap_or("").trim();
        let fail = |why: String| format!("{shown} line {line} ({brand} {part}): {why}");
        if brand.is_empty() || part.is_empty() {
            let why = fail("a template needs brand and part attributes".into());
            if strict {
                return Err(PrintError::option(why));
            }
            out.skipped.push(why);
            continue;
        }
        if let Some(equiv) = node.attribute("equiv") {
            aliases.push(Alias {
                brand: brand.to_string(),
                part: part.to_string(),
                equiv: equiv.trim().to_string(),
                at: format!("{shown} line {line}"),
            });
            continue;
        }
        match geometry(node, papers) {
            Ok(g) => {
                out.layouts.push(layout(brand, part, &g));
                out.keys.push((brand.to_ascii_lowercase(), part.to_ascii_lowercase()));
            }
            Err(Unusable::Malformed(why)) if strict => return Err(PrintError::option(fail(why))),
            Err(Unusable::Malformed(why) | Unusable::LeftOut(why)) => out.skipped.push(fail(why)),
        }
    }
    for alias in aliases {
        match out.keys.iter().position(|k| *k == alias.target()) {
            Some(i) => {
                let l = alias.layout(&out.layouts[i]);
                out.layouts.push(l);
                out.keys.push((alias.brand.to_ascii_lowercase(), alias.part.to_ascii_lowercase()));
            }
            None if strict => out.skipped.push(format!(
                "{} ({} {}): it is the same as {} {}, which this file does not define",
                alias.at, alias.brand, alias.part, alias.brand, alias.equiv
            )),
            None => out.aliases.push(alias),
        }
    }
    Ok(out)
}

fn layout(brand: &str, part: &str, g: &Geometry) -> Layout {
    let shape = match g.shape {
        LabelShape::Rectangle => "",
        LabelShape::Round => "round ",
        LabelShape::Ellipse => "oval ",
    };
    let what =
        if g.description.is_empty() { String::new() } else { format!(", {}", g.description) };
    Layout {
        name: layout_name(brand, part),
        description: format!(
            "{brand} {part}{what}: {} {shape}labels ({} × {}) of {} × {} mm on {}",
            g.grid.0 * g.grid.1,
            g.grid.0,
            g.grid.1,
            round2(g.label.0),
            round2(g.label.1),
            g.paper
        ),
        page_width: g.page.0,
        page_height: g.page.1,
        kind: LayoutKind::Sheet {
            columns: g.grid.0,
            rows: g.grid.1,
            label_width: g.label.0,
            label_height: g.label.1,
            left: g.origin.0,
            top: g.origin.1,
            pitch_x: g.pitch.0,
            pitch_y: g.pitch.1,
        },
        shape: g.shape,
        catalogue: true,
    }
}

fn round2(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn attr_mm(node: Node, name: &str) -> Result<f64, String> {
    let text = node.attribute(name).ok_or_else(|| format!("<{}> has no {name}", tag(node)))?;
    if text.trim().is_empty() {
        return Ok(0.0); // gLabels reads an empty length as 0 (Zweckform 3490's x0="")
    }
    length_mm(text)
        .filter(|v| *v >= 0.0)
        .ok_or_else(|| format!("{name}=\"{text}\" of <{}> is not a length", tag(node)))
}

fn attr_count(node: Node, name: &str) -> Result<u32, String> {
    let text = node.attribute(name).ok_or_else(|| format!("<{}> has no {name}", tag(node)))?;
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=1000).contains(n))
        .ok_or_else(|| format!("{name}=\"{text}\" of <{}> is not a count of labels", tag(node)))
}

fn tag<'a>(node: Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

fn geometry(node: Node, papers: &Papers) -> Result<Geometry, Unusable> {
    let size = node.attribute("size").unwrap_or("").trim();
    let (page, paper) = if size.eq_ignore_ascii_case("other") {
        let w = attr_mm(node, "width")?;
        let h = attr_mm(node, "height")?;
        ((w, h), format!("{} × {} mm", round2(w), round2(h)))
    } else if size.eq_ignore_ascii_case("roll") || size.is_empty() {
        return left_out("roll labels are not sheets QR Desk can print on");
    } else {
        let (w, h) =
            *papers.get(size).ok_or_else(|| format!("the paper size \"{size}\" is unknown"))?;
        ((w, h), size.replace("US-", "US "))
    };
    let mut labels = node.children().filter(|n| n.is_element() && tag(*n).starts_with("Label-"));
    let label = labels.next().ok_or("the template has no label")?;
    if labels.next().is_some() {
        return left_out("the template has labels of several kinds");
    }
    let (shape, size) = match tag(label) {
        "Label-rectangle" => {
            (LabelShape::Rectangle, (attr_mm(label, "width")?, attr_mm(label, "height")?))
        }
        "Label-round" => {
            let r = attr_mm(label, "radius")?;
            (LabelShape::Round, (2.0 * r, 2.0 * r))
        }
        "Label-ellipse" => {
            (LabelShape::Ellipse, (attr_mm(label, "width")?, attr_mm(label, "height")?))
        }
        "Label-cd" => {
            return left_out("CD and DVD labels are left out: the code would cover the hole")
        }
        other => return left_out(&format!("<{other}> labels are not supported")),
    };
    if size.0 <= 0.0 || size.1 <= 0.0 {
        return Err("the label has no size".into());
    }
    let mut grids = label.children().filter(|n| n.has_tag_name("Layout"));
    let grid = grids.next().ok_or("the label has no <Layout>")?;
    if grids.next().is_some() {
        return left_out("labels laid out in several grids are left out");
    }
    let description = node
        .attribute("_description")
        .or_else(|| node.attribute("description"))
        .unwrap_or("")
        .trim()
        .to_string();
    Ok(Geometry {
        page,
        paper,
        shape,
        label: size,
        grid: (attr_count(grid, "nx")?, attr_count(grid, "ny")?),
        origin: (attr_mm(grid, "x0")?, attr_mm(grid, "y0")?),
        // gLabels reads a missing step as 0 (a single column or row needs none).
        pitch: (
            if grid.attribute("dx").is_some() { attr_mm(grid, "dx")? } else { 0.0 },
            if grid.attribute("dy").is_some() { attr_mm(grid, "dy")? } else { 0.0 },
        ),
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"<?xml version="1.0"?>
<Glabels-templates>
  <Template brand="Avery" part="L7160" size="A4" _description="Address labels">
    <Meta category="label"/>
    <Label-rectangle id="0" width="63.5mm" height="38.1mm" round="2.5mm">
      <Markup-margin size="5"/>
      <Layout nx="3" ny="7" x0="7.25mm" y0="15.15mm" dx="66.04mm" dy="38.1mm"/>
    </Label-rectangle>
  </Template>
  <Template brand="Avery" part="J8160" equiv="L7160"/>
  <Template brand="Avery" part="L7670" size="A4" _description="Round labels">
    <Label-round id="0" radius="31.75mm">
      <Layout nx="3" ny="4" x0="7.6mm" y0="15.1mm" dx="66.5mm" dy="66.5mm"/>
    </Label-round>
  </Template>
  <Template brand="Avery" part="L7676" size="A4" _description="CD labels">
    <Label-cd id="0" radius="58.5mm" hole="20.5mm"><Layout nx="1" ny="2" x0="46.5mm" y0="29.5mm" dx="0" dy="121mm"/></Label-cd>
  </Template>
</Glabels-templates>"#;

    #[test]
    fn templates_aliases_and_round_labels_are_read_and_cds_left_out() {
        let file = parse_templates(FILE, "t.xml", &builtin_papers(), false).unwrap();
        let names: Vec<&str> = file.layouts.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["avery-l7160", "avery-l7670", "avery-j8160"]);
        assert_eq!(file.templates, 4);
        assert!(file.skipped[0].contains("t.xml line 16") && file.skipped[0].contains("CD"));
        assert!(file.layouts[2].description.starts_with("Avery J8160, same as Avery L7160"));
        assert_eq!(file.layouts[2].kind, file.layouts[0].kind, "the alias has the same sheet");
        assert_eq!(file.layouts[1].shape, LabelShape::Round);
        for l in &file.layouts {
            l.check().unwrap();
        }
        let strict = parse_templates(FILE, "t.xml", &builtin_papers(), true).unwrap();
        assert_eq!(strict.layouts.len(), 3, "a CD label is left out, not an error");
    }

    #[test]
    fn units_and_names() {
        assert_eq!(length_mm("72"), Some(25.4));
        assert_eq!(length_mm("1in"), Some(25.4));
        assert_eq!(length_mm("2.5 cm"), Some(25.0));
        assert_eq!(length_mm("3furlong"), None);
        assert!(length_mm("3.93386e-16pt").is_some_and(|v| v.abs() < 1e-9), "an exponent");
        assert_eq!(layout_name("Zweckform", "L 4737/REV"), "zweckform-l-4737-rev");
    }

    #[test]
    fn broken_files_are_named() {
        let err =
            parse_templates("<Glabels-templates><Template", "bad.xml", &builtin_papers(), true)
                .unwrap_err();
        assert!(err.to_string().contains("bad.xml is not valid XML"), "{err}");
        let err = parse_templates("<x/>", "x.xml", &builtin_papers(), true).unwrap_err();
        assert!(err.to_string().contains("not a gLabels template file"));
        let missing = FILE.replace("nx=\"3\" ny=\"7\"", "ny=\"7\"");
        let err = parse_templates(&missing, "m.xml", &builtin_papers(), true).unwrap_err();
        assert!(
            err.to_string().contains("m.xml line 3 (Avery L7160): <Layout> has no nx"),
            "{err}"
        );
    }
}
