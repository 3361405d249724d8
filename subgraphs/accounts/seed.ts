import { randomUUID } from 'node:crypto';
import type { PluginServices } from '../../plugins/contract';
import { AccountRow, PermissionGrantRow } from './entities';
import { hashPassword } from './passwords';
import { AccountRole } from './types';
import { getSigningKey } from './signing-key';

/** Password of every demo account. Demo accounts exist only outside production. */
export const DEMO_PASSWORD = 'Demo-ragem-2026';

interface DemoAccount {
  email: string;
  displayName: string;
  role: AccountRole;
  opdId: string | null;
  permissions: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'warga@demo.ragem.id', displayName: 'Warga Demo', role: AccountRole.CITIZEN, opdId: null, permissions: [] },
  { email: 'admin@demo.ragem.id', displayName: 'Admin Demo', role: AccountRole.ADMIN, opdId: null, permissions: [] },
  { email: 'dishub@demo.ragem.id', displayName: 'Petugas Dishub Demo', role: AccountRole.OFFICER, opdId: 'dishub', permissions: [] },
  { email: 'dpupr@demo.ragem.id', displayName: 'Petugas DPUPR Demo', role: AccountRole.OFFICER, opdId: 'dpupr', permissions: [] },
  {
    email: 'koordinator@demo.ragem.id',
    displayName: 'Koordinator Demo',
    role: AccountRole.OFFICER,
    opdId: 'diskominfo',
    permissions: ['rabeg:coordinate'],
  },
];

/**
 * Insert the demo accounts outside production; safe to rerun. An existing demo account gets its
 * name, role and OPD back but keeps its password hash, so a restart does no scrypt work.
 */
export async function seedAccounts({ db, clock, logger }: PluginServices): Promise<void> {
  // Load the signing key at start, so a production process without it refuses to start.
  await getSigningKey();
  if (process.env.NODE_ENV === 'production') return;
  const now = clock.now().toISOString();
  const accounts = db.getRepository(AccountRow);

  let created = 0;
  // The demo password is public, so one hash (one salt) serves every demo account: each scrypt
  // run takes 16 MiB, which a cold start on a small server would otherwise pay five times.
  let demoHash: string | undefined;
  for (const demo of DEMO_ACCOUNTS) {
    let row = await accounts.findOneBy({ email: demo.email });
    if (row) {
      if (row.displayName !== demo.displayName || row.role !== demo.role || row.opdId !== demo.opdId) {
        await accounts.update({ id: row.id }, { displayName: demo.displayName, role: demo.role, opdId: demo.opdId, updatedAt: now });
      }
    } else {
      row = {
        id: randomUUID(),
        displayName: demo.displayName,
        email: demo.email,
        phone: null,
        passwordHash: (demoHash ??= await hashPassword(DEMO_PASSWORD)),
        role: demo.role,
        opdId: demo.opdId,
        createdAt: now,
        updatedAt: now,
      };
      await accounts.insert(row);
      created += 1;
    }
    for (const permission of demo.permissions) {
      await db
        .createQueryBuilder()
        .insert()
        .into(PermissionGrantRow)
        .values({ accountId: row.id, permission, grantedBy: null, grantedAt: now })
        .orIgnore()
        .execute();
    }
  }
  logger.info({ demoAccounts: DEMO_ACCOUNTS.length, created }, 'demo accounts seeded');
}
