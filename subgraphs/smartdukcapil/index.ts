import { CONTRACT_VERSION, definePlugin } from '../../plugins/contract';
import { ApplicationResolver } from './application-resolver';
import { CatalogueResolver, KecamatanServicePointsResolver, ServicePointResolver, SlotFieldResolver, toServicePoint } from './catalogue-resolver';
import { ApplicationEventRow, ApplicationRow, DukcapilServiceRow, ServicePointRow, SlotRow } from './entities';
import { SMARTDUKCAPIL_ERRORS } from './errors';
import { createSmartdukcapilLoaders, SmartdukcapilLoaders } from './loaders';
import { CreateSmartdukcapil1796428800000 } from './migrations/1796428800000-create-smartdukcapil';
import { OFFICER_PERMISSION } from './permissions';
import { seedSmartdukcapil } from './seed';
import { SlotResolver } from './slot-resolver';
import { Kecamatan } from './types';

export default definePlugin({
  name: 'smartdukcapil',
  contractVersion: CONTRACT_VERSION,
  owner: 'disdukcapil',
  description:
    'Civil registry services of Disdukcapil Kota Serang: the service catalogue, service points, slots and applications. Adds servicePoints to the Kecamatan entity of the regions subgraph.',
  schema: {
    resolvers: [CatalogueResolver, ServicePointResolver, SlotFieldResolver, SlotResolver, ApplicationResolver, KecamatanServicePointsResolver],
    orphanedTypes: [Kecamatan],
    references: {
      ServicePoint: async (reference, { loaders }) => {
        const row = await (loaders as SmartdukcapilLoaders).servicePointById.load(String(reference.id));
        return row && toServicePoint(row);
      },
      // The regions subgraph owns Kecamatan, so this returns only the key that servicePoints needs.
      Kecamatan: (reference): Kecamatan => ({ code: String(reference.code) }),
    },
  },
  database: {
    entities: [DukcapilServiceRow, ServicePointRow, SlotRow, ApplicationRow, ApplicationEventRow],
    migrations: [CreateSmartdukcapil1796428800000],
    seed: seedSmartdukcapil,
  },
  errors: SMARTDUKCAPIL_ERRORS,
  permissions: {
    [OFFICER_PERMISSION]: {
      id: 'Membuka jadwal layanan, melihat semua permohonan beserta data pribadinya, dan mengubah status permohonan Disdukcapil.',
      en: 'Open service slots, read every application with its personal data, and change the state of Disdukcapil applications.',
    },
  },
  createLoaders: createSmartdukcapilLoaders,
});
