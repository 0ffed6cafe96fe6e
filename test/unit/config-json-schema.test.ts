/**
 * The JSON Schema VS Code validates cardinal.config.json with (`jsonValidation`): generated from the
 * rule modules and current, and in agreement with the validator the CLI and the server use.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import type * as SchemaModule from '../../server/src/analysis/config-json-schema';
import type * as ValidatorModule from '../../server/src/analysis/config-schema';
import type * as RulesModule from '../../server/src/analysis/rules';
import { loadServerModule, REPO_ROOT } from '../support/server-module';

const { configJsonSchema } = loadServerModule<typeof SchemaModule>('analysis/config-json-schema');
const { TOP_LEVEL_KEYS, validateConfig } = loadServerModule<typeof ValidatorModule>('analysis/config-schema');
const { RULES } = loadServerModule<typeof RulesModule>('analysis/rules');
const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'cardinal.config.schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));

test('the committed schema is the generated one, and the extension contributes it', () => {
  assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`, 'run node scripts/rule-docs.mjs');
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'cardinal.config.json', url: './schemas/cardinal.config.schema.json' }]);
  assert.match(fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.json$/m, 'the .vsix ships it');
});

test('the schema knows every top-level key and every rule the validator knows', () => {
  const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
  assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
  assert.deepEqual(Object.keys(schema.properties.rules.properties ?? {}).sort(), RULES.map((rule) => rule.id).sort());
});

test('every configuration in the repository is valid by the schema and by the validator', () => {
  const files = ['demo/cardinal.config.json', ...listConfigs('test/fixtures')];
  assert.ok(files.length > 10);
  for (const file of files) {
    const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    assert.ok(validate(config), `${file}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(validateConfig(config, file).problems, [], file);
  }
});

test('what the validator rejects, the schema rejects too', () => {
  const bad = [
    { rules: { 'unbounded-lable': 'off' } },
    { rules: { 'unbounded-label': 'warn' } },
    { sinks: [{ function: 'record' }] },
    { sinks: [{ function: 'record', labels: { route: -1 } }] },
    { sources: [{ function: 'tenant', kind: 'tainted' }] },
    { exclude: 'dist' },
    { httpMethod: 'loud' },
    { root: 'yes' },
    { rule: {} },
  ];
  for (const config of bad) {
    assert.notDeepEqual(validateConfig(config, 'x').problems, [], `validator: ${JSON.stringify(config)}`);
    assert.equal(validate(config), false, `schema: ${JSON.stringify(config)}`);
  }
});

function listConfigs(folder: string): string[] {
  return fs.readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return listConfigs(relative);
    return entry.name === 'cardinal.config.json' ? [relative] : [];
  });
}
