// The APPI duties a finding can cite (../shared/APPI.md, "Duties a finding can cite"), as data.
import type { DutyId, I18n } from '../../src/model.js';

export interface Duty {
  id: DutyId;
  /** Japanese name as cited, and an English gloss (legal terms stay Japanese in both). */
  name: I18n;
  /** When it is cited. */
  when: I18n;
}

export const DUTIES: Readonly<Record<DutyId, Duty>> = {
  'APPI-23': {
    id: 'APPI-23',
    name: { ja: '法第23条 安全管理措置', en: 'APPI Art. 23 安全管理措置 (security control measures)' },
    when: { ja: 'すべての安全管理上の指摘（包括的な義務）', en: 'every safety finding (the umbrella duty)' },
  },
  'GL-10-6-1': {
    id: 'GL-10-6-1',
    name: { ja: '通則ガイドライン10-6(1) アクセス制御', en: 'General Guidelines 10-6(1) アクセス制御 (access control)' },
    when: { ja: '公開の読取・一覧・書込、過大な権限付与、ACL有効', en: 'public read/list/write, over-broad grants, ACLs enabled' },
  },
  'GL-10-6-2': {
    id: 'GL-10-6-2',
    name: { ja: '通則ガイドライン10-6(2) アクセス者の識別と認証', en: 'General Guidelines 10-6(2) アクセス者の識別と認証 (identification and authentication)' },
    when: { ja: '匿名アクセス、共有キー・SASの許可、MFAなしの認証情報', en: 'anonymous access, shared keys / SAS allowed, credentials without MFA' },
  },
  'GL-10-6-3': {
    id: 'GL-10-6-3',
    name: { ja: '通則ガイドライン10-6(3) 外部からの不正アクセス等の防止', en: 'General Guidelines 10-6(3) 外部からの不正アクセス等の防止 (preventing unauthorized access from outside)' },
    when: { ja: 'アクセスログ・監視なし、全体に開かれたネットワーク', en: 'no access logging / monitoring, network open to all' },
  },
  'GL-10-6-4': {
    id: 'GL-10-6-4',
    name: { ja: '通則ガイドライン10-6(4) 情報システムの使用に伴う漏えい等の防止', en: 'General Guidelines 10-6(4) 情報システムの使用に伴う漏えい等の防止 (preventing leaks through system use)' },
    when: { ja: 'TLS未強制、弱いTLS、機微データに自社鍵による暗号化なし', en: 'TLS not enforced, weak TLS, no encryption with own keys for sensitive data' },
  },
  'GL-10-3-3': {
    id: 'GL-10-3-3',
    name: { ja: '通則ガイドライン10-3(3) 取扱状況を確認する手段の整備', en: 'General Guidelines 10-3(3) 取扱状況を確認する手段の整備 (means to check handling)' },
    when: { ja: 'アクセスログなし、個人データ保管先の棚卸・タグなし', en: 'no access logs, no inventory/tags of personal-data buckets' },
  },
  'GL-10-3-4': {
    id: 'GL-10-3-4',
    name: { ja: '通則ガイドライン10-3(4) 漏えい等事案に対応する体制の整備', en: 'General Guidelines 10-3(4) 漏えい等事案に対応する体制の整備 (incident response readiness)' },
    when: { ja: 'バージョニング・論理削除なし（復元不能、滅失・毀損）、調査用ログなし', en: 'no versioning/soft delete (cannot restore; 滅失・毀損), no logs to investigate' },
  },
  'GL-10-5-4': {
    id: 'GL-10-5-4',
    name: { ja: '通則ガイドライン10-5(4) 個人データの削除及び機器、電子媒体等の廃棄', en: 'General Guidelines 10-5(4) 個人データの削除及び機器、電子媒体等の廃棄 (deletion and disposal)' },
    when: { ja: '個人データ保管先にライフサイクル・保持設定なし', en: 'no lifecycle/retention on personal-data buckets' },
  },
  'GL-10-7': {
    id: 'GL-10-7',
    name: { ja: '通則ガイドライン10-7 外的環境の把握', en: 'General Guidelines 10-7 外的環境の把握 (understanding the foreign environment)' },
    when: { ja: '日本国外のリージョン又は外国事業者に個人データを保管', en: 'personal data stored in a region outside Japan or with a foreign provider' },
  },
  'APPI-25': {
    id: 'APPI-25',
    name: { ja: '法第25条 委託先の監督（通則ガイドライン3-4-4）', en: 'APPI Art. 25 委託先の監督 (supervision of entrustees, GL 3-4-4)' },
    when: { ja: '外部の主体が個人データを含むバケットを読み取れる', en: 'an external principal can read a personal-data bucket' },
  },
  'APPI-26': {
    id: 'APPI-26',
    name: { ja: '法第26条 漏えい等の報告等／規則第7条・第8条', en: 'APPI Art. 26 漏えい等の報告等 (breach reporting) / Rules Art. 7, 8' },
    when: { ja: '個人データを含むリソースが誰でも読み取れる（又は読み取れた）', en: 'a resource with personal data is or was readable by anyone' },
  },
  'MNA-29-4': {
    id: 'MNA-29-4',
    name: { ja: '番号法第29条の4（特定個人情報の漏えい等報告）', en: 'My Number Act Art. 29-4 (特定個人情報の漏えい等報告, breach reporting of My Numbers)' },
    when: { ja: '誰でも読み取れるリソースにマイナンバーがある', en: 'My Numbers in a resource readable by anyone' },
  },
};

export function duty(id: DutyId): Duty {
  return DUTIES[id];
}
