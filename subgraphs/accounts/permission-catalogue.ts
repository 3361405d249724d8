import fs from 'node:fs';
import path from 'node:path';
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { findProjectRoot } from '../../plugins/project';

@ObjectType({ description: 'A permission a subgraph declares, for admins to grant.' })
export class PermissionInfo {
  @Field({ description: 'Name such as rabeg:coordinate: the subgraph, a colon and the action.' })
  name: string;

  @Field({ description: 'Subgraph that declares and checks the permission.' })
  subgraph: string;

  @Field({ description: 'What the permission allows, in the language of the request.' })
  description: string;
}

interface CatalogueEntry {
  subgraph: string;
  description: { id: string; en: string };
}

/** Read schema/permissions.json, which `npm run compose` writes from every plugin's declaration. */
function readCatalogue(): Record<string, CatalogueEntry> {
  const file = path.join(findProjectRoot(), 'schema', 'permissions.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, CatalogueEntry>;
}

@Resolver()
export class PermissionCatalogueResolver {
  @Query(() => [PermissionInfo], {
    description: 'Every permission the subgraphs of this supergraph declare, by name. Admins only. A grant may also name a permission of a subgraph not deployed here.',
  })
  availablePermissions(@Ctx() { auth, language }: RequestContext): PermissionInfo[] {
    auth.requireRole('ADMIN');
    return Object.entries(readCatalogue()).map(([name, entry]) => ({ name, subgraph: entry.subgraph, description: entry.description[language] }));
  }
}
