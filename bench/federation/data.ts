/**
 * In-memory data of the benchmark's four subgraphs and of the monolith. The counts, relations and
 * string lengths follow the federation scenario of graphql-hive/graphql-gateways-benchmark
 * (6 users, 9 products, 11 reviews), so the benchmark query returns a response of about the same
 * shape and size. Names, numbers and texts are this project's own.
 */

export interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

export interface Review {
  id: string;
  body: string;
  productUpc: string;
  authorId: string;
}

export const USERS: User[] = [
  { id: '1', name: 'Siti Rahmawati', username: 'sitirahma', birthday: 631152000 },
  { id: '2', name: 'Budi Santoso', username: 'budisan', birthday: 662688000 },
  { id: '3', name: 'Dewi Lestari', username: 'dewiles', birthday: 694224000 },
  { id: '4', name: 'Agus Setiawan', username: 'agusset', birthday: 725846400 },
  { id: '5', name: 'Rina Marlina', username: 'rinamar', birthday: 757382400 },
  { id: '6', name: 'Hendra Wijaya', username: 'hendraw', birthday: 788918400 },
];

export const PRODUCTS: Product[] = [
  { upc: '1', name: 'Meja', price: 850, weight: 120 },
  { upc: '2', name: 'Sofa', price: 1450, weight: 900 },
  { upc: '3', name: 'Gelas', price: 20, weight: 30 },
  { upc: '4', name: 'Kursi', price: 475, weight: 90 },
  { upc: '5', name: 'Televisi', price: 1300, weight: 1100 },
  { upc: '6', name: 'Lampu', price: 7000, weight: 250 },
  { upc: '7', name: 'Panggangan', price: 3900, weight: 1800 },
  { upc: '8', name: 'Kulkas', price: 98000, weight: 6200 },
  { upc: '9', name: 'Lemari', price: 9900, weight: 750 },
];

/** Stock flag by product UPC, owned by the inventory subgraph. */
export const IN_STOCK: Record<string, boolean> = {
  '1': true,
  '2': false,
  '3': false,
  '4': false,
  '5': true,
  '6': true,
  '7': true,
  '8': false,
  '9': true,
};

const FILLER_WORDS = [
  'pelayanan', 'cepat', 'dan', 'ramah', 'barang', 'sampai', 'dalam', 'keadaan', 'baik', 'sesuai',
  'pesanan', 'kemasan', 'rapi', 'harga', 'wajar', 'untuk', 'kualitas', 'seperti', 'ini', 'akan',
  'membeli', 'lagi', 'pengiriman', 'tepat', 'waktu', 'penjual', 'menjawab', 'pertanyaan', 'dengan', 'jelas',
];

/** Deterministic filler text of exactly `length` characters, ending with a period. */
function fillerText(seed: number, length: number): string {
  let text = '';
  for (let index = seed; text.length < length; index += 7) {
    text += (text ? ' ' : 'Ulasan: ') + FILLER_WORDS[index % FILLER_WORDS.length];
  }
  return `${text.slice(0, length - 1).trimEnd().padEnd(length - 1, 'a')}.`;
}

/** Body lengths in characters, review by review, as in the reference scenario. */
const BODY_LENGTHS = [445, 289, 275, 143, 445, 289, 275, 143, 143, 143, 1000];
/** Product UPC of each review: four reviews each for products 1 and 2, one for 3, two for 4. */
const REVIEW_PRODUCTS = ['1', '1', '1', '1', '2', '2', '2', '2', '3', '4', '4'];

/** Every review has user 1 as its author, as in the reference scenario. */
export const REVIEWS: Review[] = BODY_LENGTHS.map((length, index) => ({
  id: String(index + 1),
  body: fillerText(index, length),
  productUpc: REVIEW_PRODUCTS[index],
  authorId: '1',
}));

export function userById(id: string): User | undefined {
  return USERS.find((user) => user.id === id);
}

export function productByUpc(upc: string): Product | undefined {
  return PRODUCTS.find((product) => product.upc === upc);
}

export function reviewById(id: string): Review | undefined {
  return REVIEWS.find((review) => review.id === id);
}

export function reviewsOfProduct(upc: string): Review[] {
  return REVIEWS.filter((review) => review.productUpc === upc);
}

/**
 * Reviews listed under a user: the first two reviews for every user, regardless of author. This
 * keeps the reference scenario's data shape, where each of the 6 users lists 2 reviews, so the
 * benchmark response keeps its size.
 */
export function reviewsOfUser(_id: string): Review[] {
  return REVIEWS.slice(0, 2);
}

/** Return 0 (free shipping) above a price of 1000, else half the weight, or null when either input is missing. */
export function shippingEstimate(price: number | null | undefined, weight: number | null | undefined): number | null {
  if (price == null || weight == null) return null;
  return price > 1000 ? 0 : Math.round(weight / 2);
}

export function topProducts(first: number): Product[] {
  return PRODUCTS.slice(0, Math.max(0, first));
}
