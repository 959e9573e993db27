// PDF decoding time per page through pdf.js: a 20-page and a 300-page text PDF written like office exports
// (every word and cell its own text operator at an absolute position: a heading, 30 lines of prose and an
// employee table of 12 rows per page, Helvetica and a Japanese CID font), decoded with decodeStream and then
// classified (decode + detectors), each in this one process. The first run includes loading pdf.js (lazy).
//   node dist/bench/pdf-pages.js [PAGES...]      (default: 20 300)
import { performance } from 'node:perf_hooks';
import { classifyBytes } from '../src/data/decode/classify.js';
import { decodeStream } from '../src/data/decode/decode-stream.js';
import { tableRuns, writePdf, type PdfPage, type PdfTextRun } from '../test/helpers/pdf-writer.js';

const SURNAMES = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '由美'];

function myNumber(seed: number): string {
  const body = String(10_000_000_000 + ((seed * 7_919_117) % 89_999_999_999)).slice(0, 11);
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(body[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return `${body}${r <= 1 ? 0 : 11 - r}`;
}

function page(p: number): PdfPage {
  const runs: PdfTextRun[] = [{ x: 72, y: 770, text: `社員名簿 第${p + 1}頁`, font: 'jp', size: 14 }];
  for (let l = 0; l < 30; l++) {
    let x = 72;
    for (const w of `Line ${l + 1} of page ${p + 1}: quarterly report text drawn word by word as office suites export it`.split(' ')) {
      runs.push({ x, y: 740 - l * 12, text: w, size: 9 });
      x += w.length * 5 + 2.5;
    }
  }
  const rows = [['社員番号', '氏名', 'マイナンバー', '生年月日']];
  for (let r = 0; r < 12; r++) {
    const i = p * 12 + r;
    const mn = myNumber(i + 1);
    rows.push([`E${10_000 + i}`, `${SURNAMES[i % 8]} ${GIVEN[i % 6]}`, `${mn.slice(0, 4)} ${mn.slice(4, 8)} ${mn.slice(8)}`, `19${60 + (i % 40)}/0${1 + (i % 9)}/1${i % 10}`]);
  }
  runs.push(...tableRuns(rows, [72, 150, 260, 400], 360));
  return { runs };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

async function decodeMs(buf: Buffer, name: string): Promise<{ ms: number; cpuMs: number; segments: number; notes: string[] }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const d = await decodeStream(buf, { name, limits: { timeBudgetMs: 0 } });
  let segments = 0;
  for await (const batch of d.batches) segments += batch.length;
  return { ms: performance.now() - t0, cpuMs: cpuMs(c0), segments, notes: d.stats().notes };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const pages of sizes.length > 0 ? sizes : [20, 300]) {
  const buf = writePdf(Array.from({ length: pages }, (_, p) => page(p)));
  const name = `bench-${pages}.pdf`;
  const first = await decodeMs(buf, name);
  const again = await decodeMs(buf, name);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const profile = await classifyBytes(buf, { name, limits: { timeBudgetMs: 0 } });
  const classifyMs = performance.now() - t0;
  const classifyCpu = cpuMs(c0);
  const mn = profile.detections.filter((d) => d.type === 'my_number').reduce((a, d) => a + d.count, 0);
  console.log(
    JSON.stringify({
      pages,
      bytes: buf.length,
      segments: again.segments,
      decodeFirstMs: Math.round(first.ms),
      decodeFirstCpuMs: Math.round(first.cpuMs),
      decodeMs: Math.round(again.ms),
      decodeCpuMsPerPage: Number((again.cpuMs / pages).toFixed(2)),
      wallMsPerPage: Number((again.ms / pages).toFixed(2)),
      classifyMs: Math.round(classifyMs),
      classifyCpuMsPerPage: Number((classifyCpu / pages).toFixed(2)),
      myNumbers: mn,
      expectedMyNumbers: pages * 12,
      persons: profile.persons.distinct,
      rssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      notes: again.notes,
    }),
  );
}
