import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-spec';

/** Keys of the platform: the identity HMAC secret and the Ed25519 key pair of access tokens. */
export interface PlatformSecrets {
  identitySecret: string;
  /** SPKI PEM; the gateway verifies access tokens with it. */
  jwtPublicKey: string;
  /** PKCS#8 PEM; only the accounts subgraph signs with it. Absent when not configured. */
  jwtPrivateKey?: string;
}

export const SECRETS_FILE = 'secrets.json';
const MIN_SECRET_LENGTH = 32;

function generateSecrets(): Required<PlatformSecrets> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    identitySecret: randomBytes(32).toString('base64url'),
    jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwtPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Read the secrets of the data folder, creating them (file mode 0600) on first use. Several
 * processes may start at once: the first to create the file wins and the others read it.
 */
function embeddedSecrets(dataDir: string): Required<PlatformSecrets> {
  const file = path.join(dataDir, SECRETS_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(generateSecrets(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // A process that lost the race may read before the winner finished writing.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Required<PlatformSecrets>;
    } catch (error) {
      if (attempt >= 20) throw new ConfigError([`${file} is not a valid secrets file: ${(error as Error).message}; delete it to generate new secrets`]);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

/**
 * Load the platform secrets. Outside production they are generated into DATA_DIR/secrets.json,
 * shared by every process using that folder, and the environment variables below override them
 * when set. In production they come from RAGEM_IDENTITY_SECRET,
 * RAGEM_JWT_PUBLIC_KEY and RAGEM_JWT_PRIVATE_KEY, and the process refuses to start when one it
 * needs is missing.
 */
export function loadSecrets(options: {
  isProduction: boolean;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Require the access-token public key (the gateway verifies tokens with it). */
  needsPublicKey?: boolean;
  /** Require the access-token private key (the process that signs tokens). */
  needsPrivateKey?: boolean;
}): PlatformSecrets {
  if (!options.isProduction) {
    const embedded = embeddedSecrets(options.dataDir);
    // Processes with different data folders still agree when the environment sets the secret.
    const fromEnv = options.env.RAGEM_IDENTITY_SECRET;
    if (fromEnv !== undefined && fromEnv.length < MIN_SECRET_LENGTH) {
      throw new ConfigError([`RAGEM_IDENTITY_SECRET is shorter than ${MIN_SECRET_LENGTH} characters; unset it to use the generated one`]);
    }
    const publicKey = options.env.RAGEM_JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
    const privateKey = options.env.RAGEM_JWT_PRIVATE_KEY?.replace(/\\n/g, '\n');
    return {
      identitySecret: fromEnv || embedded.identitySecret,
      jwtPublicKey: publicKey || embedded.jwtPublicKey,
      jwtPrivateKey: privateKey || embedded.jwtPrivateKey,
    };
  }

  const problems: string[] = [];
  const identitySecret = options.env.RAGEM_IDENTITY_SECRET ?? '';
  const jwtPublicKey = (options.env.RAGEM_JWT_PUBLIC_KEY ?? '').replace(/\\n/g, '\n');
  const jwtPrivateKey = (options.env.RAGEM_JWT_PRIVATE_KEY ?? '').replace(/\\n/g, '\n');
  if (identitySecret.length < MIN_SECRET_LENGTH) {
    problems.push(`RAGEM_IDENTITY_SECRET is missing or shorter than ${MIN_SECRET_LENGTH} characters; set the same random value in the gateway and every subgraph`);
  }
  if (options.needsPublicKey && !jwtPublicKey.includes('BEGIN PUBLIC KEY')) {
    problems.push('RAGEM_JWT_PUBLIC_KEY is missing or not a PEM public key; set the Ed25519 public key of the accounts subgraph');
  }
  if (options.needsPrivateKey && !jwtPrivateKey.includes('BEGIN PRIVATE KEY')) {
    problems.push('RAGEM_JWT_PRIVATE_KEY is missing or not a PEM private key; set the Ed25519 private key (PKCS#8) of the accounts subgraph');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { identitySecret, jwtPublicKey, jwtPrivateKey: jwtPrivateKey || undefined };
}
