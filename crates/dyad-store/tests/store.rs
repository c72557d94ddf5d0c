//! The store on stories of our own: merging across outlets, idempotency,
//! replacement, filters, paging, aggregates and the merge rule.

use dyad_core::Document;
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_store::{
    Access, CodedDocument, Filter, GroupBy, MergeRule, ModeSelection, Page, Period, Store,
    StoreError, WriteMode, code_document,
};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("the built-in dictionaries compile"))
}

fn doc(id: &str, outlet: &str, published: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        title: None,
        url: None,
        published: Some(published.parse().unwrap()),
        source: Some(outlet.into()),
        text: text.into(),
        language: Some("en".into()),
    }
}

const A: &str = "The French government sharply condemned the German government on Friday over \
                 the new border checks.";
const B: &str = "Berlin faced criticism. The French government condemned the German government \
                 on Friday, officials said. Russia may threaten Poland.";

fn coded(docs: Vec<Document>) -> Vec<CodedDocument> {
    let mut a = Analysis::default();
    docs.into_iter()
        .map(|d| code_document(pipeline(), d, &mut a, "test-dicts"))
        .collect()
}

fn two_stories() -> Vec<CodedDocument> {
    coded(vec![
        doc("a1", "Outlet A", "2024-05-03", A),
        doc("b1", "Outlet B", "2024-05-03", B),
    ])
}

fn fra_deu() -> Filter {
    Filter {
        sources: vec!["FRA*".into()],
        targets: vec!["DEU*".into()],
        ..Filter::default()
    }
}

#[test]
fn two_outlets_reporting_one_event_give_one_event_with_two_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    let report = store.write(&two_stories(), WriteMode::Ingest).unwrap();
    assert_eq!(report.new, 2);
    let page = store.events(&fra_deu(), &Page::default()).unwrap();
    assert_eq!(page.items.len(), 1, "{:#?}", page.items);
    let e = &page.items[0];
    assert_eq!(
        (e.source.as_str(), e.target.as_deref()),
        ("FRAGOV", Some("DEUGOV"))
    );
    assert_eq!((e.mentions, e.sources, e.articles), (2, 2, 2));
    assert_eq!(e.cameo, "111");
    assert_eq!(e.date.as_deref(), Some("2024-05-03"));
    assert_eq!(e.first_mention, "a1-0-0");
    let detail = store.event(e.id).unwrap().unwrap();
    let docs: Vec<&str> = detail.mentions.iter().map(|m| m.doc_id.as_str()).collect();
    assert_eq!(docs, ["a1", "b1"]);
    let m = &detail.mentions[1];
    assert_eq!(m.trigger.text.as_deref(), Some("condemned"));
    assert_eq!(
        m.source_span.as_ref().unwrap().text.as_deref(),
        Some("French government")
    );
    assert!(
        m.sentence_text
            .starts_with("The French government condemned")
    );
}

#[test]
fn the_same_input_in_any_order_gives_the_same_ids() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = Store::open(dir.path().join("1.db"), Access::Write).unwrap();
    let mut two = Store::open(dir.path().join("2.db"), Access::Write).unwrap();
    let docs = two_stories();
    one.write(&docs, WriteMode::Ingest).unwrap();
    two.write(&docs[1..], WriteMode::Ingest).unwrap();
    two.write(&docs[..1], WriteMode::Ingest).unwrap();
    let all = Filter {
        modes: ModeSelection::All,
        ..Filter::default()
    };
    let a = one.events(&all, &Page::default()).unwrap().items;
    let b = two.events(&all, &Page::default()).unwrap().items;
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn ingesting_twice_adds_nothing_and_a_changed_document_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    store.write(&two_stories(), WriteMode::Ingest).unwrap();
    let before = store.totals().unwrap();
    let again = store.write(&two_stories(), WriteMode::Ingest).unwrap();
    assert_eq!((again.new, again.unchanged, again.replaced), (0, 2, 0));
    assert_eq!(store.totals().unwrap(), before);

    // Story b1 is corrected: the condemnation is gone, a new sentence is there.
    let changed = coded(vec![doc(
        "b1",
        "Outlet B",
        "2024-05-03",
        "Berlin faced criticism. Russia may threaten Poland.",
    )]);
    let r = store.write(&changed, WriteMode::Ingest).unwrap();
    assert_eq!(r.replaced, 1);
    assert_eq!(r.by_root[&11].mentions_removed, 1);
    let e = &store.events(&fra_deu(), &Page::default()).unwrap().items[0];
    assert_eq!((e.mentions, e.sources, e.articles), (1, 1, 1));
    assert_eq!(store.totals().unwrap().mentions, before.mentions - 1);
    let fts = Filter {
        text: Some("officials said".into()),
        modes: ModeSelection::All,
        ..Filter::default()
    };
    assert!(
        store
            .mentions(&fts, &Page::default())
            .unwrap()
            .items
            .is_empty()
    );
    let doc = store.document("b1").unwrap().unwrap();
    assert!(doc.text.starts_with("Berlin faced criticism. Russia"));
    assert!(doc.mentions.iter().all(|m| m.doc_id == "b1"));
}

