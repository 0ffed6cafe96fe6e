/**
 * Scanning: list the files below the requested paths, hand each to the language that accepts it, and
 * collect one sorted, de-duplicated list of findings. Knows nothing about output formats.
 */
import type * as ts from 'typescript';
import type { Finding } from '../analysis';
import type { FileMetrics } from '../analysis/series-budget';
import { seriesBudgetFindings, seriesInventory } from '../analysis/series-inventory';
import type { BatchContext, BatchLanguage, Note } from '../languages';
import { countProjectRoutes, partitionByLanguage, receivesRoutePattern } from '../languages/route-counts';
import type { ConfigDiscovery } from '../project/config-discovery';
import { enumerateSourceFiles } from '../project/file-enumeration';
import { directoryOf } from '../project/paths';
import { FILE_TIME_BUDGET_MS } from '../project/time-budget';
import type { ScanReport } from './scan-report';
import { ScanTiming } from './scan-timing';

export interface ScanRequest {
  /** Absolute paths of files and folders, forward slashes. */
  readonly paths: readonly string[];
  /** Which configuration applies to each file (its problems are checked before anything is analysed). */
  readonly configs: ConfigDiscovery;
  /** The folder reports make file names relative to. */
  readonly root: string;
}

export interface ScanEnvironment {
  readonly system: ts.System;
  readonly languages: readonly BatchLanguage[];
  /** Called as files are done; `total` is known once the files are listed. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Defaults to `FILE_TIME_BUDGET_MS`. */
  readonly fileTimeBudgetMs?: number;
  /** The clock timings are read from (tests fix it). */
  readonly now?: () => number;
}

/** The files a scan of `paths` covers, each with the configuration that applies to it. */
export function listScanFiles(system: ts.System, request: ScanRequest, languages: readonly BatchLanguage[]) {
  return enumerateSourceFiles(system, request.paths, {
    accepts: (file) => languages.some((language) => language.accepts(file)),
    isExcluded: (file) => request.configs.forFolder(directoryOf(file)).isExcluded(file),
  });
}

/** Scans the listed files and returns the report every format prints. */
export async function scan(request: ScanRequest, listed: ReturnType<typeof listScanFiles>, environment: ScanEnvironment): Promise<ScanReport> {
  const { system, languages } = environment;
  const { files, skipped } = listed;
  const notes: Note[] = skipped.map(({ file, reason }) => ({ file, message: `skipped: ${reason}` }));
  let done = 0;
  const said = new Set<string>();
  const metricsByFile = new Map<string, FileMetrics>();
  const timing = new ScanTiming(environment.now ?? (() => performance.now()));
  const context: BatchContext = {
    system,
    configFor: (file) => request.configs.forFile(file).config,
    fileTimeBudgetMs: environment.fileTimeBudgetMs ?? FILE_TIME_BUDGET_MS,
    fileDone: (file) => {
      timing.fileDone(file);
      environment.onProgress?.(++done, files.length);
    },
    onMetrics: (metrics) => metricsByFile.set(metrics.file, metrics),
    // A frontend may meet the same problem twice (a file parsed for two programs): it is said once.
    note: (note) => {
      const key = `${note.file ?? ''}\0${note.message}`;
      if (!said.has(key)) notes.push(note);
      said.add(key);
    },
  };
  const findings: Finding[] = [];
  for (const [language, languageFiles] of partitionByLanguage(files, languages)) {
    timing.languageStarted();
    findings.push(...(await language.analyzeBatch(languageFiles, context)));
    timing.languageDone(language.name, languageFiles.length);
  }
  const sources = new Map<string, string | undefined>();
  const readSource = (file: string) => {
    if (!sources.has(file)) sources.set(file, system.readFile(file));
    return sources.get(file);
  };
  const inventory = seriesInventory(metricsByFile.values(), receivesRoutePattern([...metricsByFile.values()].flatMap((file) => file.sites)) ? await countProjectRoutes(files, languages, system) : undefined);
  findings.push(...seriesBudgetFindings(inventory, context.configFor, readSource));
  return {
    root: request.root,
    findings: sortFindings(deduplicate(findings)),
    inventory,
    filesScanned: files.length,
    notes,
    timing: timing.result(),
    readSource,
  };
}

/** The same finding can arrive twice when a file is reachable from two projects. */
function deduplicate(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [finding.ruleId, finding.file, finding.start, finding.end, finding.label ?? '', finding.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => compareText(a.file, b.file) || a.start - b.start || a.end - b.end || compareText(a.ruleId, b.ruleId),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
