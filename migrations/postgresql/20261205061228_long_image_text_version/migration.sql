-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "textVersion" TEXT NOT NULL DEFAULT '';
