// Structural equality of two outputs, strict enough for numeric kernels: numbers by Object.is
// (so -0 ≠ +0 and NaN = NaN), typed arrays element by element, plain objects key by key.
// Answers where the first difference is, or null when there is none.

export function outputDifference(a: unknown, b: unknown, path = 'output'): string | null {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) ? null : `${path}: ${a} ≠ ${b}`;
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return `${path}: ${show(a)} ≠ ${show(b)}`;
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b) || Array.isArray(a) || Array.isArray(b)) {
    const listA = listOf(a);
    const listB = listOf(b);
    if (!listA || !listB) return `${path}: ${kind(a)} ≠ ${kind(b)}`;
    if (listA.length !== listB.length) return `${path}: length ${listA.length} ≠ ${listB.length}`;
    for (let i = 0; i < listA.length; i++) {
      const d = outputDifference(listA[i], listB[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  if (keysA.join() !== keysB.join()) return `${path}: keys {${keysA.join(', ')}} ≠ {${keysB.join(', ')}}`;
  for (const key of keysA) {
    const d = outputDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

function listOf(value: object): ArrayLike<unknown> | null {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value as unknown as ArrayLike<unknown>;
  return null;
}

function kind(value: object): string {
  return value.constructor?.name ?? 'object';
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object' && value !== null) return kind(value);
  return String(value);
}
