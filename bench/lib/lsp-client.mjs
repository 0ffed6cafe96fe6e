/**
 * A minimal LSP client for the bench: starts the language server over stdio, opens and edits
 * documents, waits for their diagnostics, runs the workspace scan, and samples the server's memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';

const PROBE = fileURLToPath(new URL('../lsp/memory-probe.cjs', import.meta.url));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class LspClient {
  #child;
  #connection;
  #scratch;
  /** Waiters for diagnostics, by URI. */
  #waiters = new Map();

  /** Starts the server with `root` as its only workspace folder and completes the handshake. */
  static async start(root) {
    const client = new LspClient(root);
    await client.#initialize(root);
    return client;
  }

  constructor(root) {
    this.#scratch = mkdtempSync(join(tmpdir(), 'cardinal-bench-lsp-'));
    this.#child = spawn(process.execPath, ['--expose-gc', PROBE, '--stdio'], {
      cwd: root,
      env: { ...process.env, CARDINAL_BENCH_MEMORY_FILE: join(this.#scratch, 'memory.json') },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.#connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(this.#child.stdout), new rpc.StreamMessageWriter(this.#child.stdin));
    this.#connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
      for (const waiter of this.#waiters.get(params.uri) ?? []) waiter(params);
    });
    // Progress and log traffic is not measured; answer what the server may ask so it never waits.
    this.#connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
    this.#connection.onRequest(rpc.RegistrationRequest.type, () => null);
    this.#connection.onNotification(rpc.LogMessageNotification.type, () => undefined);
    this.#connection.listen();
  }

  async #initialize(root) {
    const rootUri = pathToFileURL(root).href;
    await this.#connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { workspaceFolders: true } },
    });
    await this.#connection.sendNotification(rpc.InitializedNotification.type, {});
  }

  /** Runs `cardinal/scanWorkspace`; resolves to its result. */
  scanWorkspace() {
    return this.#connection.sendRequest('cardinal/scanWorkspace', {});
  }

  /** Opens a document and resolves once its diagnostics for `version` arrive. */
  open(uri, text, version) {
    const published = this.diagnosticsFor(uri, version);
    this.#connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version, text } });
    return published;
  }

  /** Sends one incremental change; resolves once diagnostics for `version` arrive. */
  change(uri, version, range, text) {
    const published = this.diagnosticsFor(uri, version);
    this.#connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return published;
  }

  /** Resolves with the first diagnostics published for `uri` at `version`. */
  diagnosticsFor(uri, version, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const waiters = this.#waiters.get(uri) ?? [];
      this.#waiters.set(uri, waiters);
      const timer = setTimeout(() => {
        remove();
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (params) => {
        if (params.version !== version) return;
        clearTimeout(timer);
        remove();
        resolve(params);
      };
      const remove = () => waiters.splice(waiters.indexOf(waiter), 1);
      waiters.push(waiter);
    });
  }

  /** The server's memory after a garbage collection: `{ rssMb, peakRssMb, heapUsedMb, heapTotalMb, externalMb }`. */
  async memory(timeoutMs = 10_000) {
    const file = join(this.#scratch, 'memory.json');
    const before = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).at : 0;
    this.#child.kill('SIGUSR2');
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(20)) {
      if (!existsSync(file)) continue;
      const sample = JSON.parse(readFileSync(file, 'utf8'));
      if (sample.at > before) {
        const mb = (bytes) => bytes / 2 ** 20;
        return { rssMb: mb(sample.rss), peakRssMb: mb(sample.maxRss), heapUsedMb: mb(sample.heapUsed), heapTotalMb: mb(sample.heapTotal), externalMb: mb(sample.external) };
      }
    }
    throw new Error('the server did not report its memory');
  }

  /**
   * The server's memory once it has sat idle: V8 hands freed pages back to the system only after a
   * quiet spell of several seconds (its memory reducer), so memory sampled right after work overstates
   * what the server keeps. Samples every 5 s, for at least 10 s, until RSS moves by less than 2 %, for
   * at most `limitMs`. Resolves to the last sample and the first (`busy`), which was taken at once.
   */
  async settledMemory(limitMs = 45_000) {
    const busy = await this.memory();
    let last = busy;
    for (let waited = 0; waited < limitMs; ) {
      await sleep(5_000);
      waited += 5_000;
      const next = await this.memory();
      const settled = waited >= 10_000 && Math.abs(next.rssMb - last.rssMb) < 0.02 * last.rssMb;
      last = next;
      if (settled) break;
    }
    return { ...last, busy };
  }

  async stop() {
    try {
      await this.#connection.sendRequest(rpc.ShutdownRequest.type);
      await this.#connection.sendNotification(rpc.ExitNotification.type);
    } finally {
      this.#connection.dispose();
      await new Promise((resolve) => (this.#child.exitCode !== null ? resolve() : this.#child.once('exit', resolve)));
      rmSync(this.#scratch, { recursive: true, force: true });
    }
  }
}
