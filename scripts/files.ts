/** File-system helpers the prebuild, the page writer, the generator and the server share. */
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** True for a folder (or a link to one); false for anything else, or nothing. */
export async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A function that makes the folder of a file about to be written, once per folder: writers of many
 * small files would otherwise ask the disk for the same folder thousands of times.
 */
export function createFolderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const folder = path.dirname(file);
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}
