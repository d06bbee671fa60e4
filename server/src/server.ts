/**
 * The language server: keeps one parsed model per open document, re-lints the changed
 * document after a short pause, and answers every editor request from the same model.
 */
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { Workspace } from './workspace';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { definition, references } from './features/navigation';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { CodeActionKind } from 'vscode-languageserver';
import type { Finding, Severity } from './rules/types';
import { hover } from './features/hover';
import { complete, lineBefore } from './features/completion';
import { nextLabelAt, renumberEdits } from './features/renumber';
import { documentInfo } from './features/documentInfo';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { citationDefinition, citationReferences, type CitationDefinitionContext } from './features/citationDefinition';
import { citedClauseDefinition, citedClauseReferences } from './features/citedClause';
import { viewLocation, wordFileOfView } from './features/wordView';
import { workspaceSymbols } from './features/workspaceSymbols';
import { LintPool } from './lintPool';
import { lintWorkspaceFiles } from './workspaceLint';
import { FrameGuard } from './frameGuard';
import { LINE_DOCUMENTS, type LineDocument } from './lineDocument';
import { STRUCTURAL_TAGS } from './lintJob';
import type { DocState } from './workspace';
import type { Analysis } from './analyzer/analysis';

const connection = process.argv.includes('--stdio') ? guardedStdioConnection() : createConnection(ProposedFeatures.all);
// a failed promise somewhere (a client that rejects a request, say) is logged, not fatal
process.on('unhandledRejection', (e) => connection.console.error(`reslint: ${(e as Error)?.stack ?? String(e)}`));

/**
 * Over stdio, the input goes through a FrameGuard (frameGuard.ts) so that a malformed frame
 * is dropped instead of leaving the reader out of step for good. Console output goes to the
 * client's log, as vscode-languageserver does for --stdio, so that it cannot corrupt stdout.
 */
function guardedStdioConnection() {
  // eslint-disable-next-line prefer-const
  let conn: ReturnType<typeof createConnection> | undefined;
  const guard = new FrameGuard((msg) => conn?.console.warn(msg));
  process.stdin.pipe(guard);
  conn = createConnection(ProposedFeatures.all, guard, process.stdout);
  console.log = (...args: unknown[]) => conn.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => conn.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => conn.console.error(args.map(String).join(' '));
  return conn;
}
// the open documents' texts as lines: an edit costs the lines it touches (lineDocument.ts)
const documents = new TextDocuments(LINE_DOCUMENTS);
const workspace = new Workspace((msg) => connection.console.log(msg));
/** lints large documents in a worker thread (lintPool.ts) */
const lintPool = new LintPool(LintPool.defaultWorkerFile(), (msg) => connection.console.log(msg));
// reference documents re-indexed (or an open document's header changed): lint the open documents again
workspace.onReferencesChanged(() => {
  for (const d of documents.all()) schedule(d);
});
connection.onShutdown(() => {
  workspace.dispose();
  lintPool.dispose();
});

let hasConfigurationCapability = false;
let debounceMs = 150;
/** the pause in typing before a large document is parsed and linted again */
let largeDebounceMs = 400;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'reslint',
    message: f.message,
  };
}

function fsPathOf(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  const init = (params.initializationOptions ?? {}) as { debounceMs?: number; largeDebounceMs?: number; largeDocumentSize?: number; settings?: unknown };
  if (typeof init.debounceMs === 'number') debounceMs = init.debounceMs;
  if (typeof init.largeDebounceMs === 'number') largeDebounceMs = init.largeDebounceMs;
  if (typeof init.largeDocumentSize === 'number') workspace.largeDocumentSize = init.largeDocumentSize;
  if (init.settings) workspace.setSettings(init.settings);
  for (const f of params.workspaceFolders ?? []) {
    const p = fsPathOf(f.uri);
    if (p) workspace.addFolder(p);
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      hoverProvider: true,
      documentFormattingProvider: true,
      semanticTokensProvider: { legend: LEGEND, full: true },
      executeCommandProvider: { commands: ['itu-resolution.server.renumber'] },
      completionProvider: { triggerCharacters: [' ', '.', '\u00a0'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
    },
    serverInfo: { name: 'reslint', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (hasConfigurationCapability) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: 'itu-resolution' });
    await pullSettings();
  }
});

async function pullSettings(): Promise<void> {
  if (!hasConfigurationCapability) return;
  try {
    const s = await connection.workspace.getConfiguration('itu-resolution');
    workspace.setSettings(s);
  } catch (e) {
    connection.console.warn(`reslint: cannot read settings: ${(e as Error).message}`);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (hasConfigurationCapability) await pullSettings();
  else if (change.settings && typeof change.settings === 'object') workspace.setSettings((change.settings as Record<string, unknown>)['itu-resolution']);
  for (const d of documents.all()) schedule(d, 0);
});

connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false;
  for (const c of params.changes) {
    const p = fsPathOf(c.uri);
    if (!p) continue;
    if (path.basename(p).startsWith('.reslintrc')) configChanged = true;
  }
  if (configChanged) {
    workspace.invalidateConfigs();
    for (const d of documents.all()) schedule(d, 0);
  }
});

// ---- linting ----
//
// Small documents are parsed and linted here, after a short pause in typing. Large ones
// (Workspace.largeDocumentSize and up) are linted in a worker thread (lintPool.ts): a newer
// version cancels the running lint and a result for an older version is dropped. Above the
// setting `itu-resolution.maxFullCheckSize` only the structural rules run, and a notice
// says so (once per document, and as an Information diagnostic on line 1). Their model,
// for editor requests, is built in steps on this thread (largeDocument.ts): requests are
// answered from the newest model there is while the next one is built.

const timers = new Map<string, NodeJS.Timeout>();
const counters = { edits: 0, lintsPublished: 0, staleResultsDropped: 0, noticesShown: 0 };
const noticeShown = new Set<string>();
let lintJobIds = 0;

function schedule(doc: LineDocument, delay?: number): void {
  const prev = timers.get(doc.uri);
  if (prev) clearTimeout(prev);
  const wait = delay ?? (workspace.isLarge(doc.length) ? largeDebounceMs : debounceMs);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      publish(doc.uri);
    }, wait),
  );
}

function publish(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  if (workspace.isLarge(doc.length)) {
    publishLarge(doc).catch((e) => connection.console.error(`reslint: lint of ${uri} failed: ${(e as Error)?.stack ?? String(e)}`));
    return;
  }
  lintPool.cancel(uri); // it may have been large a moment ago
  const state = workspace.lint(uri, fsPathOf(uri), doc.version, doc.snapshot());
  for (const p of state.configProblems) connection.window.showWarningMessage(p);
  state.configProblems = [];
  counters.lintsPublished++;
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: state.findings.map(toDiagnostic) });
}

async function publishLarge(doc: LineDocument): Promise<void> {
  // the text as lines: joining 20 MB here would stall the requests (lineDocument.ts)
  const lines = doc.snapshot();
  const length = doc.length;
  const uri = doc.uri;
  const version = doc.version;
  const fsPath = fsPathOf(uri);
  // the model for editor requests, built in steps while the worker lints
  workspace.modelInSteps(uri, fsPath, version, lines).catch((e) => connection.console.error(`reslint: cannot parse ${uri}: ${(e as Error)?.stack ?? String(e)}`));
  const mode = workspace.lintModeFor(length);
  const { config, problems } = workspace.configFor(fsPath);
  for (const p of problems) connection.window.showWarningMessage(p);
  if (workspace.isIgnored(fsPath)) {
    lintPool.cancel(uri);
    workspace.setLargeFindings(uri, version, []);
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  if (mode === 'structural' && !noticeShown.has(uri)) {
    noticeShown.add(uri);
    counters.noticesShown++;
    // a notification: nothing to answer, nothing to wait for
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: largeNotice(uri, length) });
  }
  const request = { type: 'lint' as const, id: ++lintJobIds, uri, version, mode, config, extension: workspace.referenceExtensionFor(fsPath) };
  const result = await lintPool.submit({ request, lines });
  if (!result) return; // cancelled by a newer version (or failed, and logged)
  const now = documents.get(uri);
  if (!now || now.version !== result.version) {
    counters.staleResultsDropped++;
    return;
  }
  for (const f of result.ruleErrors) workspace.ruleFailed(f.rule, uri, f.message);
  workspace.setLargeFindings(uri, result.version, result.findings);
  const diagnostics = result.findings.map(toDiagnostic);
  if (mode === 'structural') diagnostics.unshift(largeNoticeDiagnostic(now, length));
  counters.lintsPublished++;
  void connection.sendDiagnostics({ uri, version: result.version, diagnostics });
}

function largeNotice(uri: string, length: number): string {
  const name = path.basename(fsPathOf(uri) ?? uri);
  return (
    `reslint: ${name} has ${length.toLocaleString('en')} characters, more than itu-resolution.maxFullCheckSize ` +
    `(${workspace.maxFullCheckSize.toLocaleString('en')}): only the structural checks run on it (rules tagged ${STRUCTURAL_TAGS.join(', ')}), ` +
    `and its outline lists the resolutions only.`
  );
}

