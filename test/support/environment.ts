import { TEST_IDENTITY_SECRET } from './identity';

// Every process a test starts, in-process or spawned, signs and verifies caller identities with
// the same secret, whatever data folder it uses.
process.env.RAGEM_IDENTITY_SECRET ??= TEST_IDENTITY_SECRET;
