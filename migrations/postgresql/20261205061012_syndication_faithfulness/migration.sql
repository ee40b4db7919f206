-- AlterTable
ALTER TABLE "SyndicationSource" ADD COLUMN     "failureAlertedAt" TIMESTAMP(3),
ADD COLUMN     "feedContent" TEXT NOT NULL DEFAULT 'on-detail-failure',
ADD COLUMN     "lastWarning" TEXT NOT NULL DEFAULT '';
