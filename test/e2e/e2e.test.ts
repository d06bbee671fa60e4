// End-to-end tests: the packaged extension (.vsix) installed into a real VS Code
// (code-server 4.100.3 = VS Code 1.100.3) and driven through Chromium, as a user
// would use it. See test/e2e/README.md.
//
// The first run installs code-server and, when missing, Debian's chromium,
// ripgrep and libkrb5-dev (scripts/e2e/setup-code-server.sh); later runs reuse
// the cache in node_modules/.cache/. Screenshots of every step are written to
// test/e2e/artifacts/ (ignored by git).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { ensureCodeServer, ensureVsix, expandSnippet, ROOT, VsCodeSession, type ProblemRow } from './harness';

const WORKSPACE = path.join(__dirname, 'workspace');
const DRAFT = 'draft-resolution.itures';

interface PackageJson {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    snippets?: { language: string; path: string }[];
  };
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** 1-based number of the first line of `file` (in the workspace template) that contains `text`. */
function lineOf(file: string, text: string): number {
  const i = fs.readFileSync(path.join(WORKSPACE, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`fixture ${file} has no line containing "${text}"`);
  return i + 1;
}

const squash = (s: string) => s.replace(/\u00a0/g, ' ').split(/\r?\n/).map((l) => l.replace(/[ \t]+/g, ' ').trimEnd()).join('\n').trim();

describe('e2e: the packaged extension in VS Code (code-server + Chromium)', function () {
  this.timeout(5 * 60_000);
  let vs: VsCodeSession | undefined;
  let packDir: string | undefined;
  const session = (): VsCodeSession => {
    if (!vs) throw new Error('VS Code session did not start (see the before-all hook failure)');
    return vs;
  };

  before(async function () {
    this.timeout(20 * 60_000); // first run: apt-get + code-server install
    const codeServerDir = ensureCodeServer();
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itu-e2e-vsix-'));
    const vsix = ensureVsix(packDir);
    vs = await VsCodeSession.start({ codeServerDir, vsix, workspaceTemplate: WORKSPACE, removeOnStop: [packDir] });
  });

  after(async function () {
    this.timeout(60_000);
    await vs?.stop();
    if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    // Close whatever a previous step left open (suggest widget, hover, quick input).
    if (vs) for (let i = 0; i < 3; i++) await vs.press('Escape');
  });

  afterEach(async function () {
    if (vs) await vs.shot(this.currentTest?.title ?? 'step').catch(() => undefined);
  });

  it('detects the language of a .itures file (status bar shows "ITU Resolution")', async () => {
    const v = session();
    await v.openFile(DRAFT);
    await v.waitFor('the status bar language mode to read "ITU Resolution"',
      async () => (await v.languageMode()) === 'ITU Resolution',
      { describe: async () => `language mode: "${await v.languageMode()}"` });
  });

  it('colours calls and clause labels differently from body text', async () => {
    const v = session();
    await v.openFile(DRAFT);
    // Give the grammar time to tokenize: colours settle once tokens arrive.
    const colours = await v.waitFor('calls and labels to be coloured differently from body text', async () => {
      const body = await v.colorOf('that contributions to study groups', 'contributions');
      const call = await v.colorOf('considering', 'considering');
      const label = await v.colorOf('that contributions to study groups', 'b)');
      const operative = await v.colorOf('that ITU-T study groups accept', '1');
      return call !== body && label !== body && operative !== body ? { body, call, label, operative } : undefined;
    }, {
      timeout: 30_000,
      describe: async () => JSON.stringify({
        body: await v.colorOf('that contributions to study groups', 'contributions'),
        call: await v.colorOf('considering', 'considering'),
        label: await v.colorOf('that contributions to study groups', 'b)'),
        operative: await v.colorOf('that ITU-T study groups accept', '1'),
      }),
    });
    assert.notEqual(colours.call, colours.body);
    assert.notEqual(colours.label, colours.body);
  });

  it('lists the fixture\'s defects in the Problems panel, each on its line, and none on clean lines', async () => {
    const v = session();
    await v.openFile(DRAFT);
    const expected: { what: string; line: number; message: RegExp }[] = [
      { what: 'US spelling "program"', line: lineOf(DRAFT, 'work program'), message: /program/i },
      { what: 'lettering skips d)', line: lineOf(DRAFT, 'open formats can be read'), message: /\b(label|letter|lettering|sequence|order|expected|d\))/i },
      { what: 'citation without place and year', line: lineOf(DRAFT, 'Resolution 18 of this assembly'), message: /place|year|date|meeting|revision|Rev\.|incomplete/i },
      { what: '"SG13" for Study Group 13', line: lineOf(DRAFT, 'SG13'), message: /SG13|Study Group 13/ },
      { what: 'space before a comma', line: lineOf(DRAFT, 'encourage ,'), message: /space|comma/i },
      { what: 'wrong name of ITU-T', line: lineOf(DRAFT, 'International Telecommunication Standardization Sector'), message: /International Telecommunication Standardization Sector|ITU Telecommunication Standardization Sector/ },
      { what: 'double space', line: lineOf(DRAFT, 'the  templates'), message: /space/i },
      { what: 'malformed call "resolves to instructs"', line: lineOf(DRAFT, 'resolves to instructs'), message: /instructs|call|malformed/i },
    ];
    const clean = ['that Resolution 1 (Rev. Hammamet, 2016)', 'that contributions to study groups', 'that ITU-T study groups accept']
      .map((t) => lineOf(DRAFT, t));
    const mine = (rows: ProblemRow[]) => rows.filter((r) => r.file === DRAFT && r.line !== undefined);
    const missing = (rows: ProblemRow[]) => expected.filter((e) => !mine(rows).some((r) => r.line === e.line && e.message.test(r.message ?? '')));
    let seen: ProblemRow[] = [];
    const rows = await v.waitForProblems('the Problems panel to list every defect of the fixture',
      (rs) => { seen = rs; return missing(rs).length === 0; })
      .catch((err: Error) => {
        err.message += `\nNot found:\n  ${missing(seen).map((e) => `line ${e.line}: ${e.what} (${e.message})`).join('\n  ')}`;
        throw err;
      });
    const falseAlarms = mine(rows).filter((r) => clean.includes(r.line!));
    assert.deepEqual(falseAlarms.map((r) => r.label), [], 'problems reported on lines that have no defect');
  });

  it('shows the cited resolution\'s title when hovering over a citation', async () => {
    const v = session();
    await v.openFile(DRAFT);
    const text = await v.hover('Resolution 1 (Rev. Hammamet, 2016)', /rules of procedure/i);
    assert.match(text, /Telecommunication Standardization Sector|ITU-T/);
  });

  it('goes from a citation into a Word reference document, shown as its text', async () => {
    const v = session();
    // the project file names refs/ as the reference folder; ITU's own Word file of Res 1
    // arrives while VS Code runs, and the server picks it up
    fs.mkdirSync(path.join(v.workspace, 'refs'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, '..', 'shared', 'corpus', 'res1-hammamet-2016.docx'), path.join(v.workspace, 'refs', 'T-RES-T.1-2016.docx'));
    await v.openFile(DRAFT);
    const tab = v.page.locator('.tab.active');
    // F12 answers "no definition" until the file is indexed: try again until the view opens
    await v.waitFor('the view of T-RES-T.1-2016.docx to open on F12', async () => {
      if ((await tab.first().getAttribute('aria-label'))?.startsWith('T-RES-T.1-2016.docx')) return true;
      await v.press('Escape');
      await v.clickText('Resolution 1 (Rev. Hammamet', 'Resolution '.length);
      await v.press('F12');
      await new Promise((r) => setTimeout(r, 500));
      return (await tab.first().getAttribute('aria-label'))?.startsWith('T-RES-T.1-2016.docx') ?? false;
    }, { timeout: 60_000, describe: async () => `active tab: ${await tab.first().getAttribute('aria-label')}` });
    await v.waitFor('the resolution\'s number line in view', async () =>
      (await v.visibleLines()).some((l) => squash(l) === 'RESOLUTION 1 (Rev. Hammamet, 2016)'),
    { describe: async () => JSON.stringify(await v.visibleLines()) });
    await v.waitFor('the view to be shown as an ITU resolution', async () => (await v.languageMode()) === 'ITU Resolution',
      { describe: async () => `language mode: ${await v.languageMode()}` });
  });

  it('applies a quick fix that removes the space before a comma', async () => {
    const v = session();
    await v.openFile(DRAFT);
    const before = v.readFile(DRAFT);
    await v.clickText('encourage ,', 'encourage'.length);
    await v.quickFix(/^(?!Disable ).*(space|comma|remov|delet)/i);
    const after = await v.saveAndRead(DRAFT, before);
    const line = after.split('\n')[lineOf(DRAFT, 'encourage ,') - 1];
    assert.match(line, /to encourage, in cooperation/);
    // Nothing else changed.
    assert.equal(after.replace('encourage, in', 'encourage , in'), before);
  });

  it('completes a citation with its place and year', async () => {
    const v = session();
    const file = 'completion.itures';
    await v.openFile(file);
    const before = v.readFile(file);
    const line = lineOf(file, 'b)\t');
    await v.gotoLine(line);
    await v.press('End');
    await v.type('Resolution 9');
    await v.complete(/\b92\b/, 'a completion item for Resolution 92 (is citation completion implemented?)');
    const after = await v.saveAndRead(file, before);
    assert.match(after.split('\n')[line - 1], /^b\)\tResolution\s92\s\(Hammamet,\s2016\)/);
  });

  it('expands a snippet', async () => {
    const v = session();
    const contributed = pkg.contributes?.snippets?.find((s) => s.language === 'itu-resolution');
    assert.ok(contributed, 'package.json contributes no snippets for itu-resolution');
    const snippets = parseJsonc(fs.readFileSync(path.join(ROOT, contributed.path), 'utf8')) as
      Record<string, { prefix: string | string[]; body: string | string[] }>;
    // The first snippet of several lines that uses no variables ($TM_FILENAME…), so its text is known.
    const chosen = Object.entries(snippets).map(([name, s]) => ({
      name,
      prefix: Array.isArray(s.prefix) ? s.prefix[0] : s.prefix,
      body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
    })).find((s) => s.body.includes('\n') && !/\$\{?[A-Z_]{2,}/.test(s.body));
    assert.ok(chosen, `${contributed.path} has no multi-line snippet without variables`);
    const file = 'snippet.itures';
    await v.openFile(file);
    await v.type(chosen.prefix);
    const esc = chosen.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Suggest rows are labelled "<prefix>, <description>, Snippet", followed by ", docs: …"
    // when VS Code shows the focused item's details.
    await v.complete(new RegExp(`^${esc}(?![\\w-]).*, Snippet(?:,|$)`), `the snippet "${chosen.name}" (prefix "${chosen.prefix}") in the suggestions`);
    const after = await v.saveAndRead(file, '');
    assert.equal(squash(after), squash(expandSnippet(chosen.body)));
  });

  it('lists the findings of a file never opened after "Check All Resolution Files in the Workspace"', async () => {
    const v = session();
    const cmd = pkg.contributes?.commands?.find((c) => c.command === 'itu-resolution.lintWorkspace');
    assert.ok(cmd, 'package.json contributes no command "itu-resolution.lintWorkspace"');
    // a file written while VS Code runs, and never opened: only the command checks it
    const name = 'unopened.itures';
    fs.mkdirSync(path.join(v.workspace, 'drafts'), { recursive: true });
    fs.writeFileSync(
      path.join(v.workspace, 'drafts', name),
      fs.readFileSync(path.join(WORKSPACE, DRAFT), 'utf8').replace('encourage ,', 'encourage,').replace('Resolution 18 of this assembly', 'Resolution 18 (Rev. Hammamet 2016) of this assembly'),
    );
    await v.runCommand(cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title);
    const rows = await v.waitForProblems(`the Problems panel to list findings in ${name}`, (rs) => rs.some((r) => r.file === name && r.line !== undefined && /comma separates the place and the year/.test(r.message ?? '')));
    assert.ok(rows.some((r) => r.file === name && /program/i.test(r.message ?? '')), 'the US spelling of the copied draft is listed too');
  });

  it('renumbers a shuffled section with the itu-resolution.renumber command', async () => {
    const v = session();
    const cmd = pkg.contributes?.commands?.find((c) => c.command === 'itu-resolution.renumber');
    assert.ok(cmd, 'package.json contributes no command "itu-resolution.renumber"');
    const file = 'renumber.itures';
    await v.openFile(file);
    const before = v.readFile(file);
    await v.clickText('that interoperability events', 5);
    await v.runCommand(cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title);
    const after = await v.saveAndRead(file, before);
    const lines = after.split('\n');
    const at = (t: string) => lines.find((l) => l.includes(t)) ?? `(no line with "${t}")`;
    // Labels follow the clauses' order; the clauses themselves do not move.
    assert.match(at('conformance testing helps'), /^a\)\t/);
    assert.match(at('interoperability events'), /^b\)\t/);
    assert.match(at('several regions'), /^c\)\t/);
    assert.ok(after.indexOf('conformance testing helps') < after.indexOf('interoperability events')
      && after.indexOf('interoperability events') < after.indexOf('several regions'), 'clauses were reordered');
  });
});
