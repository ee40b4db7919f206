-- AlterTable
ALTER TABLE "Document" ADD COLUMN "regulatoryKind" TEXT;
ALTER TABLE "Document" ADD COLUMN "repealedOn" TEXT;

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "overview" TEXT NOT NULL DEFAULT '',
    "licensing" INTEGER NOT NULL DEFAULT 0,
    "penalty" INTEGER NOT NULL DEFAULT 0,
    "enforcement" INTEGER NOT NULL DEFAULT 0,
    "feesTenThousandYuan" TEXT NOT NULL DEFAULT '0',
    "reviewUpheld" INTEGER NOT NULL DEFAULT 0,
    "reviewCorrected" INTEGER NOT NULL DEFAULT 0,
    "reviewOther" INTEGER NOT NULL DEFAULT 0,
    "reviewPending" INTEGER NOT NULL DEFAULT 0,
    "litigationDirectUpheld" INTEGER NOT NULL DEFAULT 0,
    "litigationDirectCorrected" INTEGER NOT NULL DEFAULT 0,
    "litigationDirectOther" INTEGER NOT NULL DEFAULT 0,
    "litigationDirectPending" INTEGER NOT NULL DEFAULT 0,
    "litigationAfterReviewUpheld" INTEGER NOT NULL DEFAULT 0,
    "litigationAfterReviewCorrected" INTEGER NOT NULL DEFAULT 0,
    "litigationAfterReviewOther" INTEGER NOT NULL DEFAULT 0,
    "litigationAfterReviewPending" INTEGER NOT NULL DEFAULT 0,
    "problems" TEXT NOT NULL DEFAULT '',
    "otherMatters" TEXT NOT NULL DEFAULT '',
    "checkPassed" BOOLEAN NOT NULL DEFAULT false,
    "checkResult" TEXT NOT NULL DEFAULT '',
    "generatedAt" DATETIME,
    "snapshot" JSONB,
    "publishedAt" DATETIME,
    "publishedBy" TEXT,
    "publicationNote" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AnnualReport_publishedBy_fkey" FOREIGN KEY ("publishedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SelfInspection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "half" TEXT NOT NULL DEFAULT '',
    "key" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "contentsText" TEXT NOT NULL DEFAULT '',
    "contents" JSONB,
    "conversions" JSONB,
    "generatedAt" DATETIME,
    "conclusion" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "submittedBy" TEXT,
    "reviewedAt" DATETIME,
    "reviewedBy" TEXT,
    "reviewNote" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SelfInspection_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SelfInspection_submittedBy_fkey" FOREIGN KEY ("submittedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SelfInspection_reviewedBy_fkey" FOREIGN KEY ("reviewedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DisclosureRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL DEFAULT '',
    "applicantType" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "outcome" TEXT,
    "closedOn" TEXT,
    "department" TEXT,
    "shouldBeProactive" BOOLEAN NOT NULL DEFAULT false,
    "convertedDocument" TEXT,
    CONSTRAINT "DisclosureRequest_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DisclosureRequest_convertedDocument_fkey" FOREIGN KEY ("convertedDocument") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteName" TEXT NOT NULL DEFAULT '',
    "sponsor" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "siteCode" TEXT NOT NULL DEFAULT '',
    "organisationCode" TEXT NOT NULL DEFAULT '',
    "icpNumber" TEXT NOT NULL DEFAULT '',
    "policeRecordNumber" TEXT NOT NULL DEFAULT '',
    "alertWebhooks" TEXT NOT NULL DEFAULT '',
    "disclosureLeader" TEXT NOT NULL DEFAULT '',
    "disclosureOffice" TEXT NOT NULL DEFAULT '',
    "disclosureStaff" TEXT NOT NULL DEFAULT '',
    "disclosureAssessmentWeight" TEXT NOT NULL DEFAULT '',
    "baseUrl" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_SiteSettings" ("alertWebhooks", "baseUrl", "contact", "icpNumber", "id", "organisationCode", "policeRecordNumber", "siteCode", "siteName", "sponsor") SELECT "alertWebhooks", "baseUrl", "contact", "icpNumber", "id", "organisationCode", "policeRecordNumber", "siteCode", "siteName", "sponsor" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AnnualReport_year_key" ON "AnnualReport"("year");

-- CreateIndex
CREATE INDEX "AnnualReport_publishedBy_idx" ON "AnnualReport"("publishedBy");

-- CreateIndex
CREATE UNIQUE INDEX "SelfInspection_key_key" ON "SelfInspection"("key");

-- CreateIndex
CREATE INDEX "SelfInspection_department_idx" ON "SelfInspection"("department");

-- CreateIndex
CREATE INDEX "SelfInspection_submittedBy_idx" ON "SelfInspection"("submittedBy");

-- CreateIndex
CREATE INDEX "SelfInspection_reviewedBy_idx" ON "SelfInspection"("reviewedBy");

-- CreateIndex
CREATE INDEX "DisclosureRequest_department_idx" ON "DisclosureRequest"("department");

-- CreateIndex
CREATE INDEX "DisclosureRequest_convertedDocument_idx" ON "DisclosureRequest"("convertedDocument");
