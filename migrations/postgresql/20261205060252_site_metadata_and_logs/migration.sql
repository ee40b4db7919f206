-- AlterTable
ALTER TABLE "Column" ADD COLUMN     "keywords" TEXT NOT NULL DEFAULT '';
