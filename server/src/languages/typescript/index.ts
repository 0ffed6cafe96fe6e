/** TypeScript and JavaScript, as the shells see them. */
import { SCRIPT_EXTENSIONS, isScriptFile } from '../../project/source-files';
import type { Language } from '../language';
import { countTypeScriptRoutes } from '../../typescript/routes';
import { readSources } from '../read-sources';
import { analyzeScripts } from './batch';
import { TypeScriptWorkspace } from './workspace';

export const typescriptLanguage: Language = {
  id: 'typescript',
  name: 'TypeScript/JavaScript',
  extensions: SCRIPT_EXTENSIONS,
  accepts: isScriptFile,
  analyzeBatch: async (files, context) => analyzeScripts(files, context),
  countRoutes: async (files, system) => countTypeScriptRoutes(readSources(files, system)),
  openWorkspace: (context) => new TypeScriptWorkspace(context),
};
