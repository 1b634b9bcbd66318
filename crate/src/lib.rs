//! The wasm-bindgen surface of wasm-compat: one thin wrapper per kernel. The work lives in the
//! plain modules below, which `cargo test` covers natively; each has a TypeScript twin in
//! `crate/twins/` that does the same work on the same inputs.

pub mod arrays;
pub mod build_info;
pub mod math;
pub mod memory;
pub mod panic;
pub mod records;
pub mod strings;

use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOCATOR: memory::CountingAllocator = memory::CountingAllocator;

#[wasm_bindgen(start)]
fn start() {
    panic::install_hook();
}

// --- call overhead ---

/// Does nothing: the cost of one JS -> WASM -> JS call.
#[wasm_bindgen]
pub fn noop() {}

// --- math ---

#[wasm_bindgen(js_name = sieveCount)]
pub fn sieve_count(limit: u32) -> u32 {
    math::sieve_count(limit)
}

#[wasm_bindgen]
pub fn matmul(a: &[f64], b: &[f64], n: usize) -> Result<Vec<f64>, JsError> {
    math::matmul(a, b, n).map_err(|e| JsError::new(&e))
}

#[wasm_bindgen]
pub fn mandelbrot(width: u32, height: u32, max_iter: u32) -> u32 {
    math::mandelbrot(width, height, max_iter)
}

// --- strings ---

#[wasm_bindgen(js_name = stringRoundtrip)]
pub fn string_roundtrip(s: &str) -> String {
    strings::roundtrip(s)
}

#[wasm_bindgen(js_name = utf8Length)]
pub fn utf8_length(s: &str) -> usize {
    strings::utf8_len(s)
}

#[wasm_bindgen(js_name = reverseChars)]
pub fn reverse_chars(s: &str) -> String {
    strings::reverse_chars(s)
}

#[wasm_bindgen(js_name = wordCount)]
pub fn word_count(s: &str) -> usize {
    strings::word_count(s)
}

// --- serialization ---

#[wasm_bindgen(js_name = jsonRoundtrip)]
pub fn json_roundtrip(json: &str) -> Result<String, JsError> {
    records::json_roundtrip(json).map_err(|e| JsError::new(&e))
}

/// JS values -> Rust structs -> JS values, without JSON text in between.
#[wasm_bindgen(js_name = serdeRoundtrip)]
pub fn serde_roundtrip(value: JsValue) -> Result<JsValue, JsError> {
    let records: Vec<records::Record> = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid records: {e}")))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&records, &serializer)
        .map_err(|e| JsError::new(&format!("cannot serialize records: {e}")))
}

#[wasm_bindgen(js_name = sampleRecordsJson)]
pub fn sample_records_json(count: u32) -> String {
    serde_json::to_string(&records::sample_records(count)).expect("records always serialize")
}

// --- memory ---

#[wasm_bindgen(js_name = bytesInUse)]
pub fn bytes_in_use() -> usize {
    memory::bytes_in_use()
}

#[wasm_bindgen(js_name = allocFillChecksum)]
pub fn alloc_fill_checksum(len: usize) -> u32 {
    memory::alloc_fill_checksum(len)
}

/// Bytes held in Rust until JS calls `free()`.
#[wasm_bindgen]
pub struct Block(memory::Block);

#[wasm_bindgen]
impl Block {
    #[wasm_bindgen(constructor)]
    pub fn new(len: usize) -> Block {
        Block(memory::Block::new(len))
    }

    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }
}

/// Grows linear memory by `delta` 64 KiB pages; returns the page count before, or -1 if refused.
#[wasm_bindgen(js_name = growMemory)]
pub fn grow_memory(delta: u32) -> i32 {
    match memory::grow_pages(delta as usize) {
        memory::Growth::Grown { before, .. } => before as i32,
        memory::Growth::Refused { .. } => -1,
    }
}

#[wasm_bindgen(js_name = memoryPages)]
pub fn memory_pages() -> u32 {
    memory::pages() as u32
}

// --- arrays ---

#[wasm_bindgen(js_name = sumF64)]
pub fn sum_f64(values: &[f64]) -> f64 {
    arrays::sum(values)
}

#[wasm_bindgen(js_name = sortF64)]
pub fn sort_f64(values: &mut [f64]) {
    arrays::sort(values)
}

#[wasm_bindgen(js_name = scaleOffsetF64)]
pub fn scale_offset_f64(values: &mut [f64], scale: f64, offset: f64) {
    arrays::scale_offset(values, scale, offset)
}

// --- errors ---

/// Panics with `message`; JS sees a trap, and `takePanicMessage()` then returns `message`.
#[wasm_bindgen(js_name = panicWithMessage)]
pub fn panic_with_message(message: &str) {
    panic::panic_with(message)
}

#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    panic::take_message()
}

// --- build information ---

#[wasm_bindgen(js_name = buildInfo)]
pub fn build_info() -> String {
    build_info::as_json()
}
