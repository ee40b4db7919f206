-- AlterTable
ALTER TABLE "Document" ADD COLUMN "flowMark" TEXT;

-- AlterTable
ALTER TABLE "Interpretation" ADD COLUMN "flowMark" TEXT;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipient" TEXT,
    "kind" TEXT,
    "itemTitle" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "document" TEXT,
    "interpretation" TEXT,
    "read" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_recipient_fkey" FOREIGN KEY ("recipient") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_document_fkey" FOREIGN KEY ("document") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_interpretation_fkey" FOREIGN KEY ("interpretation") REFERENCES "Interpretation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL DEFAULT '',
    "order" INTEGER DEFAULT 0,
    "robotWebhooks" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Department" ("code", "id", "name", "order") SELECT "code", "id", "name", "order" FROM "Department";
DROP TABLE "Department";
ALTER TABLE "new_Department" RENAME TO "Department";
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Notification_recipient_idx" ON "Notification"("recipient");

-- CreateIndex
CREATE INDEX "Notification_document_idx" ON "Notification"("document");

-- CreateIndex
CREATE INDEX "Notification_interpretation_idx" ON "Notification"("interpretation");

-- Drafts returned before the mark existed are marked too.
UPDATE "Document" SET "flowMark" = 'returned' WHERE "status" = 'draft' AND "lastReturnReason" <> '';
UPDATE "Interpretation" SET "flowMark" = 'returned' WHERE "status" = 'draft' AND "lastReturnReason" <> '';
