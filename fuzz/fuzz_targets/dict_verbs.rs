//! The dictionary file kind `verbs/01-fuzz.txt` on arbitrary text.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::dictionary("verbs/01-fuzz.txt", data);
});
