/**
 * Small helpers over fast-xml-parser's order-preserving output, for reading the
 * WordprocessingML parts of a .docx package.
 *
 * With `preserveOrder: true` every element is an object with one tag key holding
 * the child array and an optional `:@` key holding the attributes; text is a
 * `{ '#text': string }` node.
 */
import { XMLParser } from 'fast-xml-parser';

export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses an XML part into its top-level nodes. */
export function parseXml(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}

/** The element name of a node (`w:p`), or `#text` for a text node. */
export function tagOf(node: XNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

export function kids(node: XNode): XNode[] {
  const t = tagOf(node);
  const v = node[t];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(node: XNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, string> | undefined;
  return a ? a[name] : undefined;
}

/** The first direct child with the given tag. */
export function child(node: XNode, tag: string): XNode | undefined {
  for (const c of kids(node)) if (tagOf(c) === tag) return c;
  return undefined;
}

export function childrenNamed(node: XNode, tag: string): XNode[] {
  return kids(node).filter((c) => tagOf(c) === tag);
}

/** First descendant (depth-first, document order) with the given tag. */
export function find(node: XNode, tag: string): XNode | undefined {
  for (const c of kids(node)) {
    if (tagOf(c) === tag) return c;
    const f = find(c, tag);
    if (f) return f;
  }
  return undefined;
}

/** All descendants with the given tag, in document order (not descending into matches). */
export function findAll(node: XNode, tag: string, out: XNode[] = []): XNode[] {
  for (const c of kids(node)) {
    if (tagOf(c) === tag) out.push(c);
    else findAll(c, tag, out);
  }
  return out;
}

/** Concatenated `#text` of a node's direct text children. */
export function textOf(node: XNode): string {
  let s = '';
  for (const c of kids(node)) if (tagOf(c) === '#text') s += String(c['#text']);
  return s;
}

/** The root element of a parsed part (skipping a leading declaration or whitespace). */
export function rootOf(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** An OOXML on/off property: present without `w:val`, or with a true value. */
export function isOn(node: XNode | undefined): boolean {
  if (!node) return false;
  const v = attr(node, 'w:val');
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}

/** An on/off attribute value (`1`, `true`, `on`), with the value to use when it is absent. */
export function onOff(value: string | undefined, absent: boolean): boolean {
  if (value === undefined) return absent;
  return value === '1' || value === 'true' || value === 'on';
}
