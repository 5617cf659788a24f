// Copies the images static/css/uswds.css refers to (and only those) from the USWDS package into
// static/img/, so collectstatic's manifest finds every file the stylesheet names.
const fs = require("fs");
const path = require("path");

const css = fs.readFileSync(path.join(__dirname, "../static/css/uswds.css"), "utf8");
const source = path.join(__dirname, "node_modules/@uswds/uswds/dist/img");
const target = path.join(__dirname, "../static/img");
const wanted = new Set([...css.matchAll(/url\("?\.\.\/img\/([^")]+)"?\)/g)].map((m) => m[1]));
for (const file of wanted) {
  fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
  fs.copyFileSync(path.join(source, file), path.join(target, file));
}
console.log(`copied ${wanted.size} images to static/img/`);
