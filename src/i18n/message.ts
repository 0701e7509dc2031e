/** A message: plain text with `{placeholders}`, or one text per plural category of the locale. */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;

/** A locale's messages by key. Catalogues are modules of named exports, so the launcher can take one string without the rest. */
export type Catalogue = Record<string, Message>;

/** Values for a message's placeholders. A numeric `count` picks the plural form and is formatted for the locale. */
export type MessageParams = Record<string, string | number>;
