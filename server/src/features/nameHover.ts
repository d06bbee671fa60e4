/**
 * Hover on names (SPEC §4): a body's full name, abbreviation, kind and source; an
 * abbreviation's expansion and where the resolution spells it out; a study group's title
 * in the document's study period.
 */
// types only from ./hover: it imports this module to register the provider
import type { HoverContext, HoverProvider } from './hover';
import { containsPos } from '../model/content';
import type { Range } from '../model/types';
import type { Body, NamedGroup } from '../data/schema';
import type { ReferenceData } from '../data/reference';
import { governedYear, placeOf, resolutionAtLine, resolutionContext, type BodyMention, type StudyGroupMention } from '../analyzer/names';
import { knownAbbreviation, type AbbrDefinition } from '../analyzer/abbreviations';
import { escape } from './markdown';

const KIND_NAMES: Record<string, string> = {
  sector: 'ITU Sector',
  bureau: 'ITU bureau',
  'advisory-group': 'advisory group',
  conference: 'conference',
  assembly: 'assembly',
  council: 'ITU Council',
  official: 'ITU official',
  membership: 'ITU membership',
  'regional-organization': 'regional telecommunication organization',
  external: 'organization outside ITU',
  group: 'group',
  union: 'the Union',
};

function bodyLines(b: Body): string[] {
  const head = b.abbreviation && b.abbreviation !== b.canonical ? `**${escape(b.canonical)}** (${escape(b.abbreviation)})` : `**${escape(b.canonical)}**`;
  return [head, `${KIND_NAMES[b.kind] ?? b.kind} · [source](${b.source})`];
}

function groupLines(g: NamedGroup): string[] {
  const head = g.abbreviation ? `**${escape(g.name)}** (${escape(g.abbreviation)})` : `**${escape(g.name)}**`;
  const years = g.start ? ` (${g.start}${g.end ? `–${g.end}` : ''})` : '';
  return [head, `${g.sector} ${g.kind === 'jca' ? 'joint coordination activity' : 'focus group'}${years}${g.parent ? `, under ${escape(g.parent)}` : ''} · [source](${g.source})`];
}

function bodyMentionHover(m: BodyMention): string {
  const lines: string[] = [];
  if (m.body) lines.push(...bodyLines(m.body));
  else if (m.group) lines.push(...groupLines(m.group));
  if (m.role === 'wrong') lines.push(`Not a name ITU uses: write "${escape(m.suggestions[0])}".`);
  else if (m.role === 'case') lines.push(`ITU writes it "${escape(m.suggestions[0])}".`);
  else if (m.role === 'near') lines.push(`Not a known name: did you mean ${m.suggestions.map((s) => `"${escape(s)}"`).join(' or ')}?`);
  return lines.join('\n\n');
}

function studyGroupHover(data: ReferenceData, m: StudyGroupMention, ctx: HoverContext): string | null {
  if (!m.sector) return `**Study Group ${m.number}**: the sector is not known (name it: "ITU-T Study Group ${m.number}").`;
  const rc = resolutionContext(ctx.analysis.doc.resolutions[m.resolution]);
  const year = governedYear(data, rc, m.sector) ?? latestYear(data, m.sector);
  if (year === null) return null;
  const period = data.studyPeriodsFor(m.sector, year).map((p) => p.period).pop() ?? String(year);
  const g = data.studyGroupsFor(m.sector, year).find((x) => x.number === m.number);
  if (!g) return `**${m.sector} Study Group ${m.number}** did not exist in the ${period} study period.`;
  const src = g.source ?? data.studyPeriodsFor(m.sector, year).map((p) => p.source).pop();
  return `**${m.sector} Study Group ${m.number}**: ${escape(g.title)}\n\nstudy period ${period}${src ? ` · [source](${src})` : ''}`;
}

function latestYear(data: ReferenceData, sector: StudyGroupMention['sector'] & string): number | null {
  let best: number | null = null;
  for (const p of data.studyPeriods) if (p.sector === sector && (best === null || p.end > best)) best = p.end;
  return best;
}

function definitionText(d: AbbrDefinition): string {
  return `**${escape(d.abbr)}**: ${escape(d.expansion)}\n\nspelled out in ${escape(placeOf(d.unit))} (line ${d.unit.content.line + 1})`;
}

export const nameHover: HoverProvider = (ctx) => {
  const { analysis, data, position } = ctx;
  const names = analysis.names(data);
  const on = (r: Range) => r.start.line === position.line && containsPos(r, position);
  const sg = names.studyGroups.find((m) => on(m.range));
  if (sg) {
    const md = studyGroupHover(data, sg, ctx);
    if (md) return { markdown: md, range: sg.range };
  }
  // abbreviations of the resolution under the cursor
  const ri = resolutionAtLine(analysis.doc, position.line);
  if (ri >= 0) {
    const r = analysis.abbreviations(data)[ri];
    for (const defs of r.definitions.values()) {
      for (const d of defs) {
        if (on(d.abbrRange)) {
          const known = knownAbbreviation(data, d.key);
          const extra = known?.body ? `\n\n${bodyLines(known.body)[1]}` : known?.group ? `\n\n${groupLines(known.group)[1]}` : '';
          return { markdown: definitionText(d) + extra, range: d.abbrRange };
        }
      }
    }
    const use = r.uses.find((u) => on(u.range));
    if (use) {
      for (const k of use.keys) {
        const def = r.definitions.get(k)?.[0];
        const known = knownAbbreviation(data, k);
        if (!def && !known) continue;
        const parts: string[] = [];
        if (def) parts.push(definitionText(def));
        if (known?.body) parts.push(...(def ? [bodyLines(known.body)[1]] : bodyLines(known.body)));
        else if (known?.group) parts.push(...(def ? [groupLines(known.group)[1]] : groupLines(known.group)));
        if (!def) parts.push('not spelled out in this resolution');
        return { markdown: parts.join('\n\n'), range: use.range };
      }
    }
  }
  const body = names.bodies.find((m) => on(m.range) && (m.body || m.group));
  if (body) return { markdown: bodyMentionHover(body), range: body.range };
  return null;
};
