import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadReferenceData } from '../../server/src/data/reference';
import { parse } from '../../server/src/parser/parse';
import { extractResolutions, headerSignature } from '../../server/src/references/extract';
import { loadReferenceDocuments, ReferenceIndex } from '../../server/src/references/indexer';
import { buildExtension } from '../../server/src/references/merge';
import { tmpDir, until } from './helpers';
import { RES_92_GENEVA_2022, RES_92_HAMMAMET_2016, RES_999, RES_999_TITLE } from './texts';

const base = loadReferenceData();

describe('references: extracting resolutions from a document', () => {
  it('reads type, number, body, meeting, history, title and clause labels', () => {
    const [r] = extractResolutions(parse(RES_92_GENEVA_2022), 'file:///refs/res92.txt', base, { allowNewMeetings: false });
    assert.equal(r.body, 'WTSA');
    assert.equal(r.type, 'Resolution');
    assert.equal(r.number, '92');
    assert.equal(r.meeting?.id, 'WTSA-2022');
    assert.deepEqual(
      r.versions.map((v) => `${v.meeting}:${v.kind}`),
      ['WTSA-2016:new', 'WTSA-2022:rev'],
    );
    // its history line lists every version up to its own meeting
    assert.equal(r.completeTo, 'WTSA-2022');
    assert.match(r.title, /^Enhancing the standardization activities .* international mobile telecommunications$/);
    // the number line, after the Word traces at its start
    assert.equal(r.range.start.line, 0);
    assert.ok(r.range.start.character > 0);
    assert.deepEqual(
      r.sections.map((s) => [s.head, s.clauses.map((c) => c.label)]),
      [
        ['considering', ['a)', 'b)']],
        ['noting', []],
        ['resolves', []],
        ['instructs', []],
      ],
    );
  });

  it('takes the body from the number line when there is no preamble (ITU-R numbers, WRC form)', () => {
    const text = `Resolution ITU-R 56 (Rev. Geneva, 2015)\nNaming for International Mobile Telecommunications\n(Geneva, 2012; Geneva, 2015)\n\nRecommendation 207 (Rev. WRC-15)\nFuture development of IMT\n(WRC-2000; WRC-15)\n`;
    const rs = extractResolutions(parse(text), 'file:///x', base, { allowNewMeetings: false });
    assert.deepEqual(
      rs.map((r) => [r.body, r.type, r.number, r.versions.map((v) => v.meeting).join(',')]),
      [
        ['RA', 'Resolution', '56', 'RA-2012,RA-2015'],
        ['WRC', 'Recommendation', '207', 'WRC-2000,WRC-2015'],
      ],
    );
  });

  it('skips, with a log line, a text whose body cannot be told, and a meeting the data does not know', () => {
    const logs: string[] = [];
    // Geneva 2015 hosted both the RA and WRC-15: without a preamble the body is unknown
    const text = `Resolution 12 (Geneva, 2015)\nSome title\n(Geneva, 2015)\n`;
    assert.deepEqual(extractResolutions(parse(text), 'file:///x', base, { allowNewMeetings: false, log: (m) => logs.push(m) }), []);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /cannot tell which body/);
    logs.length = 0;
    const typo = `Resolution 5 (Hamamet, 2016)\nA title\n(Hamamet, 2016)\nThe World Telecommunication Standardization Assembly (Hamamet, 2016),\n`;
    const out = extractResolutions(parse(typo), 'file:///x', base, { allowNewMeetings: true, log: (m) => logs.push(m) });
    // WTSA met in 2016 (in Hammamet): a wrong place is a typo, never a new meeting
    assert.deepEqual(out, []);
    assert.ok(logs.some((l) => /Hamamet, 2016.*not a known meeting/.test(l)), logs.join('\n'));
  });

  it('lets an indexed file define a meeting the data lacks, but not an open document', () => {
    const text = `Resolution 7 (Geneva, 2028)\nA text of a future assembly\n(Geneva, 2028)\nThe World Telecommunication Standardization Assembly (Geneva, 2028),\n`;
    const asFile = extractResolutions(parse(text), 'file:///x', base, { allowNewMeetings: true });
    assert.deepEqual(asFile[0].newMeetings.map((m) => [m.id, m.place, m.year, m.source]), [['WTSA-2028', 'Geneva', 2028, 'file:///x']]);
    assert.deepEqual(extractResolutions(parse(text), 'file:///x', base, { allowNewMeetings: false }), []);
  });

  it('marks the list of versions complete only when the text gives it (a history line, or a first adoption)', () => {
    const first = extractResolutions(parse(RES_999), 'file:///x', base, { allowNewMeetings: false });
    assert.deepEqual([first[0].versions.map((v) => `${v.meeting}:${v.kind}`), first[0].completeTo], [['WTSA-2022:new'], 'WTSA-2022']);
    // a revision with no history line: only that it was revised there
    const revised = RES_999.replace('RESOLUTION 999 (Geneva, 2022)', 'RESOLUTION 999 (Rev. Geneva, 2022)').replace('Standardization Assembly\n(Geneva, 2022)\n', 'Standardization Assembly\n');
    const [r] = extractResolutions(parse(revised), 'file:///y', base, { allowNewMeetings: false });
    assert.deepEqual([r.versions.map((v) => `${v.meeting}:${v.kind}`), r.completeTo], [['WTSA-2022:rev'], null]);
    // a `Rev.` number line whose history line names only that meeting: the adoption is missing
    const oneMeeting = RES_999.replace('RESOLUTION 999 (Geneva, 2022)', 'RESOLUTION 999 (Rev. Geneva, 2022)');
    assert.equal(extractResolutions(parse(oneMeeting), 'file:///z', base, { allowNewMeetings: false })[0].completeTo, null);
  });

  it('keeps the built-in revisions when merging a user text, and takes the newest title', () => {
    const older = extractResolutions(parse(RES_92_HAMMAMET_2016), 'file:///a', base, { allowNewMeetings: true });
    const ext = buildExtension(base, [...older]);
    const data = base.extend(ext);
    const e = data.resolution('WTSA', 'Resolution', '92')!;
    assert.deepEqual(e.versions.map((v) => v.meeting), base.resolution('WTSA', 'Resolution', '92')!.versions.map((v) => v.meeting));
    const newer = extractResolutions(parse(RES_92_GENEVA_2022.replace('non-radio aspects', 'NON-RADIO aspects')), 'file:///b', base, { allowNewMeetings: true });
    const e2 = base.extend(buildExtension(base, [...older, ...newer])).resolution('WTSA', 'Resolution', '92')!;
    assert.deepEqual(e2.versions.map((v) => v.meeting), ['WTSA-2016', 'WTSA-2022']);
    // complete up to the latest text's own meeting (its history line), whatever the built-in entry says
    assert.equal(e2.completeTo, 'WTSA-2022');
    assert.equal(e2.completeToSource, 'file:///b', 'the document whose history line makes the list complete');
    assert.match(e2.title, /NON-RADIO/);
    assert.equal(e2.source, 'file:///b');
  });

  it('has a header fingerprint that ignores edits inside clauses', () => {
    const a = headerSignature(parse(RES_999));
    assert.equal(headerSignature(parse(RES_999.replace('one month', 'two months'))), a);
    assert.notEqual(headerSignature(parse(RES_999.replace('Keeping national', 'Keeping local'))), a);
    assert.notEqual(headerSignature(parse(RES_999.replace('RESOLUTION 999', 'RESOLUTION 998'))), a);
  });
});

