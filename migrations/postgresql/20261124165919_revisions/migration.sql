-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "revisionOf" TEXT;

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "document" TEXT,
    "kind" TEXT,
    "number" INTEGER,
    "snapshot" JSONB,
    "at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Revision_document_idx" ON "Revision"("document");

-- CreateIndex
CREATE INDEX "Revision_by_idx" ON "Revision"("by");

-- CreateIndex
CREATE INDEX "Document_revisionOf_idx" ON "Document"("revisionOf");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_revisionOf_fkey" FOREIGN KEY ("revisionOf") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_document_fkey" FOREIGN KEY ("document") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_by_fkey" FOREIGN KEY ("by") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
