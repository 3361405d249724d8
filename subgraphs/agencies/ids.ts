/** Format of an OPD id, a lowercase slug such as `dinkop-ukm-perindag`. */
export const OPD_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Maximum length of an OPD id, in characters. */
export const MAX_OPD_ID_LENGTH = 64;

export function isValidOpdId(id: string): boolean {
  return id.length <= MAX_OPD_ID_LENGTH && OPD_ID_PATTERN.test(id);
}
