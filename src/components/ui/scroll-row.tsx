import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export type ScrollRowProps = {
  children: ReactNode;
  /** Classes of the scrolling list itself (gap, padding, text). */
  className?: string;
  /** Something that changes when the current item does (the path), to bring it into view. */
  activeKey?: string;
};

type Overflow = { before: boolean; after: boolean };

/**
 * One row of items that scrolls sideways when it is wider than the screen, with a fade and an
 * arrow at the side that has more, so a reader sees there is more than the first few items.
 * The arrow scrolls by most of a screen; keyboard users reach every item by Tab anyway.
 */
export function ScrollRow({ children, className = '', activeKey }: ScrollRowProps) {
  const track = useRef<HTMLUListElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ before: false, after: false });

  const measure = useCallback(() => {
    const element = track.current;
    if (!element) return;
    const before = element.scrollLeft > 1;
    const after = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setOverflow((current) =>
      current.before === before && current.after === after ? current : { before, after },
    );
  }, []);

  useEffect(() => {
    const element = track.current;
    if (!element) return;
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);

  useEffect(() => {
    const element = track.current;
    const current = element?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!element || !current) return;
    const start = current.offsetLeft - element.offsetLeft;
    if (
      start < element.scrollLeft ||
      start + current.offsetWidth > element.scrollLeft + element.clientWidth
    )
      element.scrollLeft = Math.max(0, start - 24);
    measure();
  }, [activeKey, measure]);

  const scrollBy = (direction: 1 | -1) =>
    track.current?.scrollBy({
      left: direction * track.current.clientWidth * 0.8,
      behavior: 'smooth',
    });

  return (
    <div
      className="scroll-row"
      data-more-before={overflow.before || undefined}
      data-more-after={overflow.after || undefined}
    >
      <ul ref={track} onScroll={measure} className={`scroll-row-track ${className}`}>
        {children}
      </ul>
      <span
        aria-hidden="true"
        className="scroll-row-hint scroll-row-hint-before"
        onClick={() => scrollBy(-1)}
      >
        ‹
      </span>
      <span
        aria-hidden="true"
        className="scroll-row-hint scroll-row-hint-after"
        onClick={() => scrollBy(1)}
      >
        ›
      </span>
    </div>
  );
}
