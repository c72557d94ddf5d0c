//! Each format's layout against the published one, and one event of our own checked
//! field by field in every format; the Parquet lake read back with the `parquet` crate.

use chrono::NaiveDate;
use dyad_formats::codes::integer_id;
use dyad_formats::{
    ActorRow, EventRow, GeoRow, LakeWriter, TextFormat, TextWriter, csv, gdelt, phoenix,
};
use parquet::basic::{Compression, Encoding, LogicalType};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use std::path::{Path, PathBuf};

const ADDED: &str = "20230322101500";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An event of our own: a text with a tab, a newline, a comma and quotes in it.
fn event() -> EventRow {
    EventRow {
        event_id: "story-7-2-5".into(),
        doc_id: "story-7".into(),
        sentence_index: 2,
        date: Some(day(2023, 3, 21)),
        date_end: Some(day(2023, 3, 21)),
        date_precision: Some("day".into()),
        date_text: Some("on Tuesday".into()),
        source: ActorRow {
            code: "RUSGOV".into(),
            country: Some("RUS".into()),
            text: Some("Russian\tPresident\nPutin".into()),
            start: Some(120),
            end: Some(143),
            home: None,
        },
        target: Some(ActorRow {
            code: "IGOUNOMIL".into(),
            country: None,
            text: Some("UN peacekeepers".into()),
            start: Some(160),
            end: Some(175),
            home: None,
        }),
        cameo_code: "0874".into(),
        cameo_name: "Retreat or surrender militarily".into(),
        goldstein: 10.0,
        quad_class: 2,
        plover_type: Some("RETREAT".into()),
        plover_mode: Some("withdraw".into()),
        mode: "asserted".into(),
        primary: true,
        quote: false,
        group: None,
        sentence: "He said, \"we \tleave\"\nnow.".into(),
        sentence_start: 100,
        sentence_end: 126,
        trigger: "leave".into(),
        trigger_start: 114,
        trigger_end: 119,
        rule: "verbs/08-yield.txt:12".into(),
        confidence: 0.85,
        url: Some("https://www.example.org/world/1".into()),
        news_source: Some("Example News".into()),
        published: Some(day(2023, 3, 22)),
        location: None,
        num_mentions: 1,
        num_sources: 1,
        num_articles: 1,
    }
}

fn lines(format: TextFormat, rows: &[EventRow]) -> String {
    let w = TextWriter::new(format, ADDED);
    let mut out = w.header();
    w.write_rows(rows, &mut out);
    String::from_utf8(out).unwrap()
}

fn tsv(format: TextFormat, row: &EventRow) -> Vec<String> {
    let text = lines(format, std::slice::from_ref(row));
    assert_eq!(
        text.matches('\n').count(),
        1,
        "one line per event: {text:?}"
    );
    text.trim_end_matches('\n')
        .split('\t')
        .map(str::to_string)
        .collect()
}

