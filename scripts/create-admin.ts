import { parseArgs } from 'node:util';
import { openDatabase } from '../plugins/database';
import { RagemError, renderMessage } from '../plugins/errors';
import { loadPlugin } from '../plugins/plugin-loader';
import { ACCOUNTS_ERRORS } from '../subgraphs/accounts/errors';
import { createAccount } from '../subgraphs/accounts/store';
import { AccountRole } from '../subgraphs/accounts/types';
import { validateNewAccount } from '../subgraphs/accounts/validation';
import { configOrExit } from './process-support';

const USAGE =
  'Usage: RAGEM_ADMIN_PASSWORD=<password> node dist/scripts/create-admin.js --name <display name> (--email <address> | --phone <number>)\n' +
  'Without RAGEM_ADMIN_PASSWORD the password is read from standard input (one line).';

/** Source of each registration field, named in error messages in place of the GraphQL field. */
const SOURCE_OF_FIELD: Record<string, string> = {
  displayName: '--name',
  email: '--email',
  phone: '--phone',
  password: 'RAGEM_ADMIN_PASSWORD or standard input',
};

/** Read standard input to its end and return its first line. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/**
 * `node dist/scripts/create-admin.js`: create an ADMIN account in the accounts database that the
 * settings select (SQLite under DATA_DIR, or DATABASE_URL), with the registration rules.
 * Exits 1 when the input is rejected and 2 on wrong usage.
 */
async function main(): Promise<void> {
  const { config, logger } = configOrExit();
  let values: { name?: string; email?: string; phone?: string };
  try {
    ({ values } = parseArgs({ options: { name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.name === undefined || (values.email === undefined && values.phone === undefined)) {
    console.error(USAGE);
    process.exit(2);
  }
  const password = process.env.RAGEM_ADMIN_PASSWORD ?? (await readPasswordFromStdin());

  const db = await openDatabase(loadPlugin('accounts'), { dataDir: config.dataDir, databaseUrl: config.DATABASE_URL }, logger);
  try {
    const account = validateNewAccount({ displayName: values.name, email: values.email, phone: values.phone, password });
    const row = await createAccount(db, account, { role: AccountRole.ADMIN, opdId: null, now: new Date() });
    console.log(`Created ADMIN account ${row.id}.`);
  } catch (error) {
    if (!(error instanceof RagemError)) throw error;
    const definition = ACCOUNTS_ERRORS[error.code as keyof typeof ACCOUNTS_ERRORS];
    console.error(definition ? renderMessage(definition.messages.en, { ...error.params, field: SOURCE_OF_FIELD[error.field ?? ''] ?? String(error.field) }) : error.code);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

void main();
