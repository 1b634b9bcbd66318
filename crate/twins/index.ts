// The TypeScript twins of the crate's exports, under the same names as the wasm-pack module's:
// every twin file's exports, so a new twin in an existing file needs no line here.
export * from './arrays.ts';
export * from './math.ts';
export * from './memory.ts';
export * from './records.ts';
export * from './strings.ts';

export function noop(): void {}
