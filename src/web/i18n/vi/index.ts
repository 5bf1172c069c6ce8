// Every string the web app shows, in Vietnamese. One name per thing (PRODUCT.md §7): Chi bộ,
// Đảng viên, Đơn vị, Kế hoạch, Nghị quyết… Components never hold their own wording. The strings
// are kept in a few parts by area; `vi` puts them together.
import { accounts } from './accounts';
import { app } from './app';
import { members } from './members';
import { plans } from './plans';
import { registry } from './registry';
import { people } from './people';
import { units } from './units';
import { conferences } from './conferences';
import { taskViews } from './task-views';
import { reminders } from './reminders';
import { privacy } from './privacy';
import { reflections } from './reflections';
import { propaganda } from './propaganda';
import { reports } from './reports';

export const vi = { ...app, ...accounts, ...members, ...registry, ...plans, ...people, ...units, ...conferences, ...taskViews, ...reminders, ...privacy, ...reflections, ...propaganda, ...reports } as const;

export type Strings = typeof vi;
