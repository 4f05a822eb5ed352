//! Helpers shared by the integration tests: where `../shared` is, and white-space folding.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder beside the project (`../shared`), or `CLEANCOPY_SHARED` when set.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("CLEANCOPY_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared"),
    }
}

/// Reads a file under the shared folder, saying clearly which file is missing.
pub fn read_shared(rel: &str) -> String {
    let path = shared_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Collapses runs of white space, as the expectations are compared.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
