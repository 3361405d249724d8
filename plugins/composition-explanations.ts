import type { Language } from './language';

/**
 * Plain explanations, with the fix, of the composition errors OPD developers meet most, by
 * @apollo/composition error code. Codes not listed get the general advice.
 */
const EXPLANATIONS: Record<string, Record<Language, string>> = {
  INVALID_FIELD_SHARING: {
    en: 'Two subgraphs both resolve this field of a type that is not shared. Keep the field in one subgraph, or mark it @shareable in every subgraph that resolves it when they return the same data.',
    id: 'Dua subgraph sama-sama menyelesaikan field ini pada tipe yang tidak dibagi. Simpan field di satu subgraph saja, atau tandai @shareable di setiap subgraph yang menyelesaikannya bila datanya sama.',
  },
  FIELD_TYPE_MISMATCH: {
    en: 'The same field has different types in two subgraphs. Give it the same type everywhere, nullability included.',
    id: 'Field yang sama memiliki tipe berbeda di dua subgraph. Samakan tipenya di semua subgraph, termasuk nullable atau tidaknya.',
  },
  FIELD_ARGUMENT_TYPE_MISMATCH: {
    en: 'An argument of the same field has different types in two subgraphs. Give it the same type everywhere.',
    id: 'Argumen pada field yang sama memiliki tipe berbeda di dua subgraph. Samakan tipenya di semua subgraph.',
  },
  TYPE_KIND_MISMATCH: {
    en: 'One type name is used for different kinds of type (for example an object in one subgraph and an enum in another). Rename one of them.',
    id: 'Satu nama tipe dipakai untuk jenis tipe yang berbeda (misalnya object di satu subgraph dan enum di subgraph lain). Ganti salah satu namanya.',
  },
  SATISFIABILITY_ERROR: {
    en: 'Some query could reach a field that no subgraph can resolve from there. Usually an entity lacks a @key in one subgraph, or a field was added to a type that is not an entity; add the @key and a reference resolver.',
    id: 'Ada query yang dapat mencapai field yang tidak dapat diselesaikan subgraph mana pun dari titik itu. Biasanya sebuah entitas tidak memiliki @key di satu subgraph, atau field ditambahkan ke tipe yang bukan entitas; tambahkan @key dan resolver rujukannya.',
  },
  KEY_INVALID_FIELDS: {
    en: 'The fields of a @key do not exist on the type or cannot be keys. Name existing scalar fields, such as @key(fields: "id").',
    id: 'Field pada @key tidak ada di tipe itu atau tidak dapat menjadi kunci. Sebutkan field skalar yang ada, misalnya @key(fields: "id").',
  },
  ENUM_VALUE_MISMATCH: {
    en: 'An enum used as an input and an output has different values in two subgraphs. Give it the same values everywhere.',
    id: 'Enum yang dipakai sebagai input dan output memiliki nilai berbeda di dua subgraph. Samakan nilainya di semua subgraph.',
  },
  REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH: {
    en: 'A required argument exists in one subgraph but not in another that defines the same field. Add it everywhere or make it optional.',
    id: 'Argumen wajib ada di satu subgraph tetapi tidak di subgraph lain yang mendefinisikan field yang sama. Tambahkan di semua subgraph atau jadikan opsional.',
  },
  EXTENSION_WITH_NO_BASE: {
    en: 'A subgraph extends a type that no subgraph defines. Check the type name, or define the type in its owning subgraph.',
    id: 'Sebuah subgraph memperluas tipe yang tidak didefinisikan subgraph mana pun. Periksa nama tipenya, atau definisikan tipe itu di subgraph pemiliknya.',
  },
};

const GENERAL: Record<Language, string> = {
  en: 'Composition rejected the subgraphs as they are. The message names the subgraphs, types and fields involved; fix the subgraph it names and run npm run compose again.',
  id: 'Komposisi menolak subgraph dalam keadaan sekarang. Pesan menyebut subgraph, tipe, dan field yang terlibat; perbaiki subgraph yang disebut lalu jalankan npm run compose lagi.',
};

/** Return the explanation and fix of a composition error code in both languages. */
export function explainCompositionError(code: string | undefined): Record<Language, string> {
  return (code && EXPLANATIONS[code]) || GENERAL;
}
