/** The shipped model, validated, for engine tests (the CLI loads it the same way). */
import fs from 'node:fs';
import path from 'node:path';
import { validateModel, type Model } from '../../src/engine/model.js';
import { ROOT } from './cli.js';

export const MODEL_PATH = path.join(ROOT, 'models', 'model-v2.json');

/** A fresh copy of models/model-v2.json. */
export function shippedModel(): Model {
  return validateModel(JSON.parse(fs.readFileSync(MODEL_PATH, 'utf8')));
}
