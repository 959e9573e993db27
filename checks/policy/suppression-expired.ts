// suppression-expired: a suppression in the configuration file (kumoscan.yml) whose expiry date has passed. Not a
// check of a resource: the policy step (reports/policy/suppress.ts) emits it when an expired suppression still
// matches a finding, so the accepted risk is reviewed again instead of staying hidden. Registered in
// checks/index.ts (POLICY_CHECKS) so `kumoscan checks`, SARIF rules and severity overrides know it.
import type { CheckMeta } from '../types.js';

export const suppressionExpired: CheckMeta = {
  id: 'suppression-expired',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'low',
  title: {
    ja: '抑制の有効期限切れ',
    en: 'Suppression expired',
  },
  description: {
    ja: '設定ファイル（kumoscan.yml）の抑制（suppressions）のうち、有効期限（expires）を過ぎたものを検出します。期限切れの抑制は指摘を隠さず、元の指摘はそのまま報告されます。',
    en: 'Detects suppressions in the configuration file (kumoscan.yml) whose expiry date (expires) has passed. An expired suppression hides nothing: the original finding is reported as well.',
  },
  remediation: {
    default: {
      ja: '元の指摘を是正して抑制を削除するか、リスクを改めて評価したうえで理由（reason）と有効期限（expires）を更新してください。',
      en: 'Fix the original finding and remove the suppression, or review the risk again and renew its reason and expiry date.',
    },
  },
  duties: ['APPI-23'],
};
