-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "confidentialityReviewedAt" TIMESTAMP(3),
ADD COLUMN     "confidentialityReviewedBy" TEXT,
ADD COLUMN     "lastReturnReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "scheduledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Interpretation" ADD COLUMN     "confidentialityConclusion" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "confidentialityReviewedAt" TIMESTAMP(3),
ADD COLUMN     "confidentialityReviewedBy" TEXT,
ADD COLUMN     "lastReturnReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "scheduledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "document" TEXT,
    "interpretation" TEXT,
    "action" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "actor" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "actorRole" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_document_idx" ON "AuditEntry"("document");

-- CreateIndex
CREATE INDEX "AuditEntry_interpretation_idx" ON "AuditEntry"("interpretation");

-- CreateIndex
CREATE INDEX "AuditEntry_actor_idx" ON "AuditEntry"("actor");

-- CreateIndex
CREATE INDEX "Document_confidentialityReviewedBy_idx" ON "Document"("confidentialityReviewedBy");

-- CreateIndex
CREATE INDEX "Interpretation_confidentialityReviewedBy_idx" ON "Interpretation"("confidentialityReviewedBy");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interpretation" ADD CONSTRAINT "Interpretation_confidentialityReviewedBy_fkey" FOREIGN KEY ("confidentialityReviewedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_document_fkey" FOREIGN KEY ("document") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_interpretation_fkey" FOREIGN KEY ("interpretation") REFERENCES "Interpretation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actor_fkey" FOREIGN KEY ("actor") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
