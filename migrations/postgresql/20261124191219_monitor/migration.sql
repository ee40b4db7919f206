-- CreateTable
CREATE TABLE "MonitorRun" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "siteUrl" TEXT NOT NULL DEFAULT '',
    "ownSite" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "score" INTEGER,
    "vetoCount" INTEGER,
    "findingCount" INTEGER,
    "newCount" INTEGER,
    "fixedCount" INTEGER,
    "pagesCrawled" INTEGER,
    "alertsSent" TEXT NOT NULL DEFAULT '',
    "report" JSONB,
    "summary" JSONB,

    CONSTRAINT "MonitorRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorProbe" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3),
    "ok" BOOLEAN NOT NULL DEFAULT false,
    "status" INTEGER,
    "elapsedMs" INTEGER,
    "error" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MonitorProbe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorSettings" (
    "id" INTEGER NOT NULL,
    "dailyRun" BOOLEAN NOT NULL DEFAULT true,
    "probePaths" TEXT NOT NULL DEFAULT '/
/columns/zfxxgk
/search',
    "checkExternalLinks" BOOLEAN NOT NULL DEFAULT true,
    "maxPages" INTEGER NOT NULL DEFAULT 2000,
    "webhooks" TEXT NOT NULL DEFAULT '',
    "rules" JSONB,

    CONSTRAINT "MonitorSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitorProbe_at_idx" ON "MonitorProbe"("at");
