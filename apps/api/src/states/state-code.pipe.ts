import { Injectable, type PipeTransform } from '@nestjs/common';
import { badStateCode } from './states.errors';

@Injectable()
export class StateCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Z]{3}$/.test(value)) throw badStateCode();
    return value;
  }
}
