-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "regulatoryKind" TEXT,
ADD COLUMN     "repealedOn" DATE;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "disclosureAssessmentWeight" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disclosureLeader" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disclosureOffice" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disclosureStaff" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AnnualReport" (
    "id" TEXT NOT NULL,
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
    "generatedAt" TIMESTAMP(3),
    "snapshot" JSONB,
    "publishedAt" TIMESTAMP(3),
    "publishedBy" TEXT,
    "publicationNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfInspection" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "half" TEXT NOT NULL DEFAULT '',
    "key" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "contentsText" TEXT NOT NULL DEFAULT '',
    "contents" JSONB,
    "conversions" JSONB,
    "generatedAt" TIMESTAMP(3),
    "conclusion" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,
    "reviewNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SelfInspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRequest" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "applicantType" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "outcome" TEXT,
    "closedOn" DATE,
    "department" TEXT,
    "shouldBeProactive" BOOLEAN NOT NULL DEFAULT false,
    "convertedDocument" TEXT,

    CONSTRAINT "DisclosureRequest_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_publishedBy_fkey" FOREIGN KEY ("publishedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfInspection" ADD CONSTRAINT "SelfInspection_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfInspection" ADD CONSTRAINT "SelfInspection_submittedBy_fkey" FOREIGN KEY ("submittedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfInspection" ADD CONSTRAINT "SelfInspection_reviewedBy_fkey" FOREIGN KEY ("reviewedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_convertedDocument_fkey" FOREIGN KEY ("convertedDocument") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;
