import { ManualClock } from '../../../plugins/clock';
import { WorkingDayCalendar } from '../../../plugins/working-days';
import {
  act,
  actOk,
  ADMIN,
  ANONYMOUS,
  Caller,
  citizen,
  COORDINATOR,
  countRows,
  DISHUB,
  DPUPR,
  RabegHarness,
  reportIn,
  reportRow,
  setWib,
  startRabeg,
  State,
  STATES,
  submitReport,
  timelineRows,
} from './helpers';

const REPORTER = citizen('reporter-1');
const OTHER_CITIZEN = citizen('citizen-other');

let rabeg: RabegHarness;

beforeAll(async () => {
  rabeg = await startRabeg();
});

afterAll(async () => {
  await rabeg?.close();
});

/** State and number of timeline entries of a report, read from the database. */
async function snapshot(trackingNumber: string): Promise<{ state: string; entries: number }> {
  const row = await reportRow(rabeg, trackingNumber);
  return { state: row.state, entries: (await timelineRows(rabeg, row.id)).length };
}

describe('transition matrix', () => {
  interface Action {
    mutation: string;
    args: Record<string, string>;
    /** Caller allowed to take the action on a report in `state`. */
    caller: (state: State) => Caller;
    from: State[];
    to: State;
    /** Timeline action the change records. */
    entry: (state: State) => string;
  }

  // Before dispatch the report has no OPD, so an admin acts in place of its officer.
  const officerFor = (state: State) => (state === 'SUBMITTED' || state === 'VERIFIED' ? ADMIN : DISHUB);
  const ACTIONS: Action[] = [
    { mutation: 'verifyReport', args: {}, caller: () => COORDINATOR, from: ['SUBMITTED'], to: 'VERIFIED', entry: () => 'VERIFIED' },
    {
      mutation: 'dispatchReport',
      args: { opdId: 'dpupr' },
      caller: () => COORDINATOR,
      from: ['VERIFIED', 'DISPATCHED'],
      to: 'DISPATCHED',
      entry: (state) => (state === 'DISPATCHED' ? 'REROUTED' : 'DISPATCHED'),
    },
    { mutation: 'startReportWork', args: {}, caller: officerFor, from: ['DISPATCHED'], to: 'IN_PROGRESS', entry: () => 'WORK_STARTED' },
    { mutation: 'resolveReport', args: { note: 'Lampu diganti' }, caller: officerFor, from: ['IN_PROGRESS'], to: 'RESOLVED', entry: () => 'RESOLVED' },
    { mutation: 'confirmReportFix', args: {}, caller: () => REPORTER, from: ['RESOLVED'], to: 'CLOSED', entry: () => 'CLOSED' },
    { mutation: 'rejectReportFix', args: { note: 'Masih mati' }, caller: () => REPORTER, from: ['RESOLVED'], to: 'IN_PROGRESS', entry: () => 'FIX_REJECTED' },
    {
      mutation: 'closeReport',
      args: { reason: 'INVALID', note: 'Bukan laporan nyata' },
      caller: () => COORDINATOR,
      from: ['SUBMITTED', 'VERIFIED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED'],
      to: 'CLOSED',
      entry: () => 'CLOSED',
    },
  ];
  const cells = ACTIONS.flatMap((action) => STATES.map((state) => ({ action, state, allowed: action.from.includes(state) })));

  test.each(cells.map((cell) => [cell.action.mutation, cell.state, cell.allowed ? 'succeeds' : 'is an invalid transition', cell]))(
    '%s from %s %s',
    async (_mutation, _state, _outcome, { action, state, allowed }) => {
      const report = await reportIn(rabeg, state, REPORTER);
      const before = await snapshot(report.trackingNumber);

      const result = await act(rabeg, action.caller(state), action.mutation, report.trackingNumber, action.args);
      const after = await snapshot(report.trackingNumber);

      if (allowed) {
        expect(result.errors).toBeUndefined();
        expect(result.data![action.mutation].state).toBe(action.to);
        expect(after).toEqual({ state: action.to, entries: before.entries + 1 });
        const last = (await timelineRows(rabeg, report.id)).at(-1)!;
        expect([last.action, last.fromState, last.toState]).toEqual([action.entry(state), state, action.to]);
      } else {
        expect(result.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
        expect(result.errors?.[0].message).toBe(`Laporan berstatus ${state} tidak dapat diubah menjadi ${action.to}.`);
        expect(after).toEqual(before);
      }
    },
  );

  test('INVALID_TRANSITION message in English', async () => {
    const report = await reportIn(rabeg, 'CLOSED', REPORTER);

    const result = await act(rabeg, COORDINATOR, 'verifyReport', report.trackingNumber, {}, { language: 'en' });

    expect(result.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(result.errors?.[0].message).toBe('A report in state CLOSED cannot move to VERIFIED.');
  });
});

describe('roles', () => {
  const OTHER_OFFICER = DPUPR;
  type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'REPORT_NOT_FOUND';
  interface RoleCase {
    mutation: string;
    args: Record<string, string>;
    state: State;
    expected: [string, Caller, Expected, string?][];
  }

  // The fourth value is the actor role the timeline entry records.
  const CASES: RoleCase[] = [
    {
      mutation: 'verifyReport',
      args: {},
      state: 'SUBMITTED',
      expected: [
        ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
        ['reporter', REPORTER, 'FORBIDDEN'],
        // A SUBMITTED report is hidden from them, so it reads as not found.
        ['other citizen', OTHER_CITIZEN, 'REPORT_NOT_FOUND'],
        ['officer', DISHUB, 'REPORT_NOT_FOUND'],
        ['coordinator', COORDINATOR, 'ok', 'COORDINATOR'],
        ['admin', ADMIN, 'ok', 'ADMIN'],
      ],
    },
    {
      mutation: 'dispatchReport',
      args: {},
      state: 'VERIFIED',
      expected: [
        ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
        ['reporter', REPORTER, 'FORBIDDEN'],
        ['other citizen', OTHER_CITIZEN, 'FORBIDDEN'],
        ['officer', DISHUB, 'FORBIDDEN'],
        ['coordinator', COORDINATOR, 'ok', 'COORDINATOR'],
        ['admin', ADMIN, 'ok', 'ADMIN'],
      ],
    },
    ...(['startReportWork', 'resolveReport'] as const).map(
      (mutation): RoleCase => ({
        mutation,
        args: mutation === 'resolveReport' ? { note: 'Lampu diganti' } : {},
        state: mutation === 'resolveReport' ? 'IN_PROGRESS' : 'DISPATCHED',
        expected: [
          ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
          ['reporter', REPORTER, 'FORBIDDEN'],
          ['other citizen', OTHER_CITIZEN, 'FORBIDDEN'],
          ['officer of another OPD', OTHER_OFFICER, 'FORBIDDEN'],
          ['coordinator', COORDINATOR, 'FORBIDDEN'],
          ['officer of its OPD', DISHUB, 'ok', 'OFFICER'],
          ['admin', ADMIN, 'ok', 'ADMIN'],
        ],
      }),
    ),
    ...(['confirmReportFix', 'rejectReportFix'] as const).map(
      (mutation): RoleCase => ({
        mutation,
        args: mutation === 'rejectReportFix' ? { note: 'Masih mati' } : {},
        state: 'RESOLVED',
        expected: [
          ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
          ['other citizen', OTHER_CITIZEN, 'FORBIDDEN'],
          ['officer of its OPD', DISHUB, 'FORBIDDEN'],
          ['coordinator', COORDINATOR, 'FORBIDDEN'],
          ['admin', ADMIN, 'FORBIDDEN'],
          ['reporter', REPORTER, 'ok', 'REPORTER'],
        ],
      }),
    ),
    {
      mutation: 'closeReport',
      args: { reason: 'UNABLE_TO_FIX', note: 'Tiang milik PLN' },
      state: 'DISPATCHED',
      expected: [
        ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
        ['reporter', REPORTER, 'FORBIDDEN'],
        ['other citizen', OTHER_CITIZEN, 'FORBIDDEN'],
        ['officer of another OPD', OTHER_OFFICER, 'FORBIDDEN'],
        ['officer of its OPD', DISHUB, 'ok', 'OFFICER'],
      ],
    },
  ];
  const rows = CASES.flatMap((roleCase) => roleCase.expected.map(([who, caller, expected, actorRole]) => ({ ...roleCase, who, caller, expected, actorRole })));

  test.each(rows.map((row) => [row.mutation, row.state, row.who, row.expected, row]))('%s on %s by %s: %s', async (_mutation, _state, _who, _expected, row) => {
    const report = await reportIn(rabeg, row.state, REPORTER);
    const before = await snapshot(report.trackingNumber);

    const result = await act(rabeg, row.caller, row.mutation, report.trackingNumber, row.args);
    const after = await snapshot(report.trackingNumber);

    if (row.expected === 'ok') {
      expect(result.errors).toBeUndefined();
      expect(after.entries).toBe(before.entries + 1);
      const last = (await timelineRows(rabeg, report.id)).at(-1)!;
      expect(last.actorRole).toBe(row.actorRole);
    } else {
      expect(result.errors?.[0].extensions.code).toBe(row.expected);
      expect(after).toEqual(before);
    }
  });

  test('officer closes only as UNABLE_TO_FIX while DISPATCHED or IN_PROGRESS', async () => {
    const resolved = await reportIn(rabeg, 'RESOLVED', REPORTER);
    const dispatched = await reportIn(rabeg, 'DISPATCHED', REPORTER);

    const fromResolved = await act(rabeg, DISHUB, 'closeReport', resolved.trackingNumber, { reason: 'UNABLE_TO_FIX', note: 'Tidak bisa' });
    const invalidReason = await act(rabeg, DISHUB, 'closeReport', dispatched.trackingNumber, { reason: 'INVALID', note: 'Tidak nyata' });

    expect(fromResolved.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(fromResolved.errors?.[0].message).toBe('Laporan berstatus RESOLVED tidak dapat diubah menjadi CLOSED.');
    expect(invalidReason.errors?.[0].extensions).toEqual({ code: 'INVALID_CLOSE_REASON', field: 'reason' });
    expect(invalidReason.errors?.[0].message).toBe('Alasan penutupan pada reason tidak dapat dipilih di sini. Pilihan: UNABLE_TO_FIX.');
    expect(await snapshot(resolved.trackingNumber)).toEqual({ state: 'RESOLVED', entries: 5 });
    expect(await snapshot(dispatched.trackingNumber)).toEqual({ state: 'DISPATCHED', entries: 3 });
  });
});

describe('timeline', () => {
  test('full walk records one entry per change', async () => {
    setWib(rabeg.clock, '2026-06-08 09:00');
    const report = await submitReport(rabeg, REPORTER);
    const t = report.trackingNumber;
    const steps: [string, Caller, string, Record<string, string>][] = [
      ['2026-06-08 10:00', COORDINATOR, 'verifyReport', { note: 'Lokasi jelas' }],
      ['2026-06-08 10:30', COORDINATOR, 'dispatchReport', { opdId: 'dpupr' }],
      ['2026-06-08 11:00', COORDINATOR, 'dispatchReport', { opdId: 'dishub', note: 'Lampu jalan urusan Dishub' }],
      ['2026-06-08 13:00', DISHUB, 'startReportWork', {}],
      ['2026-06-09 15:00', DISHUB, 'resolveReport', { note: 'Lampu diganti' }],
      ['2026-06-09 19:00', REPORTER, 'rejectReportFix', { note: 'Masih mati' }],
      ['2026-06-10 10:00', ADMIN, 'resolveReport', { note: 'Kabel diperbaiki' }],
      ['2026-06-10 18:00', REPORTER, 'confirmReportFix', {}],
    ];
    for (const [time, caller, mutation, args] of steps) {
      setWib(rabeg.clock, time);
      await actOk(rabeg, caller, mutation, t, args);
    }

    const read = await rabeg.ok<{ report: any }>(
      'query($t: String!) { report(trackingNumber: $t) { state closeReason verifiedAt dispatchedAt firstResponseAt resolvedAt closedAt dueAt dueKind autoCloseAt opd { id } timeline { sequence action fromState toState actorRole actorOpd { id } opd { id } closeReason note at } } }',
      { t },
      COORDINATOR,
    );
    const entries = read.report.timeline.map((entry: any) => [
      entry.sequence,
      entry.action,
      entry.fromState,
      entry.toState,
      entry.actorRole,
      entry.actorOpd?.id ?? null,
      entry.opd?.id ?? null,
      entry.closeReason,
      entry.note,
      entry.at,
    ]);

    expect(entries).toEqual([
      [1, 'SUBMITTED', null, 'SUBMITTED', 'REPORTER', null, null, null, null, '2026-06-08T02:00:00.000Z'],
      [2, 'VERIFIED', 'SUBMITTED', 'VERIFIED', 'COORDINATOR', 'diskominfo', null, null, 'Lokasi jelas', '2026-06-08T03:00:00.000Z'],
      [3, 'DISPATCHED', 'VERIFIED', 'DISPATCHED', 'COORDINATOR', 'diskominfo', 'dpupr', null, null, '2026-06-08T03:30:00.000Z'],
      [4, 'REROUTED', 'DISPATCHED', 'DISPATCHED', 'COORDINATOR', 'diskominfo', 'dishub', null, 'Lampu jalan urusan Dishub', '2026-06-08T04:00:00.000Z'],
      [5, 'WORK_STARTED', 'DISPATCHED', 'IN_PROGRESS', 'OFFICER', 'dishub', null, null, null, '2026-06-08T06:00:00.000Z'],
      [6, 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', 'OFFICER', 'dishub', null, null, 'Lampu diganti', '2026-06-09T08:00:00.000Z'],
      [7, 'FIX_REJECTED', 'RESOLVED', 'IN_PROGRESS', 'REPORTER', null, null, null, 'Masih mati', '2026-06-09T12:00:00.000Z'],
      [8, 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', 'ADMIN', null, null, null, 'Kabel diperbaiki', '2026-06-10T03:00:00.000Z'],
      [9, 'CLOSED', 'RESOLVED', 'CLOSED', 'REPORTER', null, null, 'FIXED', null, '2026-06-10T11:00:00.000Z'],
    ]);
    expect(read.report).toMatchObject({
      state: 'CLOSED',
      closeReason: 'FIXED',
      opd: { id: 'dishub' },
      verifiedAt: '2026-06-08T03:00:00.000Z',
      // The reroute restarts the OPD's clock.
      dispatchedAt: '2026-06-08T04:00:00.000Z',
      firstResponseAt: '2026-06-08T06:00:00.000Z',
      resolvedAt: '2026-06-10T03:00:00.000Z',
      closedAt: '2026-06-10T11:00:00.000Z',
      dueAt: null,
      dueKind: null,
      autoCloseAt: null,
    });
  });

  test('deadlines follow each step', async () => {
    const due = 'query($t: String!) { report(trackingNumber: $t) { dueAt dueKind autoCloseAt } }';
    setWib(rabeg.clock, '2026-06-08 09:00');
    const { trackingNumber: t } = await reportIn(rabeg, 'VERIFIED', REPORTER);
    setWib(rabeg.clock, '2026-06-08 11:00');
    await actOk(rabeg, COORDINATOR, 'dispatchReport', t);

    // 72 clock hours after the dispatch at 04:00 UTC on 8 June.
    expect((await rabeg.ok<{ report: any }>(due, { t }, COORDINATOR)).report).toEqual({ dueAt: '2026-06-11T04:00:00.000Z', dueKind: 'FIRST_RESPONSE', autoCloseAt: null });

    setWib(rabeg.clock, '2026-06-08 13:00');
    await actOk(rabeg, DISHUB, 'startReportWork', t);
    // street-light completes in 5 working days after 8 June: 9, 10, 11, 12 and 15 June; due at the end of 15 June WIB.
    expect((await rabeg.ok<{ report: any }>(due, { t }, COORDINATOR)).report).toEqual({ dueAt: '2026-06-15T17:00:00.000Z', dueKind: 'COMPLETION', autoCloseAt: null });

    setWib(rabeg.clock, '2026-06-09 15:00');
    await actOk(rabeg, DISHUB, 'resolveReport', t, { note: 'Lampu diganti' });
    // Ten working days after 9 June, skipping the 1 Muharam holiday on 16 June: 10, 11, 12, 15, 17, 18, 19, 22, 23, 24.
    expect((await rabeg.ok<{ report: any }>(due, { t }, COORDINATOR)).report).toEqual({ dueAt: null, dueKind: null, autoCloseAt: '2026-06-23T17:00:00.000Z' });

    await actOk(rabeg, REPORTER, 'rejectReportFix', t, { note: 'Masih mati' });
    expect((await rabeg.ok<{ report: any }>(due, { t }, COORDINATOR)).report).toEqual({ dueAt: '2026-06-15T17:00:00.000Z', dueKind: 'COMPLETION', autoCloseAt: null });
  });
});

describe('bad input of state changes', () => {
  interface BadCase {
    name: string;
    state: State;
    caller: Caller;
    mutation: string;
    args: Record<string, string>;
    code: string;
    field: string;
    id: string;
    en: string;
  }

  const CASES: BadCase[] = [
    {
      name: 'resolve with a blank note',
      state: 'IN_PROGRESS',
      caller: DISHUB,
      mutation: 'resolveReport',
      args: { note: '   ' },
      code: 'NOTE_REQUIRED',
      field: 'note',
      id: 'Catatan (note) wajib diisi untuk perubahan ini: jelaskan apa yang dilakukan atau alasannya.',
      en: 'A note (note) is required for this change: say what was done or why.',
    },
    {
      name: 'reject with an empty note',
      state: 'RESOLVED',
      caller: REPORTER,
      mutation: 'rejectReportFix',
      args: { note: '' },
      code: 'NOTE_REQUIRED',
      field: 'note',
      id: 'Catatan (note) wajib diisi untuk perubahan ini: jelaskan apa yang dilakukan atau alasannya.',
      en: 'A note (note) is required for this change: say what was done or why.',
    },
    {
      name: 'coordinator closes as FIXED',
      state: 'RESOLVED',
      caller: COORDINATOR,
      mutation: 'closeReport',
      args: { reason: 'FIXED', note: 'Sudah beres' },
      code: 'INVALID_CLOSE_REASON',
      field: 'reason',
      id: 'Alasan penutupan pada reason tidak dapat dipilih di sini. Pilihan: DUPLICATE, NOT_CITY_RESPONSIBILITY, UNABLE_TO_FIX, INVALID.',
      en: 'The close reason in reason cannot be chosen here. Choose one of: DUPLICATE, NOT_CITY_RESPONSIBILITY, UNABLE_TO_FIX, INVALID.',
    },
    {
      name: 'coordinator closes as NO_REPLY',
      state: 'RESOLVED',
      caller: ADMIN,
      mutation: 'closeReport',
      args: { reason: 'NO_REPLY', note: 'Tidak dijawab' },
      code: 'INVALID_CLOSE_REASON',
      field: 'reason',
      id: 'Alasan penutupan pada reason tidak dapat dipilih di sini. Pilihan: DUPLICATE, NOT_CITY_RESPONSIBILITY, UNABLE_TO_FIX, INVALID.',
      en: 'The close reason in reason cannot be chosen here. Choose one of: DUPLICATE, NOT_CITY_RESPONSIBILITY, UNABLE_TO_FIX, INVALID.',
    },
    {
      name: 'duplicate without its original',
      state: 'VERIFIED',
      caller: COORDINATOR,
      mutation: 'closeReport',
      args: { reason: 'DUPLICATE', note: 'Sama' },
      code: 'DUPLICATE_OF_REQUIRED',
      field: 'duplicateOf',
      id: 'Untuk menutup sebagai duplikat, isi nomor laporan asli pada duplicateOf.',
      en: 'To close as a duplicate, give the tracking number of the original report in duplicateOf.',
    },
    {
      name: 'duplicate of an unknown report',
      state: 'VERIFIED',
      caller: COORDINATOR,
      mutation: 'closeReport',
      args: { reason: 'DUPLICATE', note: 'Sama', duplicateOf: 'RBG-260608-ZZZZZ' },
      code: 'INVALID_DUPLICATE_OF',
      field: 'duplicateOf',
      id: 'Laporan asli pada duplicateOf harus laporan lain yang masih terbuka.',
      en: 'The original report in duplicateOf must be another report that is still open.',
    },
    {
      name: 'note over 1000 characters',
      state: 'VERIFIED',
      caller: COORDINATOR,
      mutation: 'closeReport',
      args: { reason: 'INVALID', note: 'x'.repeat(1001) },
      code: 'TEXT_TOO_LONG',
      field: 'note',
      id: 'note terlalu panjang: paling banyak 1000 karakter.',
      en: 'note is too long: at most 1000 characters.',
    },
    {
      name: 'dispatch to a malformed OPD id',
      state: 'VERIFIED',
      caller: COORDINATOR,
      mutation: 'dispatchReport',
      args: { opdId: 'Dinas Perhubungan' },
      code: 'INVALID_OPD_ID',
      field: 'opdId',
      id: 'OPD pada opdId harus berupa kode OPD huruf kecil seperti dishub, paling banyak 64 karakter.',
      en: 'The OPD in opdId must be a lowercase OPD id such as dishub, at most 64 characters.',
    },
    {
      name: 'reroute to the same OPD',
      state: 'DISPATCHED',
      caller: COORDINATOR,
      mutation: 'dispatchReport',
      args: { opdId: 'dishub' },
      code: 'SAME_OPD',
      field: 'opdId',
      id: 'Laporan sudah diteruskan ke dishub; pilih OPD lain pada opdId untuk mengalihkannya.',
      en: 'The report is already dispatched to dishub; choose another OPD in opdId to reroute it.',
    },
  ];

  test.each(CASES.map((badCase) => [badCase.name, badCase.code, badCase]))('%s: %s, nothing written', async (_name, _code, badCase) => {
    const report = await reportIn(rabeg, badCase.state, REPORTER);
    const before = await snapshot(report.trackingNumber);
    const supportsBefore = await countRows(rabeg, 'rabeg_support');

    const indonesian = await act(rabeg, badCase.caller, badCase.mutation, report.trackingNumber, badCase.args);
    const english = await act(rabeg, badCase.caller, badCase.mutation, report.trackingNumber, badCase.args, { language: 'en' });

    expect(indonesian.errors?.[0].extensions).toEqual({ code: badCase.code, field: badCase.field });
    expect(indonesian.errors?.[0].message).toBe(badCase.id);
    expect(english.errors?.[0].extensions).toEqual({ code: badCase.code, field: badCase.field });
    expect(english.errors?.[0].message).toBe(badCase.en);
    expect(await snapshot(report.trackingNumber)).toEqual(before);
    expect(await countRows(rabeg, 'rabeg_support')).toBe(supportsBefore);
  });

  test('duplicate of itself, a SUBMITTED or a CLOSED report is rejected', async () => {
    const duplicate = await reportIn(rabeg, 'VERIFIED', REPORTER);
    const submitted = await reportIn(rabeg, 'SUBMITTED', OTHER_CITIZEN);
    const closed = await reportIn(rabeg, 'CLOSED', OTHER_CITIZEN);

    for (const original of [duplicate, submitted, closed]) {
      const result = await act(rabeg, COORDINATOR, 'closeReport', duplicate.trackingNumber, { reason: 'DUPLICATE', note: 'Sama', duplicateOf: original.trackingNumber });
      expect(result.errors?.[0].extensions).toEqual({ code: 'INVALID_DUPLICATE_OF', field: 'duplicateOf' });
    }
    expect(await snapshot(duplicate.trackingNumber)).toEqual({ state: 'VERIFIED', entries: 2 });
  });

  test('dispatch of a category without OPD needs opdId', async () => {
    const report = await reportIn(rabeg, 'VERIFIED', REPORTER, { categoryCode: 'other', title: 'Pohon tumbang' });

    const withoutOpd = await act(rabeg, COORDINATOR, 'dispatchReport', report.trackingNumber);
    const english = await act(rabeg, COORDINATOR, 'dispatchReport', report.trackingNumber, {}, { language: 'en' });
    const withOpd = await act(rabeg, COORDINATOR, 'dispatchReport', report.trackingNumber, { opdId: 'dlh' });

    expect(withoutOpd.errors?.[0].extensions).toEqual({ code: 'OPD_REQUIRED', field: 'opdId' });
    expect(withoutOpd.errors?.[0].message).toBe('Kategori laporan ini tidak memiliki OPD penanggung jawab; isi OPD tujuan pada opdId.');
    expect(english.errors?.[0].message).toBe("This report's category has no handling OPD; give the OPD to dispatch to in opdId.");
    expect(withOpd.data!.dispatchReport).toEqual({ state: 'DISPATCHED', closeReason: null, opd: { id: 'dlh' } });
  });

  test('unknown tracking number is REPORT_NOT_FOUND', async () => {
    const result = await act(rabeg, COORDINATOR, 'verifyReport', 'RBG-260608-ZZZZZ');
    const english = await act(rabeg, COORDINATOR, 'verifyReport', 'RBG-260608-ZZZZZ', {}, { language: 'en' });

    expect(result.errors?.[0].extensions).toEqual({ code: 'REPORT_NOT_FOUND', field: 'trackingNumber' });
    expect(result.errors?.[0].message).toBe('Laporan pada trackingNumber tidak ditemukan.');
    expect(english.errors?.[0].message).toBe('The report in trackingNumber was not found.');
  });
});

describe('duplicate closing', () => {
  test('original takes over supporters without double counting', async () => {
    const originalReporter = citizen('original-reporter');
    const duplicateReporter = citizen('duplicate-reporter');
    const original = await reportIn(rabeg, 'VERIFIED', originalReporter);
    const duplicate = await reportIn(rabeg, 'VERIFIED', duplicateReporter);
    const support = (caller: Caller, trackingNumber: string) => rabeg.ok('mutation($t: String!) { supportReport(trackingNumber: $t) { supportCount } }', { t: trackingNumber }, caller);
    await support(citizen('supporter-1'), original.trackingNumber);
    await support(citizen('supporter-2'), original.trackingNumber);
    await support(citizen('supporter-2'), duplicate.trackingNumber);
    await support(citizen('supporter-3'), duplicate.trackingNumber);
    await support(originalReporter, duplicate.trackingNumber);

    const closed = await actOk(rabeg, COORDINATOR, 'closeReport', duplicate.trackingNumber, { reason: 'DUPLICATE', note: 'Sama dengan laporan lain', duplicateOf: original.trackingNumber });

    // supporter-1 and supporter-2 already support the original; supporter-3 and the duplicate's reporter join.
    // The original's own reporter, who supported the duplicate, is not counted on their own report.
    expect(closed).toBe('CLOSED');
    const read = await rabeg.ok<{ original: any; duplicate: any }>(
      'query($o: String!, $d: String!) { original: report(trackingNumber: $o) { supportCount } duplicate: report(trackingNumber: $d) { state closeReason duplicateOf { trackingNumber } timeline { action closeReason } } }',
      { o: original.trackingNumber, d: duplicate.trackingNumber },
    );
    expect(read.original.supportCount).toBe(4);
    expect(read.duplicate).toMatchObject({ state: 'CLOSED', closeReason: 'DUPLICATE', duplicateOf: { trackingNumber: original.trackingNumber } });
    expect(read.duplicate.timeline.at(-1)).toEqual({ action: 'CLOSED', closeReason: 'DUPLICATE' });
    const supporters = (await rabeg.subgraph.db.query(`SELECT account_id FROM rabeg_support WHERE report_id = '${original.id}' ORDER BY account_id`)) as { account_id: string }[];
    expect(supporters.map((row) => row.account_id)).toEqual(['duplicate-reporter', 'supporter-1', 'supporter-2', 'supporter-3']);
    const mine = await rabeg.ok<{ report: { supportedByMe: boolean } }>('query($t: String!) { report(trackingNumber: $t) { supportedByMe } }', { t: original.trackingNumber }, citizen('supporter-3'));
    expect(mine.report.supportedByMe).toBe(true);

    // A second duplicate, reported by supporter-1, who already supports the original: only supporter-4 joins.
    const second = await reportIn(rabeg, 'DISPATCHED', citizen('supporter-1'));
    await support(citizen('supporter-4'), second.trackingNumber);
    await actOk(rabeg, ADMIN, 'closeReport', second.trackingNumber, { reason: 'DUPLICATE', note: 'Sama juga', duplicateOf: original.trackingNumber });
    const again = await rabeg.ok<{ report: { supportCount: number } }>('query($t: String!) { report(trackingNumber: $t) { supportCount } }', { t: original.trackingNumber });
    expect(again.report.supportCount).toBe(5);
  });
});

describe('concurrent changes', () => {
  test('10 parallel verifications: one wins, one entry', async () => {
    const report = await reportIn(rabeg, 'SUBMITTED', REPORTER);

    const results = await Promise.all(Array.from({ length: 10 }, () => act(rabeg, COORDINATOR, 'verifyReport', report.trackingNumber)));

    const succeeded = results.filter((result) => !result.errors);
    const rejected = results.filter((result) => result.errors?.[0].extensions.code === 'INVALID_TRANSITION');
    expect(succeeded).toHaveLength(1);
    expect(rejected).toHaveLength(9);
    for (const result of rejected) expect(result.errors![0].message).toBe('Laporan berstatus VERIFIED tidak dapat diubah menjadi VERIFIED.');
    const entries = await timelineRows(rabeg, report.id);
    expect(entries.map((entry) => entry.action)).toEqual(['SUBMITTED', 'VERIFIED']);
  });

  test('confirm and reject at once: one wins, one entry', async () => {
    const report = await reportIn(rabeg, 'RESOLVED', REPORTER);

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0 ? act(rabeg, REPORTER, 'confirmReportFix', report.trackingNumber) : act(rabeg, REPORTER, 'rejectReportFix', report.trackingNumber, { note: 'Masih mati' }),
      ),
    );

    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions.code === 'INVALID_TRANSITION')).toHaveLength(9);
    const entries = await timelineRows(rabeg, report.id);
    expect(entries).toHaveLength(6);
    const winner = Object.values(succeeded[0].data!)[0].state;
    expect((await reportRow(rabeg, report.trackingNumber)).state).toBe(winner);
    expect(entries.at(-1)!.toState).toBe(winner);
  });

  test('confirm and coordinator close at once: one wins, one entry', async () => {
    const report = await reportIn(rabeg, 'RESOLVED', REPORTER);

    const [confirmed, closed] = await Promise.all([
      act(rabeg, REPORTER, 'confirmReportFix', report.trackingNumber),
      act(rabeg, COORDINATOR, 'closeReport', report.trackingNumber, { reason: 'UNABLE_TO_FIX', note: 'Tiang milik PLN' }),
    ]);

    expect([confirmed, closed].filter((result) => !result.errors)).toHaveLength(1);
    const rejected = [confirmed, closed].find((result) => result.errors)!;
    expect(rejected.errors![0].extensions.code).toBe('INVALID_TRANSITION');
    expect(rejected.errors![0].message).toBe('Laporan berstatus CLOSED tidak dapat diubah menjadi CLOSED.');
    expect((await timelineRows(rabeg, report.id)).filter((entry) => entry.action === 'CLOSED')).toHaveLength(1);
  });
});

/*
 * The NO_REPLY job, on its own database so no other test's RESOLVED report is due. The calendar
 * adds a holiday on Monday 7 September 2026, so the working days after Wednesday 2 September are
 * 3, 4, 8, 9, 10, 11, 14, 15, 16 (the ninth) and 17 (the tenth).
 */
describe('NO_REPLY job', () => {
  const JOB = 'close-unanswered-reports';
  const clock = new ManualClock(new Date('2026-09-02T02:00:00.000Z'));
  const calendar = WorkingDayCalendar.load().withDays([{ date: '2026-09-07', kind: 'NATIONAL_HOLIDAY', name: 'Hari libur tambahan untuk uji' }]);
  let jobRabeg: RabegHarness;

  beforeAll(async () => {
    jobRabeg = await startRabeg({ clock, calendar });
  });

  afterAll(async () => {
    await jobRabeg?.close();
  });

  /** Create a report resolved on Wednesday 2 September 2026, 14:00 WIB. */
  async function resolvedOnSecondSeptember(reporter: Caller): Promise<{ id: string; trackingNumber: string }> {
    setWib(clock, '2026-09-02 14:00');
    return reportIn(jobRabeg, 'RESOLVED', reporter);
  }

  test('closes on working day 10, never on day 9', async () => {
    const reporter = citizen('silent-reporter');
    const report = await resolvedOnSecondSeptember(reporter);
    expect((await reportRow(jobRabeg, report.trackingNumber)).autoCloseAt).toBe('2026-09-16T17:00:00.000Z');

    // Without the added holiday, 16 September would be the tenth working day.
    setWib(clock, '2026-09-16 12:00');
    expect(await jobRabeg.subgraph.runJob(JOB)).toEqual({ closed: 0, skipped: 0 });
    setWib(clock, '2026-09-16 23:59');
    expect(await jobRabeg.subgraph.runJob(JOB)).toEqual({ closed: 0, skipped: 0 });
    expect((await reportRow(jobRabeg, report.trackingNumber)).state).toBe('RESOLVED');

    setWib(clock, '2026-09-17 00:00');
    expect(await jobRabeg.subgraph.runJob(JOB)).toEqual({ closed: 1, skipped: 0 });
    const row = await reportRow(jobRabeg, report.trackingNumber);
    expect([row.state, row.closeReason, row.closedAt, row.autoCloseAt]).toEqual(['CLOSED', 'NO_REPLY', '2026-09-16T17:00:00.000Z', null]);
    const last = (await timelineRows(jobRabeg, report.id)).at(-1)!;
    expect([last.action, last.fromState, last.actorRole, last.actorId, last.closeReason]).toEqual(['CLOSED', 'RESOLVED', 'SYSTEM', null, 'NO_REPLY']);

    expect(await jobRabeg.subgraph.runJob(JOB)).toEqual({ closed: 0, skipped: 0 });
    expect(await timelineRows(jobRabeg, report.id)).toHaveLength(6);
  });

  test('reporter confirming on day 9 wins', async () => {
    const reporter = citizen('confirming-reporter');
    const report = await resolvedOnSecondSeptember(reporter);

    setWib(clock, '2026-09-16 18:00');
    await actOk(jobRabeg, reporter, 'confirmReportFix', report.trackingNumber);
    setWib(clock, '2026-09-17 08:00');
    expect(await jobRabeg.subgraph.runJob(JOB)).toEqual({ closed: 0, skipped: 0 });

    const row = await reportRow(jobRabeg, report.trackingNumber);
    expect([row.state, row.closeReason]).toEqual(['CLOSED', 'FIXED']);
    expect((await timelineRows(jobRabeg, report.id)).filter((entry) => entry.action === 'CLOSED')).toHaveLength(1);
  });

  test('reporter rejecting on day 9 keeps it open', async () => {
    const reporter = citizen('rejecting-reporter');
    const report = await resolvedOnSecondSeptember(reporter);

    setWib(clock, '2026-09-16 18:00');
    await actOk(jobRabeg, reporter, 'rejectReportFix', report.trackingNumber, { note: 'Lampu masih mati' });
    setWib(clock, '2026-09-17 08:00');
    expect(await jobRabeg.subgraph.runJob(JOB)).toEqual({ closed: 0, skipped: 0 });

    const row = await reportRow(jobRabeg, report.trackingNumber);
    expect([row.state, row.closeReason, row.autoCloseAt]).toEqual(['IN_PROGRESS', null, null]);
  });

  test('job and reporter at once close the report once', async () => {
    const reporter = citizen('racing-reporter');
    const report = await resolvedOnSecondSeptember(reporter);

    setWib(clock, '2026-09-17 09:00');
    const [jobResult, confirm] = await Promise.all([jobRabeg.subgraph.runJob(JOB), act(jobRabeg, reporter, 'confirmReportFix', report.trackingNumber)]);

    const row = await reportRow(jobRabeg, report.trackingNumber);
    const closings = (await timelineRows(jobRabeg, report.id)).filter((entry) => entry.action === 'CLOSED');
    expect(closings).toHaveLength(1);
    if (confirm.errors) {
      expect(confirm.errors[0].extensions.code).toBe('INVALID_TRANSITION');
      expect(jobResult).toEqual({ closed: 1, skipped: 0 });
      expect(row.closeReason).toBe('NO_REPLY');
    } else {
      expect(jobResult).toEqual({ closed: 0, skipped: expect.any(Number) });
      expect(row.closeReason).toBe('FIXED');
    }
  });
});
