// Texts built from many pieces (a finding's detail is a template of names, lists and sentences) are kept by V8 as a
// tree of the pieces until something reads them whole. Writing the JSON report read every detail of a 100,000-bucket
// report for the first time and made a flat copy of each then, when the report was already in the old generation:
// 450 MB more heap while writing, every copy promoted by the young-generation collector. Made flat as the text is
// made (still young), the pieces die young and writing allocates nothing that stays.

const ANY = /^/;

/** The same text, made contiguous now (a regular-expression search flattens its subject): no value changes. */
export function flatText(text: string): string {
  ANY.test(text);
  return text;
}
