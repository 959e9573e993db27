// Reads the least-privilege documents under docs/permissions/ (what they grant) and finds the AWS SDK commands the
// code sends (what it needs), for the tests that keep the two in sync.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { packagePath } from '../../src/package-info.js';

export const PERMISSIONS_DIR = packagePath('docs', 'permissions');

interface IamStatement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: unknown;
}

export interface IamPolicy {
  Version: string;
  Statement: IamStatement[];
}

const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

export function readIamPolicy(file: string): IamPolicy {
  return JSON.parse(readFileSync(join(PERMISSIONS_DIR, file), 'utf8')) as IamPolicy;
}

/** Every action an Allow statement of these IAM policy documents grants, with the documents granting it. */
export function awsGrants(files: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    for (const s of readIamPolicy(f).Statement) {
      if (s.Effect !== 'Allow') continue;
      for (const a of asList(s.Action)) out.set(a, [...(out.get(a) ?? []), f]);
    }
  }
  return out;
}

export interface GcpRole {
  title: string;
  description: string;
  stage: string;
  includedPermissions: string[];
}

export function readGcpRole(file: string): GcpRole {
  return parseYaml(readFileSync(join(PERMISSIONS_DIR, file), 'utf8')) as GcpRole;
}

export interface AzureRoleDefinition {
  Name: string;
  IsCustom: boolean;
  Description: string;
  Actions: string[];
  NotActions: string[];
  DataActions: string[];
  NotDataActions: string[];
  AssignableScopes: string[];
}

export function readAzureRole(file: string): AzureRoleDefinition {
  return JSON.parse(readFileSync(join(PERMISSIONS_DIR, file), 'utf8')) as AzureRoleDefinition;
}

/** An AWS SDK operation the code uses: `client` is the package suffix (s3, s3-control, iam, sts, organizations …). */
export interface AwsOperation {
  client: string;
  /** The command's name without "Command" (GetBucketAcl), or a credential provider's name (fromTemporaryCredentials). */
  operation: string;
  file: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Files under the folders that load an AWS SDK client dynamically (import('@aws-sdk/…') or require): invisible to the scan below. */
export function dynamicAwsImports(folders: readonly string[]): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    for (const path of tsFiles(packagePath(folder))) {
      if (/(import|require)\(\s*['"`]@aws-sdk\//.test(readFileSync(path, 'utf8'))) out.push(relative(packagePath(), path));
    }
  }
  return out;
}

/**
 * Every AWS SDK command and paginator imported (as a value, not a type) from @aws-sdk/client-* by the TypeScript
 * sources under the given folders of the package, and the credential providers that call AWS themselves.
 */
export function awsOperationsInCode(folders: readonly string[]): AwsOperation[] {
  const out: AwsOperation[] = [];
  const seen = new Set<string>();
  const add = (op: AwsOperation): void => {
    const key = `${op.client}:${op.operation}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(op);
    }
  };
  for (const folder of folders) {
    for (const path of tsFiles(packagePath(folder))) {
      const file = relative(packagePath(), path);
      const text = readFileSync(path, 'utf8');
      const imports = text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*'@aws-sdk\/([a-z0-9-]+)'/g);
      for (const m of imports) {
        if (m[1]) continue; // import type { … }: no call
        const pkg = m[3] ?? '';
        const names = (m[2] ?? '').split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
        for (const spec of names) {
          const name = (spec.split(/\s+as\s+/)[0] ?? '').trim();
          if (pkg.startsWith('client-')) {
            const client = pkg.slice('client-'.length);
            if (/^[A-Z]\w*Command$/.test(name)) add({ client, operation: name.slice(0, -'Command'.length), file });
            else if (/^paginate[A-Z]\w*$/.test(name)) add({ client, operation: name.slice('paginate'.length), file });
            else if (/^waitUntil[A-Z]\w*$/.test(name)) add({ client, operation: name, file });
          } else if (pkg === 'credential-providers' && /^from(TemporaryCredentials|Cognito\w*|Http|ContainerMetadata|InstanceMetadata|Ini|Env|NodeProviderChain|ProcessCredentials|SSO|TokenFile|WebToken)$/.test(name)) {
            add({ client: pkg, operation: name, file });
          }
        }
      }
    }
  }
  return out.sort((a, b) => `${a.client}:${a.operation}`.localeCompare(`${b.client}:${b.operation}`));
}
