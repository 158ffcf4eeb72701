// How many uploads a store takes at once (the files in hand while the ingest threads
// read them): a burst past it is refused before 25 MB of each is read. Shared by the
// reports-folder store and the database store.

/** `admit()` returns a release function, or undefined when `capacity` uploads are in hand. */
export function uploadAdmission(capacity: number): () => (() => void) | undefined {
  let admitted = 0;
  return () => {
    if (admitted >= capacity) return undefined;
    admitted++;
    let released = false;
    return () => {
      if (!released) admitted--;
      released = true;
    };
  };
}
