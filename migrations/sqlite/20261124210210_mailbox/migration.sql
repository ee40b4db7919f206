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

-- CreateIndex
CREATE UNIQUE INDEX "Message_queryCode_key" ON "Message"("queryCode");

-- CreateIndex
CREATE INDEX "Message_department_idx" ON "Message"("department");
