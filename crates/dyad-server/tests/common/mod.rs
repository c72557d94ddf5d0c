//! Shared by the socket tests: a server on port 0 over a store of stories of our own
//! and a hostile one.

#![allow(dead_code)]

use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_server::{Coder, Config};
use dyad_store::{Access, Store, WriteMode, code_document};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use std::sync::{Arc, OnceLock};

pub const TOKEN: &str = "s3cret-token";

pub fn coder() -> Arc<Coder> {
    static C: OnceLock<Arc<Coder>> = OnceLock::new();
    C.get_or_init(|| {
        Arc::new(Coder {
            pipeline: Pipeline::builtin().expect("the built-in dictionaries compile"),
            dict_hash: "test-dicts".into(),
        })
    })
    .clone()
}

pub const STORIES: [&str; 4] = [
    "The French government sharply condemned the German government over the new border checks.",
    "Chinese President Xi Jinping signed an agreement with Russian President Vladimir Putin.",
    "Russian troops attacked Ukrainian forces near the border, officials said.",
    "The United States praised Japan for its help. Police arrested protesters in Paris.",
];

pub const EVIL_TITLE: &str = "<script>alert(\"title\")</script> \"quoted' title";
pub const EVIL_URL: &str = "javascript:alert(1)//\"><script>alert('url')</script>";
pub const EVIL_TEXT: &str = "The French government condemned the German government. \
                         <script>alert(\"text\")</script> He said \"no\" and 'never' <b>twice</b>.";

pub fn doc(i: usize) -> Document {
    Document {
        id: format!("d{i:02}"),
        title: Some(format!("Story {i}")),
        url: Some(format!("https://example.org/{i}")),
        published: Some(format!("2024-05-{:02}", 1 + i % 20).parse().unwrap()),
        source: Some(format!("Outlet {}", i % 3)),
        text: STORIES[i % STORIES.len()].into(),
        language: Some("en".into()),
    }
}

pub fn evil() -> Document {
    Document {
        id: "evil".into(),
        title: Some(EVIL_TITLE.into()),
        url: Some(EVIL_URL.into()),
        published: Some("2024-06-01".parse().unwrap()),
        source: Some("Outlet <x>".into()),
        text: EVIL_TEXT.into(),
        language: Some("en".into()),
    }
}

pub struct Running {
    pub base: String,
    pub http: Client,
    _dir: tempfile::TempDir,
}

impl Running {
    /// The store file.
    pub fn store(&self) -> std::path::PathBuf {
        self._dir.path().join("s.db")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(self.url(path)).send().await.unwrap()
    }

    pub async fn json(&self, path: &str) -> Value {
        let r = self.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        r.json().await.unwrap()
    }

    /// The 400 of `path` and the parameter it names.
    pub async fn bad(&self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        let v: Value = r.json().await.unwrap();
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{v}");
        v["detail"]["parameter"].as_str().unwrap_or("").to_string()
    }
}

/// A server on port 0 over a store of 24 stories, the hostile one and `extra`.
pub async fn start_with(extra: Vec<Document>) -> Running {
    start_hashed(extra, &coder().dict_hash).await
}

/// The same, stored as if coded by dictionaries of hash `dict_hash`.
pub async fn start_hashed(extra: Vec<Document>, dict_hash: &str) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path, Access::Write).unwrap();
        let mut a = Analysis::default();
        let c = coder();
        let docs: Vec<_> = (0..24)
            .map(doc)
            .chain([evil()])
            .chain(extra)
            .map(|d| code_document(&c.pipeline, d, &mut a, dict_hash))
            .collect();
        store.write(&docs, WriteMode::Ingest).unwrap();
    }
    let config = Config {
        store: path,
        addr: "127.0.0.1:0".parse().unwrap(),
        token: Some(TOKEN.into()),
        ..Config::default()
    };
    let server = dyad_server::bind(&config, coder()).await.unwrap();
    let addr = server.addr();
    tokio::spawn(server.run(std::future::pending()));
    Running {
        base: format!("http://{addr}"),
        http: Client::new(),
        _dir: dir,
    }
}

/// A server on port 0 over a store of 24 stories and a hostile one.
pub async fn start() -> Running {
    start_with(Vec::new()).await
}
