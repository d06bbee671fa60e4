// A small harness for end-to-end tests in a real VS Code: code-server (the VS
// Code workbench and extension host, served to a browser) driven by Debian's
// Chromium through playwright-core. The packaged .vsix is installed into a
// fresh extensions folder exactly as a user would install it.
//
// Every wait polls the page for the state it needs, with a generous timeout;
// when a wait fails it saves a screenshot and throws an error that says what
// was expected and what was there instead.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test', 'e2e', 'artifacts');
export const CODE_SERVER_VERSION = '4.100.3';
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Default time allowed for a state to appear in the workbench. */
export const WAIT_MS = Number(process.env.E2E_WAIT_MS ?? 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => process.stderr.write(`      [e2e] ${msg}\n`);

/**
 * Runs scripts/e2e/setup-code-server.sh (installs Debian packages when missing
 * and code-server into node_modules/.cache once) and returns the install folder.
 */
export function ensureCodeServer(): string {
  const script = path.join(ROOT, 'scripts', 'e2e', 'setup-code-server.sh');
  const out = execFileSync('bash', [script], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = out.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(path.join(dir, 'out', 'node', 'entry.js'))) {
    throw new Error(`setup-code-server.sh did not leave a code-server install (got "${dir}")`);
  }
  return dir;
}

/**
 * Returns the .vsix to install. E2E_VSIX names a ready one; otherwise the
 * extension is packaged now from the current build (building first when the
 * bundles are missing) into `outDir` (a folder of this run's own, so that two
 * runs at once do not overwrite each other's package).
 */
export function ensureVsix(outDir: string): string {
  if (process.env.E2E_VSIX) {
    const vsix = path.resolve(process.env.E2E_VSIX);
    if (!fs.existsSync(vsix)) throw new Error(`E2E_VSIX=${vsix} does not exist`);
    return vsix;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main?: string };
  const main = path.join(ROOT, pkg.main ?? 'dist/client.js');
  if (!fs.existsSync(main)) {
    log(`${path.relative(ROOT, main)} is missing: running npm run build`);
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (b.status !== 0) throw new Error(`npm run build failed (exit ${b.status})`);
  }
  const vsix = path.join(outDir, 'itu-resolution.vsix');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'e2e', 'package-vsix.mjs'), '--out', vsix], {
    cwd: ROOT, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging the extension failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const s = path.join(from, e.name), d = path.join(to, e.name);
    if (e.isDirectory()) copyDir(s, d); else fs.copyFileSync(s, d);
  }
}

/** User settings that keep the workbench quiet and predictable. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'editor.minimap.enabled': false,
  // Completion lists then hold only what the extension (and snippets) offer.
  'editor.wordBasedSuggestions': 'off',
  'editor.hover.delay': 200,
  'editor.accessibilitySupport': 'off',
  'files.autoSave': 'off',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.layoutControl.enabled': false,
};

/**
 * The text a snippet body leaves when every placeholder keeps its default
 * (the first choice of a choice placeholder); `$N` mirrors placeholder N.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const mirror = (n: string) => defaults.get(n);
  // Escaped characters (\$, \}, \\) stand aside as private-use characters until the end.
  const ESC: Record<string, string> = { $: '\ue000', '}': '\ue001', '\\': '\ue002' };
  let prev: string;
  let s = body.replace(/\\([$}\\])/g, (_m, c: string) => ESC[c]);
  do {
    prev = s;
    s = s.replace(/\$\{(\d+):([^{}$]*)\}/g, (_m, n: string, d: string) => { if (!defaults.has(n)) defaults.set(n, d); return d; })
      .replace(/\$\{(\d+)\|((?:[^,|\\]|\\.)*)[^|]*\|\}/g, (_m, n: string, d: string) => {
        const first = d.replace(/\\(.)/g, '$1');
        if (!defaults.has(n)) defaults.set(n, first);
        return first;
      })
      .replace(/\$\{(\d+)\}|\$(\d+)/g, (m, a?: string, b?: string) => mirror((a ?? b)!) ?? m);
  } while (s !== prev);
  return s.replace(/\$\{\d+\}|\$\d+/g, '').replace(/[\ue000-\ue002]/g, (c) => Object.keys(ESC).find((k) => ESC[k] === c)!);
}

export interface ProblemRow {
  /** The row's accessible label as VS Code builds it (severity, message, line, column…). */
  label: string;
  /** The row's visible text. */
  text: string;
  /** Name of the file the row belongs to (as the Problems panel shows it). */
  file?: string;
  /** For a problem row (not a file row): parsed from the label. */
  severity?: 'Error' | 'Warning' | 'Info' | 'Problem';
  message?: string;
  line?: number;
  column?: number;
}

