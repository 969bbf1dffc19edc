/**
 * What the API answers, as far as these pages read it. The OpenAPI document does not describe
 * response bodies yet, so these few shapes are written here (requests are typed by schema.d.ts).
 */
export interface Account {
  id: string;
  email: string;
  name: string;
  admin: boolean;
}

export interface NetworkSummary {
  id: string;
  name: string;
  members: number;
  activeMembers: number;
}

export interface Member {
  id: string;
  name: string;
  organisation?: string;
  leftAt?: string;
}

export interface Me {
  memberId: string | null;
  role: string;
  canLogForOthers: boolean;
  canReadAnalysis?: boolean;
  /** A coordinator (or administrator): also the one who sees the whole network's picture. */
  canManage: boolean;
}

export interface Interaction {
  id: string;
  kind: string;
  participants: string[];
  occurredAt: string;
  channel?: string;
  initiator?: string;
  note?: string;
  status: 'active' | 'retracted';
}

export interface SignInMethods {
  password: boolean;
  oidc: { provider: string; loginPath: string } | null;
}
