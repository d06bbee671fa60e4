import { readFileSync, writeFileSync } from 'node:fs';
import { compareTexts, modText, readMarks } from './server/src/word/mod';
import { modDocx } from './server/src/word/modDocx';
import { importDocx } from './server/src/word/import';
(async () => {
const base = readFileSync('/work/shared/corpus/res92-hammamet-2016.txt', 'utf8');
const edited = readFileSync('test/word/fixtures/res92-edited.txt', 'utf8');
const cmp = compareTexts(base, edited);
const t = modText(cmp, { identifier: 'APT/4202A10/1' });
console.log(t.split('\n').slice(0, 7).join('\n'));
const marks = readMarks(t);
const ed = edited.split('\n').map(l => l.replace(/\[bookmark:[^\]]*\]/g, '').trimEnd()).filter(l => l.trim());
console.log('accepted ok', JSON.stringify(marks.accepted.slice(1, -1)) === JSON.stringify(ed));
const buf = await modDocx(cmp, { identifier: 'APT/4202A10/1', author: 'APT', date: '2024-05-02T09:00:00Z' });
writeFileSync('/tmp/mod.docx', buf);
const imp = await importDocx(buf);
console.log(imp.warnings);
const il = imp.text.split('\n').filter(l => l.trim());
console.log('import ok', JSON.stringify(il.slice(1, -1)) === JSON.stringify(ed));
for (let i = 0; i < ed.length; i++) if (il[i+1] !== ed[i]) { console.log(i, JSON.stringify(il[i+1]), JSON.stringify(ed[i])); break; }
})();
