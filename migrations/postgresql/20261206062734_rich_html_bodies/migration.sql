-- AlterTable: rich-text bodies are HTML (the data step of this migration converts the stored JSON)
ALTER TABLE "Document" ALTER COLUMN "body" SET DATA TYPE TEXT USING "body"::text,
ALTER COLUMN "body" SET DEFAULT '',
ALTER COLUMN "redactedBody" SET DATA TYPE TEXT USING "redactedBody"::text,
ALTER COLUMN "redactedBody" SET DEFAULT '';

-- AlterTable
ALTER TABLE "Interpretation" ALTER COLUMN "body" SET DATA TYPE TEXT USING "body"::text,
ALTER COLUMN "body" SET DEFAULT '';

-- AlterTable
ALTER TABLE "Consultation" ALTER COLUMN "draftText" SET DATA TYPE TEXT USING "draftText"::text,
ALTER COLUMN "draftText" SET DEFAULT '';

-- CreateTable
CREATE TABLE "_Interpretation_inlineMedia" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_Interpretation_inlineMedia_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_Interpretation_inlineMedia_B_index" ON "_Interpretation_inlineMedia"("B");

-- AddForeignKey
ALTER TABLE "_Interpretation_inlineMedia" ADD CONSTRAINT "_Interpretation_inlineMedia_A_fkey" FOREIGN KEY ("A") REFERENCES "Interpretation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_Interpretation_inlineMedia" ADD CONSTRAINT "_Interpretation_inlineMedia_B_fkey" FOREIGN KEY ("B") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;
