import fs from 'node:fs';
import path from 'node:path';
import type { PluginServices } from '../../plugins/contract';
import { CITY_CODE, searchKeyOf } from './codes';
import { KecamatanRow, KelurahanRow } from './entities';

/** Folder of the CSV files of the npm package idn-area-data (Kemendagri codes and names). */
function idnAreaDataDir(): string {
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Split one CSV line, honouring double-quoted fields. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}

/** Rows of a CSV file whose first column starts with `codePrefix`, as [code, parentCode, name]. */
export function readAreaRows(file: string, codePrefix: string): [string, string, string][] {
  const text = fs.readFileSync(path.join(idnAreaDataDir(), file), 'utf8');
  const rows: [string, string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith(codePrefix)) continue;
    const [code, parentCode, name] = parseCsvLine(line);
    rows.push([code, parentCode, name.trim()]);
  }
  return rows;
}

/** Insert or update Kota Serang's kecamatan and kelurahan from idn-area-data; safe to rerun. */
export async function seedRegions({ db, logger }: PluginServices): Promise<void> {
  const kecamatan = readAreaRows('districts.csv', `${CITY_CODE}.`).map(([code, cityCode, name]) => ({ code, cityCode, name }));
  const kelurahan = readAreaRows('villages.csv', `${CITY_CODE}.`).map(([code, kecamatanCode, name]) => ({
    code,
    kecamatanCode,
    name,
    searchKey: searchKeyOf(name),
  }));
  if (kecamatan.length === 0 || kelurahan.length === 0) {
    throw new Error(`idn-area-data contains no rows for region ${CITY_CODE}; check the installed package`);
  }

  await db.transaction(async (manager) => {
    await manager.getRepository(KecamatanRow).upsert(kecamatan, ['code']);
    await manager.getRepository(KelurahanRow).upsert(kelurahan, ['code']);
  });
  logger.info({ kecamatan: kecamatan.length, kelurahan: kelurahan.length }, 'regions seeded');
}
