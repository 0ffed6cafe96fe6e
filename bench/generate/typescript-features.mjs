/**
 * Templates of one business feature of the TypeScript corpus: its model, repository, service and
 * Express routes. A feature's utilities are `deps` (file indices per utility kind), and a feature may
 * depend on the previous feature's model, so the import graph is a web rather than a list of islands.
 */
import { SourceBuilder } from './source-builder.mjs';
import { pascal, plural, STATUSES } from './names.mjs';

/** The shape of a feature, drawn once so that its four files agree. */
export function describeFeature(name, index, random, fieldsTable) {
  const fields = random.sample(fieldsTable, random.int(3, 6));
  return { name, Name: pascal(name), plural: plural(name), index, fields, statuses: random.pick(STATUSES) };
}

export function modelModule(feature, previous) {
  const { Name, name, fields, statuses } = feature;
  const b = new SourceBuilder();
  if (previous) b.add(`import type { ${previous.Name}Id } from './${previous.name}';`, '');
  b.add(`/** ${Name} records as the API stores and returns them. */`);
  b.add(`export type ${Name}Id = string;`, '');
  b.add(`export type ${Name}Status = ${statuses.map((s) => `'${s}'`).join(' | ')};`, '');
  b.add(`export const ${name.toUpperCase()}_STATUSES: readonly ${Name}Status[] = [${statuses.map((s) => `'${s}'`).join(', ')}];`, '');
  b.add(`export interface ${Name} {`, `  readonly id: ${Name}Id;`, '  ownerId: string;', `  status: ${Name}Status;`);
  for (const [field, type] of fields) b.add(`  ${field}: ${type};`);
  if (previous) b.add(`  ${previous.name}Id?: ${previous.Name}Id;`);
  b.add('  createdAt: Date;', '  updatedAt: Date;', '}', '');
  b.add(`export interface New${Name} {`, '  ownerId: string;');
  for (const [field, type] of fields) b.add(`  ${field}: ${type};`);
  b.add('}', '');
  b.add(`export type ${Name}Patch = Partial<New${Name}> & { status?: ${Name}Status };`, '');
  b.add(`export interface ${Name}Summary {`, `  readonly id: ${Name}Id;`, `  readonly status: ${Name}Status;`, '  readonly updatedAt: string;', '}', '');
  b.add(
    `export function is${Name}Status(value: unknown): value is ${Name}Status {`,
    `  return typeof value === 'string' && (${name.toUpperCase()}_STATUSES as readonly string[]).includes(value);`,
    '}',
    '',
    `export function summarize${Name}(${name}: ${Name}): ${Name}Summary {`,
    `  return { id: ${name}.id, status: ${name}.status, updatedAt: ${name}.updatedAt.toISOString() };`,
    '}',
    '',
    `/** Whether the ${name} can still be changed by its owner. */`,
    `export function isEditable(${name}: ${Name}): boolean {`,
    `  return ${name}.status === '${statuses[0]}' || ${name}.status === '${statuses[1]}';`,
    '}',
  );
  return b;
}

export function repositoryModule(feature, deps) {
  const { Name, name } = feature;
  return new SourceBuilder().add(`import type { New${Name}, ${Name}, ${Name}Id, ${Name}Patch } from '../models/${name}';
import { generateId } from '../utils/ids-${deps.ids}';
import { paginate, type Page, type Paging } from '../utils/pagination-${deps.pagination}';
import { withRetry } from '../utils/retry-${deps.retry}';

/** Storage of ${feature.plural}. In memory here; the real one talks to the database through the same methods. */
export class ${Name}Repository {
  private readonly rows = new Map<${Name}Id, ${Name}>();

  async findById(id: ${Name}Id): Promise<${Name} | undefined> {
    return withRetry(async () => this.rows.get(id), { attempts: 3, baseDelayMs: 20 });
  }

  async listByOwner(ownerId: string, paging: Paging): Promise<Page<${Name}>> {
    const owned = [...this.rows.values()].filter((row) => row.ownerId === ownerId);
    owned.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    return paginate(owned, paging);
  }

  async insert(input: New${Name}): Promise<${Name}> {
    const now = new Date();
    const row: ${Name} = { ...input, id: generateId('${name.slice(0, 3)}'), status: '${feature.statuses[0]}', createdAt: now, updatedAt: now };
    this.rows.set(row.id, row);
    return row;
  }

  async update(id: ${Name}Id, patch: ${Name}Patch): Promise<${Name} | undefined> {
    const current = this.rows.get(id);
    if (!current) return undefined;
    const next: ${Name} = { ...current, ...patch, updatedAt: new Date() };
    this.rows.set(id, next);
    return next;
  }

  async remove(id: ${Name}Id): Promise<boolean> {
    return this.rows.delete(id);
  }

  async count(): Promise<number> {
    return this.rows.size;
  }
}`);
}

