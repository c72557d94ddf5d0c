//! The date resolver: `PartialDate` parsing, and date expressions found in
//! arbitrary text against a story date taken from the first bytes.
#![no_main]
use dyad_core::PartialDate;
use dyad_core::enrich::dates::find_dates;
use dyad_core::segment::segment_plain;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&a, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    if let Ok(d) = text.parse::<PartialDate>() {
        // What parses prints and parses back the same.
        assert_eq!(d.to_string().parse::<PartialDate>().ok(), Some(d));
    }
    let story = chrono::NaiveDate::from_ymd_opt(1900 + i32::from(a), 1 + u32::from(a % 12), 1);
    let view = text.as_ref();
    let (_, seg) = segment_plain(view);
    let mut out = Vec::new();
    for s in &seg.sentences {
        out.clear();
        find_dates(view, &seg, s, story, &mut out);
    }
});
