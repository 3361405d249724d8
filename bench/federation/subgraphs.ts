import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import {
  IN_STOCK,
  Product,
  productByUpc,
  Review,
  reviewById,
  reviewsOfProduct,
  reviewsOfUser,
  shippingEstimate,
  topProducts,
  User,
  userById,
  USERS,
} from './data';

/** Names of the four benchmark subgraphs, in the order they are started and composed. */
export const BENCHMARK_SUBGRAPHS = ['accounts', 'inventory', 'products', 'reviews'] as const;
export type BenchmarkSubgraph = (typeof BENCHMARK_SUBGRAPHS)[number];

interface SubgraphDefinition {
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
}

const accounts: SubgraphDefinition = {
  typeDefs: gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }

    type User @key(fields: "id") {
      id: ID!
      name: String
      # Shareable because the reviews subgraph @provides it on Review.author.
      username: String @shareable
      birthday: Int
    }
  `,
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_parent: unknown, args: { id: string }) => userById(args.id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: (reference: { id: string }) => userById(reference.id) ?? null,
    },
  },
};

const inventory: SubgraphDefinition = {
  typeDefs: gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }
  `,
  resolvers: {
    Product: {
      // The gateway sends price and weight in the representation because of @requires.
      __resolveReference: (reference: { upc: string; price?: number | null; weight?: number | null }) => ({
        upc: reference.upc,
        price: reference.price,
        weight: reference.weight,
        inStock: IN_STOCK[reference.upc] ?? null,
      }),
      shippingEstimate: (product: { price?: number | null; weight?: number | null }) => shippingEstimate(product.price, product.weight),
    },
  },
};

const products: SubgraphDefinition = {
  typeDefs: gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

    type Query {
      topProducts(first: Int = 5): [Product]
    }

    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }
  `,
  resolvers: {
    Query: {
      topProducts: (_parent: unknown, args: { first: number }) => topProducts(args.first),
    },
    Product: {
      __resolveReference: (reference: { upc: string }) => productByUpc(reference.upc) ?? null,
    },
  },
};

const reviews: SubgraphDefinition = {
  typeDefs: gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])

    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }

    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }

    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
  `,
  resolvers: {
    Review: {
      __resolveReference: (reference: { id: string }) => reviewById(reference.id) ?? null,
      product: (review: Review) => ({ upc: review.productUpc }),
      // @provides: this subgraph resolves the author's username itself, so the gateway skips a fetch from accounts.
      author: (review: Review) => {
        const author = userById(review.authorId);
        return author ? { id: author.id, username: author.username } : null;
      },
    },
    User: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      reviews: (user: Pick<User, 'id'>) => reviewsOfUser(user.id),
    },
    Product: {
      __resolveReference: (reference: { upc: string }) => ({ upc: reference.upc }),
      reviews: (product: Pick<Product, 'upc'>) => reviewsOfProduct(product.upc),
    },
  },
};

const DEFINITIONS: Record<BenchmarkSubgraph, SubgraphDefinition> = { accounts, inventory, products, reviews };

export function subgraphTypeDefs(name: BenchmarkSubgraph): DocumentNode {
  return DEFINITIONS[name].typeDefs;
}

export function buildBenchmarkSubgraphSchema(name: BenchmarkSubgraph): GraphQLSchema {
  const { typeDefs, resolvers } = DEFINITIONS[name];
  return buildSubgraphSchema({ typeDefs, resolvers });
}

export function isBenchmarkSubgraph(name: string): name is BenchmarkSubgraph {
  return (BENCHMARK_SUBGRAPHS as readonly string[]).includes(name);
}
