//! Style files and style names that cannot print: typos, colours that are not colours, logos
//! that are missing, too large or not pictures, colours too close or inverted, a level below H
//! with a logo, names nobody saved. Each refused with its sentence, nothing written, the
//! library's styles unchanged.

use super::{case, print_case, Lab, USAGE};

const LOGO: &[u8] =
    br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#e4572e"/></svg>"##;

#[test]
fn style_files_and_names_that_cannot_print() {
    let mut lab = Lab::new();
    lab.file("ok.csv", b"name,url\nA,https://a.example/1\n");
    lab.file("logo.svg", LOGO);
    lab.file("logo.png", b"this is not a picture");
    let style = |lab: &Lab, name: &str, text: &str| {
        lab.file(name, text.as_bytes());
        lab.p(name)
    };
    let typo = style(&lab, "typo.toml", "name = \"Autumn\"\nmodule = \"dots\"\n");
    let syntax = style(&lab, "syntax.toml", "name = \"Autumn\ndark = k\n");
    let navy = style(&lab, "navy.toml", "dark = \"navy\"\n");
    let shape = style(&lab, "shape.toml", "modules = \"stars\"\n");
    let no_logo = style(&lab, "nologo.toml", "logo = \"missing.svg\"\n");
    let not_png = style(&lab, "notpng.toml", "logo = \"logo.png\"\n");
    let big = style(&lab, "big.toml", "logo = \"logo.svg\"\nlogo_size = 0.4\n");
    let pale = style(&lab, "pale.toml", "dark = \"cmyk:0,0,0,15\"\n");
    let inverted = style(&lab, "inverted.toml", "dark = \"cmyk:0,0,0,5\"\nlight = \"k\"\n");
    let logo = style(&lab, "logo.toml", "logo = \"logo.svg\"\n");
    let frame = style(&lab, "frame.toml", &format!("frame = \"{}\"\n", "x".repeat(61)));
    let huge = style(&lab, "huge.toml", &format!("# {}\n", "x".repeat(70_000)));
    let l = &lab;
    let cases =
        vec![
        print_case(l, "a style file with a misspelt key", &["--style", &typo], 1, "bad_input",
            &format!("the style file {typo} cannot be read at line 2: unknown field `module`")),
        print_case(l, "a style file that is not TOML", &["--style", &syntax], 1, "bad_input",
            &format!("the style file {syntax} cannot be read at line 1")),
        print_case(l, "a colour that is not a colour", &["--style", &navy], 1, "bad_input",
            "the style's dark colour:"),
        print_case(l, "a module shape QR Desk does not know", &["--style", &shape], 1, "bad_input",
            "the style's modules \"stars\" is not one QR Desk knows; use one of: square, rounded, \
             dots, diamond, vertical, horizontal"),
        print_case(l, "a logo that is not there", &["--style", &no_logo], 1, "bad_input",
            "keep the logo next to the style file or fix the logo key"),
        print_case(l, "a logo that is not a picture", &["--style", &not_png], 1, "bad_input",
            "logo.png"),
        print_case(l, "a logo over 30 % of the code", &["--style", &big], 1, "bad_input",
            "the logo is too large: 40 % of the code's side, the most that still scans is 30 %"),
        print_case(l, "colours too close together", &["--style", &pale], 1, "bad_input",
            "low contrast: the style's colours reach only"),
        print_case(l, "an inverted style", &["--style", &inverted], 1, "bad_input",
            "this style is inverted"),
        print_case(l, "--ec L with a logo", &["--style", &logo, "--ec", "L"], 1, "bad_input",
            "only level H"),
        print_case(l, "a frame text over 60 characters", &["--style", &frame], 1, "bad_input",
            "the frame text can be at most 60 characters"),
        print_case(l, "a style file over 64 KB", &["--style", &huge], 1, "bad_input",
            "is too large for a style file (over 64 KB)"),
        print_case(l, "a style nobody saved", &["--style", "Winter"], 1, "bad_input",
            "No saved style is called \"Winter\""),
        print_case(l, "--style with --color", &["--style", &logo, "--color", "k"], 2, USAGE,
            "the argument '--style <NAME|FILE>' cannot be used with '--color <COLOUR>'"),
        case("style add of a file that is not there", &["style", "add", &lab.p("none.toml")], 1,
            "io", "Could not read"),
        case("style add with a logo over 30 %", &["style", "add", &big], 1, "bad_input",
            "The logo size is at most 30 % of the code's side"),
        case("style add of a misspelt file", &["style", "add", &typo], 1, "bad_input",
            "unknown field `module`"),
        case("style add with an empty name", &["style", "add", &logo, "--name", " "], 1,
            "bad_input", "A style needs a name"),
        case("style show of a style nobody saved", &["style", "show", "Winter"], 1, "bad_input",
            "No saved style is called \"Winter\""),
        case("style remove of a style nobody saved", &["style", "remove", "Winter"], 1,
            "bad_input", "No saved style is called \"Winter\""),
        case("style export of a style nobody saved",
            &["style", "export", "Winter", "-o", &lab.p("out.toml")], 1, "bad_input",
            "No saved style is called \"Winter\""),
    ];
    let n = lab.check(cases);
    assert!(!lab.path("out.toml").exists(), "nothing exported");
    lab.write_doc("Brand styles (`qrdesk print --style`, `qrdesk style`)");
    eprintln!("{n} style cases");
}
