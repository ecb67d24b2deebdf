/**
 * Settles after the next frame is painted, so that work started then does
 * not hold that frame back. A hidden page paints no frames: there it settles
 * after a task.
 *
 * @returns Settles once the frame is painted.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') setTimeout(resolve);
    else requestAnimationFrame(() => setTimeout(resolve));
  });
}
