import { GraphQLError } from 'graphql';
import type { Language } from './language';

/** One entry of a subgraph's error registry. */
export interface ErrorCodeDefinition {
  /** Meaning of the error, in English, for the generated reference. */
  description: string;
  /**
   * User-facing message templates. `{name}` placeholders take the values of the error's params,
   * so a message can name the field and what it accepts.
   */
  messages: Record<Language, string>;
}

export type ErrorRegistry = Record<string, ErrorCodeDefinition>;

export const ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * Codes every subgraph may raise, on top of its own registry. A plugin may not redefine them.
 */
export const PLATFORM_ERRORS = {
  INTERNAL_SERVER_ERROR: {
    description: 'An unexpected failure. The message carries the request id to quote to the operator; the cause is in the server log.',
    messages: {
      id: 'Terjadi kesalahan pada server. Silakan coba lagi; bila berulang, sampaikan kode permintaan {requestId} kepada petugas.',
      en: 'Something went wrong on the server. Please try again; if it happens again, give request id {requestId} to the operator.',
    },
  },
  BAD_USER_INPUT: {
    description: 'An argument is invalid; extensions.field names it.',
    messages: {
      id: 'Nilai {field} tidak valid: {accepted}.',
      en: 'The value of {field} is invalid: {accepted}.',
    },
  },
  UNAUTHENTICATED: {
    description: 'The request carries no valid identity.',
    messages: {
      id: 'Anda perlu masuk terlebih dahulu.',
      en: 'You need to sign in first.',
    },
  },
  FORBIDDEN: {
    description: 'The caller is known but not allowed to do this.',
    messages: {
      id: 'Anda tidak memiliki izin untuk tindakan ini.',
      en: 'You are not allowed to do this.',
    },
  },
  SUBGRAPH_UNAVAILABLE: {
    description: 'The gateway could not reach the subgraph that serves these fields, or the subgraph did not respond in time.',
    messages: {
      id: 'Layanan {subgraph} sedang tidak dapat dihubungi. Data lain tetap ditampilkan; coba lagi beberapa saat lagi.',
      en: 'The {subgraph} service cannot be reached right now. Other data is still shown; please try again shortly.',
    },
  },
} as const satisfies ErrorRegistry;

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

export type ErrorParams = Record<string, string | number>;

/**
 * An expected error raised by a resolver: a registry code plus the values its message needs.
 * The host turns it into a GraphQL error with the message in the caller's language,
 * `extensions.code` and, for input errors, `extensions.field`.
 */
export class RagemError extends GraphQLError {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    readonly field?: string,
  ) {
    super(code, { extensions: field ? { code, field } : { code } });
    this.name = 'RagemError';
  }
}

/** Raise an input error on argument `field`, with the code of the subgraph's registry. */
export function inputError(code: string, field: string, params: ErrorParams = {}): RagemError {
  return new RagemError(code, { field, ...params }, field);
}

/** Fill a message template's `{name}` placeholders from params; unknown ones stay as written. */
export function renderMessage(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}

/** Return the problems of a registry (bad code format, missing text), for the plugin checks. */
export function checkRegistry(registry: ErrorRegistry): string[] {
  const problems: string[] = [];
  for (const [code, definition] of Object.entries(registry)) {
    if (!ERROR_CODE_PATTERN.test(code)) problems.push(`error code "${code}" must be SCREAMING_SNAKE_CASE`);
    if (code in PLATFORM_ERRORS) problems.push(`error code "${code}" is a platform code and cannot be redefined`);
    if (!definition.description?.trim()) problems.push(`error code "${code}" needs a description`);
    for (const language of ['id', 'en'] as const) {
      if (!definition.messages?.[language]?.trim()) {
        problems.push(`error code "${code}" needs a message in "${language}"`);
      }
    }
  }
  return problems;
}
