// The scan logger: every event goes through the redactor, then to one of three renderings on standard error
// (standard output stays the report): a progress bar redrawn in place on a terminal, plain text lines, or JSON
// lines for log collectors (CloudWatch Logs, Cloud Logging, Azure Monitor). --quiet keeps only the errors that
// stop the scan.
import { levelOf, type LogLevel, type ScanEndEvent, type ScanEvent, type ScanEventSink } from './events.js';
import { nextProgress, renderProgress, unitOf, type ProgressState } from './progress.js';
import { redactValue, type FieldValue } from './redact.js';
import { escapeControls, escapeJsonControls, hasControls } from '../text/sanitize.js';
import { SEVERITIES } from '../model.js';

export type LogFormat = 'auto' | 'text' | 'json';
export type LogMode = 'bar' | 'text' | 'json';

/** The part of a stream the logger uses (process.stderr, or a fake in tests). */
export interface LogStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface LoggerOptions {
  mode: LogMode;
  /** Only errors that stop the scan. */
  quiet?: boolean;
  /** A line per resource (text and json); otherwise one line per 10 % of the resources. */
  verbose?: boolean;
  /** false (--no-progress): no bar and no per-resource lines. */
  progress?: boolean;
  /** Milliseconds between two redraws of the bar (default 80). */
  redrawMs?: number;
}

/** auto: the bar on a terminal (unless --no-progress), text lines otherwise. */
export function chooseLogMode(format: LogFormat, stream: Pick<LogStream, 'isTTY'>, progress = true): LogMode {
  if (format === 'json') return 'json';
  if (format === 'text') return 'text';
  return stream.isTTY === true && progress ? 'bar' : 'text';
}

/** Whether resource `done` of `total` crosses a 10 % step (every resource when there are 10 or fewer). */
export function isMilestone(done: number, total: number): boolean {
  if (total <= 0 || done >= total) return true;
  return Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total);
}

function fieldsOf(event: ScanEvent): Record<string, FieldValue> {
  const { event: _name, ...fields } = event;
  return fields as Record<string, FieldValue>;
}

