/** Markdown for hovers: escaping, and a clause's text (model/content.ts clauseText) as paragraphs. */

export function escape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

export function paragraphs(text: string): string {
  return text.split('\n').map(escape).join('\n\n');
}
