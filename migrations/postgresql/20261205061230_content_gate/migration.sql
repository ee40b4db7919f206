-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "replyFindings" JSONB;

-- CreateTable
CREATE TABLE "ContentRule" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'serious',
    "category" TEXT,
    "term" TEXT NOT NULL DEFAULT '',
    "replacement" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "retiredOn" DATE,
    "termStart" DATE,
    "termEnd" DATE,
    "source" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3),

    CONSTRAINT "ContentRule_pkey" PRIMARY KEY ("id")
);
