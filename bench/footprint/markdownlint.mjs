// markdownlint on one file, its default rules, as bench.ts compares start-up and memory:
// prints the number of findings.
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';

const text = readFileSync(process.argv[2], 'utf8');
process.stdout.write(String(lint({ strings: { doc: text } }).doc.length));
