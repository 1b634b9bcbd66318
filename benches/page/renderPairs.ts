// The bench page's table: the same rows `npm run bench` prints (benches/report/nodeTable.ts).
import type { PairResult } from '../report/schema.ts';
import { TABLE_HEADER, tableRows } from '../report/nodeTable.ts';

const head = document.querySelector<HTMLTableSectionElement>('#results thead')!;
const body = document.querySelector<HTMLTableSectionElement>('#results tbody')!;

export function renderPairs(pairs: readonly PairResult[]): void {
  if (!head.rows.length) {
    const tr = head.insertRow();
    for (const h of TABLE_HEADER) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      tr.append(th);
    }
  }
  body.replaceChildren();
  for (const row of tableRows(pairs).slice(1)) {
    const tr = body.insertRow();
    for (const text of row) tr.insertCell().textContent = text;
  }
}
