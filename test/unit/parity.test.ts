/**
 * The same behaviour written in TypeScript and in Go must read the same: one back end judges both, so
 * the rule, the severity, the message, the flow's notes, the fix's title and the hover wording (of a
 * label and of the metric's declaration, which sums up the project) agree,
 * once the source expression itself (`req.path`, `c.Request.URL.Path`) is set aside. Each case runs
 * through the languages' own entry points, the ones the CLI and the language server call.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import type { Finding } from '../../server/src/analysis';
import type * as LanguagesModule from '../../server/src/languages';
import type * as HoverModule from '../../server/src/lsp/hover';
import type * as DiscoveryModule from '../../server/src/project/config-discovery';
import { loadServerModule } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { LANGUAGES } = loadServerModule<typeof LanguagesModule>('languages');
const { describeDeclaration, describeSites, hoverTargetAt } = loadServerModule<typeof HoverModule>('lsp/hover');
const { ConfigDiscovery } = loadServerModule<typeof DiscoveryModule>('project/config-discovery');

interface ParityCase {
  readonly name: string;
  readonly typescript: string;
  readonly go: string;
  /** A `cardinal.config.json` both sides share. */
  readonly config?: object;
  /** The rules both must report, in order. */
  readonly rules: readonly string[];
}

const GO_IMPORTS = 'import (\n\t"strings"\n\n\t"github.com/gin-gonic/gin"\n\t"github.com/prometheus/client_golang/prometheus"\n)\n';
const goFile = (body: string) =>
  `package api\n\n${GO_IMPORTS}\nvar reqDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "http_request_duration_seconds"}, []string{"status", "endpoint", "method"})\n\nvar _ = strings.ToLower\n\n${body}\n`;
const tsFile = (body: string) =>
  `import type { Request } from 'express';\nimport { Histogram } from 'prom-client';\n\nconst reqDuration = new Histogram({ name: 'http_request_duration_seconds', help: 'h', labelNames: ['status', 'endpoint', 'method'] });\n\n${body}\n`;

const CASES: readonly ParityCase[] = [
  {
    name: 'the incident: a raw path through a variable and an array into a spread',
    typescript: tsFile(`export function record(req: Request): void {\n  const endpoint = req.path;\n  const lvs = ['200', endpoint, 'GET'];\n  reqDuration.labels(...lvs).observe(1);\n}`),
    go: goFile(`func record(c *gin.Context) {\n\tendpoint := c.Request.URL.Path\n\tlvs := []string{"200", endpoint, "GET"}\n\treqDuration.WithLabelValues(lvs...).Observe(1)\n}`),
    rules: ['raw-path-label'],
  },
  {
    name: 'a weak sanitizer: lowercasing',
    typescript: tsFile(`export function record(req: Request): void {\n  reqDuration.labels('200', req.path.toLowerCase(), 'GET').observe(1);\n}`),
    go: goFile(`func record(c *gin.Context) {\n\treqDuration.WithLabelValues("200", strings.ToLower(c.Request.URL.Path), "GET").Observe(1)\n}`),
    rules: ['raw-path-label'],
  },
  {
    name: 'the raw fallback beside a route pattern',
    typescript: tsFile(`export function record(req: Request): void {\n  let route = req.route?.path;\n  if (!route) route = req.path;\n  reqDuration.labels('200', route, 'GET').observe(1);\n}`),
    go: goFile(`func record(c *gin.Context) {\n\troute := c.FullPath()\n\tif route == "" {\n\t\troute = c.Request.URL.Path\n\t}\n\treqDuration.WithLabelValues("200", route, "GET").Observe(1)\n}`),
    rules: ['raw-path-label'],
  },
  {
    name: 'a misspelt rule id in a suppression',
    typescript: tsFile(`export function record(req: Request): void {\n  // cardinal-ignore-next-line raw-path-lable -- a typo\n  reqDuration.labels('200', req.path, 'GET').observe(1);\n}`),
    go: goFile(`func record(c *gin.Context) {\n\t// cardinal-ignore-next-line raw-path-lable -- a typo\n\treqDuration.WithLabelValues("200", c.Request.URL.Path, "GET").Observe(1)\n}`),
    rules: ['unused-suppression', 'raw-path-label'],
  },
  {
    name: 'a suppression with nothing to suppress',
    typescript: tsFile(`export function record(req: Request): void {\n  // cardinal-ignore-next-line raw-path-label -- left over\n  reqDuration.labels('200', 'users', 'GET').observe(1);\n}`),
    go: goFile(`func record(c *gin.Context) {\n\t// cardinal-ignore-next-line raw-path-label -- left over\n\treqDuration.WithLabelValues("200", "users", "GET").Observe(1)\n}`),
    rules: ['unused-suppression'],
  },
  {
    name: 'a configured sanitizer, called as a member of another object',
    config: { sanitizers: ['normalizeRoute'] },
    typescript: tsFile(`const routes = { normalizeRoute: (p: string) => p };\n\nexport function record(req: Request): void {\n  reqDuration.labels('200', routes.normalizeRoute(req.path), 'GET').observe(1);\n}`),
    go: goFile(`type table struct{}\n\nfunc (table) normalizeRoute(p string) string { return p }\n\nvar routes table\n\nfunc record(c *gin.Context) {\n\treqDuration.WithLabelValues("200", routes.normalizeRoute(c.Request.URL.Path), "GET").Observe(1)\n}`),
    rules: [],
  },
];

