-- AlterTable
ALTER TABLE "Message" ADD COLUMN "replyFindings" JSONB;

-- CreateTable
CREATE TABLE "ContentRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'serious',
    "category" TEXT,
    "term" TEXT NOT NULL DEFAULT '',
    "replacement" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "retiredOn" TEXT,
    "termStart" TEXT,
    "termEnd" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME
);
