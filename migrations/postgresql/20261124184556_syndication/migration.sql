-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "reprintBody" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SyndicationSource" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "adapter" TEXT NOT NULL,
    "listUrls" TEXT NOT NULL DEFAULT '',
    "selectors" JSONB,
    "charset" TEXT NOT NULL DEFAULT '',
    "schedule" TEXT NOT NULL DEFAULT '15 8-20/2 * * *',
    "targetColumn" TEXT,
    "policy" TEXT NOT NULL DEFAULT 'review',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "allowedHosts" TEXT NOT NULL DEFAULT '',
    "maxItems" INTEGER NOT NULL DEFAULT 30,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "lastRunAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT NOT NULL DEFAULT '',
    "consecutiveFailures" INTEGER DEFAULT 0,
    "nextAttemptAfter" TIMESTAMP(3),
    "itemsSeen" INTEGER DEFAULT 0,
    "itemsNew" INTEGER DEFAULT 0,
    "runState" JSONB,

    CONSTRAINT "SyndicationSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamItem" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "source" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "url" TEXT NOT NULL DEFAULT '',
    "number" TEXT NOT NULL DEFAULT '',
    "issuer" TEXT NOT NULL DEFAULT '',
    "writtenAt" TIMESTAMP(3),
    "upstreamPublishedAt" TIMESTAMP(3),
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "attachments" JSONB,
    "changedUpstream" BOOLEAN NOT NULL DEFAULT false,
    "changedAt" TIMESTAMP(3),
    "pendingChange" JSONB,
    "proposedBy" TEXT,
    "proposedDepartment" TEXT,
    "proposalNote" TEXT NOT NULL DEFAULT '',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectReason" TEXT NOT NULL DEFAULT '',
    "document" TEXT,
    "dedupKey" TEXT NOT NULL DEFAULT '',
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "listUrl" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL DEFAULT '',
    "etag" TEXT NOT NULL DEFAULT '',
    "lastModified" TEXT NOT NULL DEFAULT '',
    "fetchedAt" TIMESTAMP(3),

    CONSTRAINT "UpstreamItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_Document_inlineMedia" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_Document_inlineMedia_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "SyndicationSource_key_key" ON "SyndicationSource"("key");

-- CreateIndex
CREATE INDEX "SyndicationSource_targetColumn_idx" ON "SyndicationSource"("targetColumn");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamItem_dedupKey_key" ON "UpstreamItem"("dedupKey");

-- CreateIndex
CREATE INDEX "UpstreamItem_source_idx" ON "UpstreamItem"("source");

-- CreateIndex
CREATE INDEX "UpstreamItem_proposedBy_idx" ON "UpstreamItem"("proposedBy");

-- CreateIndex
CREATE INDEX "UpstreamItem_proposedDepartment_idx" ON "UpstreamItem"("proposedDepartment");

-- CreateIndex
CREATE INDEX "UpstreamItem_decidedBy_idx" ON "UpstreamItem"("decidedBy");

-- CreateIndex
CREATE INDEX "UpstreamItem_document_idx" ON "UpstreamItem"("document");

-- CreateIndex
CREATE INDEX "_Document_inlineMedia_B_index" ON "_Document_inlineMedia"("B");

-- AddForeignKey
ALTER TABLE "SyndicationSource" ADD CONSTRAINT "SyndicationSource_targetColumn_fkey" FOREIGN KEY ("targetColumn") REFERENCES "Column"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamItem" ADD CONSTRAINT "UpstreamItem_source_fkey" FOREIGN KEY ("source") REFERENCES "SyndicationSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamItem" ADD CONSTRAINT "UpstreamItem_proposedBy_fkey" FOREIGN KEY ("proposedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamItem" ADD CONSTRAINT "UpstreamItem_proposedDepartment_fkey" FOREIGN KEY ("proposedDepartment") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamItem" ADD CONSTRAINT "UpstreamItem_decidedBy_fkey" FOREIGN KEY ("decidedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamItem" ADD CONSTRAINT "UpstreamItem_document_fkey" FOREIGN KEY ("document") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Document_inlineMedia" ADD CONSTRAINT "_Document_inlineMedia_A_fkey" FOREIGN KEY ("A") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Document_inlineMedia" ADD CONSTRAINT "_Document_inlineMedia_B_fkey" FOREIGN KEY ("B") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;
