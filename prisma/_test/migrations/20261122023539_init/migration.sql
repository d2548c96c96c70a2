-- CreateEnum
CREATE TYPE "WidgetKind" AS ENUM ('SMALL', 'LARGE');

-- CreateTable
CREATE TABLE "Widget" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WidgetKind" NOT NULL DEFAULT 'SMALL',
    "priceMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Widget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Part" (
    "id" UUID NOT NULL,
    "widgetId" UUID NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "Part_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Widget_name_key" ON "Widget"("name");

-- CreateIndex
CREATE INDEX "Part_widgetId_idx" ON "Part"("widgetId");

-- AddForeignKey
ALTER TABLE "Part" ADD CONSTRAINT "Part_widgetId_fkey" FOREIGN KEY ("widgetId") REFERENCES "Widget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
