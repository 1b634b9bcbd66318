// The order of the two builds within each round of a task: A B, then B A, then A B, … so over
// the rounds each build goes first as often as the other (A, B, B, A, A, B, …). Whatever favours
// the first or the second place of a round — a warmer cache, a collection owed by the previous
// side, the JIT finishing a tier-up — falls on both builds alike instead of on one.
export type Build = 'A' | 'B';

export function roundOrder(round: number): readonly [Build, Build] {
  return round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
}

/** The sequence of the first `rounds` rounds, flattened (for the docs and the tests). */
export function interleaving(rounds: number): Build[] {
  return Array.from({ length: rounds }, (_, r) => roundOrder(r)).flat();
}
