// Story (a): each role signs in and sees what it should, and not what it should not.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, cspViolations, expectAccessible, findUnit, launchBrowser, newContext, screenshot, signInThroughPage, story } from './support/browser';

const NAV = 'Menu chính';

async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: NAV });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

/** The titles of the home page's quick links, in order. */
async function quickLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('region', { name: 'Việc thường làm' }).getByRole('link');
  await links.first().waitFor();
  return (await links.allTextContents()).map((s) => s.trim());
}

/** The page's title once it reads `expected`: a page opened for the first time loads its code, and
 * until then the previous page stays on screen. */
async function expectHeading(page: Page, expected: string) {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.filter({ hasText: expected }).waitFor();
  expect((await h1.textContent())?.trim()).toBe(expected);
}

story('Each role signs in and sees its own part of the ward', () => {
  let browser: Browser;
  let otherCellId: string;
  let communeId: string;
  let ownCellId: string;
  let someMemberOfOtherCell: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await ApiClient.signIn('admin');
    otherCellId = (await findUnit(admin, 'Chi bộ Tràng Đà 2')).id;
    ownCellId = (await findUnit(admin, 'Chi bộ Tràng Đà 1')).id;
    communeId = (await findUnit(admin, 'Đảng ủy phường Nông Tiến')).id;
    const { members } = await admin.get<{ members: { id: string }[] }>(`/api/units/${otherCellId}/members`);
    someMemberOfOtherCell = members[0]!.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function as(username: string, body: (page: Page) => Promise<void>) {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signInThroughPage(page, username);
      await body(page);
      expect(cspViolations(context)).toEqual([]);
    } finally {
      await context.close();
    }
  }

  test('a wrong password shows the Vietnamese error and stays on the sign-in page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/dang-nhap/);
    expect(await page.title()).toBe('Đăng nhập — QuánTriệt');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible(page, 'sign-in page');
    await page.getByLabel('Tên đăng nhập').fill('thuongtruc');
    await page.getByLabel(/^Mật khẩu/).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await context.close();
  });

  test('ward staff see the ward, the tree and the import', async () => {
    await as('vanphong', async (page) => {
      await expectHeading(page, 'Xin chào, Lê Thị Thu Hà');
      expect(await page.title()).toBe('Trang chủ — QuánTriệt');
      expect(await navLabels(page)).toEqual(['Trang chủ', 'Nhiệm vụ của đơn vị', 'Tổng hợp nhiệm vụ', 'Lịch', 'Tổ chức', 'Tìm đảng viên', 'Người của đảng bộ', 'Nhập danh sách', 'Văn bản, nghị quyết', 'Kế hoạch', 'Nhập kế hoạch', 'Thiết lập văn bản', 'Tài khoản']);
      await page.getByRole('heading', { name: 'Đảng ủy phường Nông Tiến' }).waitFor();
      // The quick links are the pages of the menu, each with what it is for.
      expect(await quickLinks(page)).toEqual(['Nhiệm vụ của đơn vị', 'Tổng hợp nhiệm vụ', 'Lịch', 'Tổ chức', 'Tìm đảng viên', 'Người của đảng bộ', 'Nhập danh sách', 'Văn bản, nghị quyết', 'Kế hoạch', 'Nhập kế hoạch', 'Thiết lập văn bản', 'Tài khoản']);
      // The campaign in motion: the latest plans with their status.
      const campaign = page.getByRole('list', { name: 'Kế hoạch gần đây' });
      await campaign.getByRole('listitem').first().waitFor();
      expect(await campaign.textContent()).toMatch(/Đã ban hành|Đã trình|Đã duyệt|Bản nháp/u);
      await screenshot(page, 'home-ward-staff', true);
      await expectAccessible(page, 'home of ward staff');

      await page.getByRole('navigation', { name: NAV }).getByRole('link', { name: 'Tổ chức' }).click();
      await expectHeading(page, 'Tổ chức');
      const tree = page.getByRole('list', { name: 'Cây tổ chức' });
      await tree.getByRole('link', { name: 'Chi bộ Tràng Đà 1', exact: true }).waitFor();
      expect(await tree.getByRole('link', { name: 'Đảng bộ tỉnh Tuyên Quang' }).count()).toBe(0);
      // Grassroots organisations start folded and open on demand.
      await tree.getByRole('button', { name: 'Mở Đảng bộ Ủy ban nhân dân phường' }).click();
      await tree.getByRole('link', { name: 'Chi bộ Phòng Văn hóa - Xã hội' }).waitFor();
      await screenshot(page, 'desktop-tree');
      await expectAccessible(page, 'organisation tree');

      await page.getByRole('navigation', { name: NAV }).getByRole('link', { name: 'Nhập danh sách' }).click();
      await expectHeading(page, 'Nhập danh sách đảng viên');
    });
  });

  test('ward leadership see the ward but may not import', async () => {
    await as('thuongtruc', async (page) => {
      await expectHeading(page, 'Xin chào, Nguyễn Mạnh Hùng');
      expect(await navLabels(page)).toEqual(['Trang chủ', 'Nhiệm vụ của đơn vị', 'Tổng hợp nhiệm vụ', 'Lịch', 'Tổ chức', 'Tìm đảng viên', 'Người của đảng bộ', 'Văn bản, nghị quyết', 'Kế hoạch', 'Thiết lập văn bản', 'Tài khoản']);
      // The demo plan waiting for approval is pointed out to the leadership.
      await page.getByText(/^\d+ kế hoạch đang chờ bạn duyệt\.$/u).waitFor();
      await page.goto('/nhap-danh-sach');
      await expectHeading(page, 'Không có quyền truy cập');
      // Leaders read members but do not edit them.
      await page.goto(`/dang-vien/${someMemberOfOtherCell}`);
      await page.getByRole('heading', { name: 'Thông tin đảng viên' }).waitFor();
      expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    });
  });

  test('a unit officer sees their own unit only', async () => {
    await as('ubnd', async (page) => {
      expect(await navLabels(page)).toEqual(['Trang chủ', 'Văn bản đến', 'Nhiệm vụ của đơn vị', 'Lịch', 'Tổ chức', 'Văn bản, nghị quyết', 'Tài khoản']);
      await page.getByRole('heading', { name: 'Ủy ban nhân dân phường', exact: true }).waitFor();
      expect(await quickLinks(page)).toEqual(['Văn bản đến', 'Nhiệm vụ của đơn vị', 'Lịch', 'Tổ chức', 'Văn bản, nghị quyết', 'Tài khoản']);
      // Plans are followed by the ward office and leadership; a unit officer reads them in the inbox.
      expect(await page.getByRole('list', { name: 'Kế hoạch gần đây' }).count()).toBe(0);
      await page.goto('/to-chuc');
      const tree = page.getByRole('list', { name: 'Cây tổ chức' });
      await tree.getByRole('link', { name: 'Ủy ban nhân dân phường', exact: true }).waitFor();
      expect(await tree.getByRole('link').count()).toBe(1);
      // One unit: nothing to open or fold.
      expect(await page.getByRole('button', { name: /^(Mở tất cả|Thu gọn tất cả)$/u }).count()).toBe(0);
      // A unit above theirs is not theirs to see: said kindly, not as an error.
      await page.goto(`/don-vi/${communeId}`);
      await page.getByText('Bạn không xem được đơn vị này').waitFor();
      expect(await page.getByText('Có lỗi xảy ra').count()).toBe(0);
      await expectAccessible(page, 'a unit the officer may not see');
    });
  });

  test('a cell secretary lands on their cell and cannot open another cell by its address', async () => {
    await as('bithu', async (page) => {
      await page.waitForURL(`**/don-vi/${ownCellId}`);
      await expectHeading(page, 'Chi bộ Tràng Đà 1');
      await page.getByRole('heading', { name: 'Danh sách đảng viên' }).waitFor();
      await page.getByRole('table', { name: 'Danh sách đảng viên' }).getByRole('link').first().waitFor();
      // The secretary searches the members they may list: their own cell's (memberSearchFilter).
      expect(await navLabels(page)).toEqual(['Chi bộ của tôi', 'Văn bản đến', 'Nhiệm vụ của đơn vị', 'Lịch', 'Tổ chức', 'Tìm đảng viên', 'Văn bản, nghị quyết', 'Học tập của tôi', 'Bài thu hoạch', 'Hồ sơ của tôi', 'Tài khoản']);
      const exports = page.getByRole('group', { name: 'Tải danh sách đảng viên' });
      const xlsx = await exports.getByRole('link', { name: 'Tải Excel' }).getAttribute('href');
      const download = await page.request.get(xlsx!);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toContain('spreadsheetml');

      await page.goto(`/don-vi/${otherCellId}`);
      await page.getByText('Bạn không xem được đơn vị này').waitFor();
      expect(await page.getByText('Chi bộ Tràng Đà 2').count()).toBe(0);
      await page.goto(`/dang-vien/${someMemberOfOtherCell}`);
      await page.getByText('Không tìm thấy đảng viên.').waitFor();
    });
  });

  test('a member sees only their own record', async () => {
    await as('dangvien', async (page) => {
      await page.waitForURL('**/dang-vien/*');
      const me = await (await page.request.get('/api/me')).json();
      expect(new URL(page.url()).pathname).toBe(`/dang-vien/${me.user.memberId}`);
      await expectHeading(page, me.user.displayName);
      expect(await navLabels(page)).toEqual(['Văn bản, nghị quyết', 'Học tập của tôi', 'Hồ sơ của tôi', 'Tài khoản']);
      expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
      await expectAccessible(page, 'own record of a member');

      await page.goto('/to-chuc');
      await expectHeading(page, 'Không có quyền truy cập');
      await page.goto(`/dang-vien/${someMemberOfOtherCell}`);
      await page.getByText('Không tìm thấy đảng viên.').waitFor();
      await page.goto(`/don-vi/${ownCellId}`);
      await page.getByText('Bạn không xem được đơn vị này').waitFor();
    });
  });

  test('the province sees its communes but imports and edits nothing', async () => {
    await as('tinhuy', async (page) => {
      await page.getByRole('heading', { name: 'Đảng bộ tỉnh Tuyên Quang' }).waitFor();
      await page.getByRole('link', { name: 'Đảng ủy phường Nông Tiến' }).first().waitFor();
      // The province reads documents and issued plans in the commune chosen in the header (the first,
      // Nông Tiến, until it chooses another); the ward's drafts and document settings are the ward's.
      expect(await navLabels(page)).toEqual(['Trang chủ', 'Tổng hợp nhiệm vụ', 'Lịch', 'Tổ chức', 'Tìm đảng viên', 'Văn bản, nghị quyết', 'Báo cáo các xã, phường', 'Kế hoạch', 'Tài khoản']);
      await page.goto('/nghi-quyet');
      await page.getByRole('heading', { level: 1, name: 'Văn bản, nghị quyết' }).waitFor();
      expect(await page.getByRole('link', { name: 'Đăng ký văn bản' }).count()).toBe(0);
      await page.goto(`/dang-vien/${someMemberOfOtherCell}`);
      await page.getByRole('heading', { name: 'Thông tin đảng viên' }).waitFor();
      expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    });
  });

  test('the administrator sees the whole tree and may import; signing out ends the session', async () => {
    await as('admin', async (page) => {
      // The administrator works in the commune chosen in the header too (GET /api/me abilities).
      expect(await navLabels(page)).toEqual(['Trang chủ', 'Tổng hợp nhiệm vụ', 'Lịch', 'Tổ chức', 'Tìm đảng viên', 'Người của đảng bộ', 'Nhập danh sách', 'Văn bản, nghị quyết', 'Báo cáo các xã, phường', 'Kế hoạch', 'Nhập kế hoạch', 'Thiết lập văn bản', 'Tài khoản']);
      await page.getByRole('heading', { name: 'Đảng bộ tỉnh Tuyên Quang' }).waitFor();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL('**/dang-nhap');
      await page.goto('/to-chuc');
      await page.waitForURL(/\/dang-nhap\?redirect=/);
    });
  });
});
