/**
 * A small expander for VS Code snippet bodies, used to test snippets/itu-resolution.code-snippets:
 * it inserts every placeholder with its default, as VS Code does when the user accepts the snippet
 * and tabs through without typing.
 *
 * Supported syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax):
 *   $1, ${1}                tab stop; takes the value of the same-numbered placeholder if one has a default
 *   ${1:default}            placeholder; the default may itself hold tab stops, placeholders, choices, variables
 *   ${1|one,two,three|}     choice; expands to its first option (`\,` `\|` `\\` escape inside options)
 *   $0                      final cursor position; expands to nothing
 *   $name, ${name}, ${name:default}   variables, resolved from `options.variables`
 *   \$  \}  \\              escapes outside choices
 * Transforms (${1/regex/format/flags}) are rejected: the snippets do not use them.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] | null };

export interface ExpandOptions {
  /** values of snippet variables such as TM_FILENAME; an unknown variable expands to its default, else to its name */
  variables?: Record<string, string>;
}

export interface TabStop {
  index: number;
  /** offset of the stop in the expanded text */
  offset: number;
  /** the text inserted there (default, first choice or mirrored value) */
  value: string;
  /** the options of a choice, else null */
  options: string[] | null;
}

export interface Expansion {
  text: string;
  /** every tab stop, placeholder and choice, in text order; `$0` included with index 0 */
  stops: TabStop[];
}

export class SnippetSyntaxError extends Error {}

/** Joins a body given as an array of lines, as VS Code does. */
export function bodyText(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}

/** Parses a snippet body into nodes. Throws SnippetSyntaxError on malformed input. */
export function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;

  const fail = (msg: string): never => {
    throw new SnippetSyntaxError(`${msg} at offset ${pos} in ${JSON.stringify(source)}`);
  };

  const readInt = (): number | null => {
    const m = /^[0-9]+/.exec(source.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  const readName = (): string | null => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(source.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return m[0];
  };

  /** Parses nodes until `}` (when nested) or the end. */
  const parseSeq = (nested: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\') {
        const next = source[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += ch; // a lone backslash is literal
          pos += 1;
        }
        continue;
      }
      if (nested && ch === '}') {
        flush();
        return nodes;
      }
      if (ch === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
        text += '$'; // `$` not followed by a tab stop or variable is literal
        pos += 1;
        continue;
      }
      text += ch;
      pos += 1;
    }
    if (nested) fail('unclosed ${');
    flush();
    return nodes;
  };

  /** At a `$`: returns the node, or null (with pos unchanged) when the `$` is literal. */
  const parseDollar = (): SnippetNode | null => {
    const start = pos;
    pos += 1;
    const index = readInt();
    if (index !== null) return { kind: 'tabstop', index };
    const name = readName();
    if (name !== null) return { kind: 'variable', name, children: null };
    if (source[pos] !== '{') {
      pos = start;
      return null;
    }
    pos += 1;
    const idx = readInt();
    if (idx !== null) {
      const c = source[pos];
      if (c === '}') {
        pos += 1;
        return { kind: 'tabstop', index: idx };
      }
      if (c === ':') {
        pos += 1;
        const children = parseSeq(true);
        pos += 1; // the closing }
        return { kind: 'placeholder', index: idx, children };
      }
      if (c === '|') {
        pos += 1;
        const options = parseChoiceOptions();
        return { kind: 'choice', index: idx, options };
      }
      if (c === '/') fail('transforms are not supported');
      return fail('unexpected character after ${' + idx);
    }
    const vname = readName();
    if (vname === null) return fail('expected a tab stop number or a variable name after ${');
    const c = source[pos];
    if (c === '}') {
      pos += 1;
      return { kind: 'variable', name: vname, children: null };
    }
    if (c === ':') {
      pos += 1;
      const children = parseSeq(true);
      pos += 1;
      return { kind: 'variable', name: vname, children };
    }
    if (c === '/') fail('transforms are not supported');
    return fail('unexpected character after ${' + vname);
  };

  const parseChoiceOptions = (): string[] => {
    const options: string[] = [];
    let cur = '';
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\' && pos + 1 < source.length && ',|\\$}'.includes(source[pos + 1])) {
        cur += source[pos + 1];
        pos += 2;
        continue;
      }
      if (ch === ',') {
        options.push(cur);
        cur = '';
        pos += 1;
        continue;
      }
      if (ch === '|') {
        if (source[pos + 1] !== '}') fail('a choice must end with |}');
        options.push(cur);
        pos += 2;
        return options;
      }
      cur += ch;
      pos += 1;
    }
    return fail('unclosed choice');
  };

  const nodes = parseSeq(false);
  return nodes;
}

/** Expands a snippet body with every default, returning the text and the positions of its stops. */
export function expand(body: string | string[], options: ExpandOptions = {}): Expansion {
  const nodes = parseSnippet(bodyText(body));
  const variables = options.variables ?? {};

  // The value of each tab stop index: the first placeholder or choice with that index defines it.
  const defaults = new Map<number, SnippetNode>();
  const collect = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if ((n.kind === 'placeholder' || n.kind === 'choice') && !defaults.has(n.index)) defaults.set(n.index, n);
      if (n.kind === 'placeholder' || (n.kind === 'variable' && n.children)) collect(n.kind === 'placeholder' ? n.children : n.children!);
    }
  };
  collect(nodes);

  const stops: TabStop[] = [];
  let text = '';
  const resolving = new Set<number>();

  const valueOf = (index: number): string => {
    const def = defaults.get(index);
    if (!def) return '';
    if (def.kind === 'choice') return def.options[0] ?? '';
    if (resolving.has(index)) throw new SnippetSyntaxError(`placeholder ${index} contains itself`);
    resolving.add(index);
    const saveText = text;
    const saveStops = stops.length;
    text = '';
    emit((def as { children: SnippetNode[] }).children);
    const v = text;
    text = saveText;
    stops.length = saveStops;
    resolving.delete(index);
    return v;
  };

  const emit = (ns: SnippetNode[]) => {
    for (const n of ns) {
      switch (n.kind) {
        case 'text':
          text += n.value;
          break;
        case 'tabstop': {
          const value = n.index === 0 ? '' : valueOf(n.index);
          stops.push({ index: n.index, offset: text.length, value, options: null });
          text += value;
          break;
        }
        case 'placeholder': {
          const offset = text.length;
          const stopAt = stops.length;
          stops.push({ index: n.index, offset, value: '', options: null });
          emit(n.children);
          stops[stopAt].value = text.slice(offset);
          break;
        }
        case 'choice':
          stops.push({ index: n.index, offset: text.length, value: n.options[0] ?? '', options: n.options });
          text += n.options[0] ?? '';
          break;
        case 'variable':
          if (Object.prototype.hasOwnProperty.call(variables, n.name)) text += variables[n.name];
          else if (n.children) emit(n.children);
          else text += n.name;
          break;
      }
    }
  };
  emit(nodes);
  return { text, stops };
}

/** The expanded text of a snippet body with every default. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  return expand(body, options).text;
}
