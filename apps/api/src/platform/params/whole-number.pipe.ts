import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { wholeNumberParam } from '@coop/contracts';
import { badRequest } from '../errors';

/** A numeric path parameter within bounds; in place of ParseIntPipe, which has none. */
@Injectable()
export class WholeNumberPipe implements PipeTransform<string, number> {
  private readonly schema: ReturnType<typeof wholeNumberParam>;

  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.schema = wholeNumberParam(min, max);
  }

  transform(value: string, { data }: ArgumentMetadata): number {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw badRequest(
        `${data ?? 'The parameter'} must be a whole number from ${this.min} to ${this.max}.`,
      );
    }
    return parsed.data;
  }
}
