/** Go, as the shells see it. The grammar is loaded only when a scan holds Go files. */
import { countGoRoutes, GoParser, isGoFile, isGoPackageFile } from '../../go';
import { readSources } from '../read-sources';
import type { Language } from '../language';
import { analyzeGoDirectories } from './batch';
import { GoWorkspace } from './workspace';

export const goLanguage: Language = {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  accepts: isGoFile,
  analyzeBatch: async (files, context) => analyzeGoDirectories(await GoParser.load(), files, context),
  countRoutes: async (files, system) => countGoRoutes(await GoParser.load(), readSources(files.filter(isGoPackageFile), system)),
  openWorkspace: (context) => new GoWorkspace(context),
};
