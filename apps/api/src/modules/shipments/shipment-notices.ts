import { shipmentsMessages, type ShipmentMessageKind } from './shipments.messages.ts';

/*
 * A small local renderer of the ICU messages in shipments.messages.ts, covering what they use:
 * `{name}`, `{name, select, a {…} other {…}}` (nested) and `{name, date, medium}` for YYYY-MM-DD
 * dates. The portal's shared renderer (intl-messageformat) replaces it once it is on main.
 */

type Params = Record<string, string>;

function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced message: ${text}`);
}

function formatDate(value: string, locale: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? value : new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** Renders one ICU message with these params in this locale. */
export function renderIcu(message: string, params: Params, locale: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) {
      out += message.slice(i);
      break;
    }
    out += message.slice(i, open);
    const close = matchBrace(message, open);
    const inner = message.slice(open + 1, close);
    const [name = '', kind, ...rest] = inner.split(',');
    const key = name.trim();
    const value = params[key] ?? '';
    if (kind === undefined) out += value;
    else if (kind.trim() === 'date') out += formatDate(value, locale);
    else if (kind.trim() === 'select') {
      const body = rest.join(',');
      const options = new Map<string, string>();
      let j = 0;
      while (j < body.length) {
        const b = body.indexOf('{', j);
        if (b < 0) break;
        const label = body.slice(j, b).trim();
        const e = matchBrace(body, b);
        options.set(label, body.slice(b + 1, e));
        j = e + 1;
      }
      out += renderIcu(options.get(value) ?? options.get('other') ?? '', params, locale);
    } else out += value;
    i = close + 1;
  }
  return out;
}

/** A shipment notice's title and body in the reader's language (English unless 'zh'). */
export function renderShipmentNotice(kind: ShipmentMessageKind, params: Params, locale: string): { title: string; body: string } {
  const lang = locale === 'zh' ? 'zh' : 'en';
  const entry = shipmentsMessages[lang][kind];
  return { title: renderIcu(entry.title, params, lang), body: renderIcu(entry.body, params, lang) };
}
