import { parse as parseCsv } from 'csv-parse/sync';
import { badInput, DomainError } from '@drobble/kit/errors';
import { DEFAULT_CURRENCY, isCurrencyCode } from './money.ts';
import { validateDescription, validateImages, validateName, validateVariant, type VariantDraft } from './product-input.ts';
import { isValidSlug, slugify } from './slug.ts';

export type ImportFormat = 'CSV' | 'JSON';
export const MAX_IMPORT_ROWS = 20_000;

/**
 * One import row = one variant, keyed by SKU. Rows with the same product slug (given, or made from
 * the name) form one product; the first row of a product gives its product-level fields.
 * Columns (CSV header / JSON keys): sku, name, price, and optionally slug, description, currency,
 * category (a category slug), variantName, options ("Size=M;Colour=Blue"), images ("url|url"),
 * featured, active (true/false), stock (initial stock of a new variant).
 */
export interface ImportRow {
  /** 1-based position among the data rows (the CSV header is not a row). */
  row: number;
  productSlug: string;
  name: string;
  description: string | null;
  currency: string | null;
  categorySlug: string | null;
  images: string[] | null;
  featured: boolean | null;
  active: boolean | null;
  variant: VariantDraft;
}

export interface RowError {
  row: number;
  message: string;
}

type Raw = Record<string, unknown>;

/** CSV or JSON text -> raw records; BAD_USER_INPUT (field "data") when the text cannot be read at all. */
export function readRecords(format: ImportFormat, data: string): Raw[] {
  let records: unknown;
  try {
    records = format === 'CSV' ? parseCsv(data, { columns: true, skip_empty_lines: true, trim: true, bom: true }) : JSON.parse(data);
  } catch (error) {
    throw badInput('data', `data is not valid ${format}: ${(error as Error).message.slice(0, 200)}`);
  }
  if (!Array.isArray(records)) throw badInput('data', 'JSON data must be an array of rows');
  if (records.length === 0) throw badInput('data', 'no rows to import');
  if (records.length > MAX_IMPORT_ROWS) throw badInput('data', `at most ${MAX_IMPORT_ROWS} rows per import`);
  return records.map((record) => (record && typeof record === 'object' && !Array.isArray(record) ? (record as Raw) : {}));
}

const str = (value: unknown): string | null => (value === undefined || value === null || String(value).trim() === '' ? null : String(value).trim());

function int(value: unknown, column: string): number | undefined {
  const text = str(value);
  if (text === null) return undefined;
  if (!/^-?\d+$/.test(text)) throw badInput(column, `${column} must be a whole number`);
  return Number(text);
}

function bool(value: unknown, column: string): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = str(value)?.toLowerCase() ?? null;
  if (text === null) return null;
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  throw badInput(column, `${column} must be true or false`);
}

function options(value: unknown): { name: string; value: string }[] {
  if (Array.isArray(value)) return value.map((o) => ({ name: String(o?.name ?? ''), value: String(o?.value ?? '') }));
  const text = str(value);
  if (text === null) return [];
  return text.split(';').map((pair) => {
    const [name, ...rest] = pair.split('=');
    if (rest.length === 0) throw badInput('options', 'options must look like "Size=M;Colour=Blue"');
    return { name: name!.trim(), value: rest.join('=').trim() };
  });
}

function toRow(raw: Raw, row: number): ImportRow {
  const name = validateName(str(raw.name) ?? '', 'name');
  const productSlug = str(raw.slug) ?? slugify(name);
  if (!isValidSlug(productSlug)) throw badInput('slug', 'slug must be lower-case letters and digits separated by hyphens');
  const currency = str(raw.currency);
  if (currency !== null && !isCurrencyCode(currency)) throw badInput('currency', 'currency must be an ISO 4217 code, e.g. USD');
  const price = int(raw.price, 'price');
  if (price === undefined) throw badInput('price', 'price is required (minor units)');
  const images = str(raw.images) === null ? null : validateImages(String(raw.images).split('|'), 'images');
  const variant = validateVariant({ sku: str(raw.sku) ?? '', name: str(raw.variantName), options: options(raw.options), price, initialStock: int(raw.stock, 'stock') ?? 0 }, 0, 'variant');
  return {
    row,
    productSlug,
    name,
    description: str(raw.description) === null ? null : validateDescription(String(raw.description), 'description'),
    currency,
    categorySlug: str(raw.category),
    images,
    featured: bool(raw.featured, 'featured'),
    active: bool(raw.active, 'active'),
    variant,
  };
}

/** Validates every record on its own: the good rows, and one error per bad row (a repeated SKU is an error on the later row). */
export function validateRows(records: readonly Raw[]): { rows: ImportRow[]; errors: RowError[] } {
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((raw, index) => {
    const row = index + 1;
    try {
      const parsed = toRow(raw, row);
      const first = seen.get(parsed.variant.sku);
      if (first !== undefined) throw badInput('sku', `SKU ${parsed.variant.sku} already appears on row ${first}`);
      seen.set(parsed.variant.sku, row);
      rows.push(parsed);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push({ row, message: error.message.replace(/^variant\./, '') });
    }
  });
  return { rows, errors };
}

export const defaultCurrency = (row: ImportRow) => row.currency ?? DEFAULT_CURRENCY;
