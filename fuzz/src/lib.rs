//! What the fuzz targets share: each feeds arbitrary bytes to one part of
//! dyad and checks that it returns (no panic, no hang) and keeps its promises.

use std::io::{BufReader, Cursor};
use std::path::Path;

use dyad_io::{InputFormat, ReadOptions};

/// Small limits, so that the fuzzer reaches them.
pub fn options(format: InputFormat) -> ReadOptions {
    ReadOptions {
        format: Some(format),
        max_document_bytes: 64 * 1024,
        max_line_bytes: 16 * 1024,
        max_record_bytes: 64 * 1024,
        max_decompressed_bytes: 1 << 20,
        max_html_depth: 64,
        ..ReadOptions::default()
    }
}

/// Reads `data` as one input of `format` named `name` (a `.gz` name changes
/// nothing: gzip is told by the first bytes), and checks every document and
/// error.
pub fn read(data: &[u8], name: &str, format: InputFormat) {
    let input = Box::new(BufReader::new(Cursor::new(data.to_vec())));
    let path = Path::new(name);
    let docs = match dyad_io::read_stream(input, path, &options(format)) {
        Ok(d) => d,
        Err(e) => {
            assert_eq!(e.path, path);
            return;
        }
    };
    for item in docs.take(10_000) {
        match item {
            Ok(doc) => {
                assert!(!doc.id.is_empty());
                assert!(doc.text.len() <= 4 * 1024 * 1024);
            }
            Err(e) => {
                assert_eq!(e.path, path);
                assert!(!e.message.is_empty());
            }
        }
    }
}

/// Parses `data` (as lossy UTF-8) as the dictionary file `path`; errors are
/// fine, a panic is not, and every error names the file.
pub fn dictionary(path: &str, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(errors) = dyad_core::dict::Dictionaries::parse(&[(path.to_string(), text)]) {
        assert!(errors.to_string().contains(path));
    }
}
