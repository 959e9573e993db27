// SARIF 2.1.0 for code-scanning dashboards (OASIS SARIF v2.1.0 Errata 01; validated against the official schema
// in test/fixtures/sarif-schema-2.1.0.json). One run per report; one rule per kumoscan check, with help text in
// Japanese and English and the APPI duties and severity as properties; one result per finding. A cloud resource is
// no source file: results are located by the resource id (logicalLocations, kind "resource"), with the resource's
// URI (s3://, gs://, the Azure blob URL, an ARN) as the artifact location for tools that need a physical one.
import { openedByText } from '../../src/evidence/changes/text.js';
import type { I18n, Provider, Resource, Severity } from '../../src/model.js';
import { ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS } from '../../checks/index.js';
import type { CheckMeta } from '../../checks/types.js';
import { DUTIES } from '../appi/duties.js';
import type { Report, ReportFinding } from './json.js';
import { findingCommands } from './fix-commands.js';
import { SEVERITY_LABEL, errorMessage, estimateLine, resourceViews, type Lang } from './view.js';
import { publicSinceLine } from './public-since-view.js';
import { configWarningsOf, suppressedOf } from './policy-view.js';
import { escapeJsonControls } from '../../src/text/sanitize.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  /** Language of message texts; the other language is kept in the message's properties. Default en. */
  lang?: Lang;
}

// The subset of the SARIF object model kumoscan writes.
interface SarifMessage {
  text: string;
  markdown?: string;
  properties?: Record<string, unknown>;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
  index?: number;
  properties?: Record<string, unknown>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: 'fail';
  level: SarifLevel;
  message: SarifMessage;
  locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } }; logicalLocations: SarifLogicalLocation[] }[];
  partialFingerprints: Record<string, string>;
  /** With --baseline: new / unchanged; a resolved finding of the baseline is an `absent` result. */
  baselineState?: 'new' | 'unchanged' | 'absent';
  /** A finding a suppression of kumoscan.yml accepted: kind external (the configuration), with its reason. */
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string; properties: { expires: string; suppression: string } }[];
  properties: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; language: string; rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean; endTimeUtc: string; toolExecutionNotifications?: { level: SarifLevel; message: SarifMessage; descriptor?: { id: string } }[] }[];
    language: string;
    columnKind: 'unicodeCodePoints';
    automationDetails: { id: string };
    logicalLocations: SarifLogicalLocation[];
    results: SarifResult[];
    properties: Record<string, unknown>;
  }[];
}

const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** GitHub code scanning's security-severity (0–10): critical ≥ 9, high 7–8.9, medium 4–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.5' };

function other(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}

function msg(text: I18n, lang: Lang): SarifMessage {
  return { text: text[lang] || text[other(lang)], properties: { [other(lang)]: text[other(lang)] } };
}

/** "public-read" -> "PublicRead" (SARIF rule names are identifiers). */
function ruleName(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}

function dutiesOf(ids: readonly string[]): { id: string; ja: string; en: string }[] {
  return ids.map((id) => {
    const d = (DUTIES as Record<string, { name: I18n } | undefined>)[id];
    return { id, ja: d?.name.ja ?? id, en: d?.name.en ?? id };
  });
}

function remediationLines(c: CheckMeta, lang: Lang): string[] {
  const entries = Object.entries(c.remediation).filter((e): e is [Provider | 'default', I18n] => e[1] !== undefined);
  return entries.map(([p, r]) => `${p === 'default' ? (lang === 'ja' ? '共通' : 'all providers') : p}: ${r[lang]}`);
}

function helpText(c: CheckMeta, lang: Lang): string {
  const duties = dutiesOf(c.duties).map((d) => `${d.id} ${d[lang]}`);
  return lang === 'ja'
    ? [`${c.title.ja}`, c.description.ja, `対処:`, ...remediationLines(c, 'ja').map((l) => `- ${l}`), `関係する義務: ${duties.join('、')}`].join('\n')
    : [`${c.title.en}`, c.description.en, 'Remediation:', ...remediationLines(c, 'en').map((l) => `- ${l}`), `Duties: ${duties.join('; ')}`].join('\n');
}

function helpMarkdown(c: CheckMeta, lang: Lang): string {
  const md = (s: string): string => s.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
  const duties = dutiesOf(c.duties).map((d) => `- \`${d.id}\` ${md(d[lang])}`);
  return [
    `**${md(c.title[lang])}**`,
    '',
    md(c.description[lang]),
    '',
    lang === 'ja' ? '**対処**' : '**Remediation**',
    '',
    ...remediationLines(c, lang).map((l) => `- ${md(l)}`),
    '',
    lang === 'ja' ? '**関係する義務**' : '**Duties**',
    '',
    ...duties,
  ].join('\n');
}

