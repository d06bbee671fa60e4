/**
 * Word commands: export to .docx in ITU's template, import a .docx as a new resolution
 * document, and create a MOD proposal with tracked changes. They run the bundled reslint
 * CLI (dist/cli.js) in a child process, so the editor never loads the Word libraries.
 */
import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

function runCli(context: vscode.ExtensionContext, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = fork(context.asAbsolutePath(path.join('dist', 'cli.js')), args, { silent: true, env: { ...process.env, RESLINT_RUN: '1' } });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 2, out, err }));
    child.on('error', (e) => resolve({ code: 2, out, err: err + String(e) }));
  });
}

/** The active resolution document as a file on disk (a temporary copy when unsaved). */
async function documentOnDisk(doc: vscode.TextDocument): Promise<string> {
  if (doc.uri.scheme === 'file' && !doc.isDirty) return doc.uri.fsPath;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'itu-resolution-'));
  const file = path.join(dir, path.basename(doc.fileName || 'untitled') + (doc.uri.scheme === 'file' ? '' : '.itures'));
  await fs.writeFile(file, doc.getText(), 'utf8');
  return file;
}

function activeResolution(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'itu-resolution') {
    void vscode.window.showWarningMessage('Open an ITU resolution document first.');
    return undefined;
  }
  return doc;
}

export function registerWordCommands(context: vscode.ExtensionContext, _client: () => LanguageClient | undefined): void {
  void _client;
  const cfg = () => vscode.workspace.getConfiguration('itu-resolution');

  context.subscriptions.push(
    vscode.commands.registerCommand('itu-resolution.exportDocx', async (target?: vscode.Uri) => {
      const doc = activeResolution();
      if (!doc) return;
      const out = target ?? (await vscode.window.showSaveDialog({ filters: { 'Word document': ['docx'] }, defaultUri: vscode.Uri.file(doc.fileName.replace(/(\.res)?\.(itures|resolution|txt)$/i, '') + '.docx') }));
      if (!out) return;
      const r = await runCli(context, ['export', '--to', 'docx', await documentOnDisk(doc), '-o', out.fsPath]);
      if (r.code === 0) void vscode.window.showInformationMessage(`Exported to ${path.basename(out.fsPath)}.`);
      else void vscode.window.showErrorMessage(`Export failed: ${r.err.trim() || `exit ${r.code}`}`);
    }),

    vscode.commands.registerCommand('itu-resolution.importDocx', async (source?: vscode.Uri) => {
      const picked = source ? [source] : await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Word document': ['docx'] } });
      if (!picked?.length) return;
      const r = await runCli(context, ['import', picked[0].fsPath]);
      if (r.code !== 0) {
        void vscode.window.showErrorMessage(`Import failed: ${r.err.trim() || `exit ${r.code}`}`);
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'itu-resolution', content: r.out });
      await vscode.window.showTextDocument(doc);
      if (r.err.trim()) void vscode.window.showWarningMessage(`Imported with notes: ${r.err.trim().split('\n').slice(0, 3).join(' ')}`);
    }),

    vscode.commands.registerCommand('itu-resolution.createModProposal', async (reference?: vscode.Uri, target?: vscode.Uri) => {
      const doc = activeResolution();
      if (!doc) return;
      const base = reference ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Reference resolution', filters: { 'Resolution': ['itures', 'resolution', 'txt', 'docx'] } }))?.[0];
      if (!base) return;
      const out = target ?? (await vscode.window.showSaveDialog({ filters: { 'Word document': ['docx'], 'Text': ['txt'] }, defaultUri: vscode.Uri.file(doc.fileName.replace(/\.[^./]+$/, '') + '-MOD.docx') }));
      if (!out) return;
      const args = ['mod', '--base', base.fsPath, await documentOnDisk(doc), '-o', out.fsPath];
      const author = cfg().get<string>('word.author');
      if (author) args.push('--author', author);
      const id = cfg().get<string>('word.proposalIdentifier');
      if (id) args.push('--id', id);
      const r = await runCli(context, args);
      if (r.code === 0) void vscode.window.showInformationMessage(`MOD proposal written to ${path.basename(out.fsPath)}.`);
      else void vscode.window.showErrorMessage(`MOD proposal failed: ${r.err.trim() || `exit ${r.code}`}`);
    }),
  );
}
