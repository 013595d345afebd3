//! `qrdesk style` and `qrdesk print --style`, as a designer and a print shop use them: a style
//! file added with its logo, listed and shown with its proof, printed by name on a sheet and one
//! file per code, printed straight from a file, exported for the team and removed; and label
//! sheets found in the gLabels catalogue.

use serde_json::Value;

use crate::support::qrdesk;

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#1a4d8f"/></svg>"##;

fn json(out: std::process::Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

#[test]
fn a_style_is_added_shown_printed_exported_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let files = dir.path().join("brand");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(files.join("mark.svg"), LOGO).unwrap();
    let style = files.join("autumn.toml");
    std::fs::write(
        &style,
        "name = \"Autumn brand\"\ndark = \"cmyk:100,72,0,18\"\nmodules = \"rounded\"\n\
         finder = \"rounded\"\nfinder_center = \"circle\"\nlogo = \"mark.svg\"\nframe = \"Scan me\"\n",
    )
    .unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "name,url\nDoor,https://a.example/1\nDesk,https://a.example/2\n").unwrap();

    let added = json(qrdesk(&data).args(["--json", "style", "add"]).arg(&style).output().unwrap());
    assert_eq!(added["name"], "Autumn brand");
    assert_eq!(added["proof"]["scans"], true, "{added}");
    assert_eq!(added["proof"]["ec"], "H");
    let human = qrdesk(&data).args(["style", "show", "autumn brand"]).output().unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("Scans: decoded back at 25 mm") && text.contains("mark.svg"), "{text}");

    // The library keeps its own logo: the original folder can go.
    std::fs::remove_dir_all(&files).unwrap();
    let listed = json(qrdesk(&data).args(["--json", "style", "list"]).output().unwrap());
    assert_eq!(listed[0]["logo"], "mark.svg");

    let pdf = dir.path().join("labels.pdf");
    let report = json(
        qrdesk(&data)
            .args(["--json", "print", "--layout", "avery-l7160", "--style", "Autumn brand"])
            .args(["--verify", "--csv"])
            .arg(&csv)
            .arg("-o")
            .arg(&pdf)
            .output()
            .unwrap(),
    );
    assert_eq!((report["codes"].as_u64(), report["verified"].as_bool()), (Some(2), Some(true)));
    let each = dir.path().join("each");
    json(
        qrdesk(&data)
            .args(["--json", "print", "--each", "png", "--style", "Autumn brand", "--csv"])
            .arg(&csv)
            .arg("--out-dir")
            .arg(&each)
            .output()
            .unwrap(),
    );
    assert_eq!(std::fs::read_dir(&each).unwrap().count(), 2);

    let shared = dir.path().join("shared.toml");
    let exported = json(
        qrdesk(&data)
            .args(["--json", "style", "export", "Autumn brand", "-o"])
            .arg(&shared)
            .output()
            .unwrap(),
    );
    assert_eq!(exported["files"].as_array().map(Vec::len), Some(2));
    assert_eq!(std::fs::read_to_string(dir.path().join("shared-logo.svg")).unwrap(), LOGO);
    // The exported file prints as it is, without the library.
    let other = dir.path().join("elsewhere");
    let pdf2 = dir.path().join("from-file.pdf");
    json(
        qrdesk(&other)
            .args(["--json", "print", "--layout", "avery-l7160", "--style"])
            .arg(&shared)
            .arg("--csv")
            .arg(&csv)
            .arg("-o")
            .arg(&pdf2)
            .output()
            .unwrap(),
    );
    assert!(pdf2.exists());

    json(qrdesk(&data).args(["--json", "style", "remove", "AUTUMN BRAND"]).output().unwrap());
    let listed = json(qrdesk(&data).args(["--json", "style", "list"]).output().unwrap());
    assert_eq!(listed.as_array().map(Vec::len), Some(0));
}

