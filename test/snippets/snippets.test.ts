/**
 * Tests of snippets/itu-resolution.code-snippets: well-formed entries, unique prefixes, defaults that
 * expand to well-shaped resolution text (SPEC §1–§3) built only from the checked facts in
 * snippet-facts.json, and that the grammar recognizes what the snippets produce.
 * Also tests the expander (expand.ts) that the lint check of expansions reuses.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasScope, loadGrammar, scopeText, tokenizeText } from '../grammar/textmate';
import { SnippetSyntaxError, bodyText, expand, expandSnippet, parseSnippet } from './expand';

const ROOT = path.resolve(__dirname, '..', '..');
const SNIPPETS_PATH = path.join(ROOT, 'snippets', 'itu-resolution.code-snippets');
const FACTS_PATH = path.join(__dirname, 'snippet-facts.json');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}
interface Facts {
  citations: Array<{ text: string; fact: string; source: string }>;
  proposals: Array<{ text: string; fact: string; source: string }>;
}

const raw = fs.readFileSync(SNIPPETS_PATH, 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const facts = JSON.parse(fs.readFileSync(FACTS_PATH, 'utf8')) as Facts;
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const byPrefix = (p: string): Snippet => {
  const s = Object.values(snippets).find((x) => prefixesOf(x).includes(p));
  assert.ok(s, `snippet ${p}`);
  return s;
};

const PREAMBLE: Record<string, string> = {
  WTSA: 'The World Telecommunication Standardization Assembly',
  PP: 'The Plenipotentiary Conference of the International Telecommunication Union',
  WTDC: 'The World Telecommunication Development Conference',
};
const PREAMBULAR_CALLS = ['considering', 'recognizing', 'noting', 'recalling', 'bearing in mind', 'taking into account',
  'emphasizing', 'observing', 'acknowledging', 'aware', 'convinced', 'concerned', 'having regard to'];

/**
 * Checks the shape SPEC §1 asks for on an expanded resolution: meeting of the number line repeated
 * at the end of the history line and in the preamble; calls on their own lines; clauses lettered a), b) …
 * under preambular calls and numbered 1, 2 … under operative ones (no label for a lone clause);
 * `;` after every clause but the last of a section (`,`) and the last of the resolution (`.`).
 * Returns the problems found.
 */
function shapeProblems(text: string, body: keyof typeof PREAMBLE): string[] {
  const problems: string[] = [];
  const lines = text.split('\n').filter((l) => !/^(ADD|MOD)\t/.test(l) && !/^Reasons:/.test(l));
  const num = /^(?:RESOLUTION (\d+) \((?:Rev\. )?([^()]+)\)|Draft new Resolution \[[A-Z]+-[0-9A-Z]+\])$/.exec(lines[0]);
  if (!num) return [`number line: ${lines[0]}`];
  const history = /^\((.+)\)$/.exec(lines[2]);
  if (!history) problems.push(`history line: ${lines[2]}`);
  const meeting = num[2] ?? history?.[1].split('; ').pop();
  if (history && !history[1].endsWith(meeting ?? '')) problems.push(`history ${history[1]} does not end with ${meeting}`);
  if (lines[3] !== `${PREAMBLE[body]} (${meeting}),`) problems.push(`preamble: ${lines[3]}`);
  if (!/^[A-Z]/.test(lines[1])) problems.push(`title not in sentence case: ${lines[1]}`);
  // sections
  type Section = { call: string; operative: boolean; clauses: string[] };
  const sections: Section[] = [];
  for (const l of lines.slice(4)) {
    const call = l.replace(/ (further|also)$/, '');
    if (PREAMBULAR_CALLS.includes(call)) sections.push({ call: l, operative: false, clauses: [] });
    else if (/^(resolves|further resolves|decides|approves|instructs|invites|encourages|requests|urges|calls upon)\b/.test(l) && !/[;,.]$/.test(l))
      sections.push({ call: l, operative: true, clauses: [] });
    else if (sections.length) sections[sections.length - 1].clauses.push(l);
    else problems.push(`text before the first call: ${l}`);
  }
  if (!sections.length) problems.push('no sections');
  const firstOperative = sections.findIndex((s) => s.operative);
  if (firstOperative < 0) problems.push('no operative section');
  if (sections.slice(firstOperative).some((s) => !s.operative)) problems.push('a preambular section follows an operative one');
  sections.forEach((s, si) => {
    if (!s.clauses.length) problems.push(`empty section ${s.call}`);
    s.clauses.forEach((c, ci) => {
      const last = ci === s.clauses.length - 1;
      const end = last ? (si === sections.length - 1 ? '.' : ',') : ';';
      if (!c.endsWith(end)) problems.push(`${s.call} clause ${ci + 1} should end with "${end}": ${c}`);
      const label = s.clauses.length === 1 ? '' : s.operative ? `${ci + 1}\t` : `${String.fromCharCode(97 + ci)})\t`;
      if (label && !c.startsWith(label)) problems.push(`${s.call} clause ${ci + 1} should start with ${JSON.stringify(label)}: ${c}`);
      if (!label && /^([a-z]\)|[0-9]+)\t/.test(c)) problems.push(`lone clause of ${s.call} has a label: ${c}`);
      const opening = c.slice(label.length);
      const opener = s.operative ? /^(that|to) / : /^that /;
      if (!opener.test(opening)) problems.push(`${s.call} clause ${ci + 1} opens wrongly: ${c}`);
    });
  });
  return problems;
}

