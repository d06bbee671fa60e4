/** `reslint PATH...`: lint files, print findings, optionally fix. */
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintFindings, fixText } from '../engine';
import { loadConfigFile, loadNearestConfig, lineColOf, type LoadedConfig } from '../engine/configFile';
import { effectiveSeverity } from '../engine/config';
import type { Finding, Severity } from '../rules/types';
import { UsageError } from './errors';
import { decode, expandPaths } from './files';
import { formatGithub, formatJson, formatSarif, formatText, type FileResult } from './format';
import { RULES } from '../rules';
import { VERSION } from './version';
import { loadReferences } from '../references/indexer';
import { docxText } from '../word/docxText';
import type { ReferenceData, ReferenceExtension } from '../data/reference';
import { PiecePool } from '../piecePool';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface LintRunOptions {
  format: OutputFormat;
  configPath?: string;
  fix: boolean;
  quiet: boolean;
  maxWarnings?: number;
  stdinFilename?: string;
  /** threads to lint large files on (1: the calling thread only) */
  threads: number;
  /** lint files the project file's `ignores` name (--no-ignore) */
  noIgnore?: boolean;
  /** the lint worker's file (default: dist/lintWorker.js beside the running bundle) */
  workerFile?: string | null;
}

/** Files at least this long are linted in pieces when there are threads for it. */
export const PIECES_FROM = 1024 * 1024;

interface IO {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<string>;
}

/**
 * The project file for a folder (the one given with --config, else the nearest), its problems
 * reported once per file on standard error.
 */