/// `qrdesk print --layouts --search`: the gLabels catalogue (installed by the test command) by
/// product code and by label size, and a catalogue sheet printed by its name.
#[test]
fn catalogue_sheets_are_found_and_printed_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let found = json(
        qrdesk(&data).args(["--json", "print", "--layouts", "--search", "L7162"]).output().unwrap(),
    );
    let names: Vec<&str> =
        found["layouts"].as_array().unwrap().iter().filter_map(|l| l["name"].as_str()).collect();
    assert!(names.contains(&"avery-l7162"), "{names:?}");
    let by_size = json(
        qrdesk(&data).args(["--json", "print", "--layouts", "--search", "70x36"]).output().unwrap(),
    );
    assert!(by_size["layouts"].as_array().unwrap().len() >= 5, "{by_size}");
    let none = qrdesk(&data).args(["print", "--layouts", "--search", "nothing-like-this"]).output();
    let text = String::from_utf8_lossy(&none.unwrap().stdout).to_string();
    assert!(text.contains("No sheet matches \"nothing-like-this\""), "{text}");

    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "name,url\nDoor,https://a.example/1\n").unwrap();
    let pdf = dir.path().join("zweckform.pdf");
    let report = json(
        qrdesk(&data)
            .args(["--json", "print", "--layout", "zweckform-3490", "--verify", "--csv"])
            .arg(&csv)
            .arg("-o")
            .arg(&pdf)
            .output()
            .unwrap(),
    );
    assert_eq!(report["codes"], 1);

    // A system template file named with --layout-file: its CD labels are left out, the rest read.
    let file = "/usr/share/libglabels-3.0/templates/avery-iso-templates.xml";
    let pdf = dir.path().join("gl-l7160.pdf");
    let report = json(
        qrdesk(&data)
            .args(["--json", "print", "--layout", "avery-l7160", "--layout-file", file, "--csv"])
            .arg(&csv)
            .arg("-o")
            .arg(&pdf)
            .output()
            .unwrap(),
    );
    assert_eq!(report["codes"], 1);
}

/// A calibration sheet, a printer profile saved from its measurements, and a job printed with
/// the profile; an unknown profile is refused before anything is written.
#[test]
fn a_printer_is_calibrated_and_its_profile_printed_with() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sheet = dir.path().join("calibrate.pdf");
    let made = json(
        qrdesk(&data)
            .args(["--json", "print", "calibration", "--layout", "avery-l7160", "-o"])
            .arg(&sheet)
            .output()
            .unwrap(),
    );
    assert_eq!(made["sheet"]["labels"], 21);
    assert!(std::fs::read(&sheet).unwrap().starts_with(b"%PDF"));
    let saved = json(
        qrdesk(&data)
            .args(["--json", "print", "profile", "save", "Shop laser", "--offset", "0.5mm,-1mm"])
            .args(["--scale", "1.002"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (saved["offset_y_mm"].as_f64(), saved["scale_x"].as_f64()),
        (Some(-1.0), Some(1.002))
    );
    let listed = json(qrdesk(&data).args(["--json", "print", "profile", "list"]).output().unwrap());
    assert_eq!(listed[0]["name"], "Shop laser");

    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "name,url\nDoor,https://a.example/1\n").unwrap();
    let pdf = dir.path().join("labels.pdf");
    let run = |profile: &str, out: &std::path::Path| {
        qrdesk(&data)
            .args(["--json", "print", "--layout", "avery-l7160", "--printer-profile", profile])
            .arg("--csv")
            .arg(&csv)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    };
    assert_eq!(json(run("shop LASER", &pdf))["codes"], 1);
    let missing = dir.path().join("missing.pdf");
    let refused = run("Office inkjet", &missing);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("No printer profile is called"));
    assert!(!missing.exists());
    json(
        qrdesk(&data)
            .args(["--json", "print", "profile", "remove", "shop laser"])
            .output()
            .unwrap(),
    );
}

/// `qrdesk print history` and `qrdesk print reprint`: a job recorded with its source, two of its
/// labels printed again and recorded as a job of their own.
#[test]
fn a_print_job_is_listed_and_two_labels_reprinted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let csv = dir.path().join("rows.csv");
    let rows =
        "name,url\nDoor,https://a.example/1\nDesk,https://a.example/2\nHall,https://a.example/3\n";
    std::fs::write(&csv, rows).unwrap();
    let pdf = dir.path().join("labels.pdf");
    let printed = json(
        qrdesk(&data)
            .args(["--json", "print", "--layout", "avery-l7160", "--caption", "{name} {serial:03}"])
            .arg("--csv")
            .arg(&csv)
            .arg("-o")
            .arg(&pdf)
            .output()
            .unwrap(),
    );
    let job = printed["job"].as_i64().expect("the job's number");
    let history = json(qrdesk(&data).args(["--json", "print", "history"]).output().unwrap());
    assert_eq!(history[0]["id"], job);
    assert_eq!(history[0]["codes"], 3);
    assert!(history[0]["source"].as_str().unwrap().ends_with("rows.csv"));
    let again = dir.path().join("again.pdf");
    let reprinted = json(
        qrdesk(&data)
            .args(["--json", "print", "reprint", &job.to_string(), "--rows", "1,3", "-o"])
            .arg(&again)
            .output()
            .unwrap(),
    );
    assert_eq!(reprinted["report"]["codes"], 2);
    assert_ne!(reprinted["job"], job, "the reprint is a job of its own");
    let text = qrdesk(&data).args(["print", "history"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains(&format!("reprint of print job #{job}")), "{text}");
}
