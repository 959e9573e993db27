// The third-party corpus bench (bench/real-documents.ts) matches report paths to its manifest: the report masks
// the parts of file names that read like personal data, so a masked name must still find its file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startsWithMasked } from '../../bench/real-documents.js';

describe('bench: report paths to manifest paths', () => {
  test('a name masked by the report (digits as *, same length) is its file; members of an archive are its own', () => {
    assert.equal(startsWithMasked('uploads/ab12/9aa*******2814f1.jpg', 'uploads/ab12/9aa06734162814f1.jpg'), true);
    assert.equal(startsWithMasked('backup/a***.zip!x.csv', 'backup/a123.zip'), true);
    assert.equal(startsWithMasked('uploads/ab12/9aa*******2814f1.jpg', 'uploads/ab12/9ab06734162814f1.jpg'), false);
    assert.equal(startsWithMasked('uploads/ab1*', 'uploads/ab12/x.jpg'), false);
  });
});
