// The default theme, the shipped locales and the starter site are compiled into the binary
// (include_dir); rebuild when any file in them changes.
fn main() {
    for dir in ["themes/default", "locales", "src/starter"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
