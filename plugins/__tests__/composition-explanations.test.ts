import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { explainCompositionError } from '../composition-explanations';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

test('field type mismatch is explained', () => {
  const result = composeServices([
    { name: 'one', url: 'http://127.0.0.1:1/graphql', typeDefs: parse(`${LINK} type Query { a: Item } type Item @key(fields: "id") { id: ID! size: Int }`) },
    { name: 'two', url: 'http://127.0.0.1:2/graphql', typeDefs: parse(`${LINK} type Query { b: Item } type Item @key(fields: "id") { id: ID! size: String }`) },
  ]);
  const codes = (result.errors ?? []).map((error) => String(error.extensions?.code));

  expect(codes).toContain('FIELD_TYPE_MISMATCH');
  expect(explainCompositionError('FIELD_TYPE_MISMATCH').en).toContain('Give it the same type everywhere');
  expect(explainCompositionError('FIELD_TYPE_MISMATCH').id).toContain('Samakan tipenya');
});

test('unknown code gets the general advice', () => {
  expect(explainCompositionError('SOMETHING_NEW').en).toContain('run npm run compose again');
  expect(explainCompositionError(undefined).id).toContain('jalankan npm run compose lagi');
});
