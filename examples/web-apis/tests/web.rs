//! The example's browser tests, written as a team writes them: the APIs every engine has must
//! work; an API an engine lacks must come back as a NotSupportedError naming it, never a panic.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
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

/// Brotli streams exist in Firefox (147+) only here: elsewhere the crate must say so, not panic.
#[wasm_bindgen_test]
async fn brotli_works_or_is_named_as_missing() {
    match compress("brotli".into(), sample_text(1024)).await {
        Ok(packed) => assert!(!packed.is_empty()),
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).unwrap();
            assert!(
                matches!(
                    name.as_string().as_deref(),
                    Some("NotSupportedError") | Some("TypeError")
                ),
                "{error:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn structured_clone_keeps_the_graph() {
    let report = structured_clone_graph(100).unwrap();
    assert!(report.distinct && report.cycle && report.shared_identity && report.bytes);
    assert!(report.map_date && report.bigint && report.error_type && report.refuses_function);
    assert_eq!(report.depth, 100);
}
