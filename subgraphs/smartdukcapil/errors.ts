import type { ErrorRegistry } from '../../plugins/errors';

/** Maximum number of document links in one application. */
export const MAX_DOCUMENT_URLS = 10;
/** Maximum length of one document link, in characters. */
export const MAX_DOCUMENT_URL_LENGTH = 500;
/** Maximum number of bookings an officer may open in one slot. */
export const MAX_SLOT_CAPACITY = 200;
/** Maximum length of an officer's note or rejection reason, in characters. */
export const MAX_NOTE_LENGTH = 500;
/** Maximum page size of the `applications` query. */
export const MAX_PAGE_SIZE = 100;

export const SMARTDUKCAPIL_ERRORS = {
  UNKNOWN_SERVICE: {
    description: 'No service in the catalogue has the given code.',
    messages: {
      id: 'Layanan pada {field} tidak dikenal. Gunakan salah satu kode dari dukcapilServices, misalnya {example}.',
      en: 'The service in {field} is unknown. Use one of the codes of dukcapilServices, for example {example}.',
    },
  },
  NIK_MALFORMED: {
    description: 'A NIK is not exactly 16 digits.',
    messages: {
      id: 'NIK pada {field} harus terdiri dari tepat 16 angka.',
      en: 'The NIK in {field} must be exactly 16 digits.',
    },
  },
  NIK_UNKNOWN_PROVINCE: {
    description: 'The first two digits of a NIK are not one of the 38 province codes.',
    messages: {
      id: 'Dua angka pertama NIK pada {field} bukan kode provinsi yang dikenal (11 sampai 96, misalnya 36 untuk Banten).',
      en: 'The first two digits of the NIK in {field} are not a known province code (11 to 96, such as 36 for Banten).',
    },
  },
  NIK_INVALID_DATE: {
    description: 'Digits 7 to 12 of a NIK are not a real DDMMYY date, with 40 added to the day for women.',
    messages: {
      id: 'Angka ke-7 sampai ke-12 NIK pada {field} bukan tanggal lahir yang valid (format TTBBTT; tanggal ditambah 40 untuk perempuan).',
      en: 'Digits 7 to 12 of the NIK in {field} are not a valid birth date (DDMMYY, with 40 added to the day for women).',
    },
  },
  NIK_ZERO_SERIAL: {
    description: 'The last four digits of a NIK are 0000, which no NIK has.',
    messages: {
      id: 'Empat angka terakhir NIK pada {field} tidak boleh 0000.',
      en: 'The last four digits of the NIK in {field} must not be 0000.',
    },
  },
  NIK_BIRTH_DATE_MISMATCH: {
    description: 'The birth date in a NIK differs from the stated birth date.',
    messages: {
      id: 'Tanggal lahir dalam NIK pada {field} tidak sama dengan tanggal lahir yang diisi pada {other}.',
      en: 'The birth date in the NIK in {field} does not match the birth date given in {other}.',
    },
  },
  NIK_SEX_MISMATCH: {
    description: 'The sex encoded in a NIK (day above 40 for women) differs from the stated sex.',
    messages: {
      id: 'Jenis kelamin dalam NIK pada {field} tidak sama dengan jenis kelamin yang diisi pada {other}.',
      en: 'The sex encoded in the NIK in {field} does not match the sex given in {other}.',
    },
  },
  KK_MALFORMED: {
    description: 'A Kartu Keluarga number is not exactly 16 digits.',
    messages: {
      id: 'Nomor Kartu Keluarga pada {field} harus terdiri dari tepat 16 angka.',
      en: 'The Kartu Keluarga number in {field} must be exactly 16 digits.',
    },
  },
  KK_UNKNOWN_PROVINCE: {
    description: 'The first two digits of a Kartu Keluarga number are not one of the 38 province codes.',
    messages: {
      id: 'Dua angka pertama nomor Kartu Keluarga pada {field} bukan kode provinsi yang dikenal (misalnya 36 untuk Banten).',
      en: 'The first two digits of the Kartu Keluarga number in {field} are not a known province code (such as 36 for Banten).',
    },
  },
  INVALID_BIRTH_DATE: {
    description: 'A birth date is not a real YYYY-MM-DD date, or lies in the future.',
    messages: {
      id: 'Tanggal lahir pada {field} harus berupa tanggal yang valid dengan format TTTT-BB-HH dan tidak di masa depan, misalnya 1990-05-17.',
      en: 'The birth date in {field} must be a valid YYYY-MM-DD date that is not in the future, for example 1990-05-17.',
    },
  },
  INVALID_DOCUMENT_URL: {
    description: 'A document link is not an https URL or is longer than the limit.',
    messages: {
      id: 'Tautan dokumen pada {field} harus berupa URL https dengan paling banyak {max} karakter.',
      en: 'The document link in {field} must be an https URL of at most {max} characters.',
    },
  },
  TOO_MANY_DOCUMENTS: {
    description: 'An application has more document links than the limit.',
    messages: {
      id: 'Pada {field} paling banyak {max} tautan dokumen.',
      en: 'At most {max} document links are accepted in {field}.',
    },
  },
  SERVICE_POINT_NOT_FOUND: {
    description: 'No service point has the given id.',
    messages: {
      id: 'Tempat layanan pada {field} tidak ditemukan. Gunakan id dari servicePoints.',
      en: 'The service point in {field} was not found. Use an id from servicePoints.',
    },
  },
  INVALID_SLOT_START: {
    description: 'A slot start is not an ISO 8601 date and time with a time zone, or is not in the future.',
    messages: {
      id: 'Waktu mulai pada {field} harus berupa waktu ISO 8601 dengan zona waktu di masa depan, misalnya 2030-01-15T08:00:00+07:00.',
      en: 'The start time in {field} must be a future ISO 8601 date and time with a time zone, for example 2030-01-15T08:00:00+07:00.',
    },
  },
  INVALID_SLOT_CAPACITY: {
    description: 'A slot capacity is outside the accepted range.',
    messages: {
      id: 'Kapasitas pada {field} harus bilangan bulat 1 sampai {max}.',
      en: 'The capacity in {field} must be a whole number from 1 to {max}.',
    },
  },
  SLOT_NOT_FOUND: {
    description: 'No slot has the given id.',
    messages: {
      id: 'Jadwal pada {field} tidak ditemukan. Gunakan id dari slots.',
      en: 'The slot in {field} was not found. Use an id from slots.',
    },
  },
  SLOT_STARTED: {
    description: 'The chosen slot has already started, so it takes no more bookings.',
    messages: {
      id: 'Jadwal pada {field} sudah dimulai. Pilih jadwal lain.',
      en: 'The slot in {field} has already started. Choose another slot.',
    },
  },
  SLOT_FULL: {
    description: 'The chosen slot has no free place left.',
    messages: {
      id: 'Jadwal pada {field} sudah penuh. Pilih jadwal lain.',
      en: 'The slot in {field} is full. Choose another slot.',
    },
  },
  APPLICATION_NOT_FOUND: {
    description: 'No application has the given tracking number.',
    messages: {
      id: 'Permohonan dengan nomor pada {field} tidak ditemukan.',
      en: 'No application has the tracking number in {field}.',
    },
  },
  INVALID_TRANSITION: {
    description: 'An application cannot move from its current state to the requested one.',
    messages: {
      id: 'Permohonan tidak dapat diubah dari status {from} ke {to}.',
      en: 'The application cannot move from state {from} to {to}.',
    },
  },
  REJECTION_REASON_REQUIRED: {
    description: 'A rejection has no reason.',
    messages: {
      id: 'Alasan penolakan pada {field} wajib diisi, paling banyak {max} karakter.',
      en: 'A rejection reason in {field} is required, at most {max} characters.',
    },
  },
  INVALID_NOTE: {
    description: 'A note or reason is longer than the limit.',
    messages: {
      id: 'Catatan pada {field} paling banyak {max} karakter.',
      en: 'The note in {field} must have at most {max} characters.',
    },
  },
  INVALID_PAGE_SIZE: {
    description: 'The page size is outside the accepted range.',
    messages: {
      id: 'Nilai {field} harus bilangan bulat 1 sampai {max}.',
      en: 'The value of {field} must be a whole number from 1 to {max}.',
    },
  },
  INVALID_CURSOR: {
    description: 'A page cursor was not returned by this query.',
    messages: {
      id: 'Kursor pada {field} tidak valid. Gunakan endCursor dari halaman sebelumnya.',
      en: 'The cursor in {field} is invalid. Use the endCursor of the previous page.',
    },
  },
} satisfies ErrorRegistry;
