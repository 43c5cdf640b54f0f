const NONE: readonly string[] = Object.freeze([]);

/**
 * Comments by others that arrived through the live feed and wait for the reader to show them,
 * by the list they belong to (a thread's replies, or the threads themselves), oldest first. A
 * store for useSyncExternalStore: `of` answers the same array until that list's comments change.
 */
export interface WaitingComments {
  subscribe: (onChange: () => void) => () => void;
  /** The comments waiting in the list under `parentId` (null: the threads). */
  of: (parentId: string | null) => readonly string[];
  /** A comment arrived; how many now wait in its list. */
  add: (parentId: string | null, commentId: string) => number;
  /** A comment was removed: it no longer waits, wherever it was. */
  remove: (commentId: string) => void;
  /** The list under `parentId` is shown in full: what waited there, now no longer. */
  clear: (parentId: string | null) => readonly string[];
}

export function createWaitingComments(): WaitingComments {
  const lists = new Map<string, readonly string[]>();
  const listeners = new Set<() => void>();
  const keyOf = (parentId: string | null) => parentId ?? "";
  const changed = () => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
    of: (parentId) => lists.get(keyOf(parentId)) ?? NONE,
    add(parentId, commentId) {
      const key = keyOf(parentId);
      const waiting = lists.get(key) ?? NONE;
      if (waiting.includes(commentId)) return waiting.length;
      lists.set(key, [...waiting, commentId]);
      changed();
      return waiting.length + 1;
    },
    remove(commentId) {
      let removed = false;
      for (const [key, waiting] of lists) {
        if (!waiting.includes(commentId)) continue;
        const rest = waiting.filter((id) => id !== commentId);
        if (rest.length) lists.set(key, rest);
        else lists.delete(key);
        removed = true;
      }
      if (removed) changed();
    },
    clear(parentId) {
      const key = keyOf(parentId);
      const waiting = lists.get(key) ?? NONE;
      if (waiting.length) {
        lists.delete(key);
        changed();
      }
      return waiting;
    },
  };
}
