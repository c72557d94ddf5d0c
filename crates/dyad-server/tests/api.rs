//! The API and the dashboard over a real socket: every endpoint, filters, paging to
//! the end, streamed downloads, errors naming their parameter, auth, the body limit
//! and escaping of hostile document text.

mod common;

use common::{EVIL_TEXT, EVIL_TITLE, EVIL_URL, Running, STORIES, TOKEN, start, start_with};
use dyad_core::Document;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Every event id of `query`, following `next` to the end with pages of `limit`.
async fn all_pages(s: &Running, query: &str, limit: u32) -> (Vec<Value>, usize) {
    let mut items = Vec::new();
    let mut pages = 0;
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/events?{query}&limit={limit}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let v = s.json(&path).await;
        pages += 1;
        let page = v["items"].as_array().unwrap();
        assert!(page.len() <= limit as usize);
        items.extend(page.iter().cloned());
        match v["next"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
        assert!(pages < 1000, "paging does not end");
    }
    (items, pages)
}

#[tokio::test]
async fn health_counts_the_store() {
    let s = start().await;
    let v = s.json("/health").await;
    assert_eq!(v["status"], "ok");
    assert_eq!(v["documents"], 25);
    assert!(v["events"].as_u64().unwrap() > 5, "{v}");
}

#[tokio::test]
async fn events_page_to_the_end_and_match_one_big_page() {
    let s = start().await;
    let (small, pages) = all_pages(&s, "mode=all", 3).await;
    let (big, one) = all_pages(&s, "mode=all", 10_000).await;
    assert_eq!(one, 1);
    assert!(pages > 2, "{pages} pages");
    let ids = |v: &[Value]| {
        v.iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&small), ids(&big));
    let distinct: BTreeSet<String> = ids(&small).into_iter().collect();
    assert_eq!(distinct.len(), small.len(), "no event twice");
    let health = s.json("/health").await;
    assert_eq!(small.len() as u64, health["events"].as_u64().unwrap());
    // Dates ascend; desc reverses.
    let dates: Vec<&str> = big
        .iter()
        .map(|e| e["date"].as_str().unwrap_or(""))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let (desc, _) = all_pages(&s, "mode=all&order=desc", 4).await;
    let mut rev = ids(&desc);
    rev.reverse();
    assert_eq!(rev, ids(&big));
}

#[tokio::test]
async fn filters_select_what_they_name() {
    let s = start().await;
    let all = s.json("/api/events?mode=all&limit=10000").await["items"]
        .as_array()
        .unwrap()
        .clone();
    let check = |query: &'static str, pred: fn(&Value) -> bool| {
        let all = all.clone();
        let s = &s;
        async move {
            let got = s
                .json(&format!("/api/events?mode=all&limit=10000&{query}"))
                .await;
            let got = got["items"].as_array().unwrap().clone();
            let want: Vec<&Value> = all.iter().filter(|e| pred(e)).collect();
            assert!(!want.is_empty(), "{query}: nothing to find");
            assert_eq!(got.iter().collect::<Vec<_>>(), want, "{query}");
        }
    };
    check("source=FRA*", |e| {
        e["source"].as_str().unwrap().starts_with("FRA")
    })
    .await;
    check("target=DEU*", |e| {
        e["target"].as_str().is_some_and(|t| t.starts_with("DEU"))
    })
    .await;
    check("actor=RUS*", |e| {
        e["source"].as_str().unwrap().starts_with("RUS")
            || e["target"].as_str().is_some_and(|t| t.starts_with("RUS"))
    })
    .await;
    check("quad=4", |e| e["quad_class"] == 4).await;
    check("quad=1,2", |e| e["quad_class"] == 1 || e["quad_class"] == 2).await;
    check("cameo=11", |e| {
        e["cameo"].as_str().unwrap().starts_with("11")
    })
    .await;
    check("from=2024-05-05&to=2024-05-09", |e| {
        e["date"]
            .as_str()
            .is_some_and(|d| ("2024-05-05".."2024-05-10").contains(&d))
    })
    .await;
    check("source=FRA*&quad=3", |e| {
        e["source"].as_str().unwrap().starts_with("FRA") && e["quad_class"] == 3
    })
    .await;
    // Full-text search over the sentences.
    let v = s.json("/api/events?mode=all&text=agreement").await;
    let items = v["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|e| e["source"].as_str().unwrap().starts_with("CHN")
                || e["source"].as_str().unwrap().starts_with("RUS")),
        "{items:?}"
    );
}

