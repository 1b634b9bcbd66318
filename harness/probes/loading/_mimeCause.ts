// When streaming compilation rejects, the usual cause is the server: a status other than 2xx (the
// .wasm is missing) or a Content-Type other than application/wasm. Say which in the probe's detail,
// so the failure names it rather than leaving a bare TypeError.
import { wasmMimeTypeProblem } from '../../../deploy/headerRules.ts';

export function mimeCause(response: { status: number; contentType: string | null } | null): string {
  if (!response) return '';
  if (response.status < 200 || response.status > 299) return `: the .wasm answered HTTP ${response.status}, so it is missing from the deployment`;
  const problem = wasmMimeTypeProblem(response.contentType);
  return problem ? `: the .wasm is ${problem}` : '';
}
