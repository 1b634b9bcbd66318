//! Plain Rust: the inputs the probes feed the browser APIs and the checks on what comes back.
//! Kept apart from the bindings so `cargo test` can pin the known answers natively.

use wasm_bindgen::prelude::*;

/// Adler-32 (RFC 1950): cheap to compute on both sides of a round trip, and the same checksum a
/// zlib ("deflate") stream ends with, so a probe can cross-check against the stream's trailer.
#[wasm_bindgen]
pub fn adler32(data: &[u8]) -> u32 {
    adler32_update(1, data)
}

/// Continues an Adler-32 over more data (start from 1), for data that arrives in chunks.
pub fn adler32_update(checksum: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    // 5552 is the longest run for which the sums cannot overflow u32 before the modulo.
    let (mut a, mut b) = (checksum & 0xffff, checksum >> 16);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

const WORDS: [&str; 12] = [
    "wasm", "stream", "gzip", "brotli", "canvas", "clone", "task", "engine", "chromium", "firefox",
    "webkit", "byte",
];

/// Deterministic, compressible text of exactly `len` bytes (ASCII words and spaces): compressors
/// must shrink it, so a "compressed" output no smaller than the input is a visible failure.
#[wasm_bindgen(js_name = sampleText)]
pub fn sample_text(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 16);
    // A small linear congruential generator: the same sequence on every platform and in every engine.
    let mut state: u32 = 0x2545_f491;
    while out.len() < len {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let word = WORDS[(state >> 16) as usize % WORDS.len()];
        out.extend_from_slice(word.as_bytes());
        out.push(if (state >> 8).is_multiple_of(9) {
            b'\n'
        } else {
            b' '
        });
    }
    out.truncate(len);
    out
}

/// The byte a byte stream source writes at `offset`; 251 is prime, so the pattern does not line up
/// with any power-of-two view size and a chunk written at the wrong offset changes the checksum.
pub fn pattern_byte(offset: u32) -> u8 {
    ((offset.wrapping_mul(31).wrapping_add(7)) % 251) as u8
}

/// What an encoded image really is, from its first bytes. `convertToBlob` falls back to PNG when it
/// cannot encode the asked-for type, so the bytes, not the request, say what the engine did.
#[wasm_bindgen(js_name = sniffImageFormat)]
pub fn sniff_image_format(bytes: &[u8]) -> String {
    let format = match bytes {
        [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, ..] => "png",
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => "webp",
        [0xff, 0xd8, 0xff, ..] => "jpeg",
        _ => "unknown",
    };
    format.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_known_values() {
        // RFC 1950's definition gives 1 for no input; "Wikipedia" is the usual worked example.
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        assert_eq!(adler32(&[0xff; 100_000]), 0x149a_302c);
    }

    #[test]
    fn adler32_in_pieces_equals_adler32_at_once() {
        let data = sample_text(30_000);
        let pieced = data.chunks(4096).fold(1, adler32_update);
        assert_eq!(pieced, adler32(&data));
    }

    #[test]
    fn adler32_chunking_matches_a_naive_sum() {
        let data: Vec<u8> = (0..20_000u32).map(pattern_byte).collect();
        let (mut a, mut b) = (1u64, 0u64);
        for &x in &data {
            a = (a + u64::from(x)) % 65_521;
            b = (b + a) % 65_521;
        }
        assert_eq!(adler32(&data), ((b << 16) | a) as u32);
    }

    #[test]
    fn sample_text_is_deterministic_ascii_of_the_asked_length() {
        let text = sample_text(65_536);
        assert_eq!(text.len(), 65_536);
        assert!(text
            .iter()
            .all(|b| b.is_ascii_lowercase() || *b == b' ' || *b == b'\n'));
        assert_eq!(text, sample_text(65_536));
        assert_eq!(sample_text(7), &sample_text(65_536)[..7]);
        assert!(sample_text(0).is_empty());
    }

    // The probes compare against these numbers (probes/_exports.ts); change them together.
    #[test]
    fn probe_known_answers() {
        assert_eq!(adler32(&sample_text(65_536)), SAMPLE_64K_ADLER32);
        let pattern: Vec<u8> = (0..100_000u32).map(pattern_byte).collect();
        assert_eq!(adler32(&pattern), PATTERN_100K_ADLER32);
    }

    const SAMPLE_64K_ADLER32: u32 = 0x8050_d7c4;
    const PATTERN_100K_ADLER32: u32 = 0x932c_c586;

    #[test]
    fn sniffs_image_signatures() {
        assert_eq!(
            sniff_image_format(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0]),
            "png"
        );
        assert_eq!(sniff_image_format(b"RIFF\x10\0\0\0WEBPVP8 "), "webp");
        assert_eq!(sniff_image_format(&[0xff, 0xd8, 0xff, 0xe0]), "jpeg");
        assert_eq!(sniff_image_format(b"RIFF\x10\0\0\0WAVE"), "unknown");
        assert_eq!(sniff_image_format(&[]), "unknown");
    }
}
