//! The dictionary file kind `places/fuzz.txt` on arbitrary text.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::dictionary("places/fuzz.txt", data);
});
