-- CreateTable
CREATE TABLE "variant_stock" (
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "available" INTEGER NOT NULL,
    "low_stock" BOOLEAN NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "variant_stock_pkey" PRIMARY KEY ("variant_id")
);

-- CreateIndex
CREATE INDEX "variant_stock_low_stock_product_id_idx" ON "variant_stock"("low_stock", "product_id");
