//! Data serialization: one struct shape, round-tripped through JSON text (serde_json) and through
//! JS values directly (serde-wasm-bindgen, in lib.rs). Unknown or missing fields are errors, so a
//! round trip proves the shape survived, not just the bytes.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub id: u32,
    pub name: String,
    pub score: f64,
    pub active: bool,
    pub tags: Vec<String>,
    pub location: Option<Location>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// Parses a JSON array of records and writes it back out.
pub fn json_roundtrip(json: &str) -> Result<String, String> {
    let records: Vec<Record> =
        serde_json::from_str(json).map_err(|e| format!("invalid records JSON: {e}"))?;
    serde_json::to_string(&records).map_err(|e| format!("cannot serialize records: {e}"))
}

/// `count` deterministic records, the benchmark's input (the TypeScript twin builds the same).
pub fn sample_records(count: u32) -> Vec<Record> {
    (0..count)
        .map(|i| Record {
            id: i,
            name: format!("record-{i} ✓"),
            score: f64::from(i) * 1.25 + 0.5,
            active: i % 3 != 0,
            tags: (0..(i % 4)).map(|t| format!("tag{t}")).collect(),
            location: (i % 2 == 0).then(|| Location {
                lat: f64::from(i % 180) - 89.5,
                lon: f64::from(i % 360) - 179.5,
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_preserves_records() {
        let records = sample_records(25);
        let json = serde_json::to_string(&records).unwrap();
        let back: Vec<Record> = serde_json::from_str(&json_roundtrip(&json).unwrap()).unwrap();
        assert_eq!(back, records);
        assert_eq!(json_roundtrip("[]").unwrap(), "[]");
    }

    #[test]
    fn roundtrip_rejects_wrong_shapes() {
        let err = json_roundtrip(r#"[{"id": 1}]"#).unwrap_err();
        assert!(
            err.starts_with("invalid records JSON: missing field"),
            "{err}"
        );
        let err = json_roundtrip("not json").unwrap_err();
        assert!(err.starts_with("invalid records JSON"), "{err}");
    }

    #[test]
    fn samples_are_deterministic() {
        assert_eq!(sample_records(0), vec![]);
        let r = &sample_records(7)[6];
        assert_eq!(
            (r.id, r.name.as_str(), r.score, r.active),
            (6, "record-6 ✓", 8.0, false)
        );
        assert_eq!(r.tags, vec!["tag0", "tag1"]);
        assert_eq!(
            r.location,
            Some(Location {
                lat: -83.5,
                lon: -173.5
            })
        );
    }
}
