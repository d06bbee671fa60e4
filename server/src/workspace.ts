/**
 * The server's state, free of any LSP transport so that it can be tested directly:
 * per-document models and findings, settings, project files.
 */
import * as path from 'node:path';
import { Analysis } from './analyzer/analysis';
import { defaultConfig, mergeInto, type Config, type ConfigProblem } from './engine/config';
import { loadNearestConfig, NOTHING_IGNORED, RULE_IDS, type LoadedConfig } from './engine/configFile';
import { lintDocument } from './engine/lint';
import type { ResDocument } from './model/types';
import { parse, parseLines } from './parser/parse';
import type { CleanLine } from './parser/lines';
import type { Finding } from './rules/types';
import type { ReferenceData } from './data/reference';
import type { MeetingBody, ResolutionEntry } from './data/schema';
import { ReferenceIndex, type ReferenceLocation } from './references/indexer';
import type { ReferenceExtension } from './data/reference';
import { isEmptyExtension, lintRules, type LintMode } from './lintJob';
import { foldingOf, outlineOf, parseInSteps, viewAround, type Piece } from './largeDocument';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';

/** Default of the setting `itu-resolution.maxFullCheckSize` (characters). */
export const DEFAULT_MAX_FULL_CHECK_SIZE = 5_000_000;
/** From this size on (characters), a document is large: linted in the worker, parsed in steps. */
export const DEFAULT_LARGE_DOCUMENT_SIZE = 256 * 1024;

/** What a large document's model keeps besides the model (largeDocument.ts). */
export interface LargeModel {
  /** the length of the text */
  length: number;
  pieces: Piece[];
  /** analyses of the views around positions, by resolution index (-1: the cover) */
  views: Map<number, Analysis>;
  outline?: DocumentSymbol[];
  folding?: FoldingRange[];
}

/** A document's text: one string, or lines each with its terminator (as the server keeps it, lineDocument.ts). */
export type DocText = string | readonly string[];

export interface DocState {
  version: number;
  /** the text or lines the model was built from ('' for a large document) */
  source: DocText;
  /** the length of the text in characters */
  length: number;
  doc: ResDocument;
  analysis: Analysis;
  /** null until linted */
  findings: Finding[];
  linted: boolean;
  configProblems: string[];
  /** cleaned lines by raw text, reused by the next parse of this document */
  lineCache: Map<string, CleanLine>;
  /** set when the model was built in steps (large documents) */
  large?: LargeModel;
}

/** Counters for the `itu-resolution/stats` request. */
export interface WorkspaceCounters {
  modelsBuilt: number;
  steppedModelsBuilt: number;
  piecesParsed: number;
  piecesReused: number;
  ruleErrorsLogged: number;
  ruleErrorsSeen: number;
}

export class Workspace {
  private docs = new Map<string, DocState>();
  private folders: string[] = [];
  private settings: Config = defaultConfig();
  private settingsProblems: ConfigProblem[] = [];
  private configCache = new Map<string, LoadedConfig>();
  private reportedConfig = new Set<string>();
  private referenceListeners: (() => void)[] = [];
  /** `itu-resolution.maxFullCheckSize`: above it, only the structural rules run */
  maxFullCheckSize = DEFAULT_MAX_FULL_CHECK_SIZE;
  /** documents from this size on are large (not a user setting; the tests lower it) */
  largeDocumentSize = DEFAULT_LARGE_DOCUMENT_SIZE;
  /** (rule, uri) pairs whose failure was logged already: logged once, not at each keystroke */
  private loggedRuleErrors = new Set<string>();
  /** the latest findings of large documents (linted in the worker), by uri */
  private largeFindings = new Map<string, { version: number; findings: Finding[] }>();
  /** models being built in steps, by uri */
  private building = new Map<string, { version: number; promise: Promise<DocState> }>();
  readonly counters: WorkspaceCounters = { modelsBuilt: 0, steppedModelsBuilt: 0, piecesParsed: 0, piecesReused: 0, ruleErrorsLogged: 0, ruleErrorsSeen: 0 };
  /** the user's reference documents and the open documents' resolutions (server/src/references) */
  readonly references = new ReferenceIndex({ log: (m) => this.log(m), onChange: () => this.referencesChanged() });

  constructor(private log: (msg: string) => void = () => {}) {}

  addFolder(p: string): void {
    this.folders.push(p);
  }

