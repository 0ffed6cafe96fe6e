/**
 * Every language Cardinal analyses, for both shells. A new language is one more entry: its files by
 * name, its pre-filter, its batch analysis and its live workspace.
 */
import { goLanguage } from './go';
import type { Language } from './language';
import { typescriptLanguage } from './typescript';

export type * from './language';

export const LANGUAGES: readonly Language[] = [typescriptLanguage, goLanguage];

/** The language that analyses `fileName`, if any. */
export function languageOf(fileName: string, languages: readonly Language[] = LANGUAGES): Language | undefined {
  return languages.find((language) => language.accepts(fileName));
}
