import fs from 'node:fs';
import { expect, test } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const block = (page: import('@playwright/test').Page, heading: string) =>
  page.locator('h2', { hasText: heading }).locator('xpath=following-sibling::div[contains(@class,"code-block")][1]');

test.beforeEach(async ({ page }) => {
  await page.goto('alpha/code/');
});

test('systemd, nginx and ini blocks have coloured tokens in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const lang of ['systemd', 'nginx', 'ini']) {
      const colours = await page
        .locator(`pre[data-language="${lang}"] .line span`)
        .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
      expect(colours, `${lang} in ${theme}`).toBeGreaterThan(1);
    }
  }
  const background = async () => page.locator('pre[data-language="nginx"]').evaluate((pre) => getComputedStyle(pre).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.getByRole('button', { name: '切换深色/浅色主题' }).click();
  expect(await background()).not.toBe(light);
});

test('the title frame shows the file name; marked and diff lines are marked', async ({ page }) => {
  const systemd = block(page, 'systemd');
  await expect(systemd.locator('.code-title')).toHaveText('kafka-consumer@.service');
  const lines = systemd.locator('.line');
  await expect(lines.nth(1)).toHaveClass(/highlighted/);
  await expect(lines.nth(4)).toHaveClass(/highlighted/);
  await expect(lines.nth(5)).toHaveClass(/highlighted/);
  await expect(lines.nth(0)).not.toHaveClass(/highlighted/);
  const nginx = block(page, 'nginx');
  await expect(nginx.locator('.line').nth(2)).toHaveClass(/diff add/);
  await expect(nginx.locator('.line').nth(3)).toHaveClass(/diff remove/);
  await expect(nginx.locator('pre')).toHaveClass(/line-numbers/);
  const ini = block(page, '注释标记');
  await expect(ini.locator('.line').nth(0)).not.toHaveClass(/diff|highlighted/);
  await expect(ini.locator('.line').nth(1)).toHaveClass(/diff remove/);
  await expect(ini.locator('.line').nth(2)).toHaveClass(/diff add/);
  await expect(ini.locator('.line').nth(3)).toHaveClass(/highlighted/);
  await expect(ini).not.toContainText('[!code');
});

async function copyFrom(page: import('@playwright/test').Page, heading: string): Promise<string> {
  const target = block(page, heading);
  const button = target.getByRole('button', { name: '复制' });
  await button.click();
  await expect(button).toHaveAccessibleName('已复制');
  await expect(target.getByRole('status')).toHaveText('代码已复制到剪贴板');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('copy puts exactly the code on the clipboard: plain, diff and console blocks', async ({ page }) => {
  expect(await copyFrom(page, 'systemd')).toBe(
    '[Unit]\nDescription=Kafka consumer %i\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/local/bin/consumer --id %i\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target',
  );
  expect(await copyFrom(page, 'nginx')).toBe(
    'server {\n    listen 80;\n    proxy_read_timeout 60s;\n    location / {\n        proxy_pass http://127.0.0.1:8080;\n    }\n}',
  );
  expect(await copyFrom(page, '注释标记')).toBe('[program:worker]\ncommand=/usr/bin/worker --fast\nautorestart=true');
  expect(await copyFrom(page, '终端')).toBe('systemctl status kafka-consumer@1\njournalctl -u kafka-consumer@1 -n 5');
});

test('copy works by keyboard', async ({ page }) => {
  const button = block(page, 'systemd').getByRole('button', { name: '复制' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAccessibleName('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('[Unit]');
});

test('download saves the snippet under its title', async ({ page }) => {
  const downloadPromise = page.waitForEvent('download');
  await block(page, 'nginx').getByRole('button', { name: '下载' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('app.conf');
  const content = fs.readFileSync((await download.path())!, 'utf8');
  expect(content).toBe('server {\n    listen 80;\n    proxy_read_timeout 60s;\n    location / {\n        proxy_pass http://127.0.0.1:8080;\n    }\n}\n');
  await expect(block(page, '终端').getByRole('button', { name: '下载' })).toHaveCount(0);
});

test('long lines scroll inside the block on a 360 px phone; wrap toggles', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const pre = block(page, '长行').locator('pre');
  expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await block(page, '长行').getByRole('button', { name: '换行' }).click();
  expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('code stays readable and the buttons stay hidden', async ({ page }) => {
    await page.goto('alpha/code/');
    await expect(block(page, 'systemd').locator('pre')).toContainText('WantedBy=multi-user.target');
    await expect(page.getByRole('button', { name: '复制' })).toHaveCount(0);
  });
});
