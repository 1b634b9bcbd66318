// A Rust test or probe that passes on one of an engine's compilers and fails on another of the same
// engine and version: a possible miscompilation in one tier, news for the engine's developers.
// Found in the matrix's cells, between an engine's default project and its tier projects
// (docs/tiers.md), with what reproduces it: the engine, its version, the flags, the row. A test that
// never reported on one project (its runner's run ended before it: a crash, a lost session) has no
// verdict to disagree with; the matrix shows it failed, and it is not counted here.
import { type CellKind, FAILING, type MatrixGroup } from './matrixModel.ts';

export interface TierDisagreement {
  /** The engine and its version, as the columns name them. */
  engine: string;
  version: string;
  /** The matrix row and its label (the probe or the Rust test, with its context or mode). */
  row: string;
  label: string;
  outcomes: Array<{ project: string; tier: string; pin: string[]; kind: CellKind; text: string }>;
  /** One line that says how to see it again. */
  reproduce: string;
}

export function tierDisagreements(groups: readonly MatrixGroup[]): TierDisagreement[] {
  const found: TierDisagreement[] = [];
  for (const group of groups) {
    const byEngine = new Map<string, typeof group.columns>();
    for (const c of group.columns.filter((c) => c.ran && !c.emulated && c.engine && c.version)) {
      const key = `${c.engine}\0${c.version}`;
      byEngine.set(key, [...(byEngine.get(key) ?? []), c]);
    }
    for (const columns of byEngine.values()) {
      if (columns.length < 2 || !columns.some((c) => c.tier)) continue;
      for (const section of group.sections)
        for (const row of section.rows) {
          const cells = columns.map((c) => ({ column: c, cell: row.cells[c.project]! }));
          const passed = cells.filter((x) => x.cell.kind === 'pass');
          const failed = cells.filter((x) => FAILING.has(x.cell.kind) && !x.cell.unreported);
          if (!passed.length || !failed.length) continue;
          const first = failed[0]!.column;
          found.push({
            engine: first.engine!,
            version: first.version!,
            row: row.id,
            label: row.label,
            outcomes: cells.map(({ column, cell }) => ({
              project: column.project,
              tier: column.tier?.name ?? 'default tiering',
              pin: column.tier?.pin ?? [],
              kind: cell.kind,
              text: cell.text,
            })),
            reproduce: `${first.engine} ${first.version} launched with ${first.tier ? first.tier.pin.join(' ') : 'no flags (default tiering)'}: ${first.tier ? `WASM_COMPAT_TIERS=${first.project} ` : ''}npx playwright test --project ${first.project}, then the row "${row.label}"`,
          });
        }
    }
  }
  return found;
}

/** One line per disagreement: the row, each project's outcome, and how to reproduce it. */
export function disagreementLine(d: TierDisagreement): string {
  return `${d.label}: ${d.outcomes.map((o) => `${o.text} on ${o.tier} (${o.project})`).join(', ')}. To reproduce: ${d.reproduce}`;
}
