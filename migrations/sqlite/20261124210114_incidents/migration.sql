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
CREATE UNIQUE INDEX "_OpinionIncident_departments_AB_unique" ON "_OpinionIncident_departments"("A", "B");

-- CreateIndex
CREATE INDEX "_OpinionIncident_departments_B_index" ON "_OpinionIncident_departments"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_OpinionIncident_outcomeDocuments_AB_unique" ON "_OpinionIncident_outcomeDocuments"("A", "B");

-- CreateIndex
CREATE INDEX "_OpinionIncident_outcomeDocuments_B_index" ON "_OpinionIncident_outcomeDocuments"("B");
