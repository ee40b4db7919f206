-- CreateTable
CREATE TABLE "OperationLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL DEFAULT '',
    "actorName" TEXT NOT NULL DEFAULT '',
    "role" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL DEFAULT '',
    "operation" TEXT NOT NULL DEFAULT '',
    "target" TEXT NOT NULL DEFAULT '',
    "itemId" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT DEFAULT 'success',
    "detail" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "VisitDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL DEFAULT '',
    "pageViews" INTEGER NOT NULL DEFAULT 0,
    "uniqueVisitors" INTEGER NOT NULL DEFAULT 0,
    "topPages" JSONB,
    "topSearchTerms" JSONB
);

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

-- CreateIndex
CREATE INDEX "OperationLog_at_idx" ON "OperationLog"("at");

-- CreateIndex
CREATE INDEX "OperationLog_actor_idx" ON "OperationLog"("actor");

-- CreateIndex
CREATE INDEX "OperationLog_address_idx" ON "OperationLog"("address");

-- CreateIndex
CREATE INDEX "OperationLog_itemId_idx" ON "OperationLog"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitDay_day_key" ON "VisitDay"("day");
