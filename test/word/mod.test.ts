/**
 * MOD proposals (server/src/word/mod.ts, modDocx.ts): the comparison of a reference
 * resolution with an edited one, its text form and its Word form with tracked changes.
 *
 * The reference is the shared Res 92 (Hammamet, 2016); test/word/fixtures/res92-edited.txt
 * is that text edited the way a revision would be: new number line, history and
 * preamble meeting, a rewritten clause, a new `e bis)`, a deleted `noting d)` with the
 * clauses after it relettered, a fixed space before a comma, the `instructs ITU-T Study
 * Group 12` section removed and an `instructs Study Group 20` section added. (The
 * edits are for testing only; they are not the text WTSA-20 adopted.)
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { lintText } from '../../server/src/engine';
import { importDocx } from '../../server/src/word/import';
import { cleanForMod, compareTexts, diffLine, modText, readMarks, tokenize, type Comparison } from '../../server/src/word/mod';
import { modDocx } from '../../server/src/word/modDocx';
import { attr, child, find, findAll, kids, parseXml, rootOf, tagOf, textOf, type XNode } from '../../server/src/word/ooxml';
import { STYLE } from '../../server/src/word/styles';

const RES92 = '/work/shared/corpus/res92-hammamet-2016.txt';
const EDITED = path.join(__dirname, 'fixtures/res92-edited.txt');
const NB = '\u00a0';
const NBH = '\u2011';

/** Lines a comparison covers: from the number line on, cleaned, blank lines dropped. */
function resolutionLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*resolution 92/i.test(l));
  return lines.slice(start).map(cleanForMod).filter((l) => l !== '');
}

