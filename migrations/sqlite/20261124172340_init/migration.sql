-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "username" TEXT NOT NULL DEFAULT '',
    "password" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'editor',
    "department" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL DEFAULT '',
    "order" INTEGER DEFAULT 0
);

-- CreateTable
CREATE TABLE "Column" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "parent" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'news',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "order" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Column_parent_fkey" FOREIGN KEY ("parent") REFERENCES "Column" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Document" (
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
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "upstreamId" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Document_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_revisionOf_fkey" FOREIGN KEY ("revisionOf") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Interpretation" (
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
    "preflightFindings" JSONB,
    "confidentialityReviewedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Interpretation_video_fkey" FOREIGN KEY ("video") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_videoPoster_fkey" FOREIGN KEY ("videoPoster") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_videoCaptions_fkey" FOREIGN KEY ("videoCaptions") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Interpretation_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Media" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'image',
    "file_filesize" INTEGER,
    "file_filename" TEXT,
    "altText" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',
    "uploadedBy" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Media_uploadedBy_fkey" FOREIGN KEY ("uploadedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteName" TEXT NOT NULL DEFAULT '',
    "sponsor" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "siteCode" TEXT NOT NULL DEFAULT '',
    "icpNumber" TEXT NOT NULL DEFAULT '',
    "policeRecordNumber" TEXT NOT NULL DEFAULT '',
    "baseUrl" TEXT NOT NULL DEFAULT ''
);

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

-- CreateTable
CREATE TABLE "_Column_documents" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Column_documents_A_fkey" FOREIGN KEY ("A") REFERENCES "Column" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Column_documents_B_fkey" FOREIGN KEY ("B") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Document_attachments" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Document_attachments_A_fkey" FOREIGN KEY ("A") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Document_attachments_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Document_interpretations" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Document_interpretations_A_fkey" FOREIGN KEY ("A") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Document_interpretations_B_fkey" FOREIGN KEY ("B") REFERENCES "Interpretation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Interpretation_images" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Interpretation_images_A_fkey" FOREIGN KEY ("A") REFERENCES "Interpretation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Interpretation_images_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_department_idx" ON "User"("department");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Column_slug_key" ON "Column"("slug");

-- CreateIndex
CREATE INDEX "Column_parent_idx" ON "Column"("parent");

-- CreateIndex
CREATE UNIQUE INDEX "Document_indexNumber_key" ON "Document"("indexNumber");

-- CreateIndex
CREATE INDEX "Document_department_idx" ON "Document"("department");

-- CreateIndex
CREATE INDEX "Document_drafter_idx" ON "Document"("drafter");

-- CreateIndex
CREATE INDEX "Document_revisionOf_idx" ON "Document"("revisionOf");

-- CreateIndex
CREATE INDEX "Document_confidentialityReviewedBy_idx" ON "Document"("confidentialityReviewedBy");

-- CreateIndex
CREATE INDEX "Document_upstreamId_idx" ON "Document"("upstreamId");

-- CreateIndex
CREATE INDEX "Interpretation_video_idx" ON "Interpretation"("video");

-- CreateIndex
CREATE INDEX "Interpretation_videoPoster_idx" ON "Interpretation"("videoPoster");

-- CreateIndex
CREATE INDEX "Interpretation_videoCaptions_idx" ON "Interpretation"("videoCaptions");

-- CreateIndex
CREATE INDEX "Interpretation_department_idx" ON "Interpretation"("department");

-- CreateIndex
CREATE INDEX "Interpretation_drafter_idx" ON "Interpretation"("drafter");

-- CreateIndex
CREATE INDEX "Interpretation_confidentialityReviewedBy_idx" ON "Interpretation"("confidentialityReviewedBy");

-- CreateIndex
CREATE INDEX "Media_uploadedBy_idx" ON "Media"("uploadedBy");

-- CreateIndex
CREATE INDEX "AuditEntry_document_idx" ON "AuditEntry"("document");

-- CreateIndex
CREATE INDEX "AuditEntry_interpretation_idx" ON "AuditEntry"("interpretation");

-- CreateIndex
CREATE INDEX "AuditEntry_actor_idx" ON "AuditEntry"("actor");

-- CreateIndex
CREATE INDEX "Revision_document_idx" ON "Revision"("document");

-- CreateIndex
CREATE INDEX "Revision_by_idx" ON "Revision"("by");

-- CreateIndex
CREATE UNIQUE INDEX "_Column_documents_AB_unique" ON "_Column_documents"("A", "B");

-- CreateIndex
CREATE INDEX "_Column_documents_B_index" ON "_Column_documents"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Document_attachments_AB_unique" ON "_Document_attachments"("A", "B");

-- CreateIndex
CREATE INDEX "_Document_attachments_B_index" ON "_Document_attachments"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Document_interpretations_AB_unique" ON "_Document_interpretations"("A", "B");

-- CreateIndex
CREATE INDEX "_Document_interpretations_B_index" ON "_Document_interpretations"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Interpretation_images_AB_unique" ON "_Interpretation_images"("A", "B");

-- CreateIndex
CREATE INDEX "_Interpretation_images_B_index" ON "_Interpretation_images"("B");