#[test]
fn filters_select_what_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    store.write(&two_stories(), WriteMode::Ingest).unwrap();
    let count = |f: Filter| store.events(&f, &Page::default()).unwrap().items.len();
    let all = Filter {
        modes: ModeSelection::All,
        ..Filter::default()
    };
    let total = count(all.clone());
    let hypothetical = Filter {
        modes: ModeSelection::Only(vec!["hypothetical".into()]),
        ..Filter::default()
    };
    // The hypothetical threat is stored but not shown by default.
    assert!(count(hypothetical.clone()) >= 1);
    assert!(count(Filter::default()) < total);
    assert_eq!(
        count(Filter {
            actors: vec!["POL".into()],
            ..hypothetical.clone()
        }),
        count(hypothetical.clone())
    );
    assert_eq!(
        count(Filter {
            actors: vec!["POL".into()],
            ..Filter::default()
        }),
        0
    );
    assert_eq!(
        count(Filter {
            cameo: vec!["11".into()],
            ..all.clone()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            cameo: vec!["111".into()],
            ..all.clone()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            quad: vec![3],
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            quad: vec![3],
            ..all.clone()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            countries: vec!["DEU".into()],
            cameo: vec!["11".into()],
            ..all.clone()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            countries: vec!["USA".into()],
            ..all.clone()
        }),
        0
    );
    assert_eq!(
        count(Filter {
            plover: vec!["ACCUSE".into()],
            ..all.clone()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            from: Some("2024-05-04".into()),
            ..all.clone()
        }),
        0
    );
    assert_eq!(
        count(Filter {
            to: Some("2024-05".into()),
            ..all.clone()
        }),
        total
    );
    assert_eq!(
        count(Filter {
            text: Some("border checks".into()),
            ..all.clone()
        }),
        1
    );
    let bad = store.events(
        &Filter {
            from: Some("yesterday".into()),
            ..Filter::default()
        },
        &Page::default(),
    );
    assert!(matches!(bad, Err(StoreError::Invalid(ref e)) if e.field == "from"));
    let bad = store.events(
        &Filter {
            sources: vec!["US A'; --".into()],
            ..Filter::default()
        },
        &Page::default(),
    );
    assert!(matches!(bad, Err(StoreError::Invalid(ref e)) if e.field == "source"));
}

#[test]
fn paging_with_the_cursor_visits_every_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    store.write(&two_stories(), WriteMode::Ingest).unwrap();
    let all = Filter {
        modes: ModeSelection::All,
        ..Filter::default()
    };
    let whole = store.events(&all, &Page::default()).unwrap().items;
    let mut seen = Vec::new();
    let mut page = Page {
        limit: 1,
        ..Page::default()
    };
    loop {
        let p = store.events(&all, &page).unwrap();
        seen.extend(p.items);
        match p.next {
            Some(n) => page.cursor = Some(n),
            None => break,
        }
    }
    assert_eq!(seen, whole);
}

#[test]
fn aggregates_count_events_mentions_and_goldstein() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    store.write(&two_stories(), WriteMode::Ingest).unwrap();
    let rows = store
        .aggregate(
            &Filter::default(),
            &[GroupBy::Source, GroupBy::Target],
            Some(Period::Month),
        )
        .unwrap();
    let fra = rows
        .iter()
        .find(|r| r.keys == [Some("FRAGOV".to_string()), Some("DEUGOV".to_string())])
        .unwrap();
    assert_eq!(fra.period.as_deref(), Some("2024-05"));
    assert_eq!((fra.events, fra.mentions, fra.quad), (1, 2, [0, 0, 1, 0]));
    assert_eq!(fra.goldstein_sum, -2.0);
    let events = store
        .events(&Filter::default(), &Page::default())
        .unwrap()
        .items;
    let total: u64 = rows.iter().map(|r| r.events).sum();
    assert_eq!(total as usize, events.len());
    // Either side: an event counts once for each of its actors.
    let by_actor = store
        .aggregate(&Filter::default(), &[GroupBy::Actor], None)
        .unwrap();
    let sides: u64 = by_actor.iter().map(|r| r.events).sum();
    assert!(sides >= total);
}

