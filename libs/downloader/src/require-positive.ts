import { DownloadError } from './errors';

/** Returns `value` when it is a finite number above zero; throws `invalid_options` naming the option otherwise. */
export function requirePositive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DownloadError('invalid_options', `${name} must be a positive number`);
  }
  return value;
}
