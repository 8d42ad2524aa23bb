-- AlterTable
ALTER TABLE "ExamAnswer" ADD COLUMN     "confidence" TEXT,
ADD COLUMN     "domain" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timeMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "variant" TEXT NOT NULL DEFAULT 'base';

-- AlterTable
ALTER TABLE "ExamAttempt" ADD COLUMN     "plan" JSONB NOT NULL DEFAULT '{}';
