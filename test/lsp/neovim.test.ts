/**
 * A second, independent LSP client: headless Neovim (Debian's 0.7) starts the server over stdio, opens
 * the incident fixture (in TypeScript, and in Go) and prints the diagnostics it received. Needs the
 * analysis core's findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { LSP_FIXTURES, SERVER_MAIN } from './lsp-session';

/** Neovim's path; installs Debian's package when running as root, and says why it cannot otherwise. */
function ensureNeovim(): string {
  const found = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('nvim is not installed and this is not root: run `apt-get install -y neovim` first.');
  for (const args of [['update'], ['install', '-y', 'neovim']]) {
    const result = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr}`);
  }
  return 'nvim';
}

/** Starts the server for the current buffer, waits for its diagnostics, prints them and quits. */
function initLua(workspace: string): string {
  return `
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local id = vim.lsp.start_client({
    name = 'cardinal',
    cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER_MAIN)}, '--stdio' },
    root_dir = ${JSON.stringify(workspace)},
  })
  vim.lsp.buf_attach_client(0, id)
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  if not ok then
    io.stdout:write('TIMEOUT waiting for diagnostics\\n')
    vim.cmd('cquit 1')
  end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
    io.stdout:write(string.format('DIAGNOSTIC %d:%d %s %s %s\\n', d.lnum + 1, d.col + 1, d.source or '', code, d.message))
  end
  vim.cmd('qall!')
end })
`;
}

/** Opens `file` of `workspace` in headless Neovim and returns the diagnostic lines it printed. */
function neovimDiagnostics(workspace: string, file: string): string[] {
  const nvim = ensureNeovim();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-nvim-'));
  try {
    const init = path.join(folder, 'init.lua');
    fs.writeFileSync(init, initLua(workspace));
    const result = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, path.join(workspace, file)], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, XDG_CONFIG_HOME: folder, XDG_DATA_HOME: folder, XDG_STATE_HOME: folder, XDG_CACHE_HOME: folder },
    });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, `nvim exited with ${result.status}:\n${output}`);
    return output.split(/\r?\n/).filter((line) => line.startsWith('DIAGNOSTIC '));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('Neovim 0.7 receives the raw-path-label diagnostic of the incident fixture', () => {
  const lines = neovimDiagnostics(path.join(LSP_FIXTURES, 'incident'), 'src/middleware.ts');
  assert.ok(lines.some((line) => /^DIAGNOSTIC 12:\d+ cardinal raw-path-label .*endpoint/.test(line)), `diagnostics printed by Neovim:\n${lines.join('\n')}`);
});

test('Neovim 0.7 receives the raw-path-label diagnostic of the incident gin middleware (Go)', () => {
  const lines = neovimDiagnostics(path.join(LSP_FIXTURES, 'go-service'), 'middlewares/prom.go');
  assert.ok(lines.some((line) => /^DIAGNOSTIC 46:31 cardinal raw-path-label .*endpoint/.test(line)), `diagnostics printed by Neovim:\n${lines.join('\n')}`);
});
