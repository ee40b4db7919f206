-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "outboundAllowList" TEXT NOT NULL DEFAULT '';
