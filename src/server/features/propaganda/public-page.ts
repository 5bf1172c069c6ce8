// The public pages, without an account: a commune's published resolutions (/p/resolutions, ?xa=<commune>
// when the installation has more than one) and one resolution's page (/p/resolutions/<slug>, the slug
// ending with the resolution's id): its title, summary and core
// content, the news items of the propaganda log marked public, and the loudspeaker's coming broadcasts.
// Server-rendered HTML with no script, every text escaped, Open Graph tags for shared links.
//
// Published means: cited by an issued plan of the commune. Nothing else is ever read here: no member,
// attendance, report, draft plan or non-public entry (the queries below select only these columns).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import type { Env } from '../../env';
import { now } from '../../clock';
import { escapeHtml } from '../../documents/html';
import { kindNames } from '../../../domain/resolutions';
import { foldVietnamese } from '../../../domain/vietnamese-names';
import { describeRule, occurrencesOf, scheduleText } from '../../../domain/broadcast-schedule';
import { resolutions } from '../resolutions/tables';
import { planResolutions, plans } from '../plans/tables';
import { units } from '../units/tables';
import { channelNames, loudspeakerSchedules, propagandaEntries } from './tables';
import { readTogether } from '../../db/read-together';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const COMING_BROADCASTS = 8;

async function communeOf(db: DbOrTx, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.tenantId, id), eq(units.id, id), eq(units.kind, 'commune')));
  return row ?? null;
}

/** The commune's issued plans citing each resolution (only issued plans: drafts stay private). */
async function issuedPlanIds(db: DbOrTx, communeId: string, resolutionId?: string) {
  return db
    .selectDistinct({ planId: plans.id, resolutionId: planResolutions.resolutionId })
    .from(planResolutions)
    .innerJoin(plans, and(eq(plans.tenantId, planResolutions.tenantId), eq(plans.id, planResolutions.planId)))
    .where(and(eq(planResolutions.tenantId, communeId), eq(plans.status, 'issued'), resolutionId ? eq(planResolutions.resolutionId, resolutionId) : undefined));
}

