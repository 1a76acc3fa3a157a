import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from '../platform/errors';

@Injectable()
export class StateCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Z]{3}$/.test(value)) {
      throw new AppError(
        400,
        'bad-request',
        'Bad State code',
        'A State is named by its ISO 3166-1 alpha-3 code, e.g. SEN.',
      );
    }
    return value;
  }
}
