//! Embeds the default theme (themes/default) into the binary, so a site without
//! its own theme folder still builds.
//!
//! The manifest folder is read from the environment cargo gives this script
//! when it runs, not from `env!` at the script's compile time: two checkouts
//! that share a target folder share a compiled build script, and a path baked
//! into it may name a checkout that no longer exists. A missing, unreadable or
//! empty theme stops the build here instead of embedding an empty theme that
//! would fail every page of every site later.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR for build scripts");
    let root = PathBuf::from(manifest).join("themes/default");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    if let Err(e) = collect(&root, &root, &mut files) {
        panic!("cannot read the default theme at {}: {e}", root.display());
    }
    if !files.iter().any(|f| f.starts_with("templates/")) {
        panic!("the default theme at {} has no templates/: the checkout is incomplete", root.display());
    }
    files.sort();
    let mut code = String::from("/// (path under themes/default, contents)\npub static FILES: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = root.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(code, "    ({rel:?}, include_bytes!({:?})),", abs.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_theme.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(root, &p, out)?;
        } else if let Ok(rel) = p.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}
