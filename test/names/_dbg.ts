import { readFileSync } from 'node:fs';
import { lintText } from '../../server/src/engine';
const t = readFileSync(process.argv[2], 'utf8');
for (const f of lintText(t).findings) console.log(f.range.start.line + 1, f.rule, f.message);
