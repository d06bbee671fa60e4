import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/parser/parse';
import { Analysis } from '../../server/src/analyzer/analysis';
import { loadReferenceData, ReferenceData } from '../../server/src/data/reference';

export const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');

export const MY_RULES = [
  'body-name',
  'study-group-form',
  'study-group-generic-case',
  'study-group-period',
  'instructs-order',
  'abbreviation-undefined',
  'abbreviation-redefined',
  'abbreviation-expanded-again',
];

export function analyse(text: string, data: ReferenceData = loadReferenceData()) {
  const doc = parse(text);
  const analysis = new Analysis(doc);
  return { doc, analysis, data, names: analysis.names(data), abbreviations: analysis.abbreviations(data) };
}

/** A small reference data set: only the named bodies of the built-in data (real entries, with their sources). */
export function smallData(ids: string[]): ReferenceData {
  const full = loadReferenceData();
  return ReferenceData.fromFiles({
    bodies: { bodies: full.bodies.filter((b) => ids.includes(b.id)) },
    studygroups: { periods: [...full.studyPeriods], groups: [] },
    meetings: { meetings: [...full.meetings] },
  });
}

/** A resolution of WTSA Hammamet 2016 around the given preambular and operative text. */
export function wtsa(considering: string[], operative = 'resolves\nthat the study groups continue that work.', place = 'Hammamet, 2016'): string {
  const labels = 'abcdefghijklmnopqrstuvwxyz';
  const clauses = considering.map((c, i) => `${considering.length > 1 ? labels[i] + ')\t' : ''}that ${c}${i === considering.length - 1 ? ',' : ';'}`);
  return [
    `RESOLUTION 92 (${place.startsWith('Hammamet') ? '' : 'Rev. '}${place})`,
    'Enhancing the standardization activities related to non-radio aspects of international mobile telecommunications',
    place.startsWith('Hammamet') ? '(Hammamet, 2016)' : `(Hammamet, 2016; ${place})`,
    `The World Telecommunication Standardization Assembly (${place}),`,
    'considering',
    ...clauses,
    operative,
  ].join('\n');
}
