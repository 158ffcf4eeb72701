/**
 * Version of the shared token scheme (normalize, scanText, numberTokens, stop
 * words). It is part of every tokenizer's name, and the name keys the on-disk
 * index cache: bump it whenever a change makes an unchanged text yield different
 * terms, or cached indexes would be queried with mismatched terms.
 */
export const SCHEME = 2;
