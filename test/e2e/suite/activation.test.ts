import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cardinal-dev.cardinal';
const COMMANDS = ['cardinal.scanWorkspace', 'cardinal.showOutput', 'cardinal.restartServer', 'cardinal.showRuleDocumentation', 'cardinal.showFlow', 'cardinal.clearFlow'];

describe('the extension', () => {
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
