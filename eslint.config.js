// Lint rules for the project's own TypeScript; generated bindings and build output are not linted.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: [".gen/**", "node_modules/**", "cdktf.out/**", "dist/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
