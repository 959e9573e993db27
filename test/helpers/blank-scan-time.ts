// Two runs of the same scan differ by their clock: scannedAt, and the PPC draft's "a kumoscan scan, 2026-12-07 23:15
// JST", which quotes it to the minute. Comparing a merged report with a single run blanks both (two runs a few seconds
// apart cross a minute boundary often enough on a loaded machine to fail a comparison of the raw texts).
import { formatLocalTime } from '../../src/text/local-time.js';

/** The report's JSON with its own scan time blanked, ISO and local forms alike, parsed again. */
export function blankScanTime<T extends { scannedAt: string }>(report: T): unknown {
  return JSON.parse(JSON.stringify(report).split(report.scannedAt).join('<scannedAt>').split(formatLocalTime(report.scannedAt)).join('<scannedAt JST>'));
}
