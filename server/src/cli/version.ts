/** The CLI's version: the package's, set by the build (scripts/esbuildOptions.ts). */
declare const __VERSION__: string | undefined;

/** Unbundled (the tests run the sources), the build's define is absent. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0-dev';