function largeNoticeDiagnostic(doc: LineDocument, length: number): Diagnostic {
  const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/[\r\n]+$/, '');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } },
    severity: DiagnosticSeverity.Information,
    code: 'large-document',
    source: 'reslint',
    message: largeNotice(doc.uri, length),
  };
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => {
  counters.edits++;
  // a newer version: a lint still running for an older one is stopped now
  lintPool.cancel(e.document.uri, e.document.version);
  schedule(e.document);
});
documents.onDidClose((e) => {
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  lintPool.cancel(e.document.uri);
  noticeShown.delete(e.document.uri);
  workspace.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/**
 * The model to answer a request from. A small document is parsed now when its text
 * changed. A large one answers from its newest model even when that is a few edits old
 * (the next one is being built in steps); only the first model is waited for.
 */
async function current(uri: string): Promise<DocState | null> {
  const doc = documents.get(uri);
  if (!doc) return null;
  if (!workspace.isLarge(doc.length)) return workspace.model(uri, fsPathOf(uri), doc.version, doc.snapshot());
  return workspace.latest(uri) ?? workspace.modelInSteps(uri, fsPathOf(uri), doc.version, doc.snapshot());
}

/** The model for a request at a position: in a large document, the resolution around it only. */
async function currentAt(uri: string, position: { line: number; character: number }): Promise<{ doc: DocState['doc']; analysis: Analysis } | null> {
  const s = await current(uri);
  if (!s) return null;
  const analysis = workspace.analysisAt(s, position);
  return { doc: analysis.doc, analysis };
}

/** The findings to offer fixes for: a large document's only when they are of its current version. */
function currentFindings(uri: string): DocState['findings'] {
  const doc = documents.get(uri);
  if (!doc) return [];
  if (!workspace.isLarge(doc.length)) return workspace.lint(uri, fsPathOf(uri), doc.version, doc.snapshot()).findings;
  const f = workspace.largeFindingsOf(uri);
  return f && f.version === doc.version ? f.findings : [];
}

/** Memory and counters of the server, for tests and troubleshooting; `gc: true` collects first when the server runs with --expose-gc. */
connection.onRequest('itu-resolution/stats', (p?: { gc?: boolean }) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (p?.gc && gc) gc();
  const m = process.memoryUsage();
  return {
    memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers },
    counters: { ...counters, ...lintPool.counters, ...workspace.counters },
    lintWorker: lintPool.usesWorker,
    documents: documents.all().map((d) => ({
      uri: d.uri,
      version: d.version,
      length: d.length,
      large: workspace.isLarge(d.length),
      modelVersion: workspace.latest(d.uri)?.version ?? null,
      building: workspace.buildingVersion(d.uri),
      linting: lintPool.runningVersion(d.uri),
      findingsVersion: workspace.largeFindingsOf(d.uri)?.version ?? null,
    })),
  };
});

connection.onDocumentSymbol(async (p) => {
  const s = await current(p.textDocument.uri);
  return s ? (workspace.outlineOf(s) ?? documentSymbols(s.doc)) : [];
});

connection.onFoldingRanges(async (p) => {
  const s = await current(p.textDocument.uri);
  return s ? (workspace.foldingOf(s) ?? foldingRanges(s.doc)) : [];
});

/** The texts of the reference documents that apply to a file (go to definition, references, hover). */
function locateFor(fsPath: string | null): CitationDefinitionContext['locate'] {
  return (body, type, number, meetingId) => workspace.locateReference(fsPath, body, type, number, meetingId);
}

connection.onDefinition(async (p) => {
  const s = await currentAt(p.textDocument.uri, p.position);
  if (!s) return null;
  const fsPath = fsPathOf(p.textDocument.uri);
  // a citation → its text in the reference documents; else a clause reference → the clause
  const ctx = {
    analysis: s.analysis,
    data: workspace.dataFor(fsPath),
    position: p.position,
    locate: locateFor(fsPath),
  };
  // a clause of a cited text → that clause in the reference documents
  const cited = citedClauseDefinition(ctx) ?? citationDefinition(ctx);
  // a Word reference document opens as its text (features/wordView.ts)
  return cited ? cited.map(viewLocation) : definition(s.analysis, p.textDocument.uri, p.position);
});

// Ctrl+T: the resolutions of the reference documents and the open documents
connection.onWorkspaceSymbol((p) => {
  const open = documents.all().map((d) => fsPathOf(d.uri)).filter((f): f is string => !!f);
  return workspaceSymbols(workspace.reachableResolutions(open), p.query);
});

// the text of a Word reference document, for the read-only view go to definition opens
connection.onRequest('itu-resolution/wordText', async (p: { uri: string }) => {
  const file = wordFileOfView(p?.uri ?? '');
  return file ? workspace.references.wordText(file) : null;
});

