import {
  act,
  actOk,
  ANONYMOUS,
  Caller,
  citizen,
  COORDINATOR,
  countRows,
  RabegHarness,
  reportIn,
  startRabeg,
  streetLight,
  SUBMIT,
  submitReport,
} from './helpers';

const REPORTER = citizen('reporter-1');

let rabeg: RabegHarness;

beforeAll(async () => {
  rabeg = await startRabeg();
});

afterAll(async () => {
  await rabeg?.close();
});

interface RowCounts {
  reports: number;
  events: number;
  supports: number;
}

async function rowCounts(): Promise<RowCounts> {
  return {
    reports: await countRows(rabeg, 'rabeg_report'),
    events: await countRows(rabeg, 'rabeg_report_event'),
    supports: await countRows(rabeg, 'rabeg_support'),
  };
}

function submit(caller: Caller, input: Record<string, unknown>, language?: 'en') {
  return rabeg.post<{ submitReport: any }>(SUBMIT, { input }, caller, { language });
}

const SUPPORT = 'mutation($t: String!) { supportReport(trackingNumber: $t) { supportCount supportedByMe } }';

function support(caller: Caller, trackingNumber: string, language?: 'en') {
  return rabeg.post<{ supportReport: { supportCount: number; supportedByMe: boolean } }>(SUPPORT, { t: trackingNumber }, caller, { language });
}

