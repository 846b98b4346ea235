/**
 * The generic shapes Meta's JSON exports (Instagram, Threads) put every record in:
 *   - `string_list_data: [{href, value, timestamp}]` (followers, likes: 2024 layout);
 *   - `string_map_data: {"Label": {href, value, timestamp}}` (comments, profile);
 *   - `label_values: [{label, value, href, timestamp, dict: [{dict: [...], title}]}]`
 *     (the 2026 layout: liked posts, saved posts, profile).
 * Labels are localised to the account's language ("Media Owner", "Propriétaire du
 * contenu") and written as mojibake like all Meta text; both are decoded here, and the
 * readers match labels in several languages, falling back to the shape of the values.
 */
import { fixMojibake } from './meta-text.js';
import { handleFromProfileUrl, parseSimpleHandle } from './handles.js';
import { fromUnixSeconds } from './times.js';

/** One labelled value of a Meta record, with its nested values (label_values `dict`). */
export interface MetaField {
  label: string;
  value?: string;
  href?: string;
  /** epoch ms */
  time?: number;
  children: MetaField[];
}

/** A plain JSON object, or undefined. */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A string property decoded from mojibake, or undefined when absent, empty or not a string. */
export function metaString(obj: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' && v !== '' ? fixMojibake(v) : undefined;
}

/** Every labelled value of a record, from whichever of the three shapes it uses. */
export function readMetaFields(item: unknown): MetaField[] {
  const obj = asObject(item);
  if (!obj) return [];
  const out: MetaField[] = [];
  const map = asObject(obj['string_map_data']);
  if (map) for (const [label, v] of Object.entries(map)) out.push(toField(fixMojibake(label), asObject(v)));
  const list = obj['string_list_data'];
  if (Array.isArray(list)) for (const v of list) out.push(toField('', asObject(v)));
  const labelled = obj['label_values'];
  if (Array.isArray(labelled)) for (const v of labelled) out.push(fromLabelValue(asObject(v), 0));
  return out;
}

function toField(label: string, v: Record<string, unknown> | undefined): MetaField {
  const field: MetaField = { label, children: [] };
  const value = metaString(v, 'value');
  if (value !== undefined) field.value = value;
  const href = metaString(v, 'href');
  if (href !== undefined) field.href = href;
  const time = fromUnixSeconds(v?.['timestamp']);
  if (time !== undefined) field.time = time;
  return field;
}

function fromLabelValue(v: Record<string, unknown> | undefined, depth: number): MetaField {
  const field = toField(metaString(v, 'label') ?? metaString(v, 'title') ?? '', v);
  if (depth < 4) {
    for (const key of ['dict', 'vec']) {
      const nested = v?.[key];
      if (Array.isArray(nested)) for (const n of nested) field.children.push(fromLabelValue(asObject(n), depth + 1));
    }
  }
  return field;
}

/** Every field of the tree, depth first. */
export function flattenFields(fields: readonly MetaField[]): MetaField[] {
  const out: MetaField[] = [];
  const walk = (fs: readonly MetaField[]): void => {
    for (const f of fs) {
      out.push(f);
      walk(f.children);
    }
  };
  walk(fields);
  return out;
}

const norm = (label: string): string => label.toLowerCase().normalize('NFC').replace(/[\s_'’-]+/g, ' ').trim();

/** The first field (at any depth) whose label is one of `labels` (compared case- and spacing-insensitively). */
export function findField(fields: readonly MetaField[], labels: ReadonlySet<string>): MetaField | undefined {
  return flattenFields(fields).find((f) => labels.has(norm(f.label)));
}

/** A label set for findField. */
export function labelSet(...labels: string[]): ReadonlySet<string> {
  return new Set(labels.map(norm));
}

/** "Username" in the languages Meta exports are written in. */
export const USERNAME_LABELS = labelSet(
  'Username', 'User name', "Nom d'utilisateur", 'Nom de profil', 'Nom du profil', 'Benutzername', 'Nombre de usuario',
  'Nome utente', 'Nome de usuário', 'Nome de utilizador', 'Gebruikersnaam', 'Användarnamn', 'Brugernavn', 'Brukernavn',
  'Käyttäjänimi', 'Nazwa użytkownika', 'Kullanıcı adı', 'Имя пользователя', 'Ім’я користувача', 'ユーザーネーム', '用户名', '用戶名稱', '사용자 이름',
);

/** "Name" (the display name) in the same languages. */
export const NAME_LABELS = labelSet('Name', 'Nom', 'Name', 'Nombre', 'Nome', 'Naam', 'Namn', 'Navn', 'Nimi', 'Imię i nazwisko', 'Ad', 'Имя', '名前', '姓名', '이름');

/** An account named by a Meta relationship or like record: its handle, display name and time. */
export interface NamedAccount {
  handle?: string;
  displayName?: string;
  time?: number;
}

/**
 * The account a followers/following record names. The user name is in `value` (2024
 * layout), in the profile link (`instagram.com/NAME`, the 2026 layout's
 * `instagram.com/_u/NAME`), or in `title` (2026: the user name only there; Threads: the
 * display name there). A title that is not the handle is kept as the display name.
 */
export function readRelationship(item: unknown): NamedAccount {
  const obj = asObject(item);
  const fields = readMetaFields(item);
  const title = metaString(obj, 'title');
  let handle: string | undefined;
  for (const f of fields) handle ??= parseSimpleHandle(f.value) ?? (f.href ? handleFromProfileUrl(f.href) : undefined);
  handle ??= parseSimpleHandle(title);
  const out: NamedAccount = {};
  if (handle !== undefined) out.handle = handle;
  if (title !== undefined && title.toLowerCase() !== handle?.toLowerCase()) out.displayName = title;
  const time = fields.find((f) => f.time !== undefined)?.time ?? fromUnixSeconds(obj?.['timestamp']);
  if (time !== undefined) out.time = time;
  return out;
}
