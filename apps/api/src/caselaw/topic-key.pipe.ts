import { Injectable, type PipeTransform } from '@nestjs/common';
import { topicKeySchema } from '@coop/contracts';
import { AppError } from '../platform/errors';

@Injectable()
export class TopicKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!topicKeySchema.safeParse(value).success) {
      throw new AppError(
        400,
        'bad-request',
        'Bad topic key',
        'A topic is named by lower-case words joined by hyphens, e.g. asset-freezing.',
      );
    }
    return value;
  }
}
