/** A tenant: its projects, keys and Organization-scoped certificates belong to it. */
export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
  /** When it was disabled, or null while enabled: its keys are refused. */
  disabledAt?: Date | null;
}
