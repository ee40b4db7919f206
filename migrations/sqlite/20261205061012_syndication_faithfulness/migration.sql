-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SyndicationSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "adapter" TEXT NOT NULL,
    "listUrls" TEXT NOT NULL DEFAULT '',
    "selectors" JSONB,
    "feedContent" TEXT NOT NULL DEFAULT 'on-detail-failure',
    "charset" TEXT NOT NULL DEFAULT '',
    "schedule" TEXT NOT NULL DEFAULT '15 8-20/2 * * *',
    "targetColumn" TEXT,
    "policy" TEXT NOT NULL DEFAULT 'review',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "allowedHosts" TEXT NOT NULL DEFAULT '',
    "maxItems" INTEGER NOT NULL DEFAULT 30,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "lastRunAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT NOT NULL DEFAULT '',
    "lastWarning" TEXT NOT NULL DEFAULT '',
    "failureAlertedAt" DATETIME,
    "consecutiveFailures" INTEGER DEFAULT 0,
    "nextAttemptAfter" DATETIME,
    "itemsSeen" INTEGER DEFAULT 0,
    "itemsNew" INTEGER DEFAULT 0,
    "runState" JSONB,
    CONSTRAINT "SyndicationSource_targetColumn_fkey" FOREIGN KEY ("targetColumn") REFERENCES "Column" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SyndicationSource" ("adapter", "allowedHosts", "charset", "consecutiveFailures", "enabled", "id", "itemsNew", "itemsSeen", "key", "lastError", "lastRunAt", "lastSuccessAt", "level", "listUrls", "maxItems", "name", "nextAttemptAfter", "note", "policy", "runState", "schedule", "selectors", "targetColumn", "verified") SELECT "adapter", "allowedHosts", "charset", "consecutiveFailures", "enabled", "id", "itemsNew", "itemsSeen", "key", "lastError", "lastRunAt", "lastSuccessAt", "level", "listUrls", "maxItems", "name", "nextAttemptAfter", "note", "policy", "runState", "schedule", "selectors", "targetColumn", "verified" FROM "SyndicationSource";
DROP TABLE "SyndicationSource";
ALTER TABLE "new_SyndicationSource" RENAME TO "SyndicationSource";
CREATE UNIQUE INDEX "SyndicationSource_key_key" ON "SyndicationSource"("key");
CREATE INDEX "SyndicationSource_targetColumn_idx" ON "SyndicationSource"("targetColumn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
