//! Compiles the built-in dictionaries once, at build time, into a blob that the
//! binary reads at start-up: reading it is several times faster than parsing and
//! compiling tens of thousands of dictionary lines on every run.

use std::path::PathBuf;

fn main() {
    let pipeline = match dyad_core::pipeline::Pipeline::builtin() {
        Ok(p) => p,
        Err(e) => panic!("the built-in dictionaries do not compile:\n{e}"),
    };
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin.pipeline");
    std::fs::write(&out, pipeline.to_bytes()).expect("OUT_DIR is writable");
    // dyad-core embeds the dictionary files, so a change there rebuilds it and reruns
    // this script; nothing else needs watching.
    println!("cargo:rerun-if-changed=build.rs");
}
