import { generateKeyPairSync } from 'node:crypto';
import { TEST_IDENTITY_SECRET } from './identity';

// Every process a test starts, in-process or spawned, signs and verifies caller identities and
// access tokens with the same keys, whatever data folder it uses.
process.env.RAGEM_IDENTITY_SECRET ??= TEST_IDENTITY_SECRET;
if (!process.env.RAGEM_JWT_PUBLIC_KEY || !process.env.RAGEM_JWT_PRIVATE_KEY) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  process.env.RAGEM_JWT_PUBLIC_KEY = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  process.env.RAGEM_JWT_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

// Tests submit many reports from one account; the hourly limit has its own test, which sets it lower.
process.env.RABEG_MAX_REPORTS_PER_HOUR ??= '1000';
