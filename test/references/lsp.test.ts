/** The wiring in server.ts: settings → indexing → go to definition, over stdio. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Location, SymbolInformation } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { TestClient, pathToUri } from '../lsp/client';
import { tmpDir } from './helpers';
import { CITING_DRAFT, CLAUSE_CITING_DRAFT, RES_92_GENEVA_2022, RES_999 } from './texts';
import { parse } from '../../server/src/parser/parse';
import { exportDocx } from '../../server/src/word/export';

describe('references: language server', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = tmpDir('lsp-refs');
    fs.mkdirSync(path.join(dir, 'refs'));
    fs.writeFileSync(path.join(dir, 'refs', 'res999.itures'), RES_999);
    // Res 92 as a Word file, as ITU publishes its resolutions
    fs.writeFileSync(path.join(dir, 'refs', 'Res 92 (Rev. Geneva, 2022).docx'), await exportDocx(parse(RES_92_GENEVA_2022)));
    client = await TestClient.start({ rootPath: dir, settings: { references: ['refs'] } });
    // the draft every test below works in
    client.open(pathToUri(path.join(dir, 'draft.itures')), CITING_DRAFT);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('goes from a citation to the reference document, once the folder is indexed', async () => {
    const uri = pathToUri(path.join(dir, 'draft.itures'));
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

  it('goes from a citation into a Word reference document, opened as its text', async () => {
    const uri = pathToUri(path.join(dir, 'draft.itures'));
    const lines = CITING_DRAFT.split('\n');
    const line = lines.findIndex((l) => l.includes('Resolution 92 (Rev. Geneva, 2022)'));
    const character = lines[line].indexOf('92') + 1;
    const found = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: { line, character } });
    const docx = path.join(dir, 'refs', 'Res 92 (Rev. Geneva, 2022).docx');
    // the view of the Word file: the same path under the scheme the client provides text for
    assert.equal(found?.length, 1, JSON.stringify(found));
    const view = URI.parse(found![0].uri);
    assert.equal(view.scheme, 'itu-resolution-word');
    assert.equal(view.with({ scheme: 'file' }).fsPath, docx);
    const text = await client.request<string | null>('itu-resolution/wordText', { uri: found![0].uri });
    assert.ok(text, 'the server converts the Word file (dist/docxText.js, next to the server)');
    const at = found![0].range;
    assert.equal(text.split('\n')[at.start.line].slice(at.start.character, at.end.character), 'RESOLUTION 92 (Rev. Geneva, 2022)');
    // the hover's source link opens the same view
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(hover?.contents.value.includes(`[Source](${found![0].uri})`), hover?.contents.value);
    // only indexed reference documents are read
    assert.equal(await client.request<string | null>('itu-resolution/wordText', { uri: URI.file(path.join(dir, 'other.docx')).with({ scheme: 'itu-resolution-word' }).toString() }), null);
    assert.equal(await client.request<string | null>('itu-resolution/wordText', { uri: pathToUri(docx) }), null);
  });

  it('finds the other citations of the cited text, and its text in the reference documents as the declaration', async () => {
    const uri = pathToUri(path.join(dir, 'draft.itures'));
    const lines = CITING_DRAFT.split('\n');
    const line = lines.findIndex((l) => l.includes('Resolution 92 (Rev. Geneva, 2022)'));
    const position = { line, character: lines[line].indexOf('Resolution') + 2 };
    const ask = (includeDeclaration: boolean) => client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
    const at = (locs: Location[]) => locs.map((l) => `${URI.parse(l.uri).scheme}:${path.basename(URI.parse(l.uri).fsPath)}:${l.range.start.line}`);
    // both citations of Res 92 (the 2022 and the 2016 text), not those of Res 999
    const cited = lines.flatMap((l, i) => (/Resolution 92 \(/.test(l) ? [`file:draft.itures:${i}`] : []));
    assert.equal(cited.length, 2);
    assert.deepEqual(at(await ask(false)), cited);
    // the declaration: its number line in the Word file, through the text view, where go to definition goes
    const withDeclaration = await ask(true);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.deepEqual(withDeclaration[0], definition[0]);
    assert.deepEqual(at(withDeclaration), [at(definition)[0], ...cited]);
    assert.match(at(definition)[0], /^itu-resolution-word:Res 92 \(Rev\. Geneva, 2022\)\.docx:\d+$/);
  });

  it('lists the resolutions of the reference and open documents as workspace symbols, by number or by title', async () => {
    const uri = pathToUri(path.join(dir, 'draft.itures'));
    const ask = (query: string) => client.request<SymbolInformation[]>('workspace/symbol', { query });
    const names = (list: SymbolInformation[]) => list.map((s) => `${s.containerName}: ${s.name}`).sort();
    // the first request starts indexing the folder in the background: ask until it is in (bounded)
    let all: SymbolInformation[] = [];
    const deadline = Date.now() + 20000;
    while ((all = await ask('')).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(names(all), [
      'WTSA: RESOLUTION 92 (Rev. Geneva, 2022) — Enhancing the standardization activities in the ITU Telecommunication Standardization Sector related to non-radio aspects of international mobile telecommunications',
      'WTSA: RESOLUTION 999 (Geneva, 2022) — Keeping national copies of the texts adopted by the World Telecommunication Standardization Assembly',
      'WTSA: Resolution 1000 (Geneva, 2022) — Use of national copies of resolutions',
    ]);
    // by title words, by number; Res 92 points into the view of its Word file, the draft into itself
    const imt = await ask('mobile telecommunications');
    assert.equal(imt.length, 1);
    assert.ok(imt[0].name.startsWith('RESOLUTION 92 (Rev. Geneva, 2022) — Enhancing'), imt[0].name);
    assert.equal(URI.parse(imt[0].location.uri).scheme, 'itu-resolution-word');
    const draft = await ask('1000');
    assert.deepEqual(draft.map((s) => [s.location.uri, s.location.range.start.line]), [[uri, 0]]);
    assert.deepEqual(await ask('no such words'), []);
  });

  it('reads a clause of a cited text in the reference documents: hover, go to definition into a Word file, a finding where the clause does not exist', async () => {
    const uri = pathToUri(path.join(dir, 'clauses.itures'));
    client.open(uri, CLAUSE_CITING_DRAFT);
    try {
      const lines = CLAUSE_CITING_DRAFT.split('\n');
      const line = (needle: string) => lines.findIndex((l) => l.includes(needle));
      // the folder is indexed by now (the tests above waited for it): resolves 3 of Res 999 does not exist
      const diags = await client.waitDiagnostics(uri, 1);
      assert.deepEqual(
        diags.filter((d) => d.code === 'citation-clause').map((d) => [d.range.start.line, d.message]),
        [[line('resolves 3 of'), 'Resolution 999 (Geneva, 2022) has no resolves 3 (its "resolves" clauses: 1, 2; as in res999.itures).']],
      );
      // considering b) of Res 92 as revised in 2022: in the Word file, through its text view
      const position = { line: line('considering b) of Resolution 92 (Rev.'), character: 14 };
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
      const definition = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position });
      assert.equal(definition?.length, 1, JSON.stringify(definition));
      const view = definition![0].uri;
      assert.equal(URI.parse(view).scheme, 'itu-resolution-word');
      assert.equal(
        hover?.contents.value,
        `**Resolution 92 (Rev. Geneva, 2022), considering b)**\n\nthat the non-radio aspects of IMT are studied by several ITU-T study groups,\n\n[Source](${view})`,
      );
      const text = await client.request<string | null>('itu-resolution/wordText', { uri: view });
      const at = definition![0].range;
      assert.ok(text?.split('\n')[at.start.line].startsWith('b)\tthat the non-radio aspects of IMT'), text?.split('\n')[at.start.line]);
      // find all references: the clause in the Word file, then this document's one reference to it
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
      assert.deepEqual(
        refs.map((l) => [l.uri, l.range.start.line]),
        [
          [view, at.start.line],
          [uri, position.line],
        ],
      );
      // completion of a label after the citation: typed over clause a)
      const typed = 'a)\tthat Resolution 92 (Rev. Geneva, 2022) of this assembly, considering ';
      client.changeRange(uri, 2, { start: { line: 5, character: 0 }, end: { line: 5, character: lines[5].length } }, typed);
      const items = await client.request<{ items?: { label: string; detail?: string }[] } | { label: string; detail?: string }[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 5, character: typed.length },
      });
      const list = Array.isArray(items) ? items : (items.items ?? []);
      assert.deepEqual(
        list.map((i) => `${i.label}: ${i.detail}`),
        ['a): Resolution 92 (Rev. Geneva, 2022), considering', 'b): Resolution 92 (Rev. Geneva, 2022), considering'],
      );
    } finally {
      client.close(uri);
    }
  });
});
