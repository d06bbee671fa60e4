import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Body, Meeting, MeetingBody, NamedGroup, RecommendationEntry, ResolutionEntry, StudyPeriod } from '../../server/src/data/schema';
import { ReferenceData, builtInFiles, foldKey, loadReferenceData } from '../../server/src/data/reference';

const DATA = path.join(__dirname, '..', '..', 'server', 'data');
const schema = JSON.parse(fs.readFileSync(path.join(DATA, 'schema', 'reference.schema.json'), 'utf8'));

function readJson(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8'));
}
function readOptional(name: string): unknown {
  return fs.existsSync(path.join(DATA, name)) ? readJson(name) : undefined;
}

const meetings = (readJson('meetings.json') as { meetings: Meeting[] }).meetings;
const bodies = (readJson('bodies.json') as { bodies: Body[] }).bodies;
const sg = readJson('studygroups.json') as { periods: StudyPeriod[]; groups: NamedGroup[] };
const resolutionsFile = readOptional('resolutions.json') as { resolutions: ResolutionEntry[] } | undefined;
const recommendationsFile = readOptional('recommendations.json') as { recommendations: RecommendationEntry[] } | undefined;
const resolutions = resolutionsFile?.resolutions ?? [];
const recommendations = recommendationsFile?.recommendations ?? [];

const meetingById = new Map(meetings.map((m) => [m.id, m]));

function duplicates<T>(items: T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const i of items) (seen.has(i) ? dup : seen).add(i);
  return [...dup];
}

/** Every `source` string anywhere in a parsed file. */
function collectSources(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectSources(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source') out.push(String(v));
      else collectSources(v, out);
    }
  }
  return out;
}

describe('reference data: files', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(schema);
  const check = (def: string, data: unknown) => {
    const validate = ajv.getSchema(`${schema.$id}#/definitions/${def}`);
    assert.ok(validate, `schema definition ${def}`);
    const ok = validate(data);
    assert.ok(ok, `${def}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  };

  it('meetings.json matches the schema', () => check('meetingsFile', readJson('meetings.json')));
  it('bodies.json matches the schema', () => check('bodiesFile', readJson('bodies.json')));
  it('studygroups.json matches the schema', () => check('studyGroupsFile', readJson('studygroups.json')));
  it('resolutions.json matches the schema', () => {
    assert.ok(resolutionsFile, 'server/data/resolutions.json is missing');
    check('resolutionsFile', resolutionsFile);
  });
  it('recommendations.json matches the schema', () => {
    assert.ok(recommendationsFile, 'server/data/recommendations.json is missing');
    check('recommendationsFile', recommendationsFile);
  });

  it('the schema rejects wrong data', () => {
    const validate = ajv.getSchema(`${schema.$id}#/definitions/meeting`)!;
    const good: Meeting = { id: 'WTSA-2016', body: 'WTSA', place: 'Hammamet', year: 2016, source: 'https://example.org/' };
    assert.ok(validate(good));
    assert.ok(!validate({ ...good, source: 'example.org' }), 'source must be an http(s) URL');
    assert.ok(!validate({ ...good, body: 'ITU' }), 'unknown body');
    assert.ok(!validate({ ...good, start: '2016-13-01' }), 'bad date');
    assert.ok(!validate({ ...good, colour: 'red' }), 'unknown field');
  });

  it('every entry in every file has an http(s) source', () => {
    const files: Record<string, unknown> = {
      'meetings.json': { meetings },
      'bodies.json': { bodies },
      'studygroups.json': sg,
      'resolutions.json': resolutionsFile,
      'recommendations.json': recommendationsFile,
    };
    for (const [name, data] of Object.entries(files)) {
      for (const s of collectSources(data)) assert.match(s, /^https?:\/\/\S+$/, `${name}: ${s}`);
    }
    const entries = [...meetings, ...bodies, ...sg.periods, ...sg.groups, ...resolutions, ...recommendations];
    for (const e of entries) assert.ok(typeof e.source === 'string' && e.source.length > 0, JSON.stringify(e).slice(0, 120));
  });
});

