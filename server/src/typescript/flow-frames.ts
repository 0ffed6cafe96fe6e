/**
 * Call frames of the flow tracer: tracing into a helper binds its parameters to one call's arguments,
 * so a value returned by `route(req.path)` is judged with that argument, not every caller's.
 */
import type * as ts from 'typescript';

/** A call being traced into: its parameters are bound to the call's arguments, evaluated in the caller's frame. */
export interface Frame {
  readonly fn: ts.Node;
  readonly args: readonly ts.Expression[];
  readonly caller: Frame | undefined;
}

/** Whether `fn` is already being traced into further up the chain (a recursive call). */
export function onStack(fn: ts.Node, frame: Frame | undefined): boolean {
  for (let f = frame; f; f = f.caller) if (f.fn === fn) return true;
  return false;
}

/** The innermost frame whose function contains `node`: locals of a called helper are read in that call's context. */
export function frameFor(node: ts.Node, frame: Frame | undefined): Frame | undefined {
  const file = node.getSourceFile();
  for (let f = frame; f; f = f.caller) {
    if (f.fn.getSourceFile() === file && f.fn.pos <= node.pos && node.end <= f.fn.end) return f;
  }
  return undefined;
}
