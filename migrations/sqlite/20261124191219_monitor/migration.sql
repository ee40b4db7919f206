-- CreateTable
CREATE TABLE "MonitorRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "siteUrl" TEXT NOT NULL DEFAULT '',
    "ownSite" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "score" INTEGER,
    "vetoCount" INTEGER,
    "findingCount" INTEGER,
    "newCount" INTEGER,
    "fixedCount" INTEGER,
    "pagesCrawled" INTEGER,
    "alertsSent" TEXT NOT NULL DEFAULT '',
    "report" JSONB,
    "summary" JSONB
);

-- CreateTable
CREATE TABLE "MonitorProbe" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL DEFAULT '',
    "at" DATETIME,
    "ok" BOOLEAN NOT NULL DEFAULT false,
    "status" INTEGER,
    "elapsedMs" INTEGER,
    "error" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "MonitorSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dailyRun" BOOLEAN NOT NULL DEFAULT true,
    "probePaths" TEXT NOT NULL DEFAULT '/
/columns/zfxxgk
/search',
    "checkExternalLinks" BOOLEAN NOT NULL DEFAULT true,
    "maxPages" INTEGER NOT NULL DEFAULT 2000,
    "webhooks" TEXT NOT NULL DEFAULT '',
    "rules" JSONB
);

-- CreateIndex
CREATE INDEX "MonitorProbe_at_idx" ON "MonitorProbe"("at");
