/**
 * Validates SARIF logs against the SARIF 2.1.0 JSON schema that Microsoft ships in @microsoft/jest-sarif
 * (sarif-2.1.0-rtm.5.json, a JSON Schema draft-04 document).
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

// The schema's language-tag pattern is not valid under the `u` flag, so patterns compile without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema violations of `log`, one line each; empty when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
