/**
 * Shapes of the built-in reference data (server/data/*.json). Every entry carries
 * `source`: the public URL the fact was taken from.
 */

export type MeetingBody = 'WTSA' | 'PP' | 'WTDC' | 'RA' | 'WRC';

export interface Meeting {
  /** `<BODY>-<YYYY>`, e.g. `WTSA-2016`, `WRC-2015`, `PP-2022` */
  id: string;
  body: MeetingBody;
  /** place as ITU writes it in citations: `Hammamet`, `Florianópolis`, `Sharm el-Sheikh` */
  place: string;
  year: number;
  /** ISO dates, when the source gives them */
  start?: string;
  end?: string;
  /** other spellings of the place seen in ITU texts (`Florianopolis`, `Marrakech`) */
  placeVariants?: string[];
  /**
   * the meeting's own short name when the source gives it: `WRC-15`, `WRC-2000`, `WTSC-93`,
   * and `WTSA-20` for the assembly that was postponed to 2022 (its id is `WTSA-2022`)
   */
  abbreviation?: string;
  source: string;
}

export type BodyKind =
  | 'sector'
  | 'bureau'
  | 'advisory-group'
  | 'conference'
  | 'assembly'
  | 'council'
  | 'official'
  | 'membership'
  | 'regional-organization'
  | 'external'
  | 'group'
  | 'union';

export interface Body {
  /** stable id, usually the abbreviation: `ITU-T`, `TSB`, `DIR-TSB` */
  id: string;
  /** the canonical name as ITU texts write it in running text */
  canonical: string;
  /** abbreviation, when one exists (`TSB`) */
  abbreviation?: string;
  /** other accepted spellings (`Telecommunication Standardization Sector`) */
  variants?: string[];
  /** known wrong forms (`International Telecommunication Standardization Sector`) */
  wrong?: string[];
  kind: BodyKind;
  /** may be the addressee of instructs/invites/requests … */
  addressee?: boolean;
  source: string;
}

export interface StudyGroup {
  number: number;
  title: string;
  /** year the group was set up, when that was during the study period (ITU-T SG20: 2015) */
  start?: number;
  source?: string;
}

export interface StudyPeriod {
  sector: 'ITU-T' | 'ITU-R' | 'ITU-D';
  /** `2017-2020` */
  period: string;
  start: number;
  end: number;
  groups: StudyGroup[];
  source: string;
}

export interface NamedGroup {
  sector: 'ITU-T' | 'ITU-R' | 'ITU-D';
  /** `Focus Group on IMT-2020` */
  name: string;
  /** `FG IMT-2020` */
  abbreviation?: string;
  kind: 'focus-group' | 'jca';
  /** years it existed, when known */
  start?: number;
  end?: number;
  parent?: string;
  source: string;
}

/** One adoption or revision of a resolution, recommendation or decision. */
export interface Version {
  /** a Meeting id */
  meeting: string;
  /** `new` for the first adoption, `rev` for a revision */
  kind: 'new' | 'rev';
  source?: string;
}

export interface ResolutionEntry {
  /** the body whose text it is */
  body: MeetingBody;
  /** `Resolution` | `Recommendation` (WRC) | `Decision` | `Opinion` */
  type: 'Resolution' | 'Recommendation' | 'Decision' | 'Opinion';
  /** `1`, `56` (RA texts are cited `Resolution ITU-R 56`) */
  number: string;
  title: string;
  /** in meeting order; the first is the adoption */
  versions: Version[];
  /** the Meeting id that suppressed (abrogated) it, if it was */
  suppressed?: string;
  /**
   * `versions` lists every adoption and revision up to and including this Meeting (as a
   * history line gives them); without it the list may have gaps, and no rule concludes
   * from a meeting's absence that it made no version
   */
  completeTo?: string;
  /** where the history line that makes the list complete is printed (with completeTo) */
  completeToSource?: string;
  source: string;
}

export interface RecommendationEntry {
  sector: 'ITU-T' | 'ITU-R' | 'ITU-D';
  /** `A.7`, `M.819`, `Y.3001` */
  number: string;
  title: string;
  /** in force / superseded / withdrawn, when the source says */
  status?: 'in-force' | 'superseded' | 'withdrawn';
  source: string;
}
