// Prints the outline of a parsed document (a development aid: `npx tsx scripts/dump.ts FILE`).
import { readFileSync } from 'node:fs';
import { parse } from '../server/src/parser/parse';

const doc = parse(readFileSync(process.argv[2], 'utf8'));
const p = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;
console.log(`cover: ${doc.cover.length} paragraphs; proposals: ${doc.proposals.length}; footnotes: ${doc.footnotes.length}; traces: ${doc.traces.length}`);
for (const pr of doc.proposals) console.log(`PROPOSAL ${pr.symbol} ${pr.identifier} reasons=${pr.reasons.length} paras=${pr.paragraphs.length} res=${pr.resolutions}`);
for (const res of doc.resolutions) {
  const nl = res.numberLine;
  console.log(`RES ${nl.kind} ${nl.number} draft=${nl.draft} meeting=${JSON.stringify(nl.meeting && [nl.meeting.rev, nl.meeting.place, nl.meeting.year])} @${p(nl.range)}`);
  console.log(`  title: ${res.title?.text}`);
  console.log(`  history: ${res.history?.meetings.map((m) => m.place + ' ' + m.year).join('; ')}`);
  console.log(`  preamble: ${res.preamble?.body} ${res.preamble?.meeting?.place} ${res.preamble?.meeting?.year} comma=${res.preamble?.endsWithComma}`);
  for (const s of res.sections) {
    console.log(`  [${s.call.kind}${s.call.known ? '' : ' UNKNOWN'}] ${s.call.head}${s.call.modifier ? ' +' + s.call.modifier : ''}${s.call.toVerb ? ' to:' + s.call.toVerb : ''}${s.call.addressee ? ' => ' + s.call.addressee : ''} @${p(s.call.range)}`);
    for (const c of s.clauses) {
      console.log(`    ${c.label ? c.label.kind + ':' + c.label.text + '(' + c.label.ordinal + ',' + c.label.separator + ')' : '-'} ${c.content.text.slice(0, 50)}…${c.content.text.slice(-12)} subs=${c.subItems.length} cont=${c.continuations.length} fn=${c.footnoteRefs.length}`);
      for (const si of c.subItems) console.log(`        ${si.label?.text ?? si.bullet ?? '·'} ${si.content.text.slice(0, 40)}`);
    }
  }
  for (const a of res.annexes) console.log(`  ANNEX ${a.heading.text} / ${a.title?.text} paras=${a.paragraphs.length}`);
  for (const pa of res.paragraphs) console.log(`  PARA ${p(pa.range)} ${pa.content.text.slice(0, 60)}`);
}
