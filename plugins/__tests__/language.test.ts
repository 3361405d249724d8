import { languageFromHeader } from '../language';

test.each([
  [undefined, 'id'],
  ['', 'id'],
  ['en', 'en'],
  ['en-US,en;q=0.9', 'en'],
  ['id-ID,id;q=0.9,en;q=0.8', 'id'],
  ['id;q=0.5,en;q=0.8', 'en'],
  ['fr-FR,en;q=0.5', 'en'],
  ['fr-FR', 'id'],
  ['*', 'id'],
  ['en;q=abc', 'id'],
])('Accept-Language %p gives %p', (header, expected) => {
  expect(languageFromHeader(header)).toBe(expected);
});
