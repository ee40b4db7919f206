-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "summary" TEXT NOT NULL DEFAULT '',
    "itemTitle" TEXT NOT NULL DEFAULT '',
    "itemId" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "document" TEXT,
    "interpretation" TEXT,
    "action" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actor" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "actorRole" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_document_fkey" FOREIGN KEY ("document") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_interpretation_fkey" FOREIGN KEY ("interpretation") REFERENCES "Interpretation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_actor_fkey" FOREIGN KEY ("actor") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEntry" ("action", "actor", "actorName", "actorRole", "at", "document", "fromStatus", "id", "interpretation", "reason", "summary", "toStatus") SELECT "action", "actor", "actorName", "actorRole", "at", "document", "fromStatus", "id", "interpretation", "reason", "summary", "toStatus" FROM "AuditEntry";
DROP TABLE "AuditEntry";
ALTER TABLE "new_AuditEntry" RENAME TO "AuditEntry";
CREATE INDEX "AuditEntry_itemId_idx" ON "AuditEntry"("itemId");
CREATE INDEX "AuditEntry_department_idx" ON "AuditEntry"("department");
CREATE INDEX "AuditEntry_document_idx" ON "AuditEntry"("document");
CREATE INDEX "AuditEntry_interpretation_idx" ON "AuditEntry"("interpretation");
CREATE INDEX "AuditEntry_actor_idx" ON "AuditEntry"("actor");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: each existing entry keeps the title, id and department of the item it describes (entries of
-- items deleted before this migration have none to keep).
UPDATE "AuditEntry" SET
    "itemId" = COALESCE("document", "interpretation", ''),
    "itemTitle" = COALESCE(
        (SELECT "title" FROM "Document" WHERE "Document"."id" = "AuditEntry"."document"),
        (SELECT "title" FROM "Interpretation" WHERE "Interpretation"."id" = "AuditEntry"."interpretation"),
        ''),
    "department" = COALESCE(
        (SELECT "department" FROM "Document" WHERE "Document"."id" = "AuditEntry"."document"),
        (SELECT "department" FROM "Interpretation" WHERE "Interpretation"."id" = "AuditEntry"."interpretation"));
