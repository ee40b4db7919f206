-- AlterTable
ALTER TABLE "MonitorSettings" ADD COLUMN     "tamperAlerted" JSONB,
ADD COLUMN     "tamperSampleOffset" INTEGER DEFAULT 0;