const roots: string[] = [];
after(() => roots.forEach(removeTree));

/** The findings and hovers of one file, through the language's batch analysis and its workspace. */
async function analyse(fileName: string, source: string, config: object | undefined) {
  const metricName = source.indexOf('http_request_duration_seconds');
  const root = createTempTree({ [fileName]: source, ...(config ? { 'cardinal.config.json': JSON.stringify(config) } : {}) });
  roots.push(root);
  const file = path.posix.join(root, fileName);
  const language = LANGUAGES.find((candidate) => candidate.accepts(file))!;
  const configs = new ConfigDiscovery(ts.sys);
  const findings = await language.analyzeBatch([file], { system: ts.sys, configFor: (f) => configs.forFile(f).config, fileTimeBudgetMs: 10_000, fileDone: () => undefined, note: () => undefined });
  const workspace = language.openWorkspace({ sys: ts.sys, editor: { get: () => undefined, openFileNames: () => [] }, log: () => undefined });
  const fileConfig = configs.forFile(file).config;
  const labels = await workspace.labels(file, fileConfig);
  const hovers = findings.map((finding) => {
    const target = hoverTargetAt(file, labels, finding.start);
    return target?.kind === 'sites' ? describeSites(target.sites).markdown : undefined;
  });
  const declaration = hoverTargetAt(file, labels, metricName + 1);
  assert.equal(declaration?.kind, 'metric', `the metric's name in ${fileName} is a declaration to hover`);
  const project = await workspace.projectLabels(file, { config: fileConfig, isCancelled: () => false, deadline: Infinity });
  const summary = describeDeclaration(declaration as Extract<typeof declaration, { kind: 'metric' }>, project, (site) => ({ uri: 'file', line: site.start, name: 'handler' }));
  workspace.dispose();
  // Offsets differ between the languages' texts; where a use is does not.
  return { findings: [...findings].sort((a, b) => a.start - b.start), hovers, declaration: summary.markdown.replace(/handler:\d+\]\(file#L\d+\)/g, 'handler]'), file };
}

/** The source, the sanitizer's call and the literal for unmatched routes are written in each language's syntax. */
function neutralText(text: string | undefined, source: string | undefined): string | undefined {
  return text === undefined
    ? undefined
    : (source === undefined ? text : text.split(source).join('<source>'))
        .replace(/["']unmatched["']/g, '<unmatched>')
        .replace(/'[^']*\(\)' does not bound it/g, "'<sanitizer>' does not bound it")
        .replace(/through '[^']*\(\)'/g, "through '<sanitizer>'");
}

/** A finding as words, with the source expression and the language's own literals set aside. */
function words(finding: Finding, hover: string | undefined, file: string) {
  const neutral = (text: string | undefined) => neutralText(text, finding.source?.text);
  const fix = finding.fixes.find((f) => f.preferred);
  return {
    rule: finding.ruleId,
    severity: finding.severity,
    message: neutral(finding.message),
    flow: finding.path.map((step) => neutral(step.note)),
    // The pattern itself is the framework's (Express and gin differ); the title around it is the back end's.
    fix: fix && { kind: fix.kind, title: neutral(fix.title)!.replace(/^(Use the route pattern: ).*$/, '$1<pattern>') },
    hover: finding.ruleId === 'unused-suppression' ? undefined : neutral(hover),
    file: path.basename(finding.file) === path.basename(file),
  };
}

describe('TypeScript and Go say the same thing', () => {
  for (const parity of CASES) {
    test(parity.name, async () => {
      const typescript = await analyse('handler.ts', parity.typescript, parity.config);
      const go = await analyse('handler.go', parity.go, parity.config);
      assert.deepEqual(typescript.findings.map((f) => f.ruleId), parity.rules, 'TypeScript reports the expected rules');
      assert.deepEqual(go.findings.map((f) => f.ruleId), parity.rules, 'Go reports the expected rules');
      assert.deepEqual(
        go.findings.map((f, i) => words(f, go.hovers[i], go.file)),
        typescript.findings.map((f, i) => words(f, typescript.hovers[i], typescript.file)),
      );
      const declaration = (side: typeof go) => neutralText(side.declaration, side.findings.find((f) => f.source)?.source?.text);
      assert.equal(declaration(go), declaration(typescript), "the metric declaration's hover");
    });
  }
});
