-- AlterTable
ALTER TABLE "MonitorSettings" ADD COLUMN "tamperAlerted" JSONB;
ALTER TABLE "MonitorSettings" ADD COLUMN "tamperSampleOffset" INTEGER DEFAULT 0;
