-- CreateTable
CREATE TABLE "WebsiteAnnualReport" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "overviewUpdates" INTEGER,
    "newTopics" INTEGER,
    "mediaCommentaries" INTEGER,
    "serviceCatalogue" TEXT,
    "registeredUsers" INTEGER,
    "serviceItems" INTEGER,
    "onlineServiceItems" INTEGER,
    "casesTotal" INTEGER,
    "casesNatural" INTEGER,
    "casesLegal" INTEGER,
    "unifiedPlatform" TEXT,
    "interviews" INTEGER,
    "interviewQuestions" INTEGER,
    "interviewAnswers" INTEGER,
    "smartQa" TEXT,
    "monitoringMechanism" TEXT,
    "emergencyDrill" TEXT,
    "securityOfficer" TEXT,
    "hasNewMedia" TEXT,
    "weiboName" TEXT NOT NULL DEFAULT '',
    "weiboPosts" INTEGER,
    "weiboFollowers" INTEGER,
    "wechatName" TEXT NOT NULL DEFAULT '',
    "wechatPosts" INTEGER,
    "wechatSubscribers" INTEGER,
    "otherNewMedia" TEXT NOT NULL DEFAULT '',
    "innovation" TEXT NOT NULL DEFAULT '',
    "headName" TEXT NOT NULL DEFAULT '',
    "reviewerName" TEXT NOT NULL DEFAULT '',
    "fillerName" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "checkResult" TEXT NOT NULL DEFAULT '',
    "generatedAt" TIMESTAMP(3),
    "snapshot" JSONB,
    "publishedAt" TIMESTAMP(3),
    "publishedBy" TEXT,
    "publicationNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "WebsiteAnnualReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebsiteAnnualReport_year_key" ON "WebsiteAnnualReport"("year");

-- CreateIndex
CREATE INDEX "WebsiteAnnualReport_publishedBy_idx" ON "WebsiteAnnualReport"("publishedBy");

-- AddForeignKey
ALTER TABLE "WebsiteAnnualReport" ADD CONSTRAINT "WebsiteAnnualReport_publishedBy_fkey" FOREIGN KEY ("publishedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