#[tokio::test]
async fn downloads_stream_every_matching_event() {
    let s = start().await;
    let n = s.json("/api/events?mode=all&limit=10000").await["items"]
        .as_array()
        .unwrap()
        .len();
    let r = s.get("/api/events?mode=all&format=csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("id,date,"));
    assert!(lines[0].ends_with(
        ",first_mention,loc_country,loc_adm1,loc_lat,loc_lon,loc_feature,loc_precision,loc_how"
    ));
    assert_eq!(lines.len(), n + 1);
    // Located events carry their place's country and coordinates, as the JSON has them.
    let all = s.json("/api/events?mode=all&limit=10000").await;
    let e = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["loc_lat"].is_f64())
        .expect("a located event");
    let row = lines
        .iter()
        .find(|l| l.starts_with(&format!("{},", e["id"].as_str().unwrap())))
        .expect("its CSV row");
    let cols: Vec<&str> = row.split(',').collect();
    assert_eq!(cols.len(), 27, "{row}");
    assert_eq!(Some(cols[20]), e["loc_country"].as_str(), "{row}");
    assert_eq!(cols[22].parse::<f64>().ok(), e["loc_lat"].as_f64(), "{row}");
    assert_eq!(cols[23].parse::<f64>().ok(), e["loc_lon"].as_f64(), "{row}");
    assert_eq!(Some(cols[25]), e["loc_precision"].as_str(), "{row}");
    let jsonl = s
        .get("/api/events?mode=all&format=jsonl")
        .await
        .text()
        .await
        .unwrap();
    let rows: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), n);
    let two = s
        .get("/api/events?mode=all&format=jsonl&limit=2")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(two.lines().count(), 2);
    // A bad filter is a 400 before any row goes out.
    assert_eq!(s.bad("/api/events?format=csv&quad=9").await, "quad");
}