function ruleOf(c: CheckMeta, scope: 'resource' | 'account' | 'policy', lang: Lang): SarifRule {
  const duties = dutiesOf(c.duties);
  return {
    id: c.id,
    name: ruleName(c.id),
    shortDescription: msg(c.title, lang),
    fullDescription: msg(c.description, lang),
    help: { text: helpText(c, lang), markdown: helpMarkdown(c, lang), properties: { [other(lang)]: helpText(c, other(lang)), [`markdown-${other(lang)}`]: helpMarkdown(c, other(lang)) } },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: {
      tags: ['security', 'cloud-storage', 'appi', ...c.duties.map((d) => `duty:${d}`)],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[c.severity],
      severity: c.severity,
      severityLabel: SEVERITY_LABEL[c.severity],
      providers: [...c.providers],
      scope,
      duties,
    },
  };
}

/** A rule for a check this kumoscan does not know (a report written by another version). */
function ruleFromFinding(f: ReportFinding, lang: Lang): SarifRule {
  return {
    id: f.checkId,
    name: ruleName(f.checkId),
    shortDescription: msg(f.title, lang),
    fullDescription: msg(f.title, lang),
    help: { text: f.remediation[lang] || f.title[lang], properties: { [other(lang)]: f.remediation[other(lang)] } },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: ['security', 'cloud-storage', 'appi'], 'security-severity': SECURITY_SEVERITY[f.severity], severity: f.severity, duties: f.duties },
  };
}