#[test]
fn changing_the_merge_rule_rebuilds_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path, Access::Write).unwrap();
    store.write(&two_stories(), WriteMode::Ingest).unwrap();
    assert!(store.set_merge_rule(MergeRule::None).unwrap());
    let page = store.events(&fra_deu(), &Page::default()).unwrap();
    assert_eq!(page.items.len(), 2);
    drop(store);
    let mut store = Store::open(&path, Access::Read).unwrap();
    assert_eq!(store.merge_rule(), MergeRule::None);
    assert!(store.set_merge_rule(MergeRule::Day).is_err(), "read-only");
}

#[test]
fn a_file_that_is_not_a_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    std::fs::write(&path, "not a database at all, just some text that is long enough ............................................................................").unwrap();
    assert!(matches!(
        Store::open(&path, Access::Write),
        Err(StoreError::NotAStore(_))
    ));
    assert!(matches!(
        Store::open(dir.path().join("none.db"), Access::Read),
        Err(StoreError::Missing(_))
    ));
}

#[test]
fn a_document_twice_in_one_batch_ends_as_its_last_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut twice = Store::open(dir.path().join("1.db"), Access::Write).unwrap();
    let mut once = Store::open(dir.path().join("2.db"), Access::Write).unwrap();
    let mut docs = two_stories();
    docs.extend(coded(vec![doc(
        "a1",
        "Outlet A",
        "2024-05-03",
        "Russia may threaten Poland. The French government condemned the German government.",
    )]));
    let r = twice.write(&docs, WriteMode::Ingest).unwrap();
    assert_eq!((r.new, r.replaced), (2, 1));
    once.write(&docs[1..], WriteMode::Ingest).unwrap();
    let all = Filter {
        modes: ModeSelection::All,
        ..Filter::default()
    };
    let a = twice.events(&all, &Page::default()).unwrap().items;
    let b = once.events(&all, &Page::default()).unwrap().items;
    assert_eq!(a, b);
    assert_eq!(twice.totals().unwrap(), once.totals().unwrap());
}

#[test]
fn mentions_filter_by_actor_and_date_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    store.write(&two_stories(), WriteMode::Ingest).unwrap();
    let count = |sources: &[&str], from: &str, to: &str| {
        let f = Filter {
            sources: sources.iter().map(|s| s.to_string()).collect(),
            from: Some(from.into()),
            to: Some(to.into()),
            modes: ModeSelection::All,
            ..Filter::default()
        };
        store.mentions(&f, &Page::default()).unwrap().items.len()
    };
    assert_eq!(count(&["FRAGOV"], "2024-05-03", "2024-05-03"), 2);
    assert_eq!(count(&["FRAGOV"], "2024-05-04", "2024-06"), 0);
    assert_eq!(count(&["FRAGOV"], "2024-04", "2024-05-02"), 0);
    assert_eq!(count(&["FRA*", "RUS"], "2024", "2024"), 3);
}

/// "The French government condemned the German government {place} on Friday."
fn condemned(id: &str, outlet: &str, place: &str) -> Document {
    let text = format!(
        "The French government condemned the German government {place}on Friday, officials said."
    );
    doc(id, outlet, "2024-05-03", &text)
}

fn fra_deu_event(store: &Store) -> dyad_store::EventRow {
    let page = store.events(&fra_deu(), &Page::default()).unwrap();
    assert_eq!(page.items.len(), 1, "{:#?}", page.items);
    page.items.into_iter().next().unwrap()
}