#[tokio::test]
async fn bad_values_are_400s_naming_the_parameter() {
    let s = start().await;
    for (query, name) in [
        ("quad=7", "quad"),
        ("quad=x", "quad"),
        ("from=yesterday", "from"),
        ("to=2024-13-45", "to"),
        ("limit=0", "limit"),
        ("limit=many", "limit"),
        ("order=sideways", "order"),
        ("format=xml", "format"),
        ("cursor=garbage", "cursor"),
        ("mode=maybe", "mode"),
        ("source=US%27%20OR%201=1", "source"),
        ("bogus=1", "bogus"),
    ] {
        assert_eq!(
            s.bad(&format!("/api/events?{query}")).await,
            name,
            "{query}"
        );
    }
    assert_eq!(s.bad("/api/series?per=decade").await, "per");
    assert_eq!(s.bad("/api/series?by=colour").await, "by");
    assert_eq!(s.bad("/api/dyads?limit=-1").await, "limit");
    assert_eq!(s.bad("/api/actors?quad=0").await, "quad");
    assert_eq!(s.bad("/api/places?from=nope").await, "from");
    assert_eq!(s.bad("/api/events/not-a-number").await, "id");
    let r = s.get("/api/events/12345").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.json::<Value>().await.unwrap()["error"].is_string());
    assert_eq!(
        s.get("/api/documents/nope").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.get("/api/nothing").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn event_detail_has_mentions_evidence_and_rule() {
    let s = start().await;
    let v = s.json("/api/events?source=FRA*&target=DEU*&mode=all").await;
    let id = v["items"][0]["id"].as_str().unwrap().to_string();
    let d = s.json(&format!("/api/events/{id}")).await;
    assert_eq!(d["event"]["id"], id.as_str());
    let mentions = d["mentions"].as_array().unwrap();
    assert_eq!(
        mentions.len() as u64,
        d["event"]["mentions"].as_u64().unwrap()
    );
    let m = &mentions[0];
    assert!(m["sentence_text"].as_str().unwrap().contains("condemned"));
    assert_eq!(m["trigger"]["text"], "condemned");
    assert!(
        m["source_span"]["text"]
            .as_str()
            .unwrap()
            .contains("French")
    );
    let rule = m["rule"].as_str().unwrap();
    assert!(rule.contains(':'), "rule is file:line: {rule}");
    assert_eq!(m["event"], id.as_str());
    // How the actors were resolved, as `dyad code --explain` says it.
    let x = &m["explain"];
    assert_eq!(x["source"]["text"], m["source_span"]["text"]);
    assert_eq!(x["source"]["code"], m["source"]);
    assert_eq!(x["target"]["code"], m["target"]);
    assert!(x["pattern"].as_str().is_some_and(|p| !p.is_empty()));
    // "French government": a country entry and an agent entry, each a file:line.
    assert_eq!(x["source"]["resolution"]["how"], "composed");
    assert!(
        x["source"]["resolution"]["country"]
            .as_str()
            .is_some_and(|e| e.contains("countries") && e.contains(':')),
        "{x}"
    );
    let page = s.get(&format!("/events/{id}")).await.text().await.unwrap();
    assert!(page.contains("How the actors were resolved"));
    let entry = x["source"]["resolution"]["agent"].as_str().unwrap();
    assert!(
        page.contains(&format!("<code>{entry}</code>")),
        "the entry on the page"
    );
}

#[tokio::test]
async fn a_document_coded_with_other_dictionaries_says_why_it_is_not_explained() {
    let s = common::start_hashed(Vec::new(), "older-dicts").await;
    let v = s.json("/api/events?source=FRA*&target=DEU*&mode=all").await;
    let id = v["items"][0]["id"].as_str().unwrap().to_string();
    let d = s.json(&format!("/api/events/{id}")).await;
    let m = &d["mentions"][0];
    assert!(m["explain"].is_null());
    let why = m["explain_missing"].as_str().unwrap();
    assert!(
        why.contains("older-dicts") && why.contains("dyad recode"),
        "{why}"
    );
    let page = s.get(&format!("/events/{id}")).await.text().await.unwrap();
    assert!(page.contains("resolution not shown"));
}

#[tokio::test]
async fn document_detail_has_text_and_coded_spans() {
    let s = start().await;
    let d = s.json("/api/documents/d00").await;
    assert_eq!(d["text"], STORIES[0]);
    let m = &d["mentions"][0];
    let (a, b) = (
        m["trigger"]["start"].as_u64().unwrap(),
        m["trigger"]["end"].as_u64().unwrap(),
    );
    assert_eq!(
        &STORIES[0][a as usize..b as usize],
        m["trigger"]["text"].as_str().unwrap()
    );
}

#[tokio::test]
async fn aggregates_add_up_to_the_events() {
    let s = start().await;
    let events = s.json("/api/events?limit=10000").await["items"]
        .as_array()
        .unwrap()
        .clone();
    let n = events.len() as u64;
    let gsum: f64 = events
        .iter()
        .map(|e| e["goldstein"].as_f64().unwrap())
        .sum();
    let dyads = s.json("/api/dyads?limit=10000").await;
    let items = dyads["items"].as_array().unwrap();
    assert_eq!(
        items
            .iter()
            .map(|c| c["events"].as_u64().unwrap())
            .sum::<u64>(),
        n
    );
    let dsum: f64 = items
        .iter()
        .map(|c| c["goldstein_sum"].as_f64().unwrap())
        .sum();
    assert!((dsum - gsum).abs() < 0.05, "{dsum} vs {gsum}");
    for c in items {
        let mean = c["goldstein_sum"].as_f64().unwrap() / c["events"].as_f64().unwrap();
        assert!(
            (mean - c["goldstein_mean"].as_f64().unwrap()).abs() < 0.01,
            "{c}"
        );
    }
    let counts: Vec<u64> = items
        .iter()
        .map(|c| c["events"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "busiest first");
    let top = s.json("/api/dyads?limit=1").await;
    assert_eq!(top["items"].as_array().unwrap().len(), 1);
    let actors = s.json("/api/actors").await;
    assert!(
        actors["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["key"].is_string())
    );
    let fra = s.json("/api/actors?actor=FRA*").await;
    assert!(
        fra["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["key"].as_str().unwrap().starts_with("FRA"))
    );
    for per in ["day", "week", "month", "year"] {
        let v = s.json(&format!("/api/series?per={per}")).await;
        let total: u64 = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["events"].as_u64().unwrap())
            .sum();
        let dated = events
            .iter()
            .filter(|e| e["date"].as_str().is_some_and(|d| !d.is_empty()))
            .count();
        assert_eq!(total, dated as u64, "{per}");
    }
    let months = s.json("/api/series?per=month&by=root").await;
    assert!(
        months["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["key"].as_str().unwrap().len() == 2
                && p["period"].as_str().unwrap().len() == 7)
    );
    // Places: one row per place name, adding up to the events that have a place.
    let places = s.json("/api/places").await;
    let per_place: u64 = places["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["events"].as_u64().unwrap())
        .sum();
    let located = events.iter().filter(|e| e["location"].is_string()).count();
    assert!(located > 0, "the stories name places");
    assert_eq!(per_place, located as u64);
}

#[tokio::test]
async fn writes_need_the_token_and_are_coded_and_stored() {
    let s = start().await;
    let body = "{\"id\": \"posted-1\", \"text\": \"Iranian officials accused Israel of sabotage.\", \"published\": \"2024-07-01\"}\n\
                {\"id\": \"posted-2\", \"text\": \"Germany welcomed the decision of France.\", \"published\": \"2024-07-02\"}\n\
                not json\n";
    let post = |token: Option<&str>, body: String| {
        let mut r = s.http.post(s.url("/api/documents")).body(body);
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let r = post(None, body.into()).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.json::<Value>().await.unwrap()["error"].is_string());
    assert_eq!(
        post(Some("s3cret-tokem"), body.into())
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(Some("s3cret"), body.into()).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        s.get("/api/documents/posted-1").await.status(),
        StatusCode::NOT_FOUND
    );
    let r = post(Some(TOKEN), body.into()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["documents"], 2);
    assert_eq!(v["new"], 2);
    assert_eq!(v["ids"], json!(["posted-1", "posted-2"]));
    assert_eq!(v["errors"].as_array().unwrap().len(), 1, "{v}");
    let d = s.json("/api/documents/posted-1").await;
    assert!(!d["mentions"].as_array().unwrap().is_empty(), "{d}");
    // Posting again changes nothing.
    let v: Value = post(Some(TOKEN), body.into())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (v["new"].as_u64(), v["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    // One JSON object works too; nothing readable is a 400.
    let one = json!({"id": "posted-3", "text": "Japan praised India."}).to_string();
    assert_eq!(
        post(Some(TOKEN), one).await.unwrap().status(),
        StatusCode::OK
    );
    assert_eq!(
        post(Some(TOKEN), "garbage".into()).await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_body_over_ten_megabytes_is_413() {
    let s = start().await;
    let text = "a".repeat(10 * 1024 * 1024 + 10);
    let body = format!("{{\"id\": \"huge\", \"text\": \"{text}\"}}");
    let r = s
        .http
        .post(s.url("/api/documents"))
        .bearer_auth(TOKEN)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        s.get("/api/documents/huge").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn hostile_text_comes_back_escaped() {
    let s = start().await;
    let r = s.get("/api/documents/evil").await;
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    let raw = r.text().await.unwrap();
    assert!(
        raw.contains(r#"alert(\"title\")"#),
        "quotes escaped in JSON"
    );
    let d: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(d["title"], EVIL_TITLE);
    assert_eq!(d["url"], EVIL_URL);
    assert_eq!(d["text"], EVIL_TEXT);

    let r = s.get("/documents/evil").await;
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = r.text().await.unwrap();
    assert!(
        !html.contains("<script>alert"),
        "unescaped script in the page"
    );
    assert!(!html.contains("<b>twice"), "unescaped markup in the page");
    assert!(html.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"));
    assert!(html.contains("&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;"));
    assert!(
        !html.contains("href=\"javascript:"),
        "a javascript: URL became a link"
    );
    // The only script tag is the dashboard's own file.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script src=\"/static/app.js\""));
}

#[tokio::test]
async fn openapi_describes_every_endpoint_and_its_parameters() {
    let s = start().await;
    let spec = s.json("/openapi.json").await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/health",
        "/api/events",
        "/api/events/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/actors",
        "/api/dyads",
        "/api/series",
        "/api/places",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} missing");
    }
    assert!(spec["paths"]["/api/documents"]["post"]["security"].is_array());
    // Every documented query parameter is one the server takes.
    let value = |name: &str| match name {
        "quad" => "1",
        "limit" => "5",
        "order" => "desc",
        "format" => "json",
        "mode" => "all",
        "from" | "to" => "2024-05-01",
        "per" => "week",
        "by" => "root",
        "cursor" => "2024-05-01~1",
        _ => "FRA",
    };
    for path in [
        "/api/events",
        "/api/actors",
        "/api/dyads",
        "/api/series",
        "/api/places",
    ] {
        let params = spec["paths"][path]["get"]["parameters"].as_array().unwrap();
        assert!(params.len() >= 11, "{path}");
        for p in params {
            let name = p["name"].as_str().unwrap();
            let r = s.get(&format!("{path}?{name}={}", value(name))).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}?{name}");
        }
    }
    let docs = s.get("/docs/").await;
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs.text().await.unwrap().contains("swagger"));
}

#[tokio::test]
async fn dashboard_views_render_and_link_through() {
    let s = start().await;
    let home = s.get("/").await;
    assert_eq!(home.status(), StatusCode::OK);
    assert!(
        home.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let home = home.text().await.unwrap();
    assert!(home.contains("<svg") && home.contains("<rect"), "the chart");
    assert!(home.contains("href=\"/dyad?source="), "links to dyads");
    let filtered = s
        .get("/?source=FRA*&from=2024-05-01&to=2024-05-31")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        filtered.contains("value=\"FRA*\""),
        "filters kept in the form"
    );
    let list = s
        .get("/events?mode=all&limit=5")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Next page"));
    let href = list
        .split("href=\"/events/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let page = s.get(&format!("/events/{href}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("<mark class=\"trigger\""),
        "the trigger highlighted"
    );
    assert!(
        page.contains("href=\"/documents/"),
        "a link to the document"
    );
    let doc = s.get("/documents/d00").await.text().await.unwrap();
    assert!(doc.contains("<mark class=\"source\"") && doc.contains("<mark class=\"target\""));
    let dyad = s.get("/dyad?source=FRA*&target=DEU*&mode=all").await;
    assert_eq!(dyad.status(), StatusCode::OK);
    assert!(dyad.text().await.unwrap().contains("href=\"/events/"));
    let bad = s.get("/?quad=9").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(bad.text().await.unwrap().contains("quad"));
    assert_eq!(s.get("/events/999").await.status(), StatusCode::NOT_FOUND);
    let js = s.get("/static/app.js").await;
    assert!(
        js.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    assert!(js.text().await.unwrap().contains("data-href"));
}

#[tokio::test]
async fn the_network_draws_the_dyads_and_links_to_them_and_their_actors() {
    let s = start().await;
    let dyads = s.json("/api/dyads?mode=all&limit=10000").await;
    let drawn: Vec<(String, String)> = dyads["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| {
            Some((
                d["key"].as_str()?.to_string(),
                d["target"].as_str()?.to_string(),
            ))
        })
        .filter(|(a, b)| a != b)
        .collect();
    assert!(!drawn.is_empty());
    let home = s.get("/?mode=all").await.text().await.unwrap();
    assert!(
        home.contains("href=\"/network?mode=all\""),
        "the overview links to the network with its filters"
    );
    let page = s.get("/network?mode=all&from=2024-05-01").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert_eq!(
        page.matches("class=\"edge\"").count(),
        drawn.len(),
        "one edge per dyad"
    );
    for (a, b) in &drawn {
        let href =
            format!("href=\"/dyad?source={a}&amp;target={b}&amp;mode=all&amp;from=2024-05-01\"");
        assert!(page.contains(&href), "no edge {href}");
        assert!(
            page.contains(&format!("href=\"/events?actor={a}&amp;mode=all")),
            "no node {a}"
        );
    }
    // Filters narrow it: only French sources.
    let fra = s
        .get("/network?mode=all&source=FRA*")
        .await
        .text()
        .await
        .unwrap();
    assert!(fra.matches("class=\"edge\"").count() < drawn.len());
    assert!(!fra.contains("source=CHN"));
    assert_eq!(
        s.get("/network?limit=0").await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_map_shades_the_countries_events_happened_in_and_links_to_their_events() {
    let s = start().await;
    let page = s.get("/map?mode=all").await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("<svg class=\"chart map\""));
    assert!(page.matches("<path").count() > 150, "country outlines");
    // Every country with located events is shaded and opens its events.
    let v = s.json("/api/events?mode=all&limit=10000").await;
    let mut countries: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["loc_country"].as_str())
        .collect();
    countries.sort();
    countries.dedup();
    assert!(!countries.is_empty(), "the stories name places");
    for c in &countries {
        assert!(
            page.contains(&format!(
                "<a class=\"country\" href=\"/events?location={c}&amp;mode=all\""
            )),
            "{c} not shaded"
        );
    }
    assert_eq!(
        page.matches("<a class=\"country\"").count(),
        countries.len()
    );
    let c = countries[0];
    let place = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["loc_country"] == c)
        .and_then(|e| e["location"].as_str())
        .unwrap();
    let there = s
        .get(&format!("/events?location={c}&mode=all"))
        .await
        .text()
        .await
        .unwrap();
    assert!(there.contains(place), "{c}: {place}");
    // Filters narrow it.
    let none = s
        .get("/map?from=1990-01-01&to=1990-12-31")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(none.matches("<a class=\"country\"").count(), 0);
    assert_eq!(none.matches("<a class=\"place\"").count(), 0);
    assert_eq!(s.get("/map?quad=7").await.status(), StatusCode::BAD_REQUEST);
    let long = "x".repeat(201);
    assert_eq!(
        s.bad(&format!("/api/events?location={long}")).await,
        "location"
    );
}

#[tokio::test]
async fn a_located_event_has_coordinates_in_api_places_and_a_circle_on_the_map() {
    let s = start_with(vec![Document {
        id: "kharkiv".into(),
        title: Some("Shelling".into()),
        url: None,
        published: Some("2024-03-04".parse().unwrap()),
        source: Some("Outlet K".into()),
        text: "Russian forces attacked Ukrainian troops near Kharkiv on Monday.".into(),
        language: Some("en".into()),
    }])
    .await;
    let places = s.json("/api/places").await;
    let items = places["items"].as_array().unwrap();
    let k = items
        .iter()
        .find(|p| p["key"] == "Kharkiv")
        .unwrap_or_else(|| panic!("no Kharkiv in {places}"));
    assert_eq!(k["country"], "UKR");
    let (lat, lon) = (k["lat"].as_f64().unwrap(), k["lon"].as_f64().unwrap());
    assert!((lat - 50.0).abs() < 0.5 && (lon - 36.25).abs() < 0.5, "{k}");
    assert!(k["events"].as_u64().unwrap() >= 1);
    // Filters apply: no Kharkiv among the places of events in France.
    let fra = s.json("/api/places?location=FRA").await;
    assert!(
        fra["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["country"] == "FRA")
    );
    // On the map: a circle at Kharkiv opening its events, Ukraine shaded.
    let page = s.get("/map").await.text().await.unwrap();
    let at = page
        .find("<a class=\"place\" href=\"/events?location=Kharkiv\"")
        .unwrap_or_else(|| panic!("no circle for Kharkiv"));
    let circle = &page[at..at + page[at..].find("</a>").unwrap()];
    assert!(circle.contains("<title>Kharkiv (UKR): "), "{circle}");
    let cx: f64 = circle
        .split("cx=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    let want = (lon + 180.0) / 360.0 * 960.0;
    assert!((cx - want).abs() < 0.2, "{cx} vs {want}");
    assert!(page.contains("<a class=\"country\" href=\"/events?location=UKR\""));
    let events = s
        .get("/events?location=Kharkiv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        events.contains("Kharkiv") && events.contains("RUSMIL"),
        "Kharkiv events"
    );
}

#[tokio::test]
async fn cached_totals_and_aggregates_follow_every_write_ours_or_another_process() {
    let s = start().await;
    let before = s.json("/health").await;
    let dyads = s.json("/api/dyads?mode=all&limit=500").await;
    let series = s.json("/api/series?mode=all&per=month").await;
    // Asked again, unchanged store: the same answers (from the cache).
    assert_eq!(s.json("/health").await, before);
    assert_eq!(s.json("/api/dyads?mode=all&limit=500").await, dyads);
    let has_dyad = |v: &Value, src: &str, tgt: &str| {
        v["items"].as_array().unwrap().iter().any(|d| {
            d["key"].as_str().is_some_and(|k| k.starts_with(src))
                && d["target"].as_str().is_some_and(|t| t.starts_with(tgt))
        })
    };
    assert!(!has_dyad(&dyads, "IRN", "ISR"));
    let n_events = |v: Value| v["items"].as_array().unwrap().len();
    let listed = n_events(s.json("/api/events?mode=all&limit=10000").await);
    // A write through the API.
    let r = s
        .http
        .post(s.url("/api/documents"))
        .bearer_auth(TOKEN)
        .body("{\"id\": \"new-1\", \"text\": \"Iranian officials accused Israel of sabotage.\", \"published\": \"2024-07-01\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let after = s.json("/health").await;
    assert_eq!(
        after["documents"],
        before["documents"].as_u64().unwrap() + 1
    );
    assert!(after["mentions"].as_u64() > before["mentions"].as_u64());
    assert!(has_dyad(
        &s.json("/api/dyads?mode=all&limit=500").await,
        "IRN",
        "ISR"
    ));
    assert_ne!(s.json("/api/series?mode=all&per=month").await, series);
    let listed_after = n_events(s.json("/api/events?mode=all&limit=10000").await);
    assert!(
        listed_after > listed,
        "{listed_after} events listed, {listed} before"
    );
    // A write by another process (here another connection, as `dyad ingest` would).
    {
        let c = common::coder();
        let mut store = dyad_store::Store::open(s.store(), dyad_store::Access::Write).unwrap();
        let mut a = dyad_core::pipeline::Analysis::default();
        let d = dyad_core::Document {
            id: "other-process".into(),
            title: None,
            url: None,
            published: Some("2024-08-01".parse().unwrap()),
            source: None,
            text: "Turkish troops attacked Syrian forces near the border.".into(),
            language: Some("en".into()),
        };
        let coded = dyad_store::code_document(&c.pipeline, d, &mut a, &c.dict_hash);
        store
            .write(&[coded], dyad_store::WriteMode::Ingest)
            .unwrap();
    }
    let later = s.json("/health").await;
    assert_eq!(later["documents"], after["documents"].as_u64().unwrap() + 1);
    assert!(has_dyad(
        &s.json("/api/dyads?mode=all&limit=500").await,
        "TUR",
        "SYR"
    ));
    assert!(n_events(s.json("/api/events?mode=all&limit=10000").await) > listed_after);
    let home = s.get("/?mode=all").await.text().await.unwrap();
    assert!(home.contains(&format!("{} documents", later["documents"])));
}
