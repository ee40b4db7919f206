-- CreateTable
CREATE TABLE "_Document_guideForms" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Document_guideForms_A_fkey" FOREIGN KEY ("A") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Document_guideForms_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "regulatoryKind" TEXT,
    "repealedOn" TEXT,
    "effectiveFrom" TEXT,
    "validUntil" TEXT,
    "validity" TEXT NOT NULL DEFAULT 'current',
    "replacedBy" TEXT,
    "department" TEXT,
    "drafter" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'local',
    "sourceName" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "disclosure" TEXT,
    "disclosureReason" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "redactedBody" JSONB NOT NULL,
    "reprintBody" TEXT NOT NULL DEFAULT '',
    "requiresInterpretation" BOOLEAN NOT NULL DEFAULT false,
    "documentKind" TEXT NOT NULL DEFAULT 'document',
    "guideItemName" TEXT NOT NULL DEFAULT '',
    "guideBasis" TEXT NOT NULL DEFAULT '',
    "guideConditions" TEXT NOT NULL DEFAULT '',
    "guideMaterials" TEXT NOT NULL DEFAULT '',
    "guidePlace" TEXT NOT NULL DEFAULT '',
    "guideAgency" TEXT NOT NULL DEFAULT '',
    "guideFee" TEXT NOT NULL DEFAULT '',
    "guideFeeBasis" TEXT NOT NULL DEFAULT '',
    "guideHours" TEXT NOT NULL DEFAULT '',
    "guideEnquiryPhone" TEXT NOT NULL DEFAULT '',
    "guideComplaintPhone" TEXT NOT NULL DEFAULT '',
    "guideSteps" TEXT NOT NULL DEFAULT '',
    "guideLegalTimeLimit" TEXT NOT NULL DEFAULT '',
    "guidePromisedTimeLimit" TEXT NOT NULL DEFAULT '',
    "guideOnlineUrl" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "preflightFindings" JSONB,
    "scheduledAt" DATETIME,
    "publishedAt" DATETIME,
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "confidentialityReviewedBy" TEXT,
    "confidentialityReviewedAt" DATETIME,
    "revisionOf" TEXT,
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Document_replacedBy_fkey" FOREIGN KEY ("replacedBy") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_revisionOf_fkey" FOREIGN KEY ("revisionOf") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "regulatoryKind", "repealedOn", "reprintBody", "requiresInterpretation", "revisionOf", "scheduledAt", "searchText", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId") SELECT "body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "regulatoryKind", "repealedOn", "reprintBody", "requiresInterpretation", "revisionOf", "scheduledAt", "searchText", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_indexNumber_key" ON "Document"("indexNumber");
CREATE INDEX "Document_replacedBy_idx" ON "Document"("replacedBy");
CREATE INDEX "Document_department_idx" ON "Document"("department");
CREATE INDEX "Document_drafter_idx" ON "Document"("drafter");
CREATE INDEX "Document_confidentialityReviewedBy_idx" ON "Document"("confidentialityReviewedBy");
CREATE INDEX "Document_revisionOf_idx" ON "Document"("revisionOf");
CREATE INDEX "Document_upstreamId_idx" ON "Document"("upstreamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "_Document_guideForms_AB_unique" ON "_Document_guideForms"("A", "B");

-- CreateIndex
CREATE INDEX "_Document_guideForms_B_index" ON "_Document_guideForms"("B");