describe('reference data: meetings', () => {
  it('ids are <BODY>-<YEAR> and unique, one meeting per body and year', () => {
    for (const m of meetings) assert.equal(m.id, `${m.body}-${m.year}`);
    assert.deepEqual(duplicates(meetings.map((m) => m.id)), []);
  });

  it('dates are ordered and fall in the meeting year', () => {
    for (const m of meetings) {
      if (m.start) assert.equal(Number(m.start.slice(0, 4)), m.year, m.id);
      if (m.start && m.end) assert.ok(m.start <= m.end, `${m.id}: ${m.start} > ${m.end}`);
      if (m.end && !m.start) assert.fail(`${m.id}: end without start`);
    }
  });

  it('short names are unique and name the right body', () => {
    const abbrs = meetings.filter((m) => m.abbreviation).map((m) => m.abbreviation!);
    assert.deepEqual(duplicates(abbrs), []);
    for (const m of meetings) {
      if (!m.abbreviation) continue;
      const prefix = m.abbreviation.split('-')[0];
      const allowed: Record<MeetingBody, string[]> = { WTSA: ['WTSA', 'WTSC'], PP: ['PP', 'APP'], WTDC: ['WTDC'], RA: ['RA'], WRC: ['WRC'] };
      assert.ok(allowed[m.body].includes(prefix), `${m.id}: ${m.abbreviation}`);
    }
  });

  it('place variants differ from the place', () => {
    for (const m of meetings) {
      for (const v of m.placeVariants ?? []) assert.notEqual(v, m.place, m.id);
      assert.deepEqual(duplicates(m.placeVariants ?? []), [], m.id);
    }
  });

  // SPEC §3: the meetings every rule relies on.
  const expected: [MeetingBody, string, number][] = [
    ['WTSA', 'Helsinki', 1993], ['WTSA', 'Geneva', 1996], ['WTSA', 'Montreal', 2000], ['WTSA', 'Florianópolis', 2004],
    ['WTSA', 'Johannesburg', 2008], ['WTSA', 'Dubai', 2012], ['WTSA', 'Hammamet', 2016], ['WTSA', 'Geneva', 2022],
    ['WTSA', 'New Delhi', 2024],
    ['PP', 'Kyoto', 1994], ['PP', 'Minneapolis', 1998], ['PP', 'Marrakesh', 2002], ['PP', 'Antalya', 2006],
    ['PP', 'Guadalajara', 2010], ['PP', 'Busan', 2014], ['PP', 'Dubai', 2018], ['PP', 'Bucharest', 2022],
    ['WTDC', 'Buenos Aires', 1994], ['WTDC', 'Valletta', 1998], ['WTDC', 'Istanbul', 2002], ['WTDC', 'Doha', 2006],
    ['WTDC', 'Hyderabad', 2010], ['WTDC', 'Dubai', 2014], ['WTDC', 'Buenos Aires', 2017], ['WTDC', 'Kigali', 2022],
  ];
  for (const [body, place, year] of expected) {
    it(`has ${body} ${place} ${year}`, () => {
      const m = meetingById.get(`${body}-${year}`);
      assert.ok(m, `${body}-${year} missing`);
      assert.equal(m.place, place);
    });
  }
  it('has every WRC of SPEC §3 (WRC-95 … WRC-23)', () => {
    for (const [abbr, year] of [['WRC-95', 1995], ['WRC-97', 1997], ['WRC-2000', 2000], ['WRC-03', 2003], ['WRC-07', 2007],
      ['WRC-12', 2012], ['WRC-15', 2015], ['WRC-19', 2019], ['WRC-23', 2023]] as const) {
      const m = meetingById.get(`WRC-${year}`);
      assert.ok(m, abbr);
      assert.equal(m.abbreviation, abbr);
    }
  });
  it('has the Radiocommunication Assemblies the SPEC cites (Geneva 2015) and later ones', () => {
    assert.equal(meetingById.get('RA-2015')?.place, 'Geneva');
    assert.equal(meetingById.get('RA-2019')?.place, 'Sharm el-Sheikh');
    assert.equal(meetingById.get('RA-2023')?.place, 'Dubai');
  });
  it('records that the WTSA held in Geneva in 2022 is WTSA-20', () => {
    assert.equal(meetingById.get('WTSA-2022')?.abbreviation, 'WTSA-20');
    assert.equal(meetingById.get('WTSA-2020'), undefined, 'no WTSA took place in 2020');
  });
});

