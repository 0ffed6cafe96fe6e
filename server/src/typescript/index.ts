/** The TypeScript and JavaScript frontend, as shells and tests use it. */
export { analyzeFile, createAnalyzer, describeLabels, importsAnyOf, importsProjectModules, mayTouchMetrics, namesMetricLibrary } from './analyze';
export type { AnalyzeOptions, Analyzer, AnalyzerHooks, FileDescription } from './analyze';
