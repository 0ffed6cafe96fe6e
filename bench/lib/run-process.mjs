/**
 * Runs a command to completion under GNU time, for its wall time (measured here) and peak resident
 * memory (the largest of the process and its waited-for children, as the kernel accounts it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** Resolves to `{ wallMs, peakRssMb, exitCode, stdout, stderr }`. */
export function runMeasured(command, args, { cwd, env } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'cardinal-bench-'));
  const timeFile = join(scratch, 'time');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      try {
        const peakKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        resolve({ wallMs, peakRssMb: peakKb / 1024, exitCode, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}
