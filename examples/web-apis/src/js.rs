//! The few JS-side helpers every binding module needs: finding a global without assuming a
//! `Window` (the same code runs in a worker), and errors a caller can tell apart.

use js_sys::{Error, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader};

/// `globalThis[name]`, or None when the engine does not define it.
pub fn global(name: &str) -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `object[name]` when it is a function.
pub fn method(object: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.dyn_into::<Function>().ok())
}

/// The error for an API this engine does not have. Named like the DOMException engines use for the
/// same situation, so callers (and the probes) can tell "absent here" from "broken".
pub fn not_supported(message: impl AsRef<str>) -> JsValue {
    let error = Error::new(message.as_ref());
    error.set_name("NotSupportedError");
    error.into()
}

/// Requires `globalThis[name]`, naming it in the error when it is missing.
pub fn require_global(name: &str) -> Result<JsValue, JsValue> {
    global(name).ok_or_else(|| not_supported(format!("{name} is not available in this engine")))
}

/// A plain `Error` for a wrong result or an unexpected engine behaviour.
pub fn error(message: impl AsRef<str>) -> JsValue {
    Error::new(message.as_ref()).into()
}

/// An error's "Name: message" for wrapping it in a clearer one.
pub fn describe(value: &JsValue) -> String {
    match value.dyn_ref::<Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

/// The `{ done, value }` of a reader's read().
pub fn read_result(result: &JsValue) -> Result<(bool, JsValue), JsValue> {
    let done = Reflect::get(result, &JsValue::from_str("done"))?
        .as_bool()
        .unwrap_or(false);
    Ok((done, Reflect::get(result, &JsValue::from_str("value"))?))
}

/// Every chunk of a stream of Uint8Arrays, concatenated.
pub async fn read_all_bytes(stream: &ReadableStream) -> Result<Vec<u8>, JsValue> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let (done, value) = read_result(&JsFuture::from(reader.read()).await?)?;
        if done {
            return Ok(out);
        }
        let chunk = value.dyn_into::<Uint8Array>().map_err(|v| {
            error(format!(
                "a byte stream gave a chunk that is not a Uint8Array: {v:?}"
            ))
        })?;
        out.extend_from_slice(&chunk.to_vec());
    }
}

/// A fresh plain object, for option bags web-sys has no dictionary type for.
pub fn object(entries: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (key, value) in entries {
        Reflect::set(&object, &JsValue::from_str(key), value)?;
    }
    Ok(object)
}
