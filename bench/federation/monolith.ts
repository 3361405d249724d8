import gql from 'graphql-tag';
import {
  IN_STOCK,
  Product,
  productByUpc,
  Review,
  reviewsOfProduct,
  reviewsOfUser,
  shippingEstimate,
  topProducts,
  User,
  userById,
  USERS,
} from './data';

/**
 * The benchmark graph as one plain, non-federated schema: the merged types of the four subgraphs,
 * resolved straight from the same in-memory data. It is the baseline a gateway is compared with.
 */
export const MONOLITH_TYPE_DEFS = gql`
  type Query {
    me: User
    user(id: ID!): User
    users: [User]
    topProducts(first: Int = 5): [Product]
  }

  type User {
    id: ID!
    name: String
    username: String
    birthday: Int
    reviews: [Review]
  }

  type Product {
    upc: String!
    name: String
    price: Int
    weight: Int
    inStock: Boolean
    shippingEstimate: Int
    reviews: [Review]
  }

  type Review {
    id: ID!
    body: String
    product: Product
    author: User
  }
`;

export const MONOLITH_RESOLVERS = {
  Query: {
    me: () => USERS[0],
    user: (_parent: unknown, args: { id: string }) => userById(args.id) ?? null,
    users: () => USERS,
    topProducts: (_parent: unknown, args: { first: number }) => topProducts(args.first),
  },
  User: {
    reviews: (user: User) => reviewsOfUser(user.id),
  },
  Product: {
    inStock: (product: Product) => IN_STOCK[product.upc] ?? null,
    shippingEstimate: (product: Product) => shippingEstimate(product.price, product.weight),
    reviews: (product: Product) => reviewsOfProduct(product.upc),
  },
  Review: {
    product: (review: Review) => productByUpc(review.productUpc) ?? null,
    author: (review: Review) => userById(review.authorId) ?? null,
  },
};
