/**
 * The client: starts the language server and gives its smarts a place in VS Code
 * (commands, a status bar item). Every language smart lives in the server (server/src).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerWordCommands } from './word';
// the answer to itu-resolution/lintWorkspace (a type only: nothing of the server is bundled here)
import type { WorkspaceLintResult } from '../../server/src/workspaceLint';

let client: LanguageClient | undefined;

const LANGUAGE = 'itu-resolution';
/** The read-only view of a Word reference document (the server's features/wordView.ts). */
const WORD_VIEW_SCHEME = 'itu-resolution-word';

interface DocumentInfo {
  errors: number;
  warnings: number;
  infos: number;
  meeting: string | null;
  resolutions: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE },
      { scheme: 'untitled', language: LANGUAGE },
    ],
    synchronize: {
      configurationSection: LANGUAGE,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.reslintrc{,.json}'),
    },
  };
  client = new LanguageClient(LANGUAGE, 'ITU Resolution', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });

  // renumber / reletter the whole document (the server computes the edits and applies them)
  context.subscriptions.push(
    vscode.commands.registerCommand('itu-resolution.renumber', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: 'itu-resolution.server.renumber', arguments: [editor.document.uri.toString()] });
    }),
  );

  // every resolution file of the workspace checked, its findings in the Problems view
  context.subscriptions.push(
    vscode.commands.registerCommand('itu-resolution.lintWorkspace', async () => {
      if (!client) return;
      const c = client;
      let r: WorkspaceLintResult;
      try {
        r = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'ITU Resolution: checking the resolution files of the workspace', cancellable: true },
          (_progress, token) => c.sendRequest<WorkspaceLintResult>('itu-resolution/lintWorkspace', {}, token),
        );
      } catch (e) {
        // cancelled before the server answered, or the server gone
        if (!(e instanceof vscode.CancellationError)) void vscode.window.showErrorMessage(`ITU Resolution: the workspace could not be checked: ${(e as Error)?.message ?? e}`);
        return;
      }
      const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
      const left = [r.open ? `${r.open} open (checked as you type)` : '', r.ignored ? `${r.ignored} named by "ignores"` : '', r.skipped.length ? `${r.skipped.length} unreadable` : ''].filter(Boolean);
      const message =
        `${r.cancelled ? 'Stopped: ' : ''}${n(r.files, 'file')} checked: ${n(r.errors, 'error')}, ${n(r.warnings, 'warning')}, ${r.infos} info` +
        (left.length ? `; left out: ${left.join(', ')}.` : '.');
      void vscode.window.showInformationMessage(message);
      if (r.errors + r.warnings + r.infos > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
  );

  // Enter after a labelled clause starts the next clause with its label
  context.subscriptions.push(
    vscode.commands.registerCommand('itu-resolution.newClause', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const pos = editor.selection.active;
      let label: string | null = null;
      const enabled = vscode.workspace.getConfiguration(LANGUAGE, editor.document.uri).get<boolean>('labelOnEnter', true);
      if (enabled && editor.selection.isEmpty && pos.character === editor.document.lineAt(pos.line).text.length) {
        label = await client.sendRequest<string | null>('itu-resolution/nextLabel', {
          uri: editor.document.uri.toString(),
          position: { line: pos.line, character: pos.character },
        });
      }
      if (label) await editor.insertSnippet(new vscode.SnippetString(`\n${label}\t$0`));
      else await vscode.commands.executeCommand('default:type', { text: '\n' });
    }),
  );

  // status bar: the document's finding count and the adopting meeting
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.name = 'ITU Resolution';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);
  let pending: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE || !client) {
        status.hide();
        return;
      }
      try {
        const info = await client.sendRequest<DocumentInfo | null>('itu-resolution/documentInfo', { uri: editor.document.uri.toString() });
        if (!info) return status.hide();
        const counts = `$(error) ${info.errors} $(warning) ${info.warnings}`;
        status.text = info.meeting ? `${counts}  ${info.meeting}` : counts;
        status.tooltip = `ITU resolution: ${info.errors} errors, ${info.warnings} warnings, ${info.infos} notes${info.meeting ? `; adopted at ${info.meeting}` : ''}`;
        status.show();
      } catch {
        status.hide();
      }
    }, 200);
  };
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  );
  refresh();

  registerWordCommands(context, () => client);

  // Word reference documents: go to definition opens a read-only view of their text, which
  // the server converts (server/src/features/wordView.ts); shown as a resolution
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(WORD_VIEW_SCHEME, {
      provideTextDocumentContent: async (uri) => {
        const text = client ? await client.sendRequest<string | null>('itu-resolution/wordText', { uri: uri.toString() }) : null;
        return text ?? `${uri.fsPath} is not among the indexed reference documents (any more).\n`;
      },
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === WORD_VIEW_SCHEME && doc.languageId !== LANGUAGE) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
