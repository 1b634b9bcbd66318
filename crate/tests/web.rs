//! The demo's own browser tests, as a team writes them with wasm-bindgen-test: the exports and the
//! JS boundary, where engines differ in what they expose around WebAssembly. The suite runs them in
//! every engine it drives (tests/specs/rustTests.spec.ts), in every context it is asked for: no
//! wasm_bindgen_test_configure! pins them, so the runner's variables choose the main thread or a
//! worker. `WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome` runs them too.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, BigInt, Function, Intl, Object, Reflect, WebAssembly};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn sieve_counts_primes() {
    assert_eq!(wasm_compat::sieve_count(100), 25);
    assert_eq!(wasm_compat::sieve_count(10_000), 1229);
}

#[wasm_bindgen_test]
fn strings_cross_the_boundary_in_utf8_and_back() {
    // An astral character and a lone surrogate: UTF-16 in JS, UTF-8 in Rust.
    let text = String::from_utf16_lossy(&[0x61, 0xD800, 0x62]) + "🦀";
    assert_eq!(wasm_compat::string_roundtrip(&text), "a\u{FFFD}b🦀");
    assert_eq!(wasm_compat::utf8_length("héllo 🦀"), 11);
}

#[wasm_bindgen_test]
fn f64_edge_values_survive_sorting() {
    let mut values = vec![f64::NAN, 0.0, -0.0, -1.0, f64::INFINITY];
    wasm_compat::sort_f64(&mut values);
    assert_eq!(values[0], -1.0);
    assert!(
        values[1] == 0.0 && values[1].is_sign_negative(),
        "-0 sorts before +0"
    );
    assert!(values[4].is_nan(), "NaN sorts last");
}

#[wasm_bindgen_test]
fn u64_crosses_as_bigint() {
    // JS BigInt integration: Safari 14.1 / iOS 14.5 and later; the feature table's bigInt row.
    let big = BigInt::from(u64::MAX);
    assert_eq!(
        String::from(big.to_string(10).unwrap()),
        "18446744073709551615"
    );
    assert_eq!(u64::try_from(big).unwrap(), u64::MAX);
}

#[wasm_bindgen_test]
fn memory_growth_detaches_the_old_buffer() {
    let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let before = memory.buffer();
    let pages = wasm_compat::memory_pages();
    assert_eq!(wasm_compat::grow_memory(1), pages as i32);
    let old_length = Reflect::get(&before, &"byteLength".into()).unwrap();
    assert_eq!(
        old_length.as_f64(),
        Some(0.0),
        "growth detaches the ArrayBuffer JS held"
    );
}

/// Shared memory is where engines differ most: Chromium and Firefox expose the SharedArrayBuffer
/// global on a cross-origin isolated page, WebKitGTK 2.50 hides it while shared memory still works.
/// What must hold everywhere: a shared WebAssembly.Memory's buffer is a SharedArrayBuffer.
#[wasm_bindgen_test]
fn shared_memory_is_a_shared_array_buffer() {
    let descriptor = Object::new();
    for (key, value) in [
        ("initial", JsValue::from(1)),
        ("maximum", JsValue::from(2)),
        ("shared", JsValue::TRUE),
    ] {
        Reflect::set(&descriptor, &key.into(), &value).unwrap();
    }
    let memory = WebAssembly::Memory::new(&descriptor).expect("shared WebAssembly.Memory");
    // Object.prototype.toString reads the buffer's own tag, whatever the global exposes.
    let to_string: Function = Reflect::get(
        &Object::get_prototype_of(&Object::new()),
        &"toString".into(),
    )
    .unwrap()
    .unchecked_into();
    let tag = to_string.call0(&memory.buffer()).unwrap();
    assert_eq!(
        tag.as_string().as_deref(),
        Some("[object SharedArrayBuffer]")
    );
    let exposed = Reflect::has(&js_sys::global(), &"SharedArrayBuffer".into()).unwrap();
    console_log(&format!("SharedArrayBuffer global exposed here: {exposed}"));
}

/// ICU differs between engines (Chromium and Firefox bundle their own, WebKitGTK uses the system's),
/// but a plain number format in en-US must not.
#[wasm_bindgen_test]
fn intl_formats_a_number_the_same() {
    let format = Intl::NumberFormat::new(&Array::of1(&"en-US".into()), &Object::new());
    let formatted = format
        .format()
        .call1(&JsValue::UNDEFINED, &1234567.891.into())
        .unwrap();
    assert_eq!(formatted.as_string().as_deref(), Some("1,234,567.891"));
}

#[wasm_bindgen_test]
#[ignore = "takes a second per engine; run with --include-ignored"]
fn allocates_and_frees_64_mib() {
    let before = wasm_compat::bytes_in_use();
    let block = wasm_compat::Block::new(64 << 20);
    assert!(wasm_compat::bytes_in_use() >= before + (64 << 20));
    drop(block);
    assert_eq!(wasm_compat::bytes_in_use(), before);
}

/// console.log through JS (the runner captures it and shows it with a failure).
fn console_log(message: &str) {
    let console = Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let log: Function = Reflect::get(&console, &"log".into())
        .unwrap()
        .unchecked_into();
    log.call1(&console, &message.into()).unwrap();
}