describe('bad input', () => {
  const photos = (count: number) => Array.from({ length: count }, (_, index) => `https://files.example.org/photo-${index}.jpg`);
  const BOUNDS = '(latitude -6.23 sampai -5.98, longitude 106.05 sampai 106.27)';
  const BOUNDS_EN = '(latitude -6.23 to -5.98, longitude 106.05 to 106.27)';

  // [case, input overrides, code, field, Indonesian message, English message]
  const CASES: [string, Record<string, unknown>, string, string, string, string][] = [
    [
      'unknown category',
      { categoryCode: 'flying-car' },
      'UNKNOWN_CATEGORY',
      'input.categoryCode',
      'Kategori pada input.categoryCode tidak dikenal. Gunakan salah satu kode dari reportCategories, misalnya street-light.',
      'The category in input.categoryCode is unknown. Use one of the codes of reportCategories, for example street-light.',
    ],
    ['empty title', { title: '' }, 'TEXT_REQUIRED', 'input.title', 'input.title wajib diisi.', 'input.title is required.'],
    ['blank description', { description: ' \n ' }, 'TEXT_REQUIRED', 'input.description', 'input.description wajib diisi.', 'input.description is required.'],
    ['short title', { title: 'Lamp' }, 'TEXT_TOO_SHORT', 'input.title', 'input.title terlalu pendek: paling sedikit 5 karakter.', 'input.title is too short: at least 5 characters.'],
    ['long title', { title: 'L'.repeat(121) }, 'TEXT_TOO_LONG', 'input.title', 'input.title terlalu panjang: paling banyak 120 karakter.', 'input.title is too long: at most 120 characters.'],
    [
      'long description',
      { description: 'x'.repeat(2001) },
      'TEXT_TOO_LONG',
      'input.description',
      'input.description terlalu panjang: paling banyak 2000 karakter.',
      'input.description is too long: at most 2000 characters.',
    ],
    ['long address', { address: 'a'.repeat(301) }, 'TEXT_TOO_LONG', 'input.address', 'input.address terlalu panjang: paling banyak 300 karakter.', 'input.address is too long: at most 300 characters.'],
    [
      'coordinates in Jakarta',
      { latitude: -6.2, longitude: 106.85 },
      'OUTSIDE_CITY',
      'input.longitude',
      `Koordinat pada input.longitude berada di luar Kota Serang. Rabeg hanya menerima laporan di wilayah Kota Serang ${BOUNDS}.`,
      `The coordinates in input.longitude lie outside Kota Serang. Rabeg only takes reports within Kota Serang ${BOUNDS_EN}.`,
    ],
    ['latitude without longitude', { longitude: null }, 'INCOMPLETE_COORDINATES', 'input.longitude', 'Isi latitude dan longitude bersama-sama; input.longitude kosong.', 'Give latitude and longitude together; input.longitude is missing.'],
    ['longitude without latitude', { latitude: null }, 'INCOMPLETE_COORDINATES', 'input.latitude', 'Isi latitude dan longitude bersama-sama; input.latitude kosong.', 'Give latitude and longitude together; input.latitude is missing.'],
    ['latitude beyond 90 degrees', { latitude: 96.1 }, 'INVALID_COORDINATES', 'input.latitude', 'Koordinat pada input.latitude harus berupa angka derajat WGS 84.', 'The coordinate in input.latitude must be a WGS 84 number of degrees.'],
    [
      'kelurahan of another city',
      { kelurahanCode: '36.74.01.1001' },
      'UNKNOWN_KELURAHAN',
      'input.kelurahanCode',
      'Kode kelurahan pada input.kelurahanCode bukan kelurahan di Kota Serang. Gunakan kode dari kelurahanSearch, misalnya 36.73.01.1011.',
      'The kelurahan code in input.kelurahanCode is not a kelurahan of Kota Serang. Use a code from kelurahanSearch, for example 36.73.01.1011.',
    ],
    [
      'no location',
      { latitude: null, longitude: null, kelurahanCode: '  ' },
      'LOCATION_REQUIRED',
      'input.kelurahanCode',
      'Lokasi laporan wajib diisi: isi latitude dan longitude, atau kode kelurahan pada input.kelurahanCode, atau keduanya.',
      'The report needs a location: give latitude and longitude, or a kelurahan code in input.kelurahanCode, or both.',
    ],
    [
      'http photo',
      { photoUrls: ['https://files.example.org/1.jpg', 'http://files.example.org/2.jpg'] },
      'INVALID_PHOTO_URL',
      'input.photoUrls[1]',
      'Tautan foto pada input.photoUrls[1] harus berupa URL https dengan paling banyak 500 karakter.',
      'The photo link in input.photoUrls[1] must be an https URL of at most 500 characters.',
    ],
    [
      'photo link with a password',
      { photoUrls: ['https://user:secret@files.example.org/1.jpg'] },
      'INVALID_PHOTO_URL',
      'input.photoUrls[0]',
      'Tautan foto pada input.photoUrls[0] harus berupa URL https dengan paling banyak 500 karakter.',
      'The photo link in input.photoUrls[0] must be an https URL of at most 500 characters.',
    ],
    [
      'photo link that is no URL',
      { photoUrls: ['foto saya'] },
      'INVALID_PHOTO_URL',
      'input.photoUrls[0]',
      'Tautan foto pada input.photoUrls[0] harus berupa URL https dengan paling banyak 500 karakter.',
      'The photo link in input.photoUrls[0] must be an https URL of at most 500 characters.',
    ],
    ['six photos', { photoUrls: photos(6) }, 'TOO_MANY_PHOTOS', 'input.photoUrls', 'Pada input.photoUrls paling banyak 5 foto.', 'At most 5 photos are accepted in input.photoUrls.'],
    [
      'short client key',
      { clientKey: 'abc123' },
      'INVALID_CLIENT_KEY',
      'input.clientKey',
      'Kunci pengiriman pada input.clientKey harus 8 sampai 64 karakter berupa huruf, angka, "-" atau "_", misalnya UUID.',
      'The submission key in input.clientKey must be 8 to 64 letters, digits, "-" or "_", such as a UUID.',
    ],
    [
      'client key with a space',
      { clientKey: 'kunci laporan 1' },
      'INVALID_CLIENT_KEY',
      'input.clientKey',
      'Kunci pengiriman pada input.clientKey harus 8 sampai 64 karakter berupa huruf, angka, "-" atau "_", misalnya UUID.',
      'The submission key in input.clientKey must be 8 to 64 letters, digits, "-" or "_", such as a UUID.',
    ],
  ];

  test.each(CASES)('%s: nothing written', async (_case, overrides, code, field, indonesian, english) => {
    const before = await rowCounts();

    const resultId = await submit(REPORTER, streetLight(overrides));
    const resultEn = await submit(REPORTER, streetLight(overrides), 'en');

    expect(resultId.data).toBeNull();
    expect(resultId.errors?.[0].extensions).toEqual({ code, field });
    expect(resultId.errors?.[0].message).toBe(indonesian);
    expect(resultEn.errors?.[0].extensions).toEqual({ code, field });
    expect(resultEn.errors?.[0].message).toBe(english);
    expect(await rowCounts()).toEqual(before);
  });

  test('anonymous caller is UNAUTHENTICATED', async () => {
    const before = await rowCounts();

    const result = await submit(ANONYMOUS, streetLight());

    expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toBe('Anda perlu masuk terlebih dahulu.');
    expect(await rowCounts()).toEqual(before);
  });

  test('limits themselves are accepted', async () => {
    const input = streetLight({ title: 'T'.repeat(120), description: 'd'.repeat(2000), address: 'a'.repeat(300), photoUrls: photos(5) });

    const result = await submit(REPORTER, input);

    expect(result.errors).toBeUndefined();
    expect(result.data!.submitReport.report.state).toBe('SUBMITTED');
  });

  test('kelurahan alone or coordinates alone are a location', async () => {
    const kelurahanOnly = await submit(REPORTER, streetLight({ latitude: null, longitude: null }));
    const coordinatesOnly = await submit(REPORTER, streetLight({ kelurahanCode: null }));

    expect(kelurahanOnly.errors).toBeUndefined();
    expect(coordinatesOnly.errors).toBeUndefined();
  });
});

