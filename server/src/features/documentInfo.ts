/** What the status bar shows: finding counts and the adopting meeting of the document. */
import type { ReferenceData } from '../data/reference';
import type { ResDocument } from '../model/types';
import type { Finding } from '../rules/types';

export interface DocumentInfo {
  errors: number;
  warnings: number;
  infos: number;
  /** e.g. `WTSA-16 (Hammamet, 2016)`; null when the document names no meeting */
  meeting: string | null;
  resolutions: number;
}

export function documentInfo(doc: ResDocument, findings: Finding[], data: ReferenceData): DocumentInfo {
  let meeting: string | null = null;
  for (const r of doc.resolutions) {
    const m = r.preamble?.meeting ?? r.numberLine.meeting;
    if (!m || m.year === null) continue;
    const body = r.preamble && r.preamble.body !== 'unknown' ? r.preamble.body : null;
    const found = m.wrcForm ? data.meetingByAbbreviation(m.place) : data.findMeeting(body, m.place, m.year);
    meeting = found ? `${found.abbreviation ?? found.id} (${found.place}, ${found.year})` : m.wrcForm ? m.place : `${body ?? ''} (${m.place}, ${m.year})`.trim();
    break;
  }
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
    meeting,
    resolutions: doc.resolutions.length,
  };
}
