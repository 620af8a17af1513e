import { allGuides } from './catalog';
import type { Guide } from './types';

export type SearchHit = {
  guide: Guide;
  score: number;
  /** Where the best match is, for a result snippet: the step number (1-based) when it is a step. */
  match: { where: 'title' | 'summary' | 'step' | 'other'; step?: number; text: string };
};

type Field = { where: SearchHit['match']['where']; weight: number; text: string; step?: number };

const stopWords = new Set(['a', 'an', 'and', 'the', 'to', 'of', 'in', 'for', 'on', 'how', 'do', 'i', 'my', 'is', 'it', 'with']);

/** Lower-case words, with typographic apostrophes folded so “user’s” matches "user's". */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];
}

function fieldsOf(guide: Guide): Field[] {
  return [
    { where: 'title', weight: 8, text: guide.title },
    { where: 'summary', weight: 3, text: guide.summary },
    ...guide.steps.flatMap((step, index): Field[] => [
      { where: 'step', weight: 2, text: step.text, step: index + 1 },
      ...(step.note ? [{ where: 'step' as const, weight: 1, text: step.note, step: index + 1 }] : []),
      ...(step.table ? [{ where: 'step' as const, weight: 1, text: step.table.rows.flat().join(' '), step: index + 1 }] : []),
    ]),
    ...guide.prerequisites.map((text): Field => ({ where: 'other', weight: 1, text })),
    ...guide.warnings.map((text): Field => ({ where: 'other', weight: 1, text })),
    ...(guide.formerly ? [{ where: 'other' as const, weight: 1, text: guide.formerly }] : []),
    { where: 'other', weight: 1, text: guide.id.replace(/-/g, ' ') },
  ];
}

/** Edit distance with adjacent swaps (Damerau, optimal string alignment), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/** Typos tolerated per word: none for short words (too many false friends), one from 5 letters, two from 9. */
const typosAllowed = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);

/**
 * How well one field matches one term: a whole word counts fully, a word's beginning partly, and
 * a word one or two typos away ("pasword") a little.
 */
function termScore(words: readonly string[], term: string): number {
  let score = 0;
  const typos = typosAllowed(term);
  for (const word of words) {
    if (word === term) score += 1;
    else if (term.length >= 3 && word.startsWith(term)) score += 0.5;
    else if (typos > 0 && editDistance(term, word, typos) <= typos) score += 0.3;
  }
  return Math.min(score, 3);
}

/**
 * Full-text search over titles, summaries, steps and warnings. Every meaningful query word must
 * appear somewhere in a guide (prefixes count, so "passw" finds "password"); results are ranked
 * by weighted matches, title hits first, then by catalogue order. An empty query finds nothing.
 */
export function search(query: string, guides: readonly Guide[] = allGuides): SearchHit[] {
  const all = tokenize(query);
  // Words like "the" or "how" match every guide and rank nothing: a query of only those finds nothing.
  const terms = all.filter((term) => !stopWords.has(term));
  if (terms.length === 0) return [];
  const phrase = all.join(' ');

  const hits: SearchHit[] = [];
  for (const guide of guides) {
    const fields = fieldsOf(guide).map((field) => ({ ...field, words: tokenize(field.text) }));
    let score = 0;
    let best: { field: Field; score: number } | undefined;
    let everyTermFound = true;
    for (const term of terms) {
      let termTotal = 0;
      for (const field of fields) {
        const s = termScore(field.words, term) * field.weight;
        termTotal += s;
        if (s > 0 && (!best || s > best.score)) best = { field, score: s };
      }
      if (termTotal === 0) everyTermFound = false;
      score += termTotal;
    }
    if (!everyTermFound || !best) continue;
    if (terms.length > 1 && tokenize(guide.title).join(' ').includes(phrase)) score += 10;
    const match: SearchHit['match'] = { where: best.field.where, text: best.field.text };
    if (best.field.step !== undefined) match.step = best.field.step;
    hits.push({ guide, score, match });
  }
  const order = new Map(guides.map((guide, index) => [guide.id, index]));
  return hits.sort((a, b) => b.score - a.score || (order.get(a.guide.id) ?? 0) - (order.get(b.guide.id) ?? 0));
}
