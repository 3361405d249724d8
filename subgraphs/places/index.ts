import { CONTRACT_VERSION, definePlugin } from '../../plugins/contract';
import { WifiPointRow } from './entities';
import { PLACES_ERRORS } from './errors';
import { createPlacesLoaders, PlacesLoaders } from './loaders';
import { CreateWifiPoint1764892800000 } from './migrations/1764892800000-create-wifi-point';
import { KelurahanWifiResolver, toWifiPoint, WifiPointResolver } from './resolvers';
import { seedPlaces } from './seed';
import { Kelurahan } from './types';

export default definePlugin({
  name: 'places',
  contractVersion: CONTRACT_VERSION,
  owner: 'diskominfo',
  description: 'Public places of Kota Serang, starting with free WiFi points. Adds wifiPoints to the Kelurahan entity of the regions subgraph.',
  schema: {
    resolvers: [WifiPointResolver, KelurahanWifiResolver],
    orphanedTypes: [Kelurahan],
    references: {
      WifiPoint: async (reference, { loaders }) => {
        const row = await (loaders as PlacesLoaders).wifiPointById.load(String(reference.id));
        return row && toWifiPoint(row);
      },
      // The regions subgraph owns Kelurahan, so this returns only the key that wifiPoints needs.
      Kelurahan: (reference): Kelurahan => ({ code: String(reference.code) }),
    },
  },
  database: {
    entities: [WifiPointRow],
    migrations: [CreateWifiPoint1764892800000],
    seed: seedPlaces,
  },
  errors: PLACES_ERRORS,
  createLoaders: createPlacesLoaders,
});
