/** Format of a place id, a lowercase slug such as `gedung-juang-45`. */
export const PLACE_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Maximum length of a place id, in characters. */
export const MAX_PLACE_ID_LENGTH = 64;

export function isValidPlaceId(id: string): boolean {
  return id.length <= MAX_PLACE_ID_LENGTH && PLACE_ID_PATTERN.test(id);
}
