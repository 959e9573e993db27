// The report must never become the leak: a report that holds a DataProfile — sampled by the real sampling stage from
// 1,200 synthetic employees with names, addresses, dates of birth, My Numbers and health-check results — rendered in
// every format contains none of the raw values, neither as written nor as bare digits.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORMATS, renderFormat } from '../../reports/render/formats.js';
import { profiledReport } from '../fixtures/render-reports.js';

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
    const needles = new Set<string>(raw);
    for (const v of raw) {
      if (/^\d{12}$/.test(v)) needles.add(`${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`).add(`${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8)}`);
      if (/^\d{4}-\d\d-\d\d$/.test(v)) needles.add(v.replace(/-/g, '/')).add(v.replace(/-/g, ''));
    }
    for (const format of FORMATS) {
      for (const lang of ['ja', 'en'] as const) {
        const text = renderFormat(format, [report], { lang });
        assert.ok(text.length > 1000, `${format} rendered`);
        for (const needle of needles) assert.equal(text.includes(needle), false, `${format} (${lang}) holds a raw value: ${needle}`);
        // No run of 12 digits that is a valid-looking My Number from the fixture, whatever the separators.
        const digits = text.replace(/[\s-]/g, '');
        for (const v of raw) if (/^\d{12}$/.test(v)) assert.equal(digits.includes(v), false, `${format} (${lang}) holds a My Number's digits`);
      }
    }
  });
});