#[test]
fn mentions_and_events_keep_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    let docs = coded(vec![
        condemned("a", "Outlet A", "in Berlin "),
        condemned("b", "Outlet B", ""),
    ]);
    let berlin = docs[0].mentions[0]
        .location
        .clone()
        .expect("Berlin is found");
    assert_eq!(
        (berlin.name.as_str(), berlin.country.as_str()),
        ("Berlin", "DEU")
    );
    store.write(&docs, WriteMode::Ingest).unwrap();
    // A report without a place merges with one that has it: the place is not in the
    // merge key, and the event takes the place its mentions give.
    let e = fra_deu_event(&store);
    assert_eq!(e.mentions, 2);
    assert_eq!(e.location.as_deref(), Some("Berlin"));
    assert_eq!(e.loc_country.as_deref(), Some("DEU"));
    assert_eq!(e.loc_adm1.as_deref(), Some("Berlin"));
    assert_eq!(e.loc_precision.as_deref(), Some("city"));
    assert_eq!(e.loc_how.as_deref(), Some("clause"));
    // Berlin's GeoNames id where the build had the GeoNames wheel, else its key.
    let feature = if dyad_core::places::gazetteer_has_geonames() {
        "2950159"
    } else {
        "DE.Berlin.Berlin"
    };
    assert_eq!(e.loc_feature.as_deref(), Some(feature));
    assert_eq!(e.loc_lat, Some(berlin.lat));
    assert!((e.loc_lat.unwrap() - 52.52).abs() < 0.01, "{:?}", e.loc_lat);
    assert!((e.loc_lon.unwrap() - 13.41).abs() < 0.01, "{:?}", e.loc_lon);
    // Each mention keeps its own place.
    let detail = store.event(e.id).unwrap().unwrap();
    let places: Vec<(&str, Option<&str>)> = detail
        .mentions
        .iter()
        .map(|m| (m.doc_id.as_str(), m.location.as_deref()))
        .collect();
    assert_eq!(places, [("a", Some("Berlin")), ("b", None)]);
    assert_eq!(detail.mentions[0].loc_country.as_deref(), Some("DEU"));
    assert_eq!(detail.mentions[1].loc_lat, None);
}

#[test]
fn an_event_takes_the_most_precise_place_its_mentions_agree_on() {
    let stories = || {
        coded(vec![
            condemned("a", "Outlet A", "in Germany "),
            condemned("b", "Outlet B", "in Berlin "),
            condemned("c", "Outlet C", "in Munich "),
            condemned("d", "Outlet D", "in Munich "),
        ])
    };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("1.db"), Access::Write).unwrap();
    let docs = stories();
    // Germany alone, then Berlin: the city is more precise and lies in the country.
    store.write(&docs[..1], WriteMode::Ingest).unwrap();
    let e = fra_deu_event(&store);
    assert_eq!(
        (e.location.as_deref(), e.loc_precision.as_deref()),
        (Some("Germany"), Some("country"))
    );
    store.write(&docs[1..2], WriteMode::Ingest).unwrap();
    let e = fra_deu_event(&store);
    assert_eq!(e.location.as_deref(), Some("Berlin"));
    // Berlin and Munich disagree: Germany, which every report agrees with, wins.
    store.write(&docs[2..], WriteMode::Ingest).unwrap();
    let e = fra_deu_event(&store);
    assert_eq!(e.mentions, 4);
    assert_eq!(
        (e.location.as_deref(), e.loc_adm1.as_deref()),
        (Some("Germany"), None)
    );
    // The same stories in another order give the same event.
    let mut other = Store::open(dir.path().join("2.db"), Access::Write).unwrap();
    let mut docs = stories();
    docs.reverse();
    other.write(&docs, WriteMode::Ingest).unwrap();
    assert_eq!(fra_deu_event(&other), e);
    // Without the country: two reports of Munich outweigh one of Berlin.
    let mut third = Store::open(dir.path().join("3.db"), Access::Write).unwrap();
    third.write(&docs[..3], WriteMode::Ingest).unwrap();
    let e = fra_deu_event(&third);
    assert_eq!(
        (e.location.as_deref(), e.loc_adm1.as_deref()),
        (Some("Munich"), Some("Bavaria"))
    );
}

