-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "robotWebhooks" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "flowMark" TEXT;

-- AlterTable
ALTER TABLE "Interpretation" ADD COLUMN     "flowMark" TEXT;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recipient" TEXT,
    "kind" TEXT,
    "itemTitle" TEXT NOT NULL DEFAULT '',
    "message" TEXT NOT NULL DEFAULT '',
    "document" TEXT,
    "interpretation" TEXT,
    "read" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_recipient_idx" ON "Notification"("recipient");

-- CreateIndex
CREATE INDEX "Notification_document_idx" ON "Notification"("document");

-- CreateIndex
CREATE INDEX "Notification_interpretation_idx" ON "Notification"("interpretation");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipient_fkey" FOREIGN KEY ("recipient") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_document_fkey" FOREIGN KEY ("document") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_interpretation_fkey" FOREIGN KEY ("interpretation") REFERENCES "Interpretation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Drafts returned before the mark existed are marked too.
UPDATE "Document" SET "flowMark" = 'returned' WHERE "status" = 'draft' AND "lastReturnReason" <> '';
UPDATE "Interpretation" SET "flowMark" = 'returned' WHERE "status" = 'draft' AND "lastReturnReason" <> '';
