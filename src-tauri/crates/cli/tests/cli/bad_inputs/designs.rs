//! Label design files and names that cannot print, and printers that cannot be reached: typos,
//! boxes over the code or past the label, unknown anchors and fits, sizes out of range, fonts
//! that are not fonts, names nobody saved, a design with --caption, copies out of range, no
//! printing system. Each refused with its sentence, nothing written.

use super::{case, print_case, Lab, USAGE};

#[test]
fn design_files_names_and_printers_refused() {
    let mut lab = Lab::new();
    lab.file("ok.csv", b"name,url\nA,https://a.example/1\n");
    lab.file("notafont.ttf", b"this is not a font");
    let design = |lab: &Lab, name: &str, text: &str| {
        lab.file(name, text.as_bytes());
        lab.p(name)
    };
    let field = |extra: &str| format!("[[fields]]\ntext = \"{{name}}\"\n{extra}\n");
    let typo = design(&lab, "typo.toml", &field("anchor = \"below-code\"\nsize = 9"));
    let over = design(&lab, "over.toml", &field("x = 5\ny = 5\nwidth = 20\nheight = 5"));
    let past = design(
        &lab,
        "past.toml",
        &format!("code_size = 20\n{}", field("x = 40\ny = 30\nwidth = 30\nheight = 5")),
    );
    let no_box = design(&lab, "nobox.toml", &field("x = 40"));
    let anchor = design(&lab, "anchor.toml", &field("anchor = \"above\""));
    let fit = design(&lab, "fit.toml", &field("anchor = \"below-code\"\nfit = \"squeeze\""));
    let tiny = design(&lab, "tiny.toml", &field("anchor = \"below-code\"\nfont_size = 2"));
    let font =
        design(&lab, "font.toml", &field("anchor = \"below-code\"\nfont = \"notafont.ttf\""));
    let column =
        design(&lab, "column.toml", "[[fields]]\ntext = \"{nmae}\"\nanchor = \"below-code\"\n");
    let l = &lab;
    let cases = vec![
        print_case(
            l,
            "a design file with a misspelt key",
            &["--design", &typo],
            1,
            "bad_input",
            &format!("the design file {typo} cannot be read at line 4: unknown field `size`"),
        ),
        print_case(
            l,
            "a field box over the code",
            &["--design", &over],
            1,
            "bad_input",
            "field 1's box (20.0 × 5.0 mm at 5.0, 5.0) covers the code or its quiet zone",
        ),
        print_case(
            l,
            "a field box past the label",
            &["--design", &past],
            1,
            "bad_input",
            "field 1's box (30.0 × 5.0 mm at 40.0, 30.0) runs past the 63.5 × 38.1 mm label",
        ),
        print_case(
            l,
            "a field with half a box",
            &["--design", &no_box],
            1,
            "bad_input",
            "field 1 needs a box: x, y, width and height in mm, or anchor",
        ),
        print_case(
            l,
            "an anchor QR Desk does not know",
            &["--design", &anchor],
            1,
            "bad_input",
            "field 1's anchor \"above\" is not right-of-code or below-code",
        ),
        print_case(
            l,
            "a fit QR Desk does not know",
            &["--design", &fit],
            1,
            "bad_input",
            "field 1's fit \"squeeze\" is not one of shrink, wrap, shrink-wrap",
        ),
        print_case(
            l,
            "a 2 pt font size",
            &["--design", &tiny],
            1,
            "bad_input",
            "field 1's font_size must be between 4 and 72 points",
        ),
        print_case(
            l,
            "a font file that is not a font",
            &["--design", &font],
            1,
            "bad_input",
            "notafont.ttf is not a TrueType or OpenType font QR Desk can read",
        ),
        print_case(
            l,
            "a field naming a column the CSV lacks",
            &["--design", &column],
            1,
            "bad_input",
            "names the column \"nmae\", which the CSV does not have",
        ),
        print_case(
            l,
            "a design nobody saved",
            &["--design", "Tent"],
            1,
            "bad_input",
            "No saved label design is called \"Tent\"",
        ),
        print_case(
            l,
            "--design with --caption",
            &["--design", &over, "--caption", "{name}"],
            2,
            USAGE,
            "the argument '--design <NAME|FILE>' cannot be used with '--caption",
        ),
        print_case(
            l,
            "--copies without --printer",
            &["--copies", "2"],
            2,
            USAGE,
            "the following required arguments were not provided",
        ),
        print_case(
            l,
            "--copies 0",
            &["--printer", "Office", "--copies", "0"],
            2,
            USAGE,
            "0 is not in 1..=99",
        ),
        case(
            "design add of a file with an unknown anchor",
            &["design", "add", &anchor],
            1,
            "bad_input",
            "field 1's anchor \"above\"",
        ),
        case(
            "design show of a design nobody saved",
            &["design", "show", "Tent"],
            1,
            "bad_input",
            "No saved label design is called \"Tent\"",
        ),
        case(
            "design remove of a design nobody saved",
            &["design", "remove", "Tent"],
            1,
            "bad_input",
            "No saved label design is called \"Tent\"",
        ),
    ];
    let n = lab.check(cases);
    lab.write_doc("Label designs (`qrdesk print --design`, `qrdesk design`)");
    eprintln!("{n} design cases");
}
