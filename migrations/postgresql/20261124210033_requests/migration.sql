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
