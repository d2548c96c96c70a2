import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses environment variables against a zod shape. Every problem is reported on its own line
 * naming the variable, e.g. `PORT: expected a number, got "abc"`.
 */
export function parseConfig<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    const shown = value === undefined ? 'it is not set' : `got ${JSON.stringify(redactValue(name, value))}`;
    return `${name}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

function redactValue(name: string, value: string): string {
  return /SECRET|KEY|PASSWORD|TOKEN/i.test(name) ? '[redacted]' : value;
}

/**
 * Same as parseConfig, for a process entry point: prints the problems and exits non-zero instead
 * of throwing, so a misconfigured service stops at once with a clear message.
 */
export function loadConfigOrExit<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  try {
    return parseConfig(shape, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
