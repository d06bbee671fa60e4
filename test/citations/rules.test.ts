import { strict as assert } from 'node:assert';
import { fixText, lintText } from '../../server/src/engine';
import { RULES_BY_ID } from '../../server/src/rules';
import type { Finding } from '../../server/src/rules/types';
import { loadReferenceData, ReferenceData } from '../../server/src/data/reference';
import { DATA, MEETINGS, WRC23, WTSA08, WTSA12, WTSA16, WTSA22 } from './testData';

const CITATION_RULES = [
  'citation-format',
  'citation-meeting',
  'citation-body',
  'citation-unknown-number',
  'citation-suppressed',
  'citation-revision',
  'citation-consistency',
  'recommendation-unknown',
];

function findings(text: string, data: ReferenceData = DATA, rules = CITATION_RULES): Finding[] {
  return lintText(text, { data, rules: rules.map((r) => RULES_BY_ID.get(r)!) }).findings;
}

function summary(text: string, data: ReferenceData = DATA): string[] {
  return findings(text, data).map((f) => `${f.rule}: ${f.message}`);
}

describe('citation rules are registered with docs-ready metadata', () => {
  for (const id of CITATION_RULES) {
    it(id, () => {
      const r = RULES_BY_ID.get(id);
      assert.ok(r, `${id} is registered`);
      assert.ok(r.description.length > 20);
      assert.ok(r.tags.includes('citations'));
    });
  }
});