function configLoader(configPath: string | undefined, io: IO): (dir: string) => LoadedConfig {
  let explicit: LoadedConfig | null = null;
  if (configPath) {
    try {
      explicit = loadConfigFile(configPath);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(`cannot read config ${configPath}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    }
  }
  const reported = new Set<string>();
  return (dir: string): LoadedConfig => {
    const loaded = explicit ?? loadNearestConfig(dir);
    if (loaded.path && loaded.problems.length && !reported.has(loaded.path)) {
      reported.add(loaded.path);
      let text = '';
      try {
        text = readFileSync(loaded.path, 'utf8');
      } catch {
        /* reported below without positions */
      }
      for (const p of loaded.problems) {
        const at = p.offset !== undefined ? lineColOf(text, p.offset) : null;
        io.err(`reslint: ${loaded.path}${at ? `:${at.line}:${at.column}` : ''}: ${p.message} (the defaults apply for it)\n`);
      }
    }
    return loaded;
  };
}

/**
 * `reslint --print-config FILE`: the configuration that applies to FILE, as JSON: the project
 * file, whether its `ignores` name FILE, every rule's severity (and options), the reference
 * documents, the abbreviations needing no expansion.
 */
export function printConfig(file: string, configPath: string | undefined, io: IO): number {
  const abs = path.resolve(file);
  const loaded = configLoader(configPath, io)(path.dirname(abs));
  const { config } = loaded;
  const rules: Record<string, { severity: string; options?: Record<string, unknown> }> = {};
  for (const r of RULES) {
    const set = config.rules[r.id];
    rules[r.id] = { severity: effectiveSeverity(config, r.id, r.defaultSeverity), ...(set?.options ? { options: set.options } : {}) };
  }
  const shown = {
    file: abs,
    projectFile: loaded.path,
    ignored: loaded.isIgnored(abs),
    ignores: config.ignores,
    references: config.references,
    noExpansion: config.noExpansion,
    rules,
  };
  io.out(JSON.stringify(shown, null, 2) + '\n');
  return 0;
}

export async function lintFiles(args: string[], opts: LintRunOptions, io: IO): Promise<number> {
  const files = await expandPaths(args);
  const named = new Set(args);
  const configFor = configLoader(opts.configPath, io);
  // reference documents named by the configuration, indexed once per set of folders
  const dataCache = new Map<string, Promise<{ data: ReferenceData; extension: ReferenceExtension | null }>>();
  const dataFor = (refs: string[]): Promise<{ data: ReferenceData; extension: ReferenceExtension | null }> => {
    const key = refs.join('\0');
    let d = dataCache.get(key);
    if (!d) {
      // the CLI carries the Word import already (reslint import): Word files are read with it
      d = loadReferences(
        refs,
        (m) => {
          if (/ indexed in \d+ ms$/.test(m)) return; // progress, not a problem
          io.err(`${m.startsWith('reslint:') ? m : `reslint: ${m}`}\n`);
        },
        docxText,
      );
      dataCache.set(key, d);
    }
    return d;
  };
  const results: FileResult[] = [];
  let ioError = false;
  // large files are linted in pieces on several threads (the findings are the same)
  const workerFile = opts.workerFile !== undefined ? opts.workerFile : PiecePool.defaultWorkerFile();
  const threads: { pool: PiecePool | null } = { pool: null };
  try {
    for (const f of files) {
      const loaded = configFor(f === '-' ? process.cwd() : path.dirname(path.resolve(f)));
      if (f !== '-' && !opts.noIgnore && loaded.isIgnored(f)) {
        // found in a folder or by a glob: skipped without a word; named: said, as ESLint does
        if (named.has(f)) io.err(`reslint: ${f}: skipped: the "ignores" of ${loaded.path} name it (--no-ignore lints it)\n`);
        continue;
      }
      let text: string;
      let name = f;
      if (f === '-') {
        text = await io.stdin();
        name = opts.stdinFilename ?? '<stdin>';
      } else {
        let buf: Buffer;
        try {
          const st = await fs.stat(f);
          if (!st.isFile()) {
            io.err(`reslint: ${f}: not a regular file, skipped\n`);
            continue;
          }
          buf = await fs.readFile(f);
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          io.err(`reslint: ${f}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
          ioError = true;
          continue;
        }
        const d = decode(buf);
        if (!d.ok) {
          io.err(`reslint: ${f}: skipped: ${d.reason}\n`);
          continue;
        }
        if (d.note) io.err(`reslint: ${f}: ${d.note}\n`);
        text = d.text;
      }
      const { config } = loaded;
      const { data, extension } = await dataFor(config.references);
      let findings: Finding[];
      if (opts.fix) {
        const r = fixText(text, { config, data });
        findings = r.findings;
        if (r.text !== text) {
          if (f === '-') io.out(r.text);
          else await fs.writeFile(f, r.text, 'utf8');
        }
      } else if (opts.threads > 1 && workerFile && text.length >= PIECES_FROM) {
        threads.pool ??= new PiecePool(workerFile, opts.threads, (m) => io.err(`${m}\n`));
        const r = await threads.pool.lint(text, { config, data, extension, minChars: PIECES_FROM / 2 });
        for (const e of r.ruleErrors) io.err(`reslint: ${name}: rule ${e.rule} failed: ${e.message.split('\n')[0]}\n`);
        findings = r.findings;
      } else {
        findings = lintFindings(text, { config, data });
      }
      if (opts.quiet) findings = findings.filter((x) => x.severity === 'error');
      results.push({ file: name, findings });
    }
  } finally {
    await threads.pool?.dispose();
  }
  if (!(opts.fix && files.length === 1 && files[0] === '-')) io.out(format(results, opts.format));
  if (ioError) return 2;
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((x) => x.severity === s).length, 0);
  if (count('error') > 0) return 1;
  if (opts.maxWarnings !== undefined && count('warning') > opts.maxWarnings) {
    io.err(`reslint: too many warnings (${count('warning')}; at most ${opts.maxWarnings} allowed)\n`);
    return 1;
  }
  return 0;
}

function format(results: FileResult[], f: OutputFormat): string {
  switch (f) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, {
        version: VERSION,
        cwd: process.cwd(),
        rules: RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, tags: r.tags })),
      });
    case 'github':
      return formatGithub(results);
    default:
      return formatText(results);
  }
}
