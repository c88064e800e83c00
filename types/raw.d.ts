/** Text files imported as strings (`?raw`): vitest/vite does this natively, scripts/build.mjs for the bundle. */
declare module '*?raw' {
  const text: string;
  export default text;
}