/** Parses a Problems row label: "Warning: <message> at line 12 and character 5. generated by <source>". */
export function parseProblemLabel(label: string): Pick<ProblemRow, 'severity' | 'message' | 'line' | 'column'> {
  const m = /^(Error|Warning|Info|Problem): ([\s\S]*) at line (\d+) and character (\d+)\./.exec(label);
  return m ? { severity: m[1] as ProblemRow['severity'], message: m[2], line: Number(m[3]), column: Number(m[4]) } : {};
}

export interface StartOptions {
  codeServerDir: string;
  vsix: string;
  /** Folder copied to a fresh temporary workspace. */
  workspaceTemplate: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Paths to remove when the session stops or the process is interrupted. */
  removeOnStop?: string[];
}

/** One running code-server + Chromium, with helpers to drive the workbench. */
export class VsCodeSession {
  page!: Page;
  workspace!: string;
  private browser?: Browser;
  private server?: ChildProcess;
  private tmp!: string;
  private stepNo = 0;
  private serverLog = '';
  private readonly onExit = () => this.killServerSync();
  // On Ctrl+C or a CI timeout: kill code-server's process group, then exit.
  private readonly onSignal = (sig: NodeJS.Signals) => {
    this.killServerSync();
    this.removeExitHooks();
    this.removeTemp();
    // Other listeners (Playwright's, tsx's) would keep the process alive: exit as the signal would.
    process.exit(128 + (os.constants.signals[sig] ?? 15));
  };
  private static readonly SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

  private removeOnStop: string[] = [];

  private removeTemp(): void {
    for (const p of [this.tmp, ...this.removeOnStop]) if (p) fs.rmSync(p, { recursive: true, force: true });
  }

  private addExitHooks(): void {
    process.on('exit', this.onExit);
    for (const sig of VsCodeSession.SIGNALS) process.once(sig, this.onSignal);
  }

  private removeExitHooks(): void {
    process.off('exit', this.onExit);
    for (const sig of VsCodeSession.SIGNALS) process.off(sig, this.onSignal);
  }

  static async start(opts: StartOptions): Promise<VsCodeSession> {
    const s = new VsCodeSession();
    try {
      await s.init(opts);
    } catch (err) {
      await s.shot('start-failed').catch(() => undefined);
      await s.stop();
      throw err;
    }
    return s;
  }