#[test]
fn location_filters_take_a_place_name_or_a_country_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("s.db"), Access::Write).unwrap();
    let mut docs = vec![condemned("a", "Outlet A", "in Berlin ")];
    docs.push(doc(
        "k",
        "Outlet K",
        "2024-05-03",
        "Russian forces attacked Ukrainian troops near Kharkiv on Friday.",
    ));
    store.write(&coded(docs), WriteMode::Ingest).unwrap();
    let count = |locations: &[&str], mentions: bool| {
        let f = Filter {
            locations: locations.iter().map(|s| s.to_string()).collect(),
            ..Filter::default()
        };
        if mentions {
            store.mentions(&f, &Page::default()).unwrap().items.len()
        } else {
            store.events(&f, &Page::default()).unwrap().items.len()
        }
    };
    let all = count(&[], false);
    assert!(all >= 2, "{all}");
    assert_eq!(count(&["Berlin"], false), 1);
    assert_eq!(count(&["berlin"], false), 1, "names ignore case");
    assert_eq!(count(&["DEU"], false), 1);
    assert_eq!(count(&["UKR"], false), 1);
    assert_eq!(count(&["DEU", "UKR"], false), 2, "alternatives");
    assert_eq!(
        count(&["FRA"], false),
        0,
        "the place's country, not an actor's"
    );
    assert_eq!(count(&["Ber"], false), 0, "whole names only");
    assert_eq!(count(&["Berlin"], true), 1);
    // With an actor filter too (the mentions' path through the events' index).
    let f = Filter {
        locations: vec!["DEU".into()],
        ..fra_deu()
    };
    assert_eq!(store.mentions(&f, &Page::default()).unwrap().items.len(), 1);
    let f = Filter {
        locations: vec!["UKR".into()],
        ..fra_deu()
    };
    assert_eq!(store.events(&f, &Page::default()).unwrap().items.len(), 0);
    assert!(
        store
            .events(
                &Filter {
                    locations: vec![" ".into()],
                    ..Filter::default()
                },
                &Page::default()
            )
            .is_err()
    );
    // Per place.
    let rows = store
        .aggregate(&Filter::default(), &[GroupBy::Location], None)
        .unwrap();
    let berlin = rows
        .iter()
        .find(|r| r.keys == [Some("Berlin".to_string())])
        .expect("a Berlin row");
    assert_eq!((berlin.events, berlin.mentions), (1, 1));
    let total: u64 = rows.iter().map(|r| r.events).sum();
    assert_eq!(total as usize, all);
    // Per place's country, and located places with their coordinates.
    let countries = store
        .aggregate(&Filter::default(), &[GroupBy::LocationCountry], None)
        .unwrap();
    let keys: Vec<Option<&str>> = countries.iter().map(|r| r.keys[0].as_deref()).collect();
    assert!(
        keys.contains(&Some("DEU")) && keys.contains(&Some("UKR")),
        "{keys:?}"
    );
    let located = store.located_places(&Filter::default(), 500).unwrap();
    let kharkiv = located
        .iter()
        .find(|p| p.location == "Kharkiv")
        .expect("Kharkiv located");
    assert_eq!(kharkiv.loc_country.as_deref(), Some("UKR"));
    let (lat, lon) = (kharkiv.lat.unwrap(), kharkiv.lon.unwrap());
    assert!(
        (lat - 50.0).abs() < 0.5 && (lon - 36.2).abs() < 0.5,
        "{lat},{lon}"
    );
    assert_eq!(located.iter().map(|p| p.events).sum::<u64>() as usize, all);
    // The same filters as the other aggregates, and the limit.
    let ukr = Filter {
        locations: vec!["UKR".into()],
        ..Filter::default()
    };
    let only = store.located_places(&ukr, 500).unwrap();
    assert!(only.iter().all(|p| p.loc_country.as_deref() == Some("UKR")) && !only.is_empty());
    assert_eq!(
        store.located_places(&Filter::default(), 1).unwrap().len(),
        1
    );
}

#[test]
fn a_store_from_before_places_gains_the_columns_and_recode_fills_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let docs = coded(vec![condemned("a", "Outlet A", "in Berlin ")]);
    {
        let mut store = Store::open(&path, Access::Write).unwrap();
        store.write(&docs, WriteMode::Ingest).unwrap();
        // Take the store back to schema 1: no place columns, no place indexes.
        let mut sql = String::from(
            "DROP INDEX events_location; DROP INDEX events_loc_country;
             UPDATE mentions SET location = NULL; UPDATE events SET location = NULL;",
        );
        for t in ["mentions", "events"] {
            for c in [
                "loc_country",
                "loc_adm1",
                "loc_lat",
                "loc_lon",
                "loc_feature",
                "loc_precision",
                "loc_how",
            ] {
                sql.push_str(&format!("ALTER TABLE {t} DROP COLUMN {c};"));
            }
        }
        sql.push_str("PRAGMA user_version = 1;");
        store.connection().execute_batch(&sql).unwrap();
    }
    assert!(
        Store::open(&path, Access::Read).is_err(),
        "reading needs the migration"
    );
    let mut store = Store::open(&path, Access::Write).unwrap();
    let e = fra_deu_event(&store);
    assert_eq!((e.location, e.loc_country), (None, None));
    // Every document is marked for re-coding, which fills the places in.
    assert_eq!(store.count_to_recode("test-dicts").unwrap(), 1);
    let report = store.write(&docs, WriteMode::Recode).unwrap();
    assert_eq!(report.recoded, 1);
    let after = fra_deu_event(&store);
    assert_eq!(after.id, e.id, "event ids do not change");
    assert_eq!(after.location.as_deref(), Some("Berlin"));
    assert_eq!(after.loc_country.as_deref(), Some("DEU"));
    assert_eq!(store.count_to_recode("test-dicts").unwrap(), 0);
}
