//! Bad inputs give clear errors, never panics, and reading goes on.

use std::io::Write;
use std::path::{Path, PathBuf};

use dyad_core::Document;
use dyad_io::{InputFormat, Location, ReadError, ReadOptions, read_inputs};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read_all<P: AsRef<Path>>(paths: &[P]) -> Vec<Result<Document, ReadError>> {
    read_inputs(paths, &ReadOptions::default()).collect()
}

fn only_error(items: &[Result<Document, ReadError>]) -> &ReadError {
    assert_eq!(items.len(), 1, "{items:?}");
    items[0].as_ref().unwrap_err()
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.txt",
        b"Headline\n\nCaf\xc3\xa9 ok, then \xff bad.",
    );
    let items = read_all(&[&path]);
    let e = only_error(&items);
    assert_eq!(e.location, Location::Byte(25));
    assert_eq!(e.path, path);
    assert!(
        e.to_string()
            .ends_with("bad.txt: byte 25: invalid UTF-8 (the file is not UTF-8 text)"),
        "{e}"
    );
    assert!(!e.is_warning());
}

#[test]
fn empty_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b" \n\t\n");
    let binary = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let binary_jsonl = write(
        dir.path(),
        "image.jsonl",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\n{}\n",
    );
    let binary_html = write(dir.path(), "image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let empty_jsonl = write(dir.path(), "empty.jsonl", b"");
    let empty_html = write(dir.path(), "empty.html", b"");
    let empty_warc = write(dir.path(), "empty.warc", b"");
    let items = read_all(&[
        empty.clone(),
        blank,
        binary,
        binary_jsonl,
        binary_html,
        empty_jsonl,
        empty_html,
        empty_warc,
    ]);
    let messages: Vec<String> = items
        .iter()
        .map(|r| r.as_ref().unwrap_err().to_string())
        .collect();
    let name = |m: &str| m.rsplit('/').next().unwrap().to_string();
    let messages: Vec<String> = messages.iter().map(|m| name(m)).collect();
    assert_eq!(
        messages,
        [
            "empty.txt: empty file",
            "blank.txt: empty file (only whitespace)",
            "image.txt: byte 8: binary data (a NUL byte), not text",
            "image.jsonl: byte 8: binary data (a NUL byte), not JSON Lines",
            "image.html: byte 8: binary data (a NUL byte), not HTML",
            "empty.jsonl: empty file",
            "empty.html: empty file",
            "empty.warc: empty file",
        ]
    );
}

#[test]
fn missing_paths_are_errors_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"Some text.");
    let missing_dir = dir.path().join("no/such/dir");
    let missing_file = dir.path().join("nope.jsonl");
    let items = read_all(&[missing_dir.clone(), missing_file, good]);
    assert_eq!(items.len(), 3);
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.path, missing_dir);
    assert_eq!(e.location, Location::None);
    assert!(
        e.to_string()
            .ends_with("no/such/dir: cannot read: no such file or directory"),
        "{e}"
    );
    assert!(items[1].is_err());
    assert_eq!(items[2].as_ref().unwrap().text, "Some text.");
}

#[test]
fn a_malformed_json_line_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "data.jsonl",
        b"{\"id\": \"a\", \"text\": \"First.\"}\n{\"id\": \"b\", \"text\": \"Second.}\n{\"id\": \"c\", \"text\": \"Third.\"}\n",
    );
    let items = read_all(&[path]);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().id, "a");
    let e = items[1].as_ref().unwrap_err();
    assert_eq!(e.location, Location::Line(2));
    assert!(
        e.to_string()
            .ends_with("data.jsonl:2: malformed JSON: EOF while parsing a string at column 29"),
        "{e}"
    );
    assert_eq!(items[2].as_ref().unwrap().id, "c");
}

