/**
 * The language server: keeps one parsed model per open document, re-lints the changed
 * document after a short pause, and answers every editor request from the same model.
 */
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
import { citationDefinition } from './features/citationDefinition';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new Workspace((msg) => connection.console.log(msg));
// reference documents re-indexed (or an open document's header changed): lint the open documents again
workspace.onReferencesChanged(() => {
  for (const d of documents.all()) schedule(d);
});
connection.onShutdown(() => workspace.dispose());

let hasConfigurationCapability = false;
let debounceMs = 150;

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
  const init = (params.initializationOptions ?? {}) as { debounceMs?: number; settings?: unknown };
  if (typeof init.debounceMs === 'number') debounceMs = init.debounceMs;
  if (init.settings) workspace.setSettings(init.settings);
  for (const f of params.workspaceFolders ?? []) {
    const p = fsPathOf(f.uri);
    if (p) workspace.addFolder(p);
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      hoverProvider: true,
      documentFormattingProvider: true,
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

const timers = new Map<string, NodeJS.Timeout>();

function schedule(doc: TextDocument, delay = debounceMs): void {
  const prev = timers.get(doc.uri);
  if (prev) clearTimeout(prev);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      publish(doc.uri);
    }, delay),
  );
}

function publish(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const state = workspace.lint(uri, fsPathOf(uri), doc.version, doc.getText());
  for (const p of state.configProblems) connection.window.showWarningMessage(p);
  state.configProblems = [];
  void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: state.findings.map(toDiagnostic) });
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  workspace.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** The current model of a document, parsed now when the last lint is older than the text. */
function current(uri: string) {
  const doc = documents.get(uri);
  if (!doc) return null;
  return workspace.model(uri, fsPathOf(uri), doc.version, doc.getText());
}

connection.onDocumentSymbol((p) => {
  const s = current(p.textDocument.uri);
  return s ? documentSymbols(s.doc) : [];
});

connection.onFoldingRanges((p) => {
  const s = current(p.textDocument.uri);
  return s ? foldingRanges(s.doc) : [];
});

connection.onDefinition((p) => {
  const s = current(p.textDocument.uri);
  if (!s) return null;
  const fsPath = fsPathOf(p.textDocument.uri);
  // a citation → its text in the reference documents; else a clause reference → the clause
  const cited = citationDefinition({
    analysis: s.analysis,
    data: workspace.dataFor(fsPath),
    position: p.position,
    locate: (body, type, number, meetingId) => workspace.locateReference(fsPath, body, type, number, meetingId),
  });
  return cited ?? definition(s.analysis, p.textDocument.uri, p.position);
});

connection.onReferences((p) => {
  const s = current(p.textDocument.uri);
  return s ? references(s.analysis, p.textDocument.uri, p.position, p.context.includeDeclaration) : [];
});

connection.onCodeAction((p) => {
  const doc = documents.get(p.textDocument.uri);
  if (!doc) return [];
  const s = workspace.lint(p.textDocument.uri, fsPathOf(p.textDocument.uri), doc.version, doc.getText());
  return codeActions(p.textDocument.uri, s.findings, p.range, p.context.diagnostics, p.context.only);
});

connection.onHover((p) => {
  const s = current(p.textDocument.uri);
  if (!s) return null;
  return hover({ analysis: s.analysis, data: workspace.dataFor(fsPathOf(p.textDocument.uri)), position: p.position });
});

connection.onCompletion((p) => {
  const s = current(p.textDocument.uri);
  if (!s) return [];
  return complete({ analysis: s.analysis, data: workspace.dataFor(fsPathOf(p.textDocument.uri)), position: p.position, before: lineBefore(s.analysis, p.position) });
});

connection.onDocumentFormatting((p) => {
  const s = current(p.textDocument.uri);
  return s ? renumberEdits(s.analysis) : [];
});

connection.onExecuteCommand(async (p) => {
  if (p.command !== 'itu-resolution.server.renumber') return null;
  const uri = String(p.arguments?.[0] ?? '');
  const s = current(uri);
  if (!s) return { applied: false };
  const edits = renumberEdits(s.analysis);
  if (edits.length === 0) return { applied: true, edits: 0 };
  const r = await connection.workspace.applyEdit({ label: 'Renumber clauses', edit: { changes: { [uri]: edits } } });
  return { applied: r.applied, edits: edits.length };
});

/** The label for a new clause started after the given position (Enter after a clause). */
connection.onRequest('itu-resolution/nextLabel', (p: { uri: string; position: { line: number; character: number } }) => {
  const s = current(p.uri);
  return s ? nextLabelAt(s.analysis, p.position) : null;
});

/** Finding counts and the adopting meeting, for the status bar. */
connection.onRequest('itu-resolution/documentInfo', (p: { uri: string }) => {
  const doc = documents.get(p.uri);
  if (!doc) return null;
  const s = workspace.lint(p.uri, fsPathOf(p.uri), doc.version, doc.getText());
  return documentInfo(s.doc, s.findings, workspace.dataFor(fsPathOf(p.uri)));
});

documents.listen(connection);
connection.listen();
