//! Layout files that are not layouts.

use super::{case, print_args, Lab};

#[test]
fn malformed_layout_files() {
    let mut lab = Lab::new();
    lab.file("ok.csv", b"name,url\nA,https://a.example/1\n");
    let good = "[[layout]]\nname = \"shop\"\npage = \"a4\"\nkind = \"sheet\"\ncolumns = 3\nrows = 8\n\
                label_width = 70.0\nlabel_height = 36.0\nleft = 0.0\ntop = 4.5\npitch_x = 70.0\npitch_y = 36.0\n";
    let json = r#"{"layout": [{"name":"j","page":"a4","kind":"sheet","columns":3,"rows":8,"label_width":70,"label_height":36,"left":0,"top":4.5,"pitch_x":70,"pitch_y":36}]}"#;
    lab.file("good.toml", good.as_bytes());
    lab.file("syntax.toml", b"[[layout]\nname = \"shop\"\n");
    lab.file("negative.toml", good.replace("label_width = 70.0", "label_width = -70.0").as_bytes());
    lab.file("zero.toml", good.replace("columns = 3", "columns = 0").as_bytes());
    lab.file("nofit.toml", good.replace("columns = 3", "columns = 9").as_bytes());
    lab.file(
        "unknown.toml",
        format!("{good}colour = \"red\"\n").replace("[[layout]]", "x = 1\n[[layout]]").as_bytes(),
    );
    lab.file("syntax.json", br#"{"layout": [{"name": "j", "#);
    lab.file("negative.json", json.replace("\"label_width\":70", "\"label_width\":-70").as_bytes());
    lab.file("zero.json", json.replace("\"rows\":8", "\"rows\":0").as_bytes());
    lab.file("binary.toml", b"\xff\xfe\x00garbage");
    let glabels = "<?xml version=\"1.0\"?>\n<Glabels-templates>\n  <Template brand=\"Shop\" part=\"S1\" \
                   size=\"A4\">\n    <Label-rectangle id=\"0\" width=\"70mm\" height=\"36mm\">\n      \
                   <Layout nx=\"3\" ny=\"8\" x0=\"0\" y0=\"4.5mm\" dx=\"70mm\" dy=\"36mm\"/>\n    \
                   </Label-rectangle>\n  </Template>\n</Glabels-templates>\n";
    lab.file("good.xml", glabels.as_bytes());
    lab.file("cut.xml", &glabels.as_bytes()[..120]);
    lab.file("nonx.xml", glabels.replace("nx=\"3\" ", "").as_bytes());
    lab.file(
        "cd.xml",
        glabels
            .replace(
                "<Label-rectangle id=\"0\" width=\"70mm\" height=\"36mm\">",
                "<Label-cd id=\"0\" radius=\"58mm\" hole=\"20mm\">",
            )
            .replace("</Label-rectangle>", "</Label-cd>")
            .as_bytes(),
    );
    let run = |input, file: &str, name: &str, code, kind, msg: &str| {
        let args = print_args(&lab.p("ok.csv"), &lab.p("out.pdf"), &[]);
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args[4] = name; // --layout NAME
        let path = lab.p(file);
        args.extend(["--layout-file", &path]);
        case(input, &args, code, kind, msg)
    };
    let cases = vec![
        run(
            "TOML syntax error",
            "syntax.toml",
            "shop",
            1,
            "bad_input",
            &format!(
                "layout file {} is not valid: TOML parse error at line 1, column 9",
                lab.p("syntax.toml")
            ),
        ),
        run(
            "JSON cut short",
            "syntax.json",
            "j",
            1,
            "bad_input",
            &format!(
                "layout file {} is not valid: EOF while parsing a value at line 1 column 26",
                lab.p("syntax.json")
            ),
        ),
        run(
            "negative label width (TOML)",
            "negative.toml",
            "shop",
            1,
            "bad_input",
            "layout \"shop\" is not usable: columns, rows and the label size must be positive",
        ),
        run(
            "negative label width (JSON)",
            "negative.json",
            "j",
            1,
            "bad_input",
            "layout \"j\" is not usable: columns, rows and the label size must be positive",
        ),
        run(
            "zero columns",
            "zero.toml",
            "shop",
            1,
            "bad_input",
            "layout \"shop\" is not usable: columns, rows and the label size must be positive",
        ),
        run(
            "zero rows (JSON)",
            "zero.json",
            "j",
            1,
            "bad_input",
            "layout \"j\" is not usable: columns, rows and the label size must be positive",
        ),
        run(
            "labels that do not fit the page (9 × 70 mm on A4)",
            "nofit.toml",
            "shop",
            1,
            "bad_input",
            "layout \"shop\" is not usable: labels run off the page",
        ),
        run("unknown top-level key", "unknown.toml", "shop", 1, "bad_input", "unknown field `x`"),
        run(
            "binary file",
            "binary.toml",
            "shop",
            1,
            "bad_input",
            &format!(
                "layout file {} is not UTF-8 text; save it as a UTF-8 .toml or .json file",
                lab.p("binary.toml")
            ),
        ),
        run(
            "no layout of that name in the file",
            "good.toml",
            "other",
            1,
            "bad_input",
            &format!("{} has no layout named \"other\"", lab.p("good.toml")),
        ),
        run("layout file that does not exist", "missing.toml", "shop", 1, "io", "Could not read"),
        run(
            "gLabels template file cut short",
            "cut.xml",
            "shop-s1",
            1,
            "bad_input",
            &format!("the gLabels template file {} is not valid XML", lab.p("cut.xml")),
        ),
        run(
            "gLabels template without nx",
            "nonx.xml",
            "shop-s1",
            1,
            "bad_input",
            &format!("{} line 3 (Shop S1): <Layout> has no nx", lab.p("nonx.xml")),
        ),
        run(
            "gLabels CD template",
            "cd.xml",
            "shop-s1",
            1,
            "bad_input",
            "CD and DVD labels are left out: the code would cover the hole",
        ),
        run(
            "no sheet of that name in a gLabels file",
            "good.xml",
            "shop-s2",
            1,
            "bad_input",
            &format!("{} has no layout named \"shop-s2\"", lab.p("good.xml")),
        ),
    ];
    let n = lab.check(cases);
    lab.write_doc("Layout files (`--layout-file`)");
    eprintln!("{n} layout cases");
}
