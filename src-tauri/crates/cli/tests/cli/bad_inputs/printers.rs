//! Calibration sheets, printer profiles and reprints that cannot be made: offsets and scales out
//! of range, a layout without labels, names nobody saved, a profile and --offset together, a job
//! nobody printed.

use super::{case, print_case, Lab, USAGE};

#[test]
fn calibration_and_printer_profiles_refused() {
    let mut lab = Lab::new();
    lab.file("ok.csv", b"name,url\nA,https://a.example/1\n");
    let out = lab.p("out.pdf");
    let l = &lab;
    let cases = vec![
        case(
            "profile save with a 30 mm offset",
            &["print", "profile", "save", "Laser", "--offset", "30mm,0mm"],
            1,
            "bad_input",
            "A printer offset moves the print by at most 20 mm each way",
        ),
        case(
            "profile save with scale 2",
            &["print", "profile", "save", "Laser", "--scale", "2"],
            1,
            "bad_input",
            "\"2\" is not a scale; write one factor like 1.002 or two like 1.002,0.998",
        ),
        case(
            "profile save with an empty name",
            &["print", "profile", "save", " "],
            1,
            "bad_input",
            "A printer profile needs a name of 1 to 100 characters",
        ),
        case(
            "profile remove of a profile nobody saved",
            &["print", "profile", "remove", "Laser"],
            1,
            "bad_input",
            "No printer profile is called \"Laser\"",
        ),
        print_case(
            l,
            "--printer-profile nobody saved",
            &["--printer-profile", "Laser"],
            1,
            "bad_input",
            "No printer profile is called \"Laser\"",
        ),
        print_case(
            l,
            "--printer-profile with --offset",
            &["--printer-profile", "Laser", "--offset", "1mm,1mm"],
            2,
            USAGE,
            "the argument '--printer-profile <NAME>' cannot be used with '--offset <X,Y>'",
        ),
        case(
            "calibration of one-per-page",
            &["print", "calibration", "--layout", "one-per-page", "-o", &out],
            1,
            "bad_input",
            "one-per-page has no label grid to calibrate",
        ),
        case(
            "reprint of a job nobody printed",
            &["print", "reprint", "99", "-o", &out],
            1,
            "bad_input",
            "There is no print job #99. `qrdesk print history` lists them.",
        ),
        case(
            "calibration of a layout that does not exist",
            &["print", "calibration", "--layout", "avery-l9999", "-o", &out],
            1,
            "bad_input",
            "there is no layout \"avery-l9999\"",
        ),
    ];
    let n = lab.check(cases);
    lab.write_doc(
        "Calibration and printer profiles (`qrdesk print calibration`, `qrdesk print profile`)",
    );
    eprintln!("{n} printer cases");
}
