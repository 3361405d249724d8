import { randomInt } from 'node:crypto';

/** Crockford base 32 without I, L, O and U, so a number read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_LENGTH = 5;

/**
 * Draw a tracking number such as RBG-261205-7K3QM: the local submission date (YYMMDD) and five random
 * characters, over 33 million numbers a day. The unique index catches a collision and the caller
 * draws again.
 */
export function newTrackingNumber(localDate: string): string {
  let random = '';
  for (let index = 0; index < RANDOM_LENGTH; index += 1) random += ALPHABET[randomInt(ALPHABET.length)];
  return `RBG-${localDate.slice(2).replace(/-/g, '')}-${random}`;
}
