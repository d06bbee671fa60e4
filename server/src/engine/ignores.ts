/**
 * The project file's `ignores`: glob patterns of files the linter skips, relative to the
 * folder of the project file, read the way .gitignore reads them:
 *
 * - `archive/` or `archive` (a name without a slash) matches that folder, or that file, at
 *   any depth, and everything in the folder;
 * - `drafts/old/*.itures` (with a slash inside) matches from the project file's folder;
 * - `**`, `*`, `?`, `[…]` and `{a,b}` as in every glob (picomatch's syntax).
 */
import * as path from 'node:path';
import picomatch from 'picomatch';

export type IgnoreMatcher = (file: string) => boolean;

/** One pattern as picomatch globs: itself and, for a folder, everything inside it. */
function globsOf(pattern: string): string[] {
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  const folderOnly = p.endsWith('/');
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  p = p.slice(0, end);
  if (!p) return [];
  // a name without a slash matches at any depth; a leading slash anchors it to the root
  if (p.startsWith('/')) p = p.slice(1);
  else if (!p.includes('/')) p = `**/${p}`;
  return folderOnly ? [`${p}/**`] : [p, `${p}/**`];
}

/** Checks that a pattern can be read; the message when it cannot. */
export function patternProblem(pattern: string): string | null {
  if (!pattern.trim()) return 'an empty pattern matches nothing';
  try {
    for (const g of globsOf(pattern)) picomatch.makeRe(g, { dot: true, strictBrackets: true });
    return null;
  } catch (e) {
    const msg = (e as Error).message;
    // picomatch: `Missing closing: "]" - use "\\]" to match literal characters`
    const closing = /^Missing closing: "(.)"/.exec(msg);
    return closing ? `a "${closing[1]}" is missing` : msg;
  }
}

/**
 * Whether a file (an absolute path, or relative to the working folder) is ignored by
 * `patterns` of the project file in `root`. A file outside `root` never is.
 */
export function ignoreMatcher(patterns: string[], root: string): IgnoreMatcher {
  const globs = patterns.filter((p) => patternProblem(p) === null).flatMap(globsOf);
  if (globs.length === 0) return () => false;
  const isMatch = picomatch(globs, { dot: true });
  return (file: string) => {
    const rel = path.relative(root, path.resolve(file));
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return isMatch(rel.split(path.sep).join('/'));
  };
}
