-- CreateIndex
CREATE INDEX "Document_publishedAt_idx" ON "Document"("publishedAt");

-- CreateIndex
CREATE INDEX "Interpretation_publishedAt_idx" ON "Interpretation"("publishedAt");
