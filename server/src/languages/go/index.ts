/** Go, as the shells see it. The grammar is loaded only when a scan holds Go files. */
import { GoParser, isGoFile } from '../../go';
import type { Language } from '../language';
import { analyzeGoDirectories } from './batch';
import { GoWorkspace } from './workspace';

export const goLanguage: Language = {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  accepts: isGoFile,
  analyzeBatch: async (files, context) => analyzeGoDirectories(await GoParser.load(), files, context),
  openWorkspace: (context) => new GoWorkspace(context),
};
