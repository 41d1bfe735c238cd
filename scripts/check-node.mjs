// Runs before every npm script that executes TypeScript (package.json `pre…` scripts). Plain
// JavaScript on purpose: it must speak on any Node, including one too old to run the project.
// `npm install` brings Node 24 (the `node` dev dependency) into node_modules/.bin, which npm puts
// first on a script's PATH, so a machine's own Node 20 is enough; this says so when it is missing.
const [major, minor] = process.versions.node.split(".").map(Number);
const strips = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
if (!strips) {
  console.error(
    `Recall's scripts need Node ≥ 22.18 and this is ${process.version}: run \`npm install\` first (it brings Node 24 into node_modules/.bin, which npm scripts use).`,
  );
  process.exit(1);
}
