//! cargo-fuzz target `link_scheme`: see ../targets.rs.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::link_scheme(data));
