//! Native timings of the crate's kernels, on the inputs the TypeScript benchmarks use
//! (`benches/inputs.json` and the same deterministic generators as `benches/suites/inputs.ts`):
//! the physical reference that WASM in Node and in browsers is compared against.
//!
//! Besides criterion's estimates (target/criterion/<group>/<name>/new/estimates.json), each
//! kernel's output on those inputs is written to target/criterion/wasm-compat-outputs.json, so
//! `npm run bench:native` can check that native code computed what the JS twins compute.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;
use wasm_compat::{arrays, math, memory, records, strings};

/// Input sizes shared with the TypeScript suites.
struct Sizes {
    sieve_limit: u32,
    mandelbrot: (u32, u32, u32),
    matmul_n: usize,
    text_words: usize,
    records: u32,
    array_length: usize,
    alloc_bytes: usize,
    block_bytes: usize,
}

fn sizes() -> Sizes {
    let v: Value = serde_json::from_str(include_str!("../../benches/inputs.json"))
        .expect("benches/inputs.json is JSON");
    let u = |value: &Value| value.as_u64().expect("sizes are unsigned integers");
    let m = &v["mandelbrot"];
    Sizes {
        sieve_limit: u(&v["sieveLimit"]) as u32,
        mandelbrot: (
            u(&m["width"]) as u32,
            u(&m["height"]) as u32,
            u(&m["maxIter"]) as u32,
        ),
        matmul_n: u(&v["matmulN"]) as usize,
        text_words: u(&v["textWords"]) as usize,
        records: u(&v["records"]) as u32,
        array_length: u(&v["arrayLength"]) as usize,
        alloc_bytes: u(&v["allocBytes"]) as usize,
        block_bytes: u(&v["blockBytes"]) as usize,
    }
}

/// xorshift32, as `xorshift32` in benches/suites/inputs.ts.
struct XorShift32(u32);

impl XorShift32 {
    fn new(seed: u32) -> Self {
        Self(if seed == 0 { 1 } else { seed })
    }

    fn next_u32(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }
}

/// As `doubles` in benches/suites/inputs.ts: n doubles in [-1000, 1000].
fn doubles(n: usize, seed: u32) -> Vec<f64> {
    let mut rng = XorShift32::new(seed);
    (0..n)
        .map(|_| (f64::from(rng.next_u32()) / 4_294_967_295.0 - 0.5) * 2000.0)
        .collect()
}

const WORDS: [&str; 12] = [
    "wasm",
    "rust",
    "crab",
    "🦀",
    "héllo",
    "wörld",
    "日本語",
    "テキスト",
    "naïve",
    "𝄞",
    "data",
    "x",
];
const SEPARATORS: [&str; 7] = [" ", " ", " ", "\u{00A0}", "\n", "\u{2003}", "  "];

/// As `benchText` in benches/suites/inputs.ts.
fn bench_text(words: usize, seed: u32) -> String {
    let mut rng = XorShift32::new(seed);
    let mut out = String::new();
    for _ in 0..words {
        let x = rng.next_u32();
        out.push_str(WORDS[(x % WORDS.len() as u32) as usize]);
        out.push_str(SEPARATORS[((x >> 8) % SEPARATORS.len() as u32) as usize]);
    }
    out
}

/// criterion's own output folder: CRITERION_HOME, else <target dir>/criterion.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