#[test]
fn layouts_follow_the_published_ones() {
    assert_eq!(gdelt::EVENT_COLUMNS.len(), 61);
    assert_eq!(
        &gdelt::EVENT_COLUMNS[..5],
        &["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    );
    assert_eq!(gdelt::EVENT_COLUMNS[5], "Actor1Code");
    assert_eq!(gdelt::EVENT_COLUMNS[15], "Actor2Code");
    assert_eq!(gdelt::EVENT_COLUMNS[25], "IsRootEvent");
    assert_eq!(gdelt::EVENT_COLUMNS[34], "AvgTone");
    assert_eq!(gdelt::EVENT_COLUMNS[35], "Actor1Geo_Type");
    assert_eq!(gdelt::EVENT_COLUMNS[43], "Actor2Geo_Type");
    assert_eq!(gdelt::EVENT_COLUMNS[51], "ActionGeo_Type");
    assert_eq!(&gdelt::EVENT_COLUMNS[59..], &["DATEADDED", "SOURCEURL"]);
    assert_eq!(gdelt::MENTION_COLUMNS.len(), 16);
    assert_eq!(gdelt::MENTION_COLUMNS[6], "SentenceID");
    assert_eq!(gdelt::MENTION_COLUMNS[15], "Extras");
    assert_eq!(phoenix::COLUMNS.len(), 26);
    assert_eq!(phoenix::COLUMNS[15], "PentaClass");
    assert_eq!(phoenix::COLUMNS[23], "SentenceID");
    // The lake has the CSV's columns, plus GDELT's integer id.
    let lake: Vec<&str> = dyad_formats::lake::COLUMNS.iter().map(|c| c.name).collect();
    let mut expected: Vec<&str> = csv::COLUMNS.to_vec();
    expected.insert(1, "global_event_id");
    assert_eq!(lake, expected);
}

#[test]
fn gdelt_event_field_by_field() {
    let c = tsv(TextFormat::Gdelt, &event());
    assert_eq!(c.len(), 61);
    assert_eq!(c[0], integer_id("story-7-2-5").to_string());
    assert!(c[0].parse::<i64>().unwrap() > 0);
    assert_eq!(&c[1..5], &["20230321", "202303", "2023", "2023.3041"]);
    // Actor 1: code, name (tab and newline made spaces), country, no group, no
    // ethnicity or religion, type GOV.
    assert_eq!(
        &c[5..15],
        &[
            "RUSGOV",
            "Russian President Putin",
            "RUS",
            "",
            "",
            "",
            "",
            "GOV",
            "",
            ""
        ]
    );
    // Actor 2: an IGO with a known group (UNO) and a second type (MIL).
    assert_eq!(
        &c[15..25],
        &[
            "IGOUNOMIL",
            "UN peacekeepers",
            "",
            "UNO",
            "",
            "",
            "",
            "IGO",
            "MIL",
            ""
        ]
    );
    assert_eq!(c[25], "0", "not the first sentence");
    assert_eq!(&c[26..30], &["0874", "087", "08", "2"]);
    assert_eq!(c[30].parse::<f32>().unwrap(), 10.0);
    assert_eq!(&c[31..34], &["1", "1", "1"]);
    assert_eq!(c[34], "", "no tone");
    assert!(
        c[35..59].iter().all(String::is_empty),
        "no place, no homes: empty Geo columns"
    );
    assert_eq!(c[59], ADDED);
    assert_eq!(c[60], "https://www.example.org/world/1");
}

/// The event of our own, located in Houston, with its source's home.
fn located() -> EventRow {
    let mut e = event();
    e.location = Some(Box::new(GeoRow::new(
        "Houston",
        "USA",
        Some("Texas"),
        29.7633,
        -95.3633,
        Some("US.Texas.Houston"),
        "city",
    )));
    e.source.home = GeoRow::home_of(&e.source.code).map(Box::new);
    if let Some(t) = e.target.as_mut() {
        t.home = GeoRow::home_of(&t.code).map(Box::new);
    }
    e
}

#[test]
fn gdelt_geo_columns_fill_from_the_location_and_the_homes() {
    let e = located();
    assert!(
        e.target.as_ref().unwrap().home.is_none(),
        "an IGO has no home"
    );
    let c = tsv(TextFormat::Gdelt, &e);
    assert_eq!(c.len(), 61);
    // Actor1Geo: Russia, the source's home; a country is type 1, FIPS RS.
    assert_eq!(&c[35..40], &["1", "Russia", "RS", "RS", ""]);
    assert!(c[40].parse::<f64>().is_ok() && c[41].parse::<f64>().is_ok());
    assert_eq!(c[42], "RS");
    // Actor2Geo: none for the UN.
    assert!(c[43..51].iter().all(String::is_empty));
    // ActionGeo: a US city is type 3, ADM1 US + the state's code.
    assert_eq!(
        &c[51..59],
        &[
            "3",
            "Houston, Texas, United States",
            "US",
            "USTX",
            "",
            "29.7633",
            "-95.3633",
            "US.Texas.Houston"
        ]
    );
    assert_eq!(c[59], ADDED);
    // A city outside the US is type 4; its division has no code dyad knows, so the
    // ADM1 code is the country's alone.
    let mut e = event();
    e.location = Some(Box::new(GeoRow::new(
        "Nairobi",
        "KEN",
        Some("Nairobi Area"),
        -1.28333,
        36.81667,
        Some("KE.Nairobi Area.Nairobi"),
        "city",
    )));
    let c = tsv(TextFormat::Gdelt, &e);
    assert_eq!(
        &c[51..59],
        &[
            "4",
            "Nairobi, Nairobi Area, Kenya",
            "KE",
            "KE",
            "",
            "-1.2833",
            "36.8167",
            "KE.Nairobi Area.Nairobi"
        ]
    );
    // A US state is type 2, a division elsewhere type 5.
    let state = GeoRow::new("Texas", "USA", Some("Texas"), 31.0, -100.0, None, "adm1");
    e.location = Some(Box::new(state));
    let c = tsv(TextFormat::Gdelt, &e);
    assert_eq!(&c[51..55], &["2", "Texas, United States", "US", "USTX"]);
    let oblast = GeoRow::new("Kharkiv", "UKR", Some("Kharkiv"), 49.5, 36.5, None, "adm1");
    e.location = Some(Box::new(oblast));
    let c = tsv(TextFormat::Gdelt, &e);
    assert_eq!(&c[51..55], &["5", "Kharkiv, Ukraine", "UP", "UP"]);
}

#[test]
fn phoenix_csv_plover_and_parquet_carry_the_location() {
    let e = located();
    let p = tsv(TextFormat::Phoenix, &e);
    assert_eq!(
        &p[18..23],
        &["29.76330", "-95.36330", "Houston", "Texas", "USA"]
    );

    let text = lines(TextFormat::Csv, std::slice::from_ref(&e));
    let mut r = ::csv::Reader::from_reader(text.as_bytes());
    let row = r.records().next().unwrap().unwrap();
    let get = |name: &str| row[csv::COLUMNS.iter().position(|c| *c == name).unwrap()].to_string();
    assert_eq!(get("location_name"), "Houston");
    assert_eq!(get("location_country"), "USA");
    assert_eq!(get("location_adm1"), "Texas");
    assert_eq!(get("location_lat"), "29.7633");
    assert_eq!(get("location_lon"), "-95.3633");
    assert_eq!(get("location_feature_id"), "US.Texas.Houston");
    assert_eq!(get("location_precision"), "city");

    let v: serde_json::Value =
        serde_json::from_str(lines(TextFormat::Plover, std::slice::from_ref(&e)).trim_end())
            .unwrap();
    let loc = &v["event_loc"];
    assert_eq!(loc["name"], "Houston");
    assert_eq!(loc["cc3"], "USA");
    assert_eq!(loc["admin1 code"], "TX");
    assert_eq!(loc["admin1 name"], "Texas");
    assert_eq!(loc["latitude"], 29.7633);
    assert_eq!(loc["longitude"], -95.3633);
    assert_eq!(loc["geonameid"], "US.Texas.Houston");
    assert_eq!(loc["precision"], "city");
    assert_eq!(v["source"][0]["actor_loc"]["name"], "Russia");
    assert_eq!(v["source"][0]["actor_loc"]["cc3"], "RUS");
    assert_eq!(v["source"][0]["actor_loc"]["precision"], "country");
    assert!(v["recipient"][0].get("actor_loc").is_none());

    let dir = tempfile::tempdir().unwrap();
    let mut lake = LakeWriter::new(dir.path()).unwrap();
    lake.write(e).unwrap();
    lake.finish().unwrap();
    let files = parts(dir.path());
    let rows = read_rows(&files[0]);
    let row = &rows[0];
    let s = |name: &str| match field(row, name) {
        Field::Str(s) => s.clone(),
        f => panic!("{name}: {f:?}"),
    };
    let d = |name: &str| match field(row, name) {
        Field::Double(x) => *x,
        f => panic!("{name}: {f:?}"),
    };
    assert_eq!(s("location_name"), "Houston");
    assert_eq!(s("location_country"), "USA");
    assert_eq!(s("location_adm1"), "Texas");
    assert_eq!(s("location_feature_id"), "US.Texas.Houston");
    assert_eq!(s("location_precision"), "city");
    assert_eq!((d("location_lat"), d("location_lon")), (29.7633, -95.3633));
}

#[test]
fn gdelt_mention_field_by_field() {
    let c = tsv(TextFormat::GdeltMentions, &event());
    assert_eq!(c.len(), 16);
    assert_eq!(c[0], integer_id("story-7-2-5").to_string());
    assert_eq!(&c[1..4], &[ADDED, ADDED, "1"]);
    assert_eq!(c[4], "example.org");
    assert_eq!(c[5], "https://www.example.org/world/1");
    assert_eq!(c[6], "3", "GDELT counts sentences from 1");
    assert_eq!(&c[7..10], &["120", "160", "114"]);
    assert_eq!(c[11], "85");
    // Without a URL: a citation-only mention identified by the document id, and a
    // missing actor 2 at offset -1.
    let mut e = event();
    e.url = None;
    e.target = None;
    let c = tsv(TextFormat::GdeltMentions, &e);
    assert_eq!(&c[3..6], &["2", "Example News", "story-7"]);
    assert_eq!(c[8], "-1");
}

#[test]
fn phoenix_field_by_field() {
    let c = tsv(TextFormat::Phoenix, &event());
    assert_eq!(c.len(), 26);
    assert_eq!(c[0], integer_id("story-7-2-5").to_string());
    assert_eq!(&c[1..5], &["20230321", "2023", "03", "21"]);
    assert_eq!(&c[5..9], &["RUSGOV", "RUS", "GOV", ""]);
    assert_eq!(&c[9..13], &["IGOUNOMIL", "IGO", "", "UNO;MIL"]);
    assert_eq!(&c[13..16], &["0874", "08", "2"]);
    assert_eq!(c[16].parse::<f32>().unwrap(), 10.0);
    assert!(c[17..23].iter().all(String::is_empty));
    assert_eq!(
        &c[23..],
        &[
            "story-7_2",
            "https://www.example.org/world/1",
            "Example News"
        ]
    );
}

#[test]
fn plover_record_field_by_field() {
    let text = lines(TextFormat::Plover, &[event()]);
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    assert_eq!(v["id"], "story-7-2-5");
    assert_eq!(v["date"], "2023-03-21");
    assert!(
        v.get("enddate").is_none(),
        "a one-day event has no end date"
    );
    assert_eq!(v["event"], serde_json::json!(["RETREAT"]));
    assert_eq!(v["mode"], serde_json::json!(["withdraw"]));
    assert_eq!(v["context"], serde_json::json!([]));
    assert_eq!(v["quad_code"], 2);
    assert_eq!(v["event_scale"], 10.0);
    assert_eq!(v["source"][0]["code"], "RUS");
    assert_eq!(v["source"][0]["sector"], "GOV");
    assert_eq!(v["source"][0]["actor_text"], "Russian\tPresident\nPutin");
    assert_eq!(v["recipient"][0]["code"], "IGO");
    assert_eq!(v["recipient"][0]["sector"], "UNOMIL");
    assert_eq!(v["text"], "He said, \"we \tleave\"\nnow.");
    assert_eq!(v["text_info"]["sequence"], 2);
    assert_eq!(v["text_info"]["start"], 100);
    assert_eq!(v["cite_info"]["url"], "https://www.example.org/world/1");
    assert_eq!(v["event_loc"], serde_json::Value::Null);
}

#[test]
fn csv_round_trips_quotes_commas_tabs_and_newlines() {
    let mut second = event();
    second.event_id = "story-7-3-0".into();
    second.target = None;
    second.date = None;
    let text = lines(TextFormat::Csv, &[event(), second]);
    let mut r = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, csv::COLUMNS);
    let rows: Vec<::csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let get = |row: &::csv::StringRecord, name: &str| {
        let i = csv::COLUMNS.iter().position(|c| *c == name).unwrap();
        row[i].to_string()
    };
    let a = &rows[0];
    assert_eq!(a.len(), csv::COLUMNS.len());
    assert_eq!(get(a, "sentence"), "He said, \"we \tleave\"\nnow.");
    assert_eq!(get(a, "source_text"), "Russian\tPresident\nPutin");
    assert_eq!(get(a, "date"), "2023-03-21");
    assert_eq!(get(a, "source_code"), "RUSGOV");
    assert_eq!(get(a, "target_code"), "IGOUNOMIL");
    assert_eq!(get(a, "cameo_root"), "08");
    assert_eq!(get(a, "goldstein").parse::<f32>().unwrap(), 10.0);
    assert_eq!(get(a, "trigger_start"), "114");
    assert_eq!(get(a, "rule"), "verbs/08-yield.txt:12");
    assert_eq!(get(a, "is_primary"), "true");
    assert_eq!(get(a, "location_name"), "");
    let b = &rows[1];
    assert_eq!(get(b, "target_code"), "");
    assert_eq!(get(b, "date"), "");
    // RFC 4180: the quoted field doubles its quotes.
    assert!(text.contains("\"He said, \"\"we \tleave\"\"\nnow.\""));
}

fn parts(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn read_rows(path: &Path) -> Vec<Vec<(String, Field)>> {
    let reader = SerializedFileReader::try_from(path).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| {
            r.unwrap()
                .get_column_iter()
                .map(|(n, f)| (n.clone(), f.clone()))
                .collect()
        })
        .collect()
}

fn field<'a>(row: &'a [(String, Field)], name: &str) -> &'a Field {
    &row.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn lake_is_partitioned_typed_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut april = event();
    april.event_id = "story-8-0-0".into();
    april.date = Some(day(2023, 4, 2));
    april.target = None;
    let mut undated = event();
    undated.event_id = "story-9-0-0".into();
    undated.date = None;
    // March has enough events for a compressed part; April and the undated one are
    // small parts, written uncompressed.
    let march: Vec<EventRow> = (0..dyad_formats::lake::SMALL_PART_ROWS)
        .map(|i| {
            let mut e = event();
            if i > 0 {
                e.event_id = format!("story-7-2-{}", i + 5);
            }
            e
        })
        .collect();
    let mut lake = LakeWriter::new(dir.path()).unwrap();
    lake.write(march[0].clone()).unwrap();
    lake.write_all([april, undated]).unwrap();
    lake.write_all(march[1..].iter().cloned()).unwrap();
    let summary = lake.finish().unwrap();
    assert_eq!(summary.rows, 2 + march.len() as u64);
    let files = parts(dir.path());
    assert_eq!(files.len(), 3, "{files:?}");
    assert_eq!(summary.files.len(), 3);
    for f in &files {
        let rel = f
            .strip_prefix(dir.path())
            .unwrap()
            .to_string_lossy()
            .to_string();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            name.starts_with("part-") && name.ends_with(".parquet"),
            "{rel}"
        );
        let id = &name["part-".len()..name.len() - ".parquet".len()];
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{rel}");
        assert!(
            rel.starts_with("year=2023/month=03/")
                || rel.starts_with("year=2023/month=04/")
                || rel.starts_with("year=__HIVE_DEFAULT_PARTITION__/"),
            "{rel}"
        );
    }
    let march_file = files
        .iter()
        .find(|f| f.to_string_lossy().contains("month=03"))
        .unwrap();
    // Metadata: zstd, dictionary-encoded strings, DATE-typed dates.
    let reader = SerializedFileReader::try_from(march_file.as_path()).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows(), march.len() as i64);
    let schema = meta.file_metadata().schema_descr();
    let idx = |name: &str| (0..schema.num_columns()).find(|&i| schema.column(i).name() == name);
    let date = schema.column(idx("date").unwrap());
    assert_eq!(date.logical_type_ref(), Some(&LogicalType::Date));
    let rg = meta.row_group(0);
    let code = rg.column(idx("cameo_code").unwrap());
    // Text is zstd-compressed; a dictionary-encoded code is a byte or two a row, left
    // uncompressed.
    let sentence = rg.column(idx("sentence").unwrap());
    assert!(matches!(sentence.compression(), Compression::ZSTD(_)));
    assert_eq!(code.compression(), Compression::UNCOMPRESSED);
    assert!(
        code.encodings()
            .any(|e| e == Encoding::RLE_DICTIONARY || e == Encoding::PLAIN_DICTIONARY),
        "{:?}",
        code.encodings().collect::<Vec<_>>()
    );
    // Values, field by field.
    let rows = read_rows(march_file);
    assert_eq!(rows.len(), march.len());
    assert_eq!(
        field(&rows[1], "event_id"),
        &Field::Str("story-7-2-6".into())
    );
    let r = &rows[0];
    let epoch_days = (day(2023, 3, 21) - day(1970, 1, 1)).num_days() as i32;
    assert_eq!(field(r, "date"), &Field::Date(epoch_days));
    assert_eq!(field(r, "event_id"), &Field::Str("story-7-2-5".into()));
    assert_eq!(
        field(r, "global_event_id"),
        &Field::Long(integer_id("story-7-2-5"))
    );
    assert_eq!(field(r, "source_code"), &Field::Str("RUSGOV".into()));
    assert_eq!(field(r, "target_code"), &Field::Str("IGOUNOMIL".into()));
    assert_eq!(field(r, "source_start"), &Field::Long(120));
    assert_eq!(field(r, "trigger_end"), &Field::Long(119));
    assert_eq!(field(r, "goldstein"), &Field::Float(10.0));
    assert_eq!(field(r, "quad_class"), &Field::Int(2));
    assert_eq!(field(r, "is_primary"), &Field::Bool(true));
    assert_eq!(field(r, "compound_group"), &Field::Null);
    assert_eq!(field(r, "location_lat"), &Field::Null);
    assert_eq!(
        field(r, "sentence"),
        &Field::Str("He said, \"we \tleave\"\nnow.".into())
    );
    let april = files
        .iter()
        .find(|f| f.to_string_lossy().contains("month=04"))
        .unwrap();
    let small = SerializedFileReader::try_from(april.as_path()).unwrap();
    assert_eq!(
        small.metadata().row_group(0).column(0).compression(),
        Compression::UNCOMPRESSED
    );
    let rows = read_rows(april);
    assert_eq!(field(&rows[0], "target_code"), &Field::Null);
    assert_eq!(field(&rows[0], "target_start"), &Field::Null);
}

