import type { PluginJob, PluginServices } from './contract';

export interface ScheduledJobs {
  /** Run a job now; a run already in progress is awaited and reused rather than overlapped. */
  run(name: string): Promise<Record<string, number> | void>;
  /** Stop the timers and wait for runs in progress. */
  stop(): Promise<void>;
}

/**
 * Repeat each job of a plugin: the next run starts `intervalMs` after the previous one ended, so
 * runs never overlap. A failed run is logged and retried at the next interval.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function scheduleJobs(jobs: PluginJob<any>[], services: PluginServices<any>, options: { start: boolean }): ScheduledJobs {
  const running = new Map<string, Promise<Record<string, number> | void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  function run(job: PluginJob<any>): Promise<Record<string, number> | void> {
    const current = running.get(job.name);
    if (current) return current;
    const started = Date.now();
    const promise = job
      .run(services)
      .then((result) => {
        services.logger.info({ job: job.name, durationMs: Date.now() - started, ...(result ?? {}) }, 'job finished');
        return result;
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, promise);
    return promise;
  }

  function plan(job: PluginJob<any>): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      run(job)
        .catch((error: unknown) => services.logger.error({ job: job.name, err: error }, 'job failed'))
        .finally(() => plan(job));
    }, job.intervalMs);
    timer.unref();
    timers.set(job.name, timer);
  }

  if (options.start) jobs.forEach(plan);

  return {
    run(name) {
      const job = jobs.find((candidate) => candidate.name === name);
      if (!job) return Promise.reject(new Error(`No job named ${name}; known: ${jobs.map((candidate) => candidate.name).join(', ') || 'none'}`));
      return run(job);
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled(running.values());
    },
  };
}
