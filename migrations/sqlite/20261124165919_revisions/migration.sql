-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT,
    "kind" TEXT,
    "number" INTEGER,
    "snapshot" JSONB,
    "at" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT,
    CONSTRAINT "Revision_document_fkey" FOREIGN KEY ("document") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Revision_by_fkey" FOREIGN KEY ("by") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "origin" TEXT NOT NULL DEFAULT 'local',
    "sourceName" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Document_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_revisionOf_fkey" FOREIGN KEY ("revisionOf") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "requiresInterpretation", "scheduledAt", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId") SELECT "body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "requiresInterpretation", "scheduledAt", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId" FROM "Document";
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
CREATE INDEX "Revision_document_idx" ON "Revision"("document");

-- CreateIndex
CREATE INDEX "Revision_by_idx" ON "Revision"("by");
