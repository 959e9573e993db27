// Severity overrides of the configuration (`severity: {check-id: level}`). Pure.
import type { Finding, Severity } from '../../src/model.js';

/** Each finding whose check has an override gets that severity, and `originalSeverity` when it changed. */
export function applySeverityOverrides<F extends Finding>(findings: readonly F[], overrides: Readonly<Record<string, Severity>> | undefined): F[] {
  if (!overrides) return [...findings];
  return findings.map((f) => {
    const to = Object.prototype.hasOwnProperty.call(overrides, f.checkId) ? overrides[f.checkId] : undefined;
    if (to === undefined || to === f.severity) return f;
    return { ...f, severity: to, originalSeverity: f.originalSeverity ?? f.severity };
  });
}
