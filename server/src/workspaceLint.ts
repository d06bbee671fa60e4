/**
 * The command "Check All Resolution Files in the Workspace": every resolution file of the
 * workspace folders that is not open (an open one has its findings already) and that the
 * project file's `ignores` do not name is read and linted, and its findings are published,
 * so that the Problems view lists the whole project, as `reslint FOLDER` would print it.
 * The folders are walked safely (references/files.ts: no link loops, no links out of the
 * folder, size and count limits), and the event loop is given back between files, so the
 * editor's requests are answered meanwhile.
 */
import * as path from 'node:path';
import { lintFindings } from './engine';
import { DEFAULT_LIMITS, NODE_FS, isResolutionFileName, readReferenceFile, statFile, walk, type Limits } from './references/files';
import type { Finding } from './rules/types';
import type { Workspace } from './workspace';

export interface WorkspaceLintResult {
  /** files linted */
  files: number;
  /** findings by severity over those files */
  errors: number;
  warnings: number;
  infos: number;
  /** files left out: open in the editor, named by `ignores`, or unreadable (with the reason) */
  open: number;
  ignored: number;
  skipped: { file: string; reason: string }[];
  /** the run was cancelled before the end */
  cancelled: boolean;
}

export interface WorkspaceLintDeps {
  workspace: Workspace;
  /** whether the file is open in the editor */
  isOpen: (fsPath: string) => boolean;
  /** publishes a file's findings */
  publish: (fsPath: string, findings: Finding[]) => void;
  /** says what is wrong in a project file (each file once: the workspace keeps count) */
  configProblem: (message: string) => void;
  isCancelled?: () => boolean;
  limits?: Limits;
}

export async function lintWorkspaceFiles(folders: readonly string[], deps: WorkspaceLintDeps): Promise<WorkspaceLintResult> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const result: WorkspaceLintResult = { files: 0, errors: 0, warnings: 0, infos: 0, open: 0, ignored: 0, skipped: [], cancelled: false };
  const skip = (file: string, reason: string) => result.skipped.push({ file, reason });
  const seen = new Set<string>();
  for (const folder of folders) {
    let root: string;
    try {
      root = await NODE_FS.realpath(folder);
    } catch {
      skip(folder, 'the workspace folder cannot be read');
      continue;
    }
    // what the walk leaves out (links out of the folder, loops, folders too deep) is not a resolution file to check
    const { files } = await walk(root, NODE_FS, limits, () => {});
    for (const file of files) {
      if (deps.isCancelled?.()) {
        result.cancelled = true;
        return result;
      }
      if (!isResolutionFileName(path.basename(file)) || seen.has(file)) continue;
      seen.add(file);
      if (deps.isOpen(file)) {
        result.open++;
        continue;
      }
      if (deps.workspace.isIgnored(file)) {
        result.ignored++;
        continue;
      }
      const st = await statFile(file, NODE_FS);
      if (!st.ok) {
        skip(file, st.reason);
        continue;
      }
      const read = await readReferenceFile(file, st.st, NODE_FS, limits);
      if (!read.ok) {
        skip(file, read.reason);
        continue;
      }
      const text = read.text;
      const { config, problems } = deps.workspace.configFor(file);
      for (const m of problems) deps.configProblem(m);
      const findings = lintFindings(text, { config, data: deps.workspace.dataFor(file) });
      result.files++;
      for (const f of findings) {
        if (f.severity === 'error') result.errors++;
        else if (f.severity === 'warning') result.warnings++;
        else result.infos++;
      }
      deps.publish(file, findings);
      // the editor's requests come first
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  return result;
}
