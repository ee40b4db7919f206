-- CreateTable
CREATE TABLE "SignInRecord" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT DEFAULT 'pending',
    "address" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL DEFAULT '',
    "userId" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedFormToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL DEFAULT '',
    "form" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedFormToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInRecord_username_idx" ON "SignInRecord"("username");

-- CreateIndex
CREATE INDEX "SignInRecord_address_idx" ON "SignInRecord"("address");

-- CreateIndex
CREATE INDEX "SignInRecord_at_idx" ON "SignInRecord"("at");

-- CreateIndex
CREATE UNIQUE INDEX "UserSession_tokenHash_key" ON "UserSession"("tokenHash");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "UserSession_expiresAt_idx" ON "UserSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsedFormToken_tokenHash_key" ON "UsedFormToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UsedFormToken_expiresAt_idx" ON "UsedFormToken"("expiresAt");
