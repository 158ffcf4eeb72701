// Which places a text names, and how often: every gazetteer name in any of its
// forms (海口市, 海口; 马边彝族自治县, 马边县, 马边), read left to right, longest
// name first, so 保定市清苑区 is 保定市 + 清苑区 and 长白山 is not 白山. A report
// names its own place mostly bare (海口, 清苑) and in full only now and then, so
// both are counted, apart.
import { gazetteer, type GazetteerPlace } from './gazetteer.js';
import { placeForms } from './placeForms.js';

export interface PlaceCount {
  place: GazetteerPlace;
  /** Mentions by its full name or its name with the generic suffix (马边彝族自治县, 马边县). */
  full: number;
  /** Mentions by the bare name (马边): a word like any other, so it proves less. */
  bare: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The form ending here, if one does. */
  form?: string;
}

let trie: TrieNode | undefined;

/**
 * After a name of one character and a suffix (和县, 高县, 南区), these characters make the
 * suffix a word of its own (县域, 县城, 县级, 县政协, 区域, 市场 …): 融合和县域经济 is 和 + 县域, 提高县级 is 提 + 高 + 县级.
 */
const SUFFIX_WORD_NEXT = /[域城级委直乡镇长内外里场民份划位间块政人]/u;

function placeTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  for (const form of gazetteer().byForm.keys()) {
    let node = root;
    for (const ch of form) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.form = form;
  }
  trie = root;
  return trie;
}

/** How often each place is named in `text`, by full and by bare name; most named first. */
export function countPlaceMentions(text: string): PlaceCount[] {
  const root = placeTrie();
  const byForm = new Map<string, number>();
  for (let i = 0; i < text.length; ) {
    let node: TrieNode | undefined = root;
    let longest = '';
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text[j]);
      if (!node) break;
      if (node.form) longest = node.form;
    }
    if (longest && !(longest.length === 2 && SUFFIX_WORD_NEXT.test(text[i + 2] ?? ''))) {
      byForm.set(longest, (byForm.get(longest) ?? 0) + 1);
      i += longest.length;
    } else {
      i++;
    }
  }
  const counts = new Map<GazetteerPlace, PlaceCount>();
  const places = gazetteer().byForm;
  for (const [form, n] of byForm) {
    for (const place of places.get(form) ?? []) {
      const c = counts.get(place) ?? { place, full: 0, bare: 0 };
      if (isBareForm(place.name, form)) c.bare += n;
      else c.full += n;
      counts.set(place, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.full + b.bare - (a.full + a.bare));
}

/** 马边 of 马边彝族自治县, 海口 of 海口市: the form without any generic suffix. */
export function isBareForm(name: string, form: string): boolean {
  const forms = placeForms(name);
  return form !== name && form === forms[forms.length - 1] && !/(?:省|市|区|县|旗|州|盟)$/u.test(form);
}
