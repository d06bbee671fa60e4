import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver';
import { serverForSuite, pathToUri } from '../lsp/client';
import { RES92 } from './helpers';

describe('names over the language server (stdio)', function () {
  this.timeout(60000);
  const server = serverForSuite('reslint-names-');

  it('hovers an abbreviation of Res 92 with its expansion, and a study group with its title', async () => {
    const uri = pathToUri(path.join(server.dir, 'res92.itures'));
    server.client.open(uri, RES92);
    await server.client.waitDiagnostics(uri, 1);
    const lines = RES92.split('\n');
    const line = lines.findIndex((l) => l.includes('of WTDC'));
    const character = lines[line].indexOf('of WTDC') + 4;
    const h = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /\*\*WTDC\*\*: World Telecommunication Development Conference/);
    const sgLine = lines.findIndex((l) => l.startsWith('instructs Study Group\u00a015'));
    const sg = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: sgLine, character: 14 } });
    assert.match((sg!.contents as MarkupContent).value, /ITU-T Study Group 15\*\*: [^\n]*Transport/i);
  });

  it('completes addressees after "instructs " and numbers after "Study Group "', async () => {
    const uri = pathToUri(path.join(server.dir, 'typing.itures'));
    const lines = RES92.split('\n');
    const at = lines.findIndex((l) => l.startsWith('instructs the Director'));
    const typed = [...lines.slice(0, at), 'instructs ', ...lines.slice(at)].join('\n');
    server.client.open(uri, typed);
    await server.client.waitDiagnostics(uri, 1);
    const r = await server.client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 'instructs '.length } });
    const items = Array.isArray(r) ? r : r?.items ?? [];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Study Group 16'), labels.join(', '));
    assert.ok(labels.includes('the Director of the Telecommunication Standardization Bureau'));

    const typed2 = [...lines.slice(0, at), 'instructs Study Group ', ...lines.slice(at)].join('\n');
    server.client.change(uri, 2, typed2);
    await server.client.waitDiagnostics(uri, 2);
    const r2 = await server.client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 'instructs Study Group '.length } });
    const items2 = Array.isArray(r2) ? r2 : r2?.items ?? [];
    assert.deepEqual(items2.map((i) => i.label), ['2', '3', '5', '9', '11', '12', '13', '15', '16', '17', '20']);
    assert.match(String(items2.find((i) => i.label === '13')?.detail), /Future networks/);
  });
});