#[test]
fn truncated_gzip_is_reported_after_the_complete_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..2000 {
        jsonl.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Story number {i} about talks between the parties, with enough words to fill a line.\"}}\n"
        ));
    }
    let gz = gzip(jsonl.as_bytes());
    let path = write(dir.path(), "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let items = read_all(&[path]);
    let (docs, errors): (Vec<_>, Vec<_>) = items.into_iter().partition(|r| r.is_ok());
    assert!(docs.len() > 100, "complete lines before the cut are read");
    assert!(docs.len() < 2000);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors[0].as_ref().unwrap_err();
    eprintln!("{e}");
    assert!(matches!(e.location, Location::Line(n) if n as usize > docs.len()));
    assert!(e.message.starts_with("truncated compressed data"), "{e}");

    // The whole file, for comparison, reads cleanly.
    let path = write(dir.path(), "whole.jsonl.gz", &gz);
    let items = read_all(&[path]);
    assert_eq!(items.len(), 2000);
    assert!(items.iter().all(|r| r.is_ok()));
}

#[test]
fn warnings_keep_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "d.ndjson",
        b"{\"text\": \"A story.\", \"date\": \"last Tuesday\", \"title\": 3}\n",
    );
    let items = read_all(&[path]);
    assert_eq!(items.len(), 3);
    let w: Vec<&ReadError> = items[..2].iter().map(|r| r.as_ref().unwrap_err()).collect();
    assert!(
        w.iter()
            .all(|w| w.is_warning() && w.location == Location::Line(1))
    );
    assert!(w[0].message.contains("\"title\" is a number"), "{}", w[0]);
    assert!(
        w[1].message.contains("unparsable date \"last Tuesday\""),
        "{}",
        w[1]
    );
    let d = items[2].as_ref().unwrap();
    assert_eq!((d.published, d.title.as_deref()), (None, None));
}

#[test]
fn directories_are_read_recursively_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b/2.txt", b"Second story.");
    write(dir.path(), "a.txt", b"First story.");
    write(dir.path(), "b/1.jsonl", b"{\"text\": \"From JSON.\"}\n");
    write(dir.path(), "b/.hidden.txt", b"Hidden.");
    write(dir.path(), "c/notes.md", b"Not an input.");
    write(dir.path(), "c/3.txt.gz", gzip(b"Gzipped story."));
    write(dir.path(), "c/logo.png", b"\x89PNG");
    write(
        dir.path(),
        "d/page.html",
        b"<html><body><p>x</p></body></html>",
    );
    write(dir.path(), "d/page.expected.txt", b"Expected text.");
    let mut inputs = read_inputs([dir.path()], &ReadOptions::default());
    let items: Vec<_> = inputs.by_ref().filter(|i| i.is_ok()).collect();
    let skipped = inputs.skipped_files();
    assert_eq!(skipped.total(), 3, "{skipped}");
    let summary = skipped.to_string();
    assert!(
        summary.starts_with("3 files not read: 1 companions of HTML pages"),
        "{summary}"
    );
    assert!(
        summary.contains("1 with extension .md (first: "),
        "{summary}"
    );
    assert!(
        summary.contains("notes.md), 1 with extension .png"),
        "{summary}"
    );
    let texts: Vec<&str> = items
        .iter()
        .map(|r| r.as_ref().unwrap().text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "First story.",
            "From JSON.",
            "Second story.",
            "Gzipped story.",
            "x"
        ]
    );
}

#[test]
fn formats_by_option_and_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article>"
        .bytes()
        .chain(
            b"<p>The caf\xe9 owners met the mayor on Monday to discuss the new rules for terraces in the old town.</p>"
                .repeat(4),
        )
        .chain("</article></body></html>".bytes())
        .collect::<Vec<u8>>();
    let unknown = write(dir.path(), "page.download", &page);
    let items = read_all(&[&unknown]);
    let d = items[0].as_ref().unwrap();
    assert!(d.text.contains("The café owners"), "{}", d.text);
    assert_eq!(d.source.as_deref(), Some(unknown.to_str().unwrap()));

    let as_text = ReadOptions {
        format: Some(InputFormat::Text),
        ..ReadOptions::default()
    };
    let story = write(dir.path(), "story.json", b"{\"not\": \"json lines here\"}");
    let items: Vec<_> = read_inputs([&story], &as_text).collect();
    assert_eq!(
        items[0].as_ref().unwrap().text,
        "{\"not\": \"json lines here\"}"
    );
}

