-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteName" TEXT NOT NULL DEFAULT '',
    "sponsor" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "siteCode" TEXT NOT NULL DEFAULT '',
    "organisationCode" TEXT NOT NULL DEFAULT '',
    "icpNumber" TEXT NOT NULL DEFAULT '',
    "policeRecordNumber" TEXT NOT NULL DEFAULT '',
    "alertWebhooks" TEXT NOT NULL DEFAULT '',
    "disclosureLeader" TEXT NOT NULL DEFAULT '',
    "disclosureOffice" TEXT NOT NULL DEFAULT '',
    "disclosureStaff" TEXT NOT NULL DEFAULT '',
    "disclosureAssessmentWeight" TEXT NOT NULL DEFAULT '',
    "baseUrl" TEXT NOT NULL DEFAULT '',
    "outboundAllowList" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_SiteSettings" ("alertWebhooks", "baseUrl", "contact", "disclosureAssessmentWeight", "disclosureLeader", "disclosureOffice", "disclosureStaff", "icpNumber", "id", "organisationCode", "policeRecordNumber", "siteCode", "siteName", "sponsor") SELECT "alertWebhooks", "baseUrl", "contact", "disclosureAssessmentWeight", "disclosureLeader", "disclosureOffice", "disclosureStaff", "icpNumber", "id", "organisationCode", "policeRecordNumber", "siteCode", "siteName", "sponsor" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
