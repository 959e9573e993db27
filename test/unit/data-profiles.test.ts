// Every detection of a small fixed corpus, as a digest: a change of the detectors' code that is meant to change no
// result (a speed-up) must leave it as it is. When a rule changes a result on purpose, the digest is updated with
// the reason (and the accuracy figures in docs/benchmarks.md are measured again). The full check on the accuracy
// corpus and the throughput files: bench/classify-profiles.ts, classify-throughput.js --profiles-check.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { classifyCorpusFile, rechunked } from '../../bench/classify-profiles.js';
import { generateCorpus } from '../../bench/corpus.js';

/**
 * sha256 of the recordings (FileProfiles and detection events) of generateCorpus(11, 400), each file also as free
 * text cut in chunks. Last changed by the precision and persons rules of issue 12: a date labelled as another event
 * (`"hired_on": "…"` in JSON read as text) is no birth date (42 birth dates high → low), and free text with labelled
 * names counts one person per labelled name (health memos 0 → 1 person, a 社員情報 sheet whose decoy 12-digit number
 * made 2 persons → 1), and a headerless name column no longer drops 阿部 さくら (部 read as a department). No other
 * detection changed.
 */
const DIGEST = '65902bbe3b5ff2ebc7b80b0c6e47992772d1121325db2e7f6e3868bc52cd9a70';

describe('detection results of a fixed corpus', () => {
  test('are the recorded ones', () => {
    const files = generateCorpus(11, 400);
    const recorded = files.flatMap((f, i) => [classifyCorpusFile(f), classifyCorpusFile(rechunked(f, 11 * 100_000 + i))]);
    const digest = createHash('sha256').update(JSON.stringify(recorded)).digest('hex');
    const summary = new Map<string, number>();
    for (const r of recorded) for (const d of r.profile.detections) summary.set(`${d.type}/${d.confidence}`, (summary.get(`${d.type}/${d.confidence}`) ?? 0) + d.count);
    assert.equal(digest, DIGEST, `detections changed: ${[...summary].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });
});
