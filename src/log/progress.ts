// The TTY progress display, as pure functions: a state per provider (stage, done/total, errors) and the exact
// line each state renders to at a given terminal width. The bar sink (logger.ts) only redraws these lines.
import type { ScanEvent, ScanStage } from './events.js';

export interface ProviderProgress {
  provider: string;
  stage: ScanStage;
  done: number;
  /** 0 while the resources are still being listed. */
  total: number;
  errors: number;
}

export type ProgressState = readonly ProviderProgress[];

/** What one resource is called in the progress line of a provider. */
export function unitOf(provider: string): string {
  return provider === 'azure' ? 'accounts' : 'buckets';
}

const FULL = '█';
const EMPTY = '░';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One provider's progress line, never longer than width - 1 characters (so it never wraps):
 *   "aws    collect [██████░░░░░░]  12/20 buckets  1 error"
 */
export function renderProgressLine(p: ProviderProgress, width: number): string {
  const max = Math.max(10, width - 1);
  const label = `${p.provider.padEnd(6)} ${p.stage.padEnd(8)}`;
  const count = p.total > 0 ? `${String(p.done).padStart(String(p.total).length)}/${p.total} ${unitOf(p.provider)}` : `listing ${unitOf(p.provider)}…`;
  const errors = plural(p.errors, 'error');
  const fixed = `${label} []  ${count}  ${errors}`;
  const room = Math.min(40, max - fixed.length);
  let line: string;
  if (room >= 5) {
    const filled = p.total > 0 ? Math.min(room, Math.floor((p.done / p.total) * room)) : 0;
    line = `${label} [${FULL.repeat(filled)}${EMPTY.repeat(room - filled)}]  ${count}  ${errors}`;
  } else {
    line = `${label} ${count}  ${errors}`;
  }
  return line.length > max ? line.slice(0, max) : line;
}

/** The whole display: one line per provider. */
export function renderProgress(state: ProgressState, width: number): string[] {
  return state.map((p) => renderProgressLine(p, width));
}

function upsert(state: ProgressState, provider: string, change: (p: ProviderProgress) => ProviderProgress): ProgressState {
  const found = state.some((p) => p.provider === provider);
  const base: ProviderProgress = { provider, stage: 'collect', done: 0, total: 0, errors: 0 };
  return found ? state.map((p) => (p.provider === provider ? change(p) : p)) : [...state, change(base)];
}

/** Pure: the progress state after an event. */
export function nextProgress(state: ProgressState, event: ScanEvent): ProgressState {
  switch (event.event) {
    case 'scan.start':
      return event.provider ? upsert(state, event.provider, (p) => p) : state;
    case 'resource.done':
      return upsert(state, event.provider, (p) => ({ ...p, stage: 'collect', done: event.done, total: event.total, errors: Math.max(p.errors, event.errors) }));
    case 'scope.found':
      // Live scans keep the collect counts (Azure counts storage accounts, the resources are containers).
      return upsert(state, event.provider, (p) => (p.total > 0 ? { ...p, stage: 'evaluate' } : { ...p, stage: 'evaluate', done: event.resources, total: event.resources }));
    case 'probe.start':
    case 'sample.start':
      return upsert(state, event.provider, (p) => ({ ...p, stage: event.event === 'probe.start' ? 'probe' : 'sample', done: 0, total: event.resources }));
    case 'sample.progress':
      return upsert(state, event.provider, (p) => ({ ...p, stage: 'sample', done: event.done, total: event.total }));
    case 'probe.done':
      return upsert(state, event.provider, (p) => ({ ...p, done: event.probed, total: Math.max(p.total, event.probed) }));
    case 'sample.done':
      return upsert(state, event.provider, (p) => ({ ...p, done: event.resources, total: Math.max(p.total, event.resources) }));
    default:
      return state;
  }
}
