/**
 * A virtualized list: only the rows in (and just around) the viewport exist in the DOM, so 80,000
 * topics cost as many nodes as 30. Positions come from a layout the owner computes (rows have a
 * height measured from the font, so they grow with it). A row keeps its element and its id while it
 * stays drawn, and the owner may pin one row (the active one) so it stays in the DOM off screen:
 * `aria-activedescendant` then always names an element that exists.
 */

export interface ListLayout {
  count(): number;
  top(index: number): number;
  height(index: number): number;
  /** The row at a vertical offset inside the list's content. */
  indexAt(offset: number): number;
  total(): number;
}

export interface VirtualListOptions {
  layout: ListLayout;
  /** A stable id for the row at `index` (the same row keeps it through scrolling and updates). */
  rowId: (index: number) => string;
  renderRow: (index: number, el: HTMLElement) => void;
  /** A row to keep drawn even when scrolled away, or -1. */
  pinned: () => number;
}

/** Rows drawn above and below the viewport, so fast scrolling does not show gaps. */
const OVERSCAN = 8;
/** Viewport height assumed before layout (a hidden leaf, or a DOM without layout). */
const FALLBACK_HEIGHT = 800;

export class VirtualList {
  readonly scrollEl: HTMLElement;
  readonly #spacerEl: HTMLElement;
  #drawn = new Map<string, HTMLElement>();
  #frame: number | null = null;

  readonly #options: VirtualListOptions;

  constructor(parent: HTMLElement, options: VirtualListOptions) {
    this.#options = options;
    this.scrollEl = parent.createDiv({ cls: "study-session-notes-list" });
    this.#spacerEl = this.scrollEl.createDiv({ cls: "study-session-notes-list-spacer" });
    this.scrollEl.addEventListener("scroll", () => this.#schedule());
  }

  /** Rows or heights changed: redraw. */
  refresh(): void {
    this.#spacerEl.setCssProps({ "--ssn-total-height": `${this.#options.layout.total()}px` });
    this.#draw();
  }

  /** Scroll just enough to show row `index`. */
  reveal(index: number): void {
    const layout = this.#options.layout;
    const top = layout.top(index);
    const bottom = top + layout.height(index);
    const view = this.#viewportHeight();
    if (top < this.scrollEl.scrollTop) this.scrollEl.scrollTop = top;
    else if (bottom > this.scrollEl.scrollTop + view) this.scrollEl.scrollTop = bottom - view;
    this.#draw();
  }

  /** Rows that fit in the viewport (for Page Up / Page Down). */
  pageSize(): number {
    const layout = this.#options.layout;
    const first = layout.indexAt(this.scrollEl.scrollTop);
    const last = layout.indexAt(this.scrollEl.scrollTop + this.#viewportHeight());
    return Math.max(1, last - first);
  }

  redraw(): void {
    this.#draw();
  }

  destroy(): void {
    if (this.#frame !== null) window.cancelAnimationFrame(this.#frame);
  }

  #schedule(): void {
    if (this.#frame !== null) return;
    this.#frame = window.requestAnimationFrame(() => {
      this.#frame = null;
      this.#draw();
    });
  }

  #viewportHeight(): number {
    return this.scrollEl.clientHeight > 0 ? this.scrollEl.clientHeight : FALLBACK_HEIGHT;
  }

  #draw(): void {
    const layout = this.#options.layout;
    const count = layout.count();
    const scrollTop = this.scrollEl.scrollTop;
    const first = Math.max(0, layout.indexAt(scrollTop) - OVERSCAN);
    const last = Math.min(count, layout.indexAt(scrollTop + this.#viewportHeight()) + 1 + OVERSCAN);
    const indexes: number[] = [];
    const pinned = this.#options.pinned();
    if (pinned >= 0 && pinned < first) indexes.push(pinned);
    for (let i = first; i < last; i++) indexes.push(i);
    if (pinned >= last && pinned < count) indexes.push(pinned);
    const previous = this.#drawn;
    const next = new Map<string, HTMLElement>();
    for (const i of indexes) {
      const id = this.#options.rowId(i);
      let row = previous.get(id);
      if (row) {
        previous.delete(id);
        for (const name of row.getAttributeNames()) row.removeAttribute(name);
        row.empty();
      } else {
        row = createDiv();
      }
      row.id = id;
      row.className = "study-session-notes-row";
      row.dataset.index = String(i);
      row.setCssProps({
        "--ssn-row-top": `${layout.top(i)}px`,
        "--ssn-row-height": `${layout.height(i)}px`,
      });
      this.#options.renderRow(i, row);
      next.set(id, row);
      // In DOM order, so reading order and the visual order agree.
      this.#spacerEl.appendChild(row);
    }
    for (const row of previous.values()) row.remove();
    this.#drawn = next;
  }
}
