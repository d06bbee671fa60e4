import { strict as assert } from 'node:assert';
import { fixText, lintText } from '../../server/src/engine';
import { RULES_BY_ID } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import { defaultConfig } from '../../server/src/engine/config';
import { MY_RULES, RES92, wtsa } from './helpers';

function only(id: string): Rule[] {
  return [RULES_BY_ID.get(id)!];
}

/** Fix tables: the line after the fix, per rule. */
const FIXES: [string, string, string][] = [
  ['body-name', 'the Telecommunications Standardization Bureau helps', 'the Telecommunication Standardization Bureau helps'],
  ['body-name', 'the International Telecommunication Standardization Sector helps', 'the ITU Telecommunication Standardization Sector helps'],
  ['body-name', 'the Telecommunications Standardization Sector of ITU helps', 'the Telecommunication Standardization Sector of ITU helps'],
  ['body-name', 'the Telecomunication Development Bureau helps', 'the Telecommunication Development Bureau helps'],
  ['body-name', 'member states help', 'Member States help'],
  ['body-name', 'the Secretary General helps', 'the Secretary-General helps'],
  ['study-group-form', 'SG13 leads', 'Study Group 13 leads'],
  ['study-group-form', 'ITU-T SG 12 leads', 'ITU-T Study Group 12 leads'],
  ['study-group-form', 'study group 17 leads', 'Study Group 17 leads'],
  ['study-group-form', 'study groups 2 and 3 lead', 'Study Groups 2 and 3 lead'],
  ['study-group-generic-case', 'the ITU-T Study Groups lead', 'the ITU-T study groups lead'],
  ['study-group-generic-case', 'each Study Group leads', 'each study group leads'],
  ['abbreviation-expanded-again', 'International Mobile Telecommunications (IMT) and International Mobile Telecommunications systems grow', 'International Mobile Telecommunications (IMT) and IMT systems grow'],
  ['abbreviation-redefined', 'quality of service (QoS) and quality of service (QoS) matter', 'quality of service (QoS) and QoS matter'],
  ['abbreviation-undefined', 'IMT systems and International Mobile Telecommunications (IMT) grow', 'International Mobile Telecommunications (IMT) systems and IMT grow'],
  ['abbreviation-undefined', 'the TSB helps', 'the Telecommunication Standardization Bureau (TSB) helps'],
];

describe('names and abbreviations rules: fixes', () => {
  for (const [id, from, to] of FIXES) {
    it(`${id}: "${from}" → "${to}"`, () => {
      const text = wtsa([from]);
      const fixed = fixText(text, { rules: only(id) }).text;
      assert.equal(fixed, wtsa([to]));
    });
  }

  it('body-name offers no fix for an ambiguous near miss', () => {
    const { findings } = lintText(wtsa(['the Director of BT reports']), { rules: only('body-name') });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /did you mean "Director of B(R|DT)" or "Director of B(R|DT)"/);
    assert.equal(findings[0].fixes, undefined);
  });

  it('body-name reports accepted variants only with the variants option', () => {
    const text = wtsa(['the Telecommunication Standardization Sector leads']);
    assert.equal(lintText(text, { rules: only('body-name') }).findings.length, 0);
    const config = defaultConfig();
    config.rules['body-name'] = { severity: 'warning', options: { variants: true } };
    const f = lintText(text, { rules: only('body-name'), config }).findings;
    assert.equal(f.length, 1);
    assert.match(f[0].message, /canonical name is "ITU Telecommunication Standardization Sector"/);
  });

  it('body-name ignores the cover text (a foreword is not resolution text)', () => {
    const text = `The Telecommunications Standardization Bureau publishes this text.\n${wtsa(['the study groups lead'])}`;
    assert.equal(lintText(text, { rules: only('body-name') }).findings.length, 0);
  });
});

