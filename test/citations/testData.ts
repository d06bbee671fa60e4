/**
 * A small reference data set for the citation tests, built with the ReferenceData
 * constructor so that revision and suppression cases are exact and do not move when the
 * built-in catalogue grows. The meetings are real (dates and sources as in
 * server/data/meetings.json); the resolution entries numbered 9xx are test entries
 * invented for the cases below and say so in their titles.
 */
import { ReferenceData, type ReferenceFiles } from '../../server/src/data/reference';
import type { Meeting, ResolutionEntry } from '../../server/src/data/schema';

const SRC = 'https://www.itu.int/en/history/Pages/ConferencesCollection.aspx';

export const MEETINGS: Meeting[] = [
  { id: 'WTSA-2008', body: 'WTSA', place: 'Johannesburg', year: 2008, start: '2008-10-21', end: '2008-10-30', source: SRC },
  { id: 'WTSA-2012', body: 'WTSA', place: 'Dubai', year: 2012, start: '2012-11-20', end: '2012-11-29', source: SRC },
  { id: 'WTSA-2016', body: 'WTSA', place: 'Hammamet', year: 2016, start: '2016-10-25', end: '2016-11-03', source: SRC },
  { id: 'WTSA-2022', body: 'WTSA', place: 'Geneva', year: 2022, start: '2022-03-01', end: '2022-03-09', abbreviation: 'WTSA-20', source: SRC },
  { id: 'PP-2014', body: 'PP', place: 'Busan', year: 2014, start: '2014-10-20', end: '2014-11-07', source: SRC },
  { id: 'PP-2018', body: 'PP', place: 'Dubai', year: 2018, start: '2018-10-29', end: '2018-11-16', source: SRC },
  { id: 'PP-2022', body: 'PP', place: 'Bucharest', year: 2022, start: '2022-09-26', end: '2022-10-14', source: SRC },
  { id: 'WTDC-2014', body: 'WTDC', place: 'Dubai', year: 2014, start: '2014-03-30', end: '2014-04-10', source: SRC },
  { id: 'RA-2015', body: 'RA', place: 'Geneva', year: 2015, start: '2015-10-26', end: '2015-10-30', source: SRC },
  { id: 'WRC-2015', body: 'WRC', place: 'Geneva', year: 2015, start: '2015-11-02', end: '2015-11-27', abbreviation: 'WRC-15', source: SRC },
  // no dates on purpose: same-year meetings that cannot be ordered
  { id: 'RA-2023', body: 'RA', place: 'Dubai', year: 2023, source: SRC },
  { id: 'WRC-2023', body: 'WRC', place: 'Dubai', year: 2023, abbreviation: 'WRC-23', source: SRC },
];

const T = 'test entry';

export const RESOLUTIONS: ResolutionEntry[] = [
  {
    body: 'WTSA',
    type: 'Resolution',
    number: '901',
    title: 'Test text revised at every assembly from 2008',
    versions: [
      { meeting: 'WTSA-2008', kind: 'new' },
      { meeting: 'WTSA-2012', kind: 'rev' },
      { meeting: 'WTSA-2016', kind: 'rev' },
    ],
    completeTo: 'WTSA-2016',
    source: T,
  },
  {
    body: 'WTSA',
    type: 'Resolution',
    number: '902',
    title: 'Test text adopted in 2008 and revised in 2016 only',
    versions: [
      { meeting: 'WTSA-2008', kind: 'new' },
      { meeting: 'WTSA-2016', kind: 'rev' },
    ],
    completeTo: 'WTSA-2016',
    source: T,
  },
  {
    body: 'WTSA',
    type: 'Resolution',
    number: '903',
    title: 'Test text whose early history is not listed',
    versions: [
      { meeting: 'WTSA-2012', kind: 'rev' },
      { meeting: 'WTSA-2016', kind: 'rev' },
    ],
    source: T,
  },
  {
    body: 'WTSA',
    type: 'Resolution',
    number: '904',
    title: 'Test text suppressed in 2012',
    versions: [{ meeting: 'WTSA-2008', kind: 'new' }],
    suppressed: 'WTSA-2012',
    source: T,
  },
  {
    body: 'PP',
    type: 'Resolution',
    number: '901',
    title: 'Test text of the Plenipotentiary Conference',
    versions: [
      { meeting: 'PP-2014', kind: 'new' },
      { meeting: 'PP-2018', kind: 'rev' },
      { meeting: 'PP-2022', kind: 'rev' },
    ],
    source: T,
  },
  {
    body: 'RA',
    type: 'Resolution',
    number: '901',
    title: 'Test text of the Radiocommunication Assembly',
    versions: [
      { meeting: 'RA-2015', kind: 'new' },
      { meeting: 'RA-2023', kind: 'rev' },
    ],
    source: T,
  },
  {
    body: 'WRC',
    type: 'Resolution',
    number: '901',
    title: 'Test text of the World Radiocommunication Conference',
    versions: [{ meeting: 'WRC-2015', kind: 'new' }],
    source: T,
  },
];

export const FILES: ReferenceFiles = {
  meetings: { meetings: MEETINGS },
  resolutions: { resolutions: RESOLUTIONS },
  recommendations: {
    recommendations: [
      { sector: 'ITU-T', number: 'A.1', title: 'Working methods for study groups of the ITU Telecommunication Standardization Sector', source: T },
      { sector: 'ITU-T', number: 'A.7', title: 'Focus groups: Establishment and working procedures', source: T },
      { sector: 'ITU-T', number: 'Y.3001', title: 'Future networks: Objectives and design goals', source: T },
      { sector: 'ITU-R', number: 'M.2083', title: 'IMT Vision', source: T },
    ],
  },
};

export const DATA = new ReferenceData(FILES);

/** A resolution of `preamble` (e.g. `The World Telecommunication Standardization Assembly (Hammamet, 2016)`) noting `cites`. */
export function resolutionText(numberLine: string, preamble: string, cites: string[]): string {
  const m = /\(([^()]*)\)\s*$/.exec(numberLine);
  const lines = [numberLine, 'Test resolution', `(${m ? m[1].replace(/^Rev\.\s*/, '') : ''})`, `${preamble},`, 'noting'];
  cites.forEach((c, i) => {
    const label = cites.length > 1 ? `${String.fromCharCode(97 + i)})\t` : '';
    lines.push(`${label}${c}${i === cites.length - 1 ? ',' : ';'}`);
  });
  lines.push('resolves', 'that this text be applied.');
  return lines.join('\n');
}

export const WTSA16 = (cites: string[]) =>
  resolutionText('RESOLUTION 999 (Hammamet, 2016)', 'The World Telecommunication Standardization Assembly (Hammamet, 2016)', cites);
export const WTSA12 = (cites: string[]) =>
  resolutionText('RESOLUTION 999 (Dubai, 2012)', 'The World Telecommunication Standardization Assembly (Dubai, 2012)', cites);
export const WTSA08 = (cites: string[]) =>
  resolutionText('RESOLUTION 999 (Johannesburg, 2008)', 'The World Telecommunication Standardization Assembly (Johannesburg, 2008)', cites);
export const WTSA22 = (cites: string[]) =>
  resolutionText('RESOLUTION 999 (Geneva, 2022)', 'The World Telecommunication Standardization Assembly (Geneva, 2022)', cites);
export const WRC23 = (cites: string[]) =>
  resolutionText('RESOLUTION 999 (WRC-23)', 'The World Radiocommunication Conference (Dubai, 2023)', cites);
