/**
 * The search page's address follows its box once typing pauses, not on every
 * letter: each change is a call to the browser process (up to 7 ms of a
 * keystroke on a busy machine), and Chromium may fetch and decode the page's
 * icon again (DESIGN.md, "Browser"). A link followed before the pause takes
 * the change with it, so Back returns to what was typed.
 */

/** How long typing pauses before the address follows the box. */
const PAUSE_MS = 300;

/** The address, following the box. */
export interface AddressFollower {
  /**
   * Put a URL in the address once typing pauses.
   *
   * @param url The search's URL.
   * @param newEntry Whether the change starts a history entry (the first after a search); a pending one still does.
   */
  follow(url: string, newEntry: boolean): void;
  /** Drop a pending change: the address was set another way. */
  cancel(): void;
}

/**
 * Start following.
 *
 * @returns The follower.
 */
export function followAddress(): AddressFollower {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let change: (() => void) | undefined;
  let push = false;
  const cancel = () => {
    clearTimeout(timer);
    change = undefined;
    push = false;
  };
  document.addEventListener('click', () => change?.(), { capture: true });
  return {
    follow(url, newEntry) {
      push ||= newEntry;
      clearTimeout(timer);
      change = () => {
        if (push) history.pushState(null, '', url);
        else history.replaceState(null, '', url);
        cancel();
      };
      timer = setTimeout(change, PAUSE_MS);
    },
    cancel,
  };
}
