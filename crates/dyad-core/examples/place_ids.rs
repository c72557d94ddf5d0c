//! Counts how the dictionaries' place names resolve in the gazetteer, and how many of
//! them carry a GeoNames id and a population (a development aid for
//! docs/geolocation.md): `cargo run -p dyad-core --example place_ids`.
use dyad_core::places::{FeatureKind, gazetteer, resolve_dictionary_name};

fn main() {
    let g = gazetteer();
    let files = dyad_core::dict::builtin_files();
    let dicts = dyad_core::dict::Dictionaries::parse(&files).expect("valid dictionaries");
    let (mut names, mut resolved, mut towns, mut with_id, mut with_population) = (0, 0, 0, 0, 0);
    for p in &dicts.places {
        if g.country_by_code(p.country.as_str()).is_none() {
            continue;
        }
        names += 1;
        let Some(f) = resolve_dictionary_name(g, &p.name.text, p.country.as_str()) else {
            continue;
        };
        resolved += 1;
        let info = g.info(f);
        towns += usize::from(f.kind == FeatureKind::Town);
        with_id += usize::from(info.geonames_id != 0);
        with_population += usize::from(info.population != 0);
    }
    let (c, a, t) = g.len();
    println!(
        "gazetteer: {c} countries, {a} divisions, {t} towns, {} towns with a GeoNames id \
         (GeoNames data: {})",
        g.towns_with_ids(),
        g.has_geonames()
    );
    println!(
        "dictionary place names: {names}; resolved {resolved} ({towns} to towns); \
         with a GeoNames id {with_id}; with a population {with_population}"
    );
}