/** The resource's address as a URI, for tools that want an artifact location. */
export function resourceUri(r: Resource | undefined, id: string): string {
  // An id (an ARN, an ARM id, a URL) as a URI reference: characters a URI cannot hold are percent-encoded.
  const asUri = (s: string): string => encodeURI(s).replace(/#/g, '%23');
  if (!r) return asUri(id);
  if (r.provider === 'aws') return `s3://${encodeURIComponent(r.name)}`;
  if (r.provider === 'gcp') return `gs://${encodeURIComponent(r.name)}`;
  const endpoint = r.azure?.blobEndpoint;
  const container = r.name.split('/').at(-1) ?? r.name;
  return endpoint ? `${asUri(endpoint.replace(/\/+$/, ''))}/${encodeURIComponent(container)}` : asUri(id);
}

/** Where a result points: the .tf file and line of a plan's resource block, else the resource's URI. */
function physicalLocationOf(resource: Resource | undefined, id: string): { artifactLocation: { uri: string }; region?: { startLine: number } } {
  const s = resource?.source;
  if (s?.file !== undefined) return { artifactLocation: { uri: encodeURI(s.file) }, ...(s.line !== undefined ? { region: { startLine: s.line } } : {}) };
  return { artifactLocation: { uri: resourceUri(resource, id) } };
}

function runOf(report: Report, lang: Lang): SarifLog['runs'][number] {
  const rules: SarifRule[] = [...CHECKS.map((c) => ruleOf(c, 'resource', lang)), ...ACCOUNT_CHECKS.map((c) => ruleOf(c, 'account', lang)), ...POLICY_CHECKS.map((c) => ruleOf(c, 'policy', lang))];
  const suppressed = suppressedOf([report]);
  for (const f of [...report.findings, ...suppressed.map((x) => x.finding), ...(report.resolved ?? [])]) if (!rules.some((r) => r.id === f.checkId)) rules.push(ruleFromFinding(f, lang));
  const views = resourceViews(report);
  const logical: SarifLogicalLocation[] = views.map((v) => ({
    name: v.name,
    fullyQualifiedName: v.id,
    kind: 'resource',
    properties: {
      provider: v.provider,
      ...(v.resource ? { account: v.resource.account, region: v.resource.region, exposure: { read: v.resource.exposure.read, list: v.resource.exposure.list, write: v.resource.exposure.write } } : { subject: 'account-or-identity' }),
      ...(v.resource?.data ? { personalData: v.resource.data.personalData, appiClasses: v.resource.data.classes, persons: v.resource.data.persons.estimate, over1000: v.resource.data.persons.over1000 } : {}),
      reportability: v.reportability ? { result: v.reportability.result, myNumberAct: v.reportability.myNumberAct.applies, categories: v.reportability.categories.filter((c) => c.applies !== false).map((c) => ({ category: c.category, applies: c.applies })) } : null,
      ...(v.deadlines ? { deadlines: { discoveredAt: v.deadlines.discoveredAt, preliminary: { from: v.deadlines.preliminary.from, to: v.deadlines.preliminary.to }, final: { due: v.deadlines.final.due, days: v.deadlines.final.days } } } : {}),
      // With --history: when it became public, and the line every format shows.
      ...(v.publicSince ? { publicSince: { ...v.publicSince, text: publicSinceLine(v.publicSince) } } : {}),
      estimate: { ja: estimateLine(v.reportability, 'ja'), en: estimateLine(v.reportability, 'en') },
      ...(v.resource?.openedBy ? { openedBy: { ...openedByText(v.resource.openedBy), change: v.resource.openedBy.change } } : {}),
      ...(v.readByOutsiders ? { readByOutsiders: { leak: v.readByOutsiders.leak, objects: v.readByOutsiders.objects, persons: v.readByOutsiders.persons, text: v.readByOutsiders.text[lang] } } : {}),
    },
  }));
  const indexOf = new Map(logical.map((l, i) => [l.fullyQualifiedName, i]));
  const byId = new Map(report.resources.map((r) => [r.id, r]));
  const suppressionOf = new Map(suppressed.map((x) => [x.finding, x]));
  const resultOf = (f: ReportFinding): SarifResult => {
    const sup = suppressionOf.get(f);
    const li = indexOf.get(f.resourceId) ?? 0;
    const loc = logical[li];
    const resource = byId.get(f.resourceId);
    const commands = findingCommands(f, resource);
    return {
      ruleId: f.checkId,
      ruleIndex: rules.findIndex((r) => r.id === f.checkId),
      kind: 'fail',
      level: LEVEL[f.severity],
      message: { text: `${f.title[lang]}: ${f.detail[lang]}`, properties: { [other(lang)]: `${f.title[other(lang)]}: ${f.detail[other(lang)]}` } },
      locations: [
        {
          physicalLocation: physicalLocationOf(resource, f.resourceId),
          logicalLocations: [{ name: loc?.name ?? f.resourceId, fullyQualifiedName: f.resourceId, kind: 'resource', index: li }],
        },
      ],
      partialFingerprints: { 'kumoscanFindingId/v1': f.id },
      ...(f.baseline ? { baselineState: f.baseline } : {}),
      ...(sup ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: sup.reason, properties: { expires: sup.expires, suppression: sup.suppression } }] } : {}),
      properties: {
        ...(f.originalSeverity ? { originalSeverity: f.originalSeverity } : {}),
        ...(f.stillReportable ? { stillReportable: f.stillReportable } : {}),
        findingId: f.id,
        ...(resource?.source ? { terraformAddress: resource.source.address } : {}),
        provider: f.provider,
        severity: f.severity,
        'security-severity': SECURITY_SEVERITY[f.severity],
        duties: f.duties,
        title: f.title,
        remediation: f.remediation,
        ...(commands.length ? { commands } : {}),
        evidence: f.evidence.map((e) => ({ ...e })),
      },
    };
  };
  const results: SarifResult[] = [
    ...report.findings.map(resultOf),
    ...suppressed.map((x) => resultOf(x.finding)),
    // With --baseline: the baseline's resolved findings as `absent` results (SARIF 2.1.0, 3.27.24), located by name
    // only when the resource is no longer in this run.
    ...(report.resolved ?? []).map((f): SarifResult => {
      const r = resultOf(f);
      const known = indexOf.has(f.resourceId);
      return {
        ...r,
        baselineState: 'absent',
        locations: r.locations.map((l) => ({ ...l, logicalLocations: l.logicalLocations.map((x) => (known ? x : { name: f.resourceId, fullyQualifiedName: f.resourceId, kind: 'resource' })) })),
      };
    }),
  ];
  return {
    tool: { driver: { name: 'kumoscan', version: report.tool.version, semanticVersion: report.tool.version, language: lang === 'ja' ? 'ja-JP' : 'en-US', rules } },
    invocations: [
      {
        executionSuccessful: report.summary.complete,
        endTimeUtc: report.scannedAt,
        ...(report.errors.length || configWarningsOf([report]).length
          ? {
              toolExecutionNotifications: [
                ...report.errors.map((e) => ({ level: 'warning' as const, message: { text: `${e.scope}: ${e.call} ${e.code} — ${errorMessage(e)[lang]}` }, descriptor: { id: 'collect-error' } })),
                ...configWarningsOf([report]).map((w) => ({ level: 'warning' as const, message: msg(w.message, lang), descriptor: { id: 'config-warning' } })),
              ],
            }
          : {}),
      },
    ],
    language: lang === 'ja' ? 'ja-JP' : 'en-US',
    columnKind: 'unicodeCodePoints',
    automationDetails: { id: `kumoscan/${report.scope.provider}/${report.scope.accounts.join('+') || 'scan'}/` },
    logicalLocations: logical,
    results,
    properties: {
      schemaVersion: report.schemaVersion,
      scope: report.scope,
      summary: report.summary,
      notLegalAdvice: report.assessment.notLegalAdvice,
      framing: report.assessment.framing,
    },
  };
}

export function buildSarif(input: Report | readonly Report[], opts: SarifOptions = {}): SarifLog {
  const reports: readonly Report[] = Array.isArray(input) ? input : [input as Report];
  const lang = opts.lang ?? 'en';
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: reports.map((r) => runOf(r, lang)) };
}

export function renderSarif(input: Report | readonly Report[], opts: SarifOptions = {}): string {
  return escapeJsonControls(JSON.stringify(buildSarif(input, opts), null, 2)) + '\n';
}
