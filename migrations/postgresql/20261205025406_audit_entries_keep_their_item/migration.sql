-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "department" TEXT,
ADD COLUMN     "itemId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "itemTitle" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "AuditEntry_itemId_idx" ON "AuditEntry"("itemId");

-- CreateIndex
CREATE INDEX "AuditEntry_department_idx" ON "AuditEntry"("department");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

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
