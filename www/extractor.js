// Large inputs cleaned in a worker (worker.js), off the page's thread: the work is shown with a
// Cancel button, and the page stays responsive.
import { openShared } from './pkg/cleancopy.js';

/** Inputs of this many characters or more are cleaned in the worker. */
export const WORKER_FROM = 1_000_000;
/** A worker whose memory has grown past this many bytes for a long paste is ended once done,
 * so that the tab gives that memory back (the next long paste starts another). */
const WORKER_KEPT_BELOW = 64 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
let extractor = null;
let job = 0;

/** Whether a worker is kept for the next long paste. */
export const workerKept = () => extractor !== null;

/** Cleans `input` in the worker (made with the script address `script`), resolving to the
 * article (`copy`) and its share `fragment`; cancelling rejects with an `AbortError`. */
export function inWorker(script, input, kind, address) {
  extractor ??= new Worker(script, { type: 'module' });
  const id = ++job;
  const started = performance.now();
  const megabytes = (input.length / 1e6).toFixed(1);
  const progress = $('progress');
  progress.hidden = false;
  const tick = () => { $('progress-text').textContent = `Cleaning ${megabytes} million characters… ${((performance.now() - started) / 1000).toFixed(0)} s`; };
  tick();
  const timer = setInterval(tick, 500);
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearInterval(timer);
      progress.hidden = true;
      $('cancel').onclick = null;
    };
    $('cancel').onclick = () => {
      extractor.terminate();
      extractor = null;
      finish();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    extractor.onmessage = (event) => {
      if (event.data.id !== id) return;
      finish();
      if (event.data.memory >= WORKER_KEPT_BELOW) {
        extractor.terminate();
        extractor = null;
      }
      if (event.data.error) reject(new Error(event.data.error));
      else {
        try {
          resolve({ copy: openShared(event.data.fragment), fragment: event.data.fragment });
        } catch (err) {
          reject(err);
        }
      }
    };
    extractor.onerror = (event) => {
      finish();
      extractor = null;
      reject(new Error(event.message || 'the worker stopped'));
    };
    extractor.postMessage({ id, input, kind, address });
  });
}
