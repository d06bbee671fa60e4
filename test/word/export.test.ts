import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { parse } from '../../server/src/parser/parse';
import { exportDocx, exportFile } from '../../server/src/word/export';
import { importDocx } from '../../server/src/word/import';
import { XNode, attr, child, find, findAll, parseXml, rootOf, tagOf, textOf, kids } from '../../server/src/word/ooxml';
import { STYLE } from '../../server/src/word/styles';

const RES1 = '/work/shared/corpus/res1-hammamet-2016.docx';

interface Para {
  style: string;
  text: string;
}

/** Paragraphs of a part with their style and text (tabs as TAB, breaks as \n). */
function paragraphsOf(xml: string, rootTag: string): Para[] {
  const root = rootOf(parseXml(xml), rootTag)!;
  return findAll(root, 'w:p').map((p) => {
    const pPr = child(p, 'w:pPr');
    const ps = pPr && child(pPr, 'w:pStyle');
    let text = '';
    for (const r of findAll(p, 'w:r')) {
      for (const c of kids(r)) {
        const t = tagOf(c);
        if (t === 'w:t') text += textOf(c);
        else if (t === 'w:tab') text += '\t';
        else if (t === 'w:br') text += '\n';
        else if (t === 'w:noBreakHyphen') text += '\u2011';
      }
    }
    return { style: (ps && attr(ps, 'w:val')) ?? '', text };
  });
}

