//! Malformed CSVs for printing and `codes import`, and line endings, BOMs and NULs that are read.

use super::{case, print_args, Case, Lab};

#[test]
fn malformed_csvs_for_print_and_import() {
    let mut lab = Lab::new();
    let huge = format!("name,url\nA,https://a.example/{}\n", "x".repeat(1 << 20));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("name,url\nA,https://a.example/1\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let garbage: Vec<u8> =
        (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let files: [(&str, &[u8]); 12] = [
        ("latin1.csv", b"name,url\nCaf\xe9,https://a.example/caf\xe9\n"),
        ("utf16.csv", &utf16),
        ("binary.csv", &garbage),
        ("empty.csv", b""),
        ("header.csv", b"name,url\n"),
        ("nopayload.csv", b"name,title\nA,B\n"),
        ("nul.csv", b"name,url\nA,https://a.example/\x001\n"),
        ("ragged.csv", b"name,url\nA,https://a.example/1,extra,more\nB\n"),
        ("huge.csv", huge.as_bytes()),
        ("quote.csv", b"name,url\n\"A,https://a.example/1\n"),
        ("ok.csv", b"name,url\nA,https://a.example/1\n"),
        ("qty.csv", b"name,url,qty\nA,https://a.example/1,2\nB,https://a.example/2,two\nC,https://a.example/3,-1\n"),
    ];
    for (name, bytes) in files {
        lab.file(name, bytes);
    }
    let wide: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
    lab.file("wide.csv", format!("{}\nA\n", wide.join(",")).as_bytes());
    lab.file("oneline.csv", "abc,".repeat(10 << 18).as_bytes());
    let out = lab.p("out.pdf");
    let shown = |name: &str| lab.p(name);
    let print = |input, name: &str, code, kind, msg: &str| {
        let args = print_args(&shown(name), &out, &[]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        case(input, &args, code, kind, msg)
    };
    let import = |input, name: &str, code, kind, msg: &str| {
        case(input, &["codes", "import", "--account", "1", "--csv", &shown(name)], code, kind, msg)
    };
    let utf8 = "is not UTF-8 text; save the file as \"CSV UTF-8\" and try again";
    let cases = vec![
        print("print: Latin-1 bytes", "latin1.csv", 1, "bad_input",
            &format!("{} at line 2 {utf8}", shown("latin1.csv"))),
        import("import: Latin-1 bytes", "latin1.csv", 1, "bad_input",
            &format!("{} at line 2 {utf8}", shown("latin1.csv"))),
        print("print: UTF-16 with BOM", "utf16.csv", 1, "bad_input",
            &format!("{} at line 1 {utf8}", shown("utf16.csv"))),
        import("import: UTF-16 with BOM", "utf16.csv", 1, "bad_input",
            &format!("{} at line 1 {utf8}", shown("utf16.csv"))),
        print("print: 4 KB of binary garbage", "binary.csv", 1, "bad_input", utf8),
        import("import: 4 KB of binary garbage", "binary.csv", 1, "bad_input", utf8),
        print("print: empty file", "empty.csv", 1, "bad_input",
            &format!("{} is empty; the first line must name the columns, like name,url", shown("empty.csv"))),
        import("import: empty file", "empty.csv", 1, "bad_input",
            &format!("{} is empty; the first line must name the columns, like name,url", shown("empty.csv"))),
        print("print: header only", "header.csv", 1, "bad_input",
            "there are no data rows to print. Nothing was written."),
        import("import: header only", "header.csv", 1, "bad_input",
            &format!("{} has no data rows", shown("header.csv"))),
        print("print: no payload column", "nopayload.csv", 1, "bad_input",
            &format!("{}: say which column holds the payload with --column; its columns are: name, title",
                shown("nopayload.csv"))),
        import("import: no destination column", "nopayload.csv", 1, "bad_input",
            "has no destination column (tried destination, url, link, target, redirect); its columns are: name, title. Name the column with --destination-column"),
        case("print: --column that does not exist",
            &["print", "--csv", &shown("nopayload.csv"), "--column", "link", "--layout",
              "avery-l7160", "-o", &out], 1, "bad_input", "no column \"link\""),
        import("import: NUL byte inside a destination", "nul.csv", 1, "bad_input",
            "line 2: \"https://a.example/\\u{0}1\" contains a space or an invisible control character"),
        print("print: ragged rows (a short row)", "ragged.csv", 1, "bad_input",
            "Row 2 [line 3] \"\": the payload is empty. Fill in the payload cell or remove the row."),
        import("import: ragged rows (a short row)", "ragged.csv", 1, "bad_input",
            "line 3: \"\" is not a web address"),
        print("print: 1 MB cell", "huge.csv", 1, "bad_input",
            "the payload is too long: 1048594 bytes, but a QR code at EC level M holds at most 2331"),
        import("import: 1 MB cell", "huge.csv", 1, "bad_input",
            "is 1048594 characters long"),
        print("print: unterminated quote", "quote.csv", 1, "bad_input", "the payload is empty"),
        print("print: 5,000 columns, none a payload", "wide.csv", 1, "bad_input",
            "its columns are: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, and 4988 more. Nothing was written."),
        import("import: 5,000 columns, none a destination", "wide.csv", 1, "bad_input",
            "its columns are: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, and 4988 more. Name the column with --name-column"),
        print("print: 10 MB first line (no line break)", "oneline.csv", 1, "bad_input",
            &format!("{} does not look like a CSV file: its first line is longer than 64 KB. The first line must name the columns, like name,url", shown("oneline.csv"))),
        import("import: 10 MB first line (no line break)", "oneline.csv", 1, "bad_input",
            &format!("{} does not look like a CSV file: its first line is longer than 64 KB", shown("oneline.csv"))),
        print("print: file that does not exist", "missing.csv", 1, "io",
            &format!("Could not read {}", shown("missing.csv"))),
        import("import: file that does not exist", "missing.csv", 1, "io",
            &format!("Could not read {}", shown("missing.csv"))),
        case("print: a quantity that is not a number",
            &["print", "--csv", &shown("qty.csv"), "--quantity-column", "qty", "--layout",
              "avery-l7160", "-o", &out], 1, "bad_input",
            "Row 2 [line 3] \"https://a.example/2\": the quantity \"two\" is not a whole number. Write how many labels this row prints (0 skips it) in the quantity column."),
        case("print: a quantity column that does not exist",
            &["print", "--csv", &shown("qty.csv"), "--quantity-column", "copies", "--layout",
              "avery-l7160", "-o", &out], 1, "bad_input", "has no column \"copies\""),
        case("print: --quantity-column with --each",
            &["print", "--csv", &shown("qty.csv"), "--quantity-column", "qty", "--each", "svg",
              "--out-dir", &lab.p("out-dir")], 2, "bad_input",
            "the argument '--quantity-column <NAME>' cannot be used with '--each <FORMAT>'"),
        import("import: account that does not exist", "ok.csv", 1, "bad_input", "x")
            .with_account(99, "There is no account #99"),
    ];
    let n = lab.check(cases);
    lab.write_doc("CSV files (`qrdesk print --csv`, `qrdesk codes import`)");
    eprintln!("{n} CSV cases");
}

impl Case {
    /// The same import against another account id (a valid file, so the account is what fails).
    fn with_account(mut self, account: i64, message: &str) -> Case {
        if let Some(i) = self.args.iter().position(|a| a == "--account") {
            self.args[i + 1] = account.to_string();
        }
        self.kind = Some("not_found");
        self.message = message.to_string();
        self
    }
}

#[test]
fn crlf_bom_and_embedded_nul_are_read_not_refused() {
    let lab = Lab::new();
    let files: [(&str, &[u8]); 3] = [
        ("crlf.csv", b"name,url\r\nA,https://a.example/1\r\nB,https://a.example/2\r\n"),
        ("bom.csv", b"\xef\xbb\xbfurl;name\nhttps://a.example/1;A\n"),
        ("nul.csv", b"name,url\nA,https://a.example/\x001\n"),
    ];
    for (name, bytes) in files {
        let csv = lab.file(name, bytes);
        let out = lab.path(&format!("{name}.pdf"));
        let run = lab
            .qrdesk()
            .args(["--json", "print", "--layout", "avery-l7160", "--csv"])
            .arg(&csv)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let doc: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
        let expected = if name == "crlf.csv" { 2 } else { 1 };
        assert_eq!(doc["codes"], expected, "{name}: {doc}");
        assert!(out.exists(), "{name}: the PDF was written");
    }
    // Import reads CRLF and BOM files too (the NUL byte is refused there: a destination).
    for name in ["crlf.csv", "bom.csv"] {
        let run = lab
            .qrdesk()
            .args(["--json", "codes", "import", "--account", "1", "--csv"])
            .arg(lab.path(name))
            .output()
            .expect("runs");
        assert!(run.status.success(), "{name}: {}", String::from_utf8_lossy(&run.stderr));
    }
}