const dmy = (day: string | null) => {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

/** Plain text paragraphs (blank-line separated) as escaped <p> elements. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/gu, '<br>')}</p>`)
    .join('\n');

const summaryOf = (subject: string, content: string) => {
  const text = (content.split(/\n\s*\n/u).find((p) => p.trim()) ?? subject).replace(/\s+/gu, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
};

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.55;color:#1a1a1a;background:#fafafa;font-size:17px}
header{background:#b71c1c;color:#fff;padding:12px 16px}
header a{color:#fff}
main{max-width:720px;margin:0 auto;padding:16px;overflow-wrap:anywhere}
h1{font-size:1.35rem;line-height:1.3;margin:0 0 8px}
h2{font-size:1.1rem;margin:24px 0 8px;border-bottom:2px solid #b71c1c;padding-bottom:4px}
.meta{color:#555;font-size:.95rem;margin:0 0 12px}
.summary{font-weight:600}
ul.list{list-style:none;padding:0;margin:0}
ul.list li{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;margin:0 0 10px}
.tag{display:inline-block;font-size:.85rem;background:#eee;border-radius:4px;padding:0 6px;margin-right:6px;color:#333}
a{color:#0b4f9c}
footer{color:#555;font-size:.85rem;text-align:center;padding:24px 16px}
`;

function layout(o: { title: string; description: string; url: string; communeName: string; communeUrl: string; body: string; type: 'website' | 'article' }) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<meta name="description" content="${escapeHtml(o.description)}">
<meta property="og:title" content="${escapeHtml(o.title)}">
<meta property="og:description" content="${escapeHtml(o.description)}">
<meta property="og:url" content="${escapeHtml(o.url)}">
<meta property="og:type" content="${o.type}">
<meta property="og:locale" content="vi_VN">
<style>${STYLE}</style>
</head>
<body>
<header><a href="${escapeHtml(o.communeUrl)}">${escapeHtml(o.communeName)}</a></header>
<main>
${o.body}
</main>
<footer>Trang thông tin công khai của ${escapeHtml(o.communeName)}</footer>
</body>
</html>`;
}

function notFoundPage(reply: FastifyReply) {
  return reply
    .code(404)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không tìm thấy trang</title></head><body><main><h1>Không tìm thấy trang</h1><p>Trang này không có hoặc chưa được công khai.</p></main></body></html>`);
}

const sendPage = (reply: FastifyReply, html: string) =>
  reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').header('x-content-type-options', 'nosniff').send(html);

/** The commune's published resolutions, newest first. */
export async function publicResolutionList(db: DbOrTx, communeId: string) {
  const links = await issuedPlanIds(db, communeId);
  const ids = [...new Set(links.map((l) => l.resolutionId))];
  if (ids.length === 0) return [];
  return db
    .select({ id: resolutions.id, kind: resolutions.kind, number: resolutions.number, issuedOn: resolutions.issuedOn, issuer: resolutions.issuer, subject: resolutions.subject, content: resolutions.content })
    .from(resolutions)
    .where(and(eq(resolutions.tenantId, communeId), inArray(resolutions.id, ids)))
    .orderBy(desc(resolutions.issuedOn), asc(resolutions.number));
}

/** One published resolution with its public news items and coming broadcasts; null when not published. */
export async function publicResolutionPage(db: DbOrTx, communeId: string, resolutionId: string) {
  if (!UUID.test(resolutionId)) return null;
  const planIds = [...new Set((await issuedPlanIds(db, communeId, resolutionId)).map((l) => l.planId))];
  if (planIds.length === 0) return null;
  const [resolution] = await db
    .select({ id: resolutions.id, kind: resolutions.kind, number: resolutions.number, issuedOn: resolutions.issuedOn, issuer: resolutions.issuer, subject: resolutions.subject, content: resolutions.content })
    .from(resolutions)
    .where(and(eq(resolutions.tenantId, communeId), eq(resolutions.id, resolutionId)));
  if (!resolution) return null;
  const [news, schedules] = await readTogether(db, [
    () => db
      .select({ id: propagandaEntries.id, channel: propagandaEntries.channel, on: propagandaEntries.on, title: propagandaEntries.title, link: propagandaEntries.link })
      .from(propagandaEntries)
      .where(and(eq(propagandaEntries.tenantId, communeId), inArray(propagandaEntries.planId, planIds), eq(propagandaEntries.public, true)))
      .orderBy(desc(propagandaEntries.on), desc(propagandaEntries.createdAt))
      .limit(50),
    () => db
      .select({ id: loudspeakerSchedules.id, title: loudspeakerSchedules.title, rrule: loudspeakerSchedules.rrule })
      .from(loudspeakerSchedules)
      .where(and(eq(loudspeakerSchedules.tenantId, communeId), inArray(loudspeakerSchedules.planId, planIds)))
      .orderBy(asc(loudspeakerSchedules.createdAt)),
  ]);
  const at = now().getTime();
  const coming = schedules.map((s) => ({
    title: s.title,
    description: scheduleText(describeRule(s.rrule)),
    next: occurrencesOf(s.rrule)
      .filter((o) => Date.parse(o.at) > at)
      .slice(0, COMING_BROADCASTS),
  }));
  return { resolution, news, coming };
}

const hourText = (time: string) => `${Number(time.slice(0, 2))}h${time.slice(3)}`;
const titleOf = (r: { kind: keyof typeof kindNames; number: string }) => `${kindNames[r.kind]} số ${r.number}`;
const safeLink = (link: string | null) => (link && /^https?:\/\//iu.test(link) ? link : null);
const weekdayOf = (day: string) => ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][new Date(`${day}T00:00:00Z`).getUTCDay()]!;

/** A resolution's stable public address: a readable part, then its id ("nghi-quyet-91-nq-tu-<uuid>"). */
export function publicSlug(r: { id: string; kind: keyof typeof kindNames; number: string }) {
  const readable = foldVietnamese(`${kindNames[r.kind]} ${r.number}`)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `${readable}-${r.id}`;
}
export const publicListPath = (communeId: string) => `/p/resolutions?xa=${communeId}`;
export const publicPagePath = (r: Parameters<typeof publicSlug>[0]) => `/p/resolutions/${publicSlug(r)}`;

/** The id a slug ends with (the readable part is only for people). */
const idOfSlug = (slug: string) => {
  const id = slug.slice(-36);
  return UUID.test(id) ? id.toLowerCase() : null;
};

/** The communes of the installation, by name (the public list's choice when more than one). */
async function allCommunes(db: DbOrTx) {
  return db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.kind, 'commune'), eq(units.tenantId, units.id))).orderBy(asc(units.name));
}

