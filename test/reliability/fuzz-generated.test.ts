/**
 * Property: for every generated program, Cardinal reports exactly the findings the generator's oracle
 * expects (rule, span, label, and a source of the right kind), and nothing in the other files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type * as ConfigModule from '../../server/src/analysis/config';
import type { Finding } from '../../server/src/analysis';
import { fuzzSeed } from './fuzz-seed';
import { InMemoryProject } from './in-memory-project';
import { ExpectedFinding, GENERATED_CONFIG_JSON, programPlan, renderProgram } from './program-generator';
import { loadServerModule } from '../support/server-module';

const { parseConfig } = loadServerModule<typeof ConfigModule>('analysis/config');

/** Generated programs per run; with the mutation fuzzer, over 2,000 cases per run. */
const GENERATED_CASES = 1_200;

function describeActual(finding: Finding): string {
  return `${finding.ruleId} ${finding.start}-${finding.end} label=${finding.label} source=${finding.source?.text}`;
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  return (
    finding.ruleId === expected.ruleId &&
    finding.start === expected.start &&
    finding.end === expected.end &&
    finding.label === expected.label &&
    finding.source !== undefined &&
    expected.sources.has(finding.source.text)
  );
}

test(`generated programs: findings equal the oracle's (${GENERATED_CASES} cases)`, () => {
  const project = new InMemoryProject();
  const { config, problems } = parseConfig(GENERATED_CONFIG_JSON, 'generated');
  assert.deepEqual(problems, []);
  fc.assert(
    fc.property(programPlan, (plan) => {
      const program = renderProgram(plan);
      const findings = project.analyze(program.files, config);
      for (const [file, found] of findings) {
        if (file !== 'handlers.ts') assert.deepEqual(found.map(describeActual), [], `${file} must have no findings`);
      }
      const actual = findings.get('handlers.ts') ?? [];
      const missing = program.expected.filter((expected) => !actual.some((finding) => matches(finding, expected)));
      const unexpected = actual.filter((finding) => !program.expected.some((expected) => matches(finding, expected)));
      assert.ok(
        missing.length === 0 && unexpected.length === 0,
        [
          'findings differ from the oracle',
          ...missing.map((m) => `  missing ${m.ruleId} ${m.start}-${m.end} label=${m.label} sources=${[...m.sources].join('|')}`),
          ...unexpected.map((u) => `  unexpected ${describeActual(u)}`),
          program.files['handlers.ts'],
        ].join('\n'),
      );
    }),
    { numRuns: Number(process.env.CARDINAL_FUZZ_RUNS ?? GENERATED_CASES), seed: fuzzSeed() },
  );
});
