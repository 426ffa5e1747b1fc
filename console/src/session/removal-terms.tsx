import type { BanView } from '../../../src/contract';

/** How long a removal bars its player, as the dialog offers it: none, a cooldown, or until lifted. */
export const BAN_CHOICES = [
  { value: 'none', label: 'No ban: they may be seated again', seconds: undefined },
  { value: '1h', label: '1 hour', seconds: 3600 },
  { value: '24h', label: '24 hours', seconds: 86_400 },
  { value: '7d', label: '7 days', seconds: 604_800 },
  { value: 'lifted', label: 'Until I lift it', seconds: null },
] as const;

export type BanChoice = (typeof BAN_CHOICES)[number]['value'];

export interface RemovalTermsInput {
  readonly note: string;
  readonly ban: BanChoice;
}

export const NO_TERMS: RemovalTermsInput = { note: '', ban: 'none' };

/** The body of the removal, read when it is confirmed: a cooldown counts from then. */
export function termsOf({ note, ban }: RemovalTermsInput, now = Date.now()): { note?: string; ban?: BanView } {
  const choice = BAN_CHOICES.find((c) => c.value === ban)!;
  const trimmed = note.trim();
  return {
    ...(trimmed !== '' && { note: trimmed }),
    ...(choice.seconds !== undefined && { ban: { until: choice.seconds === null ? null : new Date(now + choice.seconds * 1000).toISOString() } }),
  };
}

/** The note (the table reads it) and the ban, inside the removal's confirmation. */
export function RemovalTermsFields({ value, onChange }: { value: RemovalTermsInput; onChange: (next: RemovalTermsInput) => void }) {
  return (
    <div className="removal-terms">
      <label className="field">
        Note (optional)
        <textarea
          value={value.note}
          maxLength={512}
          rows={2}
          onChange={(event) => onChange({ ...value, note: event.target.value })}
          aria-describedby="removal-note-hint"
        />
        <span id="removal-note-hint" className="muted">
          The whole table will see it, and so will they.
        </span>
      </label>
      <label className="field">
        Ban
        <select value={value.ban} onChange={(event) => onChange({ ...value, ban: event.target.value as BanChoice })}>
          {BAN_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
