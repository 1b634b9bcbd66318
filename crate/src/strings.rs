//! String kernels: what crosses the JS/WASM boundary as UTF-16 in and UTF-8 inside.

/// The string back as it arrived: the test is the UTF-16 -> UTF-8 -> UTF-16 trip itself.
pub fn roundtrip(s: &str) -> String {
    s.to_owned()
}

/// Bytes the string takes in UTF-8 (what `new TextEncoder().encode(s).length` gives in JS).
pub fn utf8_len(s: &str) -> usize {
    s.len()
}

/// Reverses by Unicode scalar value, so astral characters (surrogate pairs in JS) stay whole.
pub fn reverse_chars(s: &str) -> String {
    s.chars().rev().collect()
}

/// Words separated by Unicode White_Space, as Rust's `split_whitespace` defines it.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_keeps_every_plane() {
        for s in ["", "abc", "héllo", "日本語", "🦀 crab 𝄞 clef", "a\u{0}b"] {
            assert_eq!(roundtrip(s), s);
        }
    }

    #[test]
    fn utf8_len_counts_bytes() {
        assert_eq!(utf8_len(""), 0);
        assert_eq!(utf8_len("a"), 1);
        assert_eq!(utf8_len("é"), 2);
        assert_eq!(utf8_len("日"), 3);
        assert_eq!(utf8_len("🦀"), 4);
    }

    #[test]
    fn reverse_keeps_astral_characters_whole() {
        assert_eq!(reverse_chars(""), "");
        assert_eq!(reverse_chars("abc"), "cba");
        assert_eq!(reverse_chars("a🦀b"), "b🦀a");
    }

    #[test]
    fn word_count_uses_unicode_whitespace() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("   "), 0);
        assert_eq!(word_count("one two  three"), 3);
        assert_eq!(word_count("a\u{00A0}b\u{2003}c\u{0085}d"), 4);
        assert_eq!(word_count("\u{FEFF}x"), 1);
    }
}
