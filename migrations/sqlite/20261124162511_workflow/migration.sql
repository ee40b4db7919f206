-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "summary" TEXT NOT NULL DEFAULT '',
    "document" TEXT,
    "interpretation" TEXT,
    "action" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actor" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "actorRole" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_document_fkey" FOREIGN KEY ("document") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_interpretation_fkey" FOREIGN KEY ("interpretation") REFERENCES "Interpretation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_actor_fkey" FOREIGN KEY ("actor") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "status" TEXT NOT NULL DEFAULT 'draft',
    "scheduledAt" DATETIME,
    "publishedAt" DATETIME,
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "confidentialityReviewedBy" TEXT,
    "confidentialityReviewedAt" DATETIME,
    "origin" TEXT NOT NULL DEFAULT 'local',
    "sourceName" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Document_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("body", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "openCategory", "origin", "publishedAt", "redactedBody", "requiresInterpretation", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId") SELECT "body", "createdAt", "department", "disclosure", "disclosureReason", "documentNumber", "drafter", "formationDate", "id", "indexNumber", "issuingAuthority", "openCategory", "origin", "publishedAt", "redactedBody", "requiresInterpretation", "sourceName", "sourceUrl", "status", "title", "topic", "updatedAt", "upstreamId" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_indexNumber_key" ON "Document"("indexNumber");
CREATE INDEX "Document_department_idx" ON "Document"("department");
CREATE INDEX "Document_drafter_idx" ON "Document"("drafter");
CREATE INDEX "Document_confidentialityReviewedBy_idx" ON "Document"("confidentialityReviewedBy");
CREATE INDEX "Document_upstreamId_idx" ON "Document"("upstreamId");
CREATE TABLE "new_Interpretation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "form" TEXT NOT NULL DEFAULT 'text',
    "body" JSONB NOT NULL,
    "video" TEXT,
    "videoPoster" TEXT,
    "videoCaptions" TEXT,
    "department" TEXT,
    "drafter" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "scheduledAt" DATETIME,
    "publishedAt" DATETIME,
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "confidentialityReviewedBy" TEXT,
    "confidentialityReviewedAt" DATETIME,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Interpretation_video_fkey" FOREIGN KEY ("video") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_videoPoster_fkey" FOREIGN KEY ("videoPoster") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_videoCaptions_fkey" FOREIGN KEY ("videoCaptions") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Interpretation" ("body", "createdAt", "department", "drafter", "form", "id", "publishedAt", "status", "title", "video", "videoCaptions", "videoPoster") SELECT "body", "createdAt", "department", "drafter", "form", "id", "publishedAt", "status", "title", "video", "videoCaptions", "videoPoster" FROM "Interpretation";
DROP TABLE "Interpretation";
ALTER TABLE "new_Interpretation" RENAME TO "Interpretation";
CREATE INDEX "Interpretation_video_idx" ON "Interpretation"("video");
CREATE INDEX "Interpretation_videoPoster_idx" ON "Interpretation"("videoPoster");
CREATE INDEX "Interpretation_videoCaptions_idx" ON "Interpretation"("videoCaptions");
CREATE INDEX "Interpretation_department_idx" ON "Interpretation"("department");
CREATE INDEX "Interpretation_drafter_idx" ON "Interpretation"("drafter");
CREATE INDEX "Interpretation_confidentialityReviewedBy_idx" ON "Interpretation"("confidentialityReviewedBy");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditEntry_document_idx" ON "AuditEntry"("document");

-- CreateIndex
CREATE INDEX "AuditEntry_interpretation_idx" ON "AuditEntry"("interpretation");

-- CreateIndex
CREATE INDEX "AuditEntry_actor_idx" ON "AuditEntry"("actor");
