//! The gLabels template catalogue installed on this computer (`glabels-data` puts about 1,750
//! sheets from Avery, Herma, Zweckform, Brother, Dymo … under `libglabels-3.0/templates`;
//! glabels-qt under `glabels-qt/templates`), found in the XDG data folders, read once per
//! process, and searched by product code, brand or label size. Parsing is `glabels.rs`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use super::glabels::{builtin_papers, parse_templates, read_papers};
use super::{builtin_layouts, Layout, LayoutKind};

/// Where gLabels packages install their templates, under each XDG data folder.
pub const TEMPLATE_DIRS: [&str; 2] = ["libglabels-3.0/templates", "glabels-qt/templates"];

/// The catalogue as read.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// Sheets QR Desk can print on, by name (the first definition of a name wins; built-in
    /// names included, see [`all_layouts`]).
    pub layouts: Vec<Layout>,
    /// Template files read.
    pub files: Vec<PathBuf>,
    /// Templates read, aliases included.
    pub templates: usize,
    /// Templates left out, each with its file, line and reason.
    pub skipped: Vec<String>,
}

/// The XDG data folders: `$XDG_DATA_HOME` (default `~/.local/share`), then `$XDG_DATA_DIRS`
/// (default `/usr/local/share:/usr/share`).
pub fn data_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(home) => dirs.push(PathBuf::from(home)),
        None => {
            if let Some(home) = std::env::var_os("HOME") {
                dirs.push(PathBuf::from(home).join(".local/share"));
            }
        }
    }
    let system = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".into());
    dirs.extend(system.split(':').filter(|d| !d.is_empty()).map(PathBuf::from));
    dirs
}

/// The template folders that exist, in search order.
pub fn template_dirs() -> Vec<PathBuf> {
    data_dirs()
        .into_iter()
        .flat_map(|d| TEMPLATE_DIRS.iter().map(move |t| d.join(t)))
        .filter(|d| d.is_dir())
        .collect()
}

/// Reads every template file in `dirs`.
pub fn read_catalogue(dirs: &[PathBuf]) -> Catalogue {
    let mut papers = builtin_papers();
    for dir in dirs {
        if let Ok(text) = std::fs::read_to_string(dir.join("paper-sizes.xml")) {
            read_papers(&text, &mut papers);
        }
    }
    let mut out = Catalogue::default();
    let mut seen = std::collections::HashSet::new();
    let mut parts: HashMap<(String, String), Layout> = HashMap::new();
    let mut aliases = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().is_some_and(|n| n.to_string_lossy().ends_with("templates.xml"))
            })
            .collect();
        files.sort();
        for file in files {
            let shown = file.display().to_string();
            let Ok(text) = std::fs::read_to_string(&file) else {
                out.skipped.push(format!("{shown}: cannot be read as UTF-8 text"));
                continue;
            };
            match parse_templates(&text, &shown, &papers, false) {
                Ok(parsed) => {
                    out.templates += parsed.templates;
                    out.skipped.extend(parsed.skipped);
                    aliases.extend(parsed.aliases);
                    for (layout, key) in parsed.layouts.into_iter().zip(parsed.keys) {
                        if let Err(e) = layout.check() {
                            out.skipped.push(format!("{shown}: {e}"));
                        } else if seen.insert(layout.name.clone()) {
                            parts.entry(key).or_insert_with(|| layout.clone());
                            out.layouts.push(layout);
                        }
                    }
                }
                Err(e) => out.skipped.push(e.to_string()),
            }
            out.files.push(file);
        }
    }
    // "Same as" another part of the brand, defined in another file.
    for alias in aliases {
        match parts.get(&alias.target()) {
            Some(target) => {
                let layout = alias.layout(target);
                if seen.insert(layout.name.clone()) {
                    out.layouts.push(layout);
                }
            }
            None => out.skipped.push(format!(
                "{} ({} {}): it is the same as {} {}, which the catalogue leaves out or lacks",
                alias.at, alias.brand, alias.part, alias.brand, alias.equiv
            )),
        }
    }
    out
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| read_catalogue(&template_dirs()));

/// The catalogue of this computer, read on first use.
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric() || *c == '.').flat_map(char::to_lowercase).collect()
}

/// A label size typed as `70x36`, `70 × 36 mm` or `70*36`.
fn typed_size(query: &str) -> Option<(f64, f64)> {
    let q = query.trim().trim_end_matches("mm").trim();
    let (w, h) = q.split_once(['x', 'X', '×', '*'])?;
    let w: f64 = w.trim().parse().ok()?;
    let h: f64 = h.trim().trim_end_matches("mm").trim().parse().ok()?;
    (w > 0.0 && h > 0.0).then_some((w, h))
}

/// Whether `layout` matches `query`: its name or description contains the query (ignoring
/// case, spaces and dashes), or its labels are the typed size within 1 mm either way round.
pub fn matches(layout: &Layout, query: &str) -> bool {
    if let Some((w, h)) = typed_size(query) {
        let LayoutKind::Sheet { label_width, label_height, .. } = layout.kind else { return false };
        let near = |a: f64, b: f64| (a - b).abs() <= 1.0;
        return near(label_width, w) && near(label_height, h)
            || near(label_width, h) && near(label_height, w);
    }
    let q = squash(query);
    q.is_empty() || squash(&layout.name).contains(&q) || squash(&layout.description).contains(&q)
}

/// The built-in layouts, then the catalogue's sheets whose names are not built in (a built-in
/// sheet keeps its name; `tests/catalogue.rs` checks the two agree).
pub fn all_layouts() -> Vec<Layout> {
    let builtin = builtin_layouts();
    let extra: Vec<Layout> = catalogue()
        .layouts
        .iter()
        .filter(|c| !builtin.iter().any(|b| b.name == c.name))
        .cloned()
        .collect();
    builtin.into_iter().chain(extra).collect()
}

/// Built-in layouts and catalogue sheets matching `query`, built-ins first.
pub fn search_layouts(query: &str) -> Vec<Layout> {
    all_layouts().into_iter().filter(|l| matches(l, query)).collect()
}
