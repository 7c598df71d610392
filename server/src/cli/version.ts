// The product's version, read from package.json (bundled by esbuild), for --version and the server's
// initialize answer.
import packageJson from '../../../package.json';

export const VERSION: string = packageJson.version;
