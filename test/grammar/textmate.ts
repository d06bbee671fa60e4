/** Loads the extension's TextMate grammar with vscode-textmate and the Oniguruma WASM engine, as VS Code does. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as onig from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

export const ROOT = path.resolve(__dirname, '..', '..');
export const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'itu-resolution.tmLanguage.json');
export const SCOPE = 'text.itu-resolution';

let onigReady: Promise<void> | null = null;

/** Loads the Oniguruma WASM once per process. */
export function loadOnig(): Promise<void> {
  if (!onigReady) {
    const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const bin = fs.readFileSync(wasmPath);
    onigReady = onig.loadWASM(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  }
  return onigReady;
}

export async function loadGrammar(): Promise<tm.IGrammar> {
  await loadOnig();
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE ? tm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`cannot load ${SCOPE}`);
  return grammar;
}

export interface TokenizedLine {
  line: string;
  tokens: tm.IToken[];
}

/** Tokenizes a whole text line by line, carrying the rule stack across lines. */
export function tokenizeText(grammar: tm.IGrammar, text: string): TokenizedLine[] {
  let state: tm.StackElement = tm.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return { line, tokens: r.tokens };
  });
}

/** True when some token of the line carries `<scope>.itu-resolution`. */
export function hasScope(l: TokenizedLine, scope: string): boolean {
  return l.tokens.some((t) => t.scopes.includes(`${scope}.itu-resolution`));
}

/** The text of the tokens of the line that carry `<scope>.itu-resolution`. */
export function scopeText(l: TokenizedLine, scope: string): string {
  return l.tokens
    .filter((t) => t.scopes.includes(`${scope}.itu-resolution`))
    .map((t) => l.line.slice(t.startIndex, t.endIndex))
    .join('');
}
