/** Jest runs the TypeScript sources through swc, which keeps the decorator metadata type-graphql needs. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // graphql-request 7 ships ES modules only; swc turns it into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!graphql-request/)'],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFiles: ['reflect-metadata', '<rootDir>/test/support/environment.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
