/**
 * The language server under abuse (issue 6 §2): a 20 MB document, 10,000 rapid edits,
 * malformed messages, a rule that throws. Each test starts its own server over stdio.
 *
 * Timing bounds are generous (the machine is shared): the 200 ms bound applies only to
 * the requests the issue names (hover, documentSymbol), as the worst of a few requests.
 * The measured numbers are printed for the report.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver';
import { TestClient, pathToUri } from './client';
import { RULES } from '../../server/src/rules';
import { STRUCTURAL_TAGS, TEST_THROWING_RULE_ENV, TEST_THROWING_RULE_ID } from '../../server/src/lintJob';
import { lintDocument } from '../../server/src/engine/lint';
import { parse } from '../../server/src/parser/parse';
import { LineDocument, splitKeepingEnds } from '../../server/src/lineDocument';
import { parseInSteps } from '../../server/src/largeDocument';
import fc from 'fast-check';

const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');
const RES1 = readFileSync(path.join(__dirname, '..', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8');
/** one Res 92 and one Res 1 (about 86 kB): repeated to make large documents */
const UNIT = RES92 + '\n' + RES1 + '\n';

function repeated(minChars: number): string {
  return UNIT.repeat(Math.ceil(minChars / UNIT.length));
}

interface Stats {
  memory: { rss: number; heapUsed: number };
  counters: Record<string, number>;
  lintWorker: boolean;
  documents: { uri: string; version: number; length: number; modelVersion: number | null; building: number | null; linting: number | null; findingsVersion: number | null }[];
}

const stats = (c: TestClient, gc = false) => c.request<Stats>('itu-resolution/stats', { gc });
const docStats = async (c: TestClient, uri: string) => (await stats(c)).documents.find((d) => d.uri === uri)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/** The position of `needle` in the `nth` occurrence (0-based) of a text, plus `offset` characters. */
function positionOf(text: string, needle: string, nth: number, offset = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} #${nth}`);
  const d = TextDocument.create('x:', 'x', 0, text);
  return d.positionAt(at + offset);
}

const STRUCTURAL_IDS = new Set(RULES.filter((r) => r.tags.some((t) => STRUCTURAL_TAGS.includes(t))).map((r) => r.id));