connection.onReferences(async (p) => {
  const s = await currentAt(p.textDocument.uri, p.position);
  if (!s) return [];
  const fsPath = fsPathOf(p.textDocument.uri);
  // a citation → the other citations of the same text; else a clause → the references to it
  const ctx = {
    analysis: s.analysis,
    data: workspace.dataFor(fsPath),
    position: p.position,
    uri: p.textDocument.uri,
    includeDeclaration: p.context.includeDeclaration,
    locate: locateFor(fsPath),
  };
  // a clause of a cited text → the other references to it
  const cited = citedClauseReferences(ctx) ?? citationReferences(ctx);
  return cited ? cited.map(viewLocation) : references(s.analysis, p.textDocument.uri, p.position, p.context.includeDeclaration);
});

connection.onCodeAction((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  // the directives of the model the findings came from (a large document's are not kept: a new comment is added)
  const state = workspace.isLarge(doc.length) ? null : workspace.lint(p.textDocument.uri, fsPathOf(p.textDocument.uri), doc.version, doc.snapshot());
  return codeActions(p.textDocument.uri, state ? state.findings : currentFindings(p.textDocument.uri), p.range, p.context.diagnostics, p.context.only, {
    lineEnd: (line) => doc.getLineRange(line).end.character,
    directives: state?.doc.directives ?? [],
  });
});

connection.onHover(async (p) => {
  const s = await currentAt(p.textDocument.uri, p.position);
  if (!s) return null;
  const fsPath = fsPathOf(p.textDocument.uri);
  return hover({
    analysis: s.analysis,
    data: workspace.dataFor(fsPath),
    position: p.position,
    locate: locateFor(fsPath),
  });
});

connection.onCompletion(async (p) => {
  const s = await currentAt(p.textDocument.uri, p.position);
  if (!s) return [];
  const fsPath = fsPathOf(p.textDocument.uri);
  return complete({ analysis: s.analysis, data: workspace.dataFor(fsPath), position: p.position, before: lineBefore(s.analysis, p.position), locate: locateFor(fsPath) });
});

connection.languages.semanticTokens.on(async (p) => {
  const s = await current(p.textDocument.uri);
  // a document too large for the full checks gets the grammar's colours only
  // (a large document's model is built in steps and keeps no whole text: s.large is set)
  if (!s || s.large || workspace.isLarge(s.length)) return { data: [] };
  return semanticTokens(s.analysis, workspace.dataFor(fsPathOf(p.textDocument.uri)));
});

connection.onDocumentFormatting(async (p) => {
  const s = await current(p.textDocument.uri);
  return s ? renumberEdits(s.analysis) : [];
});

connection.onExecuteCommand(async (p) => {
  if (p.command !== 'itu-resolution.server.renumber') return null;
  const uri = String(p.arguments?.[0] ?? '');
  const s = await current(uri);
  if (!s) return { applied: false };
  const edits = renumberEdits(s.analysis);
  if (edits.length === 0) return { applied: true, edits: 0 };
  const r = await connection.workspace.applyEdit({ label: 'Renumber clauses', edit: { changes: { [uri]: edits } } });
  return { applied: r.applied, edits: edits.length };
});

/** The label for a new clause started after the given position (Enter after a clause). */
connection.onRequest('itu-resolution/nextLabel', async (p: { uri: string; position: { line: number; character: number } }) => {
  const s = await currentAt(p.uri, p.position);
  return s ? nextLabelAt(s.analysis, p.position) : null;
});

/**
 * "Check All Resolution Files in the Workspace": the files not open are linted from disk and
 * their findings published (workspaceLint.ts); the answer sums them up for the client's message.
 */
connection.onRequest('itu-resolution/lintWorkspace', async (_p: unknown, token) => {
  const open = new Set(documents.all().map((d) => fsPathOf(d.uri)).filter((p): p is string => !!p));
  return lintWorkspaceFiles(workspace.workspaceFolders(), {
    workspace,
    isOpen: (p) => open.has(p),
    publish: (p, findings) => void connection.sendDiagnostics({ uri: URI.file(p).toString(), diagnostics: findings.map(toDiagnostic) }),
    configProblem: (m) => void connection.window.showWarningMessage(m),
    isCancelled: () => token.isCancellationRequested,
  });
});

/** Finding counts and the adopting meeting, for the status bar. */
connection.onRequest('itu-resolution/documentInfo', async (p: { uri: string }) => {
  const doc = documents.get(p.uri);
  if (!doc) return null;
  if (workspace.isLarge(doc.length)) {
    // a large document: its newest model and findings, without linting here
    const s = await current(p.uri);
    return s ? documentInfo(s.doc, workspace.largeFindingsOf(p.uri)?.findings ?? [], workspace.dataFor(fsPathOf(p.uri))) : null;
  }
  const s = workspace.lint(p.uri, fsPathOf(p.uri), doc.version, doc.snapshot());
  return documentInfo(s.doc, s.findings, workspace.dataFor(fsPathOf(p.uri)));
});

documents.listen(connection);
connection.listen();