describe('names and abbreviations rules: study periods and order', () => {
  it('study-group-period: a WTSA-16 text cannot instruct Study Group 21, a WTSA-24 text can', () => {
    const op = 'instructs Study Group 21\nto lead the multimedia studies.';
    const f16 = lintText(wtsa(['the study groups work'], op), { rules: only('study-group-period') }).findings;
    assert.equal(f16.length, 1);
    assert.match(f16[0].message, /ITU-T Study Group 21 does not exist in the 2017-2020 study period/);
    const f24 = lintText(wtsa(['the study groups work'], op, 'New Delhi, 2024'), { rules: only('study-group-period') }).findings;
    assert.equal(f24.length, 0);
  });

  it('study-group-period: Study Group 9 in a WTSA-24 text is history in the preamble, a defect in the operative part', () => {
    const text = wtsa(['Study Group 9 studied cable networks until this assembly'], 'instructs Study Group 9\nto report on cable networks.', 'New Delhi, 2024');
    const f = lintText(text, { rules: only('study-group-period') }).findings;
    assert.deepEqual(f.map((x) => x.range.start.line), [6]);
  });

  it('study-group-period: a PP text names no sector of its own, so a bare Study Group 21 is not judged', () => {
    const text = [
      'RESOLUTION 139 (Rev. Dubai, 2018)',
      'Use of telecommunications',
      '(Antalya, 2006; Dubai, 2018)',
      'The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),',
      'resolves',
      'that Study Group 21 and ITU-R Study Group 9 report.',
    ].join('\n');
    const f = lintText(text, { rules: only('study-group-period') }).findings;
    assert.deepEqual(f.map((x) => x.message.slice(0, 24)), ['ITU-R Study Group 9 does']);
  });

  it('instructs-order: the numerical order of Res 92 passes; each section out of order is reported', () => {
    assert.equal(lintText(RES92, { rules: only('instructs-order') }).findings.length, 0);
    // Res 92 writes a non-breaking space in `Study Group 11`
    const renumbered = RES92.replace(/instructs Study Group.11/, 'instructs Study Group 14');
    assert.notEqual(renumbered, RES92);
    const f = lintText(renumbered, { rules: only('instructs-order') }).findings;
    assert.deepEqual(
      f.map((x) => x.message.replace(/:.*/, '')),
      ['"instructs ITU-T Study Group 12" comes after "instructs Study Group 14"', '"instructs Study Group 13" comes after "instructs Study Group 14"'],
    );
  });
});

describe('names and abbreviations rules on the shared corpus', () => {
  it('report nothing at all (any severity) on Res 92 (Hammamet, 2016)', () => {
    const f = lintText(RES92).findings.filter((x) => MY_RULES.includes(x.rule));
    assert.deepEqual(f.map((x) => `${x.range.start.line + 1} ${x.rule}: ${x.message}`), []);
  });

  it('cost no more than linear: a 90-page text (Res 92 repeated 31 times) against a 6-copy one', async () => {
    const { parse } = await import('../../server/src/parser/parse');
    const { Analysis } = await import('../../server/src/analyzer/analysis');
    const { loadReferenceData } = await import('../../server/src/data/reference');
    const body = RES92.split('\n').slice(6).join('\n');
    const data = loadReferenceData();
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const measure = (copies: number) => {
      const doc = parse(RES92 + ('\n' + body).repeat(copies));
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const a = new Analysis(doc);
        void a.texts;
        const t0 = cpu();
        a.names(data);
        a.abbreviations(data);
        runs.push(cpu() - t0);
      }
      return runs.sort((x, y) => x - y)[3];
    };
    measure(2); // warm up: the matcher is built once per data, line texts are cached
    const small = measure(5);
    const big = measure(30);
    // only the growth is checked, with room for a shared machine (npm run bench measures the speed):
    // quadratic work would cost 25 times more at 31 copies than at 6, linear about 5 times
    assert.ok(big < small * 6 * 3 + 20, `linear: ${small.toFixed(2)} ms for 6 copies, ${big.toFixed(2)} ms for 31`);
  });
});
