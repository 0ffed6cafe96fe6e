/**
 * Measurement 7: the language server's cold start on a small workspace, as a user meets it. From
 * spawning the server to the first diagnostics of the first file opened (with its finding), and the
 * part of it from `didOpen`, once the handshake is done. Each run is a new process; the editor's own
 * start-up (code-server, the extension host) is not in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { summarize } from './stats.mjs';

export async function measureColdStart({ workspace, file, runs }) {
  const totals = [];
  const fromOpen = [];
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const client = await LspClient.start(workspace);
    try {
      const opened = performance.now();
      const published = await client.open(pathToFileURL(join(workspace, file)).href, readFileSync(join(workspace, file), 'utf8'), 1);
      const now = performance.now();
      totals.push(now - started);
      fromOpen.push(now - opened);
      findings = published.diagnostics.length;
    } finally {
      await client.stop();
    }
  }
  return { workspace, file, totalMs: summarize(totals), fromOpenMs: summarize(fromOpen), findings };
}