export const publicPageRoutes: FastifyPluginAsyncZod<{ db: Db; env: Env }> = async (app, { db, env }) => {
  const listQuery = z.object({ xa: z.string().max(100).optional() });

  app.get(
    '/p/resolutions',
    { config: { public: true }, schema: { tags: ['public'], summary: 'Trang công khai: các nghị quyết của đảng bộ (HTML, không cần đăng nhập); ?xa=<mã đảng bộ> khi có nhiều đảng bộ', querystring: listQuery } },
    async (request, reply) => {
      let commune = request.query.xa ? await communeOf(db, request.query.xa) : null;
      if (request.query.xa && !commune) return notFoundPage(reply);
      if (!commune) {
        const communes = await allCommunes(db);
        if (communes.length === 1) commune = communes[0]!;
        else {
          const items = communes.length
            ? `<ul class="list">${communes.map((c) => `<li><a href="${escapeHtml(publicListPath(c.id))}"><strong>${escapeHtml(c.name)}</strong></a></li>`).join('\n')}</ul>`
            : '<p>Chưa có đảng bộ nào.</p>';
          return sendPage(
            reply,
            layout({ title: 'Nghị quyết được học tập, quán triệt', description: 'Các đảng bộ và nghị quyết được công khai.', url: `${env.QT_PUBLIC_URL}/p/resolutions`, communeName: 'Trang công khai', communeUrl: '/p/resolutions', type: 'website', body: `<h1>Chọn đảng bộ</h1>\n${items}` }),
          );
        }
      }
      const list = await publicResolutionList(db, commune.id);
      const base = publicListPath(commune.id);
      const items = list.length
        ? `<ul class="list">${list
            .map(
              (r) =>
                `<li><a href="${escapeHtml(publicPagePath(r))}"><strong>${escapeHtml(titleOf(r))}</strong></a>${r.issuedOn ? ` <span class="meta">ngày ${dmy(r.issuedOn)}</span>` : ''}<br>${escapeHtml(r.subject)}</li>`,
            )
            .join('\n')}</ul>`
        : '<p>Chưa có nghị quyết nào được công khai.</p>';
      const title = `Nghị quyết được học tập, quán triệt – ${commune.name}`;
      return sendPage(
        reply,
        layout({
          title,
          description: `Các nghị quyết ${commune.name} tổ chức học tập, quán triệt và tuyên truyền.`,
          url: `${env.QT_PUBLIC_URL}${base}`,
          communeName: commune.name,
          communeUrl: base,
          type: 'website',
          body: `<h1>${escapeHtml(title)}</h1>\n${items}`,
        }),
      );
    },
  );

  app.get(
    '/p/resolutions/:slug',
    { config: { public: true }, schema: { tags: ['public'], summary: 'Trang công khai của một nghị quyết (HTML, không cần đăng nhập)', params: z.object({ slug: z.string().max(300) }) } },
    async (request, reply) => {
      const id = idOfSlug(request.params.slug);
      if (!id) return notFoundPage(reply);
      const [found] = await db.select({ tenantId: resolutions.tenantId }).from(resolutions).where(eq(resolutions.id, id));
      const commune = found ? await communeOf(db, found.tenantId) : null;
      if (!commune) return notFoundPage(reply);
      const page = await publicResolutionPage(db, commune.id, id);
      if (!page) return notFoundPage(reply);
      const { resolution: r, news, coming } = page;
      const url = publicPagePath(r);
      // One address per resolution: an old or mistyped readable part goes to the right one.
      if (request.params.slug !== publicSlug(r)) return reply.redirect(url, 301);
      const base = publicListPath(commune.id);
      const title = titleOf(r);
      const summary = r.subject || summaryOf(r.subject, r.content);
      const newsHtml = news.length
        ? `<ul class="list">${news
            .map((n) => {
              const link = safeLink(n.link);
              const head = link ? `<a href="${escapeHtml(link)}" rel="noopener nofollow">${escapeHtml(n.title)}</a>` : escapeHtml(n.title);
              return `<li><span class="tag">${escapeHtml(channelNames[n.channel])}</span><span class="meta">${dmy(n.on)}</span><br>${head}</li>`;
            })
            .join('\n')}</ul>`
        : '<p>Chưa có tin tuyên truyền.</p>';
      const comingHtml = coming.length
        ? coming
            .map(
              (s) =>
                `<h3>${escapeHtml(s.title)}</h3><p class="meta">${escapeHtml(s.description)}</p>${
                  s.next.length ? `<ul>${s.next.map((o) => `<li>${weekdayOf(o.on)}, ${dmy(o.on)} lúc ${hourText(o.time)}</li>`).join('')}</ul>` : '<p>Lịch phát đã kết thúc.</p>'
                }`,
            )
            .join('\n')
        : '<p>Chưa có lịch phát thanh.</p>';
      const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(r.issuer)}${r.issuedOn ? `, ngày ${dmy(r.issuedOn)}` : ''}</p>
<p class="summary">${escapeHtml(summary)}</p>
<h2>Nội dung cốt lõi</h2>
${r.content.trim() ? paragraphs(r.content) : '<p>Nội dung đang được cập nhật.</p>'}
<h2>Tin tuyên truyền</h2>
${newsHtml}
<h2>Lịch phát thanh sắp tới</h2>
${comingHtml}
<p><a href="${escapeHtml(base)}">Các nghị quyết khác</a></p>`;
      return sendPage(reply, layout({ title: `${title}: ${r.subject}`, description: summaryOf(r.subject, r.content), url: `${env.QT_PUBLIC_URL}${url}`, communeName: commune.name, communeUrl: base, type: 'article', body }));
    },
  );

  // The first addresses (/cong-khai/…), kept for links already shared: they move to /p/….
  const params = z.object({ commune: z.string().max(100) });
  app.get(
    '/cong-khai/:commune',
    { config: { public: true }, schema: { tags: ['public'], summary: 'Địa chỉ cũ của trang công khai: chuyển sang /p/resolutions', params } },
    async (request, reply) => {
      const commune = await communeOf(db, request.params.commune);
      if (!commune) return notFoundPage(reply);
      return reply.redirect(publicListPath(commune.id), 301);
    },
  );
  app.get(
    '/cong-khai/:commune/nghi-quyet/:resolution',
    { config: { public: true }, schema: { tags: ['public'], summary: 'Địa chỉ cũ của trang một nghị quyết: chuyển sang /p/resolutions/:slug', params: params.extend({ resolution: z.string().max(100) }) } },
    async (request, reply) => {
      const commune = await communeOf(db, request.params.commune);
      if (!commune || !UUID.test(request.params.resolution)) return notFoundPage(reply);
      const page = await publicResolutionPage(db, commune.id, request.params.resolution);
      if (!page) return notFoundPage(reply);
      return reply.redirect(publicPagePath(page.resolution), 301);
    },
  );
};
