-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "preflightFindings" JSONB;

-- AlterTable
ALTER TABLE "Interpretation" ADD COLUMN     "preflightFindings" JSONB;
