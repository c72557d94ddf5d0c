//! Place columns: GDELT's eight `Geo` columns and Phoenix's five location columns, from
//! a [`GeoRow`]. dyad does not geolocate yet, so every caller passes `None` today and
//! the columns stay empty; the mapping is here so that they fill as soon as events
//! carry a `location` and actors a `home`.

use crate::codes::iso3_to_fips;
use crate::row::{GeoPrecision, GeoRow};

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
    // (`USTX`); a country-level place repeats the country code.
    let adm1 = match (&g.adm1, g.precision) {
        (_, GeoPrecision::Country) => fips.to_string(),
        (Some(a), _) if !fips.is_empty() && !a.starts_with(fips) => format!("{fips}{a}"),
        (Some(a), _) => a.clone(),
        (None, _) => String::new(),
    };
    let num = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
    [
        gdelt_geo_type(g).to_string(),
        g.name.clone(),
        fips.to_string(),
        adm1,
        String::new(), // ADM2: dyad's gazetteer records no second-level divisions.
        num(g.lat),
        num(g.lon),
        g.feature_id.clone().unwrap_or_default(),
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
        g.name.clone(),
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
