//! Place columns: GDELT's eight `Geo` columns and Phoenix's five location columns, from
//! a [`GeoRow`]; and the [`GeoRow`]s of `dyad code`'s location records and of actor
//! codes' home countries.

use crate::codes::iso3_to_fips;
use crate::row::{GeoPrecision, GeoRow};
use dyad_core::output::LocationRecord;

/// The US states (and the District of Columbia) by name, with their postal codes:
/// GDELT's ADM1 code of a US state is `US` and this code (`USTX`).
const US_STATES: [(&str, &str); 51] = [
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("District of Columbia", "DC"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
];

/// The postal code of a US state by name (`Texas` -> `TX`).
pub fn us_state_code(name: &str) -> Option<&'static str> {
    US_STATES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, c)| *c)
}

/// The precision of `city`, `adm1` or `country` (the store's and `dyad code`'s words).
pub fn precision_of(word: &str) -> GeoPrecision {
    match word {
        "city" | "place" => GeoPrecision::Place,
        "adm1" => GeoPrecision::Adm1,
        _ => GeoPrecision::Country,
    }
}

impl GeoRow {
    /// A place from its parts as `dyad code` and the store give them: name, ISO3
    /// country, first-level division's name, coordinates, gazetteer key and precision
    /// word (`city`, `adm1`, `country`).
    pub fn new(
        name: &str,
        country: &str,
        adm1_name: Option<&str>,
        lat: f64,
        lon: f64,
        feature_id: Option<&str>,
        precision: &str,
    ) -> GeoRow {
        let precision = precision_of(precision);
        let us = country == "USA";
        GeoRow {
            name: name.to_string(),
            country: (!country.is_empty()).then(|| country.to_string()),
            adm1: adm1_name
                .filter(|_| us && precision != GeoPrecision::Country)
                .and_then(us_state_code)
                .map(str::to_string),
            adm1_name: adm1_name.map(str::to_string),
            lat: Some(lat),
            lon: Some(lon),
            feature_id: feature_id.filter(|f| !f.is_empty()).map(str::to_string),
            precision,
        }
    }

    /// The place of `dyad code`'s location record (an event's `location` or an actor's
    /// `home`).
    pub fn from_record(l: &LocationRecord) -> GeoRow {
        // Four decimals, as `dyad code` prints them.
        let round = |x: f32| ((x as f64) * 1e4).round() / 1e4;
        GeoRow::new(
            l.name,
            l.country,
            l.adm1,
            round(l.lat),
            round(l.lon),
            Some(&l.feature_id),
            l.precision,
        )
    }

    /// The home of an actor code: its country's place (what `dyad code` prints as the
    /// actor's `home`), none for codes without a country (`IGO...`, `---`).
    pub fn home_of(code: &str) -> Option<GeoRow> {
        use dyad_core::places::{Feature, FeatureKind, gazetteer};
        let c = gazetteer().country_by_code(code.get(..3)?)?;
        let feature = Feature {
            kind: FeatureKind::Country,
            index: c as u32,
        };
        Some(GeoRow::from_record(&dyad_core::output::location_record(
            feature, "home",
        )))
    }

    /// GDELT's FullName: the place, its first-level division and its country, comma
    /// separated (`Houston, Texas, United States`), as far as dyad knows them.
    pub fn full_name(&self) -> String {
        let country = self.country.as_deref().and_then(country_name);
        let mut parts: Vec<&str> = vec![&self.name];
        if self.precision == GeoPrecision::Place
            && let Some(a) = self.adm1_name.as_deref()
            && a != self.name
        {
            parts.push(a);
        }
        if self.precision != GeoPrecision::Country
            && let Some(c) = country
        {
            parts.push(c);
        }
        parts.join(", ")
    }
}

/// The gazetteer's name of a country by its ISO3 code.
fn country_name(iso3: &str) -> Option<&'static str> {
    let g = dyad_core::places::gazetteer();
    g.country_by_code(iso3).map(|i| g.country(i).2)
}

