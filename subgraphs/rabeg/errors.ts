import type { ErrorRegistry } from '../../plugins/errors';

/** Maximum length of a report title, in characters. */
export const MAX_TITLE_LENGTH = 120;
/** Minimum length of a report title, in characters, so the title is meaningful. */
export const MIN_TITLE_LENGTH = 5;
/** Maximum length of a report description, in characters. */
export const MAX_DESCRIPTION_LENGTH = 2000;
/** Maximum length of a report address, in characters. */
export const MAX_ADDRESS_LENGTH = 300;
/** Most photo links on one report. */
export const MAX_PHOTOS = 5;
/** Maximum length of a photo link, in characters. */
export const MAX_PHOTO_URL_LENGTH = 500;
/** Maximum length of a note on a state change, in characters. */
export const MAX_NOTE_LENGTH = 1000;
/** Largest page of a report list. */
export const MAX_PAGE_SIZE = 100;
/** Maximum date range of the public figures, in days. */
export const MAX_STATS_RANGE_DAYS = 731;
/** Radius of the duplicate suggestions, in metres. */
export const DUPLICATE_RADIUS_METRES = 50;

export const RABEG_ERRORS = {
  UNKNOWN_CATEGORY: {
    description: 'No report category has the given code.',
    messages: {
      id: 'Kategori pada {field} tidak dikenal. Gunakan salah satu kode dari reportCategories, misalnya {example}.',
      en: 'The category in {field} is unknown. Use one of the codes of reportCategories, for example {example}.',
    },
  },
  TEXT_REQUIRED: {
    description: 'A required text is empty or only spaces.',
    messages: {
      id: '{field} wajib diisi.',
      en: '{field} is required.',
    },
  },
  TEXT_TOO_SHORT: {
    description: 'A text is shorter than its minimum length.',
    messages: {
      id: '{field} terlalu pendek: paling sedikit {min} karakter.',
      en: '{field} is too short: at least {min} characters.',
    },
  },
  TEXT_TOO_LONG: {
    description: 'A text is longer than its maximum length.',
    messages: {
      id: '{field} terlalu panjang: paling banyak {max} karakter.',
      en: '{field} is too long: at most {max} characters.',
    },
  },
  LOCATION_REQUIRED: {
    description: 'A report has neither coordinates nor a kelurahan code.',
    messages: {
      id: 'Lokasi laporan wajib diisi: isi latitude dan longitude, atau kode kelurahan pada {field}, atau keduanya.',
      en: 'The report needs a location: give latitude and longitude, or a kelurahan code in {field}, or both.',
    },
  },
  INCOMPLETE_COORDINATES: {
    description: 'Only one of latitude and longitude is given.',
    messages: {
      id: 'Isi latitude dan longitude bersama-sama; {field} kosong.',
      en: 'Give latitude and longitude together; {field} is missing.',
    },
  },
  OUTSIDE_CITY: {
    description: 'Coordinates lie outside the bounds of Kota Serang.',
    messages: {
      id: 'Koordinat pada {field} berada di luar Kota Serang. Rabeg hanya menerima laporan di wilayah Kota Serang (latitude {minLatitude} sampai {maxLatitude}, longitude {minLongitude} sampai {maxLongitude}).',
      en: 'The coordinates in {field} lie outside Kota Serang. Rabeg only takes reports within Kota Serang (latitude {minLatitude} to {maxLatitude}, longitude {minLongitude} to {maxLongitude}).',
    },
  },
  UNKNOWN_KELURAHAN: {
    description: 'A kelurahan code is not one of the 67 kelurahan of Kota Serang.',
    messages: {
      id: 'Kode kelurahan pada {field} bukan kelurahan di Kota Serang. Gunakan kode dari kelurahanSearch, misalnya {example}.',
      en: 'The kelurahan code in {field} is not a kelurahan of Kota Serang. Use a code from kelurahanSearch, for example {example}.',
    },
  },
  INVALID_PHOTO_URL: {
    description: 'A photo link is not an https URL or is longer than the limit.',
    messages: {
      id: 'Tautan foto pada {field} harus berupa URL https dengan paling banyak {max} karakter.',
      en: 'The photo link in {field} must be an https URL of at most {max} characters.',
    },
  },
  TOO_MANY_PHOTOS: {
    description: 'A report has more photo links than the limit.',
    messages: {
      id: 'Pada {field} paling banyak {max} foto.',
      en: 'At most {max} photos are accepted in {field}.',
    },
  },
  INVALID_CLIENT_KEY: {
    description: 'An idempotency key is not 8 to 64 letters, digits, "-" or "_".',
    messages: {
      id: 'Kunci pengiriman pada {field} harus 8 sampai 64 karakter berupa huruf, angka, "-" atau "_", misalnya UUID.',
      en: 'The submission key in {field} must be 8 to 64 letters, digits, "-" or "_", such as a UUID.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    description: 'The caller already submitted a different report with the same idempotency key.',
    messages: {
      id: 'Kunci pengiriman pada {field} sudah dipakai untuk laporan lain ({trackingNumber}). Gunakan kunci baru untuk laporan baru.',
      en: 'The submission key in {field} was already used for another report ({trackingNumber}). Use a new key for a new report.',
    },
  },
  REPORT_NOT_FOUND: {
    description: 'No report the caller may see has the given tracking number.',
    messages: {
      id: 'Laporan pada {field} tidak ditemukan.',
      en: 'The report in {field} was not found.',
    },
  },
  INVALID_TRANSITION: {
    description: 'The report cannot move from its current state to the requested one.',
    messages: {
      id: 'Laporan berstatus {from} tidak dapat diubah menjadi {to}.',
      en: 'A report in state {from} cannot move to {to}.',
    },
  },
  NOTE_REQUIRED: {
    description: 'This state change requires a note on what was done or why.',
    messages: {
      id: 'Catatan ({field}) wajib diisi untuk perubahan ini: jelaskan apa yang dilakukan atau alasannya.',
      en: 'A note ({field}) is required for this change: say what was done or why.',
    },
  },
  INVALID_CLOSE_REASON: {
    description: 'The close reason is not one the caller may give by hand.',
    messages: {
      id: 'Alasan penutupan pada {field} tidak dapat dipilih di sini. Pilihan: {accepted}.',
      en: 'The close reason in {field} cannot be chosen here. Choose one of: {accepted}.',
    },
  },
  DUPLICATE_OF_REQUIRED: {
    description: 'Closing as DUPLICATE needs the tracking number of the original report.',
    messages: {
      id: 'Untuk menutup sebagai duplikat, isi nomor laporan asli pada {field}.',
      en: 'To close as a duplicate, give the tracking number of the original report in {field}.',
    },
  },
  INVALID_DUPLICATE_OF: {
    description: 'The original of a duplicate is the report itself, is not found, or is not open.',
    messages: {
      id: 'Laporan asli pada {field} harus laporan lain yang masih terbuka.',
      en: 'The original report in {field} must be another report that is still open.',
    },
  },
  INVALID_OPD_ID: {
    description: 'An OPD id is not a lowercase slug.',
    messages: {
      id: 'OPD pada {field} harus berupa kode OPD huruf kecil seperti {example}, paling banyak {max} karakter.',
      en: 'The OPD in {field} must be a lowercase OPD id such as {example}, at most {max} characters.',
    },
  },
  OPD_REQUIRED: {
    description: 'The report\'s category has no handling OPD, so the dispatch must name one.',
    messages: {
      id: 'Kategori laporan ini tidak memiliki OPD penanggung jawab; isi OPD tujuan pada {field}.',
      en: 'This report\'s category has no handling OPD; give the OPD to dispatch to in {field}.',
    },
  },
  SAME_OPD: {
    description: 'A reroute names the OPD the report is already dispatched to.',
    messages: {
      id: 'Laporan sudah diteruskan ke {opdId}; pilih OPD lain pada {field} untuk mengalihkannya.',
      en: 'The report is already dispatched to {opdId}; choose another OPD in {field} to reroute it.',
    },
  },
  ALREADY_SUPPORTED: {
    description: 'The caller already supports this report.',
    messages: {
      id: 'Anda sudah mendukung laporan pada {field}. Satu akun hanya dapat mendukung satu kali.',
      en: 'You already support the report in {field}. Each account can support a report once.',
    },
  },
  OWN_REPORT: {
    description: 'A reporter tried to support their own report.',
    messages: {
      id: 'Laporan pada {field} adalah laporan Anda sendiri, sehingga tidak perlu didukung.',
      en: 'The report in {field} is your own, so it needs no support from you.',
    },
  },
  REPORT_NOT_OPEN: {
    description: 'Support needs an open report (VERIFIED, DISPATCHED, IN_PROGRESS or RESOLVED).',
    messages: {
      id: 'Laporan pada {field} tidak sedang terbuka (statusnya {state}).',
      en: 'The report in {field} is not open (its state is {state}).',
    },
  },
  INVALID_PAGE_SIZE: {
    description: 'A page size is outside the accepted range.',
    messages: {
      id: 'Ukuran halaman pada {field} harus 1 sampai {max}.',
      en: 'The page size in {field} must be 1 to {max}.',
    },
  },
  INVALID_CURSOR: {
    description: 'A cursor is not one this API returned.',
    messages: {
      id: 'Kursor pada {field} tidak valid. Gunakan endCursor dari halaman sebelumnya.',
      en: 'The cursor in {field} is invalid. Use endCursor of the previous page.',
    },
  },
  INVALID_DATE: {
    description: 'A date is not a real YYYY-MM-DD date.',
    messages: {
      id: 'Tanggal pada {field} harus tanggal yang valid dengan format TTTT-BB-HH, misalnya {example}.',
      en: 'The date in {field} must be a valid YYYY-MM-DD date, for example {example}.',
    },
  },
  INVALID_DATE_RANGE: {
    description: 'A date range ends before it starts.',
    messages: {
      id: 'Rentang tanggal tidak valid: tanggal pada {field} tidak boleh sebelum tanggal awal.',
      en: 'The date range is invalid: the date in {field} must not come before the start date.',
    },
  },
  DATE_RANGE_TOO_LONG: {
    description: 'A date range of the figures spans more days than the limit.',
    messages: {
      id: 'Rentang tanggal terlalu panjang: paling banyak {max} hari (periksa {field}).',
      en: 'The date range is too long: at most {max} days (check {field}).',
    },
  },
  TOO_MANY_REPORTS: {
    description: 'The account submitted more new reports within the hour than the limit (RABEG_MAX_REPORTS_PER_HOUR).',
    messages: {
      id: 'Anda sudah mengirim {max} laporan dalam satu jam terakhir. Silakan coba lagi nanti, atau dukung laporan yang sudah ada.',
      en: 'You have sent {max} reports within the last hour. Please try again later, or support an existing report.',
    },
  },
  INVALID_CHARACTERS: {
    description: 'A text contains control characters (other than tab and line feed), such as NUL.',
    messages: {
      id: '{field} berisi karakter kendali yang tidak diterima. Hapus karakter itu lalu kirim lagi.',
      en: '{field} contains control characters that are not accepted. Remove them and send again.',
    },
  },
  INVALID_COORDINATES: {
    description: 'A latitude or longitude is not a finite number in degrees.',
    messages: {
      id: 'Koordinat pada {field} harus berupa angka derajat WGS 84.',
      en: 'The coordinate in {field} must be a WGS 84 number of degrees.',
    },
  },
} as const satisfies ErrorRegistry;