describe('reference data: bodies', () => {
  it('ids and abbreviations are unique', () => {
    assert.deepEqual(duplicates(bodies.map((b) => b.id)), []);
    assert.deepEqual(duplicates(bodies.filter((b) => b.abbreviation).map((b) => b.abbreviation!)), []);
  });

  it('accepted names are unique across bodies (case- and accent-insensitive)', () => {
    const names = bodies.flatMap((b) => [b.canonical, ...(b.variants ?? [])].map((n) => foldKey(n)));
    assert.deepEqual(duplicates(names), []);
  });

  it('a wrong form is never an accepted name of another body, nor of its own unless only the case differs', () => {
    const accepted = new Map<string, Body>();
    for (const b of bodies) for (const n of [b.canonical, ...(b.variants ?? [])]) accepted.set(n, b);
    const acceptedFolded = new Map<string, Body>();
    for (const b of bodies) for (const n of [b.canonical, ...(b.variants ?? [])]) acceptedFolded.set(foldKey(n), b);
    for (const b of bodies) {
      for (const w of b.wrong ?? []) {
        assert.ok(!accepted.has(w), `${b.id}: "${w}" is also accepted`);
        const other = acceptedFolded.get(foldKey(w));
        assert.ok(!other || other === b, `${b.id}: "${w}" folds to a name of ${other?.id}`);
      }
    }
  });

  it('covers every name SPEC §4 lists', () => {
    const need: [string, string | undefined][] = [
      ['ITU Telecommunication Standardization Sector', 'ITU-T'], ['ITU Radiocommunication Sector', 'ITU-R'],
      ['ITU Telecommunication Development Sector', 'ITU-D'], ['Telecommunication Standardization Bureau', 'TSB'],
      ['Radiocommunication Bureau', 'BR'], ['Telecommunication Development Bureau', 'BDT'],
      ['Telecommunication Standardization Advisory Group', 'TSAG'], ['Radiocommunication Advisory Group', 'RAG'],
      ['Telecommunication Development Advisory Group', 'TDAG'], ['World Telecommunication Standardization Assembly', 'WTSA'],
      ['World Telecommunication Development Conference', 'WTDC'], ['World Radiocommunication Conference', 'WRC'],
      ['Radiocommunication Assembly', 'RA'], ['Plenipotentiary Conference', 'PP'],
      ['Focus Group on IMT-2020', 'FG IMT-2020'], ['Joint Coordination Activity for IMT-2020', 'JCA IMT-2020'],
      ['Member States', undefined], ['Sector Members', undefined], ['Associates', undefined], ['academia', undefined],
      ['Secretary-General', undefined], ['Director of the Telecommunication Standardization Bureau', undefined],
      ['Directors of the three Bureaux', undefined], ['Council', undefined], ['study groups', undefined],
    ];
    for (const [canonical, abbreviation] of need) {
      const b = bodies.find((x) => x.canonical === canonical);
      assert.ok(b, canonical);
      assert.equal(b.abbreviation, abbreviation, canonical);
    }
    const ituT = bodies.find((b) => b.id === 'ITU-T')!;
    assert.ok(ituT.wrong?.includes('International Telecommunication Standardization Sector'));
    assert.ok(bodies.find((b) => b.id === 'FG IMT-2020')!.wrong?.includes('FG-IMT2020'));
    for (const id of ['APT', 'ASMG', 'ATU', 'CEPT', 'CITEL', 'RCC']) {
      assert.equal(bodies.find((b) => b.id === id)?.kind, 'regional-organization', id);
    }
  });

  it('addressees include the officers and groups resolutions instruct', () => {
    for (const id of ['SEC-GEN', 'DIR-TSB', 'DIR-BR', 'DIR-BDT', 'DIR-ALL', 'COUNCIL', 'TSAG', 'MEMBER-STATES', 'STUDY-GROUPS']) {
      assert.equal(bodies.find((b) => b.id === id)?.addressee, true, id);
    }
  });
});

