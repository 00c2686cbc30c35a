import { briefingsMigration } from './0001-briefings.js';
import { analysisCacheMigration } from './0002-analysis-cache.js';
import { digestsMigration } from './0003-digests.js';
import { briefingFileCacheMigration } from './0004-briefing-file-cache.js';
import { pendingSubmissionsMigration } from './0005-pending-submissions.js';
import { digestAuditMigration } from './0006-digest-audit.js';
import { buttonLinesMigration } from './0007-button-lines.js';
import { digestScopeMigration } from './0008-digest-scope.js';
import type { StoreMigration } from './migration.js';

/**
 * Every migration, in order. Features that keep data in the store add one file per migration in
 * this folder and append it here with the next number; applied ones are never edited.
 */
export const migrations: readonly StoreMigration[] = [
  briefingsMigration,
  analysisCacheMigration,
  digestsMigration,
  briefingFileCacheMigration,
  pendingSubmissionsMigration,
  digestAuditMigration,
  buttonLinesMigration,
  digestScopeMigration,
];
