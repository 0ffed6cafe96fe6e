/**
 * JavaScript and TypeScript: files are grouped by the tsconfig/jsconfig that owns them (loose files
 * share an inferred project), one program is built per project, and each file that may touch metrics
 * is analysed against it.
 */
import { analyzeFile, Finding, mayTouchMetrics } from '../analysis';
import { createProjectProgram } from '../project/create-program';
import { groupFilesByProject } from '../project/project-groups';
import { ProjectLocator, ProjectSettings } from '../project/project-locator';
import { isScriptFile } from '../project/source-files';
import type { FrontendContext, LanguageFrontend } from './language';

export const typescriptFrontend: LanguageFrontend = {
  name: 'TypeScript/JavaScript',
  accepts: isScriptFile,
  analyze: async (files, context) => analyzeScripts(files, context),
};

function analyzeScripts(files: readonly string[], context: FrontendContext): Finding[] {
  const locator = new ProjectLocator(context.system);
  const findings: Finding[] = [];
  for (const group of groupFilesByProject(locator, files)) {
    const candidates = group.files.filter((file) => {
      const text = context.system.readFile(file);
      const candidate = text !== undefined && mayTouchMetrics(text, context.config);
      if (!candidate) context.fileDone(file);
      return candidate;
    });
    // A project none of whose scanned files can hold a metric call needs no program at all.
    if (candidates.length === 0) continue;
    const settings = projectSettings(locator, group.configFile, group.files, context);
    const program = createProjectProgram(context.system, settings);
    for (const file of candidates) {
      findings.push(...analyzeFile(program, file, context.config));
      context.fileDone(file);
    }
  }
  return findings;
}

/**
 * A configured project's settings, or the inferred project of `looseFiles`. A config's errors become
 * notes (each already names the config file and position) and the scan goes on with what was parsed.
 */
function projectSettings(locator: ProjectLocator, configFile: string | undefined, looseFiles: readonly string[], context: FrontendContext): ProjectSettings {
  if (configFile === undefined) return { ...locator.inferredSettings(), rootFiles: looseFiles };
  const project = locator.readProject(configFile);
  for (const error of project.errors) context.note({ message: error });
  return project;
}
