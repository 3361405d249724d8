/**
 * The operation every gateway benchmark target serves: the selection of the federation scenario of
 * graphql-hive/graphql-gateways-benchmark. It nests reviews, products and authors four levels
 * deep, so one request touches all four subgraphs several times.
 */
export const BENCHMARK_QUERY = `
fragment UserFields on User {
  id
  username
  name
}

fragment ReviewFields on Review {
  id
  body
}

fragment ProductFields on Product {
  inStock
  name
  price
  shippingEstimate
  upc
  weight
}

query BenchmarkQuery {
  users {
    ...UserFields
    reviews {
      ...ReviewFields
      product {
        ...ProductFields
        reviews {
          ...ReviewFields
          author {
            ...UserFields
            reviews {
              ...ReviewFields
              product {
                ...ProductFields
              }
            }
          }
        }
      }
    }
  }
  topProducts {
    ...ProductFields
    reviews {
      ...ReviewFields
      author {
        ...UserFields
        reviews {
          ...ReviewFields
          product {
            ...ProductFields
          }
        }
      }
    }
  }
}
`;

/** The HTTP request body sent to every target. */
export const BENCHMARK_BODY = JSON.stringify({ query: BENCHMARK_QUERY, operationName: 'BenchmarkQuery' });