#[test]
fn a_gzip_bomb_is_refused_not_inflated() {
    let dir = tempfile::tempdir().unwrap();
    // 50 MB of one letter compress about a thousand times.
    let bomb = gzip(&vec![b'a'; 50_000_000]);
    assert!(bomb.len() < 200_000);
    let bomb = write(dir.path(), "bomb.txt.gz", &bomb);
    let good = write(
        dir.path(),
        "good.txt.gz",
        gzip(b"Talks resumed in Geneva on Monday."),
    );
    let items = read_all(&[&bomb, &good]);
    assert_eq!(items.len(), 2, "{items:?}");
    let e = items[0].as_ref().unwrap_err();
    assert!(e.to_string().contains("gzip bomb"), "{e}");
    assert!(e.to_string().contains("--max-gzip-ratio"), "{e}");
    assert_eq!(e.path, bomb);
    assert!(items[1].is_ok());
    // Raising the ratio lets it through, and the document size limit speaks.
    let options = ReadOptions {
        max_gzip_ratio: 10_000,
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_inputs([&bomb], &options).collect();
    let e = only_error(&items);
    assert!(e.to_string().contains("--max-document-bytes"), "{e}");
    // A total size limit, whatever the ratio.
    let options = ReadOptions {
        max_gzip_ratio: 10_000,
        max_decompressed_bytes: 1_000_000,
        ..ReadOptions::default()
    };
    let jsonl = write(
        dir.path(),
        "many.jsonl.gz",
        gzip(&b"{\"text\": \"Talks resumed in Geneva.\"}\n".repeat(100_000)),
    );
    let items: Vec<_> = read_inputs([&jsonl], &options).collect();
    let last = items.last().unwrap().as_ref().unwrap_err();
    assert!(
        last.to_string().contains("--max-decompressed-bytes"),
        "{last}"
    );
    assert!(items.len() > 1000 && items.len() < 100_000);
}

#[test]
fn limits_name_themselves_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let options = ReadOptions {
        max_document_bytes: 1000,
        max_line_bytes: 100,
        max_record_bytes: 500,
        max_html_depth: 5,
        ..ReadOptions::default()
    };
    let big_text = write(dir.path(), "big.txt", "Talks resumed. ".repeat(100));
    let long_line = write(
        dir.path(),
        "long.jsonl",
        format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"Talks resumed.\"}}\n",
            "a ".repeat(100)
        ),
    );
    let array = write(
        dir.path(),
        "array.json",
        format!(
            "[{}]",
            vec!["{\"text\": \"Talks resumed.\"}"; 100].join(",")
        ),
    );
    let deep = write(
        dir.path(),
        "deep.html",
        "<html><body><div><div><div><div><div><div><p>Talks resumed.</p></div></div></div></div></div></div></body></html>",
    );
    let good = write(dir.path(), "good.txt", "Talks resumed in Geneva on Monday.");
    let items: Vec<_> =
        read_inputs([&big_text, &long_line, &array, &deep, &good], &options).collect();
    let messages: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(d) => format!("ok {}", d.text),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(messages.len(), 6, "{messages:#?}");
    assert!(
        messages[0].contains("big.txt: larger than 1000 bytes (the --max-document-bytes limit)")
    );
    assert!(
        messages[1]
            .contains("long.jsonl:1: line longer than 100 bytes (the --max-line-bytes limit)")
    );
    assert_eq!(messages[2], "ok Talks resumed.");
    assert!(
        messages[3]
            .contains("array.json: JSON file (an array or one object) larger than 1000 bytes"),
        "{}",
        messages[3]
    );
    assert!(
        messages[4].contains("deep.html: HTML nested deeper than 5 elements"),
        "{}",
        messages[4]
    );
    assert_eq!(messages[5], "ok Talks resumed in Geneva on Monday.");
}
