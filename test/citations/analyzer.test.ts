import { strict as assert } from 'node:assert';
import { parse } from '../../server/src/parser/parse';
import { Analysis } from '../../server/src/analyzer/analysis';
import { parseCitedMeeting, resolveCitations, type Citation } from '../../server/src/analyzer/citations';
import { loadReferenceData } from '../../server/src/data/reference';
import { WTSA16 } from './testData';

function citations(cites: string[]): { analysis: Analysis; list: Citation[]; text: string } {
  const text = WTSA16(cites);
  const analysis = new Analysis(parse(text));
  return { analysis, list: analysis.citations, text };
}

function written(text: string, c: { range: { start: { line: number; character: number }; end: { character: number } } }): string {
  return text.split('\n')[c.range.start.line].slice(c.range.start.character, c.range.end.character);
}

describe('citations: finding them in the text', () => {
  it('finds the forms of SPEC §3 with their numbers, meetings and body phrases', () => {
    const { list, text } = citations([
      'Resolution 43 (Rev. Dubai, 2014) of the World Telecommunication Development Conference',
      'Resolution 18 (Rev. Hammamet, 2016) of this assembly',
      'Resolution 59 (Rev. Dubai, 2014) of WTDC',
      'Resolutions 17 and 26 (Rev. Johannesburg, 2008)',
      'Resolution ITU-R 56 (Rev. Geneva, 2015) of the Radiocommunication Assembly',
      'Resolution 238 (WRC-15)',
      'Recommendation 207 (Rev. WRC-15)',
      'Decision 5 (Rev. Dubai, 2018) of the Plenipotentiary Conference',
      'Recommendation ITU-T A.7',
      'Recommendations ITU-T Y.3001 and Y.3011',
      'Recommendation ITU-R M.819',
    ]);
    assert.deepEqual(
      list.map((c) => written(text, c)),
      [
        'Resolution 43 (Rev. Dubai, 2014) of the World Telecommunication Development Conference',
        'Resolution 18 (Rev. Hammamet, 2016) of this assembly',
        'Resolution 59 (Rev. Dubai, 2014) of WTDC',
        'Resolutions 17 and 26 (Rev. Johannesburg, 2008)',
        'Resolution ITU-R 56 (Rev. Geneva, 2015) of the Radiocommunication Assembly',
        'Resolution 238 (WRC-15)',
        'Recommendation 207 (Rev. WRC-15)',
        'Decision 5 (Rev. Dubai, 2018) of the Plenipotentiary Conference',
        'Recommendation ITU-T A.7',
        'Recommendations ITU-T Y.3001 and Y.3011',
        'Recommendation ITU-R M.819',
      ],
    );
    assert.deepEqual(
      list.map((c) => [c.family, c.type, c.items.map((i) => i.number).join('+'), c.bodyPhrase?.body ?? null, c.sector]),
      [
        ['text', 'Resolution', '43', 'WTDC', null],
        ['text', 'Resolution', '18', 'self', null],
        ['text', 'Resolution', '59', 'WTDC', null],
        ['text', 'Resolution', '17+26', null, null],
        ['text', 'Resolution', '56', 'RA', null],
        ['text', 'Resolution', '238', null, null],
        ['text', 'Recommendation', '207', null, null],
        ['text', 'Decision', '5', 'PP', null],
        ['recommendation', 'Recommendation', 'A.7', null, 'ITU-T'],
        ['recommendation', 'Recommendation', 'Y.3001+Y.3011', null, 'ITU-T'],
        ['recommendation', 'Recommendation', 'M.819', null, 'ITU-R'],
      ],
    );
    // `Resolutions 17 and 26 (…)`: one parenthesis shared by both numbers
    const shared = list[3];
    assert.equal(shared.meeting?.canonical, 'Rev. Johannesburg, 2008');
    assert.ok(shared.items.every((i) => i.meeting === null));
    assert.equal(list[4].items[0].ituR, true);
    assert.equal(list[5].meeting?.wrcForm, true);
    assert.equal(list[5].meeting?.year, 2015);
  });

  it('reads a list of Recommendations that repeats the sector as one citation (Res 1 (Rev. Hammamet, 2016), 6.2)', () => {
    const { list, text } = citations(['Recommendations ITU-T A.1 and ITU-T A.2', 'Recommendations ITU-T A.1 and ITU-R M.819']);
    assert.deepEqual(
      list.map((c) => [written(text, c), c.items.map((i) => `${i.number} ${written(text, i)}`), c.sector]),
      [
        ['Recommendations ITU-T A.1 and ITU-T A.2', ['A.1 A.1', 'A.2 A.2'], 'ITU-T'],
        // another sector ends the list (one citation cannot carry two sectors)
        ['Recommendations ITU-T A.1', ['A.1 A.1'], 'ITU-T'],
      ],
    );
  });

  it('keeps a parenthesis per number when each has its own', () => {
    const { list } = citations(['Resolutions 17 (Rev. Johannesburg, 2008) and 26 (Rev. Dubai, 2012) of this assembly']);
    assert.equal(list.length, 1);
    assert.equal(list[0].meeting, null);
    assert.deepEqual(list[0].items.map((i) => i.meeting?.canonical), ['Rev. Johannesburg, 2008', 'Rev. Dubai, 2012']);
    assert.equal(list[0].bodyPhrase?.body, 'self');
  });

  it('records malformed forms as written', () => {
    const { list } = citations([
      'Resolution 18 (Rev.Hammamet 2016)',
      'Resolution 18 (Hammamet)',
      'Resolution 18',
      'Resolution No. 5 (Kyoto, 1994)',
      'Resolution ITU-R 238 (WRC-15)',
      'Recommendation ITU-T A7',
      'ITU-T Rec. A.7',
      'Recommendation A.7',
    ]);
    const [revNoSpace, noYear, bare, no, ituRWrc, noDot, abbreviated, noSector] = list;
    assert.deepEqual(
      [revNoSpace.meeting?.revText, revNoSpace.meeting?.revSpace, revNoSpace.meeting?.comma, revNoSpace.meeting?.canonical],
      ['Rev.', '', false, 'Rev. Hammamet, 2016'],
    );
    assert.deepEqual([noYear.meeting?.place, noYear.meeting?.year], ['Hammamet', null]);
    assert.equal(bare.meeting, null);
    assert.equal(bare.items[0].number, '18');
    assert.ok(no.noRange);
    assert.equal(no.items[0].number, '5');
    assert.ok(ituRWrc.ituRRange && ituRWrc.meeting?.wrcForm);
    assert.deepEqual([noDot.items[0].number, noDot.items[0].missingDot], ['A.7', true]);
    assert.deepEqual([abbreviated.recForm, abbreviated.sector], ['sector-first', 'ITU-T']);
    assert.deepEqual([noSector.recForm, noSector.sector], ['no-sector', null]);
  });

  it('does not take "this resolution" or numbers in passing for citations', () => {
    const { list } = citations([
      'that this resolution and the present resolution apply',
      'that the Recommendations on these topics are many',
      'that resolves 2 of this resolution applies',
    ]);
    assert.deepEqual(list, []);
  });

  it('does not take the number line or the history line for a citation', () => {
    const { list } = citations(['Resolution 18 (Rev. Hammamet, 2016) of this assembly']);
    assert.equal(list.length, 1);
    assert.equal(list[0].range.start.line, 5);
  });

  it('reads Word text: non-breaking spaces and hyphens', () => {
    const { list, analysis } = citations(['Resolution\u00a043 (Rev.\u00a0Dubai, 2014) of the World Telecommunication Development Conference', 'Recommendation ITU\u2011T A.7']);
    assert.equal(list.length, 2);
    assert.equal(list[0].items[0].number, '43');
    assert.equal(list[1].sector, 'ITU-T');
    const r = resolveCitations(analysis, loadReferenceData()).items;
    assert.equal(r[0].cited?.id, 'WTDC-2014');
  });

  it('parses the inside of a parenthesis as a meeting, or not', () => {
    assert.equal(parseCitedMeeting('Rev. WRC-15')?.canonical, 'Rev. WRC-15');
    assert.equal(parseCitedMeeting('WRC 15')?.wrcSeparator, ' ');
    assert.equal(parseCitedMeeting('Rev Hammamet, 2016')?.revText, 'Rev');
    assert.equal(parseCitedMeeting('Reykjavik, 2016')?.rev, false);
    assert.equal(parseCitedMeeting('Buenos Aires')?.year, null);
    assert.equal(parseCitedMeeting('see Annex 2'), null);
    assert.equal(parseCitedMeeting('IMT'), null);
  });
});

