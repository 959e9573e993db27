// The versioned migrations of the history schema, shared by SQLite and PostgreSQL. A new version is a new file
// here and one line below; a migration, once released, is never edited.
import type { Migration, MigrationProvider } from 'kysely';
import * as v001 from './001-runs-resources-findings.js';
import * as v002 from './002-runs-exposed-personal.js';
import * as v003 from './003-runs-scope.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-runs-resources-findings': v001,
  '002-runs-exposed-personal': v002,
  '003-runs-scope': v003,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
