-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "documentKind" TEXT NOT NULL DEFAULT 'document',
ADD COLUMN     "effectiveFrom" DATE,
ADD COLUMN     "guideAgency" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideBasis" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideComplaintPhone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideConditions" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideEnquiryPhone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideFee" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideFeeBasis" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideHours" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideItemName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideLegalTimeLimit" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideMaterials" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideOnlineUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guidePlace" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guidePromisedTimeLimit" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "guideSteps" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "replacedBy" TEXT,
ADD COLUMN     "validUntil" DATE,
ADD COLUMN     "validity" TEXT NOT NULL DEFAULT 'current';

-- CreateTable
CREATE TABLE "_Document_guideForms" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_Document_guideForms_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_Document_guideForms_B_index" ON "_Document_guideForms"("B");

-- CreateIndex
CREATE INDEX "Document_replacedBy_idx" ON "Document"("replacedBy");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_replacedBy_fkey" FOREIGN KEY ("replacedBy") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Document_guideForms" ADD CONSTRAINT "_Document_guideForms_A_fkey" FOREIGN KEY ("A") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Document_guideForms" ADD CONSTRAINT "_Document_guideForms_B_fkey" FOREIGN KEY ("B") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;
