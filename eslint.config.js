// @ts-check
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The dependency direction of DESIGN.md §1, enforced:
//   domain ← db ← api;  domain ← web;  auth ← both apps;  web never imports db.
const domainOnlyZod = {
  patterns: [
    {
      regex: "^(?!zod$|\\.{1,2}/)",
      message: "packages/domain is pure: it imports nothing but zod and its own files.",
    },
  ],
};
const webNeverDb = {
  paths: [
    { name: "@prisma/client", message: "The web never touches the database; call the API." },
    { name: "pg", message: "The web never touches the database; call the API." },
    { name: "@electric-sql/pglite", message: "The web never touches the database; call the API." },
  ],
  patterns: [
    { regex: "^@lodestone/db(/|$)", message: "The web never imports @lodestone/db; call the API." },
    { regex: "^@prisma/", message: "The web never touches the database; call the API." },
    {
      regex: "^@lodestone/api(/|$)",
      allowTypeImports: true,
      message: "The web imports only `type AppRouter` from the API.",
    },
  ],
};
const onlyRepositoriesTouchPrisma = {
  patterns: [
    {
      regex: "^@prisma/|^pg$|^@electric-sql/|generated/prisma",
      allowTypeImports: false,
      message: "Only packages/db touches Prisma; the API goes through its repositories.",
    },
  ],
};

/**
 * Services see repositories, not Prisma: no member of a Prisma client or transaction (a model, a raw
 * query, `$transaction`) is used outside packages/db. Judged by the member's type information, so a
 * transaction handed down under another name is caught as well as `ctx.db.prisma.project`. (Importing
 * Prisma is refused separately above; this closes the way round it through a repository's `Tx`.)
 */
const noPrismaOutsideDb = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      prisma:
        "Only packages/db uses Prisma: `{{name}}` reads or writes the database here. Call (or add) a repository function instead.",
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) throw new Error("lodestone/no-prisma-outside-db needs type information.");
    const checker = services.program.getTypeChecker();
    const prismaFile = /[\\/](generated[\\/]prisma|@prisma[\\/]client|\.prisma[\\/]client)[\\/]/;
    const isPrismaMember = (node) =>
      node.type === "MemberExpression" &&
      (
        checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node.property))?.declarations ?? []
      ).some((d) => prismaFile.test(d.getSourceFile().fileName));
    return {
      MemberExpression(node) {
        // `tx.project.findMany` is reported once, at `tx.project`.
        if (isPrismaMember(node) && !isPrismaMember(node.object)) {
          context.report({
            node: node.property,
            messageId: "prisma",
            data: { name: context.sourceCode.getText(node) },
          });
        }
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      "**/generated/**",
      "**/next-env.d.ts",
      "**/playwright-report/**",
      "**/test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read the environment once, in the app's env module.",
        },
      ],
    },
  },
  {
    files: ["packages/domain/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", domainOnlyZod] },
  },
  { files: ["apps/web/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", webNeverDb] } },
  { files: ["apps/web/src/**/*.{ts,tsx}"], ...reactHooks.configs.flat["recommended-latest"] },
  { files: ["apps/api/**/*.ts"], rules: { "no-restricted-imports": ["error", onlyRepositoriesTouchPrisma] } },
  {
    // Tests may look at the database directly: they check what a use-case left behind.
    files: ["apps/api/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.fault-test.ts", "**/*.trust-test.ts", "apps/api/src/test/**"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { lodestone: { rules: { "no-prisma-outside-db": noPrismaOutsideDb } } },
    rules: { "lodestone/no-prisma-outside-db": "error" },
  },
  {
    // Env modules, configs, scripts and tests may read the environment.
    files: [
      "**/env.ts",
      "**/*.config.{js,ts,mjs}",
      "**/src/testing.ts",
      "**/e2e/**",
      "**/*.test.{ts,tsx}",
      "**/*.fault-test.ts",
      "**/*.trust-test.ts",
      // The web's start-up: it reads its host, port and trusted proxies before the app loads.
      "apps/web/server.mjs",
      "packages/db/src/cli/**",
      // The benchmark is a command-line tool: it reads DATABASE_URL and hands env to its children.
      "packages/bench/src/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["apps/web/server.mjs"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", setTimeout: "readonly", URL: "readonly" },
    },
  },
);
