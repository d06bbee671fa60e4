/**
 * `reslint import | export | mod`: the Word round trip (server/src/word, docs/word.md).
 *
 *   reslint import IN.docx [-o OUT.txt]
 *   reslint export [--to docx] IN -o OUT.docx
 *   reslint mod --base REFERENCE EDITED [-o OUT.docx|OUT.txt]
 *               [--id IDENTIFIER] [--symbol MOD|(MOD)] [--author NAME] [--date ISO] [--reasons TEXT]
 *
 * Text inputs are read as the linter reads them (UTF-8 with or without BOM, UTF-16 with
 * BOM, Windows-1252 otherwise); `-` is standard input. The inputs of `mod` may also be
 * Word files: they are imported first. Exit status 0 on success, 2 on a usage or I/O
 * error (one line on stderr, no stack trace).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse } from '../parser/parse';
import { exportDocx } from '../word/export';
import { importDocx, type ImportResult } from '../word/import';
import { compareDocuments, modText, type ModSymbol } from '../word/mod';
import { modDocx } from '../word/modDocx';
import { UsageError } from './errors';
import { decode } from './files';

export interface WordIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin?: () => Promise<string>;
}

const HELP: Record<'import' | 'export' | 'mod', string> = {
  import: `Usage: reslint import IN.docx [-o OUT.txt]

Converts a Word resolution to the plain-text form the linter checks. Without -o the
text goes to standard output. Warnings (tracked changes accepted, comments dropped …)
go to standard error.
`,
  export: `Usage: reslint export [--to docx] IN -o OUT.docx

Writes a plain-text resolution or proposal (IN, or - for standard input) as a Word
file with ITU's paragraph styles and real footnotes.
`,
  mod: `Usage: reslint mod --base REFERENCE EDITED [-o OUT.docx|OUT.txt] [options]

Makes a MOD proposal: the edited resolution with its changes to the reference marked.
OUT ending in .docx gives a Word file with tracked changes; any other name (or no -o,
standard output) gives text with [+inserted+] and [-deleted-] marks. REFERENCE and
EDITED are plain text or Word files.

Options:
  --id IDENTIFIER   proposal identifier, e.g. APT/4202A10/1
  --symbol SYMBOL   MOD (default) or (MOD) for an editorial change
  --author NAME     author of the tracked changes (default reslint)
  --date ISO        date of the tracked changes, e.g. 2024-05-02 or 2024-05-02T09:00:00Z (default now)
  --reasons TEXT    the text of the Reasons: paragraph
`,
};

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

function parse_(args: string[], options: ParseArgsOptionsConfig): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

/** Reads a text input (or `-`), refusing binary files with the decoder's reason. */
async function readText(p: string, io: WordIo): Promise<string> {
  if (p === '-') {
    if (!io.stdin) throw new UsageError('standard input is not available here');
    return io.stdin();
  }
  const buf = await fs.readFile(p);
  if (isZip(buf)) throw new UsageError(`${p}: a Word file; this command takes plain text (convert it with "reslint import")`);
  const d = decode(buf);
  if (!d.ok) throw new UsageError(`${p}: ${d.reason}`);
  if (d.note) io.err(`${p}: ${d.note}\n`);
  return d.text;
}

function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4;
}

/** Imports a Word file, turning a damaged or foreign package into a one-line error. */
async function readDocx(p: string, buf: Buffer): Promise<ImportResult> {
  if (!isZip(buf)) throw new UsageError(`${p}: not a Word (.docx) file`);
  try {
    return await importDocx(buf);
  } catch (e) {
    throw new UsageError(`${p}: cannot read as a Word file (${(e as Error).message})`);
  }
}

