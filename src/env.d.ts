/// <reference types="vite/client" />

/** The package version, replaced at build time. */
declare const __VERSION__: string;
