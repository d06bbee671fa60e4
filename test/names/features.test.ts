import { strict as assert } from 'node:assert';
import { analyse, RES92, wtsa } from './helpers';
import { nameHover } from '../../server/src/features/nameHover';
import { hover } from '../../server/src/features/hover';
import { nameCompletion } from '../../server/src/features/nameCompletion';
import { complete, lineBefore } from '../../server/src/features/completion';
import type { Position } from '../../server/src/model/types';

/** The position of the n-th occurrence of `needle` (plus `offset` characters) in the text. */
function at(text: string, needle: string, offset = 0, nth = 1): Position {
  let i = -1;
  for (let k = 0; k < nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function hoverAt(text: string, pos: Position): string | null {
  const { analysis, data } = analyse(text);
  return nameHover({ analysis, data, position: pos })?.markdown ?? null;
}

describe('hover on names', () => {
  it('shows an abbreviation defined in the text: its expansion and where it is spelled out', () => {
    const md = hoverAt(RES92, at(RES92, 'IMT systems', 1))!;
    assert.match(md, /\*\*IMT\*\*: International Mobile Telecommunications/);
    assert.match(md, /spelled out in considering a\) \(line 12\)/);
  });

  it('shows a body abbreviation with its full name, kind and source', () => {
    const md = hoverAt(RES92, at(RES92, 'of WTDC', 4))!;
    assert.match(md, /World Telecommunication Development Conference/);
    assert.match(md, /spelled out in considering h\)/);
    assert.match(md, /conference · \[source\]\(http/);
  });

  it('shows a body named in full', () => {
    const md = hoverAt(RES92, at(RES92, 'Telecommunication Standardization Advisory Group', 5))!;
    assert.match(md, /^\*\*Telecommunication Standardization Advisory Group\*\* \(TSAG\)/);
    assert.match(md, /advisory group · \[source\]\(http/);
  });

  it('shows a study group with its title in the study period the text addresses', () => {
    // Res 92 writes a non-breaking space in `Study Group\u00a013`
    const md = hoverAt(RES92, at(RES92, 'instructs Study Group\u00a013', 12))!;
    assert.match(md, /\*\*ITU-T Study Group 13\*\*: Future networks/i);
    assert.match(md, /study period 2017-2020/);
    const old = hoverAt(RES92, at(RES92, 'ITU‑R Study Group\u00a05', 8))!;
    assert.match(old, /\*\*ITU-R Study Group 5\*\*: Terrestrial/i);
  });

  it('says when a study group did not exist in that period', () => {
    const text = wtsa(['the study groups work'], 'instructs Study Group 21\nto lead the studies.');
    assert.match(hoverAt(text, at(text, 'Study Group 21', 3))!, /did not exist in the 2017-2020 study period/);
  });

  it('explains a wrong name', () => {
    const text = wtsa(['the Telecommunications Standardization Bureau helps']);
    const md = hoverAt(text, at(text, 'Telecommunications Standardization Bureau', 3))!;
    assert.match(md, /Not a name ITU uses: write "Telecommunication Standardization Bureau"/);
  });

  it('answers through the registered hover providers, and not on plain words', () => {
    const { analysis, data } = analyse(RES92);
    const h = hover({ analysis, data, position: at(RES92, 'of WTDC', 4) });
    assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents && /World Telecommunication Development Conference/.test(h.contents.value));
    assert.equal(hover({ analysis, data, position: at(RES92, 'the root name', 6) }), null);
  });
});

describe('completion of names', () => {
  function completeAt(text: string, pos: Position) {
    const { analysis, data } = analyse(text);
    return nameCompletion({ analysis, data, position: pos, before: lineBefore(analysis, pos) });
  }

  it('offers addressees after "instructs ": study groups of the period, TSAG, the Director of TSB, Member States', () => {
    const text = RES92.replace(/instructs Study Group\u00a017\r?\n/, 'instructs \n');
    assert.notEqual(text, RES92);
    const pos = at(text, 'instructs \n', 'instructs '.length);
    const items = completeAt(text, pos)!;
    const labels = items.map((i) => i.label);
    for (const l of ['Study Group 13', 'Study Group 20', 'the Telecommunication Standardization Advisory Group', 'the Director of the Telecommunication Standardization Bureau', 'Member States', 'study groups', 'study groups of the ITU Telecommunication Standardization Sector']) {
      assert.ok(labels.includes(l), `${l} missing`);
    }
    // the 2017-2020 groups: no Study Group 21
    assert.ok(!labels.includes('Study Group 21'));
    const sg13 = items.find((i) => i.label === 'Study Group 13')!;
    assert.match(String(sg13.detail), /Future networks/);
    assert.deepEqual(sg13.textEdit && 'range' in sg13.textEdit ? sg13.textEdit.range.start : null, pos);
  });

  it('offers study group numbers after "Study Group ", with their titles, for the sector written', () => {
    const text = wtsa(['the study groups work'], 'instructs Study Group \nto lead the studies.', 'New Delhi, 2024');
    const items = completeAt(text, at(text, 'Study Group \n', 'Study Group '.length))!;
    assert.deepEqual(items.map((i) => i.label), ['2', '3', '5', '11', '12', '13', '15', '17', '20', '21']);
    const r = wtsa(['that ITU-R Study Group 5 works'].map((x) => x.replace('that ', '')));
    const itemsR = completeAt(r, at(r, 'ITU-R Study Group 5', 'ITU-R Study Group '.length))!;
    assert.deepEqual(itemsR.map((i) => i.label), ['1', '3', '4', '5', '6', '7']);
  });

  it('answers only after an addressing call or "Study Group ", through the registered providers', () => {
    const text = wtsa(['the study groups work']);
    const { analysis, data } = analyse(text);
    const pos = at(text, 'study groups work', 4);
    assert.equal(nameCompletion({ analysis, data, position: pos, before: lineBefore(analysis, pos) }), null);
    const t2 = text + '\ninvites ';
    const a2 = analyse(t2);
    const p2 = { line: t2.split('\n').length - 1, character: 'invites '.length };
    assert.ok(complete({ analysis: a2.analysis, data: a2.data, position: p2, before: lineBefore(a2.analysis, p2) }).some((i) => i.label === 'Member States'));
  });
});
