import type { ErrorRegistry } from '../../plugins/errors';

export const AGENCIES_ERRORS = {
  INVALID_OPD_ID: {
    description:
      'An OPD id argument is not a lowercase slug (letters and digits, words joined by single hyphens, starting with a letter) or is longer than the limit.',
    messages: {
      id: 'Id OPD pada {field} tidak valid. Gunakan huruf kecil a-z dan angka, kata dipisah satu tanda hubung, diawali huruf, paling panjang {max} karakter, misalnya {example}.',
      en: 'The OPD id in {field} is invalid. Use lowercase letters a-z and digits, words joined by single hyphens, starting with a letter and at most {max} characters, for example {example}.',
    },
  },
} satisfies ErrorRegistry;
