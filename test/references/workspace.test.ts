import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveCitations } from '../../server/src/analyzer/citations';
import { citationDefinition } from '../../server/src/features/citationDefinition';
import { citedClauseDefinition, citedClauseHover, citedClauseReferences } from '../../server/src/features/citedClause';
import { complete, lineBefore } from '../../server/src/features/completion';
import type { Position } from '../../server/src/model/types';
import { Workspace } from '../../server/src/workspace';
import { tmpDir, until } from './helpers';
import { CITING_DRAFT, CLAUSE_CITING_DRAFT, RES_92_GENEVA_2022, RES_92_HAMMAMET_2016, RES_999, RES_999_TITLE } from './texts';

/** The position of the `nth` occurrence of `needle` in `text`, `offset` characters in. */
function posOf(text: string, needle: string, offset = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not found`);
  const before = text.slice(0, i + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('references: the workspace (settings, lint data, go to definition)', () => {
  let root: string;
  let refs: string;
  let ws: Workspace;
  const logs: string[] = [];
  let relints = 0;

  beforeEach(() => {
    root = tmpDir('ws');
    refs = path.join(root, 'national-copies');
    fs.mkdirSync(refs);
    fs.writeFileSync(path.join(refs, 'res999.itures'), RES_999);
    fs.writeFileSync(path.join(refs, 'res92-2022.txt'), RES_92_GENEVA_2022);
    fs.writeFileSync(path.join(refs, 'res92-2016.txt'), RES_92_HAMMAMET_2016);
    logs.length = 0;
    relints = 0;
    ws = new Workspace((m) => logs.push(m));
    ws.addFolder(root);
    ws.onReferencesChanged(() => relints++);
  });
  afterEach(() => {
    ws.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** `text` opened as drafts/NAME once the reference folder is indexed: its lint, and the context the editor features get. */
  async function openIndexed(name: string, text: string) {
    ws.setSettings({ references: [refs] });
    const file = path.join(root, 'drafts', name);
    const uri = pathToFileURL(file).href;
    ws.lint(uri, file, 1, text);
    await ws.references.whenIdle();
    const s = ws.lint(uri, file, 1, text);
    const ctx = (pos: Position) => ({ analysis: s.analysis, data: ws.dataFor(file), position: pos, locate: ws.locateReference.bind(ws, file) });
    return { file, uri, s, ctx };
  }

  async function openDraft(): Promise<{ uri: string; file: string }> {
    const file = path.join(root, 'drafts', 'draft.itures');
    const uri = pathToFileURL(file).href;
    ws.lint(uri, file, 1, CITING_DRAFT);
    await ws.references.whenIdle();
    return { uri, file };
  }

  it('resolves a citation of a text only present in the reference folder (editor setting, relative path)', async () => {
    ws.setSettings({ references: ['national-copies'] });
    const file = path.join(root, 'drafts', 'draft.itures');
    const uri = pathToFileURL(file).href;
    const first = ws.lint(uri, file, 1, CITING_DRAFT);
    const cited = (data = ws.dataFor(file)) => resolveCitations(first.analysis, data).items.find((r) => r.item.number === '999');
    // before the folder is indexed, the citation names an unknown text
    assert.equal(cited()?.entry, null);
    await ws.references.whenIdle();
    assert.ok(relints >= 1, 'the server is told to lint the open documents again');
    // … and the document's findings are to be computed again with the new data
    assert.equal(first.linted, false);
    assert.equal(ws.lint(uri, file, 1, CITING_DRAFT), first);
    assert.equal(first.linted, true);
    const item = cited();
    assert.equal(item?.body, 'WTSA');
    assert.equal(item?.cited?.id, 'WTSA-2022');
    assert.equal(item?.entry?.title, RES_999_TITLE);
    assert.deepEqual(item?.entry?.versions.map((v) => v.meeting), ['WTSA-2022']);
    // and the revision of Res 92 that only the folder knows
    const r92 = resolveCitations(first.analysis, ws.dataFor(file)).items.find((r) => r.item.number === '92');
    assert.deepEqual(r92?.entry?.versions.map((v) => v.meeting), ['WTSA-2016', 'WTSA-2022']);
  });

  it('lints citations against the reference documents (unknown number, latest revision)', async () => {
    const file = path.join(root, 'drafts', 'draft.itures');
    const uri = pathToFileURL(file).href;
    const lines = CITING_DRAFT.split('\n');
    const l999 = lines.findIndex((l) => l.includes('Resolution 999'));
    const l2016 = lines.findIndex((l) => l.includes('Resolution 92 (Hammamet, 2016)'));
    const rulesOn = (line: number) => ws.lint(uri, file, 1, CITING_DRAFT).findings.filter((f) => f.range.start.line === line).map((f) => f.rule);
    // built-in data only: the WTSA never adopted a Resolution 999, and 2016 is Res 92's latest revision
    assert.ok(rulesOn(l999).includes('citation-unknown-number'));
    assert.ok(!rulesOn(l2016).includes('citation-revision'));
    ws.setSettings({ references: [refs] });
    ws.lint(uri, file, 1, CITING_DRAFT);
    await ws.references.whenIdle();
    // the folder holds Resolution 999 and the 2022 revision of Res 92
    assert.ok(!rulesOn(l999).includes('citation-unknown-number'));
    assert.ok(rulesOn(l2016).includes('citation-revision'));
  });

  it('reads the folders of the project file (.reslintrc.json), resolved against its folder', async () => {
    fs.writeFileSync(path.join(root, '.reslintrc.json'), JSON.stringify({ references: ['./national-copies'] }));
    const { file } = await openDraft();
    assert.deepEqual(ws.referenceRoots(file), [refs]);
    assert.equal(ws.dataFor(file).resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
  });

  it('goes from a citation to the number line of the cited revision', async () => {
    ws.setSettings({ references: [refs] });
    const { uri, file } = await openDraft();
    const s = ws.lint(uri, file, 1, CITING_DRAFT);
    const def = (pos: Position) =>
      citationDefinition({
        analysis: s.analysis,
        data: ws.dataFor(file),
        position: pos,
        locate: (b, t, n, m) => ws.locateReference(file, b, t, n, m),
      });
    const f999 = pathToFileURL(path.join(refs, 'res999.itures')).href;
    const f2022 = pathToFileURL(path.join(refs, 'res92-2022.txt')).href;
    const f2016 = pathToFileURL(path.join(refs, 'res92-2016.txt')).href;
    // on the number
    assert.deepEqual(def(posOf(CITING_DRAFT, 'Resolution 999', 12)), [{ uri: f999, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } } }]);
    // on the keyword, and on the parenthesis
    assert.equal(def(posOf(CITING_DRAFT, 'Resolution 999', 2))?.[0].uri, f999);
    assert.equal(def(posOf(CITING_DRAFT, 'Resolution 999 (Geneva', 18))?.[0].uri, f999);
    // the cited revision first
    assert.deepEqual(def(posOf(CITING_DRAFT, 'Resolution 92 (Rev. Geneva', 11))?.map((l) => l.uri), [f2022, f2016]);
    assert.deepEqual(def(posOf(CITING_DRAFT, 'Resolution 92 (Hammamet', 11))?.map((l) => l.uri), [f2016, f2022]);
    // not on a citation: nothing (the server then tries clause references)
    assert.equal(def(posOf(CITING_DRAFT, 'national copies;', 3)), null);
  });

  it('goes from a clause of a cited text to that clause, hovers it, finds its other references, and checks it exists', async () => {
    const { uri, s, ctx } = await openIndexed('clauses.itures', CLAUSE_CITING_DRAFT);
    const f999 = pathToFileURL(path.join(refs, 'res999.itures')).href;
    const f2022 = pathToFileURL(path.join(refs, 'res92-2022.txt')).href;
    const line = (needle: string) => CLAUSE_CITING_DRAFT.split('\n').findIndex((l) => l.includes(needle));
    // `resolves 2 of Resolution 999 (…)`: on the head or on the label
    const res2 = { uri: f999, range: { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } } };
    assert.deepEqual(citedClauseDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 2 of', 2))), [res2]);
    assert.deepEqual(citedClauseDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 2 of', 9))), [res2]);
    // the citation written first: `Resolution 999 (…), considering b)`
    assert.equal(citedClauseDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'considering b), concerns', 12)))?.[0].range.start.line, 7);
    // the cited revision of Res 92, not the other one
    assert.deepEqual(citedClauseDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'considering b) of Resolution 92 (Rev.', 12))), [
      { uri: f2022, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 2 } } },
    ]);
    // no such clause: nowhere to go; on the citation itself: citationDefinition's business
    assert.equal(citedClauseDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 3 of', 9))), null);
    assert.equal(citedClauseDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'Resolution 999', 12))), null);
    assert.equal(citationDefinition(ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 2 of', 2))), null);

    // hover: the clause's text, where it comes from
    const h = citedClauseHover(ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 2 of', 2)));
    assert.equal(h?.markdown, `**Resolution 999 (Geneva, 2022), resolves 2**\n\nthat each text carry its full history line,\n\n[Source](${f999})`);
    assert.deepEqual(h?.range, { start: { line: line('resolves 2 of'), character: 8 }, end: { line: line('resolves 2 of'), character: 18 } });
    assert.equal(
      citedClauseHover(ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 3 of', 2)))?.markdown,
      `**Resolution 999 (Geneva, 2022), resolves 3**\n\nThe cited revision has no resolves 3. [Source](${f999})`,
    );
    assert.match(citedClauseHover(ctx(posOf(CLAUSE_CITING_DRAFT, 'considering b) of Resolution 92 (Hammamet', 2)))?.markdown ?? '', /The cited revision has no considering b\)/);
    // without the reference documents: what to do to see the clause
    assert.match(citedClauseHover({ ...ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 2 of', 2)), locate: () => [] })?.markdown ?? '', /No reference document gives the text of Resolution 999 \(Geneva, 2022\)\. Add one to the `itu-resolution\.references` setting or to `references` in the project file/);
    // no revision cited: the most recent text the documents give, marked as such
    assert.equal(
      citedClauseHover(ctx(posOf(CLAUSE_CITING_DRAFT, 'considering b) of Resolution 92 of', 2)))?.markdown,
      `**Resolution 92, considering b)**\n\n*The citation names no revision: from RESOLUTION 92 (Rev. Geneva, 2022), whose clauses may be numbered otherwise.*\n\nthat the non-radio aspects of IMT are studied by several ITU-T study groups,\n\n[Source](${f2022})`,
    );

    // find all references: both references to resolves 2 of Res 999, and the clause itself
    const refsOf = (includeDeclaration: boolean) =>
      citedClauseReferences({ ...ctx(posOf(CLAUSE_CITING_DRAFT, 'resolves 2 of', 2)), uri, includeDeclaration })?.map((l) => `${path.basename(l.uri)}:${l.range.start.line}`);
    assert.deepEqual(refsOf(false), [`clauses.itures:${line('resolves 2 of')}`, `clauses.itures:${line('as resolves 2')}`]);
    assert.deepEqual(refsOf(true), ['res999.itures:10', `clauses.itures:${line('resolves 2 of')}`, `clauses.itures:${line('as resolves 2')}`]);

    // the rule: resolves 3 of Res 999 and considering b) of the 2016 Res 92 do not exist; the others do
    const found = s.findings.filter((f) => f.rule === 'citation-clause');
    assert.deepEqual(
      found.map((f) => [f.range.start.line, f.message]),
      [
        [line('resolves 3 of'), 'Resolution 999 (Geneva, 2022) has no resolves 3 (its "resolves" clauses: 1, 2; as in res999.itures).'],
        [line('(Hammamet, 2016) of this assembly is cited'), 'Resolution 92 (Hammamet, 2016) has no considering b) (its "considering" part has no labelled clauses; as in res92-2016.txt).'],
      ],
    );
  });

  it('completes the clause labels of a cited text, after the citation or before it, from the cited revision', async () => {
    const { file, uri } = await openIndexed('clauses.itures', CLAUSE_CITING_DRAFT);
    /** Completion at `|` in `line`, put in place of the draft's clause a). */
    const completeAt = (line: string) => {
      const typed = line.replace('|', '');
      const text = CLAUSE_CITING_DRAFT.replace(/^a\)\t.*$/m, typed);
      const s = ws.lint(uri, file, 2, text);
      const position = posOf(text, typed, line.indexOf('|'));
      const items = complete({ analysis: s.analysis, data: ws.dataFor(file), position, before: lineBefore(s.analysis, position), locate: ws.locateReference.bind(ws, file) });
      return items.map((i) => `${i.label} (${i.detail})`);
    };
    // after the citation: the resolves part of Res 999
    assert.deepEqual(completeAt('a)\tthat Resolution 999 (Geneva, 2022) of this assembly, resolves |'), ['1 (Resolution 999 (Geneva, 2022), resolves)', '2 (Resolution 999 (Geneva, 2022), resolves)']);
    // a label being typed is replaced
    assert.deepEqual(completeAt('a)\tthat Resolution 999 (Geneva, 2022), considering b|'), ['a) (Resolution 999 (Geneva, 2022), considering)', 'b) (Resolution 999 (Geneva, 2022), considering)']);
    // before ` of Resolution 92 (Rev. Geneva, 2022)`: the 2022 text, not the 2016 one
    assert.deepEqual(completeAt('a)\tthat considering | of Resolution 92 (Rev. Geneva, 2022) applies;'), [
      'a) (Resolution 92 (Rev. Geneva, 2022), considering)',
      'b) (Resolution 92 (Rev. Geneva, 2022), considering)',
    ]);
    // the clause's text goes with each item
    const s = ws.lint(uri, file, 3, CLAUSE_CITING_DRAFT.replace(/^a\)\t.*$/m, 'a)\tthat Resolution 999 (Geneva, 2022), resolves '));
    const position = posOf(CLAUSE_CITING_DRAFT.replace(/^a\)\t.*$/m, 'a)\tthat Resolution 999 (Geneva, 2022), resolves '), 'resolves ', 9);
    const [first] = complete({ analysis: s.analysis, data: ws.dataFor(file), position, before: lineBefore(s.analysis, position), locate: ws.locateReference.bind(ws, file) });
    assert.deepEqual(first.documentation, { kind: 'markdown', value: 'that the Telecommunication Standardization Bureau publish each revised text within one month;' });
    assert.deepEqual(first.textEdit, { range: { start: position, end: position }, newText: '1' });
    // no text of the cited revision, or no citation: nothing from this provider
    assert.deepEqual(completeAt('a)\tthat Resolution 92 (Rev. Dubai, 2012), resolves |'), []);
    assert.deepEqual(completeAt('a)\tthat Resolution 999 (Geneva, 2022) applies, and resolves |'), []);
  });

  it('reads a numbered paragraph of a cited text: Resolution 1 as a reference document', async () => {
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'res1-hammamet-2016.imported.txt'), path.join(refs, 'res1.txt'));
    const draft = CLAUSE_CITING_DRAFT.replace(/^a\)\t.*$/m, 'a)\tthat clause 9.5.2 of Resolution 1 (Rev. Hammamet, 2016) of this assembly, and 9.5.12 of it, allow editorial changes;');
    const { file, uri, s, ctx } = await openIndexed('paragraphs.itures', draft);
    const f1 = pathToFileURL(path.join(refs, 'res1.txt')).href;
    const res1Lines = fs.readFileSync(path.join(refs, 'res1.txt'), 'utf8').split('\n');
    const line952 = res1Lines.findIndex((l) => l.startsWith('9.5.2\t'));
    const on = posOf(draft, '9.5.2 of', 2);
    assert.deepEqual(citedClauseDefinition(ctx(on)), [{ uri: f1, range: { start: { line: line952, character: 0 }, end: { line: line952, character: 5 } } }]);
    const h = citedClauseHover(ctx(on))?.markdown ?? '';
    assert.ok(h.startsWith('**Resolution 1 (Rev. Hammamet, 2016), paragraph 9.5.2**\n\nTechnical and editorial changes may only be made'), h.slice(0, 120));
    // `9.5.12 of it` names no text: not a reference to Resolution 1; the rule sees none there
    assert.deepEqual(s.findings.filter((f) => f.rule === 'citation-clause' && f.range.start.line === on.line).map((f) => f.message), []);
    // … while `9.5.12 of Resolution 1 (…)` is reported
    const wrong = ws.lint(uri, file, 2, draft.replace('and 9.5.12 of it,', 'and 9.5.12 of Resolution 1 (Rev. Hammamet, 2016),'));
    assert.deepEqual(
      wrong.findings.filter((f) => f.rule === 'citation-clause' && f.range.start.line === on.line).map((f) => f.message),
      ['Resolution 1 (Rev. Hammamet, 2016) has no paragraph 9.5.12 (9.5 has 9.5.1 to 9.5.6; as in res1.txt).'],
    );
  });

  it('re-lints when a reference file changes on disk', async () => {
    ws.setSettings({ references: [refs] });
    const { uri, file } = await openDraft();
    const state = ws.lint(uri, file, 1, CITING_DRAFT);
    assert.equal(state.linted, true);
    const before = relints;
    fs.writeFileSync(path.join(refs, 'res999.itures'), RES_999.replace('Keeping national', 'Keeping official'));
    await until('the re-index', () => /official/.test(ws.dataFor(file).resolution('WTSA', 'Resolution', '999')?.title ?? ''));
    assert.ok(relints > before);
    assert.equal(state.linted, false, 'the open document is to be linted again');
  });

  it('counts the open documents too, for every file', async () => {
    const other = path.join(root, 'elsewhere', 'res999-draft.itures');
    ws.lint(pathToFileURL(other).href, other, 1, RES_999);
    await until('the open document to be applied', () => relints > 0);
    const { file } = await openDraft();
    assert.equal(ws.dataFor(file).resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
    ws.forget(pathToFileURL(other).href);
    await until('the closed document to be dropped', () => ws.dataFor(file).resolution('WTSA', 'Resolution', '999') === undefined);
  });

  it('checks clause references against an open document as it is edited (a clause added, then deleted, then the document closed)', async () => {
    const other = path.join(root, 'elsewhere', 'res999-draft.itures');
    const otherUri = pathToFileURL(other).href;
    const file = path.join(root, 'drafts', 'clauses.itures');
    const uri = pathToFileURL(file).href;
    const res3 = () => ws.lint(uri, file, 1, CLAUSE_CITING_DRAFT).findings.filter((f) => f.rule === 'citation-clause' && f.message.includes('no resolves 3'));
    // no reference documents yet: nothing to check against
    assert.deepEqual(res3(), []);
    ws.lint(otherUri, other, 1, RES_999);
    await until('the open Resolution 999 to be applied', () => res3().length === 1);
    // a third resolves clause typed into the open text: a keystroke in its clause labels changes the outline
    const withThird = RES_999.replace('2\tthat each text carry its full history line,', '2\tthat each text carry its full history line;\n3\tthat each text be published in the six languages,');
    assert.notEqual(withThird, RES_999);
    ws.lint(otherUri, other, 2, withThird);
    await until('the third clause to count', () => res3().length === 0);
    // a keystroke in a clause's text only: the data is not rebuilt
    const data = ws.dataFor(file);
    ws.lint(otherUri, other, 3, withThird.replace('six languages', 'six official languages'));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(ws.dataFor(file), data);
    // the clause deleted again, then the document closed: reported again, then nothing to check against
    ws.lint(otherUri, other, 4, RES_999);
    await until('the deleted clause to be missed', () => res3().length === 1);
    ws.forget(otherUri);
    await until('the closed document to be dropped', () => res3().length === 0);
    assert.equal(ws.dataFor(file).resolution('WTSA', 'Resolution', '999'), undefined);
  });
});
