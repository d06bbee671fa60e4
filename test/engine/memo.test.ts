import { strict as assert } from 'node:assert';
import { ContentSlot, factsOf, OwnedTextSlot, ownerId, TextSlot } from '../../server/src/util/memo';
import type { Content } from '../../server/src/model/types';
import { lintText } from '../../server/src/engine';
import { loadReferenceData } from '../../server/src/data/reference';

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

  it('keeps a result with positions only for a content at the same place; "nothing found" anywhere', () => {
    const none: number[] = [];
    const slot = new ContentSlot<number[]>(none);
    const t = text('content');
    const at = (line: number, column: number, shifts: number[] = []): Content => ({ line, column, text: t, shifts });
    let calls = 0;
    const found = (c: Content) => (calls++, [c.line, c.column]);
    assert.deepEqual(slot.get(factsOf(t), at(3, 0), found), [3, 0]);
    assert.deepEqual(slot.get(factsOf(t), at(3, 0), found), [3, 0]);
    assert.equal(calls, 1);
    // moved: computed again
    assert.deepEqual(slot.get(factsOf(t), at(4, 0), found), [4, 0]);
    assert.deepEqual(slot.get(factsOf(t), at(4, 2), found), [4, 2]);
    assert.deepEqual(slot.get(factsOf(t), at(4, 2, [1, 3]), found), [4, 2]);
    assert.equal(calls, 4);
    // nothing found holds wherever the text stands
    const u = text('none');
    let noneCalls = 0;
    const nothing = () => (noneCalls++, none);
    slot.get(factsOf(u), { line: 1, column: 0, text: u, shifts: [] }, nothing);
    slot.get(factsOf(u), { line: 9, column: 4, text: u, shifts: [] }, nothing);
    assert.equal(noneCalls, 1);
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
});
