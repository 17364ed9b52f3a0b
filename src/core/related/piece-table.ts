/**
 * The tokenizer's memory of pieces of text — a word as written, a kanji or katakana run — and the
 * terms each gives, looked up without cutting the text (see `PieceTable`). Imports nothing.
 */

export const enum Script {
  Other,
  Latin,
  Katakana,
  Kanji,
  Hiragana,
}

/**
 * What one piece of text gives — a word as written, or a kanji or katakana run — worked out once per
 * distinct piece: most text is a few thousand pieces repeated.
 */
export interface Piece {
  /** Term ids in order; a hidden term (a character pair) as its id's complement (`~id`, negative). */
  terms: readonly number[];
  /** A Latin word folded and stemmed, for glossary phrases ("" for a run). */
  stem: string;
  phraseEnd: boolean;
}

/** A piece's two hashes, folded in char by char during the scan: FNV-1a, and a murmur-style mix. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;
export const SECOND_OFFSET = 0x9747b28c | 0;
export const SECOND_PRIME = 0x5bd1e995;

/** The stem index of the scratch slot. */
const SCRATCH_STEM = -2;

/**
 * Pieces by their text, looked up by two hashes computed during the scan: the text is never cut into
 * strings for a piece seen before, and a lookup reads one slot of flat integers (a piece's terms sit
 * side by side in one array) — most of the time goes into memory reads, so they are few. Two 32-bit
 * hashes and the length must all agree: a false match is as good as impossible. Dropped whole past
 * `LIMIT` pieces (bounded memory on any input); a piece longer than `LONGEST` is never kept, and is
 * worked out in the scratch slot each time.
 */
export class PieceTable {
  static readonly LIMIT = 200_000;
  static readonly LONGEST = 48;
  /** A slot: hash, second hash, length (0: empty), first term, term count, stem (index, -1 none). */
  static readonly #STRIDE = 6;
  #capacity = 1 << 14;
  /** `capacity` slots, then the scratch slot. */
  #slots = new Int32Array(((1 << 14) + 1) * PieceTable.#STRIDE);
  #terms = new Int32Array(1 << 16);
  #termsUsed = 0;
  #stems: string[] = [];
  /** Stems of glossary phrases' last words, by stem index. */
  #phraseEnds: boolean[] = [];
  /** The piece in the scratch slot. */
  #scratch: Piece = { terms: [], stem: "", phraseEnd: false };
  #size = 0;

  /** `make` works out a piece never seen (or no longer remembered). */
  constructor(private readonly make: (raw: string, script: Script) => Piece) {}

  /** The slot (offset) of the piece `text[start, end)`, worked out now if new. */
  slot(text: string, start: number, end: number, h1: number, h2: number, script: Script): number {
    const length = end - start;
    const slots = this.#slots;
    const mask = this.#capacity - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * PieceTable.#STRIDE;
      const stored = slots[at + 2] ?? 0;
      if (stored === 0) break;
      if (stored === length && slots[at] === h1 && slots[at + 1] === h2) return at;
    }
    const made = this.make(text.slice(start, end), script);
    if (length > PieceTable.LONGEST)
      return this.#write(this.#capacity * PieceTable.#STRIDE, h1, h2, length, made, false);
    if (this.#size >= PieceTable.LIMIT) this.#reset(1 << 14);
    else if (this.#size * 2 >= this.#capacity) this.#rehash();
    this.#size++;
    return this.#write(this.#free(h1), h1, h2, length, made, true);
  }

  first(at: number): number {
    return this.#slots[at + 3] ?? 0;
  }

  count(at: number): number {
    return this.#slots[at + 4] ?? 0;
  }

  term(k: number): number {
    return this.#terms[k] ?? 0;
  }

  /** The piece's stem (a Latin word's, folded), or "". */
  stem(at: number): string {
    const index = this.#slots[at + 5] ?? -1;
    return index === SCRATCH_STEM ? this.#scratch.stem : (this.#stems[index] ?? "");
  }

  phraseEnd(at: number): boolean {
    const index = this.#slots[at + 5] ?? -1;
    return index === SCRATCH_STEM ? this.#scratch.phraseEnd : (this.#phraseEnds[index] ?? false);
  }

  #free(h1: number): number {
    const mask = this.#capacity - 1;
    let slot = h1 & mask;
    while ((this.#slots[slot * PieceTable.#STRIDE + 2] ?? 0) !== 0) slot = (slot + 1) & mask;
    return slot * PieceTable.#STRIDE;
  }

  #write(at: number, h1: number, h2: number, length: number, piece: Piece, keep: boolean): number {
    if (this.#termsUsed + piece.terms.length > this.#terms.length) {
      const grown = new Int32Array(Math.max(this.#terms.length * 2, this.#termsUsed + piece.terms.length));
      grown.set(this.#terms);
      this.#terms = grown;
    }
    this.#terms.set(piece.terms, this.#termsUsed);
    const slots = this.#slots;
    slots[at] = h1;
    slots[at + 1] = h2;
    slots[at + 2] = length;
    slots[at + 3] = this.#termsUsed;
    slots[at + 4] = piece.terms.length;
    if (!keep) {
      this.#scratch = piece;
      slots[at + 5] = SCRATCH_STEM;
    } else if (piece.stem === "") slots[at + 5] = -1;
    else {
      slots[at + 5] = this.#stems.length;
      this.#stems.push(piece.stem);
      this.#phraseEnds.push(piece.phraseEnd);
    }
    // The scratch slot's terms are read at once and then overwritten: they take no room for good.
    if (keep) this.#termsUsed += piece.terms.length;
    return at;
  }

  #reset(capacity: number): void {
    this.#capacity = capacity;
    this.#slots = new Int32Array((capacity + 1) * PieceTable.#STRIDE);
    this.#terms = new Int32Array(1 << 16);
    this.#termsUsed = 0;
    this.#stems = [];
    this.#phraseEnds = [];
    this.#size = 0;
  }

  /** Twice the slots; terms and stems stay where they are. */
  #rehash(): void {
    const old = this.#slots;
    const oldCapacity = this.#capacity;
    this.#capacity *= 2;
    this.#slots = new Int32Array((this.#capacity + 1) * PieceTable.#STRIDE);
    for (let slot = 0; slot < oldCapacity; slot++) {
      const from = slot * PieceTable.#STRIDE;
      if ((old[from + 2] ?? 0) === 0) continue;
      this.#slots.set(old.subarray(from, from + PieceTable.#STRIDE), this.#free(old[from] ?? 0));
    }
  }
}
