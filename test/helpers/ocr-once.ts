// Child process of test/unit/ocr-offline.test.ts: OCR of one file with a fresh engine, the text on stdout, then
// the engine closed — the process must exit by itself.
import { readFileSync } from 'node:fs';
import { OcrService } from '../../src/data/ocr/index.js';

const service = new OcrService();
const reader = service.reader();
if (!reader) throw new Error('OCR off');
const text = await reader.read({ kind: 'encoded', bytes: readFileSync(process.argv[2] ?? '') }, { name: 'a.png', deadline: Date.now() + 60_000 });
process.stdout.write(`${JSON.stringify({ lines: text.segments.map((s) => s.text), notes: text.notes })}\n`);
await service.close();
