// The commune's document settings and the importer's vocabulary extension, as the server gives them.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { settingsSchema, settingsUpdate } from '../../../server/features/settings/schema';
import { api } from '../../api';

export type DocumentSettings = z.infer<typeof settingsSchema>;
export type DocumentSettingsUpdate = z.input<typeof settingsUpdate>;

export interface VocabularyExtension {
  data: Record<string, unknown>;
  version: number;
}

export const documentSettingsQuery = queryOptions({
  queryKey: ['settings', 'documents'],
  queryFn: () => api<DocumentSettings>('/api/settings/documents'),
  retry: false,
});

export const vocabularyQuery = queryOptions({
  queryKey: ['settings', 'vocabulary'],
  queryFn: () => api<VocabularyExtension>('/api/plan-import/vocabulary'),
  retry: false,
});

export function saveDocumentSettings(update: DocumentSettingsUpdate): Promise<DocumentSettings> {
  return api<DocumentSettings>('/api/settings/documents', { method: 'PUT', body: update });
}

export function saveVocabulary(version: number, data: unknown): Promise<VocabularyExtension> {
  return api<VocabularyExtension>('/api/plan-import/vocabulary', { method: 'PUT', body: { version, data } });
}
