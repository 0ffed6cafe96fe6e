/**
 * A second, independent LSP client: headless Neovim (Debian's 0.7) starts the server over stdio, opens
 * the incident fixture (in TypeScript, and in Go) and prints the diagnostics it received, or calls the
 * workspace scan the way the README shows (Lua sends its empty table as `[]`). Needs the analysis
 * core's findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ensureCommand } from '../support/debian-packages';
import { LSP_FIXTURES, SERVER_MAIN } from './lsp-session';

/** Starts the server for the current buffer, runs `action` (Lua, with the client id in `id`) and quits. */
function initLua(workspace: string, action: string): string {
  return `
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local id = vim.lsp.start_client({
    name = 'cardinal',
    cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER_MAIN)}, '--stdio' },
    root_dir = ${JSON.stringify(workspace)},
  })
  vim.lsp.buf_attach_client(0, id)
${action}
  vim.cmd('qall!')
end })
`;
}

/** Waits for the buffer's diagnostics and prints them. */
const PRINT_DIAGNOSTICS = `
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  if not ok then
    io.stdout:write('TIMEOUT waiting for diagnostics\\n')
    vim.cmd('cquit 1')
  end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
    io.stdout:write(string.format('DIAGNOSTIC %d:%d %s %s %s\\n', d.lnum + 1, d.col + 1, d.source or '', code, d.message))
  end`;

/** Calls the workspace scan as the README's :CardinalScan does, and prints its result. */
const CALL_SCAN = `
  local client = vim.lsp.get_client_by_id(id)
  vim.wait(30000, function() return client.initialized end, 50)
  local done = false
  client.request('cardinal/scanWorkspace', {}, function(err, result)
    if err then io.stdout:write('SCAN error ' .. err.message .. '\\n')
    else io.stdout:write(string.format('SCAN files=%d findings=%d\\n', result.files, result.findings)) end
    done = true
  end, 0)
  if not vim.wait(60000, function() return done end, 50) then
    io.stdout:write('TIMEOUT waiting for the scan\\n')
    vim.cmd('cquit 1')
  end`;

/** Opens `file` of `workspace` in headless Neovim, runs `action` and returns the lines it printed that start with `prefix`. */
function neovimOutput(workspace: string, file: string, action: string, prefix: string): string[] {
  const nvim = ensureCommand('nvim', ['neovim']);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-nvim-'));
  try {
    const init = path.join(folder, 'init.lua');
    fs.writeFileSync(init, initLua(workspace, action));
    const result = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, path.join(workspace, file)], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, XDG_CONFIG_HOME: folder, XDG_DATA_HOME: folder, XDG_STATE_HOME: folder, XDG_CACHE_HOME: folder },
    });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, `nvim exited with ${result.status}:\n${output}`);
    return output.split(/\r?\n/).filter((line) => line.startsWith(prefix));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function neovimDiagnostics(workspace: string, file: string): string[] {
  return neovimOutput(workspace, file, PRINT_DIAGNOSTICS, 'DIAGNOSTIC ');
}

test('Neovim 0.7 receives the raw-path-label diagnostic of the incident fixture', () => {
  const lines = neovimDiagnostics(path.join(LSP_FIXTURES, 'incident'), 'src/middleware.ts');
  assert.ok(lines.some((line) => /^DIAGNOSTIC 12:\d+ cardinal raw-path-label .*endpoint/.test(line)), `diagnostics printed by Neovim:\n${lines.join('\n')}`);
});

test('Neovim 0.7 receives the raw-path-label diagnostic of the incident gin middleware (Go)', () => {
  const lines = neovimDiagnostics(path.join(LSP_FIXTURES, 'go-service'), 'middlewares/prom.go');
  assert.ok(lines.some((line) => /^DIAGNOSTIC 46:31 cardinal raw-path-label .*endpoint/.test(line)), `diagnostics printed by Neovim:\n${lines.join('\n')}`);
});

test('Neovim 0.7 calls the workspace scan as the README shows, its {} arriving as []', () => {
  const lines = neovimOutput(path.join(LSP_FIXTURES, 'incident'), 'src/middleware.ts', CALL_SCAN, 'SCAN ');
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /^SCAN files=\d+ findings=[1-9]\d*$/);
});
