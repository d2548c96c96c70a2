import type { IdentityContext } from '../../../context.ts';

export function exportMyData(_parent: unknown, _args: unknown, context: IdentityContext): Promise<string> {
  return context.useCases.exportMyData();
}
