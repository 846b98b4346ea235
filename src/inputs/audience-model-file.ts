/** Loads the audience classifier's model file (default: the shipped models/audience-v1.json). */
import fs from 'node:fs';
import path from 'node:path';
import { checkAudienceModel, type AudienceModel } from '../engine/audience/index.js';
import { InputError, UsageError } from '../errors.js';
import { MODELS_DIR } from '../package-paths.js';

/** The audience model shipped with the package. */
export const DEFAULT_AUDIENCE_MODEL_PATH = path.join(MODELS_DIR, 'audience-v1.json');

/** Reads and checks an audience model file (default: the shipped one); a clear error naming the file when it is unusable. */
export function readAudienceModelFile(p: string = DEFAULT_AUDIENCE_MODEL_PATH): AudienceModel {
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch {
    throw new UsageError(`cannot read audience model file ${p}`, 'pass --audience-model FILE with a file written by scripts/fit-audience.ts');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not JSON: ${(err as Error).message}`, { file: p, expected: 'an audience model file (models/audience-v1.json)', fix: 'regenerate it with scripts/fit-audience.ts' });
  }
  const problems = checkAudienceModel(data);
  if (problems.length > 0) {
    throw new InputError(`not an audience model: ${problems.slice(0, 3).join('; ')}`, { file: p, expected: 'an audience model file (models/audience-v1.json)', fix: 'regenerate it with scripts/fit-audience.ts' });
  }
  return data as AudienceModel;
}
