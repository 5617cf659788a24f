// Runs pa11y (HTML_CodeSniffer and axe, WCAG 2 AA) over the pages named on the command line in
// Debian's Chromium, signed in with the cookie in PA11Y_COOKIE (sent with each page's request),
// and prints every error as JSON:
// [{url, issues: [{runner, code, message, selector}]}]. tests/browser/test_checkers.py runs it.
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main() {
  const urls = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const results = [];
  try {
    for (const url of urls) {
      const result = await pa11y(url, {
        browser,
        standard: "WCAG2AA",
        runners: ["htmlcs", "axe"],
        headers: process.env.PA11Y_COOKIE ? { Cookie: process.env.PA11Y_COOKIE } : {},
        timeout: 60000,
        // What axe cannot decide ("needs review": the contrast of a select's text over its arrow
        // image, of a decorative star) is a warning, not an error; its violations stay errors.
        levelCapWhenNeedsReview: "warning",
      });
      results.push({
        url,
        issues: result.issues
          .filter((issue) => issue.type === "error")
          .map(({ runner, code, message, selector }) => ({ runner, code, message, selector })),
      });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
