/**
 * The language-neutral back end: the plain data every boundary carries (findings, fixes, spans), the
 * configuration, and the rules. Frontends (`../typescript`, `../go`) find sink sites and trace values;
 * what is known at a label becomes a finding here. Nothing below this folder knows about LSP, VS Code,
 * the file system or any one language.
 */
export * from './finding';
export * from './config-types';
export { combinePreferredFixes } from './fixes';
export { RULES, ruleById, type Rule } from './rules';
export type { ValueSet } from './value-sets';
