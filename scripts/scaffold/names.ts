/** The spellings of a new subgraph's name that its files use. */
export interface SubgraphNames {
  /** Folder and rover.yaml key, such as `bank-sampah`. */
  name: string;
  /** Type-name prefix, such as `BankSampah`. */
  pascal: string;
  /** Field-name prefix, such as `bankSampah`. */
  camel: string;
  /** Table and constant prefix, such as `bank_sampah` and `BANK_SAMPAH`. */
  snake: string;
  upper: string;
}

export function namesOf(name: string): SubgraphNames {
  const words = name.split('-');
  const pascal = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return {
    name,
    pascal,
    camel: pascal[0].toLowerCase() + pascal.slice(1),
    snake: words.join('_'),
    upper: words.join('_').toUpperCase(),
  };
}
