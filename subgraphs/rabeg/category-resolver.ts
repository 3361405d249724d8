import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { CategoryRow } from './entities';
import type { RabegLoaders } from './loaders';
import { Opd, ReportCategory, Severity } from './types';

type Context = RequestContext<RabegLoaders>;

export function toCategory(row: CategoryRow): ReportCategory {
  return {
    code: row.code,
    name: row.nameId,
    nameId: row.nameId,
    nameEn: row.nameEn,
    group: row.groupCode,
    opdId: row.opdId,
    defaultSeverity: row.defaultSeverity as Severity,
    verificationDays: row.verificationDays,
    firstResponseHours: row.firstResponseHours,
    completionDays: row.completionDays,
  };
}

@Resolver(() => ReportCategory)
export class CategoryResolver {
  @Query(() => [ReportCategory], { description: 'Categories of citizen reports, in display order. Public.' })
  async reportCategories(@Ctx() { db }: Context): Promise<ReportCategory[]> {
    const rows = await db.getRepository(CategoryRow).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toCategory);
  }

  @FieldResolver(() => String, { description: 'Name in the language of the request.' })
  name(@Root() category: ReportCategory, @Ctx() { language }: Context): string {
    return language === 'en' ? category.nameEn : category.nameId;
  }

  @FieldResolver(() => Opd, { nullable: true, description: 'The OPD reports of this category are dispatched to by default; null when a coordinator chooses one each time.' })
  opd(@Root() category: ReportCategory): Opd | null {
    return category.opdId ? { id: category.opdId } : null;
  }
}
