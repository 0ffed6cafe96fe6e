/**
 * A language client for tests: speaks LSP to a Cardinal server and records what the server pushes
 * (diagnostics, messages, progress), so tests can wait for a state with a deadline instead of sleeping.
 * The server runs in this process over an in-memory connection (`startServer(connection)`, the fast
 * tier), or as `node server/out/server.js --stdio` in a child process, for the tests that are about
 * the process itself (its transport, its memory, being killed).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection as createServerConnection } from 'vscode-languageserver';
import {
  ConfigurationRequest,
  Diagnostic,
  InitializeParams,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  LogMessageNotification,
  LogMessageParams,
  ProgressToken,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShowMessageNotification,
  ShowMessageParams,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
  WorkDoneProgress,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  TextEdit,
  ShutdownRequest,
  ExitNotification,
  RegistrationRequest,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_MAIN = path.join(REPO_ROOT, 'server/out/server.js');
const { startServer } = require(path.join(REPO_ROOT, 'server/out/lsp/server.js')) as typeof import('../../server/src/lsp/server');
export const LSP_FIXTURES = path.join(REPO_ROOT, 'test/fixtures-lsp');

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Polls `read` until it returns something other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function uriOf(fileName: string): string {
  return pathToFileURL(fileName).href;
}

/** How the test reaches the server. */
export type Transport = 'memory' | 'stdio';

/** The server end of a session: where its messages come from and go, and how it ends. */
interface ServerEndpoint {
  readonly reader: StreamMessageReader;
  readonly writer: StreamMessageWriter;
  /** Resolves to the exit code once the server has exited. */
  readonly exited: Promise<number | null>;
  /** The server's process id, for the stdio transport. */
  readonly pid?: number;
  stderr(): string;
  /** Writes raw bytes where the server reads its messages. */
  writeRaw(bytes: Buffer): void;
  kill(): void;
}

function spawnServer(): ServerEndpoint {
  const child = spawn(process.execPath, [SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    reader: new StreamMessageReader(child.stdout!),
    writer: new StreamMessageWriter(child.stdin!),
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    pid: child.pid,
    stderr: () => stderr,
    writeRaw: (bytes) => child.stdin!.write(bytes),
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

/** A server in this process: `startServer` on a connection over two in-memory streams. */
function inMemoryServer(): ServerEndpoint {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  let shutdownReceived = false;
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number | null>((resolve) => (exit = resolve));
  const connection = createServerConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger),
    {
      // The process is the test runner's: the server watches no parent and never calls process.exit.
      initialize: () => undefined,
      get shutdownReceived() {
        return shutdownReceived;
      },
      set shutdownReceived(value: boolean) {
        shutdownReceived = value;
      },
      exit: (code) => {
        connection.dispose();
        exit(code);
      },
    },
  );
  startServer(connection);
  return {
    reader: new StreamMessageReader(toClient),
    writer: new StreamMessageWriter(toServer),
    exited,
    stderr: () => '',
    writeRaw: (bytes) => toServer.write(bytes),
    kill: () => {
      connection.dispose();
      exit(1);
    },
  };
}

/** Runs `body` against a fresh server on `rootFolder`, then checks that the server shuts down cleanly. */
export async function withServerOn(
  rootFolder: string,
  body: (session: LspSession) => Promise<void>,
  capabilities?: InitializeParams['capabilities'],
  transport: Transport = 'memory',
): Promise<void> {
  const { session } = await LspSession.start(rootFolder, capabilities, transport);
  try {
    await body(session);
    assert.equal(await session.shutdown(), 0, `server exit code (stderr: ${session.stderr})`);
  } finally {
    session.dispose();
  }
}

export class LspSession {
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI, and every publication in order. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly progress = new Map<ProgressToken, ProgressValue[]>();
  /** Tokens the server created with `window/workDoneProgress/create`. */
  readonly createdTokens: ProgressToken[] = [];
  /** What the client answers to `workspace/configuration` for the `cardinal` section. */
  settings: Record<string, unknown> = {};
  private readonly versions = new Map<string, number>();

  private constructor(private readonly server: ServerEndpoint) {
    this.connection = createProtocolConnection(server.reader, server.writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.publications.push(params);
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'cardinal' ? this.settings : null)));
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.createdTokens.push(params.token);
      this.recordProgress(params.token);
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  /** Starts a server and initializes it with `rootFolder` as the only workspace folder. */
  static async start(
    rootFolder: string,
    capabilities: InitializeParams['capabilities'] = defaultCapabilities(),
    transport: Transport = 'memory',
  ): Promise<{ session: LspSession; result: InitializeResult }> {
    const session = new LspSession(transport === 'stdio' ? spawnServer() : inMemoryServer());
    const rootUri = uriOf(rootFolder);
    const result = await session.connection.sendRequest(InitializeRequest.type, {
      // An in-process server must not watch its own process.
      processId: transport === 'stdio' ? process.pid : null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(rootFolder) }],
      capabilities,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return { session, result };
  }

  /** Opens a file of the fixtures with its text from disk (or `text`). Returns its URI. */
  async open(fileName: string, text = fs.readFileSync(fileName, 'utf8'), languageId = 'typescript'): Promise<string> {
    const uri = uriOf(fileName);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Sends `edits` as one incremental change, each range in the text the edits before it produced. */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const contentChanges = edits.map((edit) => ({ range: edit.range, text: edit.newText }));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Records the `$/progress` notifications of `token` in {@link progress}. */
  recordProgress(token: ProgressToken): void {
    const values: ProgressValue[] = [];
    this.progress.set(token, values);
    this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      values.push(value);
    });
  }

  /** Waits until the latest diagnostics of `uri` satisfy `accept`. */
  waitForDiagnostics(uri: string, what: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]> {
    return waitFor(
      `${what} (${uri})`,
      () => {
        const published = this.diagnostics.get(uri);
        return published && accept(published.diagnostics) ? published.diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  /** What the server wrote to stderr (stdio transport only). */
  get stderr(): string {
    return this.server.stderr();
  }

  /** The server's process id, for the stdio transport. */
  get pid(): number | undefined {
    return this.server.pid;
  }

  /** Sends raw bytes as one message body, bypassing the JSON encoder (for malformed input). */
  writeRawMessage(body: Buffer): void {
    this.server.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Shuts the server down politely and returns its exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.server.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server if a test failed before shutting it down. */
  dispose(): void {
    this.server.kill();
    this.connection.dispose();
  }
}

export function defaultCapabilities(): InitializeParams['capabilities'] {
  return {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
    window: { workDoneProgress: true },
    textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
  };
}
