//! The dashboard in a real browser: headless Chromium (Debian's `chromium`; `.ci/run`
//! installs it) loads each view over a store made from the example stories, the
//! reference article (when `../shared` is there) and a hostile story; any console
//! message (script errors, CSP refusals) fails the test. From the overview it follows
//! the links a user would click (the network, a dyad's edge, an event, its document), checks the
//! highlighted sentence in the rendered DOM, and saves a screenshot of each view under
//! `target/screenshots/`. Without a browser it prints SKIP.

mod common;

use dyad_core::Document;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DYAD_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The example stories and, when present, the reference article.
fn stories() -> Vec<Document> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    let seed = repo().join("../shared/seed/000_2a29cbd5cd4e37c6.txt");
    if seed.is_file() {
        files.push(seed);
    } else {
        eprintln!("SKIP (reference article): ../shared/seed not found");
    }
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| Document {
            id: p.file_stem().unwrap().to_string_lossy().into_owned(),
            title: Some(p.file_name().unwrap().to_string_lossy().into_owned()),
            url: None,
            published: Some("2024-05-15".parse().unwrap()),
            source: Some("examples".into()),
            text: std::fs::read_to_string(p).unwrap(),
            language: Some("en".into()),
        })
        .collect()
}

struct Browser {
    bin: PathBuf,
    profile: tempfile::TempDir,
    shots: PathBuf,
}

impl Browser {
    /// Runs Chromium on `url` with `extra` flags; its stdout and stderr.
    fn run(&self, url: &str, extra: &[String]) -> (String, String) {
        let mut child = Command::new(&self.bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-extensions",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1280,1400",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .args(extra)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        // Read both pipes while it runs: a page's DOM can be larger than a pipe holds,
        // and a browser blocked on a full pipe never exits.
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                String::from_utf8_lossy(&buf).into_owned()
            })
        };
        let out = drain(Box::new(child.stdout.take().unwrap()));
        let err = drain(Box::new(child.stderr.take().unwrap()));
        let deadline = Instant::now() + Duration::from_secs(90);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("chromium did not finish on {url}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        (out.join().unwrap(), err.join().unwrap())
    }

    /// Loads `url`, fails on console messages, saves a screenshot as `name`, and
    /// returns the DOM after the scripts ran.
    fn visit(&self, name: &str, url: &str) -> String {
        let (dom, log) = self.run(
            url,
            &["--virtual-time-budget=3000".into(), "--dump-dom".into()],
        );
        let problems: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("CONSOLE") || l.contains("Refused to") || l.contains("Uncaught"))
            .collect();
        assert!(
            problems.is_empty(),
            "{name} ({url}): console says:\n{}",
            problems.join("\n")
        );
        assert!(dom.contains("</html>"), "{name}: no page:\n{log}");
        let shot = self.shots.join(format!("{name}.png"));
        let _ = self.run(
            url,
            &[
                "--virtual-time-budget=3000".into(),
                format!("--screenshot={}", shot.display()),
            ],
        );
        assert!(
            shot.is_file(),
            "{name}: no screenshot at {}",
            shot.display()
        );
        dom
    }
}

/// The first `href` in `html` that starts with `prefix`, unescaped.
fn first_link(html: &str, prefix: &str) -> String {
    let needle = format!("href=\"{prefix}");
    let start = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no link to {prefix}"))
        + 6;
    html[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_load_in_chromium_without_console_errors_and_link_through() {
    let Some(bin) = chromium() else {
        eprintln!("SKIP: no chromium on PATH (.ci/run installs Debian's chromium)");
        return;
    };
    let s = common::start_with(stories()).await;
    let shots = repo().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let b = Browser {
        bin,
        profile: tempfile::tempdir().unwrap(),
        shots,
    };
    let base = s.base.clone();
    let url = move |p: &str| format!("{base}{p}");
    tokio::task::spawn_blocking(move || {
        let home = b.visit("overview", &url("/"));
        assert!(home.contains("data-js=\"on\""), "the script did not run");
        assert!(home.contains("<rect"), "no bars");
        let net = b.visit("network", &url(&first_link(&home, "/network?")));
        assert!(net.contains("class=\"edge\""), "no edges in the network");
        let dyad = b.visit("dyad", &url(&first_link(&net, "/dyad?")));
        let event = b.visit("event", &url(&first_link(&dyad, "/events/")));
        assert!(
            event.contains("<mark class=\"trigger\""),
            "no highlighted trigger"
        );
        assert!(
            event.contains("<mark class=\"source\""),
            "no highlighted source"
        );
        assert!(
            event.contains("<table class=\"resolution\""),
            "no actors' resolution"
        );
        let doc = b.visit("document", &url(&first_link(&event, "/documents/")));
        assert!(doc.contains("<mark class=\"trigger\""));
        let list = b.visit("events", &url("/events?mode=all"));
        assert!(list.contains("data-href=\"/events/"));
        b.visit("filtered", &url("/?actor=RUS*&mode=all&from=2024-01-01"));
        let map = b.visit("map", &url("/map?mode=all"));
        assert!(map.contains("class=\"country\""), "no shaded country");
        assert!(
            map.contains("class=\"place\""),
            "no circle at a located place"
        );
        b.visit("network-filtered", &url("/network?actor=RUS*&mode=all"));
        let evil = b.visit("hostile-document", &url("/documents/evil"));
        assert!(
            !evil.contains("<script>alert"),
            "a hostile script became an element"
        );
        assert!(
            evil.contains("&lt;script&gt;alert(\"title\")"),
            "the title is not shown as text"
        );
        b.visit("api-docs", &url("/docs/"));
    })
    .await
    .unwrap();
}
