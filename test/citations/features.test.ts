import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver';
import { parse } from '../../server/src/parser/parse';
import { Analysis } from '../../server/src/analyzer/analysis';
import { loadReferenceData, type ReferenceData } from '../../server/src/data/reference';
import { citationHover } from '../../server/src/features/citationHover';
import { hover } from '../../server/src/features/hover';
import { citationCompletion, recommendationItems, textItems } from '../../server/src/features/citationCompletion';
import { complete, lineBefore } from '../../server/src/features/completion';
import { DATA, WRC23, WTSA08, WTSA12, WTSA16 } from './testData';

const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');

/** Position of the first `needle` on the line that contains `lineHas` (raw text; NBSP kept). */
function at(text: string, lineHas: string, needle: string, offset = 0) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineHas));
  assert.ok(line >= 0, lineHas);
  const character = lines[line].indexOf(needle);
  assert.ok(character >= 0, needle);
  return { line, character: character + offset };
}

function hoverText(text: string, data: ReferenceData, pos: { line: number; character: number }): string | null {
  const r = citationHover({ analysis: new Analysis(parse(text)), data, position: pos });
  return r ? r.markdown : null;
}

describe('citation hover', () => {
  it('shows title, body, status, history and source on Res 92\'s citation of Resolution 18', () => {
    const data = loadReferenceData();
    const md = hoverText(RES92, data, at(RES92, 'of this assembly, on principles', '18', 1))!;
    assert.match(md, /^\*\*Resolution 18 \(Rev\. Hammamet, 2016\)\*\* of the World Telecommunication Standardization Assembly/);
    assert.match(md, /\*Principles and procedures for the allocation of work/);
    assert.match(md, /In force as of this text's meeting \(Hammamet, 2016\)/);
    assert.match(md, /Adopted and revised: Helsinki, 1993; .*Hammamet, 2016/);
    // the built-in list is whole up to the meeting of the history line a public page prints
    assert.match(md, /Every version up to Dubai, 2012 is listed, as its history line \[prints\]\(https:\/\/studylib\.net\/doc\/13053403\/itu-t\)/);
    assert.match(md, /\[Source\]\(https?:\/\//);
  });

  it('says nothing of a whole list for an entry not marked complete', () => {
    const md = hoverText(RES92, loadReferenceData(), at(RES92, 'of WTDC, on strengthening', '59'))!;
    assert.match(md, /Adopted and revised/);
    assert.doesNotMatch(md, /Every version up to/);
  });

  it('shows a Recommendation', () => {
    const md = hoverText(RES92, loadReferenceData(), at(RES92, 'A.7, on the establishment', 'A.7'))!;
    assert.match(md, /\*\*Recommendation ITU-T A\.7\*\*/);
    assert.match(md, /Focus groups/i);
  });

  it('says a cited revision is superseded as of the document\'s meeting', () => {
    const text = WTSA16(['Resolution 901 (Rev. Dubai, 2012) of this assembly']);
    const md = hoverText(text, DATA, at(text, 'Resolution 901', '901'))!;
    assert.match(md, /superseded\*\* by the Rev\. Hammamet, 2016 revision/);
    assert.match(md, /Adopted and revised: Johannesburg, 2008; Dubai, 2012; Hammamet, 2016\./);
  });

  it('judges the status as of the document, not today', () => {
    const text = WTSA12(['Resolution 901 (Rev. Dubai, 2012) of this assembly']);
    const md = hoverText(text, DATA, at(text, 'Resolution 901', '901'))!;
    assert.match(md, /In force as of this text's meeting \(Dubai, 2012\); latest revision: Rev\. Dubai, 2012\./);
  });

  it('says when the text was suppressed', () => {
    const text = WTSA16(['Resolution 904 (Johannesburg, 2008) of this assembly']);
    const md = hoverText(text, DATA, at(text, 'Resolution 904', '904'))!;
    assert.match(md, /\*\*Suppressed\*\* by the WTSA \(Dubai, 2012\)/);
    const before = WTSA08(['Resolution 904 (Johannesburg, 2008) of this assembly']);
    assert.match(hoverText(before, DATA, at(before, 'Resolution 904', '904'))!, /In force as of this text's meeting \(Johannesburg, 2008\)/);
  });

  it('answers on each number of a list, and nowhere else', () => {
    const text = WTSA16(['Resolutions 901 and 902 (Rev. Hammamet, 2016) of this assembly']);
    assert.match(hoverText(text, DATA, at(text, 'Resolutions 901', '902'))!, /Resolution 902/);
    assert.match(hoverText(text, DATA, at(text, 'Resolutions 901', '901'))!, /Resolution 901/);
    assert.equal(hoverText(text, DATA, at(text, 'resolves', 'resolves')), null);
  });

  it('is registered in the hover providers', () => {
    const a = new Analysis(parse(RES92));
    const h = hover({ analysis: a, data: loadReferenceData(), position: at(RES92, 'of WTDC, on strengthening', '59') });
    assert.match((h!.contents as MarkupContent).value, /Resolution 59 \(Rev\. Dubai, 2014\)\*\* of the World Telecommunication Development Conference/);
  });
});

describe('citation completion', () => {
  function completeAt(text: string, lineHas: string, data: ReferenceData = DATA) {
    const a = new Analysis(parse(text));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(lineHas));
    const character = lines[line].indexOf(lineHas) + lineHas.length;
    const position = { line, character };
    return citationCompletion({ analysis: a, data, position, before: lineBefore(a, position) });
  }

  it('completes the WTSA numbers in a WTSA text with the revision latest as of its meeting', () => {
    const items = completeAt(WTSA12(['that Resolution ']), 'Resolution ')!;
    assert.deepEqual(
      items.map((i) => [i.label, i.insertText]),
      [
        ['901', '901 (Rev. Dubai, 2012)'],
        ['902', '902 (Johannesburg, 2008)'],
        ['903', '903 (Rev. Dubai, 2012)'],
      ],
    );
    assert.equal(items[0].detail, 'Test text revised at every assembly from 2008');
  });

  it('leaves out texts suppressed as of the meeting and texts not yet adopted', () => {
    const in2016 = completeAt(WTSA16(['that Resolution ']), 'Resolution ')!.map((i) => i.insertText);
    assert.deepEqual(in2016, ['901 (Rev. Hammamet, 2016)', '902 (Rev. Hammamet, 2016)', '903 (Rev. Hammamet, 2016)']);
    const in2008 = completeAt(WTSA08(['that Resolution ']), 'Resolution ')!.map((i) => i.insertText);
    // 903's list starts at a revision: it may have existed in 2008, so it is offered without a meeting
    assert.deepEqual(in2008, ['901 (Johannesburg, 2008)', '902 (Johannesburg, 2008)', '903', '904 (Johannesburg, 2008)']);
  });

  it('completes Radiocommunication Assembly resolutions after "Resolution ITU-R "', () => {
    const items = completeAt(WRC23(['that Resolution ITU-R ']), 'Resolution ITU-R ')!;
    assert.deepEqual(items.map((i) => i.insertText), ['901 (Geneva, 2015)']);
  });

  it('replaces the digits already typed', () => {
    const items = completeAt(WTSA16(['that Resolution 90']), 'Resolution 90')!;
    const e = items[0].textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
    assert.equal(e.range.end.character - e.range.start.character, 2);
    assert.equal(e.newText, '901 (Rev. Hammamet, 2016)');
  });

  it('completes Recommendations of the sector after "Recommendation ITU-T "', () => {
    const items = completeAt(WTSA16(['that Recommendation ITU-T ']), 'Recommendation ITU-T ')!;
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ['A.1', 'Working methods for study groups of the ITU Telecommunication Standardization Sector'],
      ['A.7', 'Focus groups: Establishment and working procedures'],
      ['Y.3001', 'Future networks: Objectives and design goals'],
    ]);
  });

  it('does not answer elsewhere', () => {
    assert.equal(completeAt(WTSA16(['that the Resolution is ']), 'Resolution is '), null);
    assert.equal(completeAt(WTSA16(['that Recommendation ']), 'Recommendation '), null);
  });

  it('builds each list once per data object', () => {
    assert.equal(textItems(DATA, ['WTSA'], 'Resolution', { year: 2016 }, false), textItems(DATA, ['WTSA'], 'Resolution', { year: 2016 }, false));
    assert.equal(recommendationItems(DATA, 'ITU-T'), recommendationItems(DATA, 'ITU-T'));
  });

  it('is registered in the completion providers (built-in data, Res 92)', () => {
    const text = RES92.replace(/\u00a0/g, ' ').replace('a)\tResolution 18 (Rev.', 'a)\tResolution 1');
    const a = new Analysis(parse(text));
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('a)\tResolution 1 Hammamet'));
    const position = { line, character: 'a)\tResolution 1'.length };
    const items = complete({ analysis: a, data: loadReferenceData(), position, before: lineBefore(a, position) });
    const r18 = items.find((i) => i.label === '18');
    assert.ok(r18, 'Resolution 18 is offered');
    assert.equal(r18.insertText, '18 (Rev. Hammamet, 2016)');
    assert.match(r18.detail!, /allocation of work/);
  });
});
