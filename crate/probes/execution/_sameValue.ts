// Structural equality for comparing crate answers with twin answers: numbers by Object.is (so
// -0 and NaN count), arrays and typed arrays element by element, plain objects key by key
// (order ignored: serde and JSON.stringify may order differently, the data is what counts).

export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arrayLike = (v: object) => Array.isArray(v) || ArrayBuffer.isView(v);
  if (arrayLike(a) || arrayLike(b)) {
    if (!arrayLike(a) || !arrayLike(b)) return false;
    const x = Array.from(a as ArrayLike<unknown>);
    const y = Array.from(b as ArrayLike<unknown>);
    return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A short readable form for a detail line: keeps -0, NaN and Infinity visible, cuts long values. */
export function show(value: unknown, max = 80): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : (JSON.stringify(ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value, (_k, v: unknown) =>
          typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? (Object.is(v, -0) ? '-0' : String(v)) : v,
        ) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
