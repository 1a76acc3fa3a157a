import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CreateTopic, Topic, UpdateTopic } from '@coop/contracts';
import { CaselawTopicEntity } from './caselaw-topic.entity';
import { topicExists, topicNotFound } from './caselaw.errors';

const toTopic = (t: CaselawTopicEntity): Topic => ({ key: t.key, labels: t.labels });

/** The controlled vocabulary: any signed-in user reads it, facilitators extend it. */
@Injectable()
export class CaselawTopicsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(m: EntityManager = this.dataSource.manager): Promise<Topic[]> {
    return (await m.find(CaselawTopicEntity, { order: { key: 'ASC' } })).map(toTopic);
  }

  async byKey(m: EntityManager = this.dataSource.manager): Promise<Map<string, Topic>> {
    return new Map((await this.list(m)).map((t) => [t.key, t]));
  }

  /** The keys among `keys` that are not topics. */
  async unknown(keys: string[], m: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (keys.length === 0) return [];
    const found = await m.find(CaselawTopicEntity, {
      where: { key: In(keys) },
      select: { key: true },
    });
    const known = new Set(found.map((t) => t.key));
    return keys.filter((k) => !known.has(k));
  }

  async create(input: CreateTopic, actorId: string): Promise<Topic> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caselaw-topic:${input.key}`]);
      const existing = await m.findOne(CaselawTopicEntity, { where: { key: input.key } });
      if (existing) {
        throw topicExists(input.key);
      }
      return toTopic(
        await m.save(
          m.create(CaselawTopicEntity, {
            key: input.key,
            labels: input.labels,
            createdBy: actorId,
          }),
        ),
      );
    });
  }

  async update(key: string, input: UpdateTopic): Promise<Topic> {
    return this.dataSource.transaction(async (m) => {
      const topic = await m.findOne(CaselawTopicEntity, {
        where: { key },
        lock: { mode: 'pessimistic_write' },
      });
      if (!topic) throw topicNotFound(key);
      topic.labels = input.labels;
      return toTopic(await m.save(topic));
    });
  }

  /** Creates or relabels topics from an import; returns which keys were created or changed. */
  async upsert(
    topics: Topic[],
    actorId: string,
    m: EntityManager,
  ): Promise<{ created: string[]; updated: string[] }> {
    const created: string[] = [];
    const updated: string[] = [];
    for (const topic of topics) {
      const existing = await m.findOne(CaselawTopicEntity, { where: { key: topic.key } });
      if (!existing) {
        await m.insert(CaselawTopicEntity, { ...topic, createdBy: actorId });
        created.push(topic.key);
      } else if (JSON.stringify(sorted(existing.labels)) !== JSON.stringify(sorted(topic.labels))) {
        existing.labels = topic.labels;
        await m.save(existing);
        updated.push(topic.key);
      }
    }
    return { created, updated };
  }
}

const sorted = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
