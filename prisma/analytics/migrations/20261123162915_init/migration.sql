-- CreateTable
CREATE TABLE "sales_order" (
    "order_id" UUID NOT NULL,
    "customer_id" UUID,
    "currency" TEXT NOT NULL,
    "total" INTEGER,
    "placed_at" TIMESTAMP(3),
    "paid_at" TIMESTAMP(3),
    "status" TEXT,
    "status_at" TIMESTAMP(3),

    CONSTRAINT "sales_order_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "sales_order_line" (
    "order_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" INTEGER NOT NULL,

    CONSTRAINT "sales_order_line_pkey" PRIMARY KEY ("order_id","position")
);

-- CreateTable
CREATE TABLE "sales_refund" (
    "refund_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "refunded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sales_refund_pkey" PRIMARY KEY ("refund_id")
);

-- CreateTable
CREATE TABLE "customer" (
    "user_id" UUID NOT NULL,
    "registered_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "stock_level" (
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "available" INTEGER NOT NULL,
    "low_stock" BOOLEAN NOT NULL,
    "as_of" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stock_level_pkey" PRIMARY KEY ("variant_id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "sales_order_paid_at_idx" ON "sales_order"("paid_at");

-- CreateIndex
CREATE INDEX "sales_order_line_product_id_idx" ON "sales_order_line"("product_id");

-- CreateIndex
CREATE INDEX "sales_refund_refunded_at_idx" ON "sales_refund"("refunded_at");

-- CreateIndex
CREATE INDEX "customer_registered_at_idx" ON "customer"("registered_at");

-- CreateIndex
CREATE INDEX "stock_level_low_stock_available_idx" ON "stock_level"("low_stock", "available");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_created_at_idx" ON "outbox_event"("published_at", "created_at");

-- AddForeignKey
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "sales_order"("order_id") ON DELETE CASCADE ON UPDATE CASCADE;
