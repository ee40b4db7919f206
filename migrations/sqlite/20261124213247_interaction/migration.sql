-- AlterTable
ALTER TABLE "Document" ADD COLUMN "regulatoryKind" TEXT;
ALTER TABLE "Document" ADD COLUMN "repealedOn" TEXT;

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subject" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL DEFAULT 'hotline96128',
    "kind" TEXT NOT NULL DEFAULT 'consultation',
    "content" TEXT NOT NULL DEFAULT '',
    "senderName" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queryCode" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'received',
    "department" TEXT,
    "replyText" TEXT NOT NULL DEFAULT '',
    "returnReason" TEXT NOT NULL DEFAULT '',
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "withholdReason" TEXT NOT NULL DEFAULT '',
    "repliedAt" DATETIME,
    "replyPublishedAt" DATETIME,
    "alertedStage" TEXT,
    "alertPendingStage" TEXT,
    CONSTRAINT "Message_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "draftText" JSONB NOT NULL,
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

-- CreateTable
CREATE TABLE "ConsultationComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultation" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "queryCode" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME,
    "moderation" TEXT NOT NULL DEFAULT 'pending',
    "hiddenReason" TEXT,
    "moderationNote" TEXT NOT NULL DEFAULT '',
    "moderatedBy" TEXT,
    "moderatedAt" DATETIME,
    "adoption" TEXT,
    "adoptionReason" TEXT NOT NULL DEFAULT '',
    "opinionGroup" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ConsultationComment_consultation_fkey" FOREIGN KEY ("consultation") REFERENCES "Consultation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ConsultationComment_moderatedBy_fkey" FOREIGN KEY ("moderatedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL DEFAULT '',
    "meetingOn" TEXT,
    "decisionBody" TEXT,
    "attendeeCategories" JSONB NOT NULL,
    "attendeeNote" TEXT NOT NULL DEFAULT '',
    "openness" TEXT,
    "openingMethods" JSONB NOT NULL,
    "opennessNote" TEXT NOT NULL DEFAULT '',
    "consultation" TEXT,
    CONSTRAINT "ConsultationMeeting_consultation_fkey" FOREIGN KEY ("consultation") REFERENCES "Consultation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DisclosureRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL DEFAULT '',
    "queryCode" TEXT NOT NULL DEFAULT '',
    "applicantType" TEXT NOT NULL,
    "applicantName" TEXT NOT NULL DEFAULT '',
    "idDocumentType" TEXT,
    "idNumber" TEXT NOT NULL DEFAULT '',
    "creditCode" TEXT NOT NULL DEFAULT '',
    "contactPerson" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "postalAddress" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "deliveryMethod" TEXT,
    "channel" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "handedInOn" TEXT,
    "signedForOn" TEXT,
    "confirmedOn" TEXT,
    "receivedOn" TEXT,
    "department" TEXT,
    "correctionRequestedOn" TEXT,
    "correctionNote" TEXT NOT NULL DEFAULT '',
    "correctionReceivedOn" TEXT,
    "extensionApprovedBy" TEXT,
    "extensionApprovedOn" TEXT,
    "extensionReason" TEXT NOT NULL DEFAULT '',
    "extensionNoticeSentOn" TEXT,
    "extensionNoticeMethod" TEXT,
    "outcome" TEXT,
    "closedOn" TEXT,
    "answeredBy" TEXT,
    "replyText" TEXT NOT NULL DEFAULT '',
    "replyAttachment" TEXT,
    "shouldBeProactive" BOOLEAN NOT NULL DEFAULT false,
    "convertedDocument" TEXT,
    "alertedKey" TEXT NOT NULL DEFAULT '',
    "alertClaim" TEXT NOT NULL DEFAULT '',
    "alertClaimedAt" DATETIME,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DisclosureRequest_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DisclosureRequest_extensionApprovedBy_fkey" FOREIGN KEY ("extensionApprovedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DisclosureRequest_answeredBy_fkey" FOREIGN KEY ("answeredBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DisclosureRequest_replyAttachment_fkey" FOREIGN KEY ("replyAttachment") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DisclosureRequest_convertedDocument_fkey" FOREIGN KEY ("convertedDocument") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpinionIncident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "category" TEXT,
    "handling" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "phoneReportAt" DATETIME,
    "phoneReportBy" TEXT,
    "writtenReportAt" DATETIME,
    "writtenReportBy" TEXT,
    "authoritativeInfoAt" DATETIME,
    "authoritativeInfoBy" TEXT,
    "pressConferenceAt" DATETIME,
    "pressConferenceBy" TEXT,
    "policeReferralNote" TEXT NOT NULL DEFAULT '',
    "closedAt" DATETIME,
    "closedBy" TEXT,
    "registeredBy" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "alertsCheckedAt" DATETIME,
    "alertLog" JSONB,
    CONSTRAINT "OpinionIncident_phoneReportBy_fkey" FOREIGN KEY ("phoneReportBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OpinionIncident_writtenReportBy_fkey" FOREIGN KEY ("writtenReportBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OpinionIncident_authoritativeInfoBy_fkey" FOREIGN KEY ("authoritativeInfoBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OpinionIncident_pressConferenceBy_fkey" FOREIGN KEY ("pressConferenceBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OpinionIncident_closedBy_fkey" FOREIGN KEY ("closedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OpinionIncident_registeredBy_fkey" FOREIGN KEY ("registeredBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

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
CREATE TABLE "_OpinionIncident_departments" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_OpinionIncident_departments_A_fkey" FOREIGN KEY ("A") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_OpinionIncident_departments_B_fkey" FOREIGN KEY ("B") REFERENCES "OpinionIncident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_OpinionIncident_outcomeDocuments" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_OpinionIncident_outcomeDocuments_A_fkey" FOREIGN KEY ("A") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_OpinionIncident_outcomeDocuments_B_fkey" FOREIGN KEY ("B") REFERENCES "OpinionIncident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_ConsultationMeeting_materials" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_ConsultationMeeting_materials_A_fkey" FOREIGN KEY ("A") REFERENCES "ConsultationMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ConsultationMeeting_materials_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
CREATE UNIQUE INDEX "Message_queryCode_key" ON "Message"("queryCode");

-- CreateIndex
CREATE INDEX "Message_department_idx" ON "Message"("department");

-- CreateIndex
CREATE INDEX "Consultation_department_idx" ON "Consultation"("department");

-- CreateIndex
CREATE INDEX "Consultation_drafter_idx" ON "Consultation"("drafter");

-- CreateIndex
CREATE INDEX "Consultation_approvedBy_idx" ON "Consultation"("approvedBy");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationComment_queryCode_key" ON "ConsultationComment"("queryCode");

-- CreateIndex
CREATE INDEX "ConsultationComment_consultation_idx" ON "ConsultationComment"("consultation");

-- CreateIndex
CREATE INDEX "ConsultationComment_moderatedBy_idx" ON "ConsultationComment"("moderatedBy");

-- CreateIndex
CREATE INDEX "ConsultationMeeting_consultation_idx" ON "ConsultationMeeting"("consultation");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureRequest_queryCode_key" ON "DisclosureRequest"("queryCode");

-- CreateIndex
CREATE INDEX "DisclosureRequest_department_idx" ON "DisclosureRequest"("department");

-- CreateIndex
CREATE INDEX "DisclosureRequest_extensionApprovedBy_idx" ON "DisclosureRequest"("extensionApprovedBy");

-- CreateIndex
CREATE INDEX "DisclosureRequest_answeredBy_idx" ON "DisclosureRequest"("answeredBy");

-- CreateIndex
CREATE INDEX "DisclosureRequest_replyAttachment_idx" ON "DisclosureRequest"("replyAttachment");

-- CreateIndex
CREATE INDEX "DisclosureRequest_convertedDocument_idx" ON "DisclosureRequest"("convertedDocument");

-- CreateIndex
CREATE INDEX "OpinionIncident_phoneReportBy_idx" ON "OpinionIncident"("phoneReportBy");

-- CreateIndex
CREATE INDEX "OpinionIncident_writtenReportBy_idx" ON "OpinionIncident"("writtenReportBy");

-- CreateIndex
CREATE INDEX "OpinionIncident_authoritativeInfoBy_idx" ON "OpinionIncident"("authoritativeInfoBy");

-- CreateIndex
CREATE INDEX "OpinionIncident_pressConferenceBy_idx" ON "OpinionIncident"("pressConferenceBy");

-- CreateIndex
CREATE INDEX "OpinionIncident_closedBy_idx" ON "OpinionIncident"("closedBy");

-- CreateIndex
CREATE INDEX "OpinionIncident_registeredBy_idx" ON "OpinionIncident"("registeredBy");

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
CREATE UNIQUE INDEX "_OpinionIncident_departments_AB_unique" ON "_OpinionIncident_departments"("A", "B");

-- CreateIndex
CREATE INDEX "_OpinionIncident_departments_B_index" ON "_OpinionIncident_departments"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_OpinionIncident_outcomeDocuments_AB_unique" ON "_OpinionIncident_outcomeDocuments"("A", "B");

-- CreateIndex
CREATE INDEX "_OpinionIncident_outcomeDocuments_B_index" ON "_OpinionIncident_outcomeDocuments"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_ConsultationMeeting_materials_AB_unique" ON "_ConsultationMeeting_materials"("A", "B");

-- CreateIndex
CREATE INDEX "_ConsultationMeeting_materials_B_index" ON "_ConsultationMeeting_materials"("B");
