/** Polling with a deadline: the end-to-end tests wait for the editor's state, never for a fixed time. */

const POLL_INTERVAL_MS = 50;

/**
 * Resolves with the first value `probe` returns (or resolves to) that is not `undefined`, checking every 50 ms.
 * Rejects after `timeoutMs`, naming what it waited for (a function gives the state it ended in).
 */
export async function waitFor<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