#[test]
fn a_second_run_adds_parts_and_keeps_the_old_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut lake = LakeWriter::new(dir.path()).unwrap();
    lake.write(event()).unwrap();
    lake.finish().unwrap();
    let first = parts(dir.path());
    let bytes = std::fs::read(&first[0]).unwrap();
    let mut lake = LakeWriter::new(dir.path()).unwrap();
    lake.write(event()).unwrap();
    lake.finish().unwrap();
    let second = parts(dir.path());
    assert_eq!(second.len(), 2);
    assert!(second.contains(&first[0]));
    assert_eq!(
        std::fs::read(&first[0]).unwrap(),
        bytes,
        "old part untouched"
    );
    // Nothing left under a temporary name.
    assert!(second.iter().all(|p| p.extension().unwrap() == "parquet"));
}

#[test]
fn an_unfinished_lake_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut lake = LakeWriter::new(dir.path()).unwrap();
    lake.write(event()).unwrap();
    drop(lake);
    assert!(parts(dir.path()).is_empty(), "{:?}", parts(dir.path()));
}

#[test]
fn write_all_streams_rows_with_the_header_once() {
    let w = TextWriter::new(TextFormat::Csv, ADDED);
    let mut out = Vec::new();
    let n = w
        .write_all(vec![event(), event(), event()], &mut out)
        .unwrap();
    assert_eq!(n, 3);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("event_id,doc_id").count(), 1);
    let mut r = ::csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.records().count(), 3);
}

