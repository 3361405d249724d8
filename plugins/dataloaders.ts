import DataLoader from 'dataloader';

/** Create a loader of rows by a key column: one call of `load` per batch, null for a missing key. */
export function loaderByKey<TRow>(load: (keys: string[]) => Promise<TRow[]>, key: keyof TRow & string): DataLoader<string, TRow | null> {
  return new DataLoader<string, TRow | null>(async (keys) => {
    const rows = await load([...keys]);
    const byValue = new Map(rows.map((row) => [String(row[key]), row]));
    return keys.map((value) => byValue.get(value) ?? null);
  });
}

/**
 * Create a loader of the rows of each key, grouped by a key column in the order `load` returns
 * them: one call per batch, an empty list for a key without rows.
 */
export function loaderOfGroups<TRow>(load: (keys: string[]) => Promise<TRow[]>, key: keyof TRow & string): DataLoader<string, TRow[]> {
  return new DataLoader<string, TRow[]>(async (keys) => {
    const rows = await load([...keys]);
    const groups = new Map<string, TRow[]>(keys.map((value) => [value, []]));
    for (const row of rows) groups.get(String(row[key]))?.push(row);
    return keys.map((value) => groups.get(value)!);
  });
}
