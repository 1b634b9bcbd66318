//! OffscreenCanvas: 2D drawing with no DOM, and encoding the result to an image file.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ImageData, ImageEncodeOptions, OffscreenCanvas};

use crate::data::sniff_image_format;
use crate::js;

#[wasm_bindgen]
extern "C" {
    // web-sys's OffscreenCanvasRenderingContext2d needs --cfg=web_sys_unstable_apis; three calls
    // are all this crate draws with.
    #[wasm_bindgen(extends = Object)]
    type Context2d;
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_style(this: &Context2d, style: &str);
    #[wasm_bindgen(method, js_name = fillRect)]
    fn fill_rect(this: &Context2d, x: f64, y: f64, width: f64, height: f64);
    #[wasm_bindgen(catch, method, js_name = getImageData)]
    fn get_image_data(
        this: &Context2d,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
    ) -> Result<ImageData, JsValue>;
}

/// A `width`×`height` canvas, blue, with its top-left quarter red.
fn draw(width: u32, height: u32) -> Result<(OffscreenCanvas, Context2d), JsValue> {
    js::require_global("OffscreenCanvas")?;
    let canvas = OffscreenCanvas::new(width, height)?;
    let context: Context2d = canvas
        .get_context("2d")?
        .ok_or_else(|| {
            js::not_supported("OffscreenCanvas.getContext('2d') returned null in this engine")
        })?
        .unchecked_into();
    context.set_fill_style("#0000ff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context.set_fill_style("#ff0000");
    context.fill_rect(0.0, 0.0, f64::from(width / 2), f64::from(height / 2));
    Ok((canvas, context))
}

/// Draws the test picture and reads two pixels back, RGBA each: the top-left one (red,
/// [255, 0, 0, 255]) and the bottom-right one (blue, [0, 0, 255, 255]). Solid sRGB colours must
/// come back exactly; an engine that adds readback noise (anti-fingerprinting) shows here.
#[wasm_bindgen(js_name = offscreenCanvasPixels)]
pub fn offscreen_canvas_pixels(width: u32, height: u32) -> Result<Vec<u8>, JsValue> {
    if width < 2 || height < 2 {
        return Err(js::error(
            "offscreenCanvasPixels needs a canvas of at least 2×2",
        ));
    }
    let (_canvas, context) = draw(width, height)?;
    let mut out = context.get_image_data(0.0, 0.0, 1.0, 1.0)?.data().0;
    out.extend(
        context
            .get_image_data(f64::from(width - 1), f64::from(height - 1), 1.0, 1.0)?
            .data()
            .0,
    );
    Ok(out)
}

/// An encoded picture: what the engine labelled it, what its bytes are, and how big it is.
#[wasm_bindgen(getter_with_clone)]
pub struct EncodedImage {
    /// The Blob's type as the engine set it.
    #[wasm_bindgen(js_name = mimeType)]
    pub mime_type: String,
    /// "png", "webp", "jpeg" or "unknown", from the file's signature (sniffImageFormat).
    pub format: String,
    pub size: u32,
}

/// Draws the test picture and encodes it with `convertToBlob({ type: mime })`. An engine with no
/// encoder for `mime` gives PNG instead (HTML's canvas serialisation rule), so the result says
/// which format it really produced rather than failing.
#[wasm_bindgen(js_name = offscreenCanvasEncode)]
pub async fn offscreen_canvas_encode(mime: String) -> Result<EncodedImage, JsValue> {
    let (canvas, _context) = draw(16, 16)?;
    let options = ImageEncodeOptions::new();
    options.set_type(&mime);
    let blob: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&options)?)
        .await?
        .unchecked_into();
    let bytes = Uint8Array::new(&JsFuture::from(blob.array_buffer()).await?).to_vec();
    Ok(EncodedImage {
        mime_type: blob.type_(),
        format: sniff_image_format(&bytes),
        size: bytes.len() as u32,
    })
}
