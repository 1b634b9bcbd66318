//! An example subject for wasm-compat: a crate that, like many real ones, reaches past the
//! WebAssembly core into browser APIs through web-sys and js-sys. The WebAssembly parts are the
//! same in every engine; these APIs are not, and that is what its probes show.
//!
//! Each export is a thin `#[wasm_bindgen]` wrapper. An API the engine lacks comes back as a JS
//! `Error` named `NotSupportedError` whose message names the API, never as a panic: with
//! `panic = "abort"` a panic would trap and take the whole module's state with it.

mod canvas;
mod clone;
mod compression;
mod data;
mod js;
mod scheduling;
mod streams;

pub use canvas::{offscreen_canvas_encode, offscreen_canvas_pixels, EncodedImage};
pub use clone::{structured_clone_graph, structured_clone_max_depth, CloneReport};
pub use compression::{compress, decompress};
pub use data::{adler32, sample_text, sniff_image_format};
pub use scheduling::post_task_order;
pub use streams::{byte_stream_checksum, readable_stream_from_array, ByteStreamReport};
