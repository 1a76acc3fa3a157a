import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  createStateSchema,
  recordWithdrawalSchema,
  type State,
  type StateRevision,
  stateRevisionSchema,
  stateSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../platform/access';
import { Returns } from '../platform/openapi';
import type { Principal } from '../platform/principal';
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
  @Returns([stateSchema])
  list(): Promise<State[]> {
    return this.states.list();
  }

  @Get(':code')
  @Access.signedIn()
  @Returns(stateSchema)
  get(@Param('code', StateCodePipe) code: string): Promise<State> {
    return this.states.get(code);
  }

  @Get(':code/revisions')
  @Access.roles(['registry_admin'])
  @Returns([stateRevisionSchema])
  history(@Param('code', StateCodePipe) code: string): Promise<StateRevision[]> {
    return this.states.history(code);
  }

  @Post()
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(stateSchema)
  create(@Body() body: CreateStateDto, @CurrentPrincipal() me: Principal): Promise<State> {
    return this.states.create(body, me.userId);
  }

  @Post(':code/withdrawal')
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(stateSchema)
  withdraw(
    @Param('code', StateCodePipe) code: string,
    @Body() body: RecordWithdrawalDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<State> {
    return this.states.recordWithdrawal(code, body, me.userId);
  }
}
