/**
 * Screenshots for a person to look at, one per scenario. The runner (scripts/e2e.mjs) sets
 * `CARDINAL_E2E_ARTIFACTS` and takes the picture when the suite logs `cardinal-e2e:screenshot <name>`;
 * under other runners this does nothing.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor } from './wait-for';

const ARTIFACTS = process.env.CARDINAL_E2E_ARTIFACTS;

/**
 * Asks for `<artifacts>/<name>.png` of the workbench, and waits until it is written. With `shows`, a
 * CSS selector, the picture waits for that part of the workbench to appear (a hover renders late).
 */
export async function screenshot(name: string, shows?: string): Promise<void> {
  if (ARTIFACTS === undefined) return;
  const file = path.join(ARTIFACTS, `${name}.png`);
  console.log(`cardinal-e2e:screenshot ${name}${shows === undefined ? '' : ` ${shows}`}`);
  await waitFor(`the screenshot ${file}`, () => (existsSync(file) ? true : undefined), 30_000);
}
