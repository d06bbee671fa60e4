import { readFileSync } from 'node:fs';
import { compareTexts, modText, diffLine } from './server/src/word/mod';
const cmp = compareTexts(readFileSync('/work/shared/corpus/res92-hammamet-2016.txt', 'utf8'), readFileSync('test/word/fixtures/res92-edited.txt', 'utf8'));
console.log(JSON.stringify(modText(cmp).split('\n').find(l => l.startsWith('c)')).slice(0, 140)));
const a = 'in particular in developing countries[footnoteRef:1]1; [1: 1 \tThese include the least developed countries.]';
console.log(diffLine(a, a.replace('in particular', 'especially')));
