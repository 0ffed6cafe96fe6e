/**
 * A third LSP client: Emacs with eglot (Debian's emacs-nox and elpa-eglot), in batch mode, as the
 * README sets it up. It opens the incident fixture, prints the diagnostics flymake received, and
 * calls the workspace scan.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ensureCommand } from '../support/debian-packages';
import { createTempTree, removeTree } from '../support/temp-tree';
import { LSP_FIXTURES, SERVER_MAIN } from './lsp-session';

function script(workspace: string): string {
  const lisp = (text: string) => JSON.stringify(text);
  return `
(require 'eglot)
(require 'flymake)
(find-file ${lisp(path.join(workspace, 'src/middleware.ts'))})
(js-mode)
(eglot '(js-mode) (project-current nil ${lisp(`${workspace}/`)}) 'eglot-lsp-server '(${lisp(process.execPath)} ${lisp(SERVER_MAIN)} "--stdio") "typescript")
(let ((i 0))
  (while (and (< i 600) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)
    (setq i (1+ i))))
(dolist (d (flymake-diagnostics))
  (princ (format "DIAGNOSTIC %d %s\\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
(let ((result (jsonrpc-request (eglot-current-server) :cardinal/scanWorkspace (make-hash-table) :timeout 60)))
  (princ (format "SCAN files=%s findings=%s\\n" (plist-get result :files) (plist-get result :findings))))
(kill-emacs 0)
`;
}

test('Emacs with eglot receives the incident diagnostic and runs the workspace scan', () => {
  const emacs = ensureCommand('emacs', ['emacs-nox'], ['elpa-eglot']);
  const workspace = createTempTree({});
  try {
    fs.cpSync(path.join(LSP_FIXTURES, 'incident'), workspace, { recursive: true });
    // project.el finds a project by its version control root: the copy is one of its own.
    assert.equal(spawnSync('git', ['init', '-q', workspace]).status, 0);
    fs.writeFileSync(path.join(workspace, 'cardinal-test.el'), script(workspace));
    // HOME is the workspace: no user init file, and Debian's site files load eglot.
    const run = spawnSync(emacs, ['--batch', '-l', path.join(workspace, 'cardinal-test.el')], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: workspace } });
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 0, output);
    assert.match(output, /^DIAGNOSTIC 12 cardinal \[raw-path-label\]: label "endpoint"/m);
    assert.match(output, /^SCAN files=\d+ findings=[1-9]\d*$/m);
  } finally {
    removeTree(workspace);
  }
});
