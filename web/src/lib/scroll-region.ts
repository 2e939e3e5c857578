// A table box that scrolls must be reachable by keyboard (WCAG 2.1.1: arrow keys scroll it once focused),
// but a box that fits needs no extra tab stop: tabindex 0 only while its content overflows.
export function scrollRegion(node: HTMLElement) {
  const update = () => {
    if (node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  update(); // now, not only at the observer's first callback (a frame later): an audit or a Tab press may come first
  const observer = new ResizeObserver(update);
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild); // rows added later grow the table, not the box
  return { destroy: () => observer.disconnect() };
}
