// Real speech for the listening tests, on a machine with no sound card: a home of its own in
// which ALSA's default device is the null device (it takes the sound and plays nothing), and a
// speech-dispatcher (with espeak-ng's voices) that plays through ALSA there. Chromium started
// with --enable-speech-dispatcher, and Firefox, speak through it when given this home's
// environment; utterances then start and end as with a sound card, only faster.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Chromium switch that lets it speak through speech-dispatcher. */
export const SPEECH_ARGS = ['--enable-speech-dispatcher'];

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Makes the home and starts its speech-dispatcher. Resolves to `{ env, stop() }`: `env` is
 * what a browser needs in its environment to speak there; `stop()` ends the service and
 * removes the home.
 */
export async function startSpeech() {
  const home = mkdtempSync(join(tmpdir(), 'cleancopy-speech-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(join(home, '.config', 'speech-dispatcher'), { recursive: true });
  writeFileSync(join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  writeFileSync(join(home, '.config', 'speech-dispatcher', 'speechd.conf'), 'AudioOutputMethod "alsa"\nDefaultModule espeak-ng\n');
  const env = { HOME: home, XDG_RUNTIME_DIR: runtime };
  // Started here (rather than by the first browser that speaks) so that it can be ended here:
  // in a process group of its own, with its synthesis modules.
  const daemon = spawn('speech-dispatcher', ['--run-single', '--timeout', '0'], {
    env: { ...process.env, ...env }, stdio: 'ignore', detached: true,
  });
  const socket = join(runtime, 'speech-dispatcher', 'speechd.sock');
  for (let i = 0; i < 100 && !existsSync(socket) && daemon.exitCode === null; i += 1) await sleep(50);
  if (!existsSync(socket)) throw new Error(`speech-dispatcher did not start (exit ${daemon.exitCode})`);
  return {
    env,
    async stop() {
      if (daemon.exitCode === null) {
        const gone = new Promise((ok) => daemon.once('exit', ok));
        try { process.kill(-daemon.pid, 'SIGTERM'); } catch { /* gone already */ }
        await Promise.race([gone, sleep(3000)]);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
