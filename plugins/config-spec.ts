/**
 * A small declarative reader for environment variables. The platform and every plugin describe
 * their settings with it, so a bad value stops the process with one message that names each
 * variable and the values it accepts.
 */

export type ConfigOption =
  | { kind: 'string'; description: string; default?: string; pattern?: RegExp; check?: (value: string) => boolean; patternHint?: string }
  | { kind: 'int'; description: string; default?: number; min: number; max: number }
  | { kind: 'boolean'; description: string; default?: boolean }
  | { kind: 'enum'; description: string; default?: string; choices: readonly string[] }
  | { kind: 'url'; description: string; default?: string; protocols: readonly string[] };

export type ConfigSpec = Record<string, ConfigOption>;

type ValueOf<O extends ConfigOption> = O extends { kind: 'int' }
  ? number
  : O extends { kind: 'boolean' }
    ? boolean
    : string;

/** Values read from a spec: options without a default may be undefined. */
export type ConfigValues<S extends ConfigSpec> = {
  [K in keyof S]: S[K] extends { default: unknown } ? ValueOf<S[K]> : ValueOf<S[K]> | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const BOOLEAN_TRUE = ['true', '1', 'yes', 'on'];
const BOOLEAN_FALSE = ['false', '0', 'no', 'off'];

/** Describes the accepted values of an option, for error messages and the generated docs. */
export function describeAccepted(option: ConfigOption): string {
  switch (option.kind) {
    case 'int':
      return `an integer from ${option.min} to ${option.max}`;
    case 'boolean':
      return `one of ${[...BOOLEAN_TRUE, ...BOOLEAN_FALSE].join(', ')}`;
    case 'enum':
      return `one of ${option.choices.join(', ')}`;
    case 'url':
      return `a URL starting with ${option.protocols.map((protocol) => `${protocol}//`).join(' or ')}`;
    case 'string':
      return option.patternHint ?? 'any text';
  }
}

function parseOne(option: ConfigOption, raw: string): { value?: unknown; ok: boolean } {
  switch (option.kind) {
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return { ok: false };
      const value = Number(raw);
      return { ok: value >= option.min && value <= option.max, value };
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (BOOLEAN_TRUE.includes(lower)) return { ok: true, value: true };
      if (BOOLEAN_FALSE.includes(lower)) return { ok: true, value: false };
      return { ok: false };
    }
    case 'enum':
      return { ok: option.choices.includes(raw), value: raw };
    case 'url': {
      try {
        const url = new URL(raw);
        return { ok: option.protocols.includes(url.protocol), value: raw };
      } catch {
        return { ok: false };
      }
    }
    case 'string':
      return { ok: (option.pattern?.test(raw) ?? true) && (option.check?.(raw) ?? true), value: raw };
  }
}

/**
 * Read every option of `spec` from `env`, with `prefix` before each name. Empty strings count as
 * unset. Throws one ConfigError listing every invalid variable.
 */
export function readConfig<S extends ConfigSpec>(
  spec: S,
  env: NodeJS.ProcessEnv,
  prefix = '',
): ConfigValues<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];

  for (const [key, option] of Object.entries(spec)) {
    const variable = `${prefix}${key}`;
    const raw = env[variable];
    if (raw === undefined || raw === '') {
      values[key] = option.default;
      continue;
    }
    const parsed = parseOne(option, raw.trim());
    if (parsed.ok) {
      values[key] = parsed.value;
    } else {
      // URLs are not echoed because they may carry a password.
      const shown = option.kind === 'url' ? '' : ` (got "${raw.slice(0, 100)}")`;
      problems.push(`${variable} is invalid${shown}: expected ${describeAccepted(option)}`);
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigValues<S>;
}
