-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Media" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'image',
    "file_filesize" INTEGER,
    "file_filename" TEXT,
    "altText" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',
    "textVersion" TEXT NOT NULL DEFAULT '',
    "uploadedBy" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "sha256" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Media_uploadedBy_fkey" FOREIGN KEY ("uploadedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Media" ("altText", "caption", "createdAt", "file_filename", "file_filesize", "id", "kind", "sha256", "title", "uploadedBy") SELECT "altText", "caption", "createdAt", "file_filename", "file_filesize", "id", "kind", "sha256", "title", "uploadedBy" FROM "Media";
DROP TABLE "Media";
ALTER TABLE "new_Media" RENAME TO "Media";
CREATE INDEX "Media_uploadedBy_idx" ON "Media"("uploadedBy");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
