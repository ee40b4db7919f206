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
CREATE INDEX "_OpinionIncident_departments_B_index" ON "_OpinionIncident_departments"("B");

-- CreateIndex
CREATE INDEX "_OpinionIncident_outcomeDocuments_B_index" ON "_OpinionIncident_outcomeDocuments"("B");

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
ALTER TABLE "_OpinionIncident_departments" ADD CONSTRAINT "_OpinionIncident_departments_A_fkey" FOREIGN KEY ("A") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_departments" ADD CONSTRAINT "_OpinionIncident_departments_B_fkey" FOREIGN KEY ("B") REFERENCES "OpinionIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_outcomeDocuments" ADD CONSTRAINT "_OpinionIncident_outcomeDocuments_A_fkey" FOREIGN KEY ("A") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OpinionIncident_outcomeDocuments" ADD CONSTRAINT "_OpinionIncident_outcomeDocuments_B_fkey" FOREIGN KEY ("B") REFERENCES "OpinionIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
