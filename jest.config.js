/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  moduleNameMapper: {
    "^kserve-constructs$": "<rootDir>/src/index.ts",
    "^kserve-constructs/(cdk8s|pulumi)$": "<rootDir>/src/$1/index.ts",
  },
};
