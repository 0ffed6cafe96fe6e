import { Disposable, EventEmitter, LogLevel, LogOutputChannel, window, workspace } from 'vscode';

/** Where the messages between VS Code and the server go when `cardinal.trace.server` is on. */
export const TRACE_CHANNEL_NAME = 'Cardinal Trace';

/**
 * The channel the language client traces to. vscode-languageclient traces only when its trace
 * channel's log level is Trace, so with the Cardinal channel at its default level the setting alone
 * would show nothing. This channel takes its level from `cardinal.trace.server` instead, and writes
 * each message to a channel of its own at a level that is always shown.
 */
export function createTraceChannel(): LogOutputChannel {
  const sink = window.createOutputChannel(TRACE_CHANNEL_NAME, { log: true });
  const changed = new EventEmitter<LogLevel>();
  const levelOf = () => (workspace.getConfiguration('cardinal').get<string>('trace.server', 'off') === 'off' ? LogLevel.Off : LogLevel.Trace);
  let level = levelOf();
  const watcher = workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('cardinal.trace.server')) return;
    level = levelOf();
    changed.fire(level);
  });
  const all = Disposable.from(watcher, changed, sink);
  return {
    name: sink.name,
    get logLevel() {
      return level;
    },
    onDidChangeLogLevel: changed.event,
    trace: (message, ...args) => sink.info(message, ...args),
    debug: (message, ...args) => sink.info(message, ...args),
    info: (message, ...args) => sink.info(message, ...args),
    warn: sink.warn.bind(sink),
    error: sink.error.bind(sink),
    append: sink.append.bind(sink),
    appendLine: sink.appendLine.bind(sink),
    replace: sink.replace.bind(sink),
    clear: sink.clear.bind(sink),
    show: sink.show.bind(sink),
    hide: sink.hide.bind(sink),
    dispose: () => all.dispose(),
  };
}
