// How member data reads on screen (dates and missing values: see ../../format.ts).
import { vi } from '../../i18n/vi';

export const genderLabel = (gender: string) => vi.gender[gender] ?? gender;
