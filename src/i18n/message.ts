/** A message: plain text with `{placeholders}`, or one text per plural category of the locale. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;

/** A locale's messages by key: each catalogue's default export (src/i18n/en.ts). */
export type Catalogue = Record<string, Message>;

/** Values for a message's placeholders. A numeric `count` picks the plural form and is formatted for the locale. */
export type MessageParams = Record<string, string | number>;