describe('snippets: the expander', () => {
  it('expands tab stops, placeholders, nested placeholders, choices, mirrors and $0', () => {
    assert.equal(expandSnippet('a $1 b'), 'a  b');
    assert.equal(expandSnippet('${1:x} and $1'), 'x and x');
    assert.equal(expandSnippet('$1 then ${1:late default}'), 'late default then late default');
    assert.equal(expandSnippet('${1:outer ${2:inner} end} / $2'), 'outer inner end / inner');
    assert.equal(expandSnippet('${1|first,second|}!'), 'first!');
    assert.equal(expandSnippet('${1|Member States\\, Sector Members,the Council|}'), 'Member States, Sector Members');
    assert.equal(expandSnippet('end$0'), 'end');
    assert.equal(expandSnippet(['line one', '${1:two}']), 'line one\ntwo');
  });

  it('handles escapes and literal dollars', () => {
    assert.equal(expandSnippet('\\$1 costs \\} and \\\\'), '$1 costs } and \\');
    assert.equal(expandSnippet('${1:a \\} inside}'), 'a } inside');
    assert.equal(expandSnippet('USD $ 5'), 'USD $ 5');
  });

  it('resolves variables from the options, else their default, else their name', () => {
    assert.equal(expandSnippet('$TM_FILENAME', { variables: { TM_FILENAME: 'res92.itures' } }), 'res92.itures');
    assert.equal(expandSnippet('${CURRENT_YEAR:2016}'), '2016');
    assert.equal(expandSnippet('${UNKNOWN}'), 'UNKNOWN');
  });

  it('reports the stops with their offsets, values and options', () => {
    const e = expand('RESOLUTION ${1:92} (${2|Hammamet\\, 2016,Geneva\\, 2022|})$0');
    assert.equal(e.text, 'RESOLUTION 92 (Hammamet, 2016)');
    assert.deepEqual(
      e.stops.map((s) => [s.index, s.offset, s.value, s.options]),
      [[1, 11, '92', null], [2, 15, 'Hammamet, 2016', ['Hammamet, 2016', 'Geneva, 2022']], [0, 30, '', null]],
    );
  });

  it('rejects malformed bodies and transforms', () => {
    assert.throws(() => parseSnippet('${1:unclosed'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1/(.*)/$1/}'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${:x}'), SnippetSyntaxError);
  });
});

