/** Kemendagri code of Kota Serang. */
export const CITY_CODE = '36.73';
export const CITY_NAME = 'Kota Serang';

export const KECAMATAN_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}$/;
export const KELURAHAN_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** Longest accepted kelurahanSearch term, in characters. */
export const MAX_SEARCH_LENGTH = 100;

/** Lower-case a name and drop everything but letters and digits: "Cipocok  Jaya" -> "cipocokjaya". */
export function searchKeyOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
