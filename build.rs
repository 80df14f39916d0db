// The default theme, the shipped locales and the starter site are compiled into the binary
// (include_dir); rebuild when any file in them changes.
//
// syntect's bundled syntaxes have no TOML (the front matter) and no Fluent (the locales):
// both, written in src/syntaxes/, are added to the set here and the set is dumped for
// src/markdown.rs to load.
use syntect::parsing::{SyntaxDefinition, SyntaxSet};

fn main() {
    for dir in ["themes/default", "locales", "src/starter", "src/syntaxes"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    let mut builder = SyntaxSet::load_defaults_newlines().into_builder();
    for name in ["TOML", "Fluent"] {
        let path = format!("src/syntaxes/{name}.sublime-syntax");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let syntax = SyntaxDefinition::load_from_str(&text, true, None)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        builder.add(syntax);
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    syntect::dumps::dump_to_uncompressed_file(&builder.build(), out.join("syntaxes.packdump"))
        .expect("the syntax set is written");
}
