//! `dyad serve` as a child process: the examples are ingested, the server started on
//! port 0, and its API and dashboard read over a plain TCP socket; a write without
//! the token is refused and one with it (from `DYAD_TOKEN`) is stored.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `dyad serve` on port 0 and returns it with its address.
fn serve(store: &Path, token: Option<&str>) -> (Server, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(["serve", "--addr", "127.0.0.1:0", "--store"])
        .arg(store)
        .env_remove("DYAD_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(t) = token {
        cmd.env("DYAD_TOKEN", t);
    }
    let mut child = cmd.spawn().expect("the dyad binary runs");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Server(child), addr)
}

/// One HTTP/1.1 request; the status and the body.
fn request(addr: &str, method: &str, path: &str, headers: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{headers}\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let status = raw[9..12].parse().unwrap();
    // Fixed-length bodies (JSON and pages are sent whole, not chunked).
    let body = raw.split_once("\r\n\r\n").map(|x| x.1).unwrap_or("");
    (status, body.to_string())
}

#[test]
fn serve_answers_over_http_and_needs_the_token_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let o = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "-q", "--published", "2024-05-15", "--store"])
        .arg(&store)
        .arg(&examples)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let (_server, addr) = serve(&store, Some("tok"));
    let (status, body) = request(&addr, "GET", "/health", "", "");
    assert_eq!(status, 200, "{body}");
    let health: Value = serde_json::from_str(&body).unwrap();
    assert!(health["documents"].as_u64().unwrap() >= 4, "{health}");
    let (status, body) = request(&addr, "GET", "/api/events?mode=all&limit=3", "", "");
    assert_eq!(status, 200);
    let page: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 3, "{page}");
    let (status, html) = request(&addr, "GET", "/", "", "");
    assert_eq!(status, 200);
    assert!(html.contains("<svg"));
    let doc = r#"{"id": "p1", "text": "Japan praised India for its help."}"#;
    let (status, _) = request(&addr, "POST", "/api/documents", "", doc);
    assert_eq!(status, 401);
    let auth = "Authorization: Bearer tok\r\n";
    let (status, body) = request(&addr, "POST", "/api/documents", auth, doc);
    assert_eq!(status, 200, "{body}");
    let (status, _) = request(&addr, "GET", "/api/documents/p1", "", "");
    assert_eq!(status, 200);
}

#[test]
fn serve_without_a_token_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, addr) = serve(&dir.path().join("new.db"), None);
    let (status, body) = request(&addr, "POST", "/api/documents", "", r#"{"text": "x"}"#);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("--token"));
}
