/**
 * A broken project file seen through the language server: the user is told once, in one
 * clear message naming the file, and the document is still checked with the defaults for
 * what the file got wrong (and its valid parts applied).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestClient, pathToUri } from '../lsp/client';
import { bundleDir, RES92_TEXT } from './bundles';

describe('hardening: a broken project file over the language server', function () {
  this.timeout(60000);
  let client: TestClient;
  after(async () => client?.stop());

  it('warns once naming the file, and lints with the defaults plus the valid settings', async () => {
    const root = path.join(bundleDir(), 'broken-config');
    mkdirSync(root, { recursive: true });
    const cfg = path.join(root, '.reslintrc.json');
    // JSON syntax error (missing brace), an unknown rule, a bad severity, and one valid setting
    writeFileSync(cfg, '{ "rules": { "no-such-rule": "error", "clause-ending": "loud", "no-space-before-punctuation": "error" }, "references": 7 ');
    client = await TestClient.start({ rootPath: root });
    const a = pathToUri(path.join(root, 'a.itures'));
    const b = pathToUri(path.join(root, 'b.itures'));
    client.open(a, RES92_TEXT);
    const diags = await client.waitDiagnostics(a, 1);
    // the valid part applies: the space before the comma is now an error
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.range.start.line + 1]), [['no-space-before-punctuation', 1, 34]]);
    // a second document of the same folder: linted, and no second warning
    client.open(b, RES92_TEXT.replace('workshop events.', 'workshop events'));
    const diagsB = await client.waitDiagnostics(b, 1);
    assert.deepEqual(diagsB.map((d) => d.code).sort(), ['clause-ending', 'no-space-before-punctuation']);
    const warnings = client.logs.filter((l) => l.includes(cfg));
    assert.ok(warnings.length >= 1, client.logs.join('\n'));
    const text = warnings.join('\n');
    assert.match(text, /no-such-rule/);
    assert.match(text, /loud/);
    assert.match(text, /defaults apply/);
    // each problem is told once, although two documents were linted
    assert.equal(warnings.filter((w) => /no-such-rule/.test(w)).length, 1, text);
    assert.doesNotMatch(client.stderr, /\n\s+at /);
  });
});
