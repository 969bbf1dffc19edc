import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';

export interface ErasureReceipt {
  memberId: string;
  networkId: string;
  erasedAt: string;
  /** How many interactions' notes were shredded with the member's own data. */
  interactionsShredded: number;
}

/**
 * GDPR erasure of a member's personal data (by the member or a coordinator): their name, email and
 * the notes of interactions they took part in become unreadable; the structure stays.
 */
export class EraseMemberCommand extends Command<ErasureReceipt> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
