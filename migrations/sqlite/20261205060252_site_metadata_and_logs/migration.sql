-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Column" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "parent" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'news',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "order" INTEGER NOT NULL DEFAULT 0,
    "description" TEXT NOT NULL DEFAULT '',
    "keywords" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Column_parent_fkey" FOREIGN KEY ("parent") REFERENCES "Column" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Column" ("description", "id", "kind", "name", "order", "parent", "slug", "visibility") SELECT "description", "id", "kind", "name", "order", "parent", "slug", "visibility" FROM "Column";
DROP TABLE "Column";
ALTER TABLE "new_Column" RENAME TO "Column";
CREATE UNIQUE INDEX "Column_slug_key" ON "Column"("slug");
CREATE INDEX "Column_parent_idx" ON "Column"("parent");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
