import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LocalizedNames, RegionalGroup } from '@coop/contracts';

@Entity('states')
@Check('states_code_format', `"code" ~ '^[A-Z]{3}$'`)
@Check(
  'states_regional_group',
  `"regional_group" IN ('african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other')`,
)
export class StateEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  code: string;

  @Column({ type: 'jsonb' })
  names: LocalizedNames;

  @Column({ type: 'text' })
  regionalGroup: RegionalGroup;

  @Column({ type: 'date' })
  entryIntoForce: string;

  @Column({ type: 'date', nullable: true })
  withdrawalEffective: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
