import { badInput } from '@drobble/kit/errors';
import { isUuid } from './ids.ts';
import { DEFAULT_CURRENCY, isCurrencyCode } from './money.ts';
import type { KeyValue, VariantOption } from './product.ts';
import { isValidSlug, MAX_SLUG_LENGTH } from './slug.ts';

/** GraphQL inputs, as they arrive (optional fields may be null or absent). */
export interface ProductVariantInput {
  sku: string;
  name?: string | null;
  options?: VariantOption[] | null;
  price: number;
  initialStock?: number | null;
}

export interface CreateProductInput {
  name: string;
  slug?: string | null;
  description?: string | null;
  categoryId?: string | null;
  images?: string[] | null;
  attributes?: KeyValue[] | null;
  currency?: string | null;
  variants: ProductVariantInput[];
}

export interface UpdateProductInput {
  name?: string | null;
  description?: string | null;
  categoryId?: string | null;
  images?: string[] | null;
  attributes?: KeyValue[] | null;
  active?: boolean | null;
  featured?: boolean | null;
}

/** A validated, normalised new variant. */
export interface VariantDraft {
  sku: string;
  name: string;
  options: VariantOption[];
  price: number;
  position: number;
  initialStock: number;
}

/** A validated, normalised new product (slug null = generate from the name). */
export interface ProductDraft {
  name: string;
  slug: string | null;
  description: string;
  categoryId: string | null;
  images: string[];
  attributes: KeyValue[];
  currency: string;
  variants: VariantDraft[];
}

/** A validated change set: only the keys present change (categoryId null = remove the category). */
export interface ProductPatch {
  name?: string;
  description?: string;
  categoryId?: string | null;
  images?: string[];
  attributes?: KeyValue[];
  active?: boolean;
  featured?: boolean;
}

export const LIMITS = { name: 200, description: 10_000, images: 20, imageUrl: 2_000, attributes: 50, text: 200, variants: 100, options: 10, sku: 64 };
const MAX_PRICE = 2_147_483_647;

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, `${field} must not be empty`);
  if (trimmed.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

export const validateName = (value: string, field: string) => text(value, field, LIMITS.name);

export function validateDescription(value: string | null | undefined, field: string): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length > LIMITS.description) throw badInput(field, `${field} must be at most ${LIMITS.description} characters`);
  return trimmed;
}

export function validateImages(images: readonly string[] | null | undefined, field: string): string[] {
  const list = images ?? [];
  if (list.length > LIMITS.images) throw badInput(field, `at most ${LIMITS.images} images`);
  return list.map((image, i) => {
    const value = image.trim();
    let ok = value.length <= LIMITS.imageUrl;
    try {
      ok &&= ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw badInput(`${field}[${i}]`, 'each image must be an http(s) URL');
    return value;
  });
}

export function validateAttributes(attributes: readonly KeyValue[] | null | undefined, field: string): KeyValue[] {
  const list = attributes ?? [];
  if (list.length > LIMITS.attributes) throw badInput(field, `at most ${LIMITS.attributes} attributes`);
  return list.map((a, i) => ({ key: text(a.key, `${field}[${i}].key`, LIMITS.text), value: text(a.value, `${field}[${i}].value`, LIMITS.text) }));
}

export function validateCategoryId(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isUuid(value)) throw badInput(field, 'category does not exist');
  return value.toLowerCase();
}

function validateOptions(options: readonly VariantOption[] | null | undefined, field: string): VariantOption[] {
  const list = options ?? [];
  if (list.length > LIMITS.options) throw badInput(field, `at most ${LIMITS.options} options`);
  return list.map((o, i) => ({ name: text(o.name, `${field}[${i}].name`, LIMITS.text), value: text(o.value, `${field}[${i}].value`, LIMITS.text) }));
}

export function validateVariant(input: ProductVariantInput, position: number, field: string): VariantDraft {
  const sku = text(input.sku, `${field}.sku`, LIMITS.sku);
  if (/\s/.test(sku)) throw badInput(`${field}.sku`, 'SKU must not contain spaces');
  if (!Number.isInteger(input.price) || input.price < 0 || input.price > MAX_PRICE) {
    throw badInput(`${field}.price`, 'price must be a whole number of minor units, 0 or more');
  }
  const initialStock = input.initialStock ?? 0;
  if (!Number.isInteger(initialStock) || initialStock < 0) throw badInput(`${field}.initialStock`, 'initialStock must be 0 or more');
  const options = validateOptions(input.options, `${field}.options`);
  const fallbackName = options.length > 0 ? options.map((o) => o.value).join(' / ') : 'Default';
  const name = input.name === null || input.name === undefined ? fallbackName : text(input.name, `${field}.name`, LIMITS.text);
  return { sku, name, options, price: input.price, position, initialStock };
}

export function validateVariants(variants: readonly ProductVariantInput[], field: string): VariantDraft[] {
  if (variants.length === 0) throw badInput(field, 'a product needs at least one variant');
  if (variants.length > LIMITS.variants) throw badInput(field, `at most ${LIMITS.variants} variants`);
  const drafts = variants.map((variant, i) => validateVariant(variant, i, `${field}[${i}]`));
  const seen = new Set<string>();
  drafts.forEach((draft, i) => {
    if (seen.has(draft.sku)) throw badInput(`${field}[${i}].sku`, `SKU ${draft.sku} appears twice`);
    seen.add(draft.sku);
  });
  return drafts;
}

/** Checks and normalises createProduct's input; throws BAD_USER_INPUT naming the field. */
export function validateCreateProduct(input: CreateProductInput, field = 'input'): ProductDraft {
  const currency = input.currency ?? DEFAULT_CURRENCY;
  if (!isCurrencyCode(currency)) throw badInput(`${field}.currency`, 'currency must be an ISO 4217 code in upper case, e.g. USD');
  let slug: string | null = null;
  if (input.slug !== null && input.slug !== undefined) {
    slug = input.slug.trim();
    if (!isValidSlug(slug)) throw badInput(`${field}.slug`, `slug must be lower-case letters and digits separated by hyphens (max ${MAX_SLUG_LENGTH})`);
  }
  return {
    name: validateName(input.name, `${field}.name`),
    slug,
    description: validateDescription(input.description, `${field}.description`),
    categoryId: validateCategoryId(input.categoryId, `${field}.categoryId`),
    images: validateImages(input.images, `${field}.images`),
    attributes: validateAttributes(input.attributes, `${field}.attributes`),
    currency,
    variants: validateVariants(input.variants, `${field}.variants`),
  };
}

/** Checks updateProduct's input; null means "unchanged" except for categoryId (null = none). */
export function validateUpdateProduct(input: UpdateProductInput, field = 'input'): ProductPatch {
  const patch: ProductPatch = {};
  if (input.name !== null && input.name !== undefined) patch.name = validateName(input.name, `${field}.name`);
  if (input.description !== null && input.description !== undefined) patch.description = validateDescription(input.description, `${field}.description`);
  if (input.categoryId !== undefined) patch.categoryId = validateCategoryId(input.categoryId, `${field}.categoryId`);
  if (input.images !== null && input.images !== undefined) patch.images = validateImages(input.images, `${field}.images`);
  if (input.attributes !== null && input.attributes !== undefined) patch.attributes = validateAttributes(input.attributes, `${field}.attributes`);
  if (input.active !== null && input.active !== undefined) patch.active = input.active;
  if (input.featured !== null && input.featured !== undefined) patch.featured = input.featured;
  return patch;
}
