// The status page in a real browser: it shows the daemons, turns a daemon's row to down within
// 2 seconds of a fail signal without a reload, back to up on its recovery, and shows a hostile
// reason as text. Usage: node status-page.mjs <base-url> <write-token> [screenshot.png]
// Exits 0 when every check passed; prints what it saw.
import { chromium } from "playwright-core";

const [base, token, screenshot] = process.argv.slice(2);
const HOSTILE = "<img src=x onerror=alert(1)>";
const LIVE_WITHIN_MS = 2000;

async function post(path, body) {
  const answer = await fetch(base + path, {
    method: "POST",
    headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  return answer.status;
}

function check(condition, what) {
  if (!condition) {
    throw new Error("failed: " + what);
  }
  console.log("ok: " + what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const name = "e2e-" + Date.now().toString(36);
  check((await post(`/api/v1/daemons/${name}/heartbeat`, { ttl: "10m" })) === 202, "heartbeat accepted");
  check(
    (await post(`/api/v1/daemons/${encodeURIComponent(HOSTILE)}/heartbeat`)) === 400,
    "a daemon cannot be named " + HOSTILE,
  );

  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    dialog.dismiss();
  });
  await page.goto(base + "/");
  const stateOf = (daemon) =>
    document.querySelector(`tr[data-daemon="${daemon}"] .state span`)?.textContent ?? null;
  await page.waitForFunction(stateOf, name, { timeout: 5000 });
  check((await page.evaluate(stateOf, name)) === "up", "the page shows " + name + " up");
  check((await page.locator("h1").textContent()).length > 0, "the overall state is in words");
  await page.evaluate(() => (window.notReloaded = true));

  let started = Date.now();
  check((await post(`/api/v1/daemons/${name}/fail`, { message: HOSTILE })) === 202, "fail accepted");
  await page.waitForFunction((daemon) => document.querySelector(`tr[data-daemon="${daemon}"] .state span`)?.textContent === "down", name, { timeout: LIVE_WITHIN_MS });
  check(true, `the row turned down ${Date.now() - started} ms after the fail signal`);
  const reason = await page.locator(`tr[data-daemon="${name}"] .reason`).textContent();
  check(reason === "fail signal: " + HOSTILE, "the hostile reason shows as text: " + reason);
  check((await page.locator(`tr[data-daemon="${name}"] img`).count()) === 0, "no element came from it");

  started = Date.now();
  check((await post(`/api/v1/daemons/${name}/heartbeat`, { ttl: "10m" })) === 202, "recovery accepted");
  await page.waitForFunction((daemon) => document.querySelector(`tr[data-daemon="${daemon}"] .state span`)?.textContent === "up", name, { timeout: LIVE_WITHIN_MS });
  check(true, `the row turned up ${Date.now() - started} ms after the heartbeat`);
  check(await page.evaluate(() => window.notReloaded === true), "without a reload");
  check(dialogs === 0, "no script ran from a daemon's text");

  if (screenshot) {
    await post(`/api/v1/daemons/${name}/fail`, { message: "out of memory" });
    await page.waitForFunction((daemon) => document.querySelector(`tr[data-daemon="${daemon}"] .state span`)?.textContent === "down", name);
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log("screenshot: " + screenshot);
  }
} finally {
  await browser.close();
}
