-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "organisationCode" TEXT NOT NULL DEFAULT '';
