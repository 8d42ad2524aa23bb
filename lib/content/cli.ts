// Command-line helpers for scripts/content-check.ts and scripts/content-build.ts: arguments,
// and progress output for a large bank (a live counter on a terminal, a line every 10% in logs).

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

export function progressPrinter(): (done: number, total: number, file: string) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = 0;
  return (done, total) => {
    if (total < 50) return;
    if (tty) {
      process.stderr.write(`\rchecking ${done}/${total} files`);
      if (done === total) process.stderr.write("\n");
      return;
    }
    const tenth = Math.floor((done * 10) / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`checked ${done}/${total} files\n`);
    }
  };
}
