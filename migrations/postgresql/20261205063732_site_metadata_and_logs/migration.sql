-- AlterTable
ALTER TABLE "Column" ADD COLUMN     "keywords" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "OperationLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL DEFAULT '',
    "actorName" TEXT NOT NULL DEFAULT '',
    "role" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL DEFAULT '',
    "operation" TEXT NOT NULL DEFAULT '',
    "target" TEXT NOT NULL DEFAULT '',
    "itemId" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT DEFAULT 'success',
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "OperationLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitDay" (
    "id" TEXT NOT NULL,
    "day" TEXT NOT NULL DEFAULT '',
    "pageViews" INTEGER NOT NULL DEFAULT 0,
    "uniqueVisitors" INTEGER NOT NULL DEFAULT 0,
    "topPages" JSONB,
    "topSearchTerms" JSONB,

    CONSTRAINT "VisitDay_pkey" PRIMARY KEY ("id")
);

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