describe('citation-revision (test data)', () => {
  it('reports a revision older than the latest one up to the document\'s meeting, with a fix', () => {
    const f = findings(WTSA16(['Resolution 901 (Rev. Dubai, 2012) of this assembly']));
    assert.deepEqual(f.map((x) => x.rule), ['citation-revision']);
    assert.match(f[0].message, /revised at Hammamet, 2016/);
    assert.equal(f[0].fixes?.[0].edits[0].newText, 'Rev. Hammamet, 2016');
  });

  it('judges as of the document\'s meeting, not today: a 2012 text citing the 2012 revision is right', () => {
    assert.deepEqual(summary(WTSA12(['Resolution 901 (Rev. Dubai, 2012) of this assembly'])), []);
    assert.deepEqual(summary(WTSA16(['Resolution 901 (Rev. Hammamet, 2016) of this assembly'])), []);
  });

  it('reports a revision the meeting did not make when the version list is complete', () => {
    const s = summary(WTSA16(['Resolution 902 (Rev. Dubai, 2012) of this assembly']));
    assert.deepEqual(s, ['citation-revision: Resolution 902 was not adopted or revised at Dubai, 2012 (its versions: Johannesburg, 2008; Hammamet, 2016).']);
  });

  it('does not say a meeting made no version when the list is not marked complete, even if it starts with the adoption', () => {
    const e = DATA.resolution('WTSA', 'Resolution', '902')!;
    const unmarked = DATA.extend({ resolutions: [{ ...e, completeTo: undefined }] });
    // the stale citation is still reported (Hammamet, 2016 is listed), not the missing version
    assert.deepEqual(summary(WTSA16(['Resolution 902 (Rev. Dubai, 2012) of this assembly']), unmarked), [
      'citation-revision: Resolution 902 was revised at Hammamet, 2016, this text\'s own meeting: cite "(Rev. Hammamet, 2016)".',
    ]);
    // a list complete only up to 2012 says nothing about 2016
    const early = DATA.extend({ resolutions: [{ ...e, versions: [e.versions[0]], completeTo: 'WTSA-2012' }] });
    assert.deepEqual(summary(WTSA16(['Resolution 902 (Rev. Hammamet, 2016) of this assembly']), early), []);
    assert.deepEqual(summary(WTSA16(['Resolution 902 (Rev. Dubai, 2012) of this assembly']), early), [
      'citation-revision: Resolution 902 was not adopted or revised at Dubai, 2012 (its versions: Johannesburg, 2008).',
    ]);
  });

  it('with an incomplete version list (not starting with the adoption), does not say the cited meeting made no version', () => {
    // the data lists no revision up to Johannesburg, 2008: nothing to say
    assert.deepEqual(summary(WTSA08(['Resolution 903 (Rev. Johannesburg, 2008) of this assembly'])), []);
  });

  it('with an incomplete version list, still reports a citation older than a revision it lists', () => {
    const f = findings(WTSA16(['Resolution 903 (Rev. Johannesburg, 2008) of this assembly']));
    assert.deepEqual(
      f.map((x) => `${x.rule}: ${x.message}`),
      ['citation-revision: Resolution 903 was revised at Hammamet, 2016, this text\'s own meeting: cite "(Rev. Hammamet, 2016)".'],
    );
    assert.equal(f[0].fixes?.[0].edits[0].newText, 'Rev. Hammamet, 2016');
  });

  it('says nothing for a meeting after the last version listed: the data may lag', () => {
    assert.deepEqual(summary(WTSA22(['Resolution 902 (Rev. Geneva, 2022) of this assembly'])), []);
  });

  it('reports a revision newer than the document\'s own meeting', () => {
    const s = summary(WTSA16(['Resolution 901 (Rev. Geneva, 2022) of this assembly']));
    assert.deepEqual(s, ["citation-revision: Geneva, 2022 is later than this text's own meeting (Hammamet, 2016): it cannot cite that revision."]);
  });

  it('orders meetings of the same year by their dates (WTSA in March 2022, PP in September 2022)', () => {
    assert.deepEqual(summary(WTSA22(['Resolution 901 (Rev. Dubai, 2018) of the Plenipotentiary Conference'])), []);
    const later = summary(WTSA22(['Resolution 901 (Rev. Bucharest, 2022) of the Plenipotentiary Conference']));
    assert.deepEqual(later, ["citation-revision: Bucharest, 2022 is later than this text's own meeting (Geneva, 2022): it cannot cite that revision."]);
  });

  it('says nothing when a later revision cannot be ordered against the document (same year, no dates)', () => {
    assert.deepEqual(summary(WRC23(['Resolution ITU-R 901 (Geneva, 2015) of the Radiocommunication Assembly'])), []);
  });

  it('reports "Rev." on a first adoption and its absence on a revision', () => {
    assert.deepEqual(summary(WTSA08(['Resolution 901 (Rev. Johannesburg, 2008) of this assembly'])), [
      'citation-revision: Resolution 901 was first adopted at Johannesburg, 2008, not revised: write "(Johannesburg, 2008)".',
    ]);
    assert.deepEqual(summary(WTSA16(['Resolution 901 (Hammamet, 2016) of this assembly'])), [
      'citation-revision: Hammamet, 2016 revised Resolution 901: write "(Rev. Hammamet, 2016)".',
    ]);
  });

  it('gives no fix for a parenthesis shared by several numbers', () => {
    const f = findings(WTSA16(['Resolutions 901 and 902 (Rev. Dubai, 2012) of this assembly']));
    assert.deepEqual(f.map((x) => [x.rule, x.fixes?.length ?? 0]), [
      ['citation-revision', 0],
      ['citation-revision', 0],
    ]);
  });
});

