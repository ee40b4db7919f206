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

-- CreateIndex
CREATE UNIQUE INDEX "Message_queryCode_key" ON "Message"("queryCode");

-- CreateIndex
CREATE INDEX "Message_department_idx" ON "Message"("department");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_department_fkey" FOREIGN KEY ("department") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;
