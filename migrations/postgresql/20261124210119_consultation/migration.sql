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
CREATE TABLE "_ConsultationMeeting_materials" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ConsultationMeeting_materials_AB_pkey" PRIMARY KEY ("A","B")
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
CREATE INDEX "_ConsultationMeeting_materials_B_index" ON "_ConsultationMeeting_materials"("B");

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
ALTER TABLE "_ConsultationMeeting_materials" ADD CONSTRAINT "_ConsultationMeeting_materials_A_fkey" FOREIGN KEY ("A") REFERENCES "ConsultationMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ConsultationMeeting_materials" ADD CONSTRAINT "_ConsultationMeeting_materials_B_fkey" FOREIGN KEY ("B") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;
