/**
 * Keeps the rule documentation honest: every registered rule has a page
 * docs/rules/<id>.md whose "Wrong" example really triggers the rule and whose "Right"
 * example is clean, and the index docs/rules/README.md lists every rule with its real
 * default severity, fixable flag, tags and description.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { fixText, lintText } from '../../server/src/engine';
import { dataWithReferences } from '../helpers/fixtures';
import { parseConfig } from '../../server/src/engine/config';
import { RULES } from '../../server/src/rules';
import type { Finding, Rule } from '../../server/src/rules/types';
import type { ReferenceData } from '../../server/src/data/reference';
import { DATA as CITATION_TEST_DATA } from '../citations/testData';
const join = path.join;

const root = path.join(__dirname, '..', '..');
const docsDir = path.join(root, 'docs', 'rules');
const rulesDir = path.join(root, 'server', 'src', 'rules');
const schemaFile = path.join(root, 'schemas', 'reslintrc.schema.json');

interface Heading {
  level: number;
  text: string;
  line: number;
}

interface Block {
  info: string;
  body: string;
  line: number;
}

interface Page {
  lines: string[];
  headings: Heading[];
  blocks: Block[];
}

/** Headings and fenced blocks of a Markdown page (headings inside fences are not headings). */
function readPage(text: string): Page {
  const lines = text.split(/\r?\n/);
  const headings: Heading[] = [];
  const blocks: Block[] = [];
  let fence: { marker: string; info: string; start: number; body: string[] } | null = null;
  lines.forEach((line, i) => {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        blocks.push({ info: fence.info, body: fence.body.join('\n'), line: fence.start });
        fence = null;
      } else fence.body.push(line);
      return;
    }
    const f = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (f) {
      fence = { marker: f[1], info: f[2], start: i, body: [] };
      return;
    }
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) headings.push({ level: h[1].length, text: h[2], line: i });
  });
  return { lines, headings, blocks };
}

/** The lines of the section opened by the level-2 heading `title`, or null. */
function section(page: Page, title: string): { from: number; to: number } | null {
  const i = page.headings.findIndex((h) => h.level === 2 && h.text.toLowerCase() === title.toLowerCase());
  if (i < 0) return null;
  const next = page.headings.slice(i + 1).find((h) => h.level <= 2);
  return { from: page.headings[i].line, to: next ? next.line : page.lines.length };
}

function sectionText(page: Page, title: string): string | null {
  const s = section(page, title);
  return s ? page.lines.slice(s.from + 1, s.to).join('\n') : null;
}

/** The first ```itures block of a section. */
function example(page: Page, title: string): string | null {
  const s = section(page, title);
  if (!s) return null;
  const b = page.blocks.find((x) => x.line > s.from && x.line < s.to && x.info === 'itures');
  return b ? b.body : null;
}

