import { strict as assert } from 'node:assert';
import { analyse, RES92, smallData, wtsa } from './helpers';
import { governedYear, resolutionContext } from '../../server/src/analyzer/names';
import { loadReferenceData } from '../../server/src/data/reference';

describe('names analysis: bodies', () => {
  it('finds the bodies of Res 92 (Hammamet, 2016), all in accepted forms', () => {
    const { names } = analyse(RES92);
    const inResolution = names.bodies.filter((m) => m.resolution === 0);
    assert.deepEqual(inResolution.filter((m) => m.role !== 'canonical' && m.role !== 'abbreviation' && m.role !== 'variant').map((m) => m.text), []);
    const ids = new Set(inResolution.map((m) => m.body?.id));
    for (const id of ['ITU-T', 'ITU-R', 'ITU-D', 'WTDC', 'TSAG', 'DIR-TSB', 'BR', 'BDT', 'DIR-ALL', 'MEMBER-STATES', 'SECTOR-MEMBERS', 'ASSOCIATES', 'ACADEMIA', 'FG IMT-2020', 'JCA IMT-2020', 'RA', 'WRC']) {
      assert.ok(ids.has(id), `${id} not found`);
    }
    // the longest name wins: the Director, not the bureau inside the title
    const dir = inResolution.find((m) => m.body?.id === 'DIR-TSB')!;
    assert.equal(dir.text, 'Director of the Telecommunication Standardization Bureau');
    assert.ok(!inResolution.some((m) => m.body?.id === 'TSB'));
  });

  it('classifies known wrong forms and offers the closest accepted name first', () => {
    const { names } = analyse(
      wtsa([
        'the International Telecommunication Standardization Sector and the Telecommunications Standardization Sector work on it',
        'the Telecommunications Standardization Bureau helps',
      ]),
    );
    const wrong = names.bodies.filter((m) => m.role === 'wrong');
    assert.deepEqual(
      wrong.map((m) => [m.text, m.suggestions[0]]),
      [
        ['International Telecommunication Standardization Sector', 'ITU Telecommunication Standardization Sector'],
        ['Telecommunications Standardization Sector', 'Telecommunication Standardization Sector'],
        ['Telecommunications Standardization Bureau', 'Telecommunication Standardization Bureau'],
      ],
    );
    // a variant written as the fix still names the canonical form second
    assert.equal(wrong[1].suggestions[1], 'ITU Telecommunication Standardization Sector');
  });

  it('leaves names that legitimately say "Telecommunications" alone (ATU, CEPT, ETSI)', () => {
    const { names } = analyse(
      wtsa([
        'the African Telecommunications Union, the European Conference of Postal and Telecommunications Administrations and the European Telecommunications Standards Institute take part',
      ]),
    );
    assert.deepEqual(
      names.bodies.map((m) => [m.body?.id, m.role]),
      [
        ['WTSA', 'canonical'],
        ['ATU', 'canonical'],
        ['CEPT', 'canonical'],
        ['ETSI', 'canonical'],
      ],
    );
  });

  it('reports near misses by edit distance, with one suggestion when unambiguous', () => {
    const { names } = analyse(wtsa(['the Telecomunication Standardization Bureau and the Radiocomunication Bureau help']));
    const near = names.bodies.filter((m) => m.role === 'near');
    assert.deepEqual(
      near.map((m) => [m.text, m.suggestions, m.unambiguous]),
      [
        ['Telecomunication Standardization Bureau', ['Telecommunication Standardization Bureau'], true],
        ['Radiocomunication Bureau', ['Radiocommunication Bureau'], true],
      ],
    );
  });

  it('reports a name with one word another ending of the right one, after closer slips', () => {
    const { names } = analyse(wtsa(['the International Electrotechnical Committee helps', 'the Telecommunication Standards Bureau helps']));
    assert.deepEqual(
      names.bodies.filter((m) => m.role === 'near').map((m) => [m.text, m.suggestions, m.unambiguous]),
      [
        ['International Electrotechnical Committee', ['International Electrotechnical Commission'], true],
        ['Telecommunication Standards Bureau', ['Telecommunication Standardization Bureau'], true],
      ],
    );
    // a word of another stem is no near miss: `Telecommunication Development Sector` is a name of its own
    const other = analyse(wtsa(['the Council Working Party and the Telecommunication Development Sector help']));
    assert.deepEqual(other.names.bodies.filter((m) => m.role === 'near').map((m) => m.text), []);
  });

  it('gives every close name when two are equally close (no single fix)', () => {
    const data = smallData(['DIR-BR', 'DIR-BDT', 'DIR-TSB', 'WTSA']);
    const { names } = analyse(wtsa(['the Director of BT reports']), data);
    const near = names.bodies.filter((m) => m.role === 'near');
    assert.equal(near.length, 1);
    assert.deepEqual(near[0].suggestions.sort(), ['Director of BDT', 'Director of BR']);
    assert.equal(near[0].unambiguous, false);
  });

  it('does not take plurals, singulars or ordinary capitalised phrases for near misses', () => {
    const { names } = analyse(
      wtsa([
        'each Member State and the Directors of the Radiocommunication Bureau and of the Telecommunication Development Bureau agree',
        'previous World Telecommunication Standardization Assemblies and the United Nations Sustainable Development Goals matter',
        "the ITU Telecommunication Standardization Sector's work and the Member States' views count",
        'ITU-T Sector Members and ITU-D Sector Members take part',
      ]),
    );
    assert.deepEqual(names.bodies.filter((m) => m.role === 'near').map((m) => m.text), []);
  });

  it('reports other capitals on a multi-word name, but not a heading in capitals or a sentence start', () => {
    const { names } = analyse(wtsa(['member states and the telecommunication development bureau agree', 'Academia and MEMBER STATES agree']));
    assert.deepEqual(
      names.bodies.filter((m) => m.role === 'case').map((m) => [m.text, m.suggestions[0]]),
      [
        ['member states', 'Member States'],
        ['telecommunication development bureau', 'Telecommunication Development Bureau'],
      ],
    );
    assert.ok(names.bodies.some((m) => m.text === 'Academia' && m.role === 'canonical'));
  });

  it('matches abbreviations with their exact case only', () => {
    const { names } = analyse(wtsa(['the TSB and the Tsb and the ra meet, and the RA meets']));
    assert.deepEqual(names.bodies.filter((m) => m.role === 'abbreviation').map((m) => m.text), ['TSB', 'RA']);
  });
});

