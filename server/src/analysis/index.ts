/**
 * The public face of the analysis core. Shells (CLI, language server, tests) import from here only.
 * Nothing below this folder knows about LSP, VS Code or the file system.
 */
export * from './finding';
export * from './config-types';
export { analyzeFile, createAnalyzer, describeLabels, mayTouchMetrics, namesMetricLibrary } from '../typescript/analyze';
export type { AnalyzeOptions, Analyzer, AnalyzerHooks } from '../typescript/analyze';
