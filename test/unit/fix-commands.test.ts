// Remediation commands: checks write templates once, reports fill them for each finding's resource — no `<bucket>`
// placeholder and no command inside the prose.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS } from '../../checks/index.js';
import { COMMAND_PLACEHOLDERS, COMMAND_VARIABLES, commandVariables, fillCommands, isShellSafe } from '../../checks/commands.js';
import { renderCsv } from '../../reports/render/csv.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderMarkdown } from '../../reports/render/md.js';
import { renderSarif } from '../../reports/render/sarif.js';
import { exampleReport } from '../fixtures/render-reports.js';
import { parseCsv } from '../helpers/parse-csv.js';

const ALL = [...CHECKS, ...ACCOUNT_CHECKS, ...POLICY_CHECKS];
const BPA = 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true';

describe('remediation command templates', () => {
  test('no prose holds a command or a placeholder: no backtick, no <bucket>-style placeholder', () => {
    for (const c of ALL) {
      for (const [provider, r] of Object.entries(c.remediation)) {
        for (const lang of ['ja', 'en'] as const) {
          const text = r?.[lang] ?? '';
          assert.doesNotMatch(text, /`/, `${c.id}.remediation.${provider}.${lang} has a backtick`);
          assert.doesNotMatch(text, /<[a-z][a-z-]*>/, `${c.id}.remediation.${provider}.${lang} has a placeholder`);
        }
      }
    }
  });

  test('every template uses known placeholders only, and every shell variable is explained in both languages', () => {
    let templates = 0;
    for (const c of ALL) {
      for (const [provider, r] of Object.entries(c.remediation)) {
        for (const command of r?.commands ?? []) {
          templates++;
          for (const m of command.matchAll(/\{([a-z-]+)\}/g)) assert.ok((COMMAND_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''), `${c.id}.${provider}: unknown placeholder {${m[1]}}`);
          assert.doesNotMatch(command, /<[a-z][a-z-]*>/, `${c.id}.${provider}: ${command}`);
          for (const m of command.matchAll(/\$([A-Z_]+)/g)) {
            const meaning = COMMAND_VARIABLES[m[1] ?? ''];
            assert.ok(meaning && /[\u3040-\u30ff\u4e00-\u9fff]/.test(meaning.ja) && meaning.en.length > 0, `${c.id}.${provider}: $${m[1]} is not explained`);
          }
        }
      }
    }
    assert.ok(templates >= 30, `${templates} templates`);
  });
});

describe('fillCommands', () => {
  test('AWS: the bucket and the account id', () => {
    assert.deepEqual(
      fillCommands(['aws s3api put-public-access-block --bucket {bucket} --public-access-block-configuration X', 'aws s3control put-public-access-block --account-id {account-id}'], {
        provider: 'aws',
        account: '111122223333',
        name: 'hr-exports',
        resourceId: 'arn:aws:s3:::hr-exports',
      }),
      ['aws s3api put-public-access-block --bucket hr-exports --public-access-block-configuration X', 'aws s3control put-public-access-block --account-id 111122223333'],
    );
  });

  test('Azure: storage account, container and the resource group from the ARM id; a data-plane scan leaves "$RESOURCE_GROUP"', () => {
    const arm = '/subscriptions/0b1f/resourceGroups/rg-hr/providers/Microsoft.Storage/storageAccounts/kumohr';
    const t = ['az storage account update --name {storage-account} --resource-group {resource-group} --x', 'az storage container set-permission --name {container} --account-name {storage-account}'];
    assert.deepEqual(fillCommands(t, { provider: 'azure', account: arm, name: 'kumohr/hr-system', resourceId: `${arm}/blobServices/default/containers/hr-system` }), [
      'az storage account update --name kumohr --resource-group rg-hr --x',
      'az storage container set-permission --name hr-system --account-name kumohr',
    ]);
    assert.deepEqual(fillCommands(t.slice(0, 1), { provider: 'azure', account: 'https://kumohr.blob.core.windows.net', name: 'kumohr/hr-system', resourceId: 'x' }), [
      'az storage account update --name kumohr --resource-group "$RESOURCE_GROUP" --x',
    ]);
  });

  test('GCS: the bucket and the project; IAM: the user or role name from the ARN', () => {
    assert.deepEqual(fillCommands(['gcloud storage buckets create gs://"$NEW_BUCKET" --project={project}', 'x gs://{bucket}'], { provider: 'gcp', account: 'hr-prod', name: 'hr-exports', resourceId: 'gs://hr-exports' }), [
      'gcloud storage buckets create gs://"$NEW_BUCKET" --project=hr-prod',
      'x gs://hr-exports',
    ]);
    assert.deepEqual(fillCommands(['aws iam update-access-key --user-name {iam-name}'], { provider: 'aws', account: null, name: null, resourceId: 'arn:aws:iam::111122223333:user/ops/batch-uploader' }), [
      'aws iam update-access-key --user-name batch-uploader',
    ]);
  });

  test('a command naming a part the subject does not have is left out, not shown half-filled', () => {
    assert.deepEqual(fillCommands(['aws s3api x --bucket {bucket}', 'aws iam y'], { provider: 'aws', account: null, name: null, resourceId: 'aws:111122223333' }), ['aws iam y']);
    assert.deepEqual(fillCommands(['a {bucket}'], { provider: 'azure', account: 'x', name: 'acct/c', resourceId: 'x' }), []);
  });

  test('a name with characters a real bucket name cannot have gets no command (nothing is built from a string that needs quoting)', () => {
    assert.equal(isShellSafe('hr-exports.2024'), true);
    assert.deepEqual(fillCommands(['aws s3api x --bucket {bucket}'], { provider: 'aws', account: '1', name: "it's here; rm -rf ~", resourceId: 'x' }), []);
    assert.deepEqual(fillCommands(['aws s3api x --bucket {bucket}'], { provider: 'aws', account: '1', name: 'evil\u001b[31m`x`', resourceId: 'x' }), []);
    assert.deepEqual(commandVariables(['a "$LOG_BUCKET" "$HOME" $LOG_BUCKET']), ['LOG_BUCKET']);
  });
});

describe('every format shows the commands of the public bucket of the AWS example, filled', () => {
  const report = exampleReport('aws');
  const bucketBpa = `aws s3api put-public-access-block --bucket hr-system-employees --public-access-block-configuration ${BPA}`;
  const accountBpa = `aws s3control put-public-access-block --account-id 111122223333 --public-access-block-configuration ${BPA}`;

  test('Markdown: a sh block under the finding, and the variables to set first', () => {
    for (const lang of ['ja', 'en'] as const) {
      const md = renderMarkdown(report, { lang });
      assert.ok(md.includes(`    \`\`\`sh\n    ${bucketBpa}\n    ${accountBpa}\n`), lang);
      assert.ok(!md.includes('<bucket>') && !md.includes('{bucket}'), lang);
    }
    assert.match(renderMarkdown(report, { lang: 'en' }), /Commands: set first — LOG\\_BUCKET: the bucket that receives the logs \(not this one\)/);
    assert.match(renderMarkdown(report, { lang: 'ja' }), /コマンド: 先に設定する変数 — LOG\\_BUCKET: ログを受け取るバケット（このバケットとは別のもの）/);
  });

  test('HTML: a code block in the remediation', () => {
    const html = renderHtml(report);
    assert.ok(html.includes(`<pre class="commands"><code>${bucketBpa}\n${accountBpa}\naws s3api put-bucket-ownership-controls --bucket hr-system-employees --ownership-controls &#39;Rules=[{ObjectOwnership=BucketOwnerEnforced}]&#39;</code></pre>`));
    assert.ok(!html.includes('{bucket}') && !html.includes('&lt;bucket&gt;'));
  });

  test('CSV: the remediation_commands column; SARIF: properties.commands', () => {
    const rows = parseCsv(renderCsv(report).slice(1)); // after the BOM
    const head = rows[0] ?? [];
    const col = head.indexOf('remediation_commands');
    const row = rows.find((r) => r[head.indexOf('finding_id')] === 'public-read:arn:aws:s3:::hr-system-employees');
    assert.equal(row?.[col], [bucketBpa, accountBpa, "aws s3api put-bucket-ownership-controls --bucket hr-system-employees --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'"].join('\n'));
    const sarif = JSON.parse(renderSarif(report)) as { runs: { results: { partialFingerprints: Record<string, string>; properties: { commands?: string[] } }[] }[] };
    const result = sarif.runs[0]?.results.find((r) => r.partialFingerprints['kumoscanFindingId/v1'] === 'public-read:arn:aws:s3:::hr-system-employees');
    assert.deepEqual(result?.properties.commands?.slice(0, 2), [bucketBpa, accountBpa]);
  });
});
