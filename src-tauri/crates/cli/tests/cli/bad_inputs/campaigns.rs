//! Campaigns and analytics exports that cannot start: an account that does not exist, columns
//! the CSV lacks, UTM templates that are not templates, a CSV whose every row is bad, print
//! settings that cannot print, campaigns nobody made, days that are not days. Each refused with
//! its sentence before any code is made: no campaign, no code, no outbox entry, no file.

use super::{case, Lab, USAGE};

#[test]
fn campaigns_and_exports_refused() {
    let mut lab = Lab::new();
    lab.file(
        "tables.csv",
        b"table,url\nTable 1,https://cafe.example/1\nTable 2,https://cafe.example/2\n",
    );
    lab.file("bad.csv", b"table,url\nTable 1,ftp://cafe.example/1\nTable 2,not a link\n");
    let (csv, bad, out) = (lab.p("tables.csv"), lab.p("bad.csv"), lab.p("out.pdf"));
    let create = |csv: &str, name_column: &str, extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = [
            "campaign",
            "create",
            "--account",
            "1",
            "--csv",
            csv,
            "--name-column",
            name_column,
            "--destination-column",
            "url",
            "--layout",
            "avery-l7160",
            "-o",
            &out,
        ]
        .map(String::from)
        .to_vec();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let mut no_account = create(&csv, "table", &[]);
    no_account[3] = "99".into();
    let mut no_sheet = create(&csv, "table", &[]);
    no_sheet[11] = "avery-l9999".into();
    let owned: Vec<Vec<String>> = vec![
        no_account,
        create(&csv, "name", &[]),
        create(&csv, "table", &["--utm", "utm_source"]),
        create(&csv, "table", &["--utm", "utm_term={tabel}"]),
        create(&bad, "table", &[]),
        no_sheet,
        create(&csv, "table", &["--design", "Tent"]),
    ];
    let refs: Vec<Vec<&str>> =
        owned.iter().map(|v| v.iter().map(String::as_str).collect()).collect();
    let export = lab.p("scans.csv");
    let cases = vec![
        case("campaign on an account that does not exist", &refs[0], 1, "not_found", "99"),
        case(
            "campaign naming a column the CSV lacks",
            &refs[1],
            1,
            "bad_input",
            "has no column \"name\" for --name-column; its columns are: table, url",
        ),
        case(
            "a UTM part without '='",
            &refs[2],
            1,
            "bad_input",
            "The UTM template's part \"utm_source\" has no '='",
        ),
        case(
            "a UTM value naming a column the CSV lacks",
            &refs[3],
            1,
            "bad_input",
            "names the column \"tabel\", which the CSV does not have",
        ),
        case(
            "a CSV whose every destination is bad",
            &refs[4],
            1,
            "bad_input",
            "No row can become a code; row 1:",
        ),
        case(
            "a campaign on a sheet that does not exist",
            &refs[5],
            1,
            "bad_input",
            "there is no layout \"avery-l9999\"",
        ),
        case(
            "a campaign with a design nobody saved",
            &refs[6],
            1,
            "bad_input",
            "No saved label design is called \"Tent\"",
        ),
        case(
            "resume of a campaign nobody made",
            &["campaign", "resume", "7"],
            1,
            "bad_input",
            "There is no campaign #7",
        ),
        case(
            "reprint of a campaign nobody made",
            &["campaign", "reprint", "7", "-o", &out],
            1,
            "bad_input",
            "There is no campaign #7",
        ),
        case(
            "export without a campaign or an account",
            &["analytics", "export", "--csv", &export],
            2,
            USAGE,
            "the following required arguments were not provided",
        ),
        case(
            "export with a day that is not a day",
            &["analytics", "export", "--account", "1", "--from", "yesterday", "--csv", &export],
            2,
            USAGE,
            "--from takes a day like 2026-12-01, not \"yesterday\"",
        ),
        case(
            "export with --from after --to",
            &[
                "analytics",
                "export",
                "--account",
                "1",
                "--from",
                "2026-12-05",
                "--to",
                "2026-12-01",
                "--csv",
                &export,
            ],
            1,
            "bad_input",
            "--from 2026-12-05 is after --to 2026-12-01",
        ),
        case(
            "export of a campaign nobody made",
            &["analytics", "export", "--campaign", "7", "--csv", &export],
            1,
            "bad_input",
            "There is no campaign #7",
        ),
    ];
    let n = lab.check(cases);
    assert!(!lab.path("out.pdf").exists() && !lab.path("scans.csv").exists(), "nothing written");
    lab.write_doc("Campaigns and analytics exports (`qrdesk campaign`, `qrdesk analytics export`)");
    eprintln!("{n} campaign cases");
}
