-- CreateTable
CREATE TABLE "SitePublication" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "manifestHash" TEXT NOT NULL DEFAULT '',
    "files" INTEGER NOT NULL DEFAULT 0,
    "written" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SitePublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SitePublication_at_idx" ON "SitePublication"("at");
