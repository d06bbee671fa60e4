/**
 * Entry bundled by offline.test.ts and run under the no-network preload: lints a file
 * through the engine (lintText, fixText) and through the server's Workspace (project file,
 * reference folders), and prints what it found as JSON.
 *
 *   node --require no-network.cjs offline-entry.js FILE WORKSPACE_FOLDER
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintText, fixText } from '../../server/src/engine';
import { Workspace } from '../../server/src/workspace';

async function main(): Promise<void> {
  const [file, folder] = process.argv.slice(2);
  const text = readFileSync(file, 'utf8');
  const show = (fs: { rule: string; range: { start: { line: number; character: number } } }[]) => fs.map((f) => `${f.rule}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
  const engine = show(lintText(text).findings);
  const fixed = fixText(text);
  const logs: string[] = [];
  const ws = new Workspace((m) => logs.push(m));
  ws.addFolder(folder);
  const target = path.join(folder, 'draft.itures');
  // the reference folders are read asynchronously: lint, let them load, lint again
  ws.lint('file://' + target, target, 1, text);
  await new Promise((r) => setTimeout(r, 300));
  const state = ws.lint('file://' + target, target, 2, text);
  ws.dispose();
  process.stdout.write(
    JSON.stringify({ engine, fixedChanged: fixed.text !== text, fixedRemaining: show(fixed.findings), workspace: show(state.findings), configProblems: state.configProblems, logs }) + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`offline entry failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