/** A resolution text for `mod`: Word files are imported, text files read. */
async function readResolution(p: string, io: WordIo): Promise<string> {
  if (p === '-') return readText(p, io);
  const buf = await fs.readFile(p);
  if (isZip(buf)) {
    const r = await readDocx(p, buf);
    for (const w of r.warnings) io.err(`${p}: warning: ${w}\n`);
    return r.text;
  }
  const d = decode(buf);
  if (!d.ok) throw new UsageError(`${p}: ${d.reason}`);
  return d.text;
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`no ${what} given`);
  if (positionals.length > 1) throw new UsageError(`one ${what} expected, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

/** `--date`: a date or date-time in ISO 8601, written as Word writes it (UTC, no fraction). */
export function revisionDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  const t = m ? Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T')) : NaN;
  if (!m || Number.isNaN(t)) throw new UsageError(`--date takes an ISO 8601 date such as 2024-05-02 or 2024-05-02T09:00:00Z, not "${s}"`);
  // Date rolls 2024-02-30 over to March: refuse days the month does not have
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  if (Number(m[3]) < 1 || Number(m[3]) > days) throw new UsageError(`--date: no such day: ${s.slice(0, 10)}`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function wordCommand(sub: 'import' | 'export' | 'mod', args: string[], io: WordIo): Promise<number> {
  switch (sub) {
    case 'import': {
      const { values, positionals } = parse_(args, { output: { type: 'string', short: 'o' } });
      if (values.help) return help(sub, io);
      const input = onePositional(positionals, 'input file (IN.docx)');
      const result = await readDocx(input, await fs.readFile(input));
      for (const w of result.warnings) io.err(`${input}: warning: ${w}\n`);
      if (typeof values.output === 'string') await fs.writeFile(values.output, result.text, 'utf8');
      else io.out(result.text);
      return 0;
    }
    case 'export': {
      const { values, positionals } = parse_(args, { output: { type: 'string', short: 'o' }, to: { type: 'string', default: 'docx' } });
      if (values.help) return help(sub, io);
      if (values.to !== 'docx') throw new UsageError(`export --to supports docx only, not "${String(values.to)}"`);
      const input = onePositional(positionals, 'input file');
      if (typeof values.output !== 'string') throw new UsageError('export needs -o OUT.docx');
      const text = await readText(input, io);
      await fs.writeFile(values.output, await exportDocx(parse(text)));
      return 0;
    }
    case 'mod': {
      const { values, positionals } = parse_(args, {
        base: { type: 'string' },
        output: { type: 'string', short: 'o' },
        author: { type: 'string' },
        date: { type: 'string' },
        symbol: { type: 'string', default: 'MOD' },
        id: { type: 'string' },
        reasons: { type: 'string' },
      });
      if (values.help) return help(sub, io);
      if (typeof values.base !== 'string') throw new UsageError('mod needs --base REFERENCE (the resolution as it stands)');
      const edited = onePositional(positionals, 'edited resolution (EDITED)');
      if (values.symbol !== 'MOD' && values.symbol !== '(MOD)') throw new UsageError(`--symbol takes MOD or (MOD), not "${String(values.symbol)}"`);
      if (values.base === '-' && edited === '-') throw new UsageError('only one input can be standard input');
      const date = typeof values.date === 'string' ? revisionDate(values.date) : undefined;
      const author = values.author as string | undefined;
      if (author !== undefined && author.trim() === '') throw new UsageError('--author needs a name');
      const out = values.output as string | undefined;
      const cmp = compareDocuments(parse(await readResolution(values.base, io)), parse(await readResolution(edited, io)));
      const options = {
        symbol: values.symbol as ModSymbol,
        identifier: values.id as string | undefined,
        reasons: values.reasons as string | undefined,
        author,
        date,
      };
      if (!options.identifier && !cmp.identifier) io.err('reslint: warning: no --id given and the edited text has none; the proposal has no identifier\n');
      if (cmp.edited.resolutions.length === 0) io.err(`reslint: warning: ${edited}: no resolution found (no number line such as "Resolution 92 (Rev. Geneva, 2022)")\n`);
      if (cmp.stats.changedLines + cmp.stats.insertedLines + cmp.stats.deletedLines === 0) io.err('reslint: warning: the edited text makes no change to the reference\n');
      if (out !== undefined && path.extname(out).toLowerCase() === '.docx') await fs.writeFile(out, await modDocx(cmp, options));
      else if (out !== undefined) await fs.writeFile(out, modText(cmp, options), 'utf8');
      else io.out(modText(cmp, options));
      return 0;
    }
  }
}

function help(sub: 'import' | 'export' | 'mod', io: WordIo): number {
  io.out(HELP[sub]);
  return 0;
}