describe('citations: issuing body and meeting (built-in data)', () => {
  const data = loadReferenceData();
  const resolve = (cites: string[]) => {
    const text = WTSA16(cites);
    return resolveCitations(new Analysis(parse(text)), data).items;
  };

  it('takes the body from the phrase, "this assembly", ITU-R, the WRC form or the meeting', () => {
    const items = resolve([
      'Resolution 43 (Rev. Dubai, 2014) of the World Telecommunication Development Conference',
      'Resolution 18 (Rev. Hammamet, 2016) of this assembly',
      'Resolution ITU-R 56 (Rev. Geneva, 2015)',
      'Resolution 238 (WRC-15)',
      'Resolution 71 (Rev. Busan, 2014)',
      'Resolution 18',
    ]);
    assert.deepEqual(
      items.map((r) => [r.body, r.bodySource, r.cited?.id ?? null]),
      [
        ['WTDC', 'phrase', 'WTDC-2014'],
        ['WTSA', 'self', 'WTSA-2016'],
        ['RA', 'itu-r', 'RA-2015'],
        ['WRC', 'wrc-form', 'WRC-2015'],
        ['PP', 'meeting', 'PP-2014'],
        [null, 'none', null],
      ],
    );
    assert.deepEqual(
      [items[0].doc.body, items[0].doc.meeting?.id, items[0].doc.label],
      ['WTSA', 'WTSA-2016', 'Hammamet, 2016'],
    );
    assert.equal(items[0].entry?.number, '43');
    assert.equal(items[1].entry?.number, '18');
  });

  it('takes the Radiocommunication Assembly when a place and year name it and a WRC', () => {
    // Dubai 2023: the Radiocommunication Assembly and the WRC both met there; WRC texts use the WRC form
    const [r] = resolve(['Resolution 901 (Rev. Dubai, 2023)']);
    assert.deepEqual([r.body, r.bodySource], ['RA', 'meeting']);
  });
});