describe('references: indexing a folder', () => {
  let dir: string;
  let idx: ReferenceIndex | null = null;
  beforeEach(() => {
    dir = tmpDir('refs');
    fs.writeFileSync(path.join(dir, 'res999.itures'), RES_999);
    fs.mkdirSync(path.join(dir, 'wtsa-22'));
    fs.writeFileSync(path.join(dir, 'wtsa-22', 'Res 92 (Rev. Geneva, 2022).res.txt'), RES_92_GENEVA_2022);
    fs.writeFileSync(path.join(dir, 'notes.md'), 'Resolution 5 (Hammamet, 2016)\nnot a reference file: wrong extension\n');
    fs.writeFileSync(path.join(dir, 'readme.txt'), 'Folder of the national copies.\n');
  });
  afterEach(() => {
    idx?.dispose();
    idx = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds the resolutions of the folder to the data, once indexed', async () => {
    const logs: string[] = [];
    let changes = 0;
    idx = new ReferenceIndex({ watch: false, log: (m) => logs.push(m), onChange: () => changes++ });
    assert.equal(base.resolution('WTSA', 'Resolution', '999'), undefined);
    // the first call starts indexing in the background and answers at once with what it has
    assert.equal(idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999'), undefined);
    await idx.whenIdle();
    assert.equal(changes, 1);
    const data = idx.dataFor([dir]);
    const e = data.resolution('WTSA', 'Resolution', '999');
    assert.ok(e, logs.join('\n'));
    assert.equal(e.title, RES_999_TITLE);
    assert.deepEqual(e.versions.map((v) => `${v.meeting}:${v.kind}`), ['WTSA-2022:new']);
    assert.equal(e.source, pathToFileURL(path.join(dir, 'res999.itures')).href);
    assert.deepEqual(
      data.resolution('WTSA', 'Resolution', '92')!.versions.map((v) => v.meeting),
      ['WTSA-2016', 'WTSA-2022'],
    );
    assert.equal(data.resolution('WTSA', 'Resolution', '5'), undefined, 'a .md file is not read');
    // cached: the same object until something changes
    assert.equal(idx.dataFor([dir]), data);
    // another set of roots does not see them
    assert.equal(idx.dataFor([]).resolution('WTSA', 'Resolution', '999'), undefined);
    // readme.txt is read (a .txt may hold resolutions) and holds none
    assert.ok(logs.some((l) => /: 3 file\(s\), 2 resolution\(s\) indexed/.test(l)), logs.join('\n'));
  });

  it('indexes a single configured file, whatever its extension', async () => {
    const file = path.join(dir, 'copy-of-res999.text');
    fs.writeFileSync(file, RES_999);
    idx = new ReferenceIndex({ watch: false });
    idx.ensure([file]);
    await idx.whenIdle();
    assert.equal(idx.dataFor([file]).resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
  });

  it('reads the folders once, without watching, for the command line', async () => {
    const data = await loadReferenceDocuments([dir]);
    assert.equal(data.resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
    assert.equal(await loadReferenceDocuments([]), base);
  });

  it('logs a missing folder and carries on', async () => {
    const logs: string[] = [];
    idx = new ReferenceIndex({ watch: false, log: (m) => logs.push(m) });
    const missing = path.join(dir, 'no-such-folder');
    idx.ensure([missing, dir]);
    await idx.whenIdle();
    assert.ok(logs.some((l) => l.includes(missing) && /not found/.test(l)), logs.join('\n'));
    assert.ok(idx.dataFor([missing, dir]).resolution('WTSA', 'Resolution', '999'));
  });

  it('locates the text of the cited revision first', async () => {
    fs.writeFileSync(path.join(dir, 'res92-2016.itures'), RES_92_HAMMAMET_2016);
    idx = new ReferenceIndex({ watch: false });
    idx.ensure([dir]);
    await idx.whenIdle();
    const f2016 = pathToFileURL(path.join(dir, 'res92-2016.itures')).href;
    const f2022 = pathToFileURL(path.join(dir, 'wtsa-22', 'Res 92 (Rev. Geneva, 2022).res.txt')).href;
    assert.deepEqual(idx.locate('WTSA', 'Resolution', '92', [dir], 'WTSA-2016').map((l) => l.uri), [f2016, f2022]);
    assert.deepEqual(idx.locate('WTSA', 'Resolution', '92', [dir], 'WTSA-2022').map((l) => l.uri), [f2022, f2016]);
    // without a meeting: most recent first
    assert.deepEqual(idx.locate('WTSA', 'Resolution', '92', [dir], null).map((l) => l.uri), [f2022, f2016]);
    assert.deepEqual(idx.locate('WTSA', 'Resolution', '92', [dir], null)[1].range.start, { line: 0, character: 0 });
    assert.deepEqual(idx.locate('WTDC', 'Resolution', '92', [dir], null), []);
  });

  it('picks up an edit, a new file and a removal while watching', async () => {
    let changes = 0;
    idx = new ReferenceIndex({ debounceMs: 30, onChange: () => changes++ });
    idx.ensure([dir]);
    await idx.whenIdle();
    const title = () => idx!.dataFor([dir]).resolution('WTSA', 'Resolution', '999')?.title;
    assert.equal(title(), RES_999_TITLE);
    const seen = changes;

    fs.writeFileSync(path.join(dir, 'res999.itures'), RES_999.replace('Keeping national copies', 'Keeping complete national copies'));
    await until('the edited title', () => /complete national/.test(title() ?? ''));
    assert.ok(changes > seen, 'onChange is called so that the server re-lints');

    // a new folder and, at once, a file in it (before the new folder can be watched)
    fs.mkdirSync(path.join(dir, 'wtsa-16'));
    fs.writeFileSync(path.join(dir, 'wtsa-16', 'res92.itures'), RES_92_HAMMAMET_2016);
    await until('the file in the new folder', () => idx!.locate('WTSA', 'Resolution', '92', [dir], null).length === 2);

    fs.rmSync(path.join(dir, 'res999.itures'));
    await until('the removal', () => title() === undefined);
  });
});

describe('references: a folder that does not exist yet', () => {
  it('is indexed and watched once it is created', async () => {
    const parent = tmpDir('later');
    const later = path.join(parent, 'references');
    const idx = new ReferenceIndex({ debounceMs: 20 });
    idx.ensure([later]);
    await idx.whenIdle();
    assert.equal(idx.dataFor([later]).resolution('WTSA', 'Resolution', '999'), undefined);
    fs.mkdirSync(later);
    fs.writeFileSync(path.join(later, 'res999.itures'), RES_999);
    await until('the new folder', () => !!idx.dataFor([later]).resolution('WTSA', 'Resolution', '999'));
    // and files added inside it later
    fs.writeFileSync(path.join(later, 'res92.itures'), RES_92_HAMMAMET_2016);
    await until('a file in it', () => idx.locate('WTSA', 'Resolution', '92', [later], null).length === 1);
    idx.dispose();
    fs.rmSync(parent, { recursive: true, force: true });
  });
});

describe('references: open documents', () => {
  it('adds the resolutions of open documents, without rebuilding the data on every keystroke', () => {
    let changes = 0;
    const idx = new ReferenceIndex({ watch: false, openDebounceMs: 0, onChange: () => changes++ });
    const empty = idx.dataFor([]);
    assert.equal(empty, base, 'no documents: the built-in data itself');
    idx.updateOpenDocument('untitled:1', null, parse(RES_999));
    assert.equal(changes, 1);
    const d1 = idx.dataFor([]);
    assert.equal(d1.resolution('WTSA', 'Resolution', '999')?.title, RES_999_TITLE);
    // typing in a clause: same headers, nothing recomputed
    for (let i = 0; i < 50; i++) idx.updateOpenDocument('untitled:1', null, parse(RES_999.replace('one month', `${i} months`)));
    assert.equal(changes, 1);
    assert.equal(idx.dataFor([]), d1);
    // the title changed
    idx.updateOpenDocument('untitled:1', null, parse(RES_999.replace('Keeping national', 'Keeping local')));
    assert.equal(changes, 2);
    assert.match(idx.dataFor([]).resolution('WTSA', 'Resolution', '999')!.title, /^Keeping local/);
    // open documents may not invent meetings
    idx.updateOpenDocument('untitled:2', null, parse(RES_999.replace(/Geneva, 2022/g, 'Geneva, 2031')));
    assert.equal(idx.dataFor([]).meetingById('WTSA-2031'), undefined);
    idx.closeDocument('untitled:1');
    assert.equal(changes, 3);
    assert.equal(idx.dataFor([]).resolution('WTSA', 'Resolution', '999'), undefined);
    idx.dispose();
  });

  it('applies header changes after a quiet period, not on each keystroke', async () => {
    let changes = 0;
    const idx = new ReferenceIndex({ watch: false, openDebounceMs: 40, onChange: () => changes++ });
    for (const t of ['K', 'Ke', 'Kee', 'Keep']) idx.updateOpenDocument('untitled:1', null, parse(RES_999.replace('Keeping', t)));
    assert.equal(changes, 0);
    assert.equal(idx.dataFor([]).resolution('WTSA', 'Resolution', '999'), undefined);
    await until('the quiet period', () => changes === 1);
    assert.match(idx.dataFor([]).resolution('WTSA', 'Resolution', '999')!.title, /^Keep national/);
    idx.dispose();
  });

  it('lets an open document replace its own file in the index, and locates in the current text', async () => {
    const dir = tmpDir('open');
    const file = path.join(dir, 'res999.itures');
    fs.writeFileSync(file, RES_999);
    const idx = new ReferenceIndex({ watch: false, openDebounceMs: 0 });
    idx.ensure([dir]);
    await idx.whenIdle();
    const uri = pathToFileURL(file).href;
    idx.updateOpenDocument(uri, file, parse(RES_999.replace('Keeping national', 'Keeping unsaved')));
    assert.match(idx.dataFor([dir]).resolution('WTSA', 'Resolution', '999')!.title, /unsaved/);
    // two lines inserted above: the definition follows the unsaved text
    idx.updateOpenDocument(uri, file, parse('Cover note\n\n' + RES_999.replace('Keeping national', 'Keeping unsaved')));
    const locs = idx.locate('WTSA', 'Resolution', '999', [dir], 'WTSA-2022');
    assert.deepEqual(locs.map((l) => [l.uri, l.range.start.line]), [[uri, 2]]);
    idx.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
