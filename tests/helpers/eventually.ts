/** Polls until `check` holds (what crosses processes or notices takes a moment), at most `ms`. */
export async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  for (const started = performance.now(); performance.now() - started < ms; await new Promise((r) => setTimeout(r, 50)))
    if (await check()) return true;
  return false;
}
