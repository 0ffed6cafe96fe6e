/**
 * Every language the CLI scans. A new language is one more entry: a `LanguageFrontend` that accepts
 * its files by name and turns them into findings.
 */
import { goFrontend } from './go-frontend';
import type { LanguageFrontend } from './language';
import { typescriptFrontend } from './typescript-frontend';

export const LANGUAGES: readonly LanguageFrontend[] = [typescriptFrontend, goFrontend];
