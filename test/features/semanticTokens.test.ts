import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analysis } from '../../server/src/analyzer/analysis';
import { loadReferenceData } from '../../server/src/data/reference';
import { LEGEND, semanticTokens } from '../../server/src/features/semanticTokens';
import { parse } from '../../server/src/parser/parse';

const RES92 = readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');

/** Decodes LSP's relative token encoding into [line, text, type, modifiers]. */
function decode(text: string, data: number[]): [number, string, string, string[]][] {
  const lines = text.split('\n');
  const out: [number, string, string, string[]][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = LEGEND.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k));
    out.push([line, lines[line].slice(char, char + data[i + 2]).replace(/\u00a0/g, ' ').replace(/\u2011/g, '-'), LEGEND.tokenTypes[data[i + 3]], mods]);
  }
  return out;
}

describe('semantic tokens', () => {
  it('marks accepted body names, wrong ones, study groups, and known versus unknown citations', () => {
    const text = RES92.replace(
      'to investigate new ways to improve the efficiency of ITU work on IMT,',
      'to investigate, with the Telecommunications Standardization Bureau, new ways to improve the efficiency of ITU work on IMT under Resolution 400 (Hammamet, 2016),',
    );
    const toks = decode(text, semanticTokens(new Analysis(parse(text)), loadReferenceData()).data);
    const find = (s: string) => toks.filter((t) => t[1] === s);
    assert.deepEqual(find('Telecommunication Standardization Advisory Group')[0]?.slice(2), ['ituBody', []]);
    assert.deepEqual(find('Telecommunications Standardization Bureau')[0]?.slice(2), ['ituBody', ['wrong']]);
    assert.ok(find('Study Group 13').length >= 1 && find('Study Group 13')[0][2] === 'ituStudyGroup');
    const res18 = toks.find((t) => t[2] === 'ituCitation' && t[1].startsWith('18'));
    assert.deepEqual(res18?.[3], [], 'Resolution 18 is known');
    const res400 = toks.find((t) => t[2] === 'ituCitation' && t[1].startsWith('400'));
    assert.deepEqual(res400?.[3], ['unknown']);
    // every token covers text on its own line
    for (const t of toks) assert.ok(t[1].length > 0);
  });
});
