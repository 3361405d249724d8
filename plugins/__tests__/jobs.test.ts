import { createCapturingLogger } from '../../test/support/logs';
import type { PluginJob, PluginServices } from '../contract';
import { scheduleJobs } from '../jobs';

type JobResult = Record<string, number> | void;

/** Create a promise with its resolve and reject functions, so a test decides when a job run ends. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** Services with only a capturing logger; the jobs here touch nothing else. */
function fakeServices() {
  const capture = createCapturingLogger();
  const services = { logger: capture.logger } as unknown as PluginServices;
  const entries = () => capture.lines.map((line) => JSON.parse(line) as Record<string, any>);
  return { services, entries };
}

/** Build a job whose runs return the results of `answers` in turn; the last one repeats. It counts its runs. */
function scriptedJob(name: string, intervalMs: number, answers: (() => Promise<JobResult>)[]) {
  const job = {
    name,
    intervalMs,
    runs: 0,
    run: () => {
      const answer = answers[Math.min(job.runs, answers.length - 1)];
      job.runs += 1;
      return answer();
    },
  };
  return job as PluginJob & { runs: number };
}

/** Let pending promise callbacks run; the jobs here finish within a few turns. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
}

describe('run', () => {
  test('returns the counts and logs them', async () => {
    const { services, entries } = fakeServices();
    const job = scriptedJob('close-unanswered', 60_000, [async () => ({ closed: 2, skipped: 1 })]);
    const jobs = scheduleJobs([job], services, { start: false });

    const result = await jobs.run('close-unanswered');

    expect(result).toEqual({ closed: 2, skipped: 1 });
    const finished = entries().filter((entry) => entry.msg === 'job finished');
    expect(finished).toEqual([expect.objectContaining({ job: 'close-unanswered', closed: 2, skipped: 1, level: 'info' })]);
    expect(typeof finished[0].durationMs).toBe('number');
  });

  test('unknown job name rejects with the known names', async () => {
    const { services } = fakeServices();
    const jobs = scheduleJobs([scriptedJob('alpha', 1000, [async () => undefined]), scriptedJob('beta', 1000, [async () => undefined])], services, { start: false });
    const none = scheduleJobs([], services, { start: false });

    await expect(jobs.run('gamma')).rejects.toThrow('No job named gamma; known: alpha, beta');
    await expect(none.run('gamma')).rejects.toThrow('No job named gamma; known: none');
  });

  test('overlapping calls share one run', async () => {
    const { services } = fakeServices();
    const gate = deferred<JobResult>();
    const job = scriptedJob('slow', 60_000, [() => gate.promise, async () => ({ closed: 0 })]);
    const jobs = scheduleJobs([job], services, { start: false });

    const first = jobs.run('slow');
    const second = jobs.run('slow');
    gate.resolve({ closed: 3 });

    const results = await Promise.all([first, second]);
    expect(job.runs).toBe(1);
    expect(results[0]).toEqual({ closed: 3 });
    expect(results[1]).toBe(results[0]);
    expect(await jobs.run('slow')).toEqual({ closed: 0 });
    expect(job.runs).toBe(2);
  });

  test('failed run rejects and the next call runs again', async () => {
    const { services } = fakeServices();
    const job = scriptedJob('flaky', 60_000, [() => Promise.reject(new Error('database is locked')), async () => ({ closed: 1 })]);
    const jobs = scheduleJobs([job], services, { start: false });

    await expect(jobs.run('flaky')).rejects.toThrow('database is locked');
    expect(await jobs.run('flaky')).toEqual({ closed: 1 });
    expect(job.runs).toBe(2);
  });
});

describe('schedule', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test('start false sets no timers', async () => {
    const { services } = fakeServices();
    const job = scriptedJob('idle', 1000, [async () => undefined]);
    scheduleJobs([job], services, { start: false });

    await jest.advanceTimersByTimeAsync(10_000);

    expect(job.runs).toBe(0);
  });

  test('next run starts intervalMs after the previous one ended', async () => {
    const { services } = fakeServices();
    const gate = deferred<JobResult>();
    const job = scriptedJob('timed', 1000, [() => gate.promise, async () => ({ closed: 0 })]);
    const jobs = scheduleJobs([job], services, { start: true });

    await jest.advanceTimersByTimeAsync(999);
    expect(job.runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(job.runs).toBe(1);

    // The first run is still going, so no second run starts however long it takes.
    await jest.advanceTimersByTimeAsync(5000);
    expect(job.runs).toBe(1);

    gate.resolve({ closed: 1 });
    await settle();
    await jest.advanceTimersByTimeAsync(999);
    expect(job.runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(job.runs).toBe(2);
    await jobs.stop();
  });

  test('failed run is logged and the schedule continues', async () => {
    const { services, entries } = fakeServices();
    const job = scriptedJob('flaky', 1000, [() => Promise.reject(new Error('database is locked')), async () => ({ closed: 4 })]);
    const jobs = scheduleJobs([job], services, { start: true });

    await jest.advanceTimersByTimeAsync(1000);
    await settle();
    const failed = entries().filter((entry) => entry.msg === 'job failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 'error', job: 'flaky', err: { message: 'database is locked' } });

    await jest.advanceTimersByTimeAsync(1000);
    await settle();
    expect(job.runs).toBe(2);
    expect(entries().filter((entry) => entry.msg === 'job finished')).toEqual([expect.objectContaining({ job: 'flaky', closed: 4 })]);
    await jobs.stop();
  });

  test('runJob during a timed run shares it', async () => {
    const { services } = fakeServices();
    const gate = deferred<JobResult>();
    const job = scriptedJob('shared', 1000, [() => gate.promise]);
    const jobs = scheduleJobs([job], services, { start: true });

    await jest.advanceTimersByTimeAsync(1000);
    const byHand = jobs.run('shared');
    gate.resolve({ closed: 5 });

    expect(await byHand).toEqual({ closed: 5 });
    expect(job.runs).toBe(1);
    await jobs.stop();
  });

  test('stop waits for the run in progress and ends the schedule', async () => {
    const { services } = fakeServices();
    const gate = deferred<JobResult>();
    const job = scriptedJob('long', 1000, [() => gate.promise, async () => undefined]);
    const jobs = scheduleJobs([job], services, { start: true });
    await jest.advanceTimersByTimeAsync(1000);
    expect(job.runs).toBe(1);

    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);

    gate.resolve({ closed: 1 });
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(job.runs).toBe(1);
  });

  test('stop before the first run cancels it', async () => {
    const { services } = fakeServices();
    const job = scriptedJob('never', 1000, [async () => undefined]);
    const jobs = scheduleJobs([job], services, { start: true });

    await jobs.stop();
    await jest.advanceTimersByTimeAsync(10_000);

    expect(job.runs).toBe(0);
  });

  test('each job keeps its own interval', async () => {
    const { services } = fakeServices();
    const fast = scriptedJob('fast', 1000, [async () => undefined]);
    const slow = scriptedJob('slow', 3000, [async () => undefined]);
    const jobs = scheduleJobs([fast, slow], services, { start: true });

    await jest.advanceTimersByTimeAsync(3000);

    expect(fast.runs).toBe(3);
    expect(slow.runs).toBe(1);
    await jobs.stop();
  });
});