describe('MOD proposals: comparison and text form', function () {
  const base = readFileSync(RES92, 'utf8');
  const edited = readFileSync(EDITED, 'utf8');
  let cmp: Comparison;
  let text: string;
  let lines: string[];
  const line = (start: string) => {
    const l = lines.find((x) => x.startsWith(start));
    assert.ok(l !== undefined, `no line starts with ${JSON.stringify(start)}`);
    return l;
  };

  before(function () {
    cmp = compareTexts(base, edited);
    text = modText(cmp, { identifier: 'APT/4202A10/1', reasons: 'The study groups were restructured for the 2022-2024 study period.' });
    lines = text.split('\n');
  });

  it('starts with the symbol line and ends with the reasons', function () {
    assert.equal(lines[0], 'MOD\tAPT/4202A10/1');
    assert.equal(lines[lines.length - 1], '');
    assert.equal(lines[lines.length - 2], 'Reasons:\tThe study groups were restructured for the 2022-2024 study period.');
    // the foreword of the reference is not part of the proposal
    assert.ok(!text.includes('FOREWORD'));
  });

  it('marks changed words inside lines', function () {
    // the number line shows in capitals: `resolution` → `Resolution` is no change
    assert.equal(lines[1], `Resolution 92 ([-Hammamet, 2016-][+Rev.${NB}Geneva, 2022+])`);
    assert.equal(line('(Hammamet'), '(Hammamet, 2016[+; Geneva, 2022+])');
    assert.equal(line('The World'), 'The World Telecommunication Standardization Assembly ([-Hammamet, 2016-][+Geneva, 2022+]),');
    assert.ok(line('c)\t').startsWith('c)\tthat IMT-2020 [-will be utilized-][+is being deployed+] widely [-in the near future -]to build a user-centred'));
    assert.ok(line('2\tto encourage').startsWith('2\tto encourage[- -], in cooperation with Study Group'));
  });

  it('shows new and removed clauses and sections as whole lines', function () {
    const ebis = lines.findIndex((l) => l.startsWith('[+e bis)'));
    assert.equal(lines[ebis], `[+e bis)\tthat ITU${NBH}T Study Group${NB}13 has been designated as the lead study group on IMT${NBH}2020;+]`);
    assert.ok(lines[ebis - 1].startsWith('e)\tthat the ITU'), 'after considering e)');
    assert.ok(lines[ebis + 1].startsWith('f)\tthat Recommendation 207'), 'before considering f)');
    assert.equal(line('[-d)'), `[-d)\tRecommendation ITU${NBH}T${NB}A.5, on generic procedures for including references to documents of other organizations in ITU${NBH}T Recommendations;-]`);
    const sg12 = lines.findIndex((l) => l.startsWith('[-instructs ITU'));
    assert.equal(lines[sg12], `[-instructs ITU${NBH}T Study Group${NB}12-]`);
    assert.ok(lines[sg12 + 1].startsWith('[-to promote the studies on standardization activities related to the non-radio aspects of IMT service'));
    const sg20 = lines.indexOf(`[+instructs Study Group${NB}20+]`);
    assert.ok(sg20 > sg12);
    assert.equal(lines[sg20 + 1], `[+to promote the studies on requirements for the Internet of things in IMT${NBH}2020 networks,+]`);
    assert.ok(lines[sg20 + 2].startsWith('instructs the Director'));
  });

  it('pairs relettered clauses by their text, not by their label', function () {
    // noting e) became d) after d) was deleted: the label changes, the text stays
    assert.ok(line('[-e-][+d+])\t').startsWith(`[-e-][+d+])\tRecommendation ITU${NBH}T${NB}A.6, on cooperation`));
    assert.ok(line('[-f-][+e+])\t').startsWith(`[-f-][+e+])\tRecommendation ITU${NBH}T${NB}A.7, on the establishment`));
  });

  it('leaves untouched lines as they are', function () {
    const untouched = cmp.lines.filter((l) => l.status === 'same');
    assert.ok(untouched.length > 40);
    for (const l of untouched) assert.equal(l.segments[0].text, cleanForMod(cmp.edited.lines[l.editedLine!]));
    assert.ok(lines.includes('considering'));
    assert.ok(lines.includes(`3\tto be responsible for the research and annual reporting of ITU${NBH}T's standards strategy on IMT,`), 'bookmark dropped');
    assert.deepEqual(cmp.stats, { insertedWords: 50, deletedWords: 62, changedLines: 7, insertedLines: 3, deletedLines: 3 });
  });

  it('reads back: accepting gives the edited text, rejecting the reference', function () {
    const { accepted, original } = readMarks(text);
    assert.deepEqual(accepted.slice(1, -1), resolutionLines(edited));
    // the number line keeps the edited form where only the case differs (Word shows it in capitals)
    assert.equal(original[1], 'Resolution 92 (Hammamet, 2016)');
    assert.deepEqual(original.slice(2, -1), resolutionLines(base).slice(1));
  });

  it('the accepted text lints clean (what the parser would see once it reads the marks)', function () {
    const { accepted } = readMarks(text);
    const { findings } = lintText(accepted.join('\n') + '\n');
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.rule}: ${f.message}`),
      [],
    );
  });

  it('holds for any edit: accepted = edited, original = reference (property)', function () {
    this.timeout(60000);
    const baseLines = resolutionLines(base);
    const vocabulary = ['that', 'the', 'study', 'groups', 'shall', 'coordinate', 'network', 'and', 'with', 'relevant', 'work', 'in', 'IMT'];
    const words = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const edit = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: words.map((w) => `${w};`) }),
      fc.record({ op: fc.constant('insertClause' as const), at: fc.nat(), text: words.map((w) => `x)\tthat ${w};`) }),
      fc.record({ op: fc.constant('replaceWord' as const), at: fc.nat(), word: fc.nat(), text: words }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const ed = [...baseLines];
        for (const e of edits) {
          // the number line (index 0) stays: it is what makes the text a resolution
          const at = 1 + (e.at % (ed.length - 1));
          if (e.op === 'delete' && ed.length > 3) ed.splice(at, 1);
          else if (e.op === 'insert' || e.op === 'insertClause') ed.splice(at, 0, e.text);
          else if (e.op === 'replaceWord') {
            const ws = ed[at].split(' ');
            ws[e.word % ws.length] = e.text;
            ed[at] = ws.join(' ');
          }
        }
        const c = compareTexts(base, ed.join('\n') + '\n');
        const { accepted, original } = readMarks(modText(c, { identifier: 'APT/1/1' }));
        assert.deepEqual(accepted.slice(1, -1), ed.map(cleanForMod).filter((l) => l !== ''));
        assert.deepEqual(original.slice(1, -1), baseLines);
      }),
      { numRuns: 60, seed: 20240502 },
    );
  });
});

describe('MOD proposals: alignment and word comparison', function () {
  const head = [
    'Resolution 76 (Rev. Geneva, 2022)',
    'Studies related to conformance and interoperability testing',
    '(Johannesburg, 2008; Dubai, 2012; Hammamet, 2016; Geneva, 2022)',
    'The World Telecommunication Standardization Assembly (Geneva, 2022),',
  ];

  it('pairs a clause with the clause it was, across a relettering, and a rewritten clause by its label', function () {
    const base = [
      ...head,
      'recognizing',
      'a)\tthat conformance testing does not guarantee interoperability;',
      'b)\tthat interoperability events help developing countries build testing capacity,',
      'resolves',
      '1\tthat study groups shall pursue their work on conformance testing;',
      '2\tthat the Telecommunication Standardization Bureau shall keep the list of testing laboratories.',
    ].join('\n');
    const edited = [
      ...head,
      'recognizing',
      'a)\tthat conformance testing does not guarantee interoperability;',
      'b)\tthat test suites published by ITU are used by industry fora;',
      'c)\tthat interoperability events help developing countries build testing capacity,',
      'resolves',
      '1\tthat study groups shall pursue their work on conformance testing;',
      '2\tthat the Bureau shall publish the list of recognized testing laboratories on its website.',
    ].join('\n');
    const out = modText(compareTexts(base, edited), { identifier: 'AFCP/33A1/4' }).split('\n');
    assert.deepEqual(out.slice(5, 12), [
      'recognizing',
      'a)\tthat conformance testing does not guarantee interoperability;',
      '[+b)\tthat test suites published by ITU are used by industry fora;+]',
      '[-b-][+c+])\tthat interoperability events help developing countries build testing capacity,',
      'resolves',
      '1\tthat study groups shall pursue their work on conformance testing;',
      '2\tthat the [-Telecommunication Standardization -]Bureau shall [-keep-][+publish+] the list of [+recognized +]testing laboratories[+ on its website+].',
    ]);
  });

  it('keeps a renamed section paired with its clauses when the head is the same', function () {
    const base = [...head, 'instructs Study Group 11', 'to continue its studies on testing methods,', 'invites Member States', 'to take part in interoperability events.'].join('\n');
    const edited = [...head, 'instructs Study Group 11, in collaboration with Study Group 13', 'to continue its studies on testing methods,', 'invites Member States', 'to take part in interoperability events.'].join('\n');
    const out = modText(compareTexts(base, edited)).split('\n');
    assert.deepEqual(out.slice(5, 7), ['instructs Study Group 11[+, in collaboration with Study Group 13+]', 'to continue its studies on testing methods,']);
  });

  it('folds spaces and short punctuation between changes into the changes', function () {
    assert.deepEqual(diffLine('(Hammamet, 2016)', '(Rev. Geneva, 2022)'), [
      { kind: 'same', text: '(' },
      { kind: 'del', text: 'Hammamet, 2016' },
      { kind: 'ins', text: 'Rev. Geneva, 2022' },
      { kind: 'same', text: ')' },
    ]);
  });

  it('keeps footnote references and bodies whole', function () {
    const a = 'in particular in developing countries[footnoteRef:1]1; [1: 1 \tThese include the least developed countries.]';
    assert.deepEqual(tokenize(a).slice(-4), ['countries', '[footnoteRef:1]1', ';', ' ', '[1: 1 \tThese include the least developed countries.]'].slice(-4));
    const segs = diffLine(a, a.replace('in particular', 'especially'));
    assert.deepEqual(segs, [
      { kind: 'del', text: 'in particular ' },
      { kind: 'ins', text: 'especially ' },
      { kind: 'same', text: 'in developing countries[footnoteRef:1]1; [1: 1 \tThese include the least developed countries.]' },
    ]);
  });

  it('reuses the identifier, the reasons and the introduction of an edited proposal', function () {
    const base = [...head, 'resolves', 'that study groups shall pursue their work on conformance testing.'].join('\n');
    const edited = [
      'Proposals of the Asia-Pacific Telecommunity for the work of the assembly',
      'MOD\tAPT/4202A10/2',
      ...head,
      'resolves',
      'that study groups shall pursue their work on conformance and interoperability testing.',
      'Reasons:\tInteroperability testing is part of the work.',
    ].join('\n');
    const out = modText(compareTexts(base, edited)).split('\n');
    assert.equal(out[0], 'Proposals of the Asia-Pacific Telecommunity for the work of the assembly');
    assert.equal(out[1], 'MOD\tAPT/4202A10/2');
    assert.equal(out[7], 'that study groups shall pursue their work on conformance [+and interoperability +]testing.');
    assert.equal(out[8], 'Reasons:\tInteroperability testing is part of the work.');
    // options win over the edited text's own
    const again = modText(compareTexts(base, edited), { identifier: 'APT/4202A10/3', symbol: '(MOD)', reasons: '' }).split('\n');
    assert.equal(again[1], '(MOD)\tAPT/4202A10/3');
    assert.equal(again[8], 'Reasons:');
  });
});

describe('MOD proposals: Word form with tracked changes', function () {
  const AUTHOR = 'Asia-Pacific Telecommunity';
  const DATE = '2024-05-02T09:00:00Z';
  let cmp: Comparison;
  let docx: Buffer;
  let zip: JSZip;
  let body: XNode;

  before(async function () {
    cmp = compareTexts(readFileSync(RES92, 'utf8'), readFileSync(EDITED, 'utf8'));
    docx = await modDocx(cmp, { identifier: 'APT/4202A10/1', author: AUTHOR, date: DATE, reasons: 'The study groups were restructured.' });
    zip = await JSZip.loadAsync(docx);
    const doc = rootOf(parseXml(await zip.file('word/document.xml')!.async('string')), 'w:document')!;
    body = child(doc, 'w:body')!;
  });

  const styleOf = (p: XNode) => {
    const ps = find(child(p, 'w:pPr') ?? {}, 'w:pStyle');
    return ps ? attr(ps, 'w:val') : undefined;
  };
  /** Text of a paragraph; deleted text wrapped in [- -] and inserted in [+ +] to check placement. */
  const marked = (p: XNode): string => {
    let s = '';
    const walk = (n: XNode, mode: string) => {
      for (const c of kids(n)) {
        const t = tagOf(c);
        if (t === 'w:ins' || t === 'w:del') {
          let inner = '';
          const sub = { [t]: kids(c) } as XNode;
          const save = s;
          s = '';
          walk(sub, t);
          inner = s;
          s = save + (t === 'w:ins' ? `[+${inner}+]` : `[-${inner}-]`);
        } else if (t === 'w:t' || t === 'w:delText') s += textOf(c);
        else if (t === 'w:tab') s += '\t';
        else if (t === 'w:noBreakHyphen') s += NBH;
        else if (t === 'w:br') s += '\n';
        else if (t === 'w:r') walk(c, mode);
      }
    };
    walk(p, '');
    return s;
  };

  it('writes w:ins and w:del with the author and the date', function () {
    const ins = findAll(body, 'w:ins');
    const del = findAll(body, 'w:del');
    assert.ok(ins.length >= 10 && del.length >= 10, `${ins.length} insertions, ${del.length} deletions`);
    for (const r of [...ins, ...del]) {
      assert.equal(attr(r, 'w:author'), AUTHOR);
      assert.equal(attr(r, 'w:date'), DATE);
    }
    const ids = [...ins, ...del].map((r) => attr(r, 'w:id'));
    assert.equal(new Set(ids).size, ids.length, 'revision ids are unique');
    // deleted text is w:delText, never w:t
    for (const d of del) {
      assert.equal(findAll(d, 'w:t').length, 0);
    }
    const deletedWords = del.flatMap((d) => findAll(d, 'w:delText').map(textOf)).join('|');
    assert.ok(deletedWords.includes('will be utilized'));
    assert.ok(findAll(body, 'w:ins').some((i) => findAll(i, 'w:t').map(textOf).join('') === 'is being deployed'));
  });

  it('puts each change where it belongs, in the ITU styles', function () {
    const paras = findAll(body, 'w:p');
    const texts = paras.map((p) => ({ style: styleOf(p), text: marked(p) }));
    assert.deepEqual(texts[0], { style: STYLE.Proposal, text: 'MOD\tAPT/4202A10/1' });
    assert.deepEqual(texts[1], { style: STYLE.ResNo, text: `Resolution 92 ([-Hammamet, 2016-][+Rev.${NB}Geneva, 2022+])` });
    assert.equal(texts[2].style, STYLE.Restitle);
    assert.ok(texts[2].text.includes('\n'), 'the title lines make one paragraph');
    assert.deepEqual(texts[3], { style: STYLE.Resref, text: '(Hammamet, 2016[+; Geneva, 2022+])' });
    assert.equal(texts[4].style, STYLE.Normalaftertitle);
    const find_ = (start: string) => texts.find((t) => t.text.startsWith(start))!;
    assert.equal(find_('considering').style, STYLE.Call);
    assert.ok(find_('c)\t').text.startsWith('c)\tthat IMT-2020 [-will be utilized-][+is being deployed+] widely'));
    assert.equal(find_('[+instructs Study Group').style, STYLE.Call);
    assert.equal(find_('[-instructs ITU').style, STYLE.Call, 'a deleted call keeps the reference\'s style');
    assert.deepEqual(texts[texts.length - 1], { style: STYLE.Reasons, text: 'Reasons:\tThe study groups were restructured.' });
  });

  it('marks the paragraph mark of wholly inserted and deleted lines', function () {
    const paras = findAll(body, 'w:p');
    const markOf = (p: XNode) => {
      const rPr = child(child(p, 'w:pPr') ?? {}, 'w:rPr');
      return rPr ? (child(rPr, 'w:ins') ? 'ins' : child(rPr, 'w:del') ? 'del' : '') : '';
    };
    const marks = /\[\+|\+\]|\[-|-\]/g;
    const summary = paras.filter((p) => markOf(p)).map((p) => `${markOf(p)} ${marked(p).replace(marks, '').slice(0, 20)}`);
    assert.deepEqual(summary, [
      `ins e bis)\tthat ITU${NBH}T St`,
      'del d)\tRecommendation IT',
      `del instructs ITU${NBH}T Stud`,
      'del to promote the studi',
      'ins instructs Study Grou',
      'ins to promote the studi',
    ]);
    // all of such a paragraph is inserted (deleted): no plain text in it
    for (const p of paras.filter((x) => markOf(x))) {
      const m = marked(p);
      const kind = markOf(p) === 'ins' ? ['[+', '+]'] : ['[-', '-]'];
      assert.equal(m.replace(markOf(p) === 'ins' ? /\[\+([^]*?)\+\]/g : /\[-([^]*?)-\]/g, ''), '', `${kind[0]} ${m}`);
    }
    for (const p of paras.filter((x) => markOf(x) === 'ins')) {
      const rPr = child(child(p, 'w:pPr')!, 'w:rPr')!;
      assert.equal(attr(child(rPr, 'w:ins')!, 'w:author'), AUTHOR);
    }
  });

  it('keeps the footnote and turns revision tracking on', async function () {
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    assert.ok(notes.includes('These include the least developed countries'));
    assert.equal(findAll(body, 'w:footnoteReference').length, 1);
    const settings = await zip.file('word/settings.xml')!.async('string');
    assert.match(settings, /<w:trackRevisions\/>/);
  });

  it('imports back as the edited text (Word accepts all changes on import)', async function () {
    const back = await importDocx(docx);
    assert.equal(back.warnings.length, 1);
    assert.match(back.warnings[0], /tracked changes/);
    const { accepted } = readMarks(modText(cmp, { identifier: 'APT/4202A10/1', reasons: 'The study groups were restructured.' }));
    assert.deepEqual(back.text.split('\n').filter((l) => l !== ''), accepted);
  });
});
