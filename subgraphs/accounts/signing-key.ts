import { importPKCS8, KeyLike } from 'jose';
import { loadPlatformConfig } from '../../plugins/platform-config';
import { loadSecrets } from '../../plugins/secrets';

let signingKey: Promise<KeyLike> | undefined;

/**
 * Return the Ed25519 private key that signs access tokens, loaded on first use and kept for the
 * life of the process. Outside production it comes from DATA_DIR/secrets.json (generated on
 * first use), in production from RAGEM_JWT_PRIVATE_KEY.
 */
export function getSigningKey(): Promise<KeyLike> {
  signingKey ??= (async () => {
    const secrets = loadSecrets({
      isProduction: process.env.NODE_ENV === 'production',
      dataDir: loadPlatformConfig().dataDir,
      env: process.env,
      needsPrivateKey: true,
    });
    if (!secrets.jwtPrivateKey) throw new Error('the access-token private key is missing from the platform secrets');
    return importPKCS8(secrets.jwtPrivateKey, 'EdDSA');
  })();
  // A failed load is not cached, so a fixed configuration takes effect on the next request.
  signingKey.catch(() => {
    signingKey = undefined;
  });
  return signingKey;
}
