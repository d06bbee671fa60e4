/** The wiring in server.ts: settings → indexing → go to definition, over stdio. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver';
import { TestClient, pathToUri } from '../lsp/client';
import { tmpDir } from './helpers';
import { CITING_DRAFT, RES_92_GENEVA_2022, RES_999 } from './texts';

describe('references: language server', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = tmpDir('lsp-refs');
    fs.mkdirSync(path.join(dir, 'refs'));
    fs.writeFileSync(path.join(dir, 'refs', 'res999.itures'), RES_999);
    fs.writeFileSync(path.join(dir, 'refs', 'res92.txt'), RES_92_GENEVA_2022);
    client = await TestClient.start({ rootPath: dir, settings: { references: ['refs'] } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('goes from a citation to the reference document, once the folder is indexed', async () => {
    const uri = pathToUri(path.join(dir, 'draft.itures'));
    client.open(uri, CITING_DRAFT);
    await client.waitDiagnostics(uri, 1);
    const line = CITING_DRAFT.split('\n').findIndex((l) => l.includes('Resolution 999'));
    const character = CITING_DRAFT.split('\n')[line].indexOf('999') + 1;
    // indexing runs in the background: ask until it answers (bounded)
    let found: Location[] | null = null;
    const deadline = Date.now() + 20000;
    while (!found?.length && Date.now() < deadline) {
      found = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: { line, character } });
      if (!found?.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(found, [{ uri: pathToUri(path.join(dir, 'refs', 'res999.itures')), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } } }]);
    assert.ok(client.logs.some((l) => /reference documents: .*refs: 2 file\(s\), 2 resolution\(s\)/.test(l)), client.logs.join('\n'));
  });
});
