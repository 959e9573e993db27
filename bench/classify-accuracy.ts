// Accuracy of the personal-data detectors on the generated corpus (bench/corpus.ts), counting by value
// occurrence: a labelled value is found (recall) when a detection of its type overlaps it; a detection is
// right (precision) when it overlaps a labelled value of its type. Measured at high confidence and at any
// confidence. Segments go to the Classifier directly (the decoders are measured separately).
//
// Usage: node dist/bench/classify-accuracy.js [seed=1] [records=3000] [--explain]
import { Classifier, type DetectionEvent } from '../src/data/detect/classifier.js';
import { normalizeText } from '../src/data/detect/normalize.js';
import type { DetectorId } from '../src/data/types.js';
import { corpusStats, generateCorpus, type CorpusFile } from './corpus.js';

interface Tally {
  labels: number;
  foundHigh: number;
  foundAny: number;
  detHigh: number;
  tpHigh: number;
  detAny: number;
  tpAny: number;
}

const ORDER: readonly DetectorId[] = ['my_number', 'credit_card', 'bank_account', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'phone', 'email', 'postal_address', 'birth_date', 'person_name', 'sensitive_health', 'sensitive_crime', 'corporate_number'];

function emptyTally(): Tally {
  return { labels: 0, foundHigh: 0, foundAny: 0, detHigh: 0, tpHigh: 0, detAny: 0, tpAny: 0 };
}

export interface AccuracyResult {
  perType: Map<DetectorId, Tally>;
  perFormat: Map<string, Map<DetectorId, Tally>>;
  nearMiss: Map<string, { count: number; high: Map<DetectorId, number>; any: Map<DetectorId, number> }>;
  examples: { fp: string[]; fn: string[] };
  chars: number;
  ms: number;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && a.end > b.start;
}

export function measure(files: readonly CorpusFile[], explain = false): AccuracyResult {
  const perType = new Map<DetectorId, Tally>();
  const perFormat = new Map<string, Map<DetectorId, Tally>>();
  const nearMiss = new Map<string, { count: number; high: Map<DetectorId, number>; any: Map<DetectorId, number> }>();
  const examples = { fp: [] as string[], fn: [] as string[] };
  const tally = (m: Map<DetectorId, Tally>, t: DetectorId): Tally => {
    let x = m.get(t);
    if (x === undefined) {
      x = emptyTally();
      m.set(t, x);
    }
    return x;
  };
  let chars = 0;
  let ms = 0;
  const fnPerType = new Map<string, number>();
  const fpPerType = new Map<string, number>();
  for (const f of files) {
    const events: DetectionEvent[] = [];
    const c = new Classifier({ path: f.name, encoding: f.encoding, format: f.format, onDetection: (e) => events.push(e) });
    const t0 = performance.now();
    for (const s of f.segments) c.push(s.segment);
    c.finish();
    ms += performance.now() - t0;
    for (const s of f.segments) chars += s.segment.text.length;
    const fmt = perFormat.get(f.format) ?? new Map<DetectorId, Tally>();
    perFormat.set(f.format, fmt);
    const bySegment = new Map<number, DetectionEvent[]>();
    for (const e of events) {
      const list = bySegment.get(e.segment) ?? [];
      list.push(e);
      bySegment.set(e.segment, list);
    }
    f.segments.forEach((s, i) => {
      const evs = bySegment.get(i) ?? [];
      for (const l of s.labels) {
        const high = evs.some((e) => e.type === l.type && e.confidence === 'high' && overlaps(e, l));
        const any = evs.some((e) => e.type === l.type && overlaps(e, l));
        for (const t of [tally(perType, l.type), tally(fmt, l.type)]) {
          t.labels++;
          if (high) t.foundHigh++;
          if (any) t.foundAny++;
        }
        if (explain && !high && (fnPerType.get(l.type) ?? 0) < 25) {
          fnPerType.set(l.type, (fnPerType.get(l.type) ?? 0) + 1);
          const text = normalizeText(s.segment.text);
          examples.fn.push(`FN ${l.type}${any ? ' (low)' : ''} [${f.kind}/${f.format}${s.segment.field !== undefined ? ` field=${s.segment.field}` : ''}] ${JSON.stringify(text.slice(Math.max(0, l.start - 30), l.end + 30))} value=${JSON.stringify(text.slice(l.start, l.end))}`);
        }
      }
      for (const e of evs) {
        const tp = s.labels.some((l) => l.type === e.type && overlaps(e, l));
        for (const t of [tally(perType, e.type), tally(fmt, e.type)]) {
          t.detAny++;
          if (tp) t.tpAny++;
          if (e.confidence === 'high') {
            t.detHigh++;
            if (tp) t.tpHigh++;
          }
        }
        if (explain && !tp && (fpPerType.get(`${e.type}/${e.confidence}`) ?? 0) < 25) {
          fpPerType.set(`${e.type}/${e.confidence}`, (fpPerType.get(`${e.type}/${e.confidence}`) ?? 0) + 1);
          const text = normalizeText(s.segment.text);
          examples.fp.push(`FP ${e.type}/${e.confidence} [${f.kind}/${f.format}${s.segment.field !== undefined ? ` field=${s.segment.field}` : ''}] ${JSON.stringify(text.slice(Math.max(0, e.start - 30), e.end + 30))} value=${JSON.stringify(text.slice(e.start, e.end))}`);
        }
      }
      for (const n of s.nearMisses) {
        let x = nearMiss.get(n.kind);
        if (x === undefined) {
          x = { count: 0, high: new Map(), any: new Map() };
          nearMiss.set(n.kind, x);
        }
        x.count++;
        for (const e of evs) {
          if (!overlaps(e, n)) continue;
          x.any.set(e.type, (x.any.get(e.type) ?? 0) + 1);
          if (e.confidence === 'high') x.high.set(e.type, (x.high.get(e.type) ?? 0) + 1);
        }
      }
    });
  }
  return { perType, perFormat, nearMiss, examples, chars, ms };
}

