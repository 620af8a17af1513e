import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The one way product code reaches zod: zod/mini, whose functions tree-shake, so a bundle
 * carries only the schemas and checks it uses (classic zod defines every schema class with all
 * its methods when loaded). zod/mini ships no messages of its own ("Invalid input" for every
 * default): the English ones are set here, before any importer's schema can parse.
 */
z.config(en());

export * from 'zod/mini';
