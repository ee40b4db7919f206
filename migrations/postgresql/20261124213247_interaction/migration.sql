-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "regulatoryKind" TEXT,
ADD COLUMN     "repealedOn" DATE;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "disclosureAssessmentWeight" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disclosureLeader" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disclosureOffice" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "disclosureStaff" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL DEFAULT 'hotline96128',
    "kind" TEXT NOT NULL DEFAULT 'consultation',
    "content" TEXT NOT NULL DEFAULT '',
    "senderName" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queryCode" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'received',
    "department" TEXT,
    "replyText" TEXT NOT NULL DEFAULT '',
    "returnReason" TEXT NOT NULL DEFAULT '',
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "withholdReason" TEXT NOT NULL DEFAULT '',
    "repliedAt" TIMESTAMP(3),
    "replyPublishedAt" TIMESTAMP(3),
    "alertedStage" TEXT,
    "alertPendingStage" TEXT,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "draftText" JSONB NOT NULL DEFAULT '[{"type":"paragraph","children":[{"text":""}]}]',
    "basis" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "drafter" TEXT,
    "opensOn" DATE,
    "closesOn" DATE,
    "shortPeriodReason" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "decisionBody" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "lastReturnReason" TEXT NOT NULL DEFAULT '',
    "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
    "approvedBy" TEXT,
    "publishedAt" TIMESTAMP(3),
    "reportText" TEXT NOT NULL DEFAULT '',
    "reportFigures" JSONB,
    "reportPublishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationComment" (
    "id" TEXT NOT NULL,
    "consultation" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "queryCode" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "moderation" TEXT NOT NULL DEFAULT 'pending',
    "hiddenReason" TEXT,
    "moderationNote" TEXT NOT NULL DEFAULT '',
    "moderatedBy" TEXT,
    "moderatedAt" TIMESTAMP(3),
    "adoption" TEXT,
    "adoptionReason" TEXT NOT NULL DEFAULT '',
    "opinionGroup" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ConsultationComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationMeeting" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "meetingOn" DATE,
    "decisionBody" TEXT,
    "attendeeCategories" JSONB NOT NULL DEFAULT '[]',
    "attendeeNote" TEXT NOT NULL DEFAULT '',
    "openness" TEXT,
    "openingMethods" JSONB NOT NULL DEFAULT '[]',
    "opennessNote" TEXT NOT NULL DEFAULT '',
    "consultation" TEXT,

    CONSTRAINT "ConsultationMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureRequest" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3),
    "handedInOn" DATE,
    "signedForOn" DATE,
    "confirmedOn" DATE,
    "receivedOn" DATE,
    "department" TEXT,
    "correctionRequestedOn" DATE,
    "correctionNote" TEXT NOT NULL DEFAULT '',
    "correctionReceivedOn" DATE,
    "extensionApprovedBy" TEXT,
    "extensionApprovedOn" DATE,
    "extensionReason" TEXT NOT NULL DEFAULT '',
    "extensionNoticeSentOn" DATE,
    "extensionNoticeMethod" TEXT,
    "outcome" TEXT,
    "closedOn" DATE,
    "answeredBy" TEXT,
    "replyText" TEXT NOT NULL DEFAULT '',
    "replyAttachment" TEXT,
    "shouldBeProactive" BOOLEAN NOT NULL DEFAULT false,
    "convertedDocument" TEXT,
    "alertedKey" TEXT NOT NULL DEFAULT '',
    "alertClaim" TEXT NOT NULL DEFAULT '',
    "alertClaimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionIncident" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "category" TEXT,
    "handling" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "phoneReportAt" TIMESTAMP(3),
    "phoneReportBy" TEXT,
    "writtenReportAt" TIMESTAMP(3),
    "writtenReportBy" TEXT,
    "authoritativeInfoAt" TIMESTAMP(3),
    "authoritativeInfoBy" TEXT,
    "pressConferenceAt" TIMESTAMP(3),
    "pressConferenceBy" TEXT,
    "policeReferralNote" TEXT NOT NULL DEFAULT '',
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "registeredBy" TEXT,
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "alertsCheckedAt" TIMESTAMP(3),
    "alertLog" JSONB DEFAULT '[]',

    CONSTRAINT "OpinionIncident_pkey" PRIMARY KEY ("id")
);

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
CREATE TABLE "_OpinionIncident_departments" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OpinionIncident_departments_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_OpinionIncident_outcomeDocuments" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OpinionIncident_outcomeDocuments_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ConsultationMeeting_materials" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ConsultationMeeting_materials_AB_pkey" PRIMARY KEY ("A","B")
);

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
CREATE INDEX "_OpinionIncident_departments_B_index" ON "_OpinionIncident_departments"("B");

