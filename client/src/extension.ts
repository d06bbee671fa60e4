/**
 * The client: starts the language server and forwards the extension's commands to it.
 * Every language smart lives in the server (server/src).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'itu-resolution' },
      { scheme: 'untitled', language: 'itu-resolution' },
    ],
    synchronize: {
      configurationSection: 'itu-resolution',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.reslintrc{,.json}'),
    },
  };
  client = new LanguageClient('itu-resolution', 'ITU Resolution', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
