import { CONTRACT_VERSION, definePlugin } from '../../plugins/contract';
import { OpdRow } from './entities';
import { AGENCIES_ERRORS } from './errors';
import { AgenciesLoaders, createAgenciesLoaders } from './loaders';
import { CreateOpd1764892800000 } from './migrations/1764892800000-create-opd';
import { OpdResolver, toOpd } from './resolvers';
import { seedAgencies } from './seed';

export default definePlugin({
  name: 'agencies',
  contractVersion: CONTRACT_VERSION,
  owner: 'diskominfo',
  description: 'Directory of the OPD (government agencies) of Kota Serang, keyed by slug. It is partial: the seed lists 14 of about 32-33 OPD.',
  schema: {
    resolvers: [OpdResolver],
    references: {
      Opd: async (reference, { loaders }) => {
        const row = await (loaders as AgenciesLoaders).opdById.load(String(reference.id));
        return row && toOpd(row);
      },
    },
  },
  database: {
    entities: [OpdRow],
    migrations: [CreateOpd1764892800000],
    seed: seedAgencies,
  },
  errors: AGENCIES_ERRORS,
  createLoaders: createAgenciesLoaders,
});