  /** The workspace folders, as paths. */
  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Editor settings (`itu-resolution.*`): rules, references, noExpansion. */
  setSettings(raw: unknown): void {
    const cfg = defaultConfig();
    const problems: ConfigProblem[] = [];
    if (raw && typeof raw === 'object') {
      const o = raw as Record<string, unknown>;
      const known: Record<string, unknown> = {};
      if (o.rules && typeof o.rules === 'object' && Object.keys(o.rules as object).length) known.rules = o.rules;
      if (Array.isArray(o.references)) known.references = o.references;
      if (Array.isArray(o.noExpansion)) known.noExpansion = o.noExpansion;
      mergeInto(cfg, known, RULE_IDS, problems);
    }
    const max = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).maxFullCheckSize : undefined;
    if (max === undefined || max === null) this.maxFullCheckSize = DEFAULT_MAX_FULL_CHECK_SIZE;
    else if (typeof max === 'number' && Number.isFinite(max) && max >= 0) this.maxFullCheckSize = max;
    else {
      this.maxFullCheckSize = DEFAULT_MAX_FULL_CHECK_SIZE;
      problems.push({ message: `maxFullCheckSize must be a number of characters (got ${JSON.stringify(max)}); ${DEFAULT_MAX_FULL_CHECK_SIZE} applies.` });
    }
    this.settings = cfg;
    this.settingsProblems = problems;
    for (const p of problems) this.log(`reslint: settings: ${p.message}`);
    for (const s of this.docs.values()) s.linted = false;
  }

  invalidateConfigs(): void {
    this.configCache.clear();
    this.reportedConfig.clear();
    for (const s of this.docs.values()) s.linted = false;
  }

  /** The effective configuration for a file: project file, then editor settings on top. */
  configFor(fsPath: string | null): { config: Config; problems: string[] } {
    const loaded = this.projectConfig(fsPath);
    const problems: string[] = [];
    const key = loaded.path ?? '';
    if (loaded.problems.length && !this.reportedConfig.has(key)) {
      this.reportedConfig.add(key);
      for (const p of loaded.problems) problems.push(`reslint: ${loaded.path ?? 'project file'}: ${p.message}; the defaults apply for it.`);
    }
    const config: Config = {
      rules: { ...loaded.config.rules, ...this.settings.rules },
      references: [...loaded.config.references, ...this.settings.references],
      noExpansion: [...new Set([...loaded.config.noExpansion, ...this.settings.noExpansion])],
      ignores: loaded.config.ignores,
    };
    return { config, problems };
  }

  /** Whether the project file's `ignores` name this file: it then gets no findings, as with ESLint. */
  isIgnored(fsPath: string | null): boolean {
    return fsPath !== null && this.projectConfig(fsPath).isIgnored(fsPath);
  }

  /** The project file that applies to a file (cached per folder; problems not reported here). */
  private projectConfig(fsPath: string | null): LoadedConfig {
    const dir = fsPath ? path.dirname(fsPath) : this.folders[0] ?? null;
    if (!dir) return { path: null, config: defaultConfig(), problems: [], isIgnored: NOTHING_IGNORED };
    const cached = this.configCache.get(dir);
    if (cached) return cached;
    let loaded: LoadedConfig;
    try {
      loaded = loadNearestConfig(dir);
    } catch (e) {
      loaded = { path: null, config: defaultConfig(), problems: [{ message: `cannot read the project file: ${(e as Error).message}` }], isIgnored: NOTHING_IGNORED };
    }
    this.configCache.set(dir, loaded);
    return loaded;
  }

  /**
   * The parsed model of a document at a version (parsed now if needed; not linted). The
   * text comes as one string or as the editor's lines: lines are parsed without joining
   * them, and the line cache finds every line an edit did not touch.
   */
  model(uri: string, fsPath: string | null, version: number, text: DocText): DocState {
    const prev = this.docs.get(uri);
    if (prev && prev.version === version && sameText(prev, text)) return prev;
    const lineCache = prev?.lineCache ?? new Map<string, CleanLine>();
    if (lineCache.size > 50000) lineCache.clear();
    const doc = typeof text === 'string' ? parse(text, { cache: lineCache }) : parseLines(text, { cache: lineCache });
    const state: DocState = {
      version,
      source: text,
      length: lengthOf(text),
      doc,
      analysis: new Analysis(doc),
      findings: [],
      linted: false,
      configProblems: [],
      lineCache,
    };
    this.docs.set(uri, state);
    this.counters.modelsBuilt++;
    this.references.updateOpenDocument(uri, fsPath, doc);
    return state;
  }

  /** The model and its findings at a version. */
  lint(uri: string, fsPath: string | null, version: number, text: DocText): DocState {
    const state = this.model(uri, fsPath, version, text);
    if (state.linted) return state;
    const { config, problems } = this.configFor(fsPath);
    state.configProblems.push(...problems);
    if (this.isIgnored(fsPath)) {
      state.findings = [];
      state.linted = true;
      return state;
    }
    state.findings = lintDocument(state.doc, {
      config,
      data: this.dataFor(fsPath),
      analysis: state.analysis,
      rules: lintRules('full'),
      onRuleError: (rule, e) => this.ruleFailed(rule.id, uri, (e as Error)?.stack ?? String(e)),
    });
    state.linted = true;
    return state;
  }

  /**
   * The reference data for a file: the built-in data, extended by the user's reference
   * documents (setting `references`) and the resolutions of the open documents. Cheap:
   * cached until the indexed entries change.
   */
  dataFor(fsPath: string | null): ReferenceData {
    return this.references.dataFor(this.referenceRoots(fsPath));
  }

  /**
   * The reference folders and files for a file, as absolute paths: the project file's
   * (already resolved against its folder), then the editor setting's, where a relative path,
   * `${workspaceFolder}` or `~` is resolved against the workspace folder that holds the file.
   */
  referenceRoots(fsPath: string | null): string[] {
    const fromFile = this.projectConfig(fsPath).config.references;
    const fromSettings = this.settings.references;
    if (!fromSettings.length) return fromFile;
    const folder =
      (fsPath && this.folders.filter((f) => fsPath === f || fsPath.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0]) ||
      this.folders[0] ||
      (fsPath ? path.dirname(fsPath) : process.cwd());
    const home = process.env.HOME ?? process.env.USERPROFILE ?? '';
    const resolved = fromSettings.map((r) => {
      let p = r.replace(/^\$\{workspaceFolder\}/, folder);
      if (home && (p === '~' || p.startsWith('~/') || p.startsWith('~\\'))) p = home + p.slice(1);
      return path.resolve(folder, p);
    });
    return [...new Set([...fromFile, ...resolved])];
  }

  /**
   * Every resolution the editor can reach (workspace symbols): those of the reference
   * documents of each workspace folder and of each of `files` (the open documents, whose
   * project files may name other folders), and of the open documents themselves.
   */
  reachableResolutions(files: readonly string[]): ReferenceLocation[] {
    const roots = new Set<string>();
    // a file directly in the folder: its project file is the folder's
    for (const f of this.folders) for (const r of this.referenceRoots(path.join(f, '_'))) roots.add(r);
    for (const f of files) for (const r of this.referenceRoots(f)) roots.add(r);
    const list = [...roots];
    this.references.ensure(list);
    return this.references.resolutionsIn(list);
  }

  /** Where a resolution's text is, in the reference documents of a file or an open document (go to definition). */
  locateReference(fsPath: string | null, body: MeetingBody, type: ResolutionEntry['type'], number: string, meetingId: string | null): ReferenceLocation[] {
    return this.references.locate(body, type, number, this.referenceRoots(fsPath), meetingId);
  }

  /** Called when the reference documents changed and the open documents need linting again. */
  onReferencesChanged(listener: () => void): void {
    this.referenceListeners.push(listener);
  }

  private referencesChanged(): void {
    for (const s of this.docs.values()) s.linted = false;
    for (const l of this.referenceListeners) l();
  }

  // ---- large documents and failing rules ----

  /** Is a text large: linted in the worker and parsed in steps? */
  isLarge(length: number): boolean {
    return length >= this.largeDocumentSize;
  }

  /** The rules a text of this length gets: all, or the structural ones above maxFullCheckSize. */
  lintModeFor(length: number): LintMode {
    return length > this.maxFullCheckSize ? 'structural' : 'full';
  }

  /**
   * A rule threw on a document: its findings were dropped (by the engine); the error is
   * logged the first time for this rule and document only, not at every keystroke.
   */
  ruleFailed(ruleId: string, uri: string, error: string): void {
    this.counters.ruleErrorsSeen++;
    const key = `${ruleId}\u0000${uri}`;
    if (this.loggedRuleErrors.has(key)) return;
    this.loggedRuleErrors.add(key);
    this.counters.ruleErrorsLogged++;
    this.log(`reslint: rule ${ruleId} failed on ${uri}; its findings are left out for this document (logged once): ${error}`);
  }

  /** What the user's reference documents and the open documents add to the built-in data (null: nothing). */
  referenceExtensionFor(fsPath: string | null): ReferenceExtension | null {
    this.dataFor(fsPath); // starts indexing the roots
    const ext = this.references.extensionFor(this.referenceRoots(fsPath));
    return isEmptyExtension(ext) ? null : ext;
  }

  /** Findings of a large document, linted elsewhere (the worker). */
  setLargeFindings(uri: string, version: number, findings: Finding[]): void {
    this.largeFindings.set(uri, { version, findings });
  }

  largeFindingsOf(uri: string): { version: number; findings: Finding[] } | undefined {
    return this.largeFindings.get(uri);
  }

  /** The newest model of a document, whatever its version (undefined before the first). */
  latest(uri: string): DocState | undefined {
    return this.docs.get(uri);
  }

  /** The version of the model being built in steps, or null. */
  buildingVersion(uri: string): number | null {
    return this.building.get(uri)?.version ?? null;
  }

  /**
   * The model of a large document at a version, built in steps (largeDocument.ts) so that
   * the event loop keeps answering requests; not linted. The text comes as lines (with
   * their terminators): it is never joined here. One build per document at a time: a build
   * for a newer version waits for the running one and reuses its pieces. The version
   * identifies the text (the editor numbers each change).
   */
  modelInSteps(uri: string, fsPath: string | null, version: number, lines: readonly string[]): Promise<DocState> {
    const prev = this.docs.get(uri);
    if (prev?.large && prev.version === version) return Promise.resolve(prev);
    const running = this.building.get(uri);
    if (running && running.version === version) return running.promise;
    const promise = (running ? running.promise.catch(() => undefined) : Promise.resolve(undefined)).then(async () => {
      const before = this.docs.get(uri);
      if (before?.large && before.version === version) return before;
      const stepped = await parseInSteps(lines, { previous: before?.large?.pieces });
      let length = 0;
      for (const l of lines) length += l.length;
      this.counters.steppedModelsBuilt++;
      this.counters.piecesParsed += stepped.parsed;
      this.counters.piecesReused += stepped.reused;
      const state: DocState = {
        version,
        // not kept as one string: the model's doc.text joins the lines when read
        source: '',
        length,
        doc: stepped.doc,
        analysis: new Analysis(stepped.doc),
        findings: [],
        linted: false,
        configProblems: [],
        lineCache: new Map(),
        large: { length, pieces: stepped.pieces, views: new Map() },
      };
      // a document closed meanwhile stays forgotten; an older build never replaces a newer model
      const now = this.docs.get(uri);
      if (this.building.get(uri)?.promise === promise && (!now || now.version <= version)) {
        this.docs.set(uri, state);
        this.references.updateOpenDocument(uri, fsPath, stepped.doc);
      }
      return state;
    });
    this.building.set(uri, { version, promise });
    const clear = () => {
      if (this.building.get(uri)?.promise === promise) this.building.delete(uri);
    };
    promise.then(clear, clear);
    return promise;
  }

  /**
   * The analysis to answer a request at a position: for a large document, the analysis of
   * the resolution around it only (cached per model); else the document's.
   */
  analysisAt(state: DocState, position: { line: number; character: number }): Analysis {
    if (!state.large) return state.analysis;
    const view = viewAround(state.doc, position);
    if (!view) return state.analysis;
    let a = state.large.views.get(view.key);
    if (!a) {
      if (state.large.views.size > 64) state.large.views.clear();
      a = new Analysis(view.doc);
      state.large.views.set(view.key, a);
    }
    return a;
  }

  /** The outline of a model built in steps; above maxFullCheckSize the resolutions only. */
  outlineOf(state: DocState): DocumentSymbol[] | null {
    if (!state.large) return null;
    return (state.large.outline ??= outlineOf(state.large.pieces, this.lintModeFor(state.large.length) === 'structural'));
  }

  foldingOf(state: DocState): FoldingRange[] | null {
    if (!state.large) return null;
    return (state.large.folding ??= foldingOf(state.large.pieces));
  }

  forget(uri: string): void {
    this.docs.delete(uri);
    this.building.delete(uri);
    this.largeFindings.delete(uri);
    for (const k of this.loggedRuleErrors) if (k.endsWith(`\u0000${uri}`)) this.loggedRuleErrors.delete(k);
    this.references.closeDocument(uri);
  }

  /** Stops watching the reference folders. */
  dispose(): void {
    this.references.dispose();
  }
}

function lengthOf(text: DocText): number {
  if (typeof text === 'string') return text.length;
  let n = 0;
  for (const l of text) n += l.length;
  return n;
}

/** Is a model's source the same text (the same string or lines object, or equal text)? */
function sameText(state: DocState, text: DocText): boolean {
  if (state.source === text) return true;
  if (state.large) return false;
  if (typeof text === 'string' && typeof state.source === 'string') return false;
  return state.length === lengthOf(text) && joined(state.source) === joined(text);
}

function joined(text: DocText): string {
  return typeof text === 'string' ? text : text.join('');
}
