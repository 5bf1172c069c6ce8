// Every table of the product, for Drizzle and drizzle-kit. One schema serves PGlite and PostgreSQL.
export * from '../features/units/tables';
export * from '../features/members/tables';
export * from '../features/audit/tables';
export * from '../auth/tables';
export * from '../features/resolutions/tables';
export * from '../features/plans/tables';
export * from '../features/settings/tables';
export * from '../features/plan-import/tables';
export * from '../documents/tables';
export * from '../features/people/tables';
export * from '../features/conferences/tables';
export * from '../features/notifications/tables';
export * from '../features/study-sessions/tables';
export * from '../features/check-in/tables';
export * from '../features/calendar/tables';
export * from '../features/accounts/tables';
export * from '../features/tasks/tables';
