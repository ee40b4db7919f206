-- CreateTable
CREATE TABLE "_Interpretation_inlineMedia" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Interpretation_inlineMedia_A_fkey" FOREIGN KEY ("A") REFERENCES "Interpretation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Interpretation_inlineMedia_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "body" TEXT NOT NULL DEFAULT '',
    "redactedBody" TEXT NOT NULL DEFAULT '',
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
    "flowMark" TEXT,
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
INSERT INTO "new_Document" ("body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentKind", "documentNumber", "drafter", "effectiveFrom", "flowMark", "formationDate", "guideAgency", "guideBasis", "guideComplaintPhone", "guideConditions", "guideEnquiryPhone", "guideFee", "guideFeeBasis", "guideHours", "guideItemName", "guideLegalTimeLimit", "guideMaterials", "guideOnlineUrl", "guidePlace", "guidePromisedTimeLimit", "guideSteps", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "regulatoryKind", "repealedOn", "replacedBy", "reprintBody", "requiresInterpretation", "revisionOf", "scheduledAt", "searchText", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId", "validUntil", "validity") SELECT "body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "disclosure", "disclosureReason", "documentKind", "documentNumber", "drafter", "effectiveFrom", "flowMark", "formationDate", "guideAgency", "guideBasis", "guideComplaintPhone", "guideConditions", "guideEnquiryPhone", "guideFee", "guideFeeBasis", "guideHours", "guideItemName", "guideLegalTimeLimit", "guideMaterials", "guideOnlineUrl", "guidePlace", "guidePromisedTimeLimit", "guideSteps", "id", "indexNumber", "issuingAuthority", "lastReturnReason", "openCategory", "origin", "preflightFindings", "publishedAt", "redactedBody", "regulatoryKind", "repealedOn", "replacedBy", "reprintBody", "requiresInterpretation", "revisionOf", "scheduledAt", "searchText", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId", "validUntil", "validity" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_indexNumber_key" ON "Document"("indexNumber");
CREATE INDEX "Document_replacedBy_idx" ON "Document"("replacedBy");
CREATE INDEX "Document_department_idx" ON "Document"("department");
CREATE INDEX "Document_drafter_idx" ON "Document"("drafter");
CREATE INDEX "Document_publishedAt_idx" ON "Document"("publishedAt");
CREATE INDEX "Document_confidentialityReviewedBy_idx" ON "Document"("confidentialityReviewedBy");
CREATE INDEX "Document_revisionOf_idx" ON "Document"("revisionOf");
CREATE INDEX "Document_upstreamId_idx" ON "Document"("upstreamId");
CREATE TABLE "new_Interpretation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "form" TEXT NOT NULL DEFAULT 'text',
    "department" TEXT,
    "drafter" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "video" TEXT,
    "videoPoster" TEXT,
    "videoCaptions" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "flowMark" TEXT,
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "preflightFindings" JSONB,
    "scheduledAt" DATETIME,
    "publishedAt" DATETIME,
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "confidentialityReviewedBy" TEXT,
    "confidentialityReviewedAt" DATETIME,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Interpretation_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_video_fkey" FOREIGN KEY ("video") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_videoPoster_fkey" FOREIGN KEY ("videoPoster") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_videoCaptions_fkey" FOREIGN KEY ("videoCaptions") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Interpretation" ("body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "drafter", "flowMark", "form", "id", "lastReturnReason", "preflightFindings", "publishedAt", "scheduledAt", "searchText", "status", "title", "video", "videoCaptions", "videoPoster") SELECT "body", "confidentialityConclusion", "confidentialityReviewedAt", "confidentialityReviewedBy", "createdAt", "department", "drafter", "flowMark", "form", "id", "lastReturnReason", "preflightFindings", "publishedAt", "scheduledAt", "searchText", "status", "title", "video", "videoCaptions", "videoPoster" FROM "Interpretation";
DROP TABLE "Interpretation";
ALTER TABLE "new_Interpretation" RENAME TO "Interpretation";
CREATE INDEX "Interpretation_department_idx" ON "Interpretation"("department");
CREATE INDEX "Interpretation_drafter_idx" ON "Interpretation"("drafter");
CREATE INDEX "Interpretation_video_idx" ON "Interpretation"("video");
CREATE INDEX "Interpretation_videoPoster_idx" ON "Interpretation"("videoPoster");
CREATE INDEX "Interpretation_videoCaptions_idx" ON "Interpretation"("videoCaptions");
CREATE INDEX "Interpretation_publishedAt_idx" ON "Interpretation"("publishedAt");
CREATE INDEX "Interpretation_confidentialityReviewedBy_idx" ON "Interpretation"("confidentialityReviewedBy");
CREATE TABLE "new_Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "draftText" TEXT NOT NULL DEFAULT '',
    "basis" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "drafter" TEXT,
    "opensOn" TEXT,
    "closesOn" TEXT,
    "shortPeriodReason" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "decisionBody" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "approvedBy" TEXT,
    "publishedAt" DATETIME,
    "reportText" TEXT NOT NULL DEFAULT '',
    "reportFigures" JSONB,
    "reportPublishedAt" DATETIME,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Consultation_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Consultation_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Consultation_approvedBy_fkey" FOREIGN KEY ("approvedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Consultation" ("approvedBy", "basis", "closesOn", "confidentialityConclusion", "contact", "createdAt", "decisionBody", "department", "draftText", "drafter", "id", "lastReturnReason", "opensOn", "publishedAt", "reportFigures", "reportPublishedAt", "reportText", "shortPeriodReason", "status", "title", "updatedAt") SELECT "approvedBy", "basis", "closesOn", "confidentialityConclusion", "contact", "createdAt", "decisionBody", "department", "draftText", "drafter", "id", "lastReturnReason", "opensOn", "publishedAt", "reportFigures", "reportPublishedAt", "reportText", "shortPeriodReason", "status", "title", "updatedAt" FROM "Consultation";
DROP TABLE "Consultation";
ALTER TABLE "new_Consultation" RENAME TO "Consultation";
CREATE INDEX "Consultation_department_idx" ON "Consultation"("department");
CREATE INDEX "Consultation_drafter_idx" ON "Consultation"("drafter");
CREATE INDEX "Consultation_approvedBy_idx" ON "Consultation"("approvedBy");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "_Interpretation_inlineMedia_AB_unique" ON "_Interpretation_inlineMedia"("A", "B");

-- CreateIndex
CREATE INDEX "_Interpretation_inlineMedia_B_index" ON "_Interpretation_inlineMedia"("B");
