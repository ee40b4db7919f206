-- CreateTable
CREATE TABLE "SyndicationSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "lastRunAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT NOT NULL DEFAULT '',
    "consecutiveFailures" INTEGER DEFAULT 0,
    "nextAttemptAfter" DATETIME,
    "itemsSeen" INTEGER DEFAULT 0,
    "itemsNew" INTEGER DEFAULT 0,
    "runState" JSONB,
    CONSTRAINT "SyndicationSource_targetColumn_fkey" FOREIGN KEY ("targetColumn") REFERENCES "Column" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpstreamItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "source" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "url" TEXT NOT NULL DEFAULT '',
    "number" TEXT NOT NULL DEFAULT '',
    "issuer" TEXT NOT NULL DEFAULT '',
    "writtenAt" DATETIME,
    "upstreamPublishedAt" DATETIME,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "attachments" JSONB,
    "changedUpstream" BOOLEAN NOT NULL DEFAULT false,
    "changedAt" DATETIME,
    "pendingChange" JSONB,
    "proposedBy" TEXT,
    "proposedDepartment" TEXT,
    "proposalNote" TEXT NOT NULL DEFAULT '',
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "rejectReason" TEXT NOT NULL DEFAULT '',
    "document" TEXT,
    "dedupKey" TEXT NOT NULL DEFAULT '',
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "listUrl" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL DEFAULT '',
    "etag" TEXT NOT NULL DEFAULT '',
    "lastModified" TEXT NOT NULL DEFAULT '',
    "fetchedAt" DATETIME,
    CONSTRAINT "UpstreamItem_source_fkey" FOREIGN KEY ("source") REFERENCES "SyndicationSource" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UpstreamItem_proposedBy_fkey" FOREIGN KEY ("proposedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UpstreamItem_proposedDepartment_fkey" FOREIGN KEY ("proposedDepartment") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UpstreamItem_decidedBy_fkey" FOREIGN KEY ("decidedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "UpstreamItem_document_fkey" FOREIGN KEY ("document") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Document_inlineMedia" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Document_inlineMedia_A_fkey" FOREIGN KEY ("A") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Document_inlineMedia_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "documentNumber" TEXT NOT NULL DEFAULT '',
    "issuingAuthority" TEXT NOT NULL DEFAULT '临沧市民政局',
    "formationDate" TEXT,
    "indexNumber" TEXT,
    "topic" TEXT NOT NULL DEFAULT '',
    "openCategory" TEXT,
    "disclosure" TEXT,
    "disclosureReason" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "redactedBody" JSONB NOT NULL,
    "department" TEXT,
    "drafter" TEXT,
    "requiresInterpretation" BOOLEAN NOT NULL DEFAULT false,
    "revisionOf" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "scheduledAt" DATETIME,
    "publishedAt" DATETIME,
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "confidentialityReviewedBy" TEXT,
    "preflightFindings" JSONB,
    "confidentialityReviewedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "origin" TEXT NOT NULL DEFAULT 'local',
    "sourceName" TEXT NOT NULL DEFAULT '',
    "reprintBody" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Document_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_revisionOf_fkey" FOREIGN KEY ("revisionOf") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "requiresInterpretation", "revisionOf", "scheduledAt", "searchText", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId") SELECT "body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "requiresInterpretation", "revisionOf", "scheduledAt", "searchText", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_indexNumber_key" ON "Document"("indexNumber");
CREATE INDEX "Document_department_idx" ON "Document"("department");
CREATE INDEX "Document_drafter_idx" ON "Document"("drafter");
CREATE INDEX "Document_revisionOf_idx" ON "Document"("revisionOf");
CREATE INDEX "Document_confidentialityReviewedBy_idx" ON "Document"("confidentialityReviewedBy");
CREATE INDEX "Document_upstreamId_idx" ON "Document"("upstreamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
CREATE UNIQUE INDEX "_Document_inlineMedia_AB_unique" ON "_Document_inlineMedia"("A", "B");

-- CreateIndex
CREATE INDEX "_Document_inlineMedia_B_index" ON "_Document_inlineMedia"("B");
