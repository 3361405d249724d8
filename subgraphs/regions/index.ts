import { definePlugin, CONTRACT_VERSION } from '../../plugins/contract';
import { KecamatanRow, KelurahanRow } from './entities';
import { REGIONS_ERRORS } from './errors';
import { createRegionsLoaders, RegionsLoaders } from './loaders';
import { CreateRegions1764806400000 } from './migrations/1764806400000-create-regions';
import { KecamatanResolver, KelurahanResolver, toKecamatan, toKelurahan } from './resolvers';
import { seedRegions } from './seed';

export default definePlugin({
  name: 'regions',
  contractVersion: CONTRACT_VERSION,
  owner: 'diskominfo',
  description: 'Kota Serang (36.73), its kecamatan and kelurahan, keyed by Kemendagri code.',
  schema: {
    resolvers: [KecamatanResolver, KelurahanResolver],
    references: {
      Kecamatan: async (reference, { loaders }) => {
        const row = await (loaders as RegionsLoaders).kecamatanByCode.load(String(reference.code));
        return row && toKecamatan(row);
      },
      Kelurahan: async (reference, { loaders }) => {
        const row = await (loaders as RegionsLoaders).kelurahanByCode.load(String(reference.code));
        return row && toKelurahan(row);
      },
    },
  },
  database: {
    entities: [KecamatanRow, KelurahanRow],
    migrations: [CreateRegions1764806400000],
    seed: seedRegions,
  },
  errors: REGIONS_ERRORS,
  createLoaders: createRegionsLoaders,
});
