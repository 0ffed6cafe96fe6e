/**
 * Cardinal's own requests. Clients other than the VS Code extension may send them too, so their
 * shapes are part of the server's public interface.
 */
import { RequestType, WorkDoneProgressParams } from 'vscode-languageserver';

export type ScanWorkspaceParams = WorkDoneProgressParams;

export interface ScanWorkspaceResult {
  /** Files analysed. */
  readonly files: number;
  /** Files with at least one finding. */
  readonly filesWithFindings: number;
  readonly findings: number;
  /** Findings per rule id. */
  readonly byRule: Readonly<Record<string, number>>;
  readonly durationMs: number;
  /** True when the scan stopped early; nothing was published then. */
  readonly cancelled: boolean;
}

/** Analyses every source file of the workspace folders and publishes diagnostics for all of them. */
export const ScanWorkspaceRequest = new RequestType<ScanWorkspaceParams, ScanWorkspaceResult, void>('cardinal/scanWorkspace');
