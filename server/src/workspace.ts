/**
 * The server's state, free of any LSP transport so that it can be tested directly:
 * per-document models and findings, settings, project files.
 */
import * as path from 'node:path';
import { Analysis } from './analyzer/analysis';
import { defaultConfig, mergeInto, type Config, type ConfigProblem } from './engine/config';
import { loadNearestConfig, RULE_IDS, type LoadedConfig } from './engine/configFile';
import { lintDocument } from './engine/lint';
import type { ResDocument } from './model/types';
import { parse } from './parser/parse';
import type { CleanLine } from './parser/lines';
import type { Finding } from './rules/types';
import type { ReferenceData } from './data/reference';
import type { MeetingBody, ResolutionEntry } from './data/schema';
import { ReferenceIndex, type ReferenceLocation } from './references/indexer';

export interface DocState {
  version: number;
  text: string;
  doc: ResDocument;
  analysis: Analysis;
  /** null until linted */
  findings: Finding[];
  linted: boolean;
  configProblems: string[];
  /** cleaned lines by raw text, reused by the next parse of this document */
  lineCache: Map<string, CleanLine>;
}

export class Workspace {
  private docs = new Map<string, DocState>();
  private folders: string[] = [];
  private settings: Config = defaultConfig();
  private settingsProblems: ConfigProblem[] = [];
  private configCache = new Map<string, LoadedConfig>();
  private reportedConfig = new Set<string>();
  private referenceListeners: (() => void)[] = [];
  /** the user's reference documents and the open documents' resolutions (server/src/references) */
  readonly references = new ReferenceIndex({ log: (m) => this.log(m), onChange: () => this.referencesChanged() });

  constructor(private log: (msg: string) => void = () => {}) {}

  addFolder(p: string): void {
    this.folders.push(p);
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
    };
    return { config, problems };
  }

  /** The project file that applies to a file (cached per folder; problems not reported here). */
  private projectConfig(fsPath: string | null): LoadedConfig {
    const dir = fsPath ? path.dirname(fsPath) : this.folders[0] ?? null;
    if (!dir) return { path: null, config: defaultConfig(), problems: [] };
    const cached = this.configCache.get(dir);
    if (cached) return cached;
    let loaded: LoadedConfig;
    try {
      loaded = loadNearestConfig(dir);
    } catch (e) {
      loaded = { path: null, config: defaultConfig(), problems: [{ message: `cannot read the project file: ${(e as Error).message}` }] };
    }
    this.configCache.set(dir, loaded);
    return loaded;
  }

  /** The parsed model of a document at a version (parsed now if needed; not linted). */
  model(uri: string, fsPath: string | null, version: number, text: string): DocState {
    const prev = this.docs.get(uri);
    if (prev && prev.version === version && prev.text === text) return prev;
    const lineCache = prev?.lineCache ?? new Map<string, CleanLine>();
    if (lineCache.size > 50000) lineCache.clear();
    const doc = parse(text, { cache: lineCache });
    const state: DocState = {
      version,
      text,
      doc,
      analysis: new Analysis(doc),
      findings: [],
      linted: false,
      configProblems: [],
      lineCache,
    };
    this.docs.set(uri, state);
    this.references.updateOpenDocument(uri, fsPath, doc);
    return state;
  }

  /** The model and its findings at a version. */
  lint(uri: string, fsPath: string | null, version: number, text: string): DocState {
    const state = this.model(uri, fsPath, version, text);
    if (state.linted) return state;
    const { config, problems } = this.configFor(fsPath);
    state.configProblems.push(...problems);
    state.findings = lintDocument(state.doc, {
      config,
      data: this.dataFor(fsPath),
      analysis: state.analysis,
      onRuleError: (rule, e) => this.log(`reslint: rule ${rule.id} failed on ${uri}: ${(e as Error)?.stack ?? String(e)}`),
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

  forget(uri: string): void {
    this.docs.delete(uri);
    this.references.closeDocument(uri);
  }

  /** Stops watching the reference folders. */
  dispose(): void {
    this.references.dispose();
  }
}