#[test]
fn rows_written_in_batches_keep_their_values_and_nulls_aligned() {
    // More rows than one encoder call takes, with nulls at a stride, so that every
    // batch holds a different number of values of the optional columns.
    let n = 3 * 4096 + 17;
    let rows: Vec<EventRow> = (0..n)
        .map(|i: usize| {
            let mut e = event();
            e.event_id = format!("story-{i}-0-0");
            if i.is_multiple_of(3) {
                e.target = None;
            } else if let Some(t) = e.target.as_mut() {
                t.text = Some(format!("target {i}"));
                t.start = Some(i as u32);
            }
            if i.is_multiple_of(7) {
                e.date_text = None;
            }
            e
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut lake = LakeWriter::new(dir.path()).unwrap();
    lake.write_all(rows).unwrap();
    lake.finish().unwrap();
    let files = parts(dir.path());
    assert_eq!(files.len(), 1);
    let back = read_rows(&files[0]);
    assert_eq!(back.len(), n);
    for row in &back {
        let Field::Str(id) = field(row, "event_id") else {
            panic!("event_id")
        };
        let i: usize = id["story-".len()..id.len() - 4].parse().unwrap();
        match (
            i.is_multiple_of(3),
            field(row, "target_text"),
            field(row, "target_start"),
        ) {
            (true, Field::Null, Field::Null) => {}
            (false, Field::Str(t), Field::Long(s)) => {
                assert_eq!(t, &format!("target {i}"));
                assert_eq!(*s, i as i64);
            }
            other => panic!("row {i}: {other:?}"),
        }
        match (i.is_multiple_of(7), field(row, "date_text")) {
            (true, Field::Null) => {}
            (false, Field::Str(t)) => assert_eq!(t, "on Tuesday"),
            other => panic!("row {i}: {other:?}"),
        }
    }
}
