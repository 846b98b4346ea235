/** Reads a score model file (models/model-v1.json or one written by `influence fit`) and validates it. */
import fs from 'node:fs';
import path from 'node:path';
import { validateModel, type Model } from '../engine/model.js';
import { InputError, UsageError } from '../errors.js';
import { MODELS_DIR } from '../package-paths.js';

/** The model shipped with the package. */
export const DEFAULT_MODEL_PATH = path.join(MODELS_DIR, 'model-v2.json');

/** Loads and validates a model file (default: the shipped model); errors name the file and the fix. */
export function readModelFile(file: string = DEFAULT_MODEL_PATH): { model: Model; path: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read model file ${file}`, 'pass --model FILE with a model written by `influence fit`');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file, expected: 'a model file written by `influence fit`', fix: 'regenerate it with influence fit' });
  }
  try {
    return { model: validateModel(data), path: file };
  } catch (err) {
    throw new InputError((err as Error).message, { file, expected: 'a model file (schema 1)', fix: 'regenerate it with influence fit' });
  }
}