describe('tracking number', () => {
  const ALPHABET = '[0-9A-HJKMNP-TV-Z]';

  test('uses the local WIB date and unambiguous letters', async () => {
    // 17:30 UTC on 7 December is 00:30 WIB on 8 December.
    rabeg.clock.set(new Date('2026-12-07T17:30:00.000Z'));
    const afterMidnight = await Promise.all(Array.from({ length: 20 }, () => submitReport(rabeg, REPORTER)));
    rabeg.clock.set(new Date('2026-12-07T16:59:00.000Z'));
    const beforeMidnight = await submitReport(rabeg, REPORTER);

    for (const report of afterMidnight) expect(report.trackingNumber).toMatch(new RegExp(`^RBG-261208-${ALPHABET}{5}$`));
    expect(new Set(afterMidnight.map((report) => report.trackingNumber)).size).toBe(20);
    expect(beforeMidnight.trackingNumber).toMatch(new RegExp(`^RBG-261207-${ALPHABET}{5}$`));
  });

  test('lookup ignores case and spaces', async () => {
    const report = await reportIn(rabeg, 'VERIFIED', REPORTER);

    const read = await rabeg.ok<{ report: { id: string } }>('query($t: String!) { report(trackingNumber: $t) { id } }', { t: ` ${report.trackingNumber.toLowerCase()} ` });

    expect(read.report.id).toBe(report.id);
  });
});

