// probe-disagreement: what an outsider saw (--probe) differs from what the configuration says.
// Configured public but refused: something in front (a network rule, a firewall, a CDN) blocks it today —
// worth knowing, not a reason to relax. Configured private (or unknown) but answered: a mechanism the
// evaluation did not see (an object ACL, a store that ignores the settings) exposes data.
import type { Capability, Evidence, I18n } from '../src/model.js';
import { CAPABILITY_NAMES } from './helpers.js';
import type { Check, FindingDraft } from './types.js';

function draft(cap: Capability, configured: boolean | null, observed: boolean, name: string, evidence: Evidence[]): FindingDraft {
  const what: I18n = CAPABILITY_NAMES[cap];
  if (observed) {
    return {
      suffix: cap,
      severity: 'high',
      evidence,
      detail: {
        ja: `「${name}」は設定上${configured === false ? '公開されていない' : '公開かどうか確認できない'}と判定しましたが、匿名のリクエストで${what.ja}ができました。オブジェクト ACL など、設定の評価に現れない仕組みで公開されています。`,
        en: `"${name}" was judged ${configured === false ? 'not public' : 'unverifiable'} from its configuration, yet an anonymous request could ${what.en}. Something the configuration does not show (an object ACL, say) makes it public.`,
      },
    };
  }
  return {
    suffix: cap,
    evidence,
    detail: {
      ja: `「${name}」は設定上、誰でも${what.ja}ができると判定しましたが、匿名のリクエストは拒否されました。ネットワークの制限やファイアウォール等が前段で防いでいる可能性があります。設定自体は公開のままなので、前段の変更で直ちに公開されます。`,
      en: `"${name}" is configured so that anyone can ${what.en}, but an anonymous request was refused. A network rule or firewall in front may block it today; the configuration itself is still public, so a change in front exposes it at once.`,
    },
  };
}

export const probeDisagreement: Check = {
  id: 'probe-disagreement',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'medium',
  title: { ja: '外部からの確認結果が設定の判定と一致しない', en: 'What an outsider sees differs from the configuration' },
  description: {
    ja: '--probe による匿名リクエストの結果（応答の有無）が、設定から判定した公開状態と食い違うリソースを検出します。',
    en: 'Detects resources where the anonymous requests of --probe disagree with the exposure judged from the configuration.',
  },
  remediation: {
    default: {
      ja: '設定を非公開にしてください（前段で拒否されている場合も、設定側で閉じるまで公開のままです）。設定が非公開なのに匿名で取得できた場合は、オブジェクト単位の ACL やストレージ側の互換性を確認してください。',
      en: 'Make the configuration private (a block in front does not close it). Where an anonymous request succeeded against a private configuration, check object-level ACLs and the store\'s handling of the settings.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-3'],
  run: (resource) => {
    const probe = resource.probe;
    if (!probe) return [];
    const out: FindingDraft[] = [];
    for (const cap of ['read', 'list'] as const) {
      const configured = probe.configured[cap];
      const observed = probe.observed[cap];
      if (observed === null) continue;
      if (observed === (configured === true)) continue;
      const evidence = resource.exposure.evidence.filter((e) => e.source === 'probe' && e.capability === cap);
      out.push(draft(cap, configured, observed, resource.name, evidence));
    }
    return out;
  },
};
