/**
 * A virtualized list: only the rows in (and just around) the viewport exist in the DOM, so 80,000
 * topics cost as many nodes as 30. Rows have one of a few fixed heights; positions are prefix sums.
 */

export interface VirtualListOptions {
  rowHeight: (index: number) => number;
  renderRow: (index: number, el: HTMLElement) => void;
}

/** Rows drawn above and below the viewport, so fast scrolling does not show gaps. */
const OVERSCAN = 8;
/** Viewport height assumed before layout (a hidden leaf, or a DOM without layout). */
const FALLBACK_HEIGHT = 800;

export class VirtualList {
  readonly scrollEl: HTMLElement;
  private readonly spacerEl: HTMLElement;
  private tops = new Float64Array(1);
  private count = 0;
  private frame: number | null = null;

  constructor(
    parent: HTMLElement,
    private readonly options: VirtualListOptions,
  ) {
    this.scrollEl = parent.createDiv({ cls: "study-session-notes-list" });
    this.spacerEl = this.scrollEl.createDiv({ cls: "study-session-notes-list-spacer" });
    this.scrollEl.addEventListener("scroll", () => this.schedule());
  }

  /** New rows: recompute positions and redraw. */
  setCount(count: number): void {
    this.count = count;
    const tops = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) tops[i + 1] = (tops[i] ?? 0) + this.options.rowHeight(i);
    this.tops = tops;
    this.spacerEl.setCssProps({ "--ssn-total-height": `${tops[count] ?? 0}px` });
    this.draw();
  }

  /** Scroll just enough to show row `index`. */
  reveal(index: number): void {
    const top = this.tops[index] ?? 0;
    const bottom = this.tops[index + 1] ?? top;
    const view = this.viewportHeight();
    if (top < this.scrollEl.scrollTop) this.scrollEl.scrollTop = top;
    else if (bottom > this.scrollEl.scrollTop + view) this.scrollEl.scrollTop = bottom - view;
    this.draw();
  }

  /** The row at a vertical offset inside the list's content. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tops[mid + 1] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  redraw(): void {
    this.draw();
  }

  destroy(): void {
    if (this.frame !== null) window.cancelAnimationFrame(this.frame);
  }

  private schedule(): void {
    if (this.frame !== null) return;
    this.frame = window.requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private viewportHeight(): number {
    return this.scrollEl.clientHeight > 0 ? this.scrollEl.clientHeight : FALLBACK_HEIGHT;
  }

  private draw(): void {
    const scrollTop = this.scrollEl.scrollTop;
    const first = Math.max(0, this.indexAt(scrollTop) - OVERSCAN);
    const last = Math.min(this.count, this.indexAt(scrollTop + this.viewportHeight()) + 1 + OVERSCAN);
    this.spacerEl.empty();
    for (let i = first; i < last; i++) {
      const row = this.spacerEl.createDiv({ cls: "study-session-notes-row" });
      row.dataset.index = String(i);
      row.setCssProps({
        "--ssn-row-top": `${this.tops[i] ?? 0}px`,
        "--ssn-row-height": `${this.options.rowHeight(i)}px`,
      });
      this.options.renderRow(i, row);
    }
  }
}
