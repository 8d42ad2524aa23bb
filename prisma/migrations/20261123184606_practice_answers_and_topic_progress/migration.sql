-- CreateTable
CREATE TABLE "QuestionAnswer" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "selected" TEXT[],
    "correct" BOOLEAN NOT NULL,
    "confidence" TEXT NOT NULL,
    "durationMs" INTEGER,
    "source" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuestionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicProgress" (
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "bestScore" DOUBLE PRECISION NOT NULL,
    "lastScore" DOUBLE PRECISION NOT NULL,
    "passedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicProgress_pkey" PRIMARY KEY ("userId","topic")
);

-- CreateIndex
CREATE INDEX "QuestionAnswer_userId_answeredAt_idx" ON "QuestionAnswer"("userId", "answeredAt");

-- CreateIndex
CREATE INDEX "QuestionAnswer_userId_questionId_answeredAt_idx" ON "QuestionAnswer"("userId", "questionId", "answeredAt");

-- AddForeignKey
ALTER TABLE "QuestionAnswer" ADD CONSTRAINT "QuestionAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicProgress" ADD CONSTRAINT "TopicProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
