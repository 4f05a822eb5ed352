// A dropped, opened or shared file read as a browser reads a page: its bytes, decoded in the
// encoding its byte-order mark or its `<meta charset>` names, else that the bytes make evident
// (UTF-8, UTF-16), else that the detector guesses.
import { sniffEncoding } from './pkg/cleancopy.js';
import { detectEncoding } from './modules.js';

/** The kind of input a file's name says it holds ("html", "markdown", else "auto"). */
export function fileKind(name) {
  if (/\.(html?|xhtml)$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return 'auto';
}

/** The text of `file`, decoded; `ready` is the core's start (a core that did not start leaves
 * the file read as UTF-8). */
export async function readFile(file, ready) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let label = 'utf-8';
  try {
    await ready;
    label = sniffEncoding(bytes);
  } catch { /* the core did not start (that is shown): keep the file as UTF-8 */ }
  // Bytes that no encoding reads as text: as UTF-8 the core refuses them as binary data.
  if (!label) label = (await detectEncoding(bytes)) || 'utf-8';
  return new TextDecoder(label).decode(bytes);
}
