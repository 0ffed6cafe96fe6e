/**
 * A TypeScript service workspace of exactly `files` source files: features (model, repository, service,
 * routes), utilities, middlewares, about 3 % metric-touching files, one ~1,000-line admin console, and
 * `src/app.ts` that mounts it all. Same seed, same corpus.
 */
import { entityName, FIELDS } from './names.mjs';
import { createRandom } from './random.mjs';
import { SourceBuilder } from './source-builder.mjs';
import { describeFeature, modelModule, repositoryModule, routesModule, serviceModule } from './typescript-features.mjs';
import { adminConsoleModule, helperModule, METRIC_KINDS, metricModule, metricPaths, recorderOf } from './typescript-metrics.mjs';
import { MIDDLEWARE_KINDS, middlewareModule, UTILITY_KINDS, utilityModule } from './typescript-utils.mjs';

/** The file the edit-latency measurement opens and types into. */
export const TYPESCRIPT_EDITED_FILE = 'src/routes/admin-console.ts';

export const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['src'],
};

/**
 * Generates the corpus in memory: `{ files: Map<relative path, text>, planted: [{ file, line, ruleId, label }] }`.
 */
export function generateTypeScriptCorpus({ files: total, seed }) {
  const random = createRandom(seed);
  const groups = Math.max(1, Math.round((total * 0.03) / METRIC_KINDS.length));
  const middlewares = Math.max(MIDDLEWARE_KINDS.length, Math.round(total * 0.03));
  const fixed = groups * (METRIC_KINDS.length + 2) + middlewares + 2; // + app.ts and the admin console
  const minimumUtilities = Math.max(UTILITY_KINDS.length, Math.round(total * 0.06));
  const featureCount = Math.floor((total - fixed - minimumUtilities) / 4);
  const utilities = total - fixed - featureCount * 4;
  if (featureCount < groups) throw new Error(`${total} files is too few for a corpus`);

  const out = new CorpusFiles();
  const utilityCount = countByKind(UTILITY_KINDS, utilities);
  const middlewareCount = countByKind(MIDDLEWARE_KINDS, middlewares);
  const depsFor = (index) => ({
    ...Object.fromEntries(UTILITY_KINDS.map((kind) => [kind, index % utilityCount[kind]])),
    ...Object.fromEntries(MIDDLEWARE_KINDS.map((kind) => [kind, index % middlewareCount[kind]])),
  });

  for (let i = 0; i < utilities; i++) {
    const kind = UTILITY_KINDS[i % UTILITY_KINDS.length];
    const index = Math.floor(i / UTILITY_KINDS.length);
    out.add(`src/utils/${kind}-${index}.ts`, utilityModule(kind, index));
  }
  for (let i = 0; i < middlewares; i++) {
    const kind = MIDDLEWARE_KINDS[i % MIDDLEWARE_KINDS.length];
    const index = Math.floor(i / MIDDLEWARE_KINDS.length);
    out.add(`src/middlewares/${kind}-${index}.ts`, middlewareModule(kind, index, { errors: index % utilityCount.errors, ids: index % utilityCount.ids }));
  }

  const features = [];
  for (let f = 0; f < featureCount; f++) {
    const feature = describeFeature(entityName(f), f, random, FIELDS);
    const previous = f > 0 && random.chance(0.6) ? features[f - 1] : undefined;
    const deps = depsFor(f);
    out.add(`src/models/${feature.name}.ts`, modelModule(feature, previous));
    out.add(`src/repositories/${feature.name}-repository.ts`, repositoryModule(feature, deps));
    out.add(`src/services/${feature.name}-service.ts`, serviceModule(feature, deps, previous));
    out.add(`src/routes/${feature.name}-routes.ts`, routesModule(feature, deps, f < groups ? recorderOf(f) : undefined));
    features.push(feature);
  }

  const mounted = [];
  for (let g = 0; g < groups; g++) {
    const paths = metricPaths(g);
    for (const kind of METRIC_KINDS) out.add(`src/${paths[kind]}`, metricModule(kind, g, depsFor(g)));
    out.add(`src/${paths.routeHelper}`, helperModule('routeHelper', g));
    out.add(`src/${paths.tenantHelper}`, helperModule('tenantHelper', g));
    mounted.push(g);
  }
  out.add(TYPESCRIPT_EDITED_FILE, adminConsoleModule(1000, depsFor(0)));
  out.add('src/app.ts', appModule(features, mounted, middlewareCount));
  if (out.files.size !== total) throw new Error(`generated ${out.files.size} files instead of ${total}`);
  return { files: out.files, planted: out.planted };
}

/** Deals `total` files out over `kinds` round-robin and returns how many each kind got. */
function countByKind(kinds, total) {
  return Object.fromEntries(kinds.map((kind, k) => [kind, Math.max(1, Math.floor(total / kinds.length) + (k < total % kinds.length ? 1 : 0))]));
}

function appModule(features, groups, middlewareCount) {
  const b = new SourceBuilder().add("import express from 'express';");
  b.add("import { adminRouter } from './routes/admin-console';");
  b.add(`import { assignRequestId } from './middlewares/request-id-0';`);
  b.add(`import { handleErrors } from './middlewares/error-handler-0';`);
  b.add(`import { rateLimit } from './middlewares/rate-limit-${middlewareCount['rate-limit'] - 1}';`);
  for (const feature of features) b.add(`import { ${feature.name}Router } from './routes/${feature.name}-routes';`);
  for (const g of groups) {
    b.add(`import { status${g}Router } from './routes/status-${g}';`);
    b.add(`import { measureLatency${g} } from './middlewares/latency-${g}';`);
    b.add(`import { countRequests${g} } from './middlewares/otel-requests-${g}';`);
  }
  b.add('', '/** The HTTP application: every router behind the common middlewares. */', 'export const app = express();', '');
  b.add('app.use(express.json({ limit: "1mb" }));', 'app.use(assignRequestId);', 'app.use(rateLimit(600, 60_000));');
  for (const g of groups) b.add(`app.use(measureLatency${g});`, `app.use(countRequests${g});`, `app.use(status${g}Router);`);
  for (const feature of features) b.add(`app.use(${feature.name}Router);`);
  b.add('app.use(adminRouter);', 'app.use(handleErrors);');
  return b;
}

/** The generated files and the findings planted in them. */
class CorpusFiles {
  files = new Map();
  planted = [];

  add(path, builder) {
    const { text, planted } = builder.build();
    this.files.set(path, text);
    for (const finding of planted) this.planted.push({ file: path, ...finding });
  }
}
