import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  searchQuerySchema,
  type CaselawView,
  type SearchResponse,
  caselawViewSchema,
  searchResponseSchema,
} from '@coop/contracts';
import { Access } from '../platform/access';
import { Returns } from '../platform/openapi';
import { CaselawSearchService } from './search.service';

class SearchQueryDto extends createZodDto(searchQuerySchema) {}

/** What every signed-in user reads: published texts only. */
@ApiTags('caselaw')
@Controller('caselaw')
export class CaselawController {
  constructor(private readonly search: CaselawSearchService) {}

  @Get('search')
  @Access.signedIn()
  @Returns(searchResponseSchema)
  find(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.search.search(query);
  }

  /** 404 for a draft as for an unknown id: readers cannot tell that a draft exists. */
  @Get('entries/:id')
  @Access.signedIn()
  @Returns(caselawViewSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CaselawView> {
    return this.search.view(id);
  }
}
