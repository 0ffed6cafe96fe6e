/** package.json declares settings and commands; the code's defaults and ids must agree with it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './lsp-session';
import { loadServerModule } from '../support/server-module';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const { SETTING_DEFAULTS } = loadServerModule<typeof import('../../server/src/lsp/settings')>('lsp/settings');

test('every cardinal.* setting has the default the server assumes, a scope and a markdownDescription', () => {
  const properties: Record<string, { default: unknown; scope?: string; markdownDescription?: string }> = manifest.contributes.configuration.properties;
  const declared = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key.replace(/^cardinal\./, ''), property.default]));
  assert.deepEqual(declared, { ...SETTING_DEFAULTS });
  for (const [key, property] of Object.entries(properties)) {
    assert.ok(property.scope, `${key} has a scope`);
    assert.ok(property.markdownDescription, `${key} has a markdownDescription`);
  }
});

test('the commands are declared in the Cardinal category and activate the extension', () => {
  const commands: { command: string; category: string }[] = manifest.contributes.commands;
  assert.deepEqual(commands.map((command) => command.command).sort(), ['cardinal.clearFlow', 'cardinal.restartServer', 'cardinal.scanWorkspace', 'cardinal.showFlow', 'cardinal.showOutput', 'cardinal.showRuleDocumentation']);
  for (const command of commands) {
    assert.equal(command.category, 'Cardinal');
    assert.ok(manifest.activationEvents.includes(`onCommand:${command.command}`));
  }
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
});