describe('word export', function () {
  let imported: string;
  let docx: Buffer;
  let zip: JSZip;
  let body: Para[];
  let documentXml: string;

  before(async function () {
    imported = (await importDocx(await fs.readFile(RES1))).text;
    docx = await exportDocx(parse(imported));
    zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
    body = paragraphsOf(documentXml, 'w:document');
  });

  const styleOf = (text: string) => {
    const p = body.find((b) => b.text === text);
    assert.ok(p, `paragraph not found: ${JSON.stringify(text)}`);
    return p.style;
  };

  it('uses the ITU paragraph styles for the parts of the resolution', function () {
    assert.equal(styleOf('RESOLUTION 1 (Rev.\u00a0Hammamet, 2016)'), STYLE.ResNo);
    assert.equal(styleOf('Rules of procedure of the ITU Telecommunication \nStandardization Sector'), STYLE.Restitle);
    assert.equal(styleOf('The World Telecommunication Standardization Assembly (Hammamet, 2016),'), 'Normalaftertitle0');
    assert.equal(styleOf('considering'), STYLE.Call);
    assert.equal(styleOf('resolves'), STYLE.Call);
    assert.equal(styleOf('SECTION\u00a01'), STYLE.SectionNo);
    assert.equal(styleOf('World Telecommunication Standardization Assembly'), STYLE.Sectiontitle);
    assert.equal(styleOf('1.13\tVoting'), STYLE.Heading2);
    assert.equal(styleOf('1bis.1.1\tPresentation of texts'), STYLE.Heading3);
    assert.equal(styleOf('Appendix I'), STYLE.AppendixNo);
    assert.equal(styleOf('Information for submission of a Question'), STYLE.Appendixtitle);
    assert.equal(styleOf('–\tto entrust the study to a single study group; or'), STYLE.enumlev3);
    assert.equal(styleOf('i)\tpropose the maintenance, establishment or termination of study groups;'), STYLE.enumlev2);
    const history = body.find((b) => b.text.startsWith('(Hammamet, 2016)'))!;
    assert.equal(history.style, STYLE.Resref);
    // clauses: Normal, label TAB text
    const b = body.find((p) => p.text.startsWith('b)bis\t'))!;
    assert.equal(b.style, STYLE.Normal);
    assert.ok(/<w:t xml:space="preserve">b\)bis<\/w:t><w:tab\/>/.test(documentXml));
    const used = new Set(body.map((p) => p.style));
    for (const id of ['ResNo', 'Restitle', 'Resref', 'Normalaftertitle0', 'Call', 'enumlev1', 'enumlev2', 'enumlev3', 'Note', 'SectionNo', 'Sectiontitle', 'AppendixNo', 'Appendixtitle', 'Heading2', 'Heading3']) {
      assert.ok(used.has(id), `style ${id} used`);
    }
  });

  it('writes real footnotes, auto-numbered where the mark allows, custom otherwise', async function () {
    const refs = [...documentXml.matchAll(/<w:footnoteReference( w:customMarkFollows="1")? w:id="(\d+)"\/>/g)];
    assert.equal(refs.length, 6);
    assert.deepEqual(refs.map((m) => !!m[1]), [false, true, false, false, false, false], 'only the `1bis` footnote needs a custom mark');
    const footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
    const root = rootOf(parseXml(footnotesXml), 'w:footnotes')!;
    const notes = kids(root).filter((n) => tagOf(n) === 'w:footnote' && !attr(n, 'w:type'));
    assert.equal(notes.length, 6);
    for (const n of notes) {
      const ps = find(n, 'w:pStyle');
      assert.equal(ps && attr(ps, 'w:val'), STYLE.FootnoteText);
    }
    const texts = paragraphsOf(footnotesXml, 'w:footnotes').map((p) => p.text);
    assert.ok(texts.includes('\tThese include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition.'));
    assert.ok(texts.includes('1bis This Hammamet, 2016 edition was initially published in 2016 and then republished in November 2017 to move the contents of Annex A (ITU-T Documentation) to Section 1bis, as approved during the Assembly.'));
  });

  it('defines the styles with Times New Roman 12 on A4', async function () {
    const stylesXml = await zip.file('word/styles.xml')!.async('string');
    const root = rootOf(parseXml(stylesXml), 'w:styles')!;
    const styles = new Map<string, XNode>();
    for (const s of kids(root)) if (tagOf(s) === 'w:style') styles.set(attr(s, 'w:styleId')!, s);
    const names: Record<string, string> = {
      ResNo: 'Res_No',
      Restitle: 'Res_title',
      Resref: 'Res_ref',
      Normalaftertitle0: 'Normal after title',
      Call: 'Call',
      enumlev1: 'enumlev1',
      SectionNo: 'Section_No',
      AppendixNo: 'Appendix_No',
      FootnoteText: 'footnote text',
    };
    for (const [id, name] of Object.entries(names)) {
      const s = styles.get(id);
      assert.ok(s, `style ${id}`);
      assert.equal(attr(child(s, 'w:name')!, 'w:val'), name);
    }
    const call = styles.get('Call')!;
    assert.ok(find(child(call, 'w:rPr')!, 'w:i'), 'Call is italic');
    assert.ok(find(child(styles.get('ResNo')!, 'w:rPr')!, 'w:caps'), 'ResNo shows capitals');
    const ind = find(styles.get('enumlev1')!, 'w:ind')!;
    assert.equal(attr(ind, 'w:left'), '794');
    assert.equal(attr(ind, 'w:hanging'), '794');
    const defaults = find(root, 'w:rPrDefault')!;
    assert.equal(attr(find(defaults, 'w:rFonts')!, 'w:ascii'), 'Times New Roman');
    assert.equal(attr(find(defaults, 'w:sz')!, 'w:val'), '24');
    const normalTab = find(styles.get('Normal')!, 'w:tab')!;
    assert.equal(attr(normalTab, 'w:pos'), '794');
    const settings = await zip.file('word/settings.xml')!.async('string');
    assert.match(settings, /<w:defaultTabStop w:val="397"\/>/);
    const pgSz = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(documentXml)!;
    assert.deepEqual([Number(pgSz[1]), Number(pgSz[2])], [11907, 16840], 'A4');
  });

  it('keeps the meeting of the number line in small letters under the capitals of Res_No (as res1 does)', function () {
    const m = /<w:pStyle w:val="ResNo"\/><\/w:pPr>(.*?)<\/w:p>/.exec(documentXml);
    assert.ok(m);
    assert.equal(
      m[1],
      '<w:r><w:t xml:space="preserve">RESOLUTION 1 </w:t></w:r><w:r><w:rPr><w:caps w:val="false"/></w:rPr><w:t xml:space="preserve">(Rev.\u00a0Hammamet, 2016)</w:t></w:r>',
    );
  });

  it('rebuilds tables from their placeholder', function () {
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(documentXml)![0];
    assert.equal((tbl.match(/<w:gridCol /g) ?? []).length, 5);
    assert.equal((tbl.match(/<w:tr[ >]/g) ?? []).length, 7);
  });

  it('round-trips: import(export(parse(import(res1)))) is import(res1)', async function () {
    const again = await importDocx(docx);
    assert.deepEqual(again.warnings, []);
    const a = imported.split('\n');
    const b = again.text.split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++) assert.equal(b[i], a[i], `line ${i + 1}`);
    assert.equal(again.text, imported);
  });

  it('exports a proposal with its symbol line, resolution and reasons', async function () {
    const text = [
      'Introduction',
      'This contribution proposes a new resolution on accessibility of ITU meetings.',
      'ADD\tAPT/42A1/1',
      'Draft new Resolution [APT-1] (New Delhi, 2024)',
      'Access to the meetings of the ITU Telecommunication Standardization Sector for persons with disabilities',
      '(New Delhi, 2024)',
      'The World Telecommunication Standardization Assembly (New Delhi, 2024),',
      'recognizing',
      'a)\tthat persons with disabilities take part in the work of study groups;',
      'b)\tthat remote participation tools differ in their accessibility,',
      'resolves',
      'to make the meetings of study groups accessible to persons with disabilities[footnoteRef:1]1. [1: 1\tSee Resolution\u00a0175 (Rev.\u00a0Bucharest, 2022) of the Plenipotentiary Conference.]',
      'Reasons:\tThe needs of persons with disabilities are not addressed in the working methods of ITU\u2011T.',
      '',
    ].join('\n');
    const doc = parse(text);
    assert.equal(doc.proposals.length, 1);
    const out = await exportDocx(doc);
    const z = await JSZip.loadAsync(out);
    const paras = paragraphsOf(await z.file('word/document.xml')!.async('string'), 'w:document');
    const style = (t: string) => paras.find((p) => p.text.startsWith(t))?.style;
    assert.equal(style('Introduction'), STYLE.Normal);
    assert.equal(style('ADD\tAPT/42A1/1'), STYLE.Proposal);
    assert.equal(style('Draft new Resolution [APT-1]'), STYLE.ResNo);
    assert.equal(style('recognizing'), STYLE.Call);
    assert.equal(style('Reasons:'), STYLE.Reasons);
    assert.equal((await importDocx(out)).text, text);
  });

  it('exportFile parses and writes a .docx', async function () {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reslint-export-'));
    const src = path.join(dir, 'res.txt');
    const dst = path.join(dir, 'res.docx');
    await fs.writeFile(src, imported);
    await exportFile(src, dst);
    assert.equal((await importDocx(await fs.readFile(dst))).text, imported);
  });
});