describe('names analysis: study groups', () => {
  it('reads the study groups of Res 92 with their sectors', () => {
    const { names } = analyse(RES92);
    assert.deepEqual(
      names.studyGroups.map((m) => `${m.sector} ${m.number}${m.explicitSector ? '' : '*'}`),
      ['ITU-R 5', 'ITU-D 1', 'ITU-T 13', 'ITU-R 5', 'ITU-T 13', 'ITU-T 13*', 'ITU-T 11*', 'ITU-T 12', 'ITU-T 13*', 'ITU-T 15*', 'ITU-T 17*'],
    );
    assert.deepEqual(names.generic, []);
  });

  it('reads the short, lower-case and plural forms', () => {
    const { names } = analyse(wtsa(['SG13, SG 11, ITU-T SG12, study group 9, Study group 3 and Study Groups 2, 5 and 15 work', 'the Study Groups and the Study Group meet']));
    assert.deepEqual(
      names.studyGroups.map((m) => [m.number, m.form, m.plural, m.prefix]),
      [
        [13, 'short', false, null],
        [11, 'short', false, null],
        [12, 'short', false, 'ITU-T'],
        [9, 'lower', false, null],
        [3, 'lower', false, null],
        [2, 'full', true, null],
        [5, 'full', true, null],
        [15, 'full', true, null],
      ],
    );
    const sg12 = names.studyGroups[2];
    assert.equal(sg12.unit.content.text.slice(sg12.formFrom, sg12.formTo), 'SG12');
    assert.deepEqual(names.generic.map((g) => [g.text, g.plural]), [
      ['Study Groups', true],
      ['Study Group', false],
    ]);
  });

  it("infers the sector from the document's assembly: WTDC → ITU-D", () => {
    const text = [
      'RESOLUTION 37 (Rev. Kigali, 2022)',
      'Bridging the digital divide',
      '(Istanbul, 2002; Kigali, 2022)',
      'The World Telecommunication Development Conference (Kigali, 2022),',
      'resolves',
      'that Study Group 1 and ITU-T Study Group 3 continue that work.',
    ].join('\n');
    const { names, doc } = analyse(text);
    assert.deepEqual(names.studyGroups.map((m) => m.sector), ['ITU-D', 'ITU-T']);
    assert.deepEqual({ ...resolutionContext(doc.resolutions[0]) }, { sector: 'ITU-D', year: 2022, body: 'WTDC' });
  });

  it('judges the own sector in the study period that follows the meeting', () => {
    const data = loadReferenceData();
    assert.equal(governedYear(data, { sector: 'ITU-T', year: 2016, body: 'WTSA' }, 'ITU-T'), 2017);
    assert.equal(governedYear(data, { sector: 'ITU-T', year: 2024, body: 'WTSA' }, 'ITU-T'), 2025);
    assert.equal(governedYear(data, { sector: 'ITU-T', year: 2016, body: 'WTSA' }, 'ITU-R'), 2016);
    assert.equal(governedYear(data, { sector: null, year: null, body: 'unknown' }, 'ITU-T'), null);
  });
});