describe('snippets: itu-resolution.code-snippets', () => {
  it('is strict JSON whose entries each have a prefix, a body and a description', () => {
    assert.doesNotThrow(() => JSON.parse(raw));
    assert.ok(Object.keys(snippets).length >= 30, `${Object.keys(snippets).length} snippets`);
    for (const [name, s] of Object.entries(snippets)) {
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], name);
      assert.ok(prefixesOf(s).length > 0 && prefixesOf(s).every((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name} prefix`);
      assert.ok(typeof s.description === 'string' && s.description.length > 20, `${name} description`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name} body`);
    }
  });

  it('has unique prefixes', () => {
    const all = Object.values(snippets).flatMap(prefixesOf);
    const dupes = all.filter((p, i) => all.indexOf(p) !== i);
    assert.deepEqual(dupes, []);
  });

  it('expands every snippet to non-empty text without leftover syntax, every choice offering alternatives', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const e = expand(s.body);
      assert.ok(e.text.trim().length > 0, name);
      assert.ok(!/\$\{|\$[0-9]/.test(e.text), `${name}: ${e.text}`);
      for (const stop of e.stops) {
        if (stop.options) assert.ok(new Set(stop.options).size >= 2, `${name}: choice ${stop.index}`);
        if (stop.index !== 0) assert.ok(stop.value.trim().length > 0, `${name}: stop ${stop.index} has an empty default`);
      }
      assert.ok(e.stops.some((st) => st.index === 1), `${name} has a first tab stop`);
    }
  });

  it('cites only resolutions, Recommendations and proposals listed with a source in snippet-facts.json', () => {
    const known = new Set([...facts.citations, ...facts.proposals].map((f) => f.text));
    for (const f of [...facts.citations, ...facts.proposals]) assert.match(f.source, /^https:\/\//, f.text);
    const seen = new Set<string>();
    for (const [name, s] of Object.entries(snippets)) {
      // every choice option may end up in the text, so check every variant's first options and all options
      const texts = [expandSnippet(s.body), ...expand(s.body).stops.flatMap((st) => st.options ?? [])];
      for (const t of texts) {
        const cites = [
          ...t.matchAll(/\b(?:RESOLUTION|Resolution|Decision) (?:ITU-R )?\d+ \([^()]+\)/g),
          ...t.matchAll(/\bRecommendation ITU-[TRD] [A-Z]{1,3}\.\d+/g),
          ...t.matchAll(/^(?:ADD|MOD|SUP|NOC)\t\S+/gm),
          ...t.matchAll(/Draft new Resolution \[[^\]]+\]/g),
        ].map((m) => m[0].replace(/^RESOLUTION/, 'Resolution'));
        for (const c of cites) {
          assert.ok(known.has(c), `${name} cites ${c}, which snippet-facts.json does not list`);
          seen.add(c);
        }
      }
    }
    assert.deepEqual([...known].filter((k) => !seen.has(k)), [], 'facts no snippet uses');
  });

  for (const [prefix, body] of [['res-wtsa', 'WTSA'], ['res-pp', 'PP'], ['res-wtdc', 'WTDC']] as const) {
    it(`${prefix} expands to a well-shaped new ${body} resolution`, () => {
      const text = expandSnippet(byPrefix(prefix).body);
      assert.deepEqual(shapeProblems(text, body), []);
      const [numberLine, , historyLine] = text.split('\n');
      const meeting = /\(([^()]+)\)$/.exec(numberLine)![1];
      assert.ok(!meeting.startsWith('Rev.'), 'a new resolution has no Rev.');
      assert.equal(historyLine, `(${meeting})`, 'a new resolution has one meeting in its history line');
    });
  }

  it('prop-add expands to ADD, an identifier, a draft number, the resolution text and Reasons', () => {
    const text = expandSnippet(byPrefix('prop-add').body);
    const lines = text.split('\n');
    assert.match(lines[0], /^ADD\t[A-Z]+\/[0-9A-Z]+\/[0-9]+$/);
    assert.match(lines[1], /^Draft new Resolution \[[A-Z]+-[0-9A-Z]+\]$/);
    assert.match(lines[lines.length - 1], /^Reasons:\t\S/);
    assert.deepEqual(shapeProblems(text, 'WTDC'), []);
  });

  it('prop-mod expands to MOD, an identifier, a revised number line whose meeting ends the history line, and Reasons', () => {
    const text = expandSnippet(byPrefix('prop-mod').body);
    const lines = text.split('\n');
    assert.match(lines[0], /^MOD\t[A-Z]+\/[0-9A-Z]+\/[0-9]+$/);
    assert.match(lines[1], /^RESOLUTION \d+ \(Rev\. [^()]+\)$/);
    assert.match(lines[3], /^\(.+; .+\)$/);
    assert.match(lines[lines.length - 1], /^Reasons:\t\S/);
    assert.deepEqual(shapeProblems(text, 'WTDC'), []);
  });

  it('the body choice of the proposals offers the three preambles of SPEC §1', () => {
    for (const p of ['prop-add', 'prop-mod']) {
      const choice = expand(byPrefix(p).body).stops.find((s) => s.options && s.options[0].startsWith('The '));
      assert.deepEqual([...choice!.options!].sort(), Object.values(PREAMBLE).sort(), p);
    }
  });

  it('has a snippet for every preambular call, offering the call alone, with further and with also', () => {
    for (const call of PREAMBULAR_CALLS) {
      const s = byPrefix(`call-${call.replace(/ /g, '-')}`);
      const e = expand(s.body);
      assert.deepEqual(e.stops[0].options, [call, `${call} further`, `${call} also`]);
      // a lone clause: no label, and the comma that ends a section (SPEC §1)
      assert.match(e.text.split('\n')[1], /^that .+,$/);
    }
  });

  it('has a snippet for every operative call; those that take an addressee offer a choice of real ones', () => {
    const addressed: Record<string, string> = {
      instructs: 'the Director of the Telecommunication Standardization Bureau',
      invites: 'Member States',
      encourages: 'Member States',
      requests: 'the Secretary-General',
      urges: 'Member States',
      'calls upon': 'Member States',
      'resolves to instruct': 'the Director of the Telecommunication Standardization Bureau',
      'resolves to invite': 'Member States',
      'resolves to request': 'the Secretary-General',
    };
    for (const [call, addressee] of Object.entries(addressed)) {
      const e = expand(byPrefix(`call-${call.replace(/ /g, '-')}`).body);
      const choice = e.stops.find((s) => s.index === 1)!;
      assert.ok(choice.options && choice.options.includes(addressee), `${call} offers ${addressee}`);
      assert.ok(e.text.startsWith(`${call} ${choice.options![0]}\nto `), `${call}: ${e.text}`);
      assert.ok(!/^resolves to (instructs|invites|requests)/.test(e.text), 'malformed resolves to …s');
    }
    byPrefix('call-instructs').body; // the Director, TSAG and a study group are among the instructs addressees
    const instructs = expand(byPrefix('call-instructs').body).stops[0].options!;
    assert.ok(instructs.includes('the Telecommunication Standardization Advisory Group'));
    assert.ok(instructs.includes('Study Group 13'));
    for (const call of ['resolves', 'further resolves', 'decides', 'approves']) {
      const text = expandSnippet(byPrefix(`call-${call.replace(/ /g, '-')}`).body);
      assert.match(text, new RegExp(`^${call}\\n(?:that|to) .*,$`));
    }
  });

  it('has citation snippets for new and revised resolutions and for Recommendations', () => {
    assert.equal(expandSnippet(byPrefix('cite-res').body), 'Resolution 92 (Hammamet, 2016)');
    assert.match(expandSnippet(byPrefix('cite-res-rev').body), /^Resolution 43 \(Rev\. Dubai, 2014\) of the World Telecommunication Development Conference$/);
    assert.equal(expandSnippet(byPrefix('cite-rec').body), 'Recommendation ITU-T A.7');
    assert.match(expandSnippet(byPrefix('cite-res-itur').body), /^Resolution ITU-R 56 \(Rev\. Geneva, 2015\) of the Radiocommunication Assembly$/);
    assert.match(expandSnippet(byPrefix('cite-res-wrc').body), /^Resolution 238 \(WRC-15\)/);
  });

  describe('what the grammar sees in the expansions', () => {
    it('colours number line, title, history line, preamble, calls and labels of every resolution snippet', async () => {
      const grammar = await loadGrammar();
      for (const p of ['res-wtsa', 'res-pp', 'res-wtdc', 'prop-add', 'prop-mod']) {
        const lines = tokenizeText(grammar, expandSnippet(byPrefix(p).body));
        const find = (scope: string) => lines.filter((l) => hasScope(l, scope)).length;
        assert.equal(find('markup.heading.number-line'), 1, `${p} number line`);
        assert.equal(find('entity.name.section.title'), 1, `${p} title`);
        assert.equal(find('meta.history-line'), 1, `${p} history`);
        assert.equal(find('meta.preamble'), 1, `${p} preamble`);
        assert.equal(find('keyword.other.call.preambular'), 1, `${p} preambular call`);
        assert.equal(find('keyword.control.call.operative'), 1, `${p} operative call`);
        assert.ok(find('constant.numeric.clause-label.lettered') === 2, `${p} lettered labels`);
        if (p.startsWith('prop')) assert.equal(find('keyword.other.reasons'), 1, `${p} Reasons`);
      }
    });

    it('finds the addressee of every operative call snippet and underlines every citation snippet', async () => {
      const grammar = await loadGrammar();
      for (const s of Object.values(snippets)) {
        const prefix = prefixesOf(s)[0];
        // a citation stands inside a clause; alone on a line it would be a number line
        const text = bodyText(expandSnippet(s.body));
        const lines = tokenizeText(grammar, prefix.startsWith('cite-') ? `a)\t${text};` : text);
        if (/^call-(instructs|invites|encourages|requests|urges|calls-upon|resolves-to-)/.test(prefix)) {
          const first = expand(s.body).stops[0].value;
          assert.equal(scopeText(lines[0], 'variable.other.addressee'), first, prefix);
        }
        if (prefix.startsWith('cite-')) {
          assert.ok(lines[0].tokens.some((t) => t.scopes.some((x) => x.startsWith('markup.underline.link.citation'))), prefix);
        }
      }
    });
  });
});
