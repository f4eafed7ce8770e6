// The shape every language must have: English's keys, all strings; extra keys allowed for the
// plural forms other languages need (Russian _few and _many).
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> } & {
  [plural: string]: unknown;
};
