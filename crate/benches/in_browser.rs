//! The crate's kernels timed where they ship: in a browser engine, by wasm-bindgen-test's port of
//! criterion (#[wasm_bindgen_bench]). `npm run bench:crate` runs this binary in every project's
//! engine (and `-- --check` compares two commits); `benches/kernels.rs` times the same kernels,
//! on the same inputs (`benches/inputs.json`), natively.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;
use wasm_bindgen_test::{wasm_bindgen_bench, Criterion};
use wasm_compat::{math, strings};

/// The sizes the TypeScript suites and the native bench use.
fn inputs() -> Value {
    serde_json::from_str(include_str!("../../benches/inputs.json"))
        .expect("benches/inputs.json is JSON")
}

/// Short windows: five engines run this in a few seconds each; the A/B check runs it per round.
fn short(c: &mut Criterion) {
    *c = std::mem::take(c)
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
}

#[wasm_bindgen_bench]
fn sieve(c: &mut Criterion) {
    short(c);
    let limit = inputs()["sieveLimit"].as_u64().expect("sieveLimit") as u32;
    c.bench_function("math/sieve", |b| {
        b.iter(|| math::sieve_count(black_box(limit)))
    });
}

#[wasm_bindgen_bench]
fn mandelbrot(c: &mut Criterion) {
    short(c);
    let m = &inputs()["mandelbrot"];
    let (w, h, it) = (
        m["width"].as_u64().unwrap() as u32,
        m["height"].as_u64().unwrap() as u32,
        m["maxIter"].as_u64().unwrap() as u32,
    );
    c.bench_function("math/mandelbrot", |b| {
        b.iter(|| math::mandelbrot(black_box(w), black_box(h), black_box(it)))
    });
}

#[wasm_bindgen_bench]
fn word_count(c: &mut Criterion) {
    short(c);
    let words = inputs()["textWords"].as_u64().expect("textWords") as usize;
    // Mixed scripts, as the strings suite's text: 1- to 4-byte UTF-8.
    let text: String = (0..words)
        .map(|i| ["wasm", "größe", "計算", "🦀"][i % 4])
        .collect::<Vec<_>>()
        .join(" ");
    c.bench_function("strings/wordCount", |b| {
        b.iter(|| strings::word_count(black_box(&text)))
    });
}