describe('reference data: study groups', () => {
  it('periods are unique, well formed, and their groups are unique', () => {
    assert.deepEqual(duplicates(sg.periods.map((p) => `${p.sector} ${p.period}`)), []);
    for (const p of sg.periods) {
      assert.ok(p.start <= p.end, p.period);
      assert.equal(Number(p.period.slice(0, 4)), p.start, p.period);
      assert.ok(Number(p.period.slice(5)) <= p.end, p.period);
      assert.deepEqual(duplicates(p.groups.map((g) => g.number)), [], `${p.sector} ${p.period}`);
      for (const g of p.groups) if (g.start !== undefined) assert.ok(g.start >= p.start && g.start <= p.end, `${p.period} SG${g.number}`);
    }
  });

  it('titles within a period are distinct (no group copied over another)', () => {
    for (const p of sg.periods) {
      assert.deepEqual(duplicates(p.groups.map((g) => g.title.toLowerCase())), [], `${p.sector} ${p.period}`);
    }
  });

  it('named groups are unique and their years ordered', () => {
    assert.deepEqual(duplicates(sg.groups.map((g) => g.name)), []);
    assert.deepEqual(duplicates(sg.groups.filter((g) => g.abbreviation).map((g) => g.abbreviation!)), []);
    for (const g of sg.groups) if (g.start && g.end) assert.ok(g.start <= g.end, g.name);
    assert.ok(sg.groups.some((g) => g.abbreviation === 'FG IMT-2020' && g.kind === 'focus-group'));
    assert.ok(sg.groups.some((g) => g.abbreviation === 'JCA IMT-2020' && g.kind === 'jca'));
  });

  it('matches the study groups SPEC §4 lists', () => {
    const ref = loadReferenceData();
    const numbers = (sector: 'ITU-T' | 'ITU-R' | 'ITU-D', year: number) => ref.studyGroupsFor(sector, year).map((g) => g.number);
    const t2017 = [2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20];
    for (const year of [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]) assert.deepEqual(numbers('ITU-T', year), t2017, `ITU-T ${year}`);
    for (const year of [2025, 2026, 2027, 2028]) assert.deepEqual(numbers('ITU-T', year), [2, 3, 5, 11, 12, 13, 15, 17, 20, 21], `ITU-T ${year}`);
    for (const year of [2019, 2023, 2024]) assert.deepEqual(numbers('ITU-R', year), [1, 3, 4, 5, 6, 7], `ITU-R ${year}`);
    for (const year of [2018, 2022, 2025]) assert.deepEqual(numbers('ITU-D', year), [1, 2], `ITU-D ${year}`);
  });
});

