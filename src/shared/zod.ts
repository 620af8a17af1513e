import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * The one way product code reaches zod: zod/mini, whose functions tree-shake, so a bundle
 * carries only the schemas and checks it uses (classic zod defines every schema class with all
 * its methods when loaded). zod/mini ships no messages of its own ("Invalid input" for every
 * default): the English ones are set here, before any importer's schema can parse. Bundles keep
 * only English from zod/locales; the main process, which loads zod from node_modules,
 * requires its CommonJS build.
 */
z.config(en());

export * from 'zod/mini';
