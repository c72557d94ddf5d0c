//! Embeds the dictionary files under `dictionaries/` at the workspace root into the
//! library, so that the `dyad` binary needs no data files at run time. Adding a file
//! needs no code change: every `.txt` file below that directory is embedded under its
//! relative path. It also compiles the gazetteer (`build/gazetteer.rs`).

#[path = "build/gazetteer.rs"]
mod gazetteer;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest
        .join("../../dictionaries")
        .canonicalize()
        .expect("dictionaries/ exists");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Built-in dictionary files: (path relative to `dictionaries/`, contents).\n",
    );
    code.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        // Directories must be watched one by one for added files to be noticed.
        if let Some(parent) = f.parent() {
            println!("cargo:rerun-if-changed={}", parent.display());
        }
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&root)
            .expect("below root")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    gazetteer::compile(&manifest, &out_dir.join("gazetteer.bin"));
}