describe('idempotent submission', () => {
  test('same key and body returns the first report', async () => {
    const input = streetLight({ clientKey: 'retry-key-0001' });
    const before = await rowCounts();

    const first = await submit(REPORTER, input);
    const retry = await submit(REPORTER, input);
    // The body is compared after trimming, so extra spaces are the same report.
    const spaced = await submit(REPORTER, { ...input, title: `  ${input.title}  ` });

    expect(first.data!.submitReport.replayed).toBe(false);
    expect(retry.data!.submitReport.replayed).toBe(true);
    expect(spaced.data!.submitReport.replayed).toBe(true);
    expect(retry.data!.submitReport.report.trackingNumber).toBe(first.data!.submitReport.report.trackingNumber);
    expect(spaced.data!.submitReport.report.trackingNumber).toBe(first.data!.submitReport.report.trackingNumber);
    expect(await rowCounts()).toEqual({ ...before, reports: before.reports + 1, events: before.events + 1 });
  });

  test('same key with another body is IDEMPOTENCY_KEY_REUSED', async () => {
    const input = streetLight({ clientKey: 'retry-key-0002' });
    const first = await submit(REPORTER, input);
    const trackingNumber = first.data!.submitReport.report.trackingNumber;
    const before = await rowCounts();

    const reusedId = await submit(REPORTER, { ...input, description: 'Lampu lain yang mati.' });
    const reusedEn = await submit(REPORTER, { ...input, severity: 'SEVERE' }, 'en');

    expect(reusedId.errors?.[0].extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.clientKey' });
    expect(reusedId.errors?.[0].message).toBe(`Kunci pengiriman pada input.clientKey sudah dipakai untuk laporan lain (${trackingNumber}). Gunakan kunci baru untuk laporan baru.`);
    expect(reusedEn.errors?.[0].message).toBe(`The submission key in input.clientKey was already used for another report (${trackingNumber}). Use a new key for a new report.`);
    expect(await rowCounts()).toEqual(before);
  });

  test('same key of another reporter is a new report', async () => {
    const input = streetLight({ clientKey: 'retry-key-0003' });

    const mine = await submit(REPORTER, input);
    const theirs = await submit(citizen('reporter-2'), input);

    expect(theirs.data!.submitReport.replayed).toBe(false);
    expect(theirs.data!.submitReport.report.trackingNumber).not.toBe(mine.data!.submitReport.report.trackingNumber);
  });

  test('10 identical submissions at once store one report', async () => {
    const input = streetLight({ clientKey: 'parallel-key-0001' });
    const before = await rowCounts();

    const results = await Promise.all(Array.from({ length: 10 }, () => submit(REPORTER, input)));

    expect(results.filter((result) => result.errors)).toEqual([]);
    const numbers = new Set(results.map((result) => result.data!.submitReport.report.trackingNumber));
    expect(numbers.size).toBe(1);
    expect(results.filter((result) => result.data!.submitReport.replayed === false)).toHaveLength(1);
    expect(await rowCounts()).toEqual({ ...before, reports: before.reports + 1, events: before.events + 1 });
  });

  test('10 submissions of two bodies at once store one report', async () => {
    const bodyA = streetLight({ clientKey: 'parallel-key-0002' });
    const bodyB = streetLight({ clientKey: 'parallel-key-0002', title: 'Lampu taman mati' });
    const before = await rowCounts();

    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => submit(REPORTER, index % 2 === 0 ? bodyA : bodyB)));

    const stored = results.filter((result) => !result.errors);
    const reused = results.filter((result) => result.errors?.[0].extensions.code === 'IDEMPOTENCY_KEY_REUSED');
    expect(stored).toHaveLength(5);
    expect(reused).toHaveLength(5);
    expect(new Set(stored.map((result) => result.data!.submitReport.report.trackingNumber)).size).toBe(1);
    expect(await rowCounts()).toEqual({ ...before, reports: before.reports + 1, events: before.events + 1 });
  });
});

describe('idempotent submission under the hourly limit', () => {
  let limited: RabegHarness;

  beforeAll(async () => {
    limited = await startRabeg({ env: { RABEG_MAX_REPORTS_PER_HOUR: '3' } });
  });

  afterAll(async () => {
    await limited?.close();
  });

  test('10 identical submissions at once count as one report', async () => {
    const input = streetLight({ clientKey: 'limited-key-0001' });

    const results = await Promise.all(Array.from({ length: 10 }, () => limited.post<{ submitReport: any }>(SUBMIT, { input }, REPORTER)));

    expect(results.map((result) => result.errors?.[0].extensions.code ?? 'ok')).toEqual(Array(10).fill('ok'));
    expect(new Set(results.map((result) => result.data!.submitReport.report.trackingNumber)).size).toBe(1);
    expect(await countRows(limited, 'rabeg_report')).toBe(1);

    // The limit of 3 leaves room for two more reports within the hour, and no third.
    const second = await limited.post(SUBMIT, { input: streetLight({ clientKey: 'limited-key-0002' }) }, REPORTER);
    const third = await limited.post(SUBMIT, { input: streetLight({ clientKey: 'limited-key-0003' }) }, REPORTER);
    const fourth = await limited.post(SUBMIT, { input: streetLight({ clientKey: 'limited-key-0004' }) }, REPORTER);
    expect(second.errors).toBeUndefined();
    expect(third.errors).toBeUndefined();
    expect(fourth.errors?.[0].extensions.code).toBe('TOO_MANY_REPORTS');
    expect(await countRows(limited, 'rabeg_report')).toBe(3);
  });
});

