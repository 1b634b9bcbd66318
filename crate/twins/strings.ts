// TypeScript twins of crate/src/strings.rs. A JS string is UTF-16 and may hold lone surrogates;
// crossing into Rust (TextEncoder) turns each into U+FFFD, so the twins do the same first.

export function toWellFormed(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
      out += '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\uFFFD';
    } else {
      out += s[i]!;
    }
  }
  return out;
}

export function stringRoundtrip(s: string): string {
  return toWellFormed(s);
}

export function utf8Length(s: string): number {
  let bytes = 0;
  for (const ch of toWellFormed(s)) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function reverseChars(s: string): string {
  return Array.from(toWellFormed(s)).reverse().join('');
}

// Unicode White_Space, which Rust's split_whitespace uses. JS's \s differs (it has U+FEFF, lacks U+0085).
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0009–U+000D are White_Space, as Rust counts them.
const WHITE_SPACE = /[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/u;

export function wordCount(s: string): number {
  return s.split(WHITE_SPACE).filter((w) => w.length > 0).length;
}
