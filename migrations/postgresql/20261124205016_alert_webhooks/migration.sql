-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "alertWebhooks" TEXT NOT NULL DEFAULT '';
