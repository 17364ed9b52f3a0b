// An esbuild plugin for main.js: the `obsidian` module required once. esbuild gives each bundled module that
// imports an external package its own `require("obsidian")` binding (25 of them, some 650 bytes of main.js);
// here they all import one module of the bundle that re-exports it. Checked by test/app/bundle.test.ts.

const NAMESPACE = "obsidian-once";

export const obsidianOnce = {
  name: "obsidian-once",
  setup(build) {
    build.onResolve({ filter: /^obsidian$/ }, (args) =>
      args.namespace === NAMESPACE ? { path: "obsidian", external: true } : { path: "obsidian", namespace: NAMESPACE },
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
      contents: 'export * from "obsidian";',
      loader: "js",
    }));
  },
};