describe('citation-revision (the built-in data)', () => {
  const BUILT_IN = loadReferenceData();
  const RA19 = (clauses: string[]) =>
    ['RESOLUTION ITU-R 99 (Sharm el-Sheikh, 2019)', 'Example', '(Sharm el-Sheikh, 2019)', 'The ITU Radiocommunication Assembly,', 'considering', ...clauses.map((c, i) => `${'ab'[i]})\tthat ${c} applies${i === clauses.length - 1 ? ',' : ';'}`), 'resolves', 'that this text applies.'].join('\n');

  it('marks version lists complete where a printed history line lists every version, with the page', () => {
    const e = BUILT_IN.resolution('RA', 'Resolution', '7')!;
    assert.deepEqual([e.versions.map((v) => v.meeting), e.completeTo], [['RA-1993', 'RA-2000', 'RA-2012', 'RA-2015'], 'RA-2015']);
    assert.match(e.completeToSource ?? '', /^https:\/\//);
  });

  it('so a revision the cited assembly did not make is reported, and one it made is not', () => {
    // the history line of Resolution ITU-R 7 reads (1993-2000-2012-2015): no version in 2007
    assert.deepEqual(summary(RA19(['Resolution ITU-R 7 (Rev. Geneva, 2007)', 'Resolution ITU-R 9 (Rev. Geneva, 2007)']), BUILT_IN), [
      'citation-revision: Resolution ITU-R 7 was not adopted or revised at Geneva, 2007 (its versions: Geneva, 1993; Istanbul, 2000; Geneva, 2012; Geneva, 2015).',
      'citation-revision: Resolution ITU-R 9 was revised at Geneva, 2015, before this text\'s meeting (Sharm el-Sheikh, 2019): cite "(Rev. Geneva, 2015)".',
    ]);
    assert.deepEqual(summary(RA19(['Resolution ITU-R 7 (Rev. Geneva, 2015)']), BUILT_IN), []);
  });
});

describe('citation-suppressed (test data)', () => {
  const cite = ['Resolution 904 (Johannesburg, 2008) of this assembly'];
  it('reports a resolution suppressed before the document\'s meeting', () => {
    assert.deepEqual(summary(WTSA16(cite)), [
      'citation-suppressed: Resolution 904 (Test text suppressed in 2012) was suppressed by the WTSA (Dubai, 2012), before this text\'s meeting (Hammamet, 2016).',
    ]);
  });
  it('reports it at the meeting that suppressed it', () => {
    assert.match(summary(WTSA12(cite))[0], /suppressed by the WTSA \(Dubai, 2012\), the meeting of this text/);
  });
  it('says nothing for a text adopted before the suppression', () => {
    assert.deepEqual(summary(WTSA08(cite)), []);
  });
});

describe('citation-unknown-number', () => {
  it('reports a WTSA number absent from the (complete) WTSA data', () => {
    assert.deepEqual(summary(WTSA16(['Resolution 400 (Hammamet, 2016) of this assembly'])), [
      'citation-unknown-number: The World Telecommunication Standardization Assembly has no Resolution 400 in the reference data (4 of its resolutions are listed): check the number, or add the assembly\'s texts as reference documents.',
    ]);
  });
  it('says nothing for bodies whose data is partial', () => {
    assert.deepEqual(summary(WTSA16(['Resolution 400 (Busan, 2014) of the Plenipotentiary Conference', 'Resolution ITU-R 400 (Geneva, 2015) of the Radiocommunication Assembly'])), []);
  });
  it('says nothing when the data has no WTSA resolutions at all', () => {
    const empty = new ReferenceData({ meetings: { meetings: MEETINGS } });
    assert.deepEqual(summary(WTSA16(['Resolution 400 (Hammamet, 2016) of this assembly']), empty), []);
  });
});

describe('citation-meeting and citation-body (test data)', () => {
  it('reports a meeting that did not take place, and one of another body', () => {
    assert.deepEqual(summary(WTSA16(['Resolution 901 (Rev. Hammamet, 2015) of this assembly', 'Resolution 901 (Rev. Busan, 2014) of this assembly'])), [
      'citation-meeting: The World Telecommunication Standardization Assembly did not meet at Hammamet in 2015 (WTSA met at Hammamet in 2016).',
      'citation-body: Busan, 2014 was a meeting of the Plenipotentiary Conference, not of this World Telecommunication Standardization Assembly: write "of the Plenipotentiary Conference".',
    ]);
  });
  it('reports a WRC text attributed to the Radiocommunication Assembly', () => {
    const f = findings(WTSA16(['Resolution 901 (WRC-15) of the Radiocommunication Assembly']));
    assert.deepEqual(f.map((x) => x.rule), ['citation-body']);
    assert.equal(f[0].fixes?.[0].edits[0].newText, 'of the World Radiocommunication Conference');
  });
});

describe('recommendation-unknown (test data)', () => {
  it('reports an unknown number in the ITU-T A series only', () => {
    assert.deepEqual(summary(WTSA16(['Recommendation ITU-T A.3', 'Recommendation ITU-T Y.9999', 'Recommendation ITU-R M.9999', 'Recommendation ITU-T A.7'])), [
      'recommendation-unknown: ITU-T has no Recommendation A.3 (the A series: A.1, A.7).',
    ]);
  });
});

describe('citation fixes (input → output)', () => {
  const cases: [string, string, string][] = [
    ['citation-format', 'Resolution 901 (Rev.Hammamet 2016) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolution 901 (Rev Hammamet, 2016) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolution 901 (rev. Hammamet, 2016) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolution 901 (Rev. Hammamet) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolution No. 901 (Rev. Hammamet, 2016) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolution 901 and 902 (Rev. Hammamet, 2016) of this assembly', 'Resolutions 901 and 902 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolutions 901 (Rev. Hammamet, 2016) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-format', 'Resolution ITU-R 901 (WRC-15)', 'Resolution 901 (WRC-15)'],
    ['citation-format', 'Resolution 901 (WRC 15)', 'Resolution 901 (WRC-15)'],
    ['citation-format', 'Resolution 901 (Geneva, 2015) of the Radiocommunication Assembly', 'Resolution ITU-R 901 (Geneva, 2015) of the Radiocommunication Assembly'],
    ['citation-format', 'Recommendations ITU-T A.7', 'Recommendation ITU-T A.7'],
    ['citation-body', 'Resolution 901 (Rev. Busan, 2014) of this assembly', 'Resolution 901 (Rev. Busan, 2014) of the Plenipotentiary Conference'],
    ['citation-body', 'Resolution 901 (Rev. Hammamet, 2016) of this conference', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-revision', 'Resolution 901 (Rev. Dubai, 2012) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['citation-revision', 'Resolution 901 (Hammamet, 2016) of this assembly', 'Resolution 901 (Rev. Hammamet, 2016) of this assembly'],
    ['recommendation-unknown', 'Recommendation ITU-T A7', 'Recommendation ITU-T A.7'],
    ['recommendation-unknown', 'that ITU-T Rec. A.7 applies', 'that Recommendation ITU-T A.7 applies'],
    ['recommendation-unknown', 'that Rec. ITU-T A.7 applies', 'that Recommendation ITU-T A.7 applies'],
    ['recommendation-unknown', 'that ITU-T Recommendation Y.3001 applies', 'that Recommendation ITU-T Y.3001 applies'],
    ['recommendation-unknown', 'Recommendation A.7', 'Recommendation ITU-T A.7'],
  ];
  for (const [rule, input, output] of cases) {
    it(`${rule}: ${input}`, () => {
      const r = fixText(WTSA16([input]), { data: DATA, rules: [RULES_BY_ID.get(rule)!] });
      assert.equal(r.text, WTSA16([output]));
    });
  }

  it('offers no fix where the right form is ambiguous', () => {
    // Geneva had assemblies and conferences of several bodies in several years
    const f = findings(WTSA16(['Resolution 901 (Geneva) of this assembly', 'Recommendation Q.1']));
    assert.ok(f.length >= 2);
    for (const x of f.filter((y) => y.rule !== 'citation-unknown-number')) assert.equal(x.fixes, undefined, x.message);
  });

  it('all rules stay quiet on well-formed citations (test data)', () => {
    const text = WTSA16([
      'Resolution 901 (Rev. Hammamet, 2016) of this assembly',
      'Resolutions 902 and 903 (Rev. Hammamet, 2016) of this assembly',
      'Resolution 901 (Busan, 2014) of the Plenipotentiary Conference',
      'Resolution ITU-R 901 (Geneva, 2015) of the Radiocommunication Assembly',
      'Resolution 901 (WRC-15) of the World Radiocommunication Conference',
      'Recommendation ITU-T A.7 and Recommendations ITU-T A.1 and Y.3001',
    ]);
    assert.deepEqual(summary(text), []);
  });
});
