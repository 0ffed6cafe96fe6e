import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, workspaceFile } from './workspace';

const EXTENSION_ID = 'cardinal-dev.cardinal';
const COMMANDS = ['cardinal.scanWorkspace', 'cardinal.showOutput', 'cardinal.restartServer', 'cardinal.showRuleDocumentation', 'cardinal.showFlow', 'cardinal.clearFlow'];

describe('the extension', () => {
  // The suite's first test, so the extension is not active yet: opening the file starts it. The time
  // is reported for the bench (bench/lib/editor-cold-start.mjs), never asserted here.
  it('cold start: activates on the first file opened and shows its squiggle', async () => {
    const started = Date.now();
    const middleware = workspaceFile('src/middleware.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(middleware));
    await waitFor('the first Cardinal diagnostic of src/middleware.ts', () => (cardinalDiagnostics(middleware).length > 0 ? true : undefined));
    console.log(`cardinal-e2e:measure cold-start-ms ${Date.now() - started}`);
  });

  it('activates and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      COMMANDS.filter((command) => !registered.has(command)),
      [],
      'commands missing from the command registry',
    );
  });
});
