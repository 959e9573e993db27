// OCR milliseconds per image per core on the committed fixture images (test/fixtures/ocr): one worker, each
// image recognized REPEAT times after a warm-up; prints per image the median wall time and the median CPU time of
// the worker thread (Linux; `-` elsewhere), the document kind, and the
// detections the Classifier makes of the segments (types and counts only, never a value).
//
// Usage: node dist/bench/ocr-speed.js [REPEAT=3] [VARIANT=4.0.0_best_int] [--text]
//   --text prints the normalized OCR text too (a debugging aid for the fixtures: they hold made-up values only).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Classifier } from '../src/data/detect/classifier.js';
import { TesseractEngine, JPN_DATA_VARIANT } from '../src/data/ocr/engine.js';
import { pageSegments } from '../src/data/ocr/page-segments.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const showText = process.argv.includes('--text');
const repeat = Math.max(1, Number(args[0] ?? 3));
const variant = args[1] ?? JPN_DATA_VARIANT;
const dir = join(process.cwd(), 'test/fixtures/ocr');
// The fixtures, then the demo's card photo (examples/demo): the picture `kumoscan demo` uploads.
const files = [
  ...readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f) && !f.startsWith('format-sample')).sort().map((f) => join(dir, f)),
  join(process.cwd(), 'examples/demo/my-number-card-back.jpg'),
];

const engine = new TesseractEngine({ workers: 1, variant });
const LIMIT = { cpuMs: 60_000, wallMs: 600_000 };
const t0 = performance.now();
await engine.recognize(readFileSync(join(dir, 'format-sample.png')), LIMIT);
console.log(`worker start + first small image: ${Math.round(performance.now() - t0)} ms (variant ${variant})`);
const medians: number[] = [];
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
for (const f of files) {
  const bytes = readFileSync(f);
  const times: number[] = [];
  const cpu: number[] = [];
  let last = null;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    last = await engine.recognize(bytes, LIMIT);
    times.push(performance.now() - t);
    if (last.cpuMs !== null) cpu.push(last.cpuMs);
  }
  const median = middle(times);
  const cpuMedian = cpu.length > 0 ? String(Math.round(middle(cpu))) : '-';
  medians.push(median);
  const page = pageSegments(last?.lines ?? [], 0);
  const c = new Classifier({ path: 'image', encoding: 'binary', format: 'image' });
  for (const s of page.segments) c.push(s);
  const p = c.finish();
  const det = p.detections.map((d) => `${d.type}/${d.confidence}×${d.count}${d.ocrConfidence !== undefined ? ` (ocr ${d.ocrConfidence})` : ''}`).join(', ');
  console.log(`${basename(f).padEnd(16)} ${String(Math.round(median)).padStart(6)} ms  cpu ${cpuMedian.padStart(6)} ms  conf ${Math.round(last?.confidence ?? 0)}  kind ${page.documentKind ?? '-'}  persons ${p.persons.distinct}  ${det}`);
  if (showText) for (const s of page.segments) console.log(`    ${s.field !== undefined ? `[${s.field}${s.row !== undefined ? ` row ${s.row}` : ''}] ` : ''}${s.text}  (${s.ocr?.confidence ?? '-'})`);
}
await engine.close();
const sorted = [...medians].sort((a, b) => a - b);
console.log(`images ${medians.length}: median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms, max ${Math.round(sorted[sorted.length - 1] ?? 0)} ms per image on one core`);