function ratio(a: number, b: number): string {
  return b === 0 ? '—' : (a / b).toFixed(3);
}

export function table(perType: Map<DetectorId, Tally>): string {
  const rows = ['| detector | labelled values | precision (high) | recall (high) | precision (any) | recall (any) | false positives (high / any) |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const t of ORDER) {
    const x = perType.get(t);
    if (x === undefined) continue;
    rows.push(`| ${t} | ${x.labels} | ${ratio(x.tpHigh, x.detHigh)} | ${ratio(x.foundHigh, x.labels)} | ${ratio(x.tpAny, x.detAny)} | ${ratio(x.foundAny, x.labels)} | ${x.detHigh - x.tpHigh} / ${x.detAny - x.tpAny} |`);
  }
  return rows.join('\n');
}

const invokedAs = process.argv[1] ?? '';
if (invokedAs.endsWith('classify-accuracy.js')) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const explain = process.argv.includes('--explain');
  const seed = Number(args[0] ?? 1);
  const size = Number(args[1] ?? 5000);
  const files = generateCorpus(seed, size);
  const stats = corpusStats(files);
  const r = measure(files, explain);
  console.log(`corpus: seed ${seed}, ${size} person records → ${stats.files} files, ${stats.segments} segments, ${stats.labels} labelled values, ${stats.nearMisses} near misses`);
  console.log(`classifier: ${(r.chars / 1e6).toFixed(2)} M characters in ${(r.ms / 1000).toFixed(2)} s (${(r.chars / 1e6 / (r.ms / 1000)).toFixed(2)} M chars/s, one core, no decoding)\n`);
  console.log(table(r.perType));
  // The same, leaving out CSV files without a header row (no header, no keyword: nothing to raise a context-only type).
  const withContext = new Map<DetectorId, Tally>();
  for (const [format, m] of r.perFormat) {
    if (format === 'csv-noheader') continue;
    for (const [t, x] of m) {
      const y = withContext.get(t) ?? emptyTally();
      for (const k of Object.keys(y) as (keyof Tally)[]) y[k] += x[k];
      withContext.set(t, y);
    }
  }
  console.log('\nwithout the headerless CSV files:');
  console.log(table(withContext));
  console.log('\nrecall at high confidence by format:');
  const formats = [...r.perFormat.keys()].sort();
  console.log(`| detector | ${formats.join(' | ')} |`);
  console.log(`|---|${formats.map(() => '---:').join('|')}|`);
  for (const t of ORDER) {
    const cells = formats.map((f) => {
      const x = r.perFormat.get(f)?.get(t);
      return x && x.labels > 0 ? `${ratio(x.foundHigh, x.labels)} (${x.labels})` : '—';
    });
    if (cells.some((c) => c !== '—')) console.log(`| ${t} | ${cells.join(' | ')} |`);
  }
  console.log('\nnear misses (values that are not what their shape suggests): detections overlapping them');
  console.log('| near miss | count | high-confidence detections | any-confidence detections |');
  console.log('|---|---:|---|---|');
  for (const [kind, x] of [...r.nearMiss.entries()].sort()) {
    const fmt = (m: Map<DetectorId, number>): string => (m.size === 0 ? '0' : [...m.entries()].map(([t, n]) => `${t} ${n}`).join(', '));
    console.log(`| ${kind} | ${x.count} | ${fmt(x.high)} | ${fmt(x.any)} |`);
  }
  if (explain) {
    console.log('');
    for (const l of r.examples.fp) console.log(l);
    for (const l of r.examples.fn) console.log(l);
  }
}