describe('support', () => {
  test('counts one per account and shows the count publicly', async () => {
    const report = await reportIn(rabeg, 'VERIFIED', REPORTER);
    const supporter = citizen('supporter-1');

    const first = await support(supporter, report.trackingNumber);
    const again = await support(supporter, report.trackingNumber);
    const againEn = await support(supporter, report.trackingNumber, 'en');
    const publicView = await rabeg.ok<{ report: { supportCount: number; supportedByMe: boolean } }>(
      'query($t: String!) { report(trackingNumber: $t) { supportCount supportedByMe } }',
      { t: report.trackingNumber },
    );

    expect(first.data!.supportReport).toEqual({ supportCount: 1, supportedByMe: true });
    expect(again.errors?.[0].extensions).toEqual({ code: 'ALREADY_SUPPORTED', field: 'trackingNumber' });
    expect(again.errors?.[0].message).toBe('Anda sudah mendukung laporan pada trackingNumber. Satu akun hanya dapat mendukung satu kali.');
    expect(againEn.errors?.[0].message).toBe('You already support the report in trackingNumber. Each account can support a report once.');
    expect(publicView.report).toEqual({ supportCount: 1, supportedByMe: false });
  });

  test('refused supports write nothing', async () => {
    const open = await reportIn(rabeg, 'DISPATCHED', REPORTER);
    const submitted = await reportIn(rabeg, 'SUBMITTED', REPORTER);
    const confidential = await reportIn(rabeg, 'VERIFIED', REPORTER, { confidential: true });
    const closed = await reportIn(rabeg, 'CLOSED', REPORTER);
    const other = citizen('supporter-2');
    // [case, caller, tracking number, code, Indonesian message, English message]
    const cases: [string, Caller, string, string, string, string][] = [
      ['own report', REPORTER, open.trackingNumber, 'OWN_REPORT', 'Laporan pada trackingNumber adalah laporan Anda sendiri, sehingga tidak perlu didukung.', 'The report in trackingNumber is your own, so it needs no support from you.'],
      ['closed report', other, closed.trackingNumber, 'REPORT_NOT_OPEN', 'Laporan pada trackingNumber tidak sedang terbuka (statusnya CLOSED).', 'The report in trackingNumber is not open (its state is CLOSED).'],
      ['SUBMITTED report', other, submitted.trackingNumber, 'REPORT_NOT_FOUND', 'Laporan pada trackingNumber tidak ditemukan.', 'The report in trackingNumber was not found.'],
      ['confidential report', other, confidential.trackingNumber, 'REPORT_NOT_FOUND', 'Laporan pada trackingNumber tidak ditemukan.', 'The report in trackingNumber was not found.'],
      ['unknown report', other, 'RBG-260101-ZZZZZ', 'REPORT_NOT_FOUND', 'Laporan pada trackingNumber tidak ditemukan.', 'The report in trackingNumber was not found.'],
    ];
    const before = await rowCounts();

    for (const [name, caller, trackingNumber, code, indonesian, english] of cases) {
      const resultId = await support(caller, trackingNumber);
      const resultEn = await support(caller, trackingNumber, 'en');
      expect([name, resultId.errors?.[0].extensions]).toEqual([name, { code, field: 'trackingNumber' }]);
      expect([name, resultId.errors?.[0].message]).toEqual([name, indonesian]);
      expect([name, resultEn.errors?.[0].message]).toEqual([name, english]);
    }
    const anonymous = await support(ANONYMOUS, open.trackingNumber);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await rowCounts()).toEqual(before);
  });

  test('10 parallel supports of one account count once', async () => {
    const report = await reportIn(rabeg, 'IN_PROGRESS', REPORTER);
    const before = await rowCounts();

    const results = await Promise.all(Array.from({ length: 10 }, () => support(citizen('eager-supporter'), report.trackingNumber)));

    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions.code === 'ALREADY_SUPPORTED')).toHaveLength(9);
    const read = await rabeg.ok<{ report: { supportCount: number } }>('query($t: String!) { report(trackingNumber: $t) { supportCount } }', { t: report.trackingNumber });
    expect(read.report.supportCount).toBe(1);
    expect(await rowCounts()).toEqual({ ...before, supports: before.supports + 1 });
  });

  test('10 parallel supports of ten accounts count ten', async () => {
    const report = await reportIn(rabeg, 'RESOLVED', REPORTER);

    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => support(citizen(`crowd-${index}`), report.trackingNumber)));

    expect(results.filter((result) => result.errors)).toEqual([]);
    const read = await rabeg.ok<{ report: { supportCount: number } }>('query($t: String!) { report(trackingNumber: $t) { supportCount } }', { t: report.trackingNumber });
    expect(read.report.supportCount).toBe(10);
  });
});

