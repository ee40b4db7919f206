-- CreateTable
CREATE TABLE "CatalogueEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "area" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "content" TEXT NOT NULL DEFAULT '',
    "basis" TEXT NOT NULL DEFAULT '',
    "timeLimit" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "order" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CatalogueEntry_department_fkey" FOREIGN KEY ("department") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_CatalogueEntry_documents" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_CatalogueEntry_documents_A_fkey" FOREIGN KEY ("A") REFERENCES "CatalogueEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_CatalogueEntry_documents_B_fkey" FOREIGN KEY ("B") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CatalogueEntry_department_idx" ON "CatalogueEntry"("department");

-- CreateIndex
CREATE UNIQUE INDEX "_CatalogueEntry_documents_AB_unique" ON "_CatalogueEntry_documents"("A", "B");

-- CreateIndex
CREATE INDEX "_CatalogueEntry_documents_B_index" ON "_CatalogueEntry_documents"("B");
