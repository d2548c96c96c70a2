-- CreateTable
CREATE TABLE "search_category" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" UUID,

    CONSTRAINT "search_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_product" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '[]',
    "category_id" UUID,
    "currency" TEXT NOT NULL,
    "min_price" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "search_product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_stock" (
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "available" INTEGER NOT NULL,

    CONSTRAINT "search_stock_pkey" PRIMARY KEY ("variant_id")
);

-- CreateTable
CREATE TABLE "search_rating" (
    "product_id" UUID NOT NULL,
    "average" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "search_rating_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "search_document" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "category_id" UUID,
    "category_name" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "in_stock" BOOLEAN NOT NULL,
    "rating_average" DOUBLE PRECISION NOT NULL,
    "rating_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "document" tsvector,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "search_document_rebuild" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "category_id" UUID,
    "category_name" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "in_stock" BOOLEAN NOT NULL,
    "rating_average" DOUBLE PRECISION NOT NULL,
    "rating_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "search_document_rebuild_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "search_product_category_id_idx" ON "search_product"("category_id");

-- CreateIndex
CREATE INDEX "search_stock_product_id_idx" ON "search_stock"("product_id");

-- CreateIndex
CREATE INDEX "search_document_category_id_idx" ON "search_document"("category_id");

-- CreateIndex
CREATE INDEX "search_document_price_idx" ON "search_document"("price");

-- CreateIndex
CREATE INDEX "search_document_created_at_idx" ON "search_document"("created_at");

-- CreateIndex
CREATE INDEX "search_document_document_idx" ON "search_document" USING GIN ("document");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_created_at_idx" ON "outbox_event"("published_at", "created_at");