/*
 * Duplicate suggestions around a point away from the other tests' reports. Offsets are along the
 * meridian, where the haversine distance is the Earth radius (6,371,008.8 m) times the latitude
 * difference in radians: 111,195.08 m per degree.
 */
describe('duplicate suggestions', () => {
  const CENTRE = { latitude: -6.13, longitude: 106.16 };
  const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
  const north = (metres: number) => ({ latitude: CENTRE.latitude + metres / METRES_PER_DEGREE, longitude: CENTRE.longitude });
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    const neighbour = citizen('neighbour');
    numbers.at49 = (await reportIn(rabeg, 'VERIFIED', neighbour, north(49))).trackingNumber;
    numbers.at30 = (await reportIn(rabeg, 'DISPATCHED', neighbour, north(30))).trackingNumber;
    numbers.at51 = (await reportIn(rabeg, 'VERIFIED', neighbour, north(-51))).trackingNumber;
    numbers.otherCategory = (await reportIn(rabeg, 'VERIFIED', neighbour, { ...north(10), categoryCode: 'waste', title: 'Sampah menumpuk' })).trackingNumber;
    numbers.submitted = (await reportIn(rabeg, 'SUBMITTED', neighbour, north(20))).trackingNumber;
    numbers.confidential = (await reportIn(rabeg, 'VERIFIED', neighbour, { ...north(15), confidential: true })).trackingNumber;
    const closed = await reportIn(rabeg, 'VERIFIED', neighbour, north(5));
    await actOk(rabeg, COORDINATOR, 'closeReport', closed.trackingNumber, { reason: 'INVALID', note: 'Bukan laporan nyata' });
    numbers.closed = closed.trackingNumber;
  });

  test('submission suggests open public reports within 50 m', async () => {
    const result = await submit(REPORTER, streetLight(CENTRE));

    const suggestions = result.data!.submitReport.possibleDuplicates.map((match: any) => [match.report.trackingNumber, match.distanceMetres]);
    expect(suggestions).toEqual([
      [numbers.at30, 30],
      [numbers.at49, 49],
    ]);
  });

  test('nearbyReports returns the same matches', async () => {
    const result = await rabeg.ok<{ nearbyReports: { distanceMetres: number; report: { trackingNumber: string } }[] }>(
      'query($la: Float!, $lo: Float!) { nearbyReports(categoryCode: "street-light", latitude: $la, longitude: $lo) { distanceMetres report { trackingNumber } } }',
      { la: CENTRE.latitude, lo: CENTRE.longitude },
    );

    expect(result.nearbyReports.map((match) => match.report.trackingNumber)).toEqual([numbers.at30, numbers.at49]);
  });

  test('nearbyReports checks category and city', async () => {
    const query = 'query($c: String!, $la: Float!, $lo: Float!) { nearbyReports(categoryCode: $c, latitude: $la, longitude: $lo) { distanceMetres } }';

    const unknown = await rabeg.post(query, { c: 'flying-car', la: CENTRE.latitude, lo: CENTRE.longitude });
    const outside = await rabeg.post(query, { c: 'street-light', la: -6.2, lo: 106.85 });

    expect(unknown.errors?.[0].extensions).toEqual({ code: 'UNKNOWN_CATEGORY', field: 'categoryCode' });
    expect(outside.errors?.[0].extensions).toEqual({ code: 'OUTSIDE_CITY', field: 'longitude' });
  });

  test('verified neighbour becomes a suggestion', async () => {
    const result = await act(rabeg, COORDINATOR, 'verifyReport', numbers.submitted);

    // The SUBMITTED neighbour was left out only because it is not public yet.
    expect(result.data!.verifyReport.state).toBe('VERIFIED');
    const again = await submit(citizen('late-reporter'), streetLight(CENTRE));
    expect(again.data!.submitReport.possibleDuplicates.map((match: any) => match.report.trackingNumber)).toEqual([numbers.submitted, numbers.at30, numbers.at49]);
  });
});
