import 'reflect-metadata';
import { ConfigError } from '../plugins/config-spec';
import { createLogger, Logger } from '../plugins/logger';
import { loadPlatformConfig, PlatformConfig } from '../plugins/platform-config';

/** Read the settings or stop the process with a message naming each bad variable. */
export function configOrExit(): { config: PlatformConfig; logger: Logger } {
  try {
    const config = loadPlatformConfig();
    return { config, logger: createLogger({ level: config.LOG_LEVEL }) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error('See .env.example and the configuration table of README.md.');
      process.exit(2);
    }
    throw error;
  }
}

/** Close `target` on SIGINT or SIGTERM, then exit; a second signal exits at once. */
export function closeOnSignals(logger: Logger, target: { close(): Promise<void> }): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping');
    target.close().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'clean stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Log a start-up failure and exit non-zero. */
export function exitOnStartFailure(logger: Logger, error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: error }, message);
  process.exit(1);
}
