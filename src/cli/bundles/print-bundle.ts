// The bundle of typed command lines that only print (`--print`): the typed bundle's entry, built without backends
// (scripts/bundle-cli.js leaves out what runs a line; bundleForLine sends only printing command lines here).
export { main } from './typed-bundle.js';
