import { strict as assert } from 'node:assert';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, FoldingRange, Hover, Location, TextEdit } from 'vscode-languageserver';
import { serverForSuite, pathToUri, TestClient } from './client';
import { applyEdits } from '../../server/src/engine/fix';

const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');
const FIXTURE = readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', 'valid.itures'), 'utf8');
const PARTS = readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', 'parts.itures'), 'utf8');

describe('language server over stdio', function () {
  this.timeout(30000);
  const server = serverForSuite('reslint-lsp-');

  it('publishes diagnostics on open: Res 92 has only its known defect', async () => {
    const uri = pathToUri(path.join(server.dir, 'res92.itures'));
    server.client.open(uri, RES92);
    const diags = await server.client.waitDiagnostics(uri, 1);
    assert.deepEqual(
      diags.map((d) => [d.code, d.range.start.line + 1, d.source]),
      [['no-space-before-punctuation', 34, 'reslint']],
    );
  });

  it('re-lints after a change and reports the new finding at the new version', async () => {
    const uri = pathToUri(path.join(server.dir, 'edit.itures'));
    server.client.open(uri, FIXTURE);
    assert.equal((await server.client.waitDiagnostics(uri, 1)).length, 0);
    // break clause b) of considering: a semicolon where the section's last clause needs a comma
    const lines = FIXTURE.split('\n');
    const line = lines.findIndex((l) => l.startsWith('b)\tthat the roadmap'));
    const col = lines[line].length - 1;
    server.client.changeRange(uri, 2, { start: { line, character: col }, end: { line, character: col + 1 } }, ';');
    const diags = await server.client.waitDiagnostics(uri, 2);
    assert.deepEqual(diags.map((d) => d.code), ['clause-ending']);
    assert.equal(diags[0].range.start.line, line);
  });

  it('serves an outline of resolutions, sections and clauses', async () => {
    const uri = pathToUri(path.join(server.dir, 'outline.itures'));
    server.client.open(uri, RES92);
    await server.client.waitDiagnostics(uri, 1);
    const symbols = await server.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.match(symbols[0].name, /resolution 92 \(Hammamet, 2016\)/);
    const sections = symbols[0].children!.map((s) => s.name);
    assert.deepEqual(sections.slice(0, 3), ['considering', 'noting', 'resolves to invite the Telecommunication Standardization Advisory Group']);
    assert.equal(symbols[0].children![0].children!.length, 12);
    assert.equal(symbols[0].children![0].children![11].name, 'l)');
  });

  it('serves semantic tokens for names of bodies and citations', async () => {
    const uri = pathToUri(path.join(server.dir, 'outline.itures'));
    const r = await server.client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(r.data.length >= 5 * 20, `tokens: ${r.data.length / 5}`);
    assert.equal(r.data.length % 5, 0);
  });

  it('serves folding ranges for sections and clauses', async () => {
    const uri = pathToUri(path.join(server.dir, 'outline.itures'));
    const ranges = await server.client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const considering = ranges.find((r) => r.startLine === 10);
    assert.ok(considering, 'a range for considering');
    assert.equal(considering!.endLine, 23);
  });

  it('goes to the clause a reference points to and finds its references', async () => {
    const uri = pathToUri(path.join(server.dir, 'refs.itures'));
    server.client.open(uri, FIXTURE);
    await server.client.waitDiagnostics(uri, 1);
    const lines = FIXTURE.split('\n');
    const line = lines.findIndex((l) => l.includes('as noted in considering a) above'));
    const character = lines[line].indexOf('considering a)') + 12;
    const def = await server.client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: { line, character } });
    assert.ok(def);
    assert.equal(def!.range.start.line, lines.findIndex((l) => l.startsWith('a)\tthat International Mobile')));
    const refs = await server.client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } });
    assert.equal(refs.length, 2);
    const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(hover);
    assert.match(JSON.stringify(hover!.contents), /root name that encompasses/);
  });

  it('on a reference to a section: reports the wrong side, hovers, goes to the heading, completes the numbers', async () => {
    const uri = pathToUri(path.join(server.dir, 'parts.itures'));
    const text = PARTS.split('\n').filter((l) => !l.startsWith('#>')).join('\n');
    server.client.open(uri, text);
    const diagnostics = await server.client.waitDiagnostics(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'part-reference' && d.message === 'Section 3 is below this point, not above.'));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('as set out in Section 2 below'));
    const position = { line, character: lines[line].indexOf('Section 2 below') + 3 };
    const def = await server.client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position });
    assert.equal(def?.range.start.line, lines.indexOf('SECTION 2'));
    const hover = await server.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(JSON.stringify(hover?.contents), /SECTION 2\*\* Chairmen/);
    const refs = await server.client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.equal(refs.length, 3);
    const after = { line, character: lines[line].indexOf('Section 2 below') + 'Section '.length };
    const completion = await server.client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: after });
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['1', 'General provisions'], ['2', 'Chairmen'], ['3', 'Meetings']]);
  });

  it('offers quick fixes and a fix-all action that repair the text', async () => {
    const uri = pathToUri(path.join(server.dir, 'fix.itures'));
    const text = RES92.replace('a)\tthat International Mobile', 'a)\tthat  International Mobile');
    server.client.open(uri, text);
    const diags = await server.client.waitDiagnostics(uri, 1);
    assert.deepEqual(diags.map((d) => d.code).sort(), ['no-double-space', 'no-space-before-punctuation']);
    const spaceDiag = diags.find((d) => d.code === 'no-space-before-punctuation')!;
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: spaceDiag.range, context: { diagnostics: [spaceDiag] } });
    const quick = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
    assert.ok(quick, 'a preferred quick fix');
    assert.equal(quick.diagnostics?.[0].code, 'no-space-before-punctuation');
    const edits = quick.edit!.changes![uri] as TextEdit[];
    assert.match(applyEdits(text, edits).text, /to encourage, in cooperation/);
    const all = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(all.length, 1);
    const fixed = applyEdits(text, all[0].edit!.changes![uri] as TextEdit[]).text;
    assert.equal(fixed, RES92.replace('to encourage ,', 'to encourage,'));
  });

  it('applies rule severities from a .reslintrc.json project file', async () => {
    const sub = mkdtempSync(path.join(server.dir, 'proj-'));
    writeFileSync(path.join(sub, '.reslintrc.json'), JSON.stringify({ rules: { 'no-space-before-punctuation': 'off', 'clause-ending': 'info' } }));
    const uri = pathToUri(path.join(sub, 'res.itures'));
    server.client.open(uri, RES92.replace('workshop events.', 'workshop events'));
    const diags = await server.client.waitDiagnostics(uri, 1);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['clause-ending', 3]]);
  });

  it('publishes no findings for a document the project file\'s "ignores" name, and lints it again when the project file drops it', async () => {
    const sub = mkdtempSync(path.join(server.dir, 'ignores-'));
    const rc = path.join(sub, '.reslintrc.json');
    writeFileSync(rc, JSON.stringify({ ignores: ['references/'] }));
    mkdirSync(path.join(sub, 'references'));
    const text = RES92.replace('workshop events.', 'workshop events');
    const ignored = pathToUri(path.join(sub, 'references', 'res.itures'));
    const linted = pathToUri(path.join(sub, 'res.itures'));
    server.client.open(ignored, text);
    server.client.open(linted, text);
    assert.deepEqual(await server.client.waitDiagnostics(ignored, 1), []);
    assert.ok((await server.client.waitDiagnostics(linted, 1)).some((d) => d.code === 'clause-ending'));
    // the project file changes: the watcher tells the server, which lints the document again
    writeFileSync(rc, JSON.stringify({ ignores: [] }));
    void server.client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(rc), type: 2 }] });
    const deadline = Date.now() + 10000;
    while (!(await server.client.waitDiagnostics(ignored, 1)).some((d) => d.code === 'clause-ending')) {
      assert.ok(Date.now() < deadline, 'the document was not linted again after the project file changed');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('ignores a large document too (the lint worker\'s path)', async () => {
    const sub = mkdtempSync(path.join(server.dir, 'ignores-large-'));
    writeFileSync(path.join(sub, '.reslintrc.json'), JSON.stringify({ ignores: ['*.old.itures'] }));
    const client = await TestClient.start({ initializationOptions: { largeDebounceMs: 20, largeDocumentSize: 1024 } });
    try {
      const text = RES92.replace('workshop events.', 'workshop events');
      const ignored = pathToUri(path.join(sub, 'res.old.itures'));
      const linted = pathToUri(path.join(sub, 'res.itures'));
      client.open(ignored, text);
      client.open(linted, text);
      assert.ok((await client.waitDiagnostics(linted, 1, 30000)).some((d) => d.code === 'clause-ending'));
      assert.deepEqual(await client.waitDiagnostics(ignored, 1, 30000), []);
    } finally {
      await client.stop();
    }
  });

  it('checks every resolution file of the workspace on request, but the open and the ignored ones, and publishes their findings', async () => {
    const root = mkdtempSync(path.join(server.dir, 'lint-workspace-'));
    const bad = RES92.replace('workshop events.', 'workshop events');
    mkdirSync(path.join(root, 'drafts', 'old'), { recursive: true });
    writeFileSync(path.join(root, '.reslintrc.json'), JSON.stringify({ ignores: ['old/'] }));
    writeFileSync(path.join(root, 'a.itures'), bad);
    writeFileSync(path.join(root, 'drafts', 'b.res.txt'), RES92);
    writeFileSync(path.join(root, 'drafts', 'old', 'c.itures'), bad);
    writeFileSync(path.join(root, 'notes.txt'), bad);
    writeFileSync(path.join(root, 'open.itures'), bad);
    // a project file of its own, with a key it does not know: said once, the defaults apply
    mkdirSync(path.join(root, 'more'));
    writeFileSync(path.join(root, 'more', '.reslintrc.json'), JSON.stringify({ colour: 'blue' }));
    writeFileSync(path.join(root, 'more', 'd.itures'), RES92);
    const client = await TestClient.start({ rootPath: root });
    try {
      const open = pathToUri(path.join(root, 'open.itures'));
      client.open(open, FIXTURE);
      await client.waitDiagnostics(open, 1);
      const r = await client.request<{ files: number; errors: number; warnings: number; infos: number; open: number; ignored: number; skipped: unknown[]; cancelled: boolean }>('itu-resolution/lintWorkspace', {});
      assert.deepEqual(r, { files: 3, errors: 1, warnings: 3, infos: 0, open: 1, ignored: 1, skipped: [], cancelled: false });
      assert.deepEqual(client.shown.filter((m) => m.message.includes('colour')).map((m) => m.message), [`reslint: ${path.join(root, 'more', '.reslintrc.json')}: unknown key "colour"; the defaults apply for it.`]);
      assert.deepEqual((await client.waitDiagnostics(pathToUri(path.join(root, 'a.itures')))).map((d) => d.code), ['no-space-before-punctuation', 'clause-ending']);
      assert.deepEqual((await client.waitDiagnostics(pathToUri(path.join(root, 'drafts', 'b.res.txt')))).map((d) => d.code), ['no-space-before-punctuation']);
      // the open document keeps the findings of its text in the editor, not of the file on disk
      assert.deepEqual(await client.waitDiagnostics(open, 1), []);
      await new Promise((res) => setTimeout(res, 100));
      for (const f of [path.join(root, 'drafts', 'old', 'c.itures'), path.join(root, 'notes.txt')]) {
        await assert.rejects(client.waitDiagnostics(pathToUri(f), undefined, 200), /no diagnostics/, f);
      }
    } finally {
      await client.stop();
    }
  });

  it('offers to disable a rule for the finding\'s line, joining the comment the line already has', async () => {
    const uri = pathToUri(path.join(server.dir, 'disable-action.itures'));
    const text = RES92.replace('to encourage , in cooperation', 'to encourage ,  in cooperation');
    server.client.open(uri, text);
    const lineOf = (src: string) => src.split('\n').find((l) => l.includes('to encourage ,'))!;
    const disable = async (src: string, version: number, code: string) => {
      const d = (await server.client.waitDiagnostics(uri, version)).find((x) => x.code === code)!;
      const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const action = actions.find((a) => a.title === `Disable ${code} for this line`);
      assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
      // offered after the rule's own fix
      assert.ok(actions.indexOf(action) > actions.findIndex((a) => a.isPreferred));
      assert.equal(action.diagnostics?.[0].code, code);
      return applyEdits(src, action.edit!.changes![uri] as TextEdit[]).text;
    };
    assert.deepEqual((await server.client.waitDiagnostics(uri, 1)).map((d) => d.code).sort(), ['no-double-space', 'no-space-before-punctuation']);
    const once = await disable(text, 1, 'no-space-before-punctuation');
    assert.ok(lineOf(once).endsWith(' <!-- reslint-disable-line no-space-before-punctuation -->'), lineOf(once));
    assert.equal(once.replace(' <!-- reslint-disable-line no-space-before-punctuation -->', ''), text, 'nothing else changes');
    server.client.change(uri, 2, once);
    assert.deepEqual((await server.client.waitDiagnostics(uri, 2)).map((d) => d.code), ['no-double-space']);
    const twice = await disable(once, 2, 'no-double-space');
    assert.ok(lineOf(twice).endsWith(' <!-- reslint-disable-line no-space-before-punctuation, no-double-space -->'), lineOf(twice));
    server.client.change(uri, 3, twice);
    assert.deepEqual(await server.client.waitDiagnostics(uri, 3), []);
  });

  it('silences one rule on one line with a reslint-disable-line comment', async () => {
    const uri = pathToUri(path.join(server.dir, 'disable.itures'));
    server.client.open(uri, RES92.replace('to encourage , in cooperation', 'to encourage , in cooperation <!-- reslint-disable-line no-space-before-punctuation -->'));
    assert.deepEqual(await server.client.waitDiagnostics(uri, 1), []);
  });

  it('answers requests while a stream of edits arrives, and clears diagnostics on close', async () => {
    const uri = pathToUri(path.join(server.dir, 'stream.itures'));
    server.client.open(uri, RES92);
    for (let v = 2; v <= 40; v++) server.client.change(uri, v, RES92 + '\n'.repeat(v % 3));
    const symbols = await server.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const diags = await server.client.waitDiagnostics(uri, 40);
    assert.equal(diags.length, 1);
    void server.client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    for (let i = 0; i < 50 && server.client.diagnostics.get(uri)?.diagnostics.length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(server.client.diagnostics.get(uri)?.diagnostics, []);
  });
});
