import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  createStateSchema,
  recordWithdrawalSchema,
  type State,
  type StateRevision,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../access';
import type { Principal } from '../identity';
import { StateCodePipe } from './state-code.pipe';
import { StatesService } from './states.service';

class CreateStateDto extends createZodDto(createStateSchema) {}
class RecordWithdrawalDto extends createZodDto(recordWithdrawalSchema) {}

@ApiTags('states')
@Controller('states')
export class StatesController {
  constructor(private readonly states: StatesService) {}

  @Get()
  @Access.signedIn()
  list(): Promise<State[]> {
    return this.states.list();
  }

  @Get(':code')
  @Access.signedIn()
  get(@Param('code', StateCodePipe) code: string): Promise<State> {
    return this.states.get(code);
  }

  @Get(':code/revisions')
  @Access.roles(['registry_admin'])
  history(@Param('code', StateCodePipe) code: string): Promise<StateRevision[]> {
    return this.states.history(code);
  }

  @Post()
  @Access.roles(['registry_admin'], { stepUp: true })
  create(@Body() body: CreateStateDto, @CurrentPrincipal() me: Principal): Promise<State> {
    return this.states.create(body, me.user.id);
  }

  @Post(':code/withdrawal')
  @Access.roles(['registry_admin'], { stepUp: true })
  withdraw(
    @Param('code', StateCodePipe) code: string,
    @Body() body: RecordWithdrawalDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<State> {
    return this.states.recordWithdrawal(code, body, me.user.id);
  }
}