describe('language server under abuse', function () {
  this.timeout(300000);
  const dir = os.tmpdir();

  describe('the parts a large document goes through', () => {
    /** the model without its text (joined lazily by parseInSteps), and without the texts' facts records (shared memos, not model) */
    const json = (d: ReturnType<typeof parse>) => JSON.stringify({ ...d, text: undefined }, (k, v: unknown) => (k === 'facts' ? undefined : v));

    it('parses in steps to the same model as parse(), and re-parses only the edited piece', async () => {
      const proposals = readFileSync(path.join(__dirname, '..', 'grammar', 'proposals.itures'), 'utf8');
      const texts = [repeated(1024 * 1024), (RES92 + '\r\n' + RES1).replace(/\n/g, '\r\n'), RES92 + '\n' + proposals + '\n' + RES92, proposals + RES92];
      for (const text of texts) {
        const stepped = await parseInSteps(splitKeepingEnds(text), { pieceSize: 4096 });
        assert.equal(json(stepped.doc), json(parse(text)));
        assert.equal(stepped.doc.text, text);
      }
      // typing in one resolution of a 1 MB text: one piece parsed again, the others reused
      const text = texts[0];
      const first = await parseInSteps(splitKeepingEnds(text));
      const at = text.indexOf('that', text.length / 2);
      const edited = text.slice(0, at) + 'x' + text.slice(at);
      const second = await parseInSteps(splitKeepingEnds(edited), { previous: first.pieces });
      assert.ok(first.pieces.length > 10);
      assert.equal(second.parsed, 1);
      assert.equal(second.reused, first.pieces.length - 1);
      assert.equal(json(second.doc), json(parse(edited)));
    });

    it('keeps the text as lines with the same results as the TextDocument of vscode-languageserver-textdocument', () => {
      const piece = fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', ' ', 'é', '');
      const textArb = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
      const pos = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 6 }) });
      const change = fc.oneof(
        { weight: 9, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text: textArb }) },
        { weight: 1, arbitrary: fc.record({ text: textArb }) },
      );
      fc.assert(
        fc.property(textArb, fc.array(change, { maxLength: 20 }), fc.array(pos, { minLength: 1, maxLength: 5 }), (text, changes, probes) => {
          const a = TextDocument.create('u:', 'x', 1, text);
          const b = new LineDocument('u:', 'x', 1, text);
          let v = 1;
          for (const c of changes) {
            // the library miscounts lines for edits on lines past the end of the text: only edits inside it
            if ('range' in c && [c.range.start.line, c.range.end.line].some((l) => l < 0 || l >= a.lineCount)) continue;
            v++;
            TextDocument.update(a, [c], v);
            b.update([c], v);
            assert.equal(b.getText(), a.getText());
            assert.equal(b.length, a.getText().length);
            assert.equal(b.lineCount, a.lineCount);
            assert.equal(b.snapshot().join(''), a.getText());
            for (const p of probes) {
              assert.equal(b.offsetAt(p), a.offsetAt(p));
              const offset = Math.max(0, p.line * 3 + p.character);
              assert.deepEqual(b.positionAt(offset), a.positionAt(offset));
              assert.deepEqual(b.getLineRange(p.line), a.getLineRange(p.line));
              assert.equal(b.getEOLCharacters(p.line), a.getEOLCharacters(p.line));
              assert.equal(b.getText({ start: p, end: probes[0] }), a.getText({ start: p, end: probes[0] }));
            }
          }
          assert.equal(b.version, a.version);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('a 20 MB document', () => {
    let client: TestClient;
    const uri = pathToUri(path.join(dir, 'reslint-abuse-20mb.itures'));
    const text = repeated(20 * 1024 * 1024);
    let version = 1;
    let local: TextDocument;

    before(async () => {
      client = await TestClient.start({ initializationOptions: { largeDebounceMs: 100 } });
      local = TextDocument.create(uri, 'itu-resolution', 1, text);
    });
    after(async () => {
      await client.stop();
    });

    it('is linted off the main thread with the structural rules only, and says so once', async () => {
      const t0 = Date.now();
      client.open(uri, text);
      const diags = await client.waitDiagnostics(uri, 1, 240000);
      console.log(`      20 MB (${text.length.toLocaleString('en')} characters): first diagnostics after ${Date.now() - t0} ms, ${diags.length} diagnostics`);
      const s = await stats(client);
      assert.equal(s.lintWorker, true, 'the lint worker file is found next to the server');
      // the notice: an Information diagnostic on line 1, and one message
      assert.equal(diags[0].code, 'large-document');
      assert.equal(diags[0].severity, 3);
      assert.equal(diags[0].range.start.line, 0);
      assert.match(String(diags[0].message), /maxFullCheckSize/);
      assert.match(String(diags[0].message), /only the structural checks/);
      const notices = client.shown.filter((m) => /maxFullCheckSize/.test(m.message));
      assert.equal(notices.length, 1);
      assert.equal(notices[0].type, 3, 'an information message');
      // only structural rules reported, and they did report
      const codes = new Set(diags.slice(1).map((d) => String(d.code)));
      assert.ok(codes.size > 0, 'the structural rules ran');
      for (const c of codes) assert.ok(STRUCTURAL_IDS.has(c), `${c} is not a structural rule`);
      // the same findings as the engine gives with the structural rules (checked on one repetition)
      const unitFindings = lintDocument(parse(UNIT), { rules: RULES.filter((r) => STRUCTURAL_IDS.has(r.id)) });
      const perUnit = diags.slice(1).filter((d) => d.range.start.line < UNIT.split('\n').length - 1);
      assert.deepEqual(
        perUnit.map((d) => `${d.range.start.line}:${d.code}`).sort(),
        unitFindings.map((f) => `${f.range.start.line}:${f.rule}`).sort(),
      );
    });

    it('answers hover and documentSymbol within 200 ms while it is being edited', async () => {
      await until('the first model', async () => (await docStats(client, uri)).modelVersion === version, 240000, 200);
      // an abbreviation in a Res 92 half way down the document: hover shows its expansion
      const refLine = RES92.split('\n').findIndex((l) => l.includes('of WTDC'));
      assert.ok(refLine >= 0);
      const half = Math.floor(text.length / UNIT.length / 2);
      const unitLines = UNIT.split('\n').length - 1;
      const hoverAt = { line: half * unitLines + refLine, character: RES92.split('\n')[refLine].indexOf('of WTDC') + 4 };
      // one request of each first: it pays once for compiling the code paths and the first analysis
      const warm = {
        hover: (await timed(() => client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt }))).ms,
        symbols: (await timed(() => client.request('textDocument/documentSymbol', { textDocument: { uri } }))).ms,
      };
      console.log(`      first hover ${warm.hover.toFixed(0)} ms, first documentSymbol ${warm.symbols.toFixed(0)} ms (not counted)`);
      const times: { hover: number[]; symbols: number[] } = { hover: [], symbols: [] };
      let symbols: DocumentSymbol[] = [];
      for (let round = 0; round < 5; round++) {
        // an edit far from the hover: a word typed into a clause of Res 1 near the end
        const at = positionOf(text, 'that', Math.floor((text.length / UNIT.length) * 0.9) * 20 + round);
        version++;
        const range = { start: at, end: at };
        client.changeRange(uri, version, range, 'x');
        local = TextDocument.update(local, [{ range, text: 'x' }], version);
        await sleep(20);
        const h = await timed(() => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: hoverAt }));
        times.hover.push(h.ms);
        assert.ok(h.value, 'a hover');
        assert.match((h.value!.contents as MarkupContent).value, /\*\*WTDC\*\*: World Telecommunication Development Conference/);
        const sy = await timed(() => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
        times.symbols.push(sy.ms);
        symbols = sy.value;
        await sleep(150);
      }
      console.log(`      hover: ${times.hover.map((t) => t.toFixed(0)).join(', ')} ms; documentSymbol: ${times.symbols.map((t) => t.toFixed(0)).join(', ')} ms`);
      // the outline: every resolution, without its sections
      assert.equal(symbols.length, 2 * Math.ceil(text.length / UNIT.length));
      assert.match(symbols[0].name, /resolution 92/i);
      assert.match(symbols[1].name, /resolution 1 /i);
      assert.deepEqual(symbols[0].children, []);
      assert.equal(symbols[symbols.length - 1].range.start.line, symbols[1].range.start.line + (symbols.length / 2 - 1) * (UNIT.split('\n').length - 1));
      assert.ok(Math.max(...times.hover) < 200, `hover took ${Math.max(...times.hover).toFixed(0)} ms`);
      assert.ok(Math.max(...times.symbols) < 200, `documentSymbol took ${Math.max(...times.symbols).toFixed(0)} ms`);
      // the edits are all there once the lint catches up
      await client.waitDiagnostics(uri, version, 240000);
    });

    it('cancels a running lint when a newer edit arrives and never publishes its result', async () => {
      const before = (await stats(client)).counters;
      const at = positionOf(text, 'resolves', 7);
      version++;
      const v1 = version;
      client.changeRange(uri, v1, { start: at, end: at }, ' ');
      local = TextDocument.update(local, [{ range: { start: at, end: at }, text: ' ' }], v1);
      // wait until the worker is busy with that version, then edit again
      await until('the lint of the first edit to start', async () => (await docStats(client, uri)).linting === v1, 60000, 20);
      version++;
      const v2 = version;
      const at2 = { line: at.line, character: at.character + 1 };
      client.changeRange(uri, v2, { start: at, end: at2 }, '');
      local = TextDocument.update(local, [{ range: { start: at, end: at2 }, text: '' }], v2);
      const diags = await client.waitDiagnostics(uri, v2, 240000);
      const after = (await stats(client)).counters;
      console.log(`      lint jobs cancelled: ${after.jobsCancelled - before.jobsCancelled}; workers started so far: ${after.workersStarted}`);
      assert.ok(after.jobsCancelled > before.jobsCancelled, 'the running lint was cancelled');
      assert.ok(!client.published.get(uri)!.includes(v1), 'no diagnostics for the cancelled version');
      assert.equal(diags[0].code, 'large-document');
      assert.equal(local.getText().length, text.length + 5, 'five characters typed in all');
    });
  });

  describe('a large document below maxFullCheckSize', () => {
    it('gets every rule in the worker, the same findings as the engine', async () => {
      const client = await TestClient.start({});
      try {
        const uri = pathToUri(path.join(dir, 'reslint-abuse-1mb.itures'));
        const text = repeated(1024 * 1024);
        client.open(uri, text);
        const diags = await client.waitDiagnostics(uri, 1, 120000);
        const s = await docStats(client, uri);
        assert.equal(s.findingsVersion, 1, 'linted as a large document');
        assert.ok(!diags.some((d) => d.code === 'large-document'));
        assert.equal(client.shown.filter((m) => /maxFullCheckSize/.test(m.message)).length, 0);
        const expected = lintDocument(parse(text));
        assert.deepEqual(
          diags.map((d) => `${d.range.start.line}:${d.range.start.character}:${d.code}`),
          expected.map((f) => `${f.range.start.line}:${f.range.start.character}:${f.rule}`),
        );
      } finally {
        await client.stop();
      }
    });
  });

  describe('10,000 rapid edits', () => {
    it('keep the memory flat and end with the right diagnostics', async () => {
      // The large-document path (worker, cancellation, model in steps) is the one with the
      // most state: the threshold is lowered so that Res 92 + Res 1 (86 kB) takes it, which
      // keeps each edit cheap for the text buffers on both sides. Res 92 alone takes the
      // small-document path and gets the same number of edits.
      const client = await TestClient.start({ execArgv: ['--expose-gc'], initializationOptions: { largeDebounceMs: 20, largeDocumentSize: 64 * 1024 } });
      try {
        const docs = [
          { uri: pathToUri(path.join(dir, 'reslint-abuse-edits-large.itures')), text: UNIT },
          { uri: pathToUri(path.join(dir, 'reslint-abuse-edits-small.itures')), text: RES92 },
        ].map((d) => ({ ...d, doc: TextDocument.create(d.uri, 'itu-resolution', 1, d.text), version: 1 }));
        for (const d of docs) client.open(d.uri, d.text);
        for (const d of docs) await client.waitDiagnostics(d.uri, 1, 60000);
        // typing: a character inserted, now and then one deleted or a line broken, at places through the text
        const edit = (d: (typeof docs)[number], i: number) => {
          d.version++;
          const line = (i * 7919) % d.doc.lineCount;
          const len = d.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
          const character = len === 0 ? 0 : i % len;
          const change =
            i % 3 === 2 && character > 0
              ? { range: { start: { line, character: character - 1 }, end: { line, character } }, text: '' }
              : { range: { start: { line, character }, end: { line, character } }, text: i % 97 === 0 ? '\n' : i % 50 === 0 ? ' ' : 'e' };
          client.changeRange(d.uri, d.version, change.range, change.text);
          d.doc = TextDocument.update(d.doc, [change], d.version);
        };
        const burst = async (from: number, to: number) => {
          for (let i = from; i < to; i++) {
            for (const d of docs) edit(d, i);
            // bursts of 200 edits, with pauses long enough for lints to start and be cancelled
            if (i % 200 === 199) await sleep(60);
          }
          for (const d of docs) await client.waitDiagnostics(d.uri, d.version, 120000);
        };
        await burst(0, 1000); // warm up
        await sleep(500);
        const before = await stats(client, true);
        const t0 = Date.now();
        await burst(1000, 11000);
        const ms = Date.now() - t0;
        await sleep(500);
        const after = await stats(client, true);
        console.log(
          `      10,000 edits to each of 2 documents in ${ms} ms; rss ${mb(before.memory.rss)} → ${mb(after.memory.rss)}, heap ${mb(before.memory.heapUsed)} → ${mb(after.memory.heapUsed)}; ` +
            `worker lint jobs started ${after.counters.jobsStarted - before.counters.jobsStarted}, cancelled ${after.counters.jobsCancelled - before.counters.jobsCancelled}; ` +
            `models in steps ${after.counters.steppedModelsBuilt - before.counters.steppedModelsBuilt} (pieces parsed ${after.counters.piecesParsed - before.counters.piecesParsed}, reused ${after.counters.piecesReused - before.counters.piecesReused})`,
        );
        assert.equal(after.counters.edits - before.counters.edits, 20000);
        assert.ok(after.counters.jobsStarted > before.counters.jobsStarted, 'the large document went through the worker');
        assert.ok(after.memory.rss < 2 * before.memory.rss + 50 * 1024 * 1024, `rss grew from ${mb(before.memory.rss)} to ${mb(after.memory.rss)}`);
        // the server's texts followed every edit: its findings are the engine's on our copies
        for (const d of docs) {
          const expected = lintDocument(parse(d.doc.getText()));
          assert.deepEqual(
            client.diagnostics.get(d.uri)!.diagnostics.map((x: Diagnostic) => `${x.range.start.line}:${x.range.start.character}:${x.code}`),
            expected.map((f) => `${f.range.start.line}:${f.range.start.character}:${f.rule}`),
            d.uri,
          );
        }
      } finally {
        await client.stop();
      }
    });
  });

  describe('malformed messages', () => {
    it('answers with errors or ignores them, and keeps serving', async () => {
      const client = await TestClient.start({});
      try {
        const uri = pathToUri(path.join(dir, 'reslint-abuse-malformed.itures'));
        client.open(uri, RES92);
        await client.waitDiagnostics(uri, 1);
        let raw = '';
        client.proc.stdout!.on('data', (d: Buffer) => (raw += d.toString('utf8')));
        const stdin = client.proc.stdin!;
        const frame = (body: string) => stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const alive = async () => {
          const r = await Promise.race([stats(client).then(() => 'answered'), sleep(10000).then(() => 'no answer')]);
          assert.equal(r, 'answered');
          assert.equal(client.proc.exitCode, null, 'the server is running');
        };
        // invalid JSON in a well-formed frame
        frame('{"jsonrpc": "2.0", "id": 9100, "method": ');
        await alive();
        // frames with bad headers (each followed by a body)
        stdin.write('Content-Length: twelve\r\n\r\n{"jsonrpc":"2.0","id":9101,"method":"shutdown"}');
        await alive();
        stdin.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","id":9102,"method":"shutdown"}');
        await alive();
        stdin.write('no header at all\r\n\r\n{}');
        await alive();
        // a request with an unknown method, requests with params of the wrong types, garbage notifications
        frame(JSON.stringify({ jsonrpc: '2.0', id: 9103, method: 'itu-resolution/noSuchThing', params: {} }));
        frame(JSON.stringify({ jsonrpc: '2.0', id: 9104, method: 'textDocument/hover', params: { textDocument: { uri }, position: 'x' } }));
        frame(JSON.stringify({ jsonrpc: '2.0', id: 9105, method: 'textDocument/documentSymbol', params: 'garbage' }));
        frame(JSON.stringify({ jsonrpc: '2.0', id: 9106, method: 'textDocument/definition', params: { textDocument: { uri: 42 }, position: { line: 'a', character: null } } }));
        frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: 'bad', text: 5 }] } }));
        frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: null } }));
        frame('[1, 2, 3]');
        await alive();
        const replies = new Map<number, { result?: unknown; error?: { code: number } }>();
        for (const part of raw.split(/Content-Length: \d+\r\n\r\n/)) {
          try {
            const m = JSON.parse(part) as { id?: number; result?: unknown; error?: { code: number } };
            if (typeof m.id === 'number' && m.id >= 9100) replies.set(m.id, m);
          } catch {
            /* other traffic */
          }
        }
        assert.equal(replies.get(9103)?.error?.code, -32601, 'method not found');
        for (const id of [9104, 9105, 9106]) assert.ok(replies.has(id), `a reply to ${id}`);
        assert.ok(!replies.has(9101) && !replies.has(9102), 'frames with bad headers are dropped, not run');
        // a later valid request still works, on the document as it was
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.match(symbols[0].name, /resolution 92/i);
        client.change(uri, 3, RES92.replace('to encourage ,', 'to encourage,'));
        assert.deepEqual(await client.waitDiagnostics(uri, 3), []);
        assert.ok(client.logs.filter((l) => /dropped a malformed message frame/.test(l)).length >= 3, client.logs.join('\n'));
      } finally {
        await client.stop();
      }
    });
  });

  describe('a rule that throws', () => {
    it('loses its findings only, is logged once per document, and the server stays up', async () => {
      const client = await TestClient.start({ env: { [TEST_THROWING_RULE_ENV]: '1' } });
      try {
        const failures = (uri: string) => client.logs.filter((l) => l.includes(`rule ${TEST_THROWING_RULE_ID} failed on ${uri}`));
        // a small document, linted on the main thread, edited 20 times
        const small = pathToUri(path.join(dir, 'reslint-abuse-throw.itures'));
        client.open(small, RES92);
        let diags = await client.waitDiagnostics(small, 1);
        assert.deepEqual(diags.map((d) => [d.code, d.range.start.line + 1]), [['no-space-before-punctuation', 34]]);
        for (let v = 2; v <= 21; v++) {
          client.change(small, v, RES92 + '\n'.repeat(v % 2));
          await client.waitDiagnostics(small, v);
        }
        diags = client.diagnostics.get(small)!.diagnostics;
        assert.deepEqual(diags.map((d) => d.code), ['no-space-before-punctuation']);
        assert.equal(failures(small).length, 1, 'logged once for the document');
        assert.match(failures(small)[0], /throws on purpose/);
        // a large document, linted in the worker
        const large = pathToUri(path.join(dir, 'reslint-abuse-throw-large.itures'));
        const text = repeated(300 * 1024);
        client.open(large, text);
        const largeDiags = await client.waitDiagnostics(large, 1, 60000);
        assert.ok(!largeDiags.some((d) => d.code === TEST_THROWING_RULE_ID));
        assert.deepEqual(
          largeDiags.map((d) => `${d.range.start.line}:${d.code}`),
          lintDocument(parse(text)).map((f) => `${f.range.start.line}:${f.rule}`),
        );
        client.change(large, 2, text + '\n');
        await client.waitDiagnostics(large, 2, 60000);
        assert.equal(failures(large).length, 1, 'logged once for the large document');
        assert.equal(failures(small).length, 1);
        const s = await stats(client);
        assert.ok(s.counters.ruleErrorsSeen >= 23, 'the rule failed at each lint');
        assert.equal(s.counters.ruleErrorsLogged, 2);
      } finally {
        await client.stop();
      }
    });
  });
});
