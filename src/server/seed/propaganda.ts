// The demo's propaganda of plan 1-KH/ĐU (issued 15/05/2026), each entry at its moment of the campaign:
// one or more entries on every channel (the ward's portal and loudspeakers, the UBND's Facebook page
// and leaflets, the first cell's Zalo group and residential-group meetings…), some marked public for
// the resolution's public page; and the ward loudspeaker's schedule "thứ Hai và thứ Năm, 6h30, từ 20/5
// đến 30/6/2026" with its broadcasts up to mid-June confirmed (the one of 04/6 missed: a power cut).
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { atMoment } from '../clock';
import { createEntry } from '../features/propaganda/service';
import { confirmOccurrence, createSchedule } from '../features/propaganda/loudspeaker';
import type { PropagandaChannel } from '../features/propaganda/tables';

interface DemoEntry {
  at: string;
  by: 'staff' | 'ubnd' | 'bithu';
  channel: PropagandaChannel;
  title: string;
  link?: string;
  posts?: number;
  broadcasts?: number;
  copies?: number;
  durationMinutes?: number;
  reach?: number;
  public?: boolean;
}

const entries: DemoEntry[] = [
  { at: '2026-05-16T09:00:00+07:00', by: 'staff', channel: 'portal', title: 'Ban Thường vụ Đảng ủy phường ban hành Kế hoạch học tập, quán triệt Nghị quyết số 91-NQ/TU', link: 'https://nongtien.example.vn/tin-tuc/ke-hoach-91-nq-tu', posts: 1, reach: 850, public: true },
  { at: '2026-05-18T16:00:00+07:00', by: 'staff', channel: 'banner', title: 'Treo băng rôn tuyên truyền Nghị quyết số 91-NQ/TU tại trụ sở và các tuyến phố chính', copies: 12, reach: 5000 },
  { at: '2026-05-19T10:00:00+07:00', by: 'ubnd', channel: 'facebook', title: 'Chuỗi bài "Nghị quyết 91-NQ/TU đi vào cuộc sống" trên trang Facebook của UBND phường', link: 'https://facebook.com/ubndphuongnongtien', posts: 3, reach: 2400, public: true },
  { at: '2026-05-20T15:00:00+07:00', by: 'staff', channel: 'portal', title: 'Hội nghị học tập, quán triệt Nghị quyết số 91-NQ/TU của Đảng ủy phường', link: 'https://nongtien.example.vn/tin-tuc/hoi-nghi-91-nq-tu', posts: 1, reach: 1100, public: true },
  { at: '2026-05-21T08:00:00+07:00', by: 'staff', channel: 'loudspeaker', title: 'Phát thanh chuyên mục "Nghị quyết và cuộc sống" trên hệ thống truyền thanh phường', broadcasts: 2, durationMinutes: 20, reach: 6000 },
  { at: '2026-05-22T09:30:00+07:00', by: 'ubnd', channel: 'leaflet', title: 'In và phát tờ rơi tóm tắt nội dung cốt lõi Nghị quyết số 91-NQ/TU', copies: 1500, reach: 1500 },
  { at: '2026-05-23T20:00:00+07:00', by: 'bithu', channel: 'zalo', title: 'Chia sẻ tài liệu hỏi - đáp về Nghị quyết trong nhóm Zalo tổ dân phố', posts: 4, reach: 180 },
  { at: '2026-05-24T19:30:00+07:00', by: 'bithu', channel: 'in-person', title: 'Tuyên truyền trực tiếp tại buổi sinh hoạt tổ dân phố số 3', durationMinutes: 45, reach: 65 },
  { at: '2026-05-27T11:00:00+07:00', by: 'ubnd', channel: 'tiktok', title: 'Video ngắn giới thiệu các mục tiêu của Nghị quyết số 91-NQ/TU', link: 'https://tiktok.com/@ubndnongtien', posts: 2, reach: 3200, public: true },
  { at: '2026-06-03T09:00:00+07:00', by: 'staff', channel: 'zalo', title: 'Thông tin kết quả học tập Nghị quyết gửi các nhóm Zalo chi bộ', posts: 1, reach: 420 },
];

const scheduleId = 'a91d0c5e-7b1f-4c2e-9d3a-0b6e5f4a3c21';

/** The broadcasts confirmed, each shortly after it aired; 04/6 missed. */
const confirmations: { on: string; status: 'aired' | 'missed'; note?: string }[] = [
  { on: '2026-05-21', status: 'aired' },
  { on: '2026-05-25', status: 'aired' },
  { on: '2026-05-28', status: 'aired' },
  { on: '2026-06-01', status: 'aired' },
  { on: '2026-06-04', status: 'missed', note: 'Mất điện khu vực, chuyển phát bù vào thứ Hai tuần sau.' },
  { on: '2026-06-08', status: 'aired' },
  { on: '2026-06-11', status: 'aired' },
];

export async function seedDemoPropaganda(db: Db, actors: { staff: Actor; ubnd: Actor; bithu: Actor }, planId: string): Promise<void> {
  const unitOf = (actor: Actor, role: string) => actor.grants.find((g) => g.role === role)!.unitId;
  const unitFor = { staff: actors.staff.communeId!, ubnd: unitOf(actors.ubnd, 'unitOfficer'), bithu: unitOf(actors.bithu, 'cellSecretary') };
  for (const e of entries) {
    const { at, by, ...values } = e;
    await atMoment(at, () => createEntry(db, actors[by], planId, { id: `d0c0a91d-0000-4000-8000-${String(entries.indexOf(e) + 1).padStart(12, '0')}`, unitId: unitFor[by], on: at.slice(0, 10), ...values }));
  }
  await atMoment('2026-05-19T14:00:00+07:00', () =>
    createSchedule(db, actors.staff, planId, {
      id: scheduleId,
      unitId: unitFor.staff,
      title: 'Chuyên mục "Nghị quyết và cuộc sống" trên hệ thống truyền thanh phường',
      from: '2026-05-20',
      to: '2026-06-30',
      weekdays: ['MO', 'TH'],
      time: '06:30',
      durationMinutes: 10,
      broadcastText:
        'Kính thưa bà con nhân dân trong phường! Thực hiện Kế hoạch của Ban Thường vụ Đảng ủy phường, Đài truyền thanh phường xin giới thiệu nội dung cốt lõi của Nghị quyết số 91-NQ/TU…',
    }),
  );
  for (const c of confirmations) {
    await atMoment(`${c.on}T07:15:00+07:00`, () => confirmOccurrence(db, actors.staff, scheduleId, c.on, { status: c.status, note: c.note ?? null }));
  }
}