  private async init(opts: StartOptions): Promise<void> {
    this.removeOnStop = opts.removeOnStop ?? [];
    this.addExitHooks();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of fs.readdirSync(ARTIFACTS)) if (/\.png$/.test(f)) fs.rmSync(path.join(ARTIFACTS, f));
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'itu-e2e-'));
    const userData = path.join(this.tmp, 'user-data');
    const extensions = path.join(this.tmp, 'extensions');
    this.workspace = path.join(this.tmp, 'workspace');
    copyDir(opts.workspaceTemplate, this.workspace);
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
    const entry = path.join(opts.codeServerDir, 'out', 'node', 'entry.js');
    // code-server writes a default config.yaml on first start: keep it in the temp folder.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(this.tmp, 'config'), XDG_DATA_HOME: path.join(this.tmp, 'data') };

    const inst = spawnSync(process.execPath, [entry, '--extensions-dir', extensions, '--user-data-dir', userData,
      '--install-extension', opts.vsix], { env, encoding: 'utf8', timeout: 120_000 });
    fs.writeFileSync(path.join(ARTIFACTS, 'install-extension.log'), `${inst.stdout}\n${inst.stderr}`);
    if (inst.status !== 0 || !/successfully installed/i.test(inst.stdout + inst.stderr)) {
      throw new Error(`installing ${opts.vsix} into code-server failed (exit ${inst.status}):\n${inst.stdout}\n${inst.stderr}`);
    }
    log(`installed ${path.basename(opts.vsix)}`);

    const port = await freePort();
    this.server = spawn(process.execPath, [entry,
      '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData, '--extensions-dir', extensions, this.workspace,
    ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const logFile = path.join(ARTIFACTS, 'code-server.log');
    fs.writeFileSync(logFile, '');
    const append = (b: Buffer) => { this.serverLog += b.toString(); fs.appendFileSync(logFile, b); };
    this.server.stdout?.on('data', append);
    this.server.stderr?.on('data', append);

    const base = `http://127.0.0.1:${port}`;
    const t0 = Date.now();
    while ((await httpStatus(`${base}/healthz`)) !== 200) {
      if (this.server.exitCode !== null) throw new Error(`code-server exited (${this.server.exitCode}):\n${this.serverLog}`);
      if (Date.now() - t0 > WAIT_MS) throw new Error(`code-server did not answer on ${base} within ${WAIT_MS / 1000}s:\n${this.serverLog}`);
      await sleep(250);
    }
    log(`code-server listening on ${base} after ${Date.now() - t0} ms`);

    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 } });
    this.page = await context.newPage();
    await this.page.goto(`${base}/?folder=${encodeURIComponent(this.workspace)}`,
      { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
    await this.waitFor('the workbench to load (explorer shows the workspace files)', async () =>
      (await this.page.locator('.explorer-folders-view .monaco-list-row').count()) > 0);
  }

  /** Kills Chromium and code-server (the whole process group) and removes the temp folder. */
  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = undefined;
    const srv = this.server;
    if (srv?.pid && srv.exitCode === null) {
      const exited = new Promise<void>((r) => srv.once('exit', () => r()));
      try { process.kill(-srv.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exited, sleep(5000)]);
      this.killServerSync();
    }
    this.removeExitHooks();
    this.server = undefined;
    this.removeTemp();
  }

  private killServerSync(): void {
    const pid = this.server?.pid;
    if (pid) { try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ } }
  }

  /** Saves test/e2e/artifacts/NN-name.png and returns its path. */
  async shot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, `${String(++this.stepNo).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-').slice(0, 60)}.png`);
    if (this.page) await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Polls `probe` until it returns a truthy value and returns that value. On
   * timeout saves a screenshot and throws "Timed out … waiting for <what>",
   * with `describe()` (the state seen instead) when given.
   */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>,
    opts: { timeout?: number; describe?: () => Promise<string> } = {}): Promise<T> {
    const timeout = opts.timeout ?? WAIT_MS;
    const t0 = Date.now();
    let lastErr: unknown;
    for (;;) {
      try {
        const v = await probe();
        if (v) return v;
      } catch (err) { lastErr = err; }
      if (Date.now() - t0 > timeout) break;
      await sleep(250);
    }
    const seen = opts.describe ? await opts.describe().catch((e) => `(could not read state: ${e})`) : '';
    const file = await this.shot(`FAILED-${what}`).catch(() => '(no screenshot)');
    throw new Error(`Timed out after ${timeout / 1000}s waiting for ${what}.` +
      (seen ? `\nSeen instead: ${seen}` : '') +
      (lastErr ? `\nLast error: ${String(lastErr)}` : '') +
      `\nScreenshot: ${file}`);
  }

  // ---- keyboard and commands ---------------------------------------------------

  async press(keys: string): Promise<void> { await this.page.keyboard.press(keys); }

  /** Types text at the cursor (the editor's auto-closing and auto-indent apply). */
  async type(text: string): Promise<void> { await this.page.keyboard.type(text, { delay: 15 }); }

  private async quickInput(opener: string, text: string, pick: (label: string) => boolean, what: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await this.press(opener);
    await this.waitFor(`the quick input to open (${opener})`, () => widget.isVisible());
    await this.page.keyboard.type(text, { delay: 10 });
    const rows = widget.locator('.monaco-list-row');
    // The label proper, without descriptions or key bindings.
    const labels = async () => (await rows.evaluateAll((rs) => rs.map((r) =>
      (r.querySelector('.label-name') ?? r).textContent ?? ''))).map((s) => s.trim());
    await this.waitFor(what, async () => (await labels()).some(pick),
      { describe: async () => `entries: ${JSON.stringify(await labels())}` });
    // The list may still re-sort as results arrive: move the focus with the
    // arrow keys until the focused entry is the one wanted, then press Enter.
    const focused = widget.locator('.monaco-list-row.focused');
    const focusedLabel = async () => ((await focused.first().evaluate((r) =>
      (r.querySelector('.label-name') ?? r).textContent ?? '').catch(() => '')) ?? '').trim();
    for (let i = 0; ; i++) {
      if (pick(await focusedLabel())) break;
      if (i >= 60) throw new Error(`${what}: listed but could not be selected; entries: ${JSON.stringify(await labels())}`);
      await this.press('ArrowDown');
      await sleep(50);
    }
    await this.press('Enter');
    await this.waitFor('the quick input to close', async () => !(await widget.isVisible()));
  }

  /** Runs a command from the Command Palette (F1) by its full title, e.g. "View: Focus Problems". */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('F1', title, (l) => l.toLowerCase() === title.toLowerCase(),
      `command "${title}" in the Command Palette`);
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(relPath: string): Promise<void> {
    const base = path.basename(relPath);
    await this.quickInput('Control+P', relPath, (l) => l === base, `"${relPath}" in Quick Open`);
    await this.waitFor(`an editor tab for ${base}`, async () =>
      (await this.page.locator(`.tab.active[data-resource-name="${base}"]`).count()) > 0
      || (await this.page.locator(`.tab.active`).first().getAttribute('aria-label'))?.startsWith(base));
    await this.waitFor(`the editor for ${base} to take focus`, () =>
      this.page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')));
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based. */
  async gotoLine(line: number, column = 1): Promise<void> {
    await this.press('Control+G');
    const widget = this.page.locator('.quick-input-widget');
    await this.waitFor('the Go to Line input', () => widget.isVisible());
    await this.page.keyboard.type(`${line}:${column}`);
    await this.press('Enter');
    await this.waitFor('Go to Line to close', async () => !(await widget.isVisible()));
  }

  /** Saves the active editor (Ctrl+S) and returns the file's text from disk. */
  async saveAndRead(relPath: string, before?: string): Promise<string> {
    const file = path.join(this.workspace, relPath);
    const editorFocused = () => this.page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
    // Ctrl+S reaches the workbench only from a focused editor; after the Command
    // Palette closes, focus comes back a moment later.
    await this.waitFor('the editor to have focus before saving', editorFocused, { timeout: 5000 })
      .catch(() => undefined);
    await this.press('Control+S');
    let tries = 0;
    return this.waitFor(`${relPath} to be saved${before === undefined ? '' : ' with changes'}`, async () => {
      const dirty = (await this.page.locator('.tab.active.dirty').count()) > 0;
      if (dirty) {
        if (++tries % 20 === 0) await this.runCommand('File: Save');
        return undefined;
      }
      const text = fs.readFileSync(file, 'utf8');
      return before === undefined || text !== before ? text : undefined;
    }, { describe: async () => `file on disk:\n${fs.readFileSync(file, 'utf8')}` });
  }

  readFile(relPath: string): string { return fs.readFileSync(path.join(this.workspace, relPath), 'utf8'); }

  // ---- status bar and editor contents -------------------------------------------

  /** Text of the status bar's language mode item (e.g. "ITU Resolution"). */
  async languageMode(): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]');
    return ((await item.count()) ? (await item.first().innerText()) : '').trim();
  }

  /**
   * Viewport position (centre) and colour of the character `offset` characters
   * into the `occurrence`-th match of `text` in the rendered editor lines.
   * Rendered lines show spaces as U+00A0 and tabs as runs of them, so `text`
   * should not span a tab.
   */
  async locateText(text: string, offset = 0, occurrence = 0): Promise<{ x: number; y: number; color: string } | undefined> {
    return this.page.evaluate(({ text, offset, occurrence }) => {
      const editor = document.querySelector('.editor-instance .monaco-editor .view-lines')
        ?? document.querySelector('.monaco-editor .view-lines');
      if (!editor) return undefined;
      const lines = Array.from(editor.querySelectorAll<HTMLElement>('.view-line'))
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      let seen = 0;
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const full = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
        let from = 0;
        for (;;) {
          const at = full.indexOf(text, from);
          if (at < 0) break;
          if (seen++ === occurrence) {
            let pos = at + offset;
            for (const n of nodes) {
              if (pos < n.data.length) {
                const r = document.createRange();
                r.setStart(n, pos); r.setEnd(n, pos + 1);
                const b = r.getBoundingClientRect();
                return { x: b.left + b.width / 2, y: b.top + b.height / 2, color: getComputedStyle(n.parentElement!).color };
              }
              pos -= n.data.length;
            }
          }
          from = at + 1;
        }
      }
      return undefined;
    }, { text, offset, occurrence });
  }

  /** CSS colour of the first character of `word` inside the first rendered line containing `lineAnchor`. */
  async colorOf(lineAnchor: string, word: string): Promise<string> {
    const loc = await this.waitFor(`"${lineAnchor}" to be rendered in the editor`, () => this.locateText(lineAnchor));
    void loc;
    const r = await this.page.evaluate(({ lineAnchor, word }) => {
      for (const line of Array.from(document.querySelectorAll<HTMLElement>('.monaco-editor .view-lines .view-line'))) {
        const spans = Array.from(line.querySelectorAll<HTMLElement>('span > span'));
        const full = spans.map((s) => s.textContent ?? '').join('').replace(/\u00a0/g, ' ');
        if (!full.includes(lineAnchor)) continue;
        const at = full.indexOf(word);
        if (at < 0) return undefined;
        let pos = at;
        for (const s of spans) {
          const len = (s.textContent ?? '').length;
          if (pos < len) return getComputedStyle(s).color;
          pos -= len;
        }
      }
      return undefined;
    }, { lineAnchor, word });
    if (!r) throw new Error(`"${word}" not found in the rendered line containing "${lineAnchor}"`);
    return r;
  }

  /** Rendered text of the visible editor lines, top to bottom (for messages). */
  async visibleLines(): Promise<string[]> {
    return this.page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.monaco-editor .view-lines .view-line'))
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')));
  }

  /** Clicks into the editor at a text position found by `locateText`. */
  async clickText(text: string, offset = 0, occurrence = 0): Promise<void> {
    const at = await this.waitFor(`"${text}" in the editor`, () => this.locateText(text, offset, occurrence),
      { describe: async () => JSON.stringify(await this.visibleLines()) });
    await this.page.mouse.click(at.x, at.y);
  }

  // ---- hover ---------------------------------------------------------------------------

  /** Moves the mouse over `text` in the editor and returns the hover's text once it contains `expect`. */
  async hover(text: string, expect: RegExp, offset = 1): Promise<string> {
    const at = await this.waitFor(`"${text}" in the editor`, () => this.locateText(text, offset),
      { describe: async () => JSON.stringify(await this.visibleLines()) });
    const hoverEl = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
    const read = async () => (await hoverEl.allInnerTexts()).join('\n').trim();
    let wiggle = 0;
    return this.waitFor(`a hover matching ${expect} over "${text}"`, async () => {
      // Re-enter the position now and then: a hover asked for before the server was ready stays empty.
      if (wiggle++ % 12 === 0) {
        await this.page.mouse.move(at.x, at.y - 40);
        await this.page.mouse.move(at.x, at.y, { steps: 3 });
      }
      const t = await read();
      return expect.test(t) ? t : undefined;
    }, { describe: async () => `hover text: ${JSON.stringify(await read())}` });
  }

  // ---- completion ------------------------------------------------------------------------

  private suggestRows() { return this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row'); }

  /** Labels of the rows currently shown by the suggest widget. */
  async suggestions(): Promise<string[]> {
    return (await this.suggestRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? '')))
      .map((s) => s.trim());
  }

  /**
   * Opens completion (Ctrl+Space) until an item whose label matches `pick`
   * appears, selects it with the arrow keys and accepts it with Enter.
   * Returns the accepted item's label.
   */
  async complete(pick: RegExp, what = `a completion item matching ${pick}`): Promise<string> {
    let n = 0;
    await this.waitFor(what, async () => {
      if (n++ % 8 === 0) await this.press('Control+Space');
      return (await this.suggestions()).some((l) => pick.test(l));
    }, { describe: async () => `suggestions: ${JSON.stringify(await this.suggestions())}` });
    const focused = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    for (let i = 0; i < 60; i++) {
      const label = ((await focused.first().getAttribute('aria-label').catch(() => null)) ?? '').trim();
      if (pick.test(label)) {
        await this.press('Enter');
        await this.waitFor('the suggest widget to close', async () => (await this.suggestRows().count()) === 0);
        return label;
      }
      await this.press('ArrowDown');
      await sleep(50);
    }
    throw new Error(`${what}: item listed but could not be selected; suggestions: ${JSON.stringify(await this.suggestions())}`);
  }

  // ---- problems and quick fixes -----------------------------------------------------------

  /** Shows the Problems panel and returns its rows (file rows and problem rows). */
  async problems(): Promise<ProblemRow[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.press('Control+Shift+M');
      await this.waitFor('the Problems panel', () => panel.isVisible());
    }
    // The tree renders only the rows in view: scroll through it with the mouse
    // wheel and collect rows by their index.
    const read = () => panel.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
      index: Number(r.getAttribute('data-index')),
      label: (r.getAttribute('aria-label') ?? '').trim(),
      text: (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
    })));
    const byIndex = new Map<number, { label: string; text: string }>();
    const box = await panel.boundingBox();
    for (let i = 0, stale = 0; i < 50 && stale < 2; i++) {
      const before = byIndex.size;
      for (const r of await read()) byIndex.set(r.index, { label: r.label, text: r.text });
      if (!box) break;
      stale = byIndex.size === before ? stale + 1 : 0;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, box.height / 2);
      await sleep(100);
    }
    if (box && byIndex.size > 0) await this.page.mouse.wheel(0, -100_000);
    // File rows ("3 problems in file x.itures of folder …") head the rows of their problems.
    let file: string | undefined;
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => {
      const f = /^\d+ problems? in file (.+?) of folder /.exec(r.label);
      if (f) file = f[1];
      return { ...r, file, ...parseProblemLabel(r.label) };
    });
  }

  /** Waits until the Problems panel satisfies `ok` and returns the rows. */
  async waitForProblems(what: string, ok: (rows: ProblemRow[]) => boolean, timeout?: number): Promise<ProblemRow[]> {
    let last: ProblemRow[] = [];
    return this.waitFor(what, async () => {
      last = await this.problems();
      return ok(last) ? last : undefined;
    }, { timeout, describe: async () => `Problems rows:\n  ${last.map((r) => r.label || r.text).join('\n  ') || '(none)'}` });
  }

  /**
   * Opens the Quick Fix menu (Ctrl+.) at the cursor, waits for an action whose
   * title matches `pick`, and applies it. Returns the action's title.
   */
  async quickFix(pick: RegExp): Promise<string> {
    const items = this.page.locator('.action-widget .monaco-list-row.action');
    const titles = async () => (await items.evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? '')))
      .map((t) => t.trim());
    let n = 0;
    const title = await this.waitFor(`a quick fix matching ${pick}`, async () => {
      if (n++ % 12 === 0) {
        await this.press('Escape');
        await this.press('Control+.');
      }
      return (await titles()).find((t) => pick.test(t));
    }, { describe: async () => `quick fixes offered: ${JSON.stringify(await titles())}` });
    // Select with the arrow keys and apply with Enter (the menu blocks mouse clicks while it opens).
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = 0; i < 40; i++) {
      const label = ((await focused.first().getAttribute('aria-label').catch(() => null)) ?? '').trim();
      if (label === title) {
        await this.press('Enter');
        await this.waitFor('the Quick Fix menu to close', async () => (await items.count()) === 0);
        return title;
      }
      await this.press('ArrowDown');
      await sleep(50);
    }
    throw new Error(`quick fix "${title}" is listed but could not be selected; offered: ${JSON.stringify(await titles())}`);
  }
}
