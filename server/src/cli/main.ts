/**
 * reslint: the command-line linter on the same engine as the language server.
 *
 *   reslint [--format text|json|sarif|github] [--config FILE] [--fix] PATH...
 *   reslint import IN.docx -o OUT.txt
 *   reslint export --to docx IN -o OUT.docx
 *   reslint mod --base REFERENCE EDITED -o OUT
 *
 * Exit codes: 0 no error finding, 1 some error finding, 2 usage or I/O error.
 */
import { parseArgs } from 'node:util';
import { FORMATS, lintFiles, printConfig, type LintRunOptions } from './lintCommand';
import { VERSION } from './version';
import { UsageError } from './errors';
import { defaultThreads } from '../piecePool';
import { wordCommand } from './wordCommands';

const HELP = `Usage: reslint [options] PATH...
       reslint --print-config FILE
       reslint import IN.docx -o OUT.txt
       reslint export --to docx IN -o OUT.docx
       reslint mod --base REFERENCE EDITED -o OUT (.docx or .txt)

Checks ITU resolutions and proposals. PATH may be a file, a folder (searched for
.itures, .resolution, .res.txt and .itu.txt files), a glob in quotes, or - for
standard input.

Options:
  --format F           output format: text (default), json, sarif (SARIF 2.1.0, for code
                       scanning) or github (GitHub Actions annotations)
  --config FILE        project file to use instead of the nearest .reslintrc.json
  --fix                apply safe fixes and write the files back
  --quiet              report errors only
  --no-ignore          also lint the files the project file's "ignores" name
  --print-config FILE  print the configuration that applies to FILE (project file, ignored
                       or not, every rule's severity) as JSON, and lint nothing
  --max-warnings N     exit 1 when there are more than N warnings
  --stdin-filename F   name to show for standard input
  --threads N          lint files of 1 MB or more in pieces on up to N threads (default:
                       the cores there are, up to 4)
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 when no finding is an error, 1 when some are, 2 on a usage or I/O error.
`;

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; stdin: () => Promise<string> }): Promise<number> {
  try {
    const sub = argv[0];
    if (sub === 'import' || sub === 'export' || sub === 'mod') return await wordCommand(sub, argv.slice(1), io);
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'text' },
          config: { type: 'string' },
          fix: { type: 'boolean', default: false },
          quiet: { type: 'boolean', default: false },
          'no-ignore': { type: 'boolean', default: false },
          'print-config': { type: 'string' },
          'max-warnings': { type: 'string' },
          'stdin-filename': { type: 'string' },
          threads: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
          version: { type: 'boolean', short: 'v', default: false },
        },
      });
    } catch (e) {
      // keep the first sentence: Node's hints on following lines would break the one-line message
      throw new UsageError((e as Error).message.replace(/\.\s+(?:To specify|Did you forget)[^]*$/, '.'));
    }
    const v = parsed.values;
    if (v.help) {
      io.out(HELP);
      return 0;
    }
    if (v.version) {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (v['print-config'] !== undefined) {
      if (parsed.positionals.length) throw new UsageError('--print-config takes one FILE and no PATH');
      return printConfig(v['print-config'], v.config, io);
    }
    const format = FORMATS.find((f) => f === v.format);
    if (!format) throw new UsageError(`unknown format "${v.format}" (use ${FORMATS.join(', ')})`);
    if (parsed.positionals.length === 0) throw new UsageError('no PATH given (try reslint --help)');
    let maxWarnings: number | undefined;
    if (v['max-warnings'] !== undefined) {
      maxWarnings = Number(v['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
    }
    let threads = defaultThreads();
    if (v.threads !== undefined) {
      threads = Number(v.threads);
      if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads takes a whole number from 1 to 64');
    }
    const options: LintRunOptions = {
      threads,
      format,
      configPath: v.config,
      fix: v.fix,
      quiet: v.quiet,
      noIgnore: v['no-ignore'],
      maxWarnings,
      stdinFilename: v['stdin-filename'],
    };
    return await lintFiles(parsed.positionals, options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`reslint: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && err.path) {
      io.err(`reslint: ${err.code === 'ENOENT' ? 'no such file' : err.code}: ${err.path}\n`);
      return 2;
    }
    io.err(`reslint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}


function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/** Runs the CLI on this process's arguments and streams (bin/reslint.js calls it). */
export function run(): void {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    stdin: readStdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`reslint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

// run directly (`node dist/cli.js …`, or forked by the extension's Word commands)
if (typeof require !== 'undefined' && require.main === module) run();
