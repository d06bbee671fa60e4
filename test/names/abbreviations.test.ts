import { strict as assert } from 'node:assert';
import { analyse, RES92, wtsa } from './helpers';
import { abbreviationKey, expansionStart, looksLikeAbbreviation } from '../../server/src/analyzer/abbreviations';
import { lintText } from '../../server/src/engine';
import { defaultConfig } from '../../server/src/engine/config';

function undefinedFindings(text: string, options?: Record<string, unknown>) {
  const config = defaultConfig();
  if (options) config.rules['abbreviation-undefined'] = { severity: 'warning', options };
  return lintText(text, { config })
    .findings.filter((f) => f.rule === 'abbreviation-undefined')
    .map((f) => f.message);
}

describe('abbreviations analysis', () => {
  it('finds where an expansion starts (letters in order, the first one starting a word)', () => {
    const cases: [string, string, string | null][] = [
      ['IMT', 'that International Mobile Telecommunications', 'International Mobile Telecommunications'],
      ['QoS', 'aspects of quality of service', 'quality of service'],
      ['SDO', 'with other standards development organizations', 'standards development organizations'],
      ['ICN', 'softwarization and information-centric networking', 'information-centric networking'],
      ['ICT', 'information and communication technologies', 'information and communication technologies'],
      ['QoS', 'quality of delivery', null],
      ['XYZ', 'a name with no such letters', null],
    ];
    for (const [short, long, expected] of cases) {
      const at = expansionStart(short, long);
      assert.equal(at < 0 ? null : long.slice(at), expected, `${short} in "${long}"`);
    }
  });

  it('tells abbreviations from other capitalised tokens', () => {
    for (const t of ['IMT', 'QoS', 'SDOs', 'ITU-T', 'IMT-2020', '3GPP', 'ICTs', 'IoT']) assert.ok(looksLikeAbbreviation(t), t);
    for (const t of ['II', 'XIV', 'NOTE', 'ANNEX', 'McDonald', 'YouTube', 'Wi-Fi', 'SG13', 'A']) assert.ok(!looksLikeAbbreviation(t), t);
    assert.equal(abbreviationKey('SDOs'), 'SDO');
    assert.equal(abbreviationKey("ITU-T's"), 'ITU-T');
    assert.equal(abbreviationKey('QoS'), 'QoS');
  });

  it('reads the definitions of Res 92 (Hammamet, 2016), each at its first use', () => {
    const { abbreviations } = analyse(RES92);
    assert.equal(abbreviations.length, 1);
    const defs = [...abbreviations[0].definitions.entries()].map(([k, l]) => [k, l.length, l[0].expansion]);
    assert.deepEqual(defs, [
      ['IMT', 1, 'International Mobile Telecommunications'],
      ['ITU-T', 1, 'ITU Telecommunication Standardization Sector'],
      ['ITU-R', 1, 'ITU Radiocommunication Sector'],
      ['WTDC', 1, 'World Telecommunication Development Conference'],
      ['ITU-D', 1, 'ITU Telecommunication Development Sector'],
      ['FG IMT-2020', 1, 'Focus Group on IMT-2020'],
      ['ICN', 1, 'information-centric networking'],
      ['QoS', 1, 'quality of service'],
      ['SDO', 1, 'standards development organizations'],
      ['QoE', 1, 'quality of experience'],
      ['JCA IMT-2020', 1, 'Joint Coordination Activity for IMT-2020'],
    ]);
    // no repeat: the handbook title and the addressee of a call do not count
    assert.deepEqual(abbreviations[0].repeats, []);
  });

  it('does not count citations, meeting forms, Roman numerals or the cover as uses', () => {
    const { abbreviations } = analyse(RES92);
    const uses = abbreviations[0].uses.map((u) => u.text);
    assert.ok(!uses.includes('WRC-15'), 'WRC-15 inside (Rev. WRC-15)');
    // `Resolution ITU-R 56` (considering a)) comes before ITU-R is spelled out in considering e)
    const itur = abbreviations[0].uses.filter((u) => u.keys[0] === 'ITU-R');
    assert.ok(itur.every((u) => u.range.start.line >= 15), 'no ITU-R use before considering e)');
    assert.ok(!uses.includes('I'), 'Appendix I');
    assert.ok(!uses.includes('ISO'), 'ISO is in the foreword only');
  });

  it('does not count the sector repeated in a list of Recommendations as a use (Res 1 (Rev. Hammamet, 2016), 6.2)', () => {
    assert.deepEqual(undefinedFindings(wtsa(['contributions follow Recommendations ITU-T A.1 and ITU-T A.2, respectively'])), []);
    assert.deepEqual(undefinedFindings(wtsa(['contributions follow Recommendation ITU-T A.1, and ITU-T A.2 as well'])), []);
    // the sector on its own is a use
    assert.equal(undefinedFindings(wtsa(['contributions follow Recommendation ITU-T A.1 and the practice of ITU-T'])).length, 1);
  });

  it('reads the comma form, the reverse form and a definition whose parenthesis is left open', () => {
    const { abbreviations } = analyse(
      wtsa([
        'the procedures for approval (traditional approval process, TAP) apply',
        'IMT (International Mobile Telecommunications) is the root name',
        'quality of service (QoS is a term used here',
      ]),
    );
    const d = abbreviations[0].definitions;
    assert.equal(d.get('TAP')?.[0].expansion, 'traditional approval process');
    assert.equal(d.get('IMT')?.[0].expansion, 'International Mobile Telecommunications');
    assert.equal(d.get('QoS')?.[0].expansion, 'quality of service');
  });

  it('reports Res 92 clean, ICT included (a default of noExpansion)', () => {
    assert.deepEqual(undefinedFindings(RES92), []);
  });

  it('reports an unknown abbreviation once, and known body abbreviations with their expansion', () => {
    const text = wtsa(['the MEC platforms and the TSB support IMT, and MEC platforms grow'], 'resolves\nthat the TSB supports that work.');
    assert.deepEqual(undefinedFindings(text), [
      '"MEC" is never spelled out in this resolution: write the full name followed by "(MEC)" at its first use.',
      '"TSB" is not spelled out in this resolution: write "Telecommunication Standardization Bureau (TSB)" at its first use.',
      '"IMT" is never spelled out in this resolution: write the full name followed by "(IMT)" at its first use.',
    ]);
  });

  it('takes noExpansion and knownAsDefined from the rule options', () => {
    const text = wtsa(['the MEC platforms and the TSB support IMT']);
    assert.deepEqual(undefinedFindings(text, { noExpansion: ['MEC', 'IMT'], knownAsDefined: true }), []);
    assert.deepEqual(undefinedFindings(text, { noExpansion: ['MEC', 'IMT'] }).length, 1);
    // a definition in the text still counts with knownAsDefined: a use before it is reported
    const before = wtsa(['the TSB helps', 'the Telecommunication Standardization Bureau (TSB) helps']);
    assert.equal(undefinedFindings(before, { knownAsDefined: true }).length, 1);
  });

  it('scopes definitions to each resolution', () => {
    const one = wtsa(['International Mobile Telecommunications (IMT) is the root name']);
    const two = wtsa(['IMT systems grow']).replace('RESOLUTION 92', 'RESOLUTION 93');
    assert.deepEqual(undefinedFindings(`${one}\n${two}`), ['"IMT" is never spelled out in this resolution: write the full name followed by "(IMT)" at its first use.']);
  });
});

describe('abbreviations analysis on Res 1 (Hammamet, 2016), imported from Word', () => {
  it('takes neither words in capitals nor a footnote of the history line for abbreviations', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'res1-hammamet-2016.imported.txt'), 'utf8');
    const found = undefinedFindings(text).map((m) => /^"([^"]+)"/.exec(m)![1]);
    for (const word of ['DETERMINATION', 'CHAIRMAN', 'REQUEST', 'DEADLINE', 'FOR', 'STUDY', 'MEMBER', 'STATES', 'TEXT']) assert.ok(!found.includes(word), word);
    // genuine: Res 1 writes `SG chairman` and a `TD` without spelling them out
    assert.ok(found.includes('SG') && found.includes('TD'), found.join(', '));
    // ITU-T is spelled out in considering a); the footnote on the history line before it does not count
    assert.ok(!found.includes('ITU-T'), found.join(', '));
  });
});
