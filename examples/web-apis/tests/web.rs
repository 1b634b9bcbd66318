//! The example's browser tests, written as a team writes them: the APIs every engine has must
//! work; an API an engine lacks must come back as a NotSupportedError naming it, never a panic;
//! where engines differ, each engine gets the outcome the probes' expectations name for it.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_apis::{adler32, compress, decompress, sample_text, structured_clone_graph};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn gzip_round_trips() {
    let input = sample_text(16 * 1024);
    let packed = compress("gzip".into(), input.clone()).await.unwrap();
    assert!(
        packed.len() < input.len(),
        "{} bytes from {}",
        packed.len(),
        input.len()
    );
    let back = decompress("gzip".into(), packed).await.unwrap();
    assert_eq!(adler32(&back), adler32(&input));
}

// execution.brotliStream's rule (probes/expectations.ts), run in the browser that runs this test:
// the same JavaScript the runner's expectations call, with the engine the page or worker reports.
#[wasm_bindgen(module = "/probes/_rules.js")]
extern "C" {
    /// `{ status: "pass" | "unsupported", why, engine, version, platform }` for this engine.
    #[wasm_bindgen(js_name = brotliExpectedHere, catch)]
    fn brotli_expected_here() -> Result<JsValue, JsValue>;
}

fn text(object: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Brotli streams exist where the expectations say (Firefox 147+, Safari 18.4+ on Apple's ports):
/// there the round trip must work; elsewhere the crate must name the format as missing, not panic.
/// One outcome per engine: the other one fails the test, naming the engine and the rule.
#[wasm_bindgen_test]
async fn brotli_works_or_is_named_as_missing() {
    let expected = brotli_expected_here().unwrap_or_else(|e| panic!("{e:?}"));
    let (status, why) = (text(&expected, "status"), text(&expected, "why"));
    let here = format!(
        "{} {} on {}",
        text(&expected, "engine"),
        text(&expected, "version"),
        text(&expected, "platform")
    );
    let input = sample_text(1024);
    match (status.as_str(), compress("brotli".into(), input.clone()).await) {
        ("pass", Ok(packed)) => {
            let back = decompress("brotli".into(), packed).await.unwrap();
            assert_eq!(adler32(&back), adler32(&input), "brotli round trip in {here}");
        }
        ("pass", Err(error)) => {
            panic!("brotli should work in {here} ({why}), but: {error:?}")
        }
        ("unsupported", Ok(_)) => panic!(
            "brotli works in {here}, where probes/expectations.ts says it is missing ({why}): update the rule"
        ),
        ("unsupported", Err(error)) => {
            let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).unwrap();
            assert_eq!(
                name.as_string().as_deref(),
                Some("NotSupportedError"),
                "brotli is missing in {here} ({why}), but the crate's error is not NotSupportedError: {error:?}"
            );
        }
        (other, _) => panic!("no such expectation {other:?} for {here}"),
    }
}

#[wasm_bindgen_test]
fn structured_clone_keeps_the_graph() {
    let report = structured_clone_graph(100).unwrap();
    assert!(report.distinct && report.cycle && report.shared_identity && report.bytes);
    assert!(report.map_date && report.bigint && report.error_type && report.refuses_function);
    assert_eq!(report.depth, 100);
}
