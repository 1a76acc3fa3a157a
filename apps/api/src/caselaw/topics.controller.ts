import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { createTopicSchema, updateTopicSchema, type Topic, topicSchema } from '@coop/contracts';
import { Access, CurrentPrincipal } from '../platform/access';
import { Returns } from '../platform/openapi';
import type { Principal } from '../platform/principal';
import { TopicKeyPipe } from './topic-key.pipe';
import { CaselawTopicsService } from './topics.service';

class CreateTopicDto extends createZodDto(createTopicSchema) {}
class UpdateTopicDto extends createZodDto(updateTopicSchema) {}

/** The topic vocabulary: read by everyone, extended by facilitators. */
@ApiTags('caselaw')
@Controller('caselaw/topics')
export class CaselawTopicsController {
  constructor(private readonly topics: CaselawTopicsService) {}

  @Get()
  @Access.signedIn()
  @Returns([topicSchema])
  list(): Promise<Topic[]> {
    return this.topics.list();
  }

  @Post()
  @Access.roles(['facilitator'])
  @Returns(topicSchema)
  create(@Body() body: CreateTopicDto, @CurrentPrincipal() me: Principal): Promise<Topic> {
    return this.topics.create(body, me.userId);
  }

  @Patch(':key')
  @Access.roles(['facilitator'])
  @Returns(topicSchema)
  update(@Param('key', TopicKeyPipe) key: string, @Body() body: UpdateTopicDto): Promise<Topic> {
    return this.topics.update(key, body);
  }
}
