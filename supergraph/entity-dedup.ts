/**
 * Representation de-duplication for `_entities` fetches. @apollo/gateway sends one representation
 * per position in the result, so a product reviewed 96 times is sent 96 times. Sending each
 * distinct representation once and copying the result back shrinks the request, the subgraph's
 * work and the response.
 */

export interface DedupedRepresentations {
  unique: unknown[];
  /** For each original position, the index of its representation in `unique`. */
  positions: number[];
}

/**
 * Key of a representation. Flat ones (the usual `{ __typename, id }`) get a joined string, which
 * is cheaper than JSON.stringify on the gateway's hot path; nested ones fall back to JSON.
 */
function representationKey(representation: unknown): string {
  if (typeof representation !== 'object' || representation === null) return JSON.stringify(representation);
  let key = '';
  for (const [name, value] of Object.entries(representation)) {
    if (typeof value === 'object' && value !== null) return `json:${JSON.stringify(representation)}`;
    key += `${name}\u0000${typeof value}\u0000${String(value)}\u0001`;
  }
  return key;
}

/** Return the distinct representations, or undefined when every one is already distinct. */
export function dedupeRepresentations(representations: unknown[]): DedupedRepresentations | undefined {
  const indexByKey = new Map<string, number>();
  const unique: unknown[] = [];
  const positions: number[] = new Array(representations.length);
  for (let position = 0; position < representations.length; position += 1) {
    const key = representationKey(representations[position]);
    let index = indexByKey.get(key);
    if (index === undefined) {
      index = unique.length;
      indexByKey.set(key, index);
      unique.push(representations[position]);
    }
    positions[position] = index;
  }
  return unique.length < representations.length ? { unique, positions } : undefined;
}

interface EntitiesResponse {
  data?: { _entities?: unknown[] | null } | null;
  errors?: { message: string; path?: readonly (string | number)[] }[];
}

/**
 * Expand, in place, a response to the distinct representations back to every original position: each
 * entity is shared by the positions that asked for it, and an error on `_entities.N` is repeated
 * for each of them. The gateway only reads and merges these objects, and they stand for the same
 * entity, so sharing them is safe.
 */
export function expandEntities<T extends EntitiesResponse>(response: T, positions: number[]): T {
  const entities = response.data?._entities;
  if (Array.isArray(entities)) {
    response.data!._entities = positions.map((index) => entities[index]);
  }
  if (response.errors?.length) {
    const positionsByIndex = new Map<number, number[]>();
    positions.forEach((index, position) => {
      const list = positionsByIndex.get(index);
      if (list) list.push(position);
      else positionsByIndex.set(index, [position]);
    });
    response.errors = response.errors.flatMap((error) => {
      const path = error.path;
      if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return [error];
      return (positionsByIndex.get(path[1]) ?? []).map((position) => ({ ...error, path: ['_entities', position, ...path.slice(2)] }));
    });
  }
  return response;
}
