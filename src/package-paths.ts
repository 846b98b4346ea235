/**
 * Paths of files shipped in the package (sample data, model and taxonomy files), found
 * from this module's own location: a leaf, so every layer that reads shipped files agrees.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: one level above dist/ (or src/ when run from sources). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled sample data that `influence demo` imports. */
export const SAMPLE_DIR = path.join(PACKAGE_ROOT, 'fixtures', 'sample');

/** Shipped model and taxonomy files. */
export const MODELS_DIR = path.join(PACKAGE_ROOT, 'models');
