-- DropIndex
DROP INDEX "payment_ledger_entry_payment_id_created_at_idx";

-- AlterTable
ALTER TABLE "payment_ledger_entry" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "payment_ledger_entry_payment_id_seq_idx" ON "payment_ledger_entry"("payment_id", "seq");
