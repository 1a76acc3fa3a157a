import { Injectable, type PipeTransform } from '@nestjs/common';
import { topicKeySchema } from '@coop/contracts';
import { badTopicKey } from './caselaw.errors';

@Injectable()
export class TopicKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!topicKeySchema.safeParse(value).success) {
      throw badTopicKey();
    }
    return value;
  }
}
