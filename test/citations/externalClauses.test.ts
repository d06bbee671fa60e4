/**
 * References to a clause of a cited text (analyzer/clauseRefs.ts ExternalClauseRef): which
 * forms are taken for one, tied to which citation, and which stay references to the same
 * resolution's clauses. A table of cases, each a clause of a Hammamet 2016 resolution.
 */
import { strict as assert } from 'node:assert';
import { Analysis } from '../../server/src/analyzer/analysis';
import { parse } from '../../server/src/parser/parse';

const HEAD = `RESOLUTION 999 (Hammamet, 2016)
Testing references to clauses
(Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
considering
a)\tthat the assembly keeps its texts;
b)\tthat the texts are cited,
instructs the Director of the Telecommunication Standardization Bureau
1\tto keep the texts;
2\tto publish them,
recognizing
`;

/** What one line gives: the external references as `clause part → cited number`, and the internal ones. */
function refsOf(line: string): { external: string[]; internal: string[] } {
  const text = HEAD + line + '\n';
  const a = new Analysis(parse(text));
  const lines = text.split('\n');
  const at = (r: { start: { line: number; character: number }; end: { character: number } }) => lines[r.start.line].slice(r.start.character, r.end.character);
  return {
    external: a.externalClauseRefs.map((r) => `${at(r.range)} [${r.label}] → ${r.citation.items[0].text}${r.call ? ` (${r.call})` : ''}`),
    internal: a.clauseRefs.filter((r) => r.range.start.line === lines.length - 2).map((r) => at(r.range)),
  };
}

describe('references to a clause of a cited text', () => {
  const cases: { line: string; external: string[]; internal?: string[] }[] = [
    { line: 'that resolves 3 of Resolution 18 (Rev. Hammamet, 2016) of this assembly applies,', external: ['resolves 3 [3] → 18'] },
    { line: 'that resolves 3, of Resolution 18 (Rev. Hammamet, 2016), applies,', external: ['resolves 3 [3] → 18'] },
    { line: 'that Resolution 18 (Rev. Hammamet, 2016) of this assembly, resolves 3, applies,', external: ['resolves 3 [3] → 18'] },
    { line: 'that resolves 1 and 3 of Resolution 18 (Rev. Hammamet, 2016) apply,', external: ['resolves 1 [1] → 18', 'resolves 1 and 3 [3] → 18'] },
    { line: 'that considering further a bis) of Resolution 2 (Rev. Hammamet, 2016) applies,', external: ['considering further a bis) [abis)] → 2'] },
    { line: 'that Decision 5 (Rev. Busan, 2014), resolves 2, applies,', external: ['resolves 2 [2] → 5'] },
    {
      line: 'that instructs the Director of the Telecommunication Standardization Bureau 3 of Resolution 2 (Rev. Hammamet, 2016) applies,',
      external: ['instructs the Director of the Telecommunication Standardization Bureau 3 [3] → 2 (instructs the Director of the Telecommunication Standardization Bureau)'],
    },
    // with an addressee this text has no call for
    { line: 'that instructs the Secretary-General 2 of Resolution 25 (Rev. Busan, 2014) applies,', external: ['instructs the Secretary-General 2 [2] → 25 (instructs the Secretary-General)'] },
    { line: 'that invites further Member States 1, of Decision 5 (Rev. Busan, 2014), applies,', external: ['invites further Member States 1 [1] → 5 (invites further Member States)'] },
    { line: 'that instructs the Director to hold 2 of Resolution 25 (Rev. Busan, 2014) meetings,', external: [] },
    { line: 'that instructs the Secretary-General 2 of the report applies,', external: [] },
    { line: 'that instructs the Director and resolves 2 of Resolution 25 (Rev. Busan, 2014) apply,', external: ['resolves 2 [2] → 25'] },
    // the same resolution's clauses stay internal, next to an external one
    { line: 'that considering a) above and resolves 3 of Resolution 18 (Rev. Hammamet, 2016) agree,', external: ['resolves 3 [3] → 18'], internal: ['considering a)'] },
    { line: 'that considering b) of this resolution is recalled,', external: [], internal: ['considering b)'] },
    { line: 'that instructs the Director of the Telecommunication Standardization Bureau 2 is recalled,', external: [], internal: ['instructs the Director of the Telecommunication Standardization Bureau 2'] },
    // numbered paragraphs of a cited text, as Resolution 1 numbers them
    { line: 'that clause 9.5.2 of Resolution 1 (Rev. Hammamet, 2016) applies,', external: ['9.5.2 [9.5.2] → 1'] },
    { line: 'that the procedure in 9.3.1 and 9.3.3 of Resolution 1 (Rev. Hammamet, 2016) applies,', external: ['9.3.1 [9.3.1] → 1', '9.3.3 [9.3.3] → 1'] },
    { line: 'that clause 1.8.2.8 of Recommendation ITU-T A.1 is not a resolution,', external: [] },
    // no single cited text: neither kind
    { line: 'that resolves 2 of the Constitution applies,', external: [] },
    { line: 'that resolves 2 of Resolutions 18 and 20 (Rev. Hammamet, 2016) applies,', external: [] },
  ];
  for (const c of cases) {
    it(c.line, () => {
      const got = refsOf(c.line);
      assert.deepEqual(got.external, c.external);
      assert.deepEqual(got.internal, c.internal ?? []);
    });
  }
});
