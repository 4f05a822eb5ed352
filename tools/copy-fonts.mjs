// Copies the type faces the app ships (www/faces.js says which files) from their @fontsource
// packages in node_modules into www/fonts/<package>/, each folder with the face's licence
// (OFL.txt, the package's LICENSE). Run by `./build.sh`; the repository holds no font file.
//
//     node tools/copy-fonts.mjs [www]
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACES, faceFiles } from '../www/faces.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = process.argv[2] ?? join(root, 'www');
rmSync(join(www, 'fonts'), { recursive: true, force: true });
for (const face of Object.values(FACES)) {
  const from = join(root, 'node_modules', '@fontsource', face.package);
  const to = join(www, 'fonts', face.package);
  mkdirSync(to, { recursive: true });
  copyFileSync(join(from, 'LICENSE'), join(to, 'OFL.txt'));
  let bytes = 0;
  const files = faceFiles(face);
  for (const file of files) {
    const name = file.path.split('/').pop();
    copyFileSync(join(from, 'files', name), join(to, name));
    bytes += statSync(join(to, name)).size;
  }
  console.log(`  fonts/${face.package}: ${files.length} woff2 files, ${bytes} bytes`);
}
