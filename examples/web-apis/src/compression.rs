//! Compression Streams. gzip, deflate and deflate-raw are in every current engine; "brotli" is not
//! (see the README's table), which is why the format is a string here and not web-sys's
//! `CompressionFormat` enum: that enum has no brotli variant, and sits behind
//! `--cfg=web_sys_unstable_apis` besides.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, ReadableStream, ReadableWritablePair, WritableStream};

use crate::js;

#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

#[derive(Clone, Copy)]
enum Direction {
    Compress,
    Decompress,
}

impl Direction {
    fn class(self) -> &'static str {
        match self {
            Direction::Compress => "CompressionStream",
            Direction::Decompress => "DecompressionStream",
        }
    }
}

/// The engine's transform for `format`. The constructor is where an engine says it lacks a format
/// (a TypeError for a value outside its enum, or WebKit's NotSupportedError on ports without
/// brotli), so a failure here is "not supported", while a failure later is a broken stream.
fn transform(direction: Direction, format: &str) -> Result<ReadableWritablePair, JsValue> {
    let class = direction.class();
    js::require_global(class)?;
    let pair = match direction {
        Direction::Compress => CompressionStream::new(format).map(|s| (s.readable(), s.writable())),
        Direction::Decompress => {
            DecompressionStream::new(format).map(|s| (s.readable(), s.writable()))
        }
    };
    let (readable, writable) = pair.map_err(|e| {
        js::not_supported(format!(
            "{class}('{format}') is not supported by this engine ({})",
            js::describe(&e)
        ))
    })?;
    Ok(ReadableWritablePair::new(&readable, &writable))
}

async fn run(direction: Direction, format: &str, data: &[u8]) -> Result<Vec<u8>, JsValue> {
    let pair = transform(direction, format)?;
    let parts = js_sys::Array::of1(&Uint8Array::from(data));
    let source = Blob::new_with_u8_array_sequence(&parts)?.stream();
    js::read_all_bytes(&source.pipe_through(&pair))
        .await
        .map_err(|e| {
            js::error(format!(
                "{}('{format}') failed mid-stream: {}",
                direction.class(),
                js::describe(&e)
            ))
        })
}

/// `data` through `new CompressionStream(format)`.
#[wasm_bindgen]
pub async fn compress(format: String, data: Vec<u8>) -> Result<Vec<u8>, JsValue> {
    run(Direction::Compress, &format, &data).await
}

/// `data` through `new DecompressionStream(format)`.
#[wasm_bindgen]
pub async fn decompress(format: String, data: Vec<u8>) -> Result<Vec<u8>, JsValue> {
    run(Direction::Decompress, &format, &data).await
}