function textValue(value: FieldValue): string {
  if (Array.isArray(value)) return value.map(textValue).join(',');
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}:${textValue(v)}`).join(',');
  const s = String(value);
  // Quoted (JSON string syntax) when it holds a space, a quote, '=' or a control character; controls JSON leaves raw are escaped too.
  return /[\s"=]/.test(s) || s === '' || hasControls(s) ? escapeControls(JSON.stringify(s)) : s;
}

/** One text line: `2026-11-22T06:00:00.000Z info  scan.start provider=aws …`. */
export function formatText(event: ScanEvent, time: Date): string {
  const level = levelOf(event);
  const pairs = Object.entries(fieldsOf(event)).map(([k, v]) => `${k}=${textValue(v)}`);
  return `${time.toISOString()} ${level.padEnd(5)} ${event.event}${pairs.length ? ' ' + pairs.join(' ') : ''}\n`;
}

const SEVERITY_NAME: Record<LogLevel, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' };

/** One JSON line: {time, level, severity (Cloud Logging's name), event, message, …fields}. */
export function formatJson(event: ScanEvent, time: Date): string {
  const level = levelOf(event);
  return escapeJsonControls(JSON.stringify({ time: time.toISOString(), level, severity: SEVERITY_NAME[level], event: event.event, message: describe(event), ...fieldsOf(event) })) + '\n';
}

/** A short English sentence for an event (the JSON line's `message`). */
export function describe(e: ScanEvent): string {
  switch (e.event) {
    case 'scan.start':
      return e.source === 'snapshot' ? 'evaluating a saved snapshot' : `scanning ${e.provider ?? ''}`.trim();
    case 'collect.start':
      return `collecting ${e.provider}`;
    case 'scope.found':
      return `${e.accounts.length} account(s), ${e.resources} resource(s)`;
    case 'resource.done':
      return `${e.done}/${e.total} ${unitOf(e.provider)} collected`;
    case 'error':
      return `${e.call} failed (${e.code}) on ${e.scope}`;
    case 'probe.start':
      return `probing ${e.resources} resource(s) anonymously`;
    case 'probe.done':
      return `probed ${e.probed}: ${e.reachable} reachable, ${e.refused} refused`;
    case 'sample.start':
      return `sampling ${e.resources} resource(s)`;
    case 'sample.progress':
      return `${e.done}/${e.total} resource(s) sampled`;
    case 'sample.done':
      return `sampled ${e.resources} resource(s): ${e.objects} objects, ${e.bytes} bytes`;
    case 'snapshot.written':
      return `snapshot written to ${e.path}`;
    case 'report.written':
      return `${e.format} report written to ${e.path === '-' ? 'standard output' : e.path}`;
    case 'scan.end':
      return summaryText(e);
    case 'fatal':
      return e.message;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function summaryText(e: ScanEndEvent): string {
  const findings = SEVERITIES.filter((s) => e.findings[s] > 0).map((s) => `${e.findings[s]} ${s}`);
  const errors = e.errors === 1 ? '1 error' : `${e.errors} errors`;
  return `${e.resources} resource(s) in ${seconds(e.durationMs)}; findings: ${findings.length ? findings.join(', ') : 'none'}; ${errors}; exit ${e.exitCode}`;
}

/** The one-line summary the bar leaves behind. */
export function summaryLine(e: ScanEndEvent): string {
  return `kumoscan: ${e.provider} ${summaryText(e)}\n`;
}

export class Logger {
  private state: ProgressState = [];
  private drawn = 0;
  private lastDraw = -Infinity;
  private readonly now: () => Date;

  constructor(
    private readonly stream: LogStream,
    private readonly opts: LoggerOptions,
    now?: () => Date,
  ) {
    this.now = now ?? (() => new Date());
  }

  get mode(): LogMode {
    return this.opts.mode;
  }

  /** The callback scan() takes (ScanRequest.events). */
  readonly events: ScanEventSink = (event) => this.emit(event);

  /** Writes one event; `at`: when it happened, if not now (a deferred scan.start). */
  emit(raw: ScanEvent, at?: Date): void {
    const event = redactValue(raw as unknown as FieldValue) as unknown as ScanEvent;
    if (this.opts.quiet) {
      if (event.event === 'fatal') this.line(event, at);
      return;
    }
    if (this.opts.mode === 'bar') {
      this.bar(event);
      return;
    }
    if (event.event === 'resource.done' || event.event === 'sample.progress') {
      if (this.opts.progress === false && !this.opts.verbose) return;
      if (!this.opts.verbose && !isMilestone(event.done, event.total)) return;
    }
    this.line(event, at);
  }

  /** Clears the bar, if one is drawn. */
  close(): void {
    this.clear();
  }

  private line(event: ScanEvent, at?: Date): void {
    const time = at ?? this.now();
    if (this.opts.mode === 'json') this.stream.write(formatJson(event, time));
    else if (this.opts.mode === 'text') this.stream.write(formatText(event, time));
    else this.stream.write(event.event === 'fatal' ? `kumoscan: ${escapeControls(event.message)}\n` : formatText(event, time));
  }

  private bar(event: ScanEvent): void {
    if (event.event === 'fatal' || event.event === 'scan.end') {
      this.clear();
      this.stream.write(event.event === 'fatal' ? `kumoscan: ${escapeControls(event.message)}\n` : escapeControls(summaryLine(event).trimEnd()) + '\n');
      return;
    }
    const before = this.state;
    this.state = nextProgress(this.state, event);
    if (this.state === before) return;
    const t = this.now().getTime();
    const urgent = (event.event !== 'resource.done' && event.event !== 'sample.progress') || event.done === event.total;
    if (!urgent && t - this.lastDraw < (this.opts.redrawMs ?? 80)) return;
    this.lastDraw = t;
    this.draw();
  }

  private draw(): void {
    // A pseudo-terminal without a size reports 0 columns: assume 80.
    const columns = this.stream.columns ?? 0;
    const lines = renderProgress(this.state, columns >= 20 ? columns : 80);
    let out = this.drawn > 1 ? `\r\x1b[${this.drawn - 1}A` : '\r';
    out += lines.map((l) => `\x1b[2K${escapeControls(l)}`).join('\n');
    this.stream.write(out);
    this.drawn = lines.length;
  }

  private clear(): void {
    if (this.drawn === 0) return;
    this.stream.write(`${this.drawn > 1 ? `\r\x1b[${this.drawn - 1}A` : '\r'}\x1b[J`);
    this.drawn = 0;
  }
}
