//! Writes a large synthetic programme site, for benchmarks and tests:
//!
//! ```sh
//! cargo run --release --example gen-programme -- --sessions 10000 --out /tmp/programmes
//! cargo run --release -- build --root /tmp/programmes
//! ```
//!
//! The generator itself is in `gen_programme/`, shared with `tests/generated.rs`.

mod gen_programme;

fn main() -> std::process::ExitCode {
    gen_programme::main(std::env::args().skip(1))
}