/// GDELT's `Geo_Type`: 1 country, 2 US state, 3 US city or landmark, 4 world city or
/// landmark, 5 world state (ADM1).
pub fn gdelt_geo_type(g: &GeoRow) -> u8 {
    let us = g.country.as_deref() == Some("USA");
    match (g.precision, us) {
        (GeoPrecision::Country, _) => 1,
        (GeoPrecision::Adm1, true) => 2,
        (GeoPrecision::Place, true) => 3,
        (GeoPrecision::Place, false) => 4,
        (GeoPrecision::Adm1, false) => 5,
    }
}

/// GDELT's eight Geo columns (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat,
/// Long, FeatureID), all empty without a place.
pub fn gdelt_geo_columns(g: Option<&GeoRow>) -> [String; 8] {
    let Some(g) = g else {
        return Default::default();
    };
    let fips = g.country.as_deref().and_then(iso3_to_fips).unwrap_or("");
    // GDELT's ADM1 code is the FIPS country code followed by the division's code
    // (`USTX`); a country-level place repeats the country code, and so does a place
    // whose division has no code dyad knows (GDELT writes the country code alone when
    // it cannot name the division).
    let adm1 = match (&g.adm1, g.precision) {
        (_, GeoPrecision::Country) => fips.to_string(),
        (Some(a), _) if !fips.is_empty() && !a.starts_with(fips) => format!("{fips}{a}"),
        (Some(a), _) => a.clone(),
        (None, _) => fips.to_string(),
    };
    let num = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
    [
        gdelt_geo_type(g).to_string(),
        crate::gdelt::tsv_text(&g.full_name()).into_owned(),
        fips.to_string(),
        adm1,
        String::new(), // ADM2: dyad's gazetteer records no second-level divisions.
        num(g.lat),
        num(g.lon),
        // GDELT's FeatureID is a GNS or GNIS id, or the country code for a country;
        // dyad writes its gazetteer key (`UA.Kyiv.Kyiv`), the FIPS code for a country.
        if g.precision == GeoPrecision::Country {
            fips.to_string()
        } else {
            g.feature_id.clone().unwrap_or_default()
        },
    ]
}

/// Phoenix's Lat, Lon, LocationName, StateName, CountryCode, all empty without a place.
pub fn phoenix_geo_columns(g: Option<&GeoRow>) -> [String; 5] {
    let Some(g) = g else {
        return Default::default();
    };
    let num = |v: Option<f64>| v.map(|x| format!("{x:.5}")).unwrap_or_default();
    [
        num(g.lat),
        num(g.lon),
        crate::gdelt::tsv_text(&g.name).into_owned(),
        g.adm1_name.clone().unwrap_or_default(),
        g.country.clone().unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(country: &str, precision: GeoPrecision, adm1: Option<&str>) -> GeoRow {
        GeoRow {
            name: "X".into(),
            country: Some(country.into()),
            adm1: adm1.map(str::to_string),
            adm1_name: None,
            lat: Some(1.5),
            lon: Some(-2.25),
            feature_id: Some("42".into()),
            precision,
        }
    }

    #[test]
    fn geo_types_and_codes() {
        assert_eq!(gdelt_geo_type(&place("USA", GeoPrecision::Adm1, None)), 2);
        assert_eq!(gdelt_geo_type(&place("USA", GeoPrecision::Place, None)), 3);
        assert_eq!(gdelt_geo_type(&place("KEN", GeoPrecision::Place, None)), 4);
        assert_eq!(gdelt_geo_type(&place("KEN", GeoPrecision::Adm1, None)), 5);
        let c = gdelt_geo_columns(Some(&place("GBR", GeoPrecision::Adm1, Some("H9"))));
        assert_eq!(c[0], "5");
        assert_eq!(c[2], "UK");
        assert_eq!(c[3], "UKH9");
        assert_eq!(c[5], "1.5000");
        assert_eq!(c[6], "-2.2500");
        assert_eq!(gdelt_geo_columns(None), <[String; 8]>::default());
        let c = gdelt_geo_columns(Some(&place("DEU", GeoPrecision::Country, None)));
        assert_eq!(
            (c[0].as_str(), c[2].as_str(), c[3].as_str()),
            ("1", "GM", "GM")
        );
    }
}