export function serviceModule(feature, deps, previous) {
  const { Name, name, fields } = feature;
  const reader = ([field, type]) =>
    type === 'string' ? `requireString(fields, '${field}')`
      : type === 'number' ? `requireNumber(fields, '${field}')`
        : type === 'boolean' ? `requireBoolean(fields, '${field}')`
          : `requireStringArray(fields, '${field}')`;
  const b = new SourceBuilder().add(`import { is${Name}Status, isEditable, summarize${Name}, type New${Name}, type ${Name}, type ${Name}Summary } from '../models/${name}';
import { ${Name}Repository } from '../repositories/${name}-repository';
import { ConflictError, NotFoundError, ValidationError } from '../utils/errors-${deps.errors}';
import { mapPage, type Page, type Paging } from '../utils/pagination-${deps.pagination}';
import { asFields, requireBoolean, requireNumber, requireString, requireStringArray } from '../utils/validation-${deps.validation}';
import { TtlCache } from '../utils/cache-${deps.cache}';`);
  if (previous) b.add(`import type { ${previous.Name}Id } from '../models/${previous.name}';`);
  b.add(`
/** The rules around ${feature.plural}: who may see and change them, and which changes are allowed. */
export class ${Name}Service {
  private readonly cache = new TtlCache<string, ${Name}>(30_000);

  constructor(private readonly repository: ${Name}Repository) {}

  async get(id: string): Promise<${Name}> {
    const found = await this.cache.getOrLoad(id, async (key) => {
      const row = await this.repository.findById(key);
      if (!row) throw new NotFoundError('${name}', key);
      return row;
    });
    return found;
  }

  async list(ownerId: string, paging: Paging): Promise<Page<${Name}Summary>> {
    return mapPage(await this.repository.listByOwner(ownerId, paging), summarize${Name});
  }

  async create(body: unknown): Promise<${Name}> {
    return this.repository.insert(parseNew${Name}(body));
  }

  async changeStatus(id: string, status: unknown): Promise<${Name}> {
    if (!is${Name}Status(status)) throw new ValidationError('status', 'not a known status');
    const current = await this.get(id);
    if (!isEditable(current)) throw new ConflictError(\`${name} \${id} can no longer change\`);
    const updated = await this.repository.update(id, { status });
    if (!updated) throw new NotFoundError('${name}', id);
    return updated;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.remove(id))) throw new NotFoundError('${name}', id);
  }`);
  if (previous) {
    b.add(`
  async link(id: string, ${previous.name}Id: ${previous.Name}Id): Promise<${Name}> {
    const updated = await this.repository.update(id, { ${previous.name}Id } as Partial<${Name}>);
    if (!updated) throw new NotFoundError('${name}', id);
    return updated;
  }`);
  }
  b.add(`}

function parseNew${Name}(body: unknown): New${Name} {
  const fields = asFields(body);
  return {
    ownerId: requireString(fields, 'ownerId'),`);
  for (const field of fields) b.add(`    ${field[0]}: ${reader(field)},`);
  b.add('  };', '}');
  return b;
}

/**
 * The routes of a feature. `recorder`, when given, is a metrics recorder of another file that some
 * handlers call with a route label (raw or bounded): the finding lands at the call that passes it.
 */
export function routesModule(feature, deps, recorder) {
  const { Name, name } = feature;
  const b = new SourceBuilder().add(`import { Router } from 'express';
import { ${Name}Repository } from '../repositories/${name}-repository';
import { ${Name}Service } from '../services/${name}-service';
import { requireAuth, requireRole } from '../middlewares/auth-${deps.auth}';
import { parsePaging } from '../utils/pagination-${deps.pagination}';`);
  if (recorder) b.add(`import { ${recorder.functionName} } from '../metrics/${recorder.module}';`);
  b.add(`
const service = new ${Name}Service(new ${Name}Repository());

/** /${feature.plural}: CRUD and status changes. */
export const ${name}Router = Router();

${name}Router.get('/${feature.plural}', requireAuth, async (req, res, next) => {
  try {
    const ownerId = req.get('x-owner-id') ?? '';
    res.json(await service.list(ownerId, parsePaging(req.query)));
  } catch (error) {
    next(error);
  }
});

${name}Router.get('/${feature.plural}/:${name}Id', requireAuth, async (req, res, next) => {
  try {
    res.json(await service.get(String(req.params.${name}Id)));
  } catch (error) {
    next(error);
  }
});

${name}Router.post('/${feature.plural}', requireAuth, async (req, res, next) => {
  try {
    res.status(201).json(await service.create(req.body));
  } catch (error) {
    next(error);
  }
});

${name}Router.put('/${feature.plural}/:${name}Id/status', requireAuth, async (req, res, next) => {
  try {
    res.json(await service.changeStatus(String(req.params.${name}Id), (req.body as { status?: unknown }).status));
  } catch (error) {
    next(error);
  }
});

${name}Router.delete('/${feature.plural}/:${name}Id', requireAuth, requireRole('admin'), async (req, res, next) => {
  try {
    await service.remove(String(req.params.${name}Id));
    res.sendStatus(204);
  } catch (error) {
    next(error);
  }
});`);
  if (recorder) {
    const label = recorder.raw ? 'req.path' : "req.route?.path ?? 'unmatched'";
    b.add(`
${name}Router.post('/${feature.plural}/:${name}Id/checkout', requireAuth, async (req, res, next) => {
  try {
    const ${name} = await service.get(String(req.params.${name}Id));`);
    // The recorder's label is judged where the recorder is called (the location rule).
    const call = `    ${recorder.functionName}(${label}, 'ok');`;
    if (recorder.raw) b.plant(call, { ruleId: 'raw-path-label', label: 'route' });
    else b.add(call);
    b.add(`    res.status(202).json(${name});
  } catch (error) {
    ${recorder.functionName}(req.route?.path ?? 'unmatched', 'failed');
    next(error);
  }
});`);
  }
  return b;
}
