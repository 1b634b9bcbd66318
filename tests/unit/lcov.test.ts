// The coverage run's readers (coverage/lcov.ts) on tracefiles and test output as the tools write
// them: a line reached in either of two records of a file counts once, a dependency's sources are
// left out, a file that is no tracefile is refused, failed tests are named, and the lines only one
// scope reaches are found per file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedTestsIn, linesOnlyIn, parseLcov } from '../../coverage/lcov.ts';

const CRATE = '/work/crate';
const TRACE = `SF:/work/crate/src/lib.rs
FNF:3
FNH:1
DA:1,0
DA:2,4
DA:3,0
end_of_record
SF:/work/crate/src/lib.rs
FNF:3
FNH:2
DA:1,1
DA:3,0
end_of_record
SF:/root/.cargo/registry/src/index/serde-1.0.0/src/lib.rs
DA:10,5
end_of_record
`;

test('a tracefile: lines reached in either record count once, dependencies are left out', () => {
  const s = parseLcov(TRACE, CRATE);
  assert.deepEqual(s.files, [{ file: 'src/lib.rs', lines: { count: 3, covered: 2 }, functions: { count: 3, covered: 2 }, coveredLines: [1, 2] }]);
  assert.deepEqual(s.lines, { count: 3, covered: 2 });
  assert.throws(() => parseLcov('{"type": "llvm.coverage.json.export"}', CRATE, 'x.lcov'), /x\.lcov is not an LCOV tracefile: it has no end_of_record/);
});

test('the failed tests libtest and wasm-bindgen-test-runner name, and the lines only one scope reaches', () => {
  const output = [
    'test tests::pipe::test_pipe ... ok',
    'test tests::fetch_as_stream::test_fetch_as_stream ... FAIL',
    'test math::overflow ... FAILED',
    'test result: FAILED. 47 passed; 2 failed',
  ].join('\n');
  assert.deepEqual(failedTestsIn(output), ['tests::fetch_as_stream::test_fetch_as_stream', 'math::overflow']);
  const browser = parseLcov('SF:/work/crate/src/lib.rs\nDA:1,1\nDA:2,1\nDA:5,1\nend_of_record\n', CRATE);
  const native = parseLcov('SF:/work/crate/src/lib.rs\nDA:1,1\nDA:2,0\nDA:5,0\nend_of_record\n', CRATE);
  assert.deepEqual(linesOnlyIn(browser, native), [{ file: 'src/lib.rs', lines: [2, 5] }]);
  assert.deepEqual(linesOnlyIn(native, browser), []);
});
