import type { ErrorRegistry } from '../../plugins/errors';

export const REGIONS_ERRORS = {
  INVALID_REGION_CODE: {
    description: 'A region code argument is not in Kemendagri format (for example 36.73.01 or 36.73.01.1011).',
    messages: {
      id: 'Kode wilayah pada argumen {field} tidak valid. Gunakan format Kemendagri {format}, misalnya {example}.',
      en: 'The region code in argument {field} is invalid. Use the Kemendagri format {format}, for example {example}.',
    },
  },
  INVALID_SEARCH_TERM: {
    description: 'A search term is empty after trimming or longer than the limit.',
    messages: {
      id: 'Kata pencarian pada {field} harus berisi 1 sampai {max} karakter huruf atau angka.',
      en: 'The search term in {field} must hold 1 to {max} letters or digits.',
    },
  },
} satisfies ErrorRegistry;
