// The report must never become the leak: a report that holds a DataProfile — sampled by the real sampling stage from
// 1,200 synthetic employees with names, addresses, dates of birth, My Numbers and health-check results — rendered in
// every format contains none of the raw values, neither as written nor as bare digits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORMATS, renderFormat } from '../../reports/render/formats.js';
import { profiledReport } from '../fixtures/render-reports.js';
import { assertNoRawValue, rawNeedles } from '../helpers/raw-values.js';

describe('privacy of every rendered format', () => {
  test('no raw value of the sampled employee export appears in json, html, sarif, md, csv or the table', async () => {
    const { report, employees } = await profiledReport(1200);
    const data = report.resources.find((r) => r.id === 'gs://kumo-hr-health-checks')?.data;
    assert.ok(data?.personalData, 'the fixture holds a DataProfile with personal data');
    assert.ok(data.detections.some((d) => d.type === 'my_number' && d.count === 1200));
    assert.ok(data.persons.over1000);
    const raw = [...new Set(employees.rawValues)];
    // Names and addresses as written, and their parts long enough to identify (a family name alone is not checked:
    // masked names keep one leading character and the family-name lists are shared by everyone).
    const needles = rawNeedles(raw);
    for (const format of FORMATS) {
      for (const lang of ['ja', 'en'] as const) {
        const text = renderFormat(format, [report], { lang });
        assert.ok(text.length > 1000, `${format} rendered`);
        assertNoRawValue(text, raw, `${format} (${lang})`, needles);
      }
    }
  });
});
