/**
 * A small LSP client for tests: starts the language server over stdio (bundled from the
 * sources once per test run) and speaks JSON-RPC to it, as an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/esbuildOptions';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

const ROOT = path.join(__dirname, '..', '..');
let bundled: Promise<string> | null = null;

/**
 * Bundles server/src/server.ts into a temporary folder (once per process), with the lint
 * worker (server/src/lintWorker.ts) and the Word import (server/src/word/docxText.ts) next
 * to it, as in dist/.
 */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `reslint-test-server-${process.pid}-`));
    const out = path.join(dir, 'server.js');
    const common = { ...nodeBundle, sourcemap: 'inline' as const, logLevel: 'error' as const };
    await Promise.all([
      build({ entryPoints: [path.join(ROOT, 'server', 'src', 'server.ts')], outfile: out, ...common }),
      build({ entryPoints: [path.join(ROOT, 'server', 'src', 'lintWorker.ts')], outfile: path.join(dir, 'lintWorker.js'), ...common }),
      build({ entryPoints: [path.join(ROOT, 'server', 'src', 'word', 'docxText.ts')], outfile: path.join(dir, 'docxText.js'), ...common }),
    ]);
    return out;
  })();
  return bundled;
}

export class TestClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** window/showMessage notifications, with their type (1 error … 4 log) */
  readonly shown: { type: number; message: string }[] = [];
  /** the versions of every diagnostics publication, by uri, in order */
  readonly published = new Map<string, (number | undefined)[]>();
  private waiters: (() => void)[] = [];
  stderr = '';

  private constructor(proc: ChildProcess) {
    this.proc = proc;
    this.conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      const versions = this.published.get(p.uri) ?? [];
      versions.push(p.version);
      this.published.set(p.uri, versions);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.shown.push({ type: p.type, message: p.message });
    });
    this.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.shown.push({ type: p.type, message: p.message });
      return null;
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  settings: unknown = {};

  static async start(
    opts: {
      rootPath?: string;
      settings?: unknown;
      debounceMs?: number;
      /** more initializationOptions (largeDocumentSize, largeDebounceMs …) */
      initializationOptions?: Record<string, unknown>;
      /** extra environment variables for the server process */
      env?: Record<string, string>;
      /** node options for the server process (e.g. --expose-gc) */
      execArgv?: string[];
    } = {},
  ): Promise<TestClient> {
    const server = await serverBundle();
    const proc = spawn(process.execPath, [...(opts.execArgv ?? []), server, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
    });
    const c = new TestClient(proc);
    if (opts.settings) c.settings = opts.settings;
    const rootUri = opts.rootPath ? pathToUri(opts.rootPath) : null;
    await c.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { debounceMs: opts.debounceMs ?? 20, ...opts.initializationOptions },
    });
    await c.conn.sendNotification('initialized', {});
    return c;
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'itu-resolution', version, text } });
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  change(uri: string, version: number, text: string): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  changeRange(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Waits until diagnostics for `uri` (at `version`, when given) arrive. */
  async waitDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = this.diagnostics.get(uri);
      if (d && (version === undefined || d.version === version)) return d.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri}${version !== undefined ? ` at version ${version}` : ''} within ${timeoutMs} ms; server stderr: ${this.stderr.slice(-500)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export function pathToUri(p: string): string {
  return 'file://' + path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
}

/**
 * A server started in a fresh temporary folder before a suite's tests and stopped after
 * them (mocha hooks); the suite reads `client` and `dir` from the returned object.
 */
export function serverForSuite(prefix: string): { client: TestClient; dir: string } {
  const s = {} as { client: TestClient; dir: string };
  before(async () => {
    s.dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    s.client = await TestClient.start({ rootPath: s.dir });
  });
  after(async () => {
    await s.client?.stop();
  });
  return s;
}
