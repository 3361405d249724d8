import { CONTRACT_VERSION, definePlugin } from '../../plugins/contract';
import { CategoryResolver } from './category-resolver';
import { RABEG_CONFIG } from './config';
import { CategoryRow, ReportEventRow, ReportRow, SupportRow } from './entities';
import { RABEG_ERRORS } from './errors';
import { CLOSE_UNANSWERED_JOB } from './jobs';
import { LifecycleResolver } from './lifecycle-resolver';
import { createRabegLoaders, RabegLoaders } from './loaders';
import { CreateRabeg1796515200000 } from './migrations/1796515200000-create-rabeg';
import { COORDINATE_PERMISSION } from './permissions';
import { ReportEventResolver, ReportResolver } from './report-resolver';
import { canRead, toReport } from './reports';
import { isReportId } from './input-formats';
import { seedRabeg } from './seed';
import { KelurahanReportsResolver, OpdReportsResolver, StatsResolver } from './stats-resolver';
import { SubmitResolver } from './submit-resolver';
import { Account, Kelurahan, Opd } from './types';

export default definePlugin({
  name: 'rabeg',
  contractVersion: CONTRACT_VERSION,
  owner: 'diskominfo',
  description:
    'Rabeg citizen reports: categories routed to the responsible OPD, a checked lifecycle with deadlines in working days, duplicates, support and public figures. Adds reports to the Kelurahan entity and reports and rabegStats to the Opd entity.',
  schema: {
    resolvers: [CategoryResolver, ReportResolver, ReportEventResolver, SubmitResolver, LifecycleResolver, StatsResolver, OpdReportsResolver, KelurahanReportsResolver],
    orphanedTypes: [Kelurahan, Opd, Account],
    references: {
      // Null unless the caller may read the report, so _entities reveals nothing the lists hide.
      Report: async (reference, { loaders, identity, auth }) => {
        if (!isReportId(String(reference.id))) return null;
        const row = await (loaders as RabegLoaders).reportById.load(String(reference.id));
        if (!row) return null;
        const report = toReport(row);
        return canRead(report, identity, auth) ? report : null;
      },
      // The regions and agencies subgraphs own these; only the key is needed here.
      Kelurahan: (reference): Kelurahan => ({ code: String(reference.code) }),
      Opd: (reference): Opd => ({ id: String(reference.id) }),
    },
  },
  database: {
    entities: [CategoryRow, ReportRow, ReportEventRow, SupportRow],
    migrations: [CreateRabeg1796515200000],
    seed: seedRabeg,
  },
  errors: RABEG_ERRORS,
  permissions: {
    [COORDINATE_PERMISSION]: {
      id: 'Memverifikasi, meneruskan ke OPD, mengalihkan, dan menutup semua laporan Rabeg, termasuk laporan rahasia.',
      en: 'Verify, dispatch to an OPD, reroute and close every Rabeg report, confidential ones included.',
    },
  },
  config: RABEG_CONFIG,
  jobs: [CLOSE_UNANSWERED_JOB],
  createLoaders: createRabegLoaders,
});
