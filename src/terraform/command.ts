// `kumoscan scan terraform PLAN.json`: the plan -> provider snapshots (translate.ts) -> the same normalize, checks,
// APPI assessment and reports as `scan --input`; each resource carries where it is declared. Exit codes as for scan.
import { dirname } from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import type { Lang, TableOptions } from '../../reports/render/table.js';
import type { Format } from '../../reports/render/formats.js';
import type { Severity } from '../model.js';
import type { Entrustee } from '../../reports/appi/types.js';
import type { InventoryDeclaration, Policy } from '../../reports/policy/types.js';
import type { Report } from '../../reports/render/json.js';
import { adapterFor } from '../adapters.js';
import { evaluateSnapshot, exitCodeFor, type FailOn } from '../scan.js';
import { writeSnapshotFile } from '../snapshot.js';
import { findConfig } from '../config/load.js';
import { entrusteesFromConfig, policyFromConfig } from '../config/policy.js';
import type { Assumptions } from './assumptions.js';
import { readPlanFile } from './plan-read.js';
import { translatePlan } from './translate.js';
import { locateSources } from './locate-source.js';
import { policyWithAddresses } from './address-policy.js';

export interface TerraformScanFlags {
  format: Format[];
  out?: string;
  outDir?: string;
  failOn: FailOn;
  lang: Lang;
  severity?: Severity[];
  details?: boolean;
  config?: string;
  assume: Assumptions;
  tfDir?: string;
  dataDeclared: InventoryDeclaration[];
  saveSnapshot?: string;
  discoveredAt?: string;
  entrustee: Entrustee[];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** 1 when any report has a finding at or above --fail-on; else 3 when any is incomplete; else 0. */
function combinedExit(codes: readonly number[]): number {
  if (codes.includes(EXIT.FINDINGS)) return EXIT.FINDINGS;
  if (codes.includes(EXIT.INCOMPLETE)) return EXIT.INCOMPLETE;
  return EXIT.OK;
}

/** Pure apart from reading the plan, the .tf files and the configuration: the reports of a plan and the exit code. */
export function evaluatePlan(planPath: string, flags: TerraformScanFlags, now: Date = new Date()): { reports: Report[]; exitCode: number; snapshots: ReturnType<typeof translatePlan>['snapshots'] } {
  const plan = readPlanFile(planPath);
  const loaded = findConfig(flags.config);
  const configPolicy: Policy = loaded ? policyFromConfig(loaded.config) : {};
  const entrustees = [...flags.entrustee, ...(loaded ? entrusteesFromConfig(loaded.config) : [])];
  // kumoscan.yml `terraform.assume`, under the --assume flags.
  const assume: Assumptions = { ...stripUndefined(loaded?.config.terraform?.assume ?? {}), ...flags.assume };
  const translation = translatePlan(plan, assume);
  const sources = locateSources(plan, translation.sources, translation.modules, flags.tfDir ?? dirname(planPath));
  const policy = policyWithAddresses({ ...configPolicy, inventory: [...(configPolicy.inventory ?? []), ...flags.dataDeclared] }, sources);
  const reports: Report[] = [];
  const codes: number[] = [];
  for (const raw of translation.snapshots) {
    const adapter = adapterFor(raw.provider);
    if (!adapter) continue;
    const snapshot = adapter.validateSnapshot(raw as unknown as Record<string, unknown>);
    const normalized = adapter.normalize(snapshot).map((r) => {
      const source = sources.get(r.id);
      return source ? { ...r, source } : r;
    });
    const report = evaluateSnapshot(snapshot, {
      normalized,
      source: 'snapshot',
      snapshotFile: planPath,
      failOn: flags.failOn,
      scannedAt: now.toISOString(),
      policy,
      ...(loaded ? { configFile: loaded.file } : {}),
      ...(flags.discoveredAt !== undefined ? { discoveredAt: flags.discoveredAt } : {}),
      ...(entrustees.length > 0 ? { entrustees } : {}),
    });
    reports.push(report);
    codes.push(exitCodeFor(report, flags.failOn));
  }
  return { reports, exitCode: combinedExit(codes), snapshots: translation.snapshots };
}

export async function runTerraformScan(planPath: string, flags: TerraformScanFlags, write: (text: string) => void): Promise<number> {
  const { checkOutputs, emitReports } = await import('../../reports/render/output.js');
  const outputs = { ...(flags.out !== undefined ? { out: flags.out } : {}), ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}) };
  checkOutputs(1, flags.format, { ...outputs, lang: flags.lang });
  const { reports, exitCode, snapshots } = evaluatePlan(planPath, flags);
  if (reports.length === 0) {
    process.stderr.write(
      flags.lang === 'ja'
        ? `kumoscan: ${planPath} には kumoscan が読むストレージのリソース（aws_s3_bucket、google_storage_bucket、azurerm_storage_account 等）がありません。\n`
        : `kumoscan: ${planPath} has no storage resource kumoscan reads (aws_s3_bucket, google_storage_bucket, azurerm_storage_account …).\n`,
    );
    return EXIT.OK;
  }
  if (flags.saveSnapshot !== undefined) {
    if (snapshots.length > 1) throw new UsageError('--save-snapshot writes one snapshot: this plan configures storage of several clouds');
    await writeSnapshotFile(flags.saveSnapshot, snapshots[0] as NonNullable<(typeof snapshots)[0]>);
  }
  const table: TableOptions = { ...(flags.details ? { details: true } : {}), ...(flags.severity ? { severities: flags.severity } : {}) };
  const opts = { lang: flags.lang, table, ...outputs };
  // One report per cloud: formats that combine reports get them all; the table and JSON on standard output one after the other.
  const single = flags.format.length === 1 && (flags.format[0] === 'table' || flags.format[0] === 'json') && flags.out === undefined && flags.outDir === undefined;
  if (single && reports.length > 1) for (const r of reports) await emitReports([r], flags.format, opts, write);
  else await emitReports(reports, flags.format, opts, write);
  return exitCode;
}