-- CreateIndex
CREATE INDEX "_OpinionIncident_outcomeDocuments_B_index" ON "_OpinionIncident_outcomeDocuments"("B");

-- CreateIndex
CREATE INDEX "_ConsultationMeeting_materials_B_index" ON "_ConsultationMeeting_materials"("B");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_drafter_fkey" FOREIGN KEY ("drafter") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_approvedBy_fkey" FOREIGN KEY ("approvedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_consultation_fkey" FOREIGN KEY ("consultation") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationComment" ADD CONSTRAINT "ConsultationComment_moderatedBy_fkey" FOREIGN KEY ("moderatedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMeeting" ADD CONSTRAINT "ConsultationMeeting_consultation_fkey" FOREIGN KEY ("consultation") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_extensionApprovedBy_fkey" FOREIGN KEY ("extensionApprovedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_answeredBy_fkey" FOREIGN KEY ("answeredBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_replyAttachment_fkey" FOREIGN KEY ("replyAttachment") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosureRequest" ADD CONSTRAINT "DisclosureRequest_convertedDocument_fkey" FOREIGN KEY ("convertedDocument") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionIncident" ADD CONSTRAINT "OpinionIncident_phoneReportBy_fkey" FOREIGN KEY ("phoneReportBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionIncident" ADD CONSTRAINT "OpinionIncident_writtenReportBy_fkey" FOREIGN KEY ("writtenReportBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionIncident" ADD CONSTRAINT "OpinionIncident_authoritativeInfoBy_fkey" FOREIGN KEY ("authoritativeInfoBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionIncident" ADD CONSTRAINT "OpinionIncident_pressConferenceBy_fkey" FOREIGN KEY ("pressConferenceBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionIncident" ADD CONSTRAINT "OpinionIncident_closedBy_fkey" FOREIGN KEY ("closedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionIncident" ADD CONSTRAINT "OpinionIncident_registeredBy_fkey" FOREIGN KEY ("registeredBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualReport" ADD CONSTRAINT "AnnualReport_publishedBy_fkey" FOREIGN KEY ("publishedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfInspection" ADD CONSTRAINT "SelfInspection_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfInspection" ADD CONSTRAINT "SelfInspection_submittedBy_fkey" FOREIGN KEY ("submittedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfInspection" ADD CONSTRAINT "SelfInspection_reviewedBy_fkey" FOREIGN KEY ("reviewedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_departments" ADD CONSTRAINT "_OpinionIncident_departments_A_fkey" FOREIGN KEY ("A") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_departments" ADD CONSTRAINT "_OpinionIncident_departments_B_fkey" FOREIGN KEY ("B") REFERENCES "OpinionIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_outcomeDocuments" ADD CONSTRAINT "_OpinionIncident_outcomeDocuments_A_fkey" FOREIGN KEY ("A") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_outcomeDocuments" ADD CONSTRAINT "_OpinionIncident_outcomeDocuments_B_fkey" FOREIGN KEY ("B") REFERENCES "OpinionIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ConsultationMeeting_materials" ADD CONSTRAINT "_ConsultationMeeting_materials_A_fkey" FOREIGN KEY ("A") REFERENCES "ConsultationMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ConsultationMeeting_materials" ADD CONSTRAINT "_ConsultationMeeting_materials_B_fkey" FOREIGN KEY ("B") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;
