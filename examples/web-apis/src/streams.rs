//! Two parts of the Streams standard that engines shipped years apart: `ReadableStream.from()`
//! and readable byte streams read with a BYOB ("bring your own buffer") reader.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ReadableByteStreamController, ReadableStream, ReadableStreamByobReader,
    ReadableStreamGetReaderOptions, ReadableStreamReaderMode, ReadableStreamType, UnderlyingSource,
};

use crate::data::{adler32_update, pattern_byte};
use crate::js;

/// `ReadableStream.from(values)`, read back to the end: the values, in order, as the stream gave them.
#[wasm_bindgen(js_name = readableStreamFromArray)]
pub async fn readable_stream_from_array(values: Vec<u32>) -> Result<Vec<u32>, JsValue> {
    // web-sys has no binding for ReadableStream.from() (newer than its WebIDL snapshot); calling the
    // static through the class object also makes the feature check and the call one lookup.
    let class = js::require_global("ReadableStream")?;
    let from = js::method(&class, "from").ok_or_else(|| {
        js::not_supported("ReadableStream.from() is not available in this engine")
    })?;
    let iterable: Array = values.iter().map(|&v| JsValue::from(v)).collect();
    let stream: ReadableStream = from.call1(&class, &iterable)?.dyn_into().map_err(|v| {
        js::error(format!(
            "ReadableStream.from() returned {v:?}, not a ReadableStream"
        ))
    })?;
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::with_capacity(values.len());
    loop {
        let (done, value) = js::read_result(&JsFuture::from(reader.read()).await?)?;
        if done {
            return Ok(out);
        }
        let number = value.as_f64().ok_or_else(|| {
            js::error(format!(
                "ReadableStream.from() gave {value:?}, not a number"
            ))
        })?;
        out.push(number as u32);
    }
}

/// What reading a byte stream with a BYOB reader gave.
#[wasm_bindgen]
pub struct ByteStreamReport {
    /// Bytes read in total.
    pub bytes: u32,
    /// read() calls that returned bytes.
    pub reads: u32,
    /// Adler-32 of the bytes in the order read.
    pub checksum: u32,
    /// The largest single read, never more than the view handed in.
    #[wasm_bindgen(js_name = largestRead)]
    pub largest_read: u32,
}

/// Reads `total` bytes of a known pattern from a `{ type: "bytes" }` stream through a BYOB reader,
/// reusing one `view_size`-byte buffer: each read transfers it to the stream and back, which is
/// the zero-copy path byte streams exist for.
#[wasm_bindgen(js_name = byteStreamChecksum)]
pub async fn byte_stream_checksum(total: u32, view_size: u32) -> Result<ByteStreamReport, JsValue> {
    if js::global("ReadableByteStreamController").is_none()
        || js::global("ReadableStreamBYOBReader").is_none()
    {
        return Err(js::not_supported("readable byte streams (ReadableByteStreamController, ReadableStreamBYOBReader) are not available in this engine"));
    }
    if view_size == 0 {
        return Err(js::error(
            "byteStreamChecksum needs a view of at least one byte",
        ));
    }

    let written = Rc::new(Cell::new(0u32));
    let pull = {
        let written = Rc::clone(&written);
        Closure::<dyn FnMut(ReadableByteStreamController)>::new(
            move |controller: ReadableByteStreamController| {
                if let Err(e) = pull_pattern(&controller, &written, total) {
                    controller.error_with_e(&e);
                }
            },
        )
    };
    let source = UnderlyingSource::new();
    source.set_type(ReadableStreamType::Bytes);
    source.set_pull(pull.as_ref().unchecked_ref());
    let stream = ReadableStream::new_with_underlying_source(&source)?;
    let options = ReadableStreamGetReaderOptions::new();
    options.set_mode(ReadableStreamReaderMode::Byob);
    let reader: ReadableStreamByobReader =
        stream.get_reader_with_options(&options).unchecked_into();

    let mut report = ByteStreamReport {
        bytes: 0,
        reads: 0,
        checksum: 1,
        largest_read: 0,
    };
    let mut view = Uint8Array::new_with_length(view_size);
    loop {
        let (done, value) =
            js::read_result(&JsFuture::from(reader.read_with_array_buffer_view(&view)).await?)?;
        if done {
            break;
        }
        let chunk: Uint8Array = value
            .dyn_into()
            .map_err(|v| js::error(format!("a BYOB read gave {v:?}, not a Uint8Array")))?;
        let n = chunk.length();
        report.bytes += n;
        report.reads += 1;
        report.largest_read = report.largest_read.max(n);
        report.checksum = adler32_update(report.checksum, &chunk.to_vec());
        // The buffer came back detached from `view` and attached to `chunk`: read into it again.
        view = Uint8Array::new(&chunk.buffer());
    }
    // The source closure must outlive every pull; the stream is closed now, so it may go.
    drop(pull);
    Ok(report)
}

/// One pull: fill the pending BYOB request, or enqueue a chunk when a default reader asked.
fn pull_pattern(
    controller: &ReadableByteStreamController,
    written: &Cell<u32>,
    total: u32,
) -> Result<(), JsValue> {
    let offset = written.get();
    if offset >= total {
        return controller.close();
    }
    match controller.byob_request() {
        Some(request) => {
            let target: Uint8Array = request
                .view()
                .ok_or_else(|| js::error("byobRequest has no view"))?
                .unchecked_into();
            let n = target.length().min(total - offset);
            let bytes: Vec<u8> = (offset..offset + n).map(pattern_byte).collect();
            target.subarray(0, n).copy_from(&bytes);
            written.set(offset + n);
            request.respond_with_u32(n)?;
        }
        None => {
            let n = (total - offset).min(4096);
            let bytes: Vec<u8> = (offset..offset + n).map(pattern_byte).collect();
            written.set(offset + n);
            // A copy outside wasm memory: enqueue transfers the chunk's buffer, and the memory's
            // own buffer cannot be detached.
            controller.enqueue_with_js_u8_array(&Uint8Array::from(&bytes[..]))?;
        }
    }
    if written.get() >= total {
        controller.close()?;
    }
    Ok(())
}