describe('reference data: resolutions and Recommendations', () => {
  it('entries are unique', () => {
    assert.deepEqual(duplicates(resolutions.map((r) => `${r.body} ${r.type} ${r.number}`)), []);
    assert.deepEqual(duplicates(recommendations.map((r) => `${r.sector} ${r.number}`)), []);
  });

  it('every version, suppression and completeness mark names a meeting of the same body that exists', () => {
    for (const r of resolutions) {
      const label = `${r.body} ${r.type} ${r.number}`;
      for (const v of r.versions) {
        const m = meetingById.get(v.meeting);
        assert.ok(m, `${label}: unknown meeting ${v.meeting}`);
        assert.equal(m.body, r.body, `${label}: ${v.meeting} is not a ${r.body}`);
      }
      if (r.suppressed) {
        const m = meetingById.get(r.suppressed);
        assert.ok(m, `${label}: unknown suppressing meeting ${r.suppressed}`);
        assert.equal(m.body, r.body, `${label}: suppressed by ${r.suppressed}`);
      }
      if (r.completeTo) {
        const m = meetingById.get(r.completeTo);
        assert.ok(m, `${label}: unknown meeting ${r.completeTo} (completeTo)`);
        assert.equal(m.body, r.body, `${label}: complete to ${r.completeTo}`);
        // the list is complete: it starts with the adoption
        assert.equal(r.versions[0]?.kind, 'new', `${label}: marked complete but the first version is not the adoption`);
        // and a public page prints the history line that says so
        assert.match(r.completeToSource ?? '', /^https?:\/\//, `${label}: complete to ${r.completeTo} without the source of its history line`);
      }
    }
  });

  it('versions are in meeting order, without repeats, and only the first may be the adoption', () => {
    for (const r of resolutions) {
      const label = `${r.body} ${r.type} ${r.number}`;
      assert.deepEqual(duplicates(r.versions.map((v) => v.meeting)), [], label);
      const years = r.versions.map((v) => meetingById.get(v.meeting)?.year ?? 0);
      for (let i = 1; i < years.length; i++) assert.ok(years[i - 1] < years[i], `${label}: versions out of order`);
      r.versions.forEach((v, i) => i > 0 && assert.equal(v.kind, 'rev', `${label}: ${v.meeting} after the first version is not a revision`));
      if (r.suppressed && years.length) {
        const y = meetingById.get(r.suppressed)?.year ?? 0;
        assert.ok(y >= years[years.length - 1], `${label}: suppressed before its last revision`);
      }
    }
  });

  it('WRC texts are not Radiocommunication Assembly texts (no ITU-R numbering)', () => {
    for (const r of resolutions) assert.doesNotMatch(r.number, /ITU-R/i, `${r.body} ${r.number}`);
  });
});

describe('ReferenceData lookups', () => {
  const ref = loadReferenceData();

  it('is loaded once', () => {
    assert.equal(loadReferenceData(), ref);
    assert.equal(ref.meetings.length, meetings.length);
    assert.equal(ref.resolutions.length, resolutions.length);
    assert.equal(ref.recommendations.length, recommendations.length);
  });

  it('finds meetings by id, body, abbreviation', () => {
    assert.equal(ref.meetingById('WTSA-2016')?.place, 'Hammamet');
    const wtsa = ref.meetingsByBody('WTSA').map((m) => m.year);
    assert.deepEqual(wtsa, [...wtsa].sort((a, b) => a - b));
    assert.equal(wtsa[0], 1993);
    assert.equal(ref.meetingByAbbreviation('WRC-15')?.id, 'WRC-2015');
    assert.equal(ref.meetingByAbbreviation('WRC\u20112015')?.id, 'WRC-2015');
    assert.equal(ref.meetingByAbbreviation('wrc 2000')?.id, 'WRC-2000');
    assert.equal(ref.meetingByAbbreviation('WTSA-20')?.id, 'WTSA-2022');
    assert.equal(ref.meetingByAbbreviation('WRC-11'), undefined);
  });

  it('finds meetings by place and year, tolerating accents, variants, case and NBSP', () => {
    assert.equal(ref.findMeeting('WTSA', 'Florianopolis', 2004)?.id, 'WTSA-2004');
    assert.equal(ref.findMeeting('WTSA', 'FLORIANÓPOLIS', 2004)?.id, 'WTSA-2004');
    assert.equal(ref.findMeeting('PP', 'Marrakech', 2002)?.id, 'PP-2002');
    assert.equal(ref.findMeeting(null, 'Marrakesh', 2002)?.id, 'PP-2002');
    assert.equal(ref.findMeeting('WTSA', 'New\u00a0Delhi', 2024)?.id, 'WTSA-2024');
    assert.equal(ref.findMeeting('WTSA', ' New  Delhi ', 2024)?.id, 'WTSA-2024');
    assert.equal(ref.findMeeting('WRC', 'Sharm El-Sheikh', 2019)?.id, 'WRC-2019');
    assert.equal(ref.findMeeting('WTDC', 'Buenos Aires', 2017)?.id, 'WTDC-2017');
    assert.equal(ref.findMeeting('WTDC', 'Valetta', 1998)?.id, 'WTDC-1998');
  });

  it('rejects meetings that did not take place', () => {
    assert.equal(ref.findMeeting('WTSA', 'Geneva', 2020), undefined);
    assert.equal(ref.findMeeting('WTSA', 'Busan', 2014), undefined, 'Busan 2014 was a PP');
    assert.equal(ref.findMeeting(null, 'Paris', 2016), undefined);
    const geneva2012 = ref.findMeetings('Geneva', 2012).map((m) => m.id).sort();
    assert.deepEqual(geneva2012, ['RA-2012', 'WRC-2012']);
    assert.equal(ref.canonicalPlace('florianopolis'), 'Florianópolis');
    assert.equal(ref.canonicalPlace('Atlantis'), undefined);
    assert.equal(ref.latestMeetingOf('WTSA', 2023)?.id, 'WTSA-2022');
  });

  it('finds bodies by name, abbreviation and wrong form', () => {
    assert.equal(ref.bodyByName('Telecommunication\u00a0Standardization Bureau')?.id, 'TSB');
    assert.equal(ref.bodyByName('telecommunication standardization bureau')?.id, 'TSB');
    assert.equal(ref.bodyByName('Telecommunication Standardization Sector')?.id, 'ITU-T');
    assert.equal(ref.bodyByName('Telecommunications Standardization Bureau'), undefined);
    assert.equal(ref.bodyByAbbreviation('ITU\u2011T')?.id, 'ITU-T');
    assert.equal(ref.bodyByAbbreviation('TSB')?.canonical, 'Telecommunication Standardization Bureau');
    assert.equal(ref.bodyByAbbreviation('tsb'), undefined);
    assert.equal(ref.wrongName('Telecommunications Standardization Bureau')?.canonical, 'Telecommunication Standardization Bureau');
    assert.equal(ref.wrongName('International Telecommunication Standardization Sector')?.body.id, 'ITU-T');
    assert.equal(ref.wrongName('telecommunication standardisation bureau')?.body.id, 'TSB');
    assert.equal(ref.wrongName('Study Groups')?.canonical, 'study groups');
    assert.equal(ref.wrongName('study groups'), undefined);
    assert.equal(ref.wrongName('Telecommunication Standardization Bureau'), undefined);
    assert.equal(ref.wrongName('African Telecommunications Union'), undefined, 'ATU has an s');
  });

  it('lists every name for a matcher, longest first', () => {
    const names = ref.allBodyNames();
    for (let i = 1; i < names.length; i++) assert.ok(names[i - 1].text.length >= names[i].text.length);
    const tsb = names.filter((n) => n.body.id === 'TSB').map((n) => `${n.role}:${n.text}`);
    assert.ok(tsb.includes('canonical:Telecommunication Standardization Bureau'));
    assert.ok(tsb.includes('abbreviation:TSB'));
    assert.ok(tsb.includes('wrong:Telecommunications Standardization Bureau'));
    assert.ok(ref.addressees().some((b) => b.id === 'DIR-TSB'));
  });

  it('knows which study groups existed in a year', () => {
    assert.equal(ref.studyGroupExisted('ITU-T', 20, 2014), false, 'SG20 was set up in 2015');
    assert.equal(ref.studyGroupExisted('ITU-T', 20, 2015), true);
    assert.equal(ref.studyGroupExisted('ITU-T', 9, 2024), true);
    assert.equal(ref.studyGroupExisted('ITU-T', 9, 2025), false);
    assert.equal(ref.studyGroupExisted('ITU-T', 21, 2025), true);
    assert.equal(ref.studyGroupExisted('ITU-T', 21, 2024), false);
    assert.equal(ref.studyGroupExisted('ITU-R', 2, 2020), false);
    assert.equal(ref.studyGroupExisted('ITU-D', 2, 2020), true);
    assert.equal(ref.hasStudyGroupData('ITU-T', 1990), false);
    assert.deepEqual(ref.studyGroupsFor('ITU-T', 1990), []);
    assert.equal(ref.studyPeriodsFor('ITU-T', 2022).length, 2, 'the 2017 period ran until WTSA-20 in 2022');
    assert.equal(ref.namedGroup('fg imt-2020')?.name, 'Focus Group on IMT-2020');
    assert.equal(ref.namedGroup('Focus Group on IMT-2020')?.start, 2015);
  });

  it('finds resolutions and Recommendations', () => {
    const first = resolutions[0];
    if (first) {
      assert.deepEqual(ref.resolution(first.body, first.type, first.number), first);
      assert.deepEqual(ref.resolution(first.body, first.type, ` ${first.number} `), first);
    }
    const ra = resolutions.find((r) => r.body === 'RA');
    if (ra) assert.deepEqual(ref.resolution('RA', ra.type, `ITU-R ${ra.number}`), ra);
    assert.equal(ref.resolution('WTSA', 'Resolution', '9999'), undefined);
    const rec = recommendations[0];
    if (rec) {
      assert.deepEqual(ref.recommendation(rec.sector, rec.number), rec);
      assert.deepEqual(ref.recommendation(rec.sector, `${rec.sector} ${rec.number}`), rec);
    }
    assert.equal(ref.recommendation('ITU-T', 'Z.99999'), undefined);
  });
});

describe('ReferenceData.fromFiles and extend', () => {
  const files = builtInFiles();
  const entry: ResolutionEntry = {
    body: 'WTSA', type: 'Resolution', number: '77', title: 'Standardization work for software-defined networking',
    versions: [{ meeting: 'WTSA-2016', kind: 'new' }, { meeting: 'WTSA-2022', kind: 'rev' }, { meeting: 'WTSA-2024', kind: 'rev' }],
    source: 'https://example.org/res77',
  };

  it('works without resolutions or Recommendations files', () => {
    const ref = ReferenceData.fromFiles({ meetings: files.meetings, bodies: files.bodies, studygroups: files.studygroups });
    assert.equal(ref.resolutions.length, 0);
    assert.equal(ref.resolution('WTSA', 'Resolution', '1'), undefined);
    assert.equal(ref.findMeeting('WTSA', 'Hammamet', 2016)?.id, 'WTSA-2016');
    const empty = ReferenceData.fromFiles({ ...files, resolutions: { resolutions: [] }, recommendations: { recommendations: [] } });
    assert.equal(empty.recommendations.length, 0);
  });

  it('adds and overrides resolutions without touching the built-in data', () => {
    const base = ReferenceData.fromFiles({ meetings: files.meetings, bodies: files.bodies, studygroups: files.studygroups });
    const ext = base.extend({ resolutions: [entry] });
    assert.equal(base.resolution('WTSA', 'Resolution', '77'), undefined);
    assert.equal(ext.resolution('WTSA', 'Resolution', '77'), entry);
    assert.equal(ext.latestVersion(entry, 2016)?.meeting, 'WTSA-2016');
    assert.equal(ext.latestVersion(entry, 2023)?.meeting, 'WTSA-2022');
    assert.equal(ext.latestVersion(entry, 2030)?.meeting, 'WTSA-2024');
    assert.equal(ext.latestVersion(entry, 2012), undefined);
    const replaced = { ...entry, title: 'Replaced', suppressed: 'WTSA-2024', versions: entry.versions.slice(0, 2) };
    const ext2 = ext.extend({ resolutions: [replaced] });
    assert.equal(ext2.resolution('WTSA', 'Resolution', '77')?.title, 'Replaced');
    assert.equal(ext2.resolutions.filter((r) => r.number === '77' && r.body === 'WTSA').length, 1);
    assert.equal(ext2.suppressedBy(replaced, 2022), undefined);
    assert.equal(ext2.suppressedBy(replaced, 2024)?.id, 'WTSA-2024');
  });

  it('adds meetings from a user reference document', () => {
    const base = loadReferenceData();
    const future: Meeting = { id: 'PP-2026', body: 'PP', place: 'Doha', year: 2026, source: 'https://example.org/pp26' };
    const ext = base.extend({ meetings: [future] });
    assert.equal(ext.findMeeting('PP', 'Doha', 2026)?.id, 'PP-2026');
    assert.equal(base.findMeeting('PP', 'Doha', 2026), undefined);
    assert.equal(ext.latestMeetingOf('PP', 2030)?.id, 'PP-2026');
  });
});