function show(findings: Finding[]): string {
  return findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule}: ${f.message}`).join('\n');
}

/** The part of a rule's source that defines it (the whole file when it defines one rule). */
function ruleSource(id: string): string | null {
  for (const file of readdirSync(rulesDir)) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(path.join(rulesDir, file), 'utf8');
    const at = text.search(new RegExp(`\\bid:\\s*['"]${id}['"]`));
    if (at < 0) continue;
    const ids = text.match(/\bid:\s*['"][a-z0-9-]+['"]/g) ?? [];
    if (ids.length <= 1) return text;
    const from = text.lastIndexOf('export const', at);
    const next = text.indexOf('export const', at);
    return text.slice(from < 0 ? 0 : from, next < 0 ? undefined : next);
  }
  return null;
}

/** Option names a rule reads: `ctx.options?.allow`, `options!.noExpansion`. */
function optionNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/\boptions\s*[?!]?\.\s*([A-Za-z_]\w*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/\boptions\s*\?\.\s*\[\s*['"](\w+)['"]\s*\]/g)) names.add(m[1]);
  return [...names];
}

interface IndexRow {
  cells: string[];
  id: string;
  link: string | null;
}

/** The rows of the index table in docs/rules/README.md. */
function readIndex(): { header: string[]; rows: IndexRow[] } {
  const text = readFileSync(path.join(docsDir, 'README.md'), 'utf8');
  const tableLines = text.split(/\r?\n/).filter((l) => /^\s*\|/.test(l));
  const split = (l: string) =>
    l
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
  assert.ok(tableLines.length >= 2, 'docs/rules/README.md has no table');
  const header = split(tableLines[0]).map((c) => c.toLowerCase());
  const rows = tableLines
    .slice(1)
    .filter((l) => !/^\s*\|[\s|:-]+\|\s*$/.test(l))
    .map((l) => {
      const cells = split(l);
      const link = /^\[`?([a-z0-9-]+)`?\]\(([^)]+)\)$/.exec(cells[0]);
      const id = link ? link[1] : cells[0].replace(/`/g, '');
      return { cells, id, link: link ? link[2] : null };
    });
  return { header, rows };
}

/**
 * A page may run its examples on test data instead of the built-in data, when the built-in
 * data has no sourced entry that shows the rule (it says so in a line `Example data: FILE`,
 * FILE exporting DATA), or on the built-in data extended by reference documents (a line
 * `Reference documents: corpus/NAME`, as in the rule fixtures' `#! references:`).
 */
const TEST_DATA: Record<string, ReferenceData> = { 'test/citations/testData.ts': CITATION_TEST_DATA };
function dataFor(rule: Rule): ReferenceData | undefined {
  const file = join(docsDir, `${rule.id}.md`);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  // `Reference documents: corpus/NAME …`: the built-in data extended by those documents, as the setting does
  const refs = /^Reference documents: (.+)$/m.exec(text);
  if (refs) return dataWithReferences(refs[1].split(/\s+/).map((f) => f.replace(/^`|`$/g, '')).filter(Boolean), docsDir);
  const m = /^Example data: (\S+)$/m.exec(text);
  if (!m) return undefined;
  const d = TEST_DATA[m[1]];
  assert.ok(d, `docs/rules/${rule.id}.md names example data ${m[1]}, which the docs test does not know`);
  return d;
}

const pages = new Map<string, Page | null>();
function page(rule: Rule): Page | null {
  if (!pages.has(rule.id)) {
    const file = path.join(docsDir, `${rule.id}.md`);
    pages.set(rule.id, existsSync(file) ? readPage(readFileSync(file, 'utf8')) : null);
  }
  return pages.get(rule.id)!;
}

/** Tests after the first one of a rule skip when its page is missing: the first one fails for it. */
function pageOrSkip(ctx: Mocha.Context, rule: Rule): Page {
  const p = page(rule);
  if (!p) ctx.skip();
  return p!;
}

function needPage(rule: Rule): Page {
  const p = page(rule);
  assert.ok(p, `docs/rules/${rule.id}.md does not exist`);
  return p;
}

function needExample(rule: Rule, title: 'Wrong' | 'Right'): string {
  const p = needPage(rule);
  const ex = example(p, title);
  assert.ok(ex !== null, `docs/rules/${rule.id}.md has no "## ${title}" section with an \`\`\`itures block`);
  return ex;
}

describe('rule documentation (docs/rules)', () => {
  it('registers rules with unique ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it(`has a page docs/rules/${rule.id}.md whose first heading is the id`, () => {
        const p = needPage(rule);
        assert.ok(p.headings.length > 0, 'the page has no heading');
        const first = p.headings[0];
        assert.equal(first.level, 1, `the first heading is "${'#'.repeat(first.level)} ${first.text}", not a level-1 heading`);
        assert.equal(first.text.replace(/`/g, ''), rule.id);
      });

      it('has "## Wrong" and "## Right" sections, each with an ```itures block', function () {
        pageOrSkip(this, rule);
        needExample(rule, 'Wrong');
        needExample(rule, 'Right');
      });

      it(`reports ${rule.id} on the Wrong example`, function () {
        pageOrSkip(this, rule);
        const findings = lintText(needExample(rule, 'Wrong'), { data: dataFor(rule) }).findings;
        assert.ok(
          findings.some((f) => f.rule === rule.id),
          `the Wrong example of docs/rules/${rule.id}.md does not trigger ${rule.id}; it reports:\n${show(findings) || '  nothing'}`,
        );
      });

      it('reports nothing at warning or error severity on the Right example', function () {
        pageOrSkip(this, rule);
        const findings = lintText(needExample(rule, 'Right'), { data: dataFor(rule) }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.equal(findings.length, 0, `the Right example of docs/rules/${rule.id}.md is not clean:\n${show(findings)}`);
      });

      it('states its default severity and fixable flag correctly when the page has a "Default severity:" line', function () {
        const p = pageOrSkip(this, rule);
        const meta = p.lines.slice(0, p.headings[1]?.line ?? p.lines.length).find((l) => /default severity\s*:/i.test(l));
        if (!meta) return; // the index below is the checked source for pages without this line
        const sev = /default severity\s*:\s*[`*_]*([a-z]+)/i.exec(meta);
        assert.equal(sev?.[1].toLowerCase(), rule.defaultSeverity, `"${meta}"`);
        const fix = /fixable\s*:\s*[`*_]*(yes|no)\b/i.exec(meta);
        assert.ok(fix, `"${meta}" does not say "Fixable: yes" or "Fixable: no"`);
        assert.equal(fix[1].toLowerCase(), rule.fixable ? 'yes' : 'no', `"${meta}"`);
      });

      it('documents every option the rule reads under "## Options"', function () {
        pageOrSkip(this, rule);
        const src = ruleSource(rule.id);
        assert.ok(src, `no source file in server/src/rules defines id '${rule.id}'`);
        const names = optionNames(src);
        if (names.length === 0) return;
        const options = sectionText(needPage(rule), 'Options');
        assert.ok(options !== null, `${rule.id} reads options (${names.join(', ')}) but its page has no "## Options" section`);
        for (const n of names) assert.ok(options.includes(n), `"## Options" of docs/rules/${rule.id}.md does not mention "${n}"`);
      });

      it('keeps the promises of its "## Fix" and "## Silencing" sections', function () {
        const p = pageOrSkip(this, rule);
        const fix = sectionText(p, 'Fix');
        if (fix !== null && /turns the Wrong example into the Right (?:one|example)/i.test(fix.replace(/\s+/g, ' '))) {
          assert.ok(rule.fixable, `${rule.id} is not fixable, but its "## Fix" says a fix turns Wrong into Right`);
          assert.equal(fixText(needExample(rule, 'Wrong'), { data: dataFor(rule) }).text, needExample(rule, 'Right'), 'fixing the Wrong example does not give the Right one');
        }
        const silencing = sectionText(p, 'Silencing');
        if (silencing === null) return;
        assert.ok(silencing.includes(`<!-- reslint-disable-line ${rule.id} -->`), `"## Silencing" does not show <!-- reslint-disable-line ${rule.id} -->`);
        // the directive, put on every line of the Wrong example where the rule reports, silences it
        const wrong = needExample(rule, 'Wrong');
        const lines = wrong.split('\n');
        const hit = new Set(lintText(wrong, { data: dataFor(rule) }).findings.filter((f) => f.rule === rule.id).map((f) => f.range.start.line));
        const silenced = lines.map((l, i) => (hit.has(i) ? `${l} <!-- reslint-disable-line ${rule.id} -->` : l)).join('\n');
        const left = lintText(silenced, { data: dataFor(rule) }).findings.filter((f) => f.rule === rule.id);
        assert.equal(left.length, 0, `still reported after adding the directive:\n${show(left)}`);
      });
    });
  }

  describe('configuration', () => {
    it('every rule is a property of "rules" in schemas/reslintrc.schema.json', () => {
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
      const props = Object.keys(schema?.properties?.rules?.properties ?? {});
      assert.deepEqual(RULES.map((r) => r.id).filter((id) => !props.includes(id)), []);
    });

    it('every .reslintrc example (```json with "rules") in docs/rules is read without problems and matches the schema', () => {
      const known = new Set(RULES.map((r) => r.id));
      const ajv = new Ajv({ strict: false, allErrors: true });
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
      const problems: string[] = [];
      let seen = 0;
      for (const file of readdirSync(docsDir).filter((f) => f.endsWith('.md'))) {
        for (const b of readPage(readFileSync(path.join(docsDir, file), 'utf8')).blocks) {
          if (b.info !== 'json' || !/"rules"/.test(b.body)) continue;
          seen++;
          const where = `${file}:${b.line + 1}`;
          for (const p of parseConfig(b.body, known).problems) problems.push(`${where}: ${p.message}`);
          try {
            if (!validate(JSON.parse(b.body))) problems.push(`${where}: ${ajv.errorsText(validate.errors)}`);
          } catch (e) {
            problems.push(`${where}: ${(e as Error).message}`);
          }
        }
      }
      assert.ok(seen > 0, 'no configuration example found in docs/rules');
      assert.deepEqual(problems, []);
    });
  });

  describe('the index docs/rules/README.md', () => {
    it('has the columns rule, description, default severity, fixable, tags', () => {
      const { header } = readIndex();
      for (const col of ['description', 'default severity', 'fixable', 'tags']) assert.ok(header.includes(col), `no "${col}" column in ${header.join(' | ')}`);
    });

    it('lists every registered rule, with a link to its page, its description, default severity, fixable flag and tags', () => {
      const { header, rows } = readIndex();
      const col = (name: string) => header.indexOf(name);
      const problems: string[] = [];
      for (const rule of RULES) {
        const row = rows.find((r) => r.id === rule.id);
        if (!row) {
          problems.push(`${rule.id}: missing`);
          continue;
        }
        if (row.link !== `${rule.id}.md`) problems.push(`${rule.id}: the id should link to ${rule.id}.md (it links to ${row.link ?? 'nothing'})`);
        const cell = (name: string) => row.cells[col(name)] ?? '';
        if (cell('description') !== rule.description) problems.push(`${rule.id}: description "${cell('description')}" is not the rule's "${rule.description}"`);
        if (cell('default severity').replace(/[`*]/g, '') !== rule.defaultSeverity) problems.push(`${rule.id}: default severity "${cell('default severity')}", the rule says ${rule.defaultSeverity}`);
        if (cell('fixable').toLowerCase() !== (rule.fixable ? 'yes' : 'no')) problems.push(`${rule.id}: fixable "${cell('fixable')}", the rule says ${rule.fixable ? 'yes' : 'no'}`);
        const tags = cell('tags')
          .split(/,\s*/)
          .map((t) => t.replace(/`/g, '').trim())
          .filter(Boolean);
        if (tags.join(',') !== rule.tags.join(',')) problems.push(`${rule.id}: tags "${tags.join(', ')}", the rule says ${rule.tags.join(', ')}`);
      }
      assert.deepEqual(problems, []);
    });

    it('lists no rule that is not registered, and none twice', () => {
      const { rows } = readIndex();
      const known = new Set(RULES.map((r) => r.id));
      assert.deepEqual(rows.filter((r) => !known.has(r.id)).map((r) => r.id), []);
      const ids = rows.map((r) => r.id);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    });

    it('has no page in docs/rules for a rule that is not registered', () => {
      const known = new Set(RULES.map((r) => r.id));
      const orphans = readdirSync(docsDir)
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .map((f) => f.slice(0, -3))
        .filter((id) => !known.has(id));
      assert.deepEqual(orphans, []);
    });
  });
});
