import { dedupeRepresentations, expandEntities } from '../entity-dedup';

test('distinct representations stay as they are', () => {
  expect(dedupeRepresentations([{ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '2' }])).toBeUndefined();
});

test('repeated representations are sent once', () => {
  const deduped = dedupeRepresentations([
    { __typename: 'Product', upc: '1' },
    { __typename: 'Product', upc: '2' },
    { __typename: 'Product', upc: '1' },
  ]);

  expect(deduped?.unique).toEqual([
    { __typename: 'Product', upc: '1' },
    { __typename: 'Product', upc: '2' },
  ]);
  expect(deduped?.positions).toEqual([0, 1, 0]);
});

test('entities expand to every position', () => {
  const response = expandEntities({ data: { _entities: [{ name: 'a' }, { name: 'b' }] } }, [0, 1, 0]);

  expect(response.data._entities).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'a' }]);
});

test('entity errors repeat for every position', () => {
  const response = expandEntities(
    {
      data: { _entities: [null, { name: 'b' }] },
      errors: [{ message: 'x', path: ['_entities', 0, 'name'] }, { message: 'y' }],
    },
    [0, 1, 0],
  );

  expect(response.errors).toEqual([
    { message: 'x', path: ['_entities', 0, 'name'] },
    { message: 'x', path: ['_entities', 2, 'name'] },
    { message: 'y' },
  ]);
});

test('values of different types stay distinct', () => {
  expect(dedupeRepresentations([{ __typename: 'Product', upc: 1 }, { __typename: 'Product', upc: '1' }])).toBeUndefined();
});

test('nested representations are compared whole', () => {
  const deduped = dedupeRepresentations([
    { __typename: 'Product', upc: '1', dimensions: { weight: 2 } },
    { __typename: 'Product', upc: '1', dimensions: { weight: 3 } },
    { __typename: 'Product', upc: '1', dimensions: { weight: 2 } },
  ]);

  expect(deduped?.positions).toEqual([0, 1, 0]);
});
