/**
 * What a scan says while it runs and after: the progress line on a terminal and in a log, and the
 * `--timing` table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type * as ProgressModule from '../../server/src/cli/progress-line';
import type * as TimingModule from '../../server/src/cli/scan-timing';
import { loadServerModule, REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { createProgressLine } = loadServerModule<typeof ProgressModule>('cli/progress-line');
const { formatTiming, ScanTiming } = loadServerModule<typeof TimingModule>('cli/scan-timing');
const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => void written.push(text) }, written };
}

describe('progress', () => {
  test('in a log: nothing during the first interval, then one plain line per interval, none at the end', () => {
    let clock = 0;
    const { stream, written } = recorder(false);
    const progress = createProgressLine(stream, () => clock, 5_000);
    progress.update(1, 100);
    clock = 4_999;
    progress.update(2, 100);
    assert.deepEqual(written, []);
    clock = 5_000;
    progress.update(3, 100);
    progress.update(4, 100);
    clock = 10_001;
    progress.update(60, 100);
    clock = 20_000;
    progress.update(100, 100);
    progress.clear();
    assert.deepEqual(written, ['cardinal: scanning 3/100 files (3%)\n', 'cardinal: scanning 60/100 files (60%)\n']);
  });

  test('on a terminal: the line is redrawn at each new percent and erased at the end', () => {
    const { stream, written } = recorder(true);
    const progress = createProgressLine(stream, () => 0);
    progress.update(1, 200);
    progress.update(2, 200);
    progress.update(3, 200);
    progress.clear();
    assert.deepEqual(written, ['\r\u001b[Kcardinal: scanning 1/200 files (0%)', '\r\u001b[Kcardinal: scanning 2/200 files (1%)', '\r\u001b[K']);
  });
});

describe('--timing', () => {
  test('the time since the previous file goes to each file; languages are timed whole', () => {
    let clock = 0;
    const timing = new ScanTiming(() => clock);
    timing.languageStarted();
    clock = 30;
    timing.fileDone('/r/a.ts');
    clock = 32;
    timing.fileDone('/r/b.ts');
    clock = 40;
    timing.languageDone('TypeScript/JavaScript', 2);
    assert.deepEqual(timing.result(), {
      languages: [{ name: 'TypeScript/JavaScript', ms: 40, files: 2 }],
      files: [{ file: '/r/a.ts', ms: 30 }, { file: '/r/b.ts', ms: 2 }],
    });
    assert.equal(
      formatTiming(timing.result(), (file) => file.slice(3)),
      'Language              | Time (ms) | Files\nTypeScript/JavaScript |      40.0 |     2\n\nFile | Time (ms)\na.ts |      30.0\nb.ts |       2.0\n',
    );
  });

  const root = createTempTree({
    'api.go': 'package api\n\nimport (\n\t"net/http"\n\n\t"github.com/prometheus/client_golang/prometheus"\n)\n\nvar hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"path"})\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\thits.WithLabelValues(r.URL.Path).Inc()\n}\n',
  });
  after(() => removeTree(root));

  test('a real scan prints the table on standard error; the JSON on standard output stays whole', () => {
    const run = spawnSync(process.execPath, [BIN, 'scan', '--timing', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).findings.length, 1);
    assert.match(run.stderr, /^Language +\| Time \(ms\) \| Files\nGo +\| +\d+\.\d \| +1\n\nFile +\| Time \(ms\)\napi\.go +\| +\d+\.\d\n$/);
  });
});
