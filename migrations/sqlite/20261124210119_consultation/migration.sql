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
CREATE TABLE "_ConsultationMeeting_materials" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_ConsultationMeeting_materials_A_fkey" FOREIGN KEY ("A") REFERENCES "ConsultationMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_ConsultationMeeting_materials_B_fkey" FOREIGN KEY ("B") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
CREATE UNIQUE INDEX "_ConsultationMeeting_materials_AB_unique" ON "_ConsultationMeeting_materials"("A", "B");

-- CreateIndex
CREATE INDEX "_ConsultationMeeting_materials_B_index" ON "_ConsultationMeeting_materials"("B");
