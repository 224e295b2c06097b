// Lint rules for the project's own TypeScript; generated bindings and build output are not linted.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  {
    ignores: [
      ".gen/**",
      "node_modules/**",
      "cdktf.out/**",
      "dist/**",
      "coverage/**",
      "reports/**",
      ".stryker-tmp*/**",
      ".flow/**",
      "flow-plan/**",
    ],
  },
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
    // Tests read synthesized Terraform JSON, which has no static type.
    files: ["__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
