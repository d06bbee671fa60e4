// harper.js on one file (LocalLinter, plaintext, the WebAssembly binary inlined: no network),
// as bench.ts compares start-up and memory: prints the number of findings.
import { readFileSync } from 'node:fs';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';

const text = readFileSync(process.argv[2], 'utf8');
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
process.stdout.write(String((await linter.lint(text, { language: 'plaintext' })).length));
