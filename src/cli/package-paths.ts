/** Paths of files shipped in the package (sample data, model files), found from dist/. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above dist/cli/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundled sample data that `influence demo` imports. */
export const SAMPLE_DIR = path.join(PACKAGE_ROOT, 'fixtures', 'sample');

/** Shipped model and taxonomy files. */
export const MODELS_DIR = path.join(PACKAGE_ROOT, 'models');
