import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver';
import { serverForSuite, pathToUri } from '../lsp/client';

const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');

describe('citations over the language server (stdio)', function () {
  this.timeout(60000);
  const server = serverForSuite('reslint-citations-');

  it('hovers a citation in Res 92 with its title, status and history', async () => {
    const uri = pathToUri(path.join(server.dir, 'res92.itures'));
    server.client.open(uri, RES92);
    await server.client.waitDiagnostics(uri, 1);
    const lines = RES92.split('\n');
    const line = lines.findIndex((l) => l.includes('of the World Telecommunication Development Conference (WTDC) acknowledged'));
    const character = lines[line].indexOf('43') + 1;
    const h = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(h);
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /Resolution 43 \(Rev\. Dubai, 2014\)\*\* of the World Telecommunication Development Conference/);
    assert.match(md, /In force as of this text's meeting \(Hammamet, 2016\)/);
    assert.match(md, /Adopted and revised: .*Dubai, 2014/);
  });

  it('completes resolution numbers after "Resolution " with the revision of the document\'s time', async () => {
    const uri = pathToUri(path.join(server.dir, 'typing.itures'));
    const text = RES92.replace(/\u00a0/g, ' ').replace('a)\tResolution 18 (Rev. Hammamet, 2016) of this assembly, on', 'a)\tResolution ');
    server.client.open(uri, text);
    await server.client.waitDiagnostics(uri, 1);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('a)\tResolution  principles'));
    assert.ok(line > 0);
    const r = await server.client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 'a)\tResolution '.length },
    });
    const items = Array.isArray(r) ? r : (r?.items ?? []);
    const r18 = items.find((i) => i.label === '18');
    assert.ok(r18, `Resolution 18 among ${items.length} items`);
    assert.equal(r18.insertText, '18 (Rev. Hammamet, 2016)');
  });
});
