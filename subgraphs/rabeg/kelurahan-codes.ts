import fs from 'node:fs';
import path from 'node:path';

/** Kemendagri code of Kota Serang. */
const CITY_CODE = '36.73';

let codes: Set<string> | undefined;

/**
 * Codes of Kota Serang's 67 kelurahan, read from the npm package idn-area-data, the same source
 * as the regions subgraph, so a report's kelurahan is checked without calling another subgraph.
 */
export function kelurahanCodes(): Set<string> {
  if (!codes) {
    const file = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data', 'villages.csv');
    codes = new Set(
      fs
        .readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.startsWith(`${CITY_CODE}.`))
        .map((line) => line.split(',')[0]),
    );
    if (codes.size === 0) throw new Error(`idn-area-data contains no kelurahan of region ${CITY_CODE}; check the installed package`);
  }
  return codes;
}