fn kernels(c: &mut Criterion) {
    let s = sizes();
    let text = bench_text(s.text_words, 7);
    let json_text =
        serde_json::to_string(&records::sample_records(s.records)).expect("records serialize");
    let (a, b) = (
        doubles(s.matmul_n * s.matmul_n, 1),
        doubles(s.matmul_n * s.matmul_n, 2),
    );
    let values = doubles(s.array_length, 3);
    let (width, height, max_iter) = s.mandelbrot;

    // What each kernel answers on these inputs, before anything is timed.
    let mut sorted = values.clone();
    arrays::sort(&mut sorted);
    let mut mapped = values.clone();
    arrays::scale_offset(&mut mapped, -1.0, 0.5);
    let outputs = json!({
        "call/noop": null,
        "call/i32": math::sieve_count(1),
        "alloc/fillChecksum": memory::alloc_fill_checksum(s.alloc_bytes),
        "alloc/block": memory::Block::new(s.block_bytes).len(),
        "math/sieve": math::sieve_count(s.sieve_limit),
        "math/mandelbrot": math::mandelbrot(width, height, max_iter),
        "math/matmul": math::matmul(&a, &b, s.matmul_n).expect("square inputs"),
        "strings/roundtrip": strings::roundtrip(&text),
        "strings/utf8Length": strings::utf8_len(&text),
        "strings/reverse": strings::reverse_chars(&text),
        "strings/wordCount": strings::word_count(&text),
        "serde/json": records::json_roundtrip(&json_text).expect("valid records"),
        "arrays/sum": arrays::sum(&values),
        "arrays/sort": sorted,
        "arrays/map": mapped,
    });
    let home = criterion_home();
    std::fs::create_dir_all(&home).expect("criterion's folder can be created");
    std::fs::write(home.join("wasm-compat-outputs.json"), outputs.to_string())
        .expect("outputs written");

    let mut call = c.benchmark_group("call");
    call.bench_function("noop", |bench| bench.iter(wasm_compat::noop));
    call.bench_function("i32", |bench| {
        bench.iter(|| math::sieve_count(black_box(1)))
    });
    call.finish();

    let mut alloc = c.benchmark_group("alloc");
    alloc.bench_function("fillChecksum", |bench| {
        bench.iter(|| memory::alloc_fill_checksum(black_box(s.alloc_bytes)))
    });
    alloc.bench_function("block", |bench| {
        // black_box on the block itself: otherwise LLVM may drop the unread allocation and fill.
        bench.iter(|| black_box(memory::Block::new(black_box(s.block_bytes))).len())
    });
    alloc.finish();

    let mut m = c.benchmark_group("math");
    m.bench_function("sieve", |bench| {
        bench.iter(|| math::sieve_count(black_box(s.sieve_limit)))
    });
    m.bench_function("mandelbrot", |bench| {
        bench.iter(|| math::mandelbrot(black_box(width), black_box(height), black_box(max_iter)))
    });
    m.bench_function("matmul", |bench| {
        bench.iter(|| math::matmul(black_box(&a), black_box(&b), s.matmul_n))
    });
    m.finish();

    let mut st = c.benchmark_group("strings");
    st.bench_function("roundtrip", |bench| {
        bench.iter(|| strings::roundtrip(black_box(&text)))
    });
    st.bench_function("utf8Length", |bench| {
        bench.iter(|| strings::utf8_len(black_box(&text)))
    });
    st.bench_function("reverse", |bench| {
        bench.iter(|| strings::reverse_chars(black_box(&text)))
    });
    st.bench_function("wordCount", |bench| {
        bench.iter(|| strings::word_count(black_box(&text)))
    });
    st.finish();

    let mut serde = c.benchmark_group("serde");
    serde.bench_function("json", |bench| {
        bench.iter(|| records::json_roundtrip(black_box(&json_text)))
    });
    serde.finish();

    let mut arr = c.benchmark_group("arrays");
    arr.bench_function("sum", |bench| {
        bench.iter(|| arrays::sum(black_box(&values)))
    });
    // As in the TypeScript suite: restoring the unsorted values is part of each unit of work.
    let mut scratch = values.clone();
    arr.bench_function("sort", |bench| {
        bench.iter(|| {
            scratch.copy_from_slice(&values);
            arrays::sort(black_box(&mut scratch));
        })
    });
    let mut in_place = values.clone();
    arr.bench_function("map", |bench| {
        bench.iter(|| arrays::scale_offset(black_box(&mut in_place), -1.0, 0.5))
    });
    arr.finish();
}

criterion_group! {
    name = benches;
    // Short budgets: ~2.5 s per kernel keeps `cargo bench` near a minute on two cores, and
    // native timings are steady enough for criterion's interval to stay within a percent or two.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = kernels
}
criterion_main!(benches);
