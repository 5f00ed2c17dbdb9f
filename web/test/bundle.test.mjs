// The committed widget.js is what pages load and what the server's jar carries, built from src/ by
// `npm run build`: these tests fail when it is stale, over its budget, or not one classic script.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { after, describe, test } from 'node:test';
import { WIDGET, build } from '../build.mjs';

const BUDGET_BYTES = 30 * 1024; // uncompressed, script and styles together
const committed = fs.readFileSync(WIDGET);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'widget-build-'));

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('widget.js', () => {
  test('is a fresh build of web/src (run `npm run build` in web/ and commit widget.js)', async () => {
    const fresh = path.join(scratch, 'widget.js');
    await build(fresh);
    assert.ok(committed.equals(fs.readFileSync(fresh)),
      'web/widget.js differs from a build of web/src: run `npm run build` in web/ and commit the result');
  });

  test(`is within its budget of ${BUDGET_BYTES} bytes uncompressed`, (t) => {
    t.diagnostic(`widget.js: ${committed.length} bytes`);
    assert.ok(committed.length <= BUDGET_BYTES, `widget.js is ${committed.length} bytes, over ${BUDGET_BYTES}`);
  });

  test('says at its top that it is generated from web/src by npm run build', () => {
    const banner = committed.toString('utf8').split('*/')[0];
    assert.match(banner, /^\/\*/);
    assert.match(banner, /GENERATED from web\/src\/ by `npm run build`/);
  });

  test('is one classic script in ASCII: no module syntax, nothing that depends on the page\'s encoding', () => {
    assert.doesNotThrow(() => new vm.Script(committed.toString('utf8'), { filename: 'widget.js' }));
    const wide = committed.findIndex((byte) => byte > 0x7f);
    assert.equal(wide, -1, `a non-ASCII byte at ${wide}`);
  });
});
