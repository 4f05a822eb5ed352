// The type faces the app ships, as data: which files each has and what they cover. Read by
// the page (fonts.js) and by the build (tools/copy-fonts.mjs, which copies exactly these files
// from their @fontsource packages into www/fonts/).

/** Latin and Latin Extended, as the @fontsource packages split them (their unicode-range). */
const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
const STYLES = [[400, 'normal'], [400, 'italic'], [700, 'normal'], [700, 'italic']];

/**
 * The shipped faces, by the value of the Font setting: the family's name, its package (and
 * folder under fonts/), its subsets with their character ranges (`null`: the file covers all
 * it has), and its weights and styles. `tools/copy-fonts.mjs` copies exactly these files.
 */
export const FACES = {
  legible: { family: 'Atkinson Hyperlegible', package: 'atkinson-hyperlegible', subsets: { latin: LATIN, 'latin-ext': LATIN_EXT }, styles: STYLES },
  dyslexic: { family: 'OpenDyslexic', package: 'opendyslexic', subsets: { latin: null }, styles: STYLES },
  book: { family: 'Literata', package: 'literata', subsets: { latin: LATIN, 'latin-ext': LATIN_EXT }, styles: STYLES },
};

/** The files of a face, each with where it lives under www/ and what it covers. */
export function faceFiles(face) {
  return Object.entries(face.subsets).flatMap(([subset, range]) => face.styles.map(([weight, style]) => ({
    path: `fonts/${face.package}/${face.package}-${subset}-${weight}-${style}.woff2`, range, weight, style,
  })));
}
