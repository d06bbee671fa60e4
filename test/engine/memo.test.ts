import { strict as assert } from 'node:assert';
import { BoundedMemo, ContentSlot, factsOf, LineMemo, moveRanges, OwnedTextSlot, ownerId, shareFacts, TextSlot } from '../../server/src/util/memo';
import { realTexts } from '../helpers/corpus';
import type { Content } from '../../server/src/model/types';
import { lintText } from '../../server/src/engine';
import { loadReferenceData } from '../../server/src/data/reference';
import { parse } from '../../server/src/parser/parse';
import { Analysis } from '../../server/src/analyzer/analysis';
import { moveCitations } from '../../server/src/analyzer/citations';
import { moveGroups } from '../../server/src/analyzer/names';

/** The per-text facts records and their slots (util/memo.ts). */
describe('per-text facts', () => {
  // texts of their own, so that no earlier test has filled their records
  const text = (s: string) => `memo test ${s} ${Math.random()}`;

  it('shares one record between equal texts, whatever string object holds them', () => {
    const a = text('a');
    const b = (' ' + a).slice(1);
    assert.equal(factsOf(a), factsOf(b));
    assert.notEqual(factsOf(a), factsOf(text('other')));
  });

  it('computes a text slot once per text', () => {
    const slot = new TextSlot<number>();
    const t = text('count');
    let calls = 0;
    const f = (s: string) => (calls++, s.length);
    assert.equal(slot.get(factsOf(t), t, f), t.length);
    assert.equal(slot.get(factsOf(t), t, f), t.length);
    assert.equal(calls, 1);
    // another slot on the same record computes its own value
    const other = new TextSlot<string>();
    assert.equal(other.get(factsOf(t), t, (s) => s.toUpperCase()), t.toUpperCase());
    assert.equal(calls, 1);
  });

  it('computes an owned slot again for another owner (other reference data)', () => {
    const slot = new OwnedTextSlot<string>();
    const t = text('owned');
    const one = {};
    const two = {};
    assert.equal(ownerId(one), ownerId(one));
    assert.notEqual(ownerId(one), ownerId(two));
    let calls = 0;
    const f = () => `v${++calls}`;
    assert.equal(slot.get(factsOf(t), ownerId(one), t, f), 'v1');
    assert.equal(slot.get(factsOf(t), ownerId(one), t, f), 'v1');
    assert.equal(slot.get(factsOf(t), ownerId(two), t, f), 'v2');
  });

  it('moves a result with positions to the same text elsewhere, and scans again for another column mapping', () => {
    const none: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] = [];
    const slot = new ContentSlot(none, moveRanges);
    const t = text('content');
    const at = (line: number, column: number, shifts: number[] = []): Content => ({ line, column, text: t, shifts });
    let calls = 0;
    const found = (c: Content) => (calls++, [{ range: { start: { line: c.line, character: c.column + 2 }, end: { line: c.line, character: c.column + 5 } } }]);
    assert.deepEqual(slot.get(factsOf(t), at(3, 0), found), found(at(3, 0)));
    calls = 0;
    assert.deepEqual(slot.get(factsOf(t), at(3, 0), found), found(at(3, 0)));
    // moved down and right: the ranges follow, nothing is scanned
    assert.deepEqual(slot.get(factsOf(t), at(7, 4), found), found(at(7, 4)));
    assert.equal(calls, 2, 'only the two reference calls above');
    // another column mapping (text removed before a column): scanned again
    calls = 0;
    slot.get(factsOf(t), at(7, 4, [1, 3]), found);
    assert.equal(calls, 1);
    // nothing found holds wherever the text stands
    const u = text('none');
    let noneCalls = 0;
    const nothing = () => (noneCalls++, none);
    slot.get(factsOf(u), { line: 1, column: 0, text: u, shifts: [] }, nothing);
    slot.get(factsOf(u), { line: 9, column: 4, text: u, shifts: [3, 1] }, nothing);
    assert.equal(noneCalls, 1);
  });

  it('moveRanges copies arrays and plain objects, moves every range and keeps other objects', () => {
    class Keep {
      range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    }
    const keep = new Keep();
    const v = { text: 'x', from: 2, items: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, meeting: null }], unit: keep };
    const moved = moveRanges(v, 10, 3);
    assert.deepEqual(moved.items[0].range, { start: { line: 11, character: 5 }, end: { line: 11, character: 7 } });
    assert.equal(moved.from, 2);
    assert.equal(moved.unit, keep);
    assert.deepEqual(v.items[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, 'the original is not changed');
  });

  it('moves citations and study group mentions field by field exactly as the generic moveRanges does', () => {
    const data = loadReferenceData();
    let citations = 0;
    let groups = 0;
    // every range a citation may hold, the item's own parenthesis included
    const held = new Set<string>();
    const items = 'a)\tthat Resolutions 17 (Rev. Geneva, 2022) and 26 (Hammamet, 2016) of this assembly and Resolution No. ITU-R 56 apply;';
    for (const text of [...realTexts(), items]) {
      const a = new Analysis(parse(text));
      for (const c of a.citations) {
        for (const k of ['noRange', 'ituRRange', 'sectorRange', 'meeting', 'bodyPhrase'] as const) if (c[k]) held.add(k);
        if (c.bodyPhrase?.selfNounRange) held.add('selfNounRange');
        if (c.items.some((i) => i.meeting)) held.add('item meeting');
      }
      for (const [lines, columns] of [[0, 0], [7, 3], [-2, -1]]) {
        assert.deepEqual(moveCitations(a.citations, lines, columns), moveRanges(a.citations, lines, columns));
        const names = a.names(data);
        const found = { studyGroups: names.studyGroups, generic: names.generic };
        assert.deepEqual(moveGroups(found, lines, columns), moveRanges(found, lines, columns));
      }
      citations += a.citations.length;
      groups += a.names(data).studyGroups.length + a.names(data).generic.length;
    }
    // the texts hold enough of both for the comparison to mean something
    assert.ok(citations > 50 && groups > 20, `${citations} citations, ${groups} study group mentions`);
    assert.deepEqual([...held].sort(), ['bodyPhrase', 'item meeting', 'ituRRange', 'meeting', 'noRange', 'sectorRange', 'selfNounRange']);
  });

  it('finds the same citations and study groups in a line that moved as in a fresh scan', () => {
    const body = [
      'RESOLUTION 92 (Hammamet, 2016)',
      'Title',
      '(Hammamet, 2016)',
      'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
      'considering',
      'a)\tthat Resolution 2 (Rev. Dubai, 2012) and Recommendation ITU-T A.7 assign work to ITU-T Study Group 13 and SG 17;',
      'b)\tthat Resolutions 1 and 22 (Rev. Hammamet, 2016) of this assembly apply,',
    ];
    const data = loadReferenceData();
    // the same lines one line further down, clause a)'s text one column to the right: found through the records, moved
    const moved = [...body.slice(0, 5), '', ...body.slice(5)].join('\n').replace('a)\t', 'a)\t\t');
    lintText(body.join('\n'), { data });
    const viaRecords = lintText(moved, { data }).findings;
    // the same text with every record fresh (a text of its own)
    const fresh = lintText(moved.replace(/Title/, `Title ${Math.random()}`), { data }).findings.filter((f) => f.range.start.line !== 1);
    assert.deepEqual(viaRecords.filter((f) => f.range.start.line !== 1), fresh);
    assert.ok(viaRecords.some((f) => f.rule.startsWith('citation') || f.rule.startsWith('study-group')));
  });

  it('gives the same findings when a text is linted again from the records and with other data', () => {
    const doc = [
      'RESOLUTION 92 (Hammamet, 2016)',
      'Enhancing the standardization activities',
      '(Hammamet, 2016)',
      'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
      'considering',
      'a)\tthat the  Telecommunications Standardization Bureau (TSB) supports IMT;',
      'b)\tthat the TSB , as in Resolution 2 (Rev. Dubai, 2012), helps.',
      'resolves',
      'that SG13 continues this work.',
    ].join('\n');
    const data = loadReferenceData();
    const first = lintText(doc, { data }).findings;
    assert.ok(first.length >= 4);
    assert.deepEqual(lintText(doc, { data }).findings, first);
    // other reference data (an extension without entries): computed again, the same findings
    assert.deepEqual(lintText(doc, { data: data.extend({}) }).findings, first);
  });

  it('with sharing off (the benchmark\'s "nothing found again"), every memo and record is computed afresh', () => {
    const memo = new LineMemo<number>();
    const t = text('afresh');
    let calls = 0;
    const f = (s: string) => (calls++, s.length);
    memo.get(t, f);
    memo.get(t, f);
    assert.equal(calls, 1);
    shareFacts(false);
    try {
      memo.get(t, f);
      memo.get(t, f);
      assert.equal(calls, 3);
      assert.notEqual(factsOf(t), factsOf(t));
      // a memo that is not per line (folded lookup keys) keeps its values
      const keys = new BoundedMemo<number>();
      let folds = 0;
      keys.get('Dubai', (k) => (folds++, k.length));
      keys.get('Dubai', (k) => (folds++, k.length));
      assert.equal(folds, 1);
    } finally {
      shareFacts(true);
    }
    assert.equal(factsOf(t), factsOf(t));
  });

  it('gives the same findings on the real texts with the records shared as with every line scanned afresh', () => {
    const data = loadReferenceData();
    const text = Array(3).fill(realTexts().join('\n')).join('\n');
    const shared = lintText(text, { data }).findings;
    shareFacts(false);
    try {
      assert.deepEqual(lintText(text, { data }).findings, shared);
    } finally {
      shareFacts(true);
    }
  });
});
