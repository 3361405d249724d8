import { Writable } from 'node:stream';
import { createLogger, Logger } from '../../plugins/logger';

/** Create a logger whose JSON lines are kept in memory, so tests can search every line. */
export function createCapturingLogger(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
