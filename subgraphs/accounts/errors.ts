import type { ErrorRegistry } from '../../plugins/errors';

export const ACCOUNTS_ERRORS = {
  INVALID_DISPLAY_NAME: {
    description: 'The display name is empty after trimming, longer than the limit, or contains control or invisible characters.',
    messages: {
      id: 'Nama pada {field} harus berisi 1 sampai {max} karakter yang terlihat, tanpa karakter kontrol.',
      en: 'The name in {field} must have 1 to {max} visible characters and no control characters.',
    },
  },
  INVALID_EMAIL: {
    description: 'The email address is not of the form name@domain.tld or is longer than the limit.',
    messages: {
      id: 'Alamat email pada {field} tidak valid. Gunakan bentuk nama@domain.id dengan paling banyak {max} karakter.',
      en: 'The email address in {field} is invalid. Use the form name@domain.id with at most {max} characters.',
    },
  },
  INVALID_PHONE: {
    description: 'The phone number is not an Indonesian number (08…, 62… or +62…, followed by 8 to 12 digits).',
    messages: {
      id: 'Nomor telepon pada {field} tidak valid. Gunakan nomor Indonesia seperti 0812-3456-7890 atau +6281234567890.',
      en: 'The phone number in {field} is invalid. Use an Indonesian number such as 0812-3456-7890 or +6281234567890.',
    },
  },
  CONTACT_REQUIRED: {
    description: 'Registration gave neither an email address nor a phone number.',
    messages: {
      id: 'Isi alamat email atau nomor telepon pada {field}; salah satu wajib ada.',
      en: 'Fill in an email address or a phone number in {field}; one of them is required.',
    },
  },
  PASSWORD_TOO_WEAK: {
    description: 'The password is shorter than the minimum, lacks a letter or a digit, or is a common password.',
    messages: {
      id: 'Kata sandi pada {field} terlalu lemah. Gunakan paling sedikit {min} karakter dengan huruf dan angka, dan hindari kata sandi yang umum.',
      en: 'The password in {field} is too weak. Use at least {min} characters with letters and digits, and avoid common passwords.',
    },
  },
  PASSWORD_TOO_LONG: {
    description: 'The password is longer than the maximum.',
    messages: {
      id: 'Kata sandi pada {field} terlalu panjang. Gunakan paling banyak {max} karakter.',
      en: 'The password in {field} is too long. Use at most {max} characters.',
    },
  },
  EMAIL_TAKEN: {
    description: 'Another account already uses this email address.',
    messages: {
      id: 'Alamat email pada {field} sudah terdaftar. Masuk dengan akun tersebut atau gunakan alamat lain.',
      en: 'The email address in {field} is already registered. Sign in with that account or use another address.',
    },
  },
  PHONE_TAKEN: {
    description: 'Another account already uses this phone number.',
    messages: {
      id: 'Nomor telepon pada {field} sudah terdaftar. Masuk dengan akun tersebut atau gunakan nomor lain.',
      en: 'The phone number in {field} is already registered. Sign in with that account or use another number.',
    },
  },
  INVALID_CREDENTIALS: {
    description: 'No account has this email or phone, or the password is wrong. Both cases return the same error.',
    messages: {
      id: 'Email/nomor telepon atau kata sandi salah.',
      en: 'The email/phone number or the password is wrong.',
    },
  },
  LOGIN_RATE_LIMITED: {
    description: 'Too many failed sign-in attempts for this account or from this address within the window.',
    messages: {
      id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik.',
      en: 'Too many failed sign-in attempts. Try again in {seconds} seconds.',
    },
  },
  INVALID_REFRESH_TOKEN: {
    description: 'The refresh token is unknown or expired.',
    messages: {
      id: 'Token penyegaran pada {field} tidak valid atau sudah kedaluwarsa. Silakan masuk kembali.',
      en: 'The refresh token in {field} is invalid or expired. Please sign in again.',
    },
  },
  REFRESH_TOKEN_REVOKED: {
    description: 'The refresh token was revoked by a logout or replaced by a refresh.',
    messages: {
      id: 'Token penyegaran pada {field} sudah dicabut. Silakan masuk kembali.',
      en: 'The refresh token in {field} has been revoked. Please sign in again.',
    },
  },
  INVALID_PERMISSION: {
    description: 'The permission is not named <subgraph>:<action> in lowercase letters, digits and "-".',
    messages: {
      id: 'Izin pada {field} tidak valid. Gunakan bentuk <subgraph>:<tindakan> dengan huruf kecil, angka dan "-", misalnya {example}.',
      en: 'The permission in {field} is invalid. Use the form <subgraph>:<action> in lowercase letters, digits and "-", for example {example}.',
    },
  },
  ACCOUNT_NOT_FOUND: {
    description: 'No account has the given id.',
    messages: {
      id: 'Akun pada {field} tidak ditemukan.',
      en: 'The account in {field} was not found.',
    },
  },
  LAST_ADMIN: {
    description: 'The change would leave the platform without an admin.',
    messages: {
      id: 'Peran pada {field} tidak dapat diubah: akun ini adalah admin terakhir. Jadikan akun lain admin terlebih dahulu.',
      en: 'The {field} cannot be changed: this account is the last admin. Make another account an admin first.',
    },
  },
  OPD_REQUIRED: {
    description: 'The role OFFICER was set without the id of the officer\'s OPD.',
    messages: {
      id: 'Peran OFFICER memerlukan id OPD pada {field}, misalnya dishub.',
      en: 'The role OFFICER needs an OPD id in {field}, for example dishub.',
    },
  },
  INVALID_OPD_ID: {
    description: 'The OPD id is not a lowercase slug of at most 64 characters.',
    messages: {
      id: 'Id OPD pada {field} tidak valid. Gunakan huruf kecil, angka dan "-", paling banyak {max} karakter, misalnya dishub.',
      en: 'The OPD id in {field} is invalid. Use lowercase letters, digits and "-", at most {max} characters, for example dishub.',
    },
  },
  INVALID_PAGE_SIZE: {
    description: 'The page size is outside the accepted range.',
    messages: {
      id: 'Jumlah pada {field} harus antara {min} dan {max}.',
      en: 'The count in {field} must be between {min} and {max}.',
    },
  },
  INVALID_CURSOR: {
    description: 'The cursor was not returned by an earlier page of the same list.',
    messages: {
      id: 'Kursor pada {field} tidak valid. Gunakan endCursor dari halaman sebelumnya.',
      en: 'The cursor in {field} is invalid. Use the endCursor of the previous page.',
    },
  },
} satisfies ErrorRegistry;
